"""SitePlan -> MkDocs files: generated pages at our URLs, and only the content assets the site uses."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Mapping

from markupsafe import escape
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core import urls
from ..core.model import Article
from ..core.plan import PlannedPage, SitePlan
from ..core.related import ArticleLink
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


class Fingerprints:
    """Fingerprints of planned pages: what every page shows (`shared`) plus the page's own data.

    Plan objects are frozen dataclasses, so their repr is a faithful, stable description. An
    article appears on its own page and on several listings: its digest is taken once, when it
    is made (model.Article.digest); a link to it (plan.py) is described once per build.
    """

    def __init__(self, shared: str, links: str = ""):
        self.shared = shared
        self.links = links  # every page's URL: what a body's links to other .md files become
        self._links: dict[int, tuple[ArticleLink, str]] = {}

    def _link(self, link: ArticleLink) -> str:
        # By id, with the object kept: an id is unique only while its object lives.
        known = self._links.get(id(link))
        if known is None:
            known = self._links[id(link)] = (link, repr(link))
        return known[1]

    def _value(self, value) -> str:
        if isinstance(value, Article):
            return value.digest
        if isinstance(value, ArticleLink):
            return self._link(value)
        if isinstance(value, tuple) and value:
            if isinstance(value[0], Article):
                return ",".join(a.digest for a in value)
            if isinstance(value[0], ArticleLink):
                return "(" + ",".join(self._link(a) for a in value) + ")"
        return repr(value)

    # What a page shows of its own plan entry besides data and body: the fields repr() shows.
    # The card is in as its URL (named by its key); its spec holds absolute paths of files.
    _HEAD = tuple(f.name for f in dataclasses.fields(PlannedPage) if f.repr and f.name not in ("data", "body", "card"))

    def of(self, page: PlannedPage) -> str:
        head = tuple(getattr(page, name) for name in self._HEAD)
        data = page.data
        if dataclasses.is_dataclass(data) and not isinstance(data, Article):
            own = "|".join(self._value(getattr(data, f.name)) for f in dataclasses.fields(data))
        else:
            own = self._value(data)
        links = self.links if ".md" in page.body else ""  # `[x](../2025/b.md)` follows b's URL
        return hashlib.sha256(f"{self.shared}\0{head!r}\0{page.body}\0{own}\0{links}".encode()).hexdigest()


def page_fingerprints(plan: SitePlan, shared: str) -> Fingerprints:
    """The fingerprints of this plan's pages (every page's URL is in: links between pages)."""
    return Fingerprints(shared, hashlib.sha256(repr(sorted((p.src_uri, p.url) for p in plan.pages)).encode()).hexdigest())


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
    for file in files:
        from_content = file.abs_src_path and os.path.abspath(file.abs_src_path).startswith(docs_dir + os.sep)
        if not from_content:
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
    """What every page shows besides its own data: identity, menu, settings, the ward's own
    templates, and `code`: the generator's code, packaged templates and the versions of the
    libraries that render them (core/fingerprint.py). Rendered pages outlive the process
    (core/pagestore.py), so anything that can change between two builds is in here.
    `mode`: "build" or "serve" (the live preview writes no Content-Security-Policy)."""
    settings = [config.site_url, config.site_name, config.site_description, config.site_author, config.copyright,
                config.repo_url, config.repo_name, config.edit_uri, config.use_directory_urls, config.extra,
                config.extra_css, config.extra_javascript, config.theme.name, dict(config.theme.items()),
                config.markdown_extensions, config.mdx_configs, dict(config.plugins["ward-news"].config.items())]
    parts = [mode, repr(plan.site.ward), repr(nav_entries(plan)), stable_repr(settings),
             repr(sorted(plan.images.files)), repr(sorted(plan.attachments)),  # URLs: named by content hash
             code]
    # Contents, not times: a fresh clone in CI (its .cache restored) still finds its pages.
    for directory in theme_dirs(config.theme):
        for folder, dirnames, names in os.walk(directory):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(names):
                with open(os.path.join(folder, name), "rb") as handle:
                    parts.append(f"{os.path.relpath(folder, directory)}/{name}:{hashlib.sha256(handle.read()).hexdigest()}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def stable_repr(value) -> str:
    """repr() that reads the same in every process: mappings by key, sets sorted (a set's order
    follows string hashing, which Python randomises per process)."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{stable_repr(k)}: {stable_repr(v)}" for k, v in
                               sorted(value.items(), key=lambda item: str(item[0]))) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_repr(v) for v in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable_repr(v) for v in value) + "]"
    return repr(value)
