"""sitemap.xml and robots.txt: each page's own last change, never the build's clock.

`sitemap.xml` is a sitemap index pointing at `sitemaps/trang.xml`, which lists the pages. Two
reasons: search engines take either, and mkdocs-material's script downloads the sitemap.xml
beside every `<link rel="alternate">` of a page (the feeds in its head) on every page view. A
5,000-article list would cost each reader ~700 KB; the index costs a few hundred bytes.

lastmod: an article's `updated` or `date`; a listing page's newest article on it; the home page
the newest article; a report its date; pages without a date of their own have none. Pages that
ask not to be indexed (the search page) are left out.
"""

from __future__ import annotations

import gzip
from datetime import datetime
from xml.sax.saxutils import escape

from . import urls
from .plan import SitePlan

SITEMAP = "sitemap.xml"
PAGES_SITEMAP = "sitemaps/trang.xml"
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_lastmods(plan: SitePlan) -> dict[str, datetime | None]:
    """URL → when that page last changed, for every page the sitemap lists."""
    changed = {a.src_uri: a.updated or a.date for a in plan.site.articles}
    changed.update({r.src_uri: r.date for r in plan.site.reports})
    newest_article = max(changed[a.src_uri] for a in plan.site.articles) if plan.site.articles else None
    newest_report = max((r.date for r in plan.site.reports), default=None)
    lastmods: dict[str, datetime | None] = {}
    for page in plan.pages:
        if "noindex" in page.robots:
            continue
        rule = page.kind.lastmod  # core/kinds.py
        if rule == "own":
            when = changed[page.src_uri]
        elif rule == "newest-article":
            when = newest_article
        elif rule == "newest-report":
            when = newest_report
        elif rule == "listed" and page.data.articles:
            when = max(changed[a.src_uri] for a in page.data.articles)
        else:
            when = None
        lastmods[page.url] = when
    return lastmods


def render_sitemaps(plan: SitePlan) -> dict[str, bytes]:
    """Relative path → file content: the index (and its .gz, which MkDocs also writes) and the list."""
    lastmods = page_lastmods(plan)
    entries = "".join(_entry("url", urls.absolute(plan.site_url, url), when) for url, when in lastmods.items())
    pages = _document("urlset", entries)
    newest = max((w for w in lastmods.values() if w is not None), default=None)
    index = _document("sitemapindex", _entry("sitemap", urls.absolute(plan.site_url, PAGES_SITEMAP), newest))
    return {SITEMAP: index, SITEMAP + ".gz": gzip.compress(index, mtime=0), PAGES_SITEMAP: pages}


def render_robots(plan: SitePlan) -> bytes:
    """Everything may be crawled; where the sitemap is, when the site's address is known."""
    lines = ["User-agent: *", "Allow: /"]
    if plan.site_url:
        lines.append(f"Sitemap: {urls.absolute(plan.site_url, SITEMAP)}")
    return ("\n".join(lines) + "\n").encode()


def _entry(tag: str, loc: str, when: datetime | None) -> str:
    lastmod = f"<lastmod>{when.isoformat()}</lastmod>" if when is not None else ""
    return f"<{tag}><loc>{escape(loc)}</loc>{lastmod}</{tag}>\n"


def _document(root: str, body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{_NS}">\n{body}</{root}>\n'.encode()
