"""build_plan: the whole site as data: every page to render, every feed, card and asset to publish.

A page's kind is decided here, once. Each PlannedPage carries its kind, URL, template, title,
description, share card and the data its template reads, so the MkDocs adapter and the base
template dispatch on `kind`/`template` without knowing what a kind means. Adding a page kind is
core data (a builder below) plus one template.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import kinds, urls, vi
from .cards.render import PHOTO_PANEL
from .cards.spec import CardSpec
from .feeds import DOCUMENTS_LABEL, FeedSpec, plan_feeds
from .listings import Listing, build_listings, category_counts, years
from .model import About, Article, Category, Document, Site, WardInfo
from .reading import reading_minutes
from .related import ArticleLink, article_link, neighbours, related_articles
from .reports import REPORT_LABEL, ReportView, build_report_index, build_report_view
from .rules.articles import DESCRIPTION_MAX, summarize
from .rules.documents import DOCUMENT_TYPES
from .images import ImageSet
from .memo import ContentMemo, memo_or_new
from .rules.images import attachment_references
from .settings import Settings

HOME_SRC = "index.md"
HOME_DOCUMENTS = 5  # documents in force shown on the home page
_LISTING_PREFIX = {"category": "Chuyên mục: ", "tag": "Thẻ: ", "year": "Lưu trữ: ", "author": "Tác giả: "}
WARD_CARD_NAME = "trang-chu"
_LISTING_CARD_NAME = {"news": urls.NEWS, "category": urls.CATEGORY, "author": urls.AUTHOR}


@dataclass(frozen=True)
class Home:
    """What the home page shows besides the ward's identity."""

    latest: tuple[Article, ...]  # newest first, without the articles pinned in `featured`
    categories: tuple[tuple[Category, int], ...]
    years: tuple[tuple[int, int], ...]
    latest_report: ReportView | None = None  # teased on the home page
    featured: tuple[Article, ...] = ()  # `featured: true`, newest first, at most home_featured_max
    documents: tuple[Document, ...] = ()  # the newest documents still in force


@dataclass(frozen=True)
class Breadcrumb:
    name: str
    url: str  # relative to the site root; "" is the home page


@dataclass(frozen=True)
class ArticleView:
    """What an article's page shows besides the article: where it sits in the site.

    Other articles are ArticleLinks (headline, URL, date, category), so the page's fingerprint
    changes when a linked headline does, not when a linked article's body does."""

    article: Article
    previous: ArticleLink | None  # "Bài trước": the next older article of the whole site
    next: ArticleLink | None  # "Bài sau": the next newer one
    related: tuple[ArticleLink, ...]  # "Bài liên quan", best first (core/related.py)
    reading_minutes: int
    breadcrumbs: tuple[Breadcrumb, ...]  # Trang chủ › category › headline (the page itself last)


@dataclass(frozen=True)
class DocumentIndex:
    """The documents' page (van-ban/): those in force, then those expired; the page filters
    both by type and year in the browser, and lists every document without it."""

    current: tuple[Document, ...]
    expired: tuple[Document, ...]
    types: tuple[str, ...]  # the types the ward has published, in DOCUMENT_TYPES order
    years: tuple[int, ...]  # newest first

    @property
    def total(self) -> int:
        return len(self.current) + len(self.expired)


@dataclass(frozen=True)
class DocumentView:
    """A document's page: the document and where it sits in the site."""

    document: Document
    breadcrumbs: tuple[Breadcrumb, ...]


@dataclass(frozen=True)
class PlannedPage:
    """One HTML page of the site and everything needed to render and share it."""

    kind: kinds.PageKind  # what the page is and implies (core/kinds.py): asked, never branched on by name
    src_uri: str  # the officer's file, or a virtual path unique to this page
    url: str  # from urls.py, relative to the site root
    title: str  # plain text: <title>, og:title, the card's headline
    description: str  # plain text: meta description, og:description
    data: object  # what the template reads: ArticleView, Listing, Home, ReportView or Page
    body: str = ""  # Markdown rendered into the page (articles and plain pages)
    nav_title: str = ""  # set for the pages in the site's menu
    card: CardSpec | None = None
    card_url: str = ""
    card_alt: str = ""
    # Feeds this page announces besides the site's own. Left out of repr(), which fingerprints
    # pages for live-preview rebuilds: a feed holds 30 whole articles, the page shows its URL.
    feeds: tuple[FeedSpec, ...] = field(default=(), repr=False)
    qr_url: str = ""  # a QR code to this page, printed on its noticeboard sheet (kinds with `qr`)
    share_title: str = ""  # og:title and the card's headline when they differ from `title`

    @property
    def template(self) -> str:
        return self.kind.template

    @property
    def robots(self) -> str:
        return self.kind.robots

    @property
    def lead_image(self):
        """The photo shown above the body (an article's `image:`), or None."""
        return self.data.article.image if self.kind.lead_photo else None

    @property
    def og_title(self) -> str:
        """What a link preview shows: the same words as the card (page 2 of a list shares page 1's)."""
        return self.share_title or self.title


@dataclass(frozen=True)
class SitePlan:
    site: Site
    home: Home
    pages: tuple[PlannedPage, ...]  # home first, then listings, plain pages, articles
    feeds: tuple[FeedSpec, ...]  # the site's feeds first, then each category's
    description: str  # the ward's description, for the home page and the site's feeds
    site_url: str  # the public address the site is built for ("" when unknown)
    by_src: dict[str, PlannedPage] = field(default_factory=dict, compare=False, hash=False)
    images: ImageSet = field(default_factory=ImageSet, compare=False, hash=False)  # web-ready photos
    attachments: frozenset[str] = frozenset()  # src_uris of the files published for download

    def lookup(self, src_uri: str) -> PlannedPage | None:
        """The planned page for a source path, or None for files that are not ours."""
        return self.by_src.get(src_uri)

    @functools.cached_property
    def feed_sources(self) -> frozenset[str]:
        """src_uris of the pages whose bodies a feed carries."""
        return frozenset(e.src_uri for feed in self.feeds for e in feed.entries)

    @functools.cached_property
    def body_sources(self) -> frozenset[str]:
        """src_uris of the pages whose rendered bodies feeds or search carry."""
        return self.feed_sources | frozenset(p.src_uri for p in self.pages if p.kind.search)

    @property
    def site_feeds(self) -> tuple[FeedSpec, ...]:
        return tuple(f for f in self.feeds if f.page_url == "")

    @property
    def cards(self) -> tuple[PlannedPage, ...]:
        """Pages with a share card (several may share one, e.g. the pages of a listing)."""
        return tuple(p for p in self.pages if p.card is not None)

    @property
    def nav(self) -> tuple[PlannedPage, ...]:
        return tuple(p for p in self.pages if p.nav_title)


def ward_description(ward: WardInfo) -> str:
    """site.yml's description, else its tagline, else a sentence naming the organisation."""
    if ward.description or ward.tagline:
        return ward.description or ward.tagline
    organisation = ward.organisation or f"Ủy ban Mặt trận Tổ quốc Việt Nam {_lower_first(ward.name)}"
    return f"Tin tức, hoạt động của {organisation}: an sinh xã hội, đại đoàn kết, chuyển đổi số."


def home_featured(articles, limit: int) -> tuple[Article, ...]:
    """The articles pinned on the home page: `featured: true`, newest first, at most `limit`.
    Older featured articles beyond the limit are listed like any other."""
    return tuple(a for a in articles if a.featured)[: max(0, limit)]


def build_plan(site: Site, settings: Settings, images: ImageSet | None = None, memo: ContentMemo | None = None
               ) -> SitePlan:
    """Every page, feed and file of the site. `images` are the photos made web-ready
    (`pipeline.prepare_site_images`); without them pages show no photos (tests of other things).
    `memo`: the build cache's, for what is derived from unchanged text (core/buildcache.py)."""
    memo = memo_or_new(memo)
    feeds = plan_feeds(site.articles, site.categories, site.ward, ward_description(site.ward), site.reports,
                       site.documents)
    builder = _Builder(site, settings, feeds, memo, images or ImageSet())
    # The order is the menu's order for pages that have a nav_title: home, news, plain pages.
    pages = [builder.home()]
    pages += [builder.listing(listing) for listing in build_listings(site, settings.pagination_per_page)]
    if site.reports:
        pages.append(builder.report_index())
    if site.documents:
        pages.append(builder.document_index())
    if site.ward.about is not None:
        pages.append(builder.organisation(site.ward.about))
        if site.ward.about.english_name or site.ward.about.english_summary:
            pages.append(builder.english(site.ward.about))
    pages += [builder.plain_page(p) for p in site.pages]
    pages.append(builder.search_page())
    pages += [builder.report(view) for view in builder.report_views]
    pages += [builder.document(d) for d in site.documents]
    pages += [builder.article(a) for a in site.articles]
    _refuse_shared_urls(pages)
    return SitePlan(site=site, home=builder.home_data, pages=tuple(pages), feeds=tuple(feeds),
                    description=builder.description,
                    site_url=settings.site_url, by_src={p.src_uri: p for p in pages}, images=images or ImageSet(),
                    attachments=frozenset(attachment_references(site, memo)))


def with_edited_body(page: PlannedPage, article: Article, memo: ContentMemo | None = None) -> PlannedPage:
    """An article's page after an edit to its body alone (load.reload_body_edits): the same
    page with the new text and reading time; every other page of the plan stays as it is."""
    view = dataclasses.replace(page.data, article=article, reading_minutes=reading_minutes(article.body, memo))
    return dataclasses.replace(page, body=article.body, data=view)


class _Builder:
    """One method per page kind: URL, template, title, description and card in one place."""

    def __init__(self, site: Site, settings: Settings, feeds: list[FeedSpec], memo: ContentMemo, images: ImageSet):
        self.site, self.settings, self.ward, self.feeds, self.memo = site, settings, site.ward, feeds, memo
        self.images = images
        self.description = ward_description(site.ward)
        self.content_root = str(Path(settings.content_dir).resolve())
        self.logo_path = str((Path(self.content_root) / self.ward.logo).resolve()) if self.ward.logo else None
        self.report_views = tuple(build_report_view(report, site) for report in site.reports)
        # Expired notices (`expires:`) keep their pages and archives but leave the home page.
        current = [a for a in site.articles if not a.expired]
        featured = home_featured(current, settings.home_featured_max)
        pinned = {a.src_uri for a in featured}  # shown once: above, not again in the latest news
        latest = [a for a in current[: settings.home_latest_count + len(pinned)] if a.src_uri not in pinned]
        self.home_data = Home(
            latest=tuple(latest[: settings.home_latest_count]),
            featured=featured,
            categories=tuple(category_counts(site)),
            years=tuple(years(site)),
            latest_report=self.report_views[0] if self.report_views else None,
            documents=tuple(d for d in site.documents if not d.expired)[:HOME_DOCUMENTS],
        )
        # For every article page at once, not per page: one pass over tag and category lists.
        self.neighbours = neighbours(site.articles)
        self._links: dict[str, ArticleLink] = {}
        self.related = related_articles(site.articles, memo=memo)

    def home(self) -> PlannedPage:
        return self._page(kinds.HOME, HOME_SRC, "", self.ward.name, self.description, self.home_data,
                          nav_title="Trang chủ", card=self._ward_card(), card_name=WARD_CARD_NAME)

    def _ward_card(self) -> CardSpec:
        """The home page's card: the ward's name. Lists that are found rather than shared show it too."""
        return self._card(self.ward.name, kicker="Trang thông tin điện tử", photo=None)

    def article(self, article: Article) -> PlannedPage:
        card = self._card(article.title, kicker=article.category.name, date_text=vi.format_date_short(article.date),
                          photo=article.image.src_uri if article.image else None)
        url = urls.article_url(article.slug)
        return self._page(kinds.ARTICLE, article.src_uri, url, article.title, article.description,
                          self.article_view(article), body=article.body, card=card, card_name=article.slug)

    def article_view(self, article: Article) -> ArticleView:
        previous, next_ = self.neighbours[article.src_uri]
        return ArticleView(
            article=article,
            previous=self._link(previous) if previous else None,
            next=self._link(next_) if next_ else None,
            related=tuple(self._link(a) for a in self.related[article.src_uri]),
            reading_minutes=reading_minutes(article.body, self.memo),
            breadcrumbs=(Breadcrumb("Trang chủ", ""),
                         Breadcrumb(article.category.name, urls.category_url(article.category.slug)),
                         Breadcrumb(article.title, urls.article_url(article.slug))),
        )

    def _link(self, article: Article) -> ArticleLink:
        """One ArticleLink per article for the whole plan (each is on up to seven pages):
        fingerprints describe each once (mkdocs_plugin/files.py)."""
        link = self._links.get(article.src_uri)
        if link is None:
            link = self._links[article.src_uri] = article_link(article)
        return link

    def plain_page(self, page) -> PlannedPage:
        description = summarize(page.body, DESCRIPTION_MAX) or self.description
        card = self._card(page.title, kicker=self.ward.name, photo=None)
        return self._page(kinds.PAGE, page.src_uri, urls.page_url(page.slug), page.title,
                          description, page, body=page.body, nav_title=page.title, card=card,
                          card_name=f"trang-{page.slug}")

    def report(self, view: ReportView) -> PlannedPage:
        report = view.report
        figures = tuple((figure.text, figure.label) for figure in view.headline)
        card = self._card(report.title, kicker=REPORT_LABEL, photo=None, figures=figures)
        return self._page(kinds.REPORT, report.src_uri, urls.report_url(report.year), report.title,
                          report.description, view, body=report.body, card=card, card_name=f"bao-cao-{report.year}")

    def report_index(self) -> PlannedPage:
        title = REPORT_LABEL
        who = self.ward.organisation or self.ward.name
        years = ", ".join(str(v.report.year) for v in self.report_views)
        description = f"Báo cáo tổng kết công tác Mặt trận hằng năm của {who}: số liệu, biểu đồ các năm {years}."
        card = self._card(title, kicker=who, photo=None)
        return self._page(kinds.REPORT_INDEX, "_reports/index.md", urls.report_index_url(),
                          title, description, build_report_index(self.report_views), nav_title="Báo cáo", card=card,
                          card_name="bao-cao")

    def document(self, document: Document) -> PlannedPage:
        url = urls.document_url(document.slug)
        title = f"{document.type} số {document.number}: {document.title}"
        card = self._card(document.title, kicker=f"{document.type} số {document.number}",
                          date_text=vi.format_date_short(document.date), photo=None)
        view = DocumentView(document, (Breadcrumb("Trang chủ", ""), Breadcrumb(DOCUMENTS_LABEL, urls.documents_url()),
                                       Breadcrumb(f"{document.type} số {document.number}", url)))
        return self._page(kinds.DOCUMENT, document.src_uri, url, title, document.description, view,
                          body=document.body, card=card, card_name=f"van-ban-{document.slug}")

    def document_index(self) -> PlannedPage:
        documents = self.site.documents
        present = {d.type for d in documents}
        index = DocumentIndex(current=tuple(d for d in documents if not d.expired),
                              expired=tuple(d for d in documents if d.expired),
                              types=tuple(t for t in DOCUMENT_TYPES if t in present),
                              years=tuple(sorted({d.date.year for d in documents}, reverse=True)))
        who = self.ward.organisation or self.ward.name
        description = f"Thông báo, kế hoạch, quyết định và các văn bản khác của {who}, kèm tệp để tải về."
        card = self._card(DOCUMENTS_LABEL, kicker=who, photo=None)
        url = urls.documents_url()
        return self._page(kinds.DOCUMENT_INDEX, "_documents/index.md", url, DOCUMENTS_LABEL, description, index,
                          nav_title=DOCUMENTS_LABEL, card=card, card_name="van-ban", feeds=self._feeds_of(url))

    def organisation(self, about: About) -> PlannedPage:
        title = "Giới thiệu tổ chức"
        who = self.ward.organisation or self.ward.name
        description = f"Chức năng, nhiệm vụ, cơ cấu tổ chức, lãnh đạo và cách liên hệ {who}."
        card = self._card(title, kicker=who, photo=None)
        return self._page(kinds.ORGANISATION, "_organisation/index.md",
                          urls.organisation_url(), title, description, about, nav_title="Tổ chức", card=card,
                          card_name="to-chuc")

    def english(self, about: About) -> PlannedPage:
        title = about.english_name or "About us"
        description = about.english_summary or f"Structure and contacts of {title}."
        card = self._card(title, kicker="About us", photo=None)
        return self._page(kinds.ENGLISH, "_english/index.md", urls.english_url(), title,
                          description, about, card=card, card_name="english")

    def search_page(self) -> PlannedPage:
        """tim-kiem/?q=...: results are found in the browser (core/search.py); a results page
        repeats other pages, so search engines are asked not to index it."""
        title = "Tìm kiếm"
        description = f"Tìm tin bài, báo cáo trên trang thông tin của {self.ward.organisation or self.ward.name}."
        card = self._card(title, kicker=self.ward.name, photo=None)
        return self._page(kinds.SEARCH, "_search/index.md", urls.search_url(), title, description, None, card=card,
                          card_name="tim-kiem")

    def listing(self, listing: Listing) -> PlannedPage:
        kind = kinds.LISTING_KINDS[listing.kind]
        suffix = f" – Trang {listing.number}" if listing.number > 1 else ""
        heading = _LISTING_PREFIX.get(listing.kind, "") + listing.title
        title = heading + suffix
        src_uri = "_listings/" + urls.dest_path(listing.url).replace("index.html", "index.md")
        if kind.ward_card:
            card, name, alt = self._ward_card(), WARD_CARD_NAME, self._card_alt(self.ward.name)
        else:
            # The card's headline is the page's title (what og:title promises), so the kind of list
            # is in the headline already; all pages of a listing share one card.
            card = self._card(heading, kicker="", photo=None)
            name, alt = _LISTING_CARD_NAME[listing.kind] + (f"-{listing.key}" if listing.key else ""), ""
        # A category's pages announce that category's feeds.
        feeds = self._feeds_of(urls.category_url(listing.key)) if kind is kinds.CATEGORY else ()
        page = self._page(kind, src_uri, listing.url, title, self._listing_description(listing), listing,
                          nav_title="Tin tức" if kind is kinds.NEWS_INDEX and listing.number == 1 else "",
                          card=card, card_name=name, feeds=feeds, card_alt=alt)
        return dataclasses.replace(page, share_title=heading)

    def _feeds_of(self, page_url: str) -> tuple[FeedSpec, ...]:
        """The feeds of what the page at `page_url` lists (a category's, the documents')."""
        return tuple(f for f in self.feeds if f.page_url == page_url)

    def _listing_description(self, listing: Listing) -> str:
        if listing.description:
            return listing.description
        who = self.ward.organisation or self.ward.name
        return {
            "news": f"Tất cả tin tức, hoạt động của {who}, mới nhất trước.",
            "category": f"Tin bài chuyên mục {listing.title} của {who}.",
            "tag": f"Các tin bài có thẻ “{listing.title}” của {who}.",
            "year": f"Tin bài năm {listing.key} của {who}.",
            "author": f"Các tin bài của tác giả {listing.title} trên trang thông tin của {who}.",
        }[listing.kind]

    def _card(self, title: str, *, kicker: str, photo: str | None, date_text: str = "",
              figures: tuple[tuple[str, str], ...] = ()) -> CardSpec:
        return CardSpec(
            title=title, kicker=kicker, date_text=date_text, ward_name=self.ward.name,
            organisation=self.ward.organisation, logo=self.logo_path,
            photo=self._card_photo(photo) if photo else None, figures=figures,
        )

    def _card_photo(self, src_uri: str) -> str:
        """What a card draws of a photo: its web-ready rendition that fills the card's panel, made
        already, else the original (joined to the resolved content folder, not resolved one by one:
        photos were checked to stay inside content/ already)."""
        made = self.images.covering(src_uri, *PHOTO_PANEL)
        return str(made) if made is not None else os.path.join(self.content_root, src_uri)

    def _page(self, kind: kinds.PageKind, src_uri, url, title, description, data, *, body="", nav_title="",
              card: CardSpec | None = None, card_name: str = "", feeds: tuple[FeedSpec, ...] = (),
              card_alt: str = "") -> PlannedPage:
        card_url = urls.card_url(card_name, card.key(self.memo)) if card is not None else ""
        return PlannedPage(kind=kind, src_uri=src_uri, url=url, title=title, description=description, data=data,
                           body=body, nav_title=nav_title, card=card, card_url=card_url,
                           card_alt=(card_alt or self._card_alt(title)) if card else "",
                           qr_url=urls.qr_url(url) if kind.qr else "", feeds=feeds)

    def _card_alt(self, headline: str) -> str:
        """What a card shows, for og:image:alt: its headline and the ward."""
        return f"{headline} – {self.ward.name}"


class DuplicateOutput(ValueError):
    """Two planned pages would be written to one file: a bug in the plan, never content's fault
    (content slugs are checked for duplicates in rules/crossfile.py)."""


def _refuse_shared_urls(pages: list[PlannedPage]) -> None:
    """Pelican's writer refuses to write one path twice; so does the plan, before anything is written."""
    seen: dict[str, PlannedPage] = {}
    for page in pages:
        for key, taken in ((page.url, seen.get(page.url)), ("src:" + page.src_uri, seen.get("src:" + page.src_uri))):
            if taken is not None:
                raise DuplicateOutput(f"{taken.kind} {taken.src_uri} and {page.kind} {page.src_uri} share {key!r}")
            seen[key] = page


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
