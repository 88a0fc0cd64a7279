"""RSS 2.0 and Atom 1.0 feeds via feedgen: both for the whole site, RSS for each category.

The site's feeds carry articles and annual reports, newest first; a category's carry its articles.
Each entry carries the full article as sanitised HTML with absolute links and images (a feed
reader has no page to resolve relative ones against), the lead image as an enclosure and at the
top of the content, the author, the category, and dates with the ward's offset. The GUID is the
article's permanent address, which depends on its slug, not its title: correcting a headline
does not make readers see the article twice. Nothing here reads the clock, so an unchanged site
gives byte-identical feeds.
"""

from __future__ import annotations

import heapq
import itertools
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Iterable, Mapping

from feedgen.feed import FeedGenerator
from lxml import etree

from .. import __version__
from . import urls, vi
from .images import ImageSet
from .model import Article, Attachment, Category, Document, Image, Report, WardInfo
from .reports import REPORT_LABEL, format_indicator
from .sanitize import absolutize_urls

#: Entries per feed: aggregators poll often, a feed is downloaded whole and carries whole bodies
#: (~7 KB an entry). Twenty cover weeks of a ward's news; thirty cost a 100-ward city 100 MB more.
FEED_SIZE = 20
#: A category's: it gets a sixth of the news or less, so ten go back as far as the site's twenty.
CATEGORY_FEED_SIZE = 10
FORMATS = ("rss", "atom")  # the site's: every reader takes one of them
#: A category's and the documents' feed: RSS 2.0 alone, as the content contract names it
#: (`chuyen-muc/<slug>/feed.xml`). An Atom twin carried the same 20 bodies again: 0.8 MB a ward.
PART_FORMATS = ("rss",)
_ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Term:
    """A category or tag as feeds name them: term, label and the page that lists it."""

    term: str
    label: str
    url: str  # relative to the site root


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, whatever page it comes from."""

    src_uri: str  # the page's source: its rendered body is looked up by this
    url: str  # the page, relative to the site root
    title: str
    description: str
    date: datetime
    updated: datetime
    author: str
    category: Term
    tags: tuple[Term, ...] = ()
    image: Image | None = None
    lead_html: str = ""  # trusted HTML put before the body: a report's figures, a document's particulars
    attachment: Attachment | None = None  # a document's file, as the entry's enclosure

    @classmethod
    def from_article(cls, article: Article) -> FeedEntry:
        category = article.category
        return cls(article.src_uri, urls.article_url(article.slug), article.title, article.description,
                   article.date, article.updated or article.date, article.author,
                   Term(category.slug, category.name, urls.category_url(category.slug)),
                   tuple(Term(t.slug, t.name, urls.tag_url(t.slug)) for t in article.tags), article.image)

    @classmethod
    def from_report(cls, report: Report) -> FeedEntry:
        return cls(report.src_uri, urls.report_url(report.year), report.title, report.description, report.date,
                   report.date, "", Term(urls.REPORT, REPORT_LABEL, urls.report_index_url()),
                   lead_html=report_figures_html(report))


    @classmethod
    def from_document(cls, document: Document) -> FeedEntry:
        return cls(document.src_uri, urls.document_url(document.slug), f"{document.type} số {document.number}: "
                   f"{document.title}", document.description, document.date, document.date, document.issuer,
                   Term(urls.DOCUMENTS, DOCUMENTS_LABEL, urls.documents_url()),
                   lead_html=document_particulars_html(document), attachment=document.attachment)


DOCUMENTS_LABEL = "Văn bản"


def document_particulars_html(document: Document) -> str:
    """A document's particulars and its download link: what a feed reader needs to know it."""
    rows = [("Số, ký hiệu", document.number), ("Loại văn bản", document.type), ("Cơ quan ban hành", document.issuer),
            ("Ngày ban hành", vi.format_date_short(document.date)),
            ("Ngày có hiệu lực", vi.format_date_short(document.effective))]
    if document.signer:
        rows.append(("Người ký", document.signer))
    items = "".join(f"<li>{escape(label)}: <strong>{escape(value)}</strong></li>" for label, value in rows)
    file = document.attachment
    href = urls.relative(urls.asset_url(file.src_uri), urls.document_url(document.slug))
    link = (f'<p><a href="{escape(href)}">Tải văn bản ({escape(file.label)}, '
            f'{escape(vi.format_file_size(file.size))})</a></p>')
    return f"<ul>{items}</ul>{link}"


def report_figures_html(report: Report) -> str:
    """Every figure of a report as headed lists: a feed reader shows neither the page's tables
    nor its charts, and the figures are what the report is read for."""
    parts = []
    for group in report.groups:
        items = []
        for indicator in group.items:
            figure = format_indicator(indicator, report.year)
            extra = "; ".join(part for part in (figure.change, figure.attainment) if part)
            items.append(f"<li>{escape(figure.label)}: <strong>{escape(figure.text)}</strong>"
                         + (f" ({escape(extra)})" if extra else "") + "</li>")
        parts.append(f"<h2>{escape(group.name)}</h2><ul>{''.join(items)}</ul>")
    return "".join(parts)


@dataclass(frozen=True)
class FeedSpec:
    url: str  # where the feed is published, relative to the site root
    format: str  # "rss" or "atom"
    title: str
    description: str
    page_url: str  # the listing this feed follows: "" for the whole site, else the category's page
    entries: tuple[FeedEntry, ...]  # newest first, at most FEED_SIZE (CATEGORY_FEED_SIZE for a category)

    @property
    def media_type(self) -> str:
        return "application/rss+xml" if self.format == "rss" else "application/atom+xml"

    @property
    def label(self) -> str:
        return "RSS" if self.format == "rss" else "Atom"


def plan_feeds(articles: Iterable[Article], categories: Iterable[Category], ward: WardInfo,
               description: str, reports: Iterable[Report] = (), documents: Iterable[Document] = ()
               ) -> list[FeedSpec]:
    """The site's RSS and Atom feeds first (every kind of item: articles, reports, documents),
    then the RSS feed of each category that has articles, then the documents' own."""
    articles = tuple(articles)
    made: dict[str, FeedEntry] = {}  # an entry only for an article some feed carries (30 of 5,000)

    def entry(article: Article) -> FeedEntry:
        if article.src_uri not in made:
            made[article.src_uri] = FeedEntry.from_article(article)
        return made[article.src_uri]

    documents = tuple(FeedEntry.from_document(d) for d in documents)
    others = tuple(FeedEntry.from_report(r) for r in reports) + documents
    # The newest FEED_SIZE of everything, in the order sorted(..., reverse=True) gives.
    newest = heapq.nlargest(FEED_SIZE, [((a.date, urls.article_url(a.slug)), a) for a in articles]
                            + [((e.date, e.url), e) for e in others], key=lambda pair: pair[0])
    everything = tuple(entry(item) if isinstance(item, Article) else item for _, item in newest)
    feeds = [FeedSpec(urls.feed_url(fmt), fmt, ward.name, description, "", everything) for fmt in FORMATS]
    for category in categories:
        own = tuple(entry(a) for a in itertools.islice((a for a in articles if a.category.slug == category.slug),
                                                         CATEGORY_FEED_SIZE))
        if not own:
            continue
        text = category.description or f"Tin bài chuyên mục {category.name} của {ward.organisation or ward.name}."
        for fmt in PART_FORMATS:
            feeds.append(FeedSpec(urls.feed_url(fmt, category.slug), fmt, f"{category.name} – {ward.name}", text,
                                  urls.category_url(category.slug), own))
    if documents:
        who = ward.organisation or ward.name
        for fmt in PART_FORMATS:
            feeds.append(FeedSpec(urls.feed_url(fmt, under=urls.documents_url()), fmt,
                                  f"{DOCUMENTS_LABEL} – {ward.name}", f"Thông báo, kế hoạch, quyết định của {who}.",
                                  urls.documents_url(), documents[:FEED_SIZE]))
    return feeds


def render_feed(spec: FeedSpec, *, site_url: str, ward: WardInfo, bodies: Mapping[str, str], images: ImageSet,
                generated: datetime) -> bytes:
    """The feed's XML. `bodies` maps an article's src_uri to its page body as rendered and sanitised."""
    feed = FeedGenerator()
    feed.load_extension("dc")
    home = urls.absolute(site_url, spec.page_url)
    self_url = urls.absolute(site_url, spec.url)
    feed.id(self_url)
    feed.title(spec.title)
    feed.subtitle(spec.description)  # RSS <description> too
    feed.link(href=self_url, rel="self", type=spec.media_type)
    feed.link(href=home, rel="alternate", type="text/html")  # after "self": RSS keeps the last link
    feed.language("vi")
    feed.author(name=ward.organisation or ward.name)
    feed.generator("ward-news", version=__version__)
    logo = images.url(ward.logo) if ward.logo else None
    if logo:
        logo = urls.absolute(site_url, logo)
        feed.logo(logo)
        feed.icon(logo)
    newest = max((e.updated for e in spec.entries), default=generated)
    feed.updated(newest)
    feed.lastBuildDate(newest)
    for entry in spec.entries:
        _add_entry(feed, entry, site_url=site_url, ward=ward, body=bodies.get(entry.src_uri), images=images)
    if spec.format == "rss":
        return feed.rss_str(pretty=True)
    return restore_entry_link_attributes(feed.atom_str(pretty=True), feed)


def restore_entry_link_attributes(xml: bytes, feed: FeedGenerator) -> bytes:
    """feedgen 1.0 writes an Atom entry's <link> with its href only (a shadowed variable drops
    rel, type and length), leaving the article and its photo as two "alternate" links."""
    root = etree.fromstring(xml)
    for element, entry in zip(root.iterfind(f"{{{_ATOM}}}entry"), feed.entry()):
        for link_element, link in zip(element.iterfind(f"{{{_ATOM}}}link"), entry.link()):
            for name in ("rel", "type", "length"):
                if link.get(name):
                    link_element.set(name, str(link[name]))
    return etree.tostring(root, pretty_print=True, encoding="UTF-8", xml_declaration=True)


def _add_entry(feed: FeedGenerator, item: FeedEntry, *, site_url: str, ward: WardInfo, body: str | None,
               images: ImageSet) -> None:
    page = urls.absolute(site_url, item.url)
    entry = feed.add_entry(order="append")
    entry.id(page)
    entry.guid(page, permalink=True)
    entry.title(item.title)
    entry.link(href=page, rel="alternate", type="text/html")
    entry.summary(item.description)  # Atom <summary>, RSS <description>
    entry.published(item.date)
    entry.updated(item.updated)
    entry.pubDate(item.date)
    author = item.author or ward.organisation or ward.name
    entry.author(name=author)  # Atom; RSS <author> needs an e-mail address, so RSS gets dc:creator
    entry.dc.dc_creator(author)
    for term in (item.category, *item.tags):
        entry.category(term=term.term, label=term.label, scheme=urls.absolute(site_url, term.url))
    html = item.lead_html + (body if body is not None else f"<p>{escape(item.description)}</p>")
    html = absolutize_urls(html, page)
    photo = images.url(item.image.src_uri) if item.image is not None else None
    if photo:
        image = urls.absolute(site_url, photo)
        html = _lead_figure(image, item.image) + html
        entry.enclosure(url=image, length=str(images.size(photo)), type=mimetypes.guess_type(photo)[0] or "image/jpeg")
    elif item.attachment is not None:
        entry.enclosure(url=urls.absolute(site_url, urls.asset_url(item.attachment.src_uri)),
                        length=str(item.attachment.size), type=item.attachment.media_type)
    entry.content(html, type="html")


def _lead_figure(src: str, image: Image) -> str:
    caption = f"<figcaption>{escape(image.caption)}</figcaption>" if image.caption else ""
    return f'<figure><img src="{escape(src)}" alt="{escape(image.alt)}">{caption}</figure>'
