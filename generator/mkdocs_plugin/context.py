"""Template context: what the theme's templates (generator/theme/) read for each planned page."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..core import urls, vi
from ..core.images import ARTICLE_SIZES, THEME_COLOR, THUMBNAIL_SIZES
from ..core.listen import spoken_abbreviations
from ..core.model import dial_digits
from ..core.share import json_ld
from ..core.synonyms import site_synonyms
from ..core.plan import PlannedPage, SitePlan

FILTERS = {
    "vi_date": vi.format_date_short,
    "vi_weekday_date": vi.format_date_weekday,
    "vi_long_date": vi.format_date_long,
    "vi_number": vi.format_number,
    "vi_file_size": vi.format_file_size,
    "tel": dial_digits,
}


def html_title(text: str) -> Markup:
    """Officer text as MkDocs/Material expect page titles: already-escaped HTML."""
    return escape(text)


def page_context(page: PlannedPage, plan: SitePlan) -> dict:
    """`wn` in templates: the planned page, its data, and absolute URLs for sharing."""
    site_url = plan.site_url
    url = urls.absolute(site_url, page.url)
    card_url = urls.absolute(site_url, page.card_url) if page.card_url else ""
    return {
        "kind": page.kind,
        "page": page,
        "data": page.data,
        "title": page.title,
        "description": page.description,
        "url": url,
        "card_url": card_url,
        # "Nghe đọc" (ward/listen.html): how to say the abbreviations this page uses.
        "abbreviations": (spoken_abbreviations(page, site_synonyms(plan.site.ward.synonyms))
                          if page.kind.listen else {}),
        "json_ld": json_ld(page.kind, page.data, url=url, title=page.title, description=page.description,
                           card_url=card_url, ward=plan.site.ward, site_url=site_url, image_url=plan.images.url),
    }


def env_globals(plan: SitePlan) -> dict:
    return {
        "wn_site": plan.site, "wn_ward": plan.site.ward, "wn_urls": urls, "wn_home": plan.home,
        "wn_site_feeds": plan.site_feeds, "wn_description": plan.description,
        "wn_images": plan.images, "wn_theme_color": THEME_COLOR,
        "wn_image_sizes": {"article": ARTICLE_SIZES, "thumbnail": THUMBNAIL_SIZES},
    }
