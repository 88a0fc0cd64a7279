"""Template context: what our overrides/ templates read for each kind of page."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..core import urls, vi
from ..core.plan import ArticlePage, Home, ListingPage, PlainPage, SitePlan

FILTERS = {
    "vi_date": vi.format_date_short,
    "vi_weekday_date": vi.format_date_weekday,
    "vi_long_date": vi.format_date_long,
    "vi_number": vi.format_number,
}


def page_kind(planned) -> str:
    if isinstance(planned, ArticlePage):
        return "article"
    if isinstance(planned, ListingPage):
        return "listing"
    if isinstance(planned, Home):
        return "home"
    if isinstance(planned, PlainPage):
        return "page"
    return "other"


def page_title(planned, plan: SitePlan) -> str:
    if isinstance(planned, ArticlePage):
        return planned.article.title
    if isinstance(planned, PlainPage):
        return planned.page.title
    if isinstance(planned, ListingPage):
        listing = planned.listing
        prefix = {"category": "Chuyên mục: ", "tag": "Thẻ: ", "year": "Lưu trữ: "}.get(listing.kind, "")
        suffix = f" – Trang {listing.number}" if listing.number > 1 else ""
        return prefix + listing.title + suffix
    return plan.site.ward.name


def page_description(planned, plan: SitePlan) -> str:
    if isinstance(planned, ArticlePage):
        return planned.article.summary
    if isinstance(planned, ListingPage) and planned.listing.description:
        return planned.listing.description
    ward = plan.site.ward
    return ward.tagline or ward.organisation or ward.name


def html_title(text: str) -> Markup:
    """Officer text as MkDocs/Material expect page titles: already-escaped HTML."""
    return escape(text)


def audit_kind(planned) -> str:
    """The page kind announced in <meta name="ward-news:page">, for crawlers and site audits."""
    if isinstance(planned, ListingPage):
        return {"news": "news-index", "year": "archive"}.get(planned.listing.kind, planned.listing.kind)
    return page_kind(planned)


def page_context(planned, plan: SitePlan) -> dict:
    return {
        "kind": page_kind(planned),
        "audit_kind": audit_kind(planned),
        "planned": planned,
        "title": page_title(planned, plan),
        "description": page_description(planned, plan),
    }


def env_globals(plan: SitePlan) -> dict:
    return {"wn_site": plan.site, "wn_ward": plan.site.ward, "wn_urls": urls, "wn_home": plan.home}
