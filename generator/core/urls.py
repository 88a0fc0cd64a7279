"""Every URL and output path of the site, in one place. URLs are relative to the site root."""

from __future__ import annotations

import posixpath

NEWS = "tin-tuc"
CATEGORY = "chuyen-muc"
TAG = "the"
YEAR = "luu-tru"
AUTHOR = "tac-gia"
REPORT = "bao-cao"
SEARCH = "tim-kiem"
PAGE_SEGMENT = "trang"
CARDS = "the-chia-se"
IMAGES = "anh"
EDITOR = "quan-tri"  # the officers' web editor (core/editor.py)
DOCUMENTS = "van-ban"
ORGANISATION = "to-chuc"
ENGLISH = "en"

#: First path segments the generator owns; a plain page may not take one.
RESERVED_SEGMENTS = frozenset(
    {NEWS, CATEGORY, TAG, YEAR, AUTHOR, REPORT, CARDS, IMAGES, EDITOR, DOCUMENTS, ORGANISATION, ENGLISH, "assets", "search", SEARCH, "pagefind", "404",
     "feed", "atom"}
)


def article_url(slug: str) -> str:
    return f"{NEWS}/{slug}/"


def paginated(base: str, number: int) -> str:
    """`base/` for page 1, `base/trang/N/` after: page 1 has one address only."""
    return base if number <= 1 else f"{base}{PAGE_SEGMENT}/{number}/"


def news_index_url(number: int = 1) -> str:
    return paginated(f"{NEWS}/", number)


def category_url(slug: str, number: int = 1) -> str:
    return paginated(f"{CATEGORY}/{slug}/", number)


def tag_url(slug: str, number: int = 1) -> str:
    return paginated(f"{TAG}/{slug}/", number)


def year_url(year: int, number: int = 1) -> str:
    return paginated(f"{YEAR}/{year}/", number)


def author_url(slug: str, number: int = 1) -> str:
    return paginated(f"{AUTHOR}/{slug}/", number)


def report_index_url() -> str:
    return f"{REPORT}/"


def report_url(year: int) -> str:
    return f"{REPORT}/{year}/"


def report_data_url(year: int, fmt: str) -> str:
    """A report's figures as open data: `bao-cao/2025/so-lieu-2025.csv` (or .json)."""
    return f"{REPORT}/{year}/so-lieu-{year}.{fmt}"


def documents_url() -> str:
    return f"{DOCUMENTS}/"


def document_url(slug: str) -> str:
    return f"{DOCUMENTS}/{slug}/"


def organisation_url() -> str:
    return f"{ORGANISATION}/"


def english_url() -> str:
    return f"{ENGLISH}/"


def search_url() -> str:
    return f"{SEARCH}/"


def page_url(slug: str) -> str:
    return f"{slug}/"


def asset_url(src_uri: str) -> str:
    """Where a content file (photo, logo) is published: at its path inside content/."""
    return src_uri


def image_url(name: str) -> str:
    """A web-ready photo or icon (core/images.py), named by the original's content hash."""
    return f"{IMAGES}/{name}"


def web_manifest_url() -> str:
    return "manifest.webmanifest"


def qr_url(page_url: str) -> str:
    """The QR code printed on a page's paper copy (an article, a document), next to the page."""
    return f"{page_url}ma-qr.png"


def card_url(name: str, key: str) -> str:
    """A share card: the content hash in the name, because Zalo and Facebook cache previews by URL."""
    return f"{CARDS}/{name}-{key[:16]}.png"


def feed_url(fmt: str, category_slug: str = "", under: str = "") -> str:
    """`feed.xml` (RSS 2.0) and `atom.xml` (Atom 1.0): for the site, under a category, or under
    another listing's URL (`under="van-ban/"` for the documents)."""
    name = "feed.xml" if fmt == "rss" else "atom.xml"
    if category_slug:
        return f"{CATEGORY}/{category_slug}/{name}"
    return f"{under}{name}"


def absolute(site_url: str, url: str) -> str:
    """An address that works outside the site (feeds, Open Graph, QR codes): site_url + url."""
    if not site_url:
        return "/" + url
    return site_url.rstrip("/") + "/" + url


def relative(url: str, from_page_url: str) -> str:
    """`url` as a link written on the page at `from_page_url`: works under any site path."""
    base = from_page_url if from_page_url.endswith("/") else posixpath.dirname(from_page_url)
    link = posixpath.relpath(url or ".", base or ".")
    return link + "/" if (url == "" or url.endswith("/")) and not link.endswith("/") else link


def dest_path(url: str) -> str:
    """The file a URL is served from: `tin-tuc/x/` → `tin-tuc/x/index.html`."""
    return f"{url}index.html" if url.endswith("/") or url == "" else url


#: Top-level names under which the built site holds files MkDocs would let a content file replace:
#: the theme's (assets/, 404.html, search/), the search index, cards, the editor, feeds, icons,
#: sitemaps (core/sitemap.py). Not the pages' folders (nothing of content is published there) and
#: not IMAGES: its photos are named by hash, and anh/ is officers' natural name for a photo folder.
SITE_OWNED = frozenset({"assets", "search", "pagefind", "404.html", CARDS, EDITOR, feed_url("rss"), feed_url("atom"),
                        web_manifest_url(), "robots.txt", "sitemap.xml", "sitemap.xml.gz", "sitemaps"})
