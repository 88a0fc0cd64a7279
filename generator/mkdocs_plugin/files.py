"""SitePlan -> MkDocs files: generated pages at our URLs, and only the content assets the site uses."""

from __future__ import annotations

import dataclasses
import hashlib
import os

from markupsafe import escape
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core import urls
from ..core.plan import ArticlePage, Home, ListingPage, SitePlan


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


class Fingerprints:
    """Fingerprints of planned pages: what every page shows (`shared`) plus the page's own data.

    Plan objects are frozen dataclasses, so their repr is a faithful, stable description. An
    article appears on its own page and on several listings: its digest is computed once.
    """

    def __init__(self, shared: str):
        self.shared = shared
        self._articles: dict[int, str] = {}

    def article(self, article) -> str:
        digest = self._articles.get(id(article))
        if digest is None:
            digest = self._articles[id(article)] = hashlib.sha256(repr(article).encode()).hexdigest()
        return digest

    def of(self, planned) -> str:
        if isinstance(planned, ArticlePage):
            own = f"{planned.url}|{self.article(planned.article)}"
        elif isinstance(planned, ListingPage):
            listing = planned.listing
            head = dataclasses.replace(listing, articles=())
            own = repr(head) + "|".join(self.article(a) for a in listing.articles)
        elif isinstance(planned, Home):
            own = repr(dataclasses.replace(planned, latest=())) + "|".join(self.article(a) for a in planned.latest)
        else:
            own = repr(planned)
        return hashlib.sha256(f"{self.shared}\0{own}".encode()).hexdigest()


def plan_files(plan: SitePlan, files: Files, config, shared: str = "", rendered: dict[str, str] | None = None) -> Files:
    """Replace everything MkDocs found in content/ by what the plan says the site contains.

    Officers' files are never handed to MkDocs as they are: the core has already read,
    normalised and validated them. Images are kept only when a published page uses them,
    so a draft's photo is not published before the draft is.
    """
    docs_dir = os.path.abspath(config.docs_dir)
    kept = Files([])
    fingerprints = Fingerprints(shared)
    for file in files:
        from_content = file.abs_src_path and os.path.abspath(file.abs_src_path).startswith(docs_dir + os.sep)
        if not from_content or (not file.is_documentation_page() and file.src_uri in plan.assets):
            kept.append(file)

    def add(src_uri: str, url: str, content: str, in_nav: bool = False) -> None:
        inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
        file = PlannedFile.generated(config, src_uri, content=content, inclusion=inclusion)
        file.dest_uri = urls.dest_path(url)
        file.fingerprint = fingerprints.of(plan.lookup(src_uri))
        file.rendered = rendered
        kept.append(file)

    add(plan.home.src_uri, plan.home.url, "", in_nav=True)
    for article_page in plan.articles:
        add(article_page.src_uri, article_page.url, article_page.article.body)
    for plain in plan.pages:
        add(plain.src_uri, plain.url, plain.page.body, in_nav=True)
    for listing_page in plan.listings:
        add(listing_page.src_uri, listing_page.listing.url, "", in_nav=listing_page.listing.kind == "news"
            and listing_page.listing.number == 1)
    return kept


def nav_entries(plan: SitePlan) -> list:
    """The site's menu: home, news, then the plain pages (giới thiệu, liên hệ...)."""
    news = next(lp for lp in plan.listings if lp.listing.kind == "news" and lp.listing.number == 1)
    entries: list = [{"Trang chủ": plan.home.src_uri}, {"Tin tức": news.src_uri}]
    entries += [{escape(p.page.title): p.src_uri} for p in plan.pages]  # officer text: escaped
    return entries


def shared_fingerprint(plan: SitePlan, config) -> str:
    """What every page shows besides its own data: identity, menu, settings and the templates."""
    parts = [repr(plan.site.ward), repr(nav_entries(plan)), str(config.site_url), str(config.site_name),
             config.theme.name or "", repr(config.markdown_extensions), repr(config.mdx_configs),
             repr(sorted(config.plugins["ward-news"].config.items()))]
    for directory in [config.theme.custom_dir] if config.theme.custom_dir else []:
        for folder, _, names in os.walk(directory):
            for name in sorted(names):
                stat = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
