"""RSS 2.0 and Atom 1.0 feeds via feedgen: for the whole site and for each category.

Each entry carries the full article as sanitised HTML with absolute links and images (a feed
reader has no page to resolve relative ones against), the lead image as an enclosure and at the
top of the content, the author, the category, and dates with the ward's offset. The GUID is the
article's permanent address, which depends on its slug, not its title: correcting a headline
does not make readers see the article twice. Nothing here reads the clock, so an unchanged site
gives byte-identical feeds.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Iterable, Mapping

from feedgen.feed import FeedGenerator
from lxml import etree

from .. import __version__
from . import urls
from .model import Article, Category, WardInfo
from .sanitize import absolutize_urls

FEED_SIZE = 30  # entries per feed: aggregators poll often, and a feed is downloaded whole
FORMATS = ("rss", "atom")
_ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedSpec:
    url: str  # where the feed is published, relative to the site root
    format: str  # "rss" or "atom"
    title: str
    description: str
    page_url: str  # the listing this feed follows: "" for the whole site, else the category's page
    articles: tuple[Article, ...]  # newest first, at most FEED_SIZE

    @property
    def media_type(self) -> str:
        return "application/rss+xml" if self.format == "rss" else "application/atom+xml"

    @property
    def label(self) -> str:
        return "RSS" if self.format == "rss" else "Atom"


def plan_feeds(articles: Iterable[Article], categories: Iterable[Category], ward: WardInfo,
               description: str) -> list[FeedSpec]:
    """The site's RSS and Atom feeds first, then both for each category that has articles."""
    articles = tuple(articles)
    feeds = [FeedSpec(urls.feed_url(fmt), fmt, ward.name, description, "", articles[:FEED_SIZE]) for fmt in FORMATS]
    for category in categories:
        own = tuple(a for a in articles if a.category.slug == category.slug)[:FEED_SIZE]
        if not own:
            continue
        text = category.description or f"Tin bài chuyên mục {category.name} của {ward.organisation or ward.name}."
        for fmt in FORMATS:
            feeds.append(FeedSpec(urls.feed_url(fmt, category.slug), fmt, f"{category.name} – {ward.name}", text,
                                  urls.category_url(category.slug), own))
    return feeds


def render_feed(spec: FeedSpec, *, site_url: str, ward: WardInfo, bodies: Mapping[str, str], content_dir: Path,
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
    if ward.logo:
        logo = urls.absolute(site_url, urls.asset_url(ward.logo))
        feed.logo(logo)
        feed.icon(logo)
    newest = max((_updated(a) for a in spec.articles), default=generated)
    feed.updated(newest)
    feed.lastBuildDate(newest)
    for article in spec.articles:
        _add_entry(feed, article, site_url=site_url, ward=ward, body=bodies.get(article.src_uri),
                   content_dir=content_dir)
    if spec.format == "rss":
        return feed.rss_str(pretty=True)
    return _restore_entry_link_attributes(feed.atom_str(pretty=True), feed)


def _restore_entry_link_attributes(xml: bytes, feed: FeedGenerator) -> bytes:
    """feedgen 1.0 writes an Atom entry's <link> with its href only (a shadowed variable drops
    rel, type and length), leaving the article and its photo as two "alternate" links."""
    root = etree.fromstring(xml)
    for element, entry in zip(root.iterfind(f"{{{_ATOM}}}entry"), feed.entry()):
        for link_element, link in zip(element.iterfind(f"{{{_ATOM}}}link"), entry.link()):
            for name in ("rel", "type", "length"):
                if link.get(name):
                    link_element.set(name, str(link[name]))
    return etree.tostring(root, pretty_print=True, encoding="UTF-8", xml_declaration=True)


def _add_entry(feed: FeedGenerator, article: Article, *, site_url: str, ward: WardInfo, body: str | None,
               content_dir: Path) -> None:
    page = urls.absolute(site_url, urls.article_url(article.slug))
    entry = feed.add_entry(order="append")
    entry.id(page)
    entry.guid(page, permalink=True)
    entry.title(article.title)
    entry.link(href=page, rel="alternate", type="text/html")
    entry.summary(article.description)  # Atom <summary>, RSS <description>
    entry.published(article.date)
    entry.updated(_updated(article))
    entry.pubDate(article.date)
    author = article.author or ward.organisation or ward.name
    entry.author(name=author)  # Atom; RSS <author> needs an e-mail address, so RSS gets dc:creator
    entry.dc.dc_creator(author)
    entry.category(term=article.category.slug, label=article.category.name,
                   scheme=urls.absolute(site_url, urls.category_url(article.category.slug)))
    for tag in article.tags:
        entry.category(term=tag.slug, label=tag.name, scheme=urls.absolute(site_url, urls.tag_url(tag.slug)))
    html = body if body is not None else f"<p>{escape(article.description)}</p>"
    html = absolutize_urls(html, page)
    if article.image is not None:
        image = urls.absolute(site_url, urls.asset_url(article.image.src_uri))
        html = _lead_figure(image, article) + html
        entry.enclosure(url=image, length=str(_size(content_dir / article.image.src_uri)),
                        type=mimetypes.guess_type(article.image.src_uri)[0] or "image/jpeg")
    entry.content(html, type="html")


def _lead_figure(src: str, article: Article) -> str:
    caption = f"<figcaption>{escape(article.image.caption)}</figcaption>" if article.image.caption else ""
    return f'<figure><img src="{escape(src)}" alt="{escape(article.image.alt)}">{caption}</figure>'


def _updated(article: Article) -> datetime:
    return article.updated or article.date


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
