"""Page kinds: what each kind of page implies, declared once.

A page's kind is decided where the plan makes it (core/plan.py, one builder method per kind) and
is then only *asked*: search, sharing, the sitemap, the plugin and the theme's templates read the
declared attributes below, never a kind's name. Adding a page kind is one declaration here, one
builder method, one template and its tests.

The content kinds that have a body an officer writes (articles, pages, reports, documents) are
listed once too, in `model.Site.bodied`: the check and the build walk the same list, so they can
never disagree about which references a body holds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class PageKind:
    """What a kind of page is and does. Compared by identity: each kind exists once."""

    name: str  # stable; shown as <meta name="ward-news:page">, read by the site audit
    template: str  # under generator/theme/ (or a ward's overrides/)
    #: What search finds the page by: "" (not searchable), "body" (its rendered body, plus a
    #: document's particulars), or "organisation" (the organisation page's duties and people).
    search: str = ""
    #: When the page last changed, for the sitemap: "own" (its item's date), "newest-article",
    #: "newest-report", "listed" (the newest article the page lists) or "" (no date of its own).
    lastmod: str = ""
    og_type: str = "website"  # "article" adds article:* tags and <meta name="author">
    #: The JSON-LD a page carries: "news-article", "organisation" (the ward and its site) or "".
    json_ld: str = ""
    qr: bool = False  # printed with a QR code to itself (the noticeboard sheet)
    noun: str = ""  # how the share and print blocks name the page: "bài viết", "văn bản"
    robots: str = ""  # "noindex" for pages that only repeat others
    site_title: bool = False  # <title> is the ward's name and organisation, not the page's title
    kicker: str = ""  # the small label above a listing's heading ("Chuyên mục")
    byline: bool = True  # a listing's teasers show who wrote each article
    #: A listing's teasers name each article's category above its headline; not on a category's own
    #: page, where every teaser would repeat the page's heading.
    category_kicker: bool = True
    #: A listing of headlines: each article's category, headline, date and author, without its
    #: summary or photo. A tag's or a year's list is looked through for a headline: twenty then fit
    #: in a third of the scrolling, and the page is 6 KB lighter.
    headlines_only: bool = False
    #: A listing found by browsing rather than shared shows the home page's card, one file,
    #: instead of a card of its own for each tag and year (60-odd, 0.6 MB of a 500-article ward).
    ward_card: bool = False
    filters: bool = False  # the page filters its list in the browser (hidden without JavaScript)
    lead_photo: bool = False  # the page shows its item's `image:` above the body
    #: "Nghe đọc": the page offers to read its headline and body aloud in the browser's own
    #: Vietnamese voice (ward/listen.html, listen.js), with the abbreviations it uses spelled out.
    listen: bool = False

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:  # in fingerprints (mkdocs_plugin/files.py): the name says it all
        return f"PageKind({self.name!r})"


HOME = PageKind("home", "ward/home.html", lastmod="newest-article", json_ld="organisation", site_title=True)
ARTICLE = PageKind("article", "ward/article.html", search="body", lastmod="own", og_type="article",
                   json_ld="news-article", qr=True, noun="bài viết", lead_photo=True, listen=True)
PAGE = PageKind("page", "ward/page.html", search="body")
REPORT = PageKind("report", "ward/report.html", search="body", lastmod="own", qr=True, noun="báo cáo",
                  listen=True)
REPORT_INDEX = PageKind("report-index", "ward/report-index.html", lastmod="newest-report")
DOCUMENT = PageKind("document", "ward/document.html", search="body", qr=True, noun="văn bản", listen=True)
DOCUMENT_INDEX = PageKind("document-index", "ward/document-index.html", filters=True)
ORGANISATION = PageKind("organisation", "ward/organisation.html", search="organisation")
ENGLISH = PageKind("english", "ward/english.html")
SEARCH = PageKind("search", "ward/search.html", robots="noindex")
NEWS_INDEX = PageKind("news-index", "ward/listing.html", lastmod="listed")
CATEGORY = PageKind("category", "ward/listing.html", lastmod="listed", kicker="Chuyên mục", category_kicker=False)
TAG = PageKind("tag", "ward/listing.html", lastmod="listed", kicker="Thẻ", headlines_only=True, ward_card=True)
ARCHIVE = PageKind("archive", "ward/listing.html", lastmod="listed", kicker="Lưu trữ", headlines_only=True, ward_card=True)
AUTHOR = PageKind("author", "ward/listing.html", lastmod="listed", kicker="Tác giả", byline=False)

KINDS: dict[str, PageKind] = {k.name: k for k in (
    HOME, ARTICLE, PAGE, REPORT, REPORT_INDEX, DOCUMENT, DOCUMENT_INDEX, ORGANISATION, ENGLISH, SEARCH,
    NEWS_INDEX, CATEGORY, TAG, ARCHIVE, AUTHOR)}

#: The page kind of each kind of listing (core/listings.py Listing.kind).
LISTING_KINDS: dict[str, PageKind] = {"news": NEWS_INDEX, "category": CATEGORY, "tag": TAG, "year": ARCHIVE,
                                      "author": AUTHOR}
