"""SitePlan -> MkDocs files: generated pages at our URLs, and only the content assets the site uses."""

from __future__ import annotations

import os

from markupsafe import escape
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core import urls
from ..core.plan import SitePlan
from ..core.reuse import page_fingerprints, site_fingerprint
from .theme import theme_dirs


class PlannedFile(File):
    """A generated page that knows a fingerprint of everything its HTML is made from.

    MkDocs' dirty builds (`serve` here) skip a page whose `is_modified()` is False; for an
    in-memory page MkDocs always says True, so every save would re-render thousands of pages.
    We compare the fingerprint with the one last written to the same place instead.
    """

    fingerprint: str = ""
    rendered: dict[str, str] | None = None  # dest path -> fingerprint written there (shared)
    reused: bool = False  # placed from the page store (core/pagestore.py): nothing to render
    # Reused, out of the menu, and no page rendered by this build links to another .md file:
    # MkDocs then needs no Page for it (`ward-news build` at 5,000 articles: 7,700 Page objects).
    omitted: bool = False

    def is_documentation_page(self) -> bool:
        return not self.omitted and super().is_documentation_page()

    def copy_file(self, dirty: bool = False) -> None:
        if not self.omitted:  # placed already: MkDocs would copy it as a static file
            super().copy_file(dirty)

    def is_modified(self) -> bool:
        if self.reused:
            return False
        if self.rendered is None or self.rendered.get(self.abs_dest_path) != self.fingerprint:
            return True
        return not os.path.isfile(self.abs_dest_path)  # written by an earlier rebuild, then deleted


class SourceImage(File):
    """An officer's original photo: MkDocs resolves links to it, but it is never copied into
    the site (it may carry GPS and be 8 MB); core/images.py publishes web-ready copies instead."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def plan_files(plan: SitePlan, files: Files, config, shared: str = "", rendered: dict[str, str] | None = None) -> Files:
    """Replace everything MkDocs found in content/ by what the plan says the site contains.

    Officers' files are never handed to MkDocs as they are: the core has already read,
    normalised and validated them. Images and attachments are kept only when a published page
    uses them, so a draft's photo or file is not published before the draft is (photos then only
    as web-ready copies).
    """
    docs_dir = os.path.abspath(config.docs_dir)
    kept = Files([])
    fingerprints = page_fingerprints(plan, shared)
    unused = _unused_material_files(config)
    for file in files:
        from_content = file.abs_src_path and os.path.abspath(file.abs_src_path).startswith(docs_dir + os.sep)
        if not from_content:
            if not unused(file):
                kept.append(file)
        elif not file.is_documentation_page() and file.src_uri in plan.images.images:
            kept.append(SourceImage(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls))
        elif not file.is_documentation_page() and file.src_uri in plan.attachments:
            kept.append(file)  # published as it is, at its path inside content/ (urls.asset_url)
    for page in plan.pages:
        inclusion = InclusionLevel.INCLUDED if page.nav_title else InclusionLevel.NOT_IN_NAV
        file = PlannedFile.generated(config, page.src_uri, content=page.body, inclusion=inclusion)
        file.dest_uri = urls.dest_path(page.url)
        file.fingerprint = fingerprints.of(page)
        file.rendered = rendered
        kept.append(file)
    return kept


#: Material's own search (lunr, its 20 language files and its worker: 0.9 MB) serves only its
#: search plugin; the site searches with Pagefind. Source maps (1.3 MB) only help someone
#: debugging Material's minified code, and every ward's site would upload them on each publish.
_MATERIAL_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def _unused_material_files(config):
    """A test for the files of Material's package that the site never loads."""
    import material

    material_dir = os.path.dirname(os.path.abspath(material.__file__)) + os.sep
    material_search = any(name == "search" or name.endswith("/search") for name in config.plugins)

    def unused(file: File) -> bool:
        if not file.abs_src_path or not os.path.abspath(file.abs_src_path).startswith(material_dir):
            return False  # ours, or the ward's overrides/
        return file.src_uri.endswith(".map") or (not material_search and file.src_uri.startswith(_MATERIAL_SEARCH))

    return unused


def omit_reused_pages(planned: list[PlannedFile]) -> None:
    """Hide the pages placed from the store from MkDocs' list of pages, except those in the
    menu (the navigation needs their Page). The files stay in the collection, so links to them
    still resolve (MkDocs 1.6 resolves a link through the target's File); when a page rendered
    now links to a .md file at all, every Page is kept, so that the link comes out exactly as
    in a build that rendered everything, whatever MkDocs reads of its target."""
    if any(not f.reused and ".md" in (f.content_string or "") for f in planned):
        return
    for file in planned:
        file.omitted = file.reused and file.inclusion.is_not_in_nav()


def nav_entries(plan: SitePlan) -> list:
    """The site's menu, in the plan's order (home, news, then plain pages)."""
    return [{escape(page.nav_title): page.src_uri} for page in plan.nav]  # officer text: escaped


def shared_fingerprint(plan: SitePlan, config, code: str, mode: str = "build") -> str:
    """What every page shows besides its own data (core/reuse.py), from MkDocs' settings: the
    site's identity and options, the theme's, the ward's own templates."""
    settings = [config.site_url, config.site_name, config.site_description, config.site_author, config.copyright,
                config.repo_url, config.repo_name, config.edit_uri, config.use_directory_urls, config.extra,
                config.extra_css, config.extra_javascript, config.theme.name, dict(config.theme.items()),
                config.markdown_extensions, config.mdx_configs, dict(config.plugins["ward-news"].config.items())]
    return site_fingerprint(plan, settings, repr(nav_entries(plan)), theme_dirs(config.theme), code, mode)
