"""SitePlan -> MkDocs files: generated pages at our URLs, and only the content assets the site uses."""

from __future__ import annotations

import dataclasses
import hashlib
import os

from markupsafe import escape
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core import urls
from ..core.model import Article
from ..core.plan import PlannedPage, SitePlan
from .theme import theme_dirs


class PlannedFile(File):
    """A generated page that knows a fingerprint of everything its HTML is made from.

    MkDocs' dirty builds (`serve` here) skip a page whose `is_modified()` is False; for an
    in-memory page MkDocs always says True, so every save would re-render thousands of pages.
    We compare the fingerprint with the one last written to the same place instead.
    """

    fingerprint: str = ""
    rendered: dict[str, str] | None = None  # dest path -> fingerprint written there (shared)

    def is_modified(self) -> bool:
        if self.rendered is None or not os.path.isfile(self.abs_dest_path):
            return True
        return self.rendered.get(self.abs_dest_path) != self.fingerprint


class SourceImage(File):
    """An officer's original photo: MkDocs resolves links to it, but it is never copied into
    the site (it may carry GPS and be 8 MB); core/images.py publishes web-ready copies instead."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


class Fingerprints:
    """Fingerprints of planned pages: what every page shows (`shared`) plus the page's own data.

    Plan objects are frozen dataclasses, so their repr is a faithful, stable description. An
    article appears on its own page and on several listings: its digest is computed once.
    """

    def __init__(self, shared: str):
        self.shared = shared
        self._articles: dict[int, str] = {}

    def article(self, article: Article) -> str:
        digest = self._articles.get(id(article))
        if digest is None:
            digest = self._articles[id(article)] = hashlib.sha256(repr(article).encode()).hexdigest()
        return digest

    def _value(self, value) -> str:
        if isinstance(value, Article):
            return self.article(value)
        if isinstance(value, tuple) and value and isinstance(value[0], Article):
            return ",".join(self.article(a) for a in value)
        return repr(value)

    def of(self, page: PlannedPage) -> str:
        head = dataclasses.replace(page, data=None, body="")
        data = page.data
        if dataclasses.is_dataclass(data) and not isinstance(data, Article):
            own = "|".join(self._value(getattr(data, f.name)) for f in dataclasses.fields(data))
        else:
            own = self._value(data)
        return hashlib.sha256(f"{self.shared}\0{head!r}\0{page.body}\0{own}".encode()).hexdigest()


def plan_files(plan: SitePlan, files: Files, config, shared: str = "", rendered: dict[str, str] | None = None) -> Files:
    """Replace everything MkDocs found in content/ by what the plan says the site contains.

    Officers' files are never handed to MkDocs as they are: the core has already read,
    normalised and validated them. Images and attachments are kept only when a published page
    uses them, so a draft's photo or file is not published before the draft is (photos then only
    as web-ready copies).
    """
    docs_dir = os.path.abspath(config.docs_dir)
    kept = Files([])
    fingerprints = Fingerprints(shared)
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


def nav_entries(plan: SitePlan) -> list:
    """The site's menu, in the plan's order (home, news, then plain pages)."""
    return [{escape(page.nav_title): page.src_uri} for page in plan.nav]  # officer text: escaped


def shared_fingerprint(plan: SitePlan, config) -> str:
    """What every page shows besides its own data: identity, menu, settings and the templates."""
    parts = [repr(plan.site.ward), repr(nav_entries(plan)), str(config.site_url), str(config.site_name),
             config.theme.name or "", repr(config.markdown_extensions), repr(config.mdx_configs),
             repr(sorted(config.plugins["ward-news"].config.items())), repr(sorted(plan.images.files))]
    for directory in theme_dirs(config.theme):  # the ward's overrides/, then the packaged theme
        for folder, _, names in os.walk(directory):
            for name in sorted(names):
                stat = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
