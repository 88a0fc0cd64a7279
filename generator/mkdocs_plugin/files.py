"""SitePlan -> MkDocs files: generated pages at our URLs, and only the content assets the site uses."""

from __future__ import annotations

import os

from markupsafe import escape
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core import urls
from ..core.plan import SitePlan


def plan_files(plan: SitePlan, files: Files, config) -> Files:
    """Replace everything MkDocs found in content/ by what the plan says the site contains.

    Officers' files are never handed to MkDocs as they are: the core has already read,
    normalised and validated them. Images are kept only when a published page uses them,
    so a draft's photo is not published before the draft is.
    """
    docs_dir = os.path.abspath(config.docs_dir)
    kept = Files([])
    for file in files:
        from_content = file.abs_src_path and os.path.abspath(file.abs_src_path).startswith(docs_dir + os.sep)
        if not from_content or (not file.is_documentation_page() and file.src_uri in plan.assets):
            kept.append(file)

    def add(src_uri: str, url: str, content: str, in_nav: bool = False) -> None:
        inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
        file.dest_uri = urls.dest_path(url)
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
