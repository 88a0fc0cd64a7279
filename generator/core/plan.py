"""build_plan: the whole site as data: every page to render and every asset to publish."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import urls
from .listings import Listing, build_listings, category_counts, years
from .model import Article, Category, Page, Site
from .rules.images import body_image_targets, relative_src_uri
from .settings import Settings

HOME_SRC = "index.md"


@dataclass(frozen=True)
class ArticlePage:
    article: Article
    url: str
    src_uri: str


@dataclass(frozen=True)
class PlainPage:
    page: Page
    url: str
    src_uri: str


@dataclass(frozen=True)
class ListingPage:
    listing: Listing
    src_uri: str  # a virtual source path, unique per listing page


@dataclass(frozen=True)
class Home:
    latest: tuple[Article, ...]
    categories: tuple[tuple[Category, int], ...]
    years: tuple[tuple[int, int], ...]
    src_uri: str = HOME_SRC
    url: str = ""


@dataclass(frozen=True)
class SitePlan:
    site: Site
    home: Home
    articles: tuple[ArticlePage, ...]
    pages: tuple[PlainPage, ...]
    listings: tuple[ListingPage, ...]
    assets: frozenset[str]  # src_uris of content files to publish (images the site uses)
    by_src: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def lookup(self, src_uri: str):
        """The planned page for a source path (article, plain page, listing or home), or None."""
        return self.by_src.get(src_uri)


def build_plan(site: Site, settings: Settings) -> SitePlan:
    articles = tuple(ArticlePage(a, urls.article_url(a.slug), a.src_uri) for a in site.articles)
    pages = tuple(PlainPage(p, urls.page_url(p.slug), p.src_uri) for p in site.pages)
    listings = tuple(
        ListingPage(listing, "_listings/" + urls.dest_path(listing.url).replace("index.html", "index.md"))
        for listing in build_listings(site, settings.pagination_per_page)
    )
    home = Home(
        latest=site.articles[: settings.home_latest_count],
        categories=tuple(category_counts(site)),
        years=tuple(years(site)),
    )
    assets = set()
    for article in site.articles:
        if article.image:
            assets.add(article.image.src_uri)
        assets.update(_body_images(article.body, article.src_uri))
    for page in site.pages:
        assets.update(_body_images(page.body, page.src_uri))
    if site.ward.logo:
        assets.add(site.ward.logo)
    by_src: dict[str, object] = {HOME_SRC: home}
    by_src.update({a.src_uri: a for a in articles})
    by_src.update({p.src_uri: p for p in pages})
    by_src.update({lp.src_uri: lp for lp in listings})
    return SitePlan(site=site, home=home, articles=articles, pages=pages, listings=listings,
                    assets=frozenset(assets), by_src=by_src)


def _body_images(body: str, owner_src_uri: str) -> set[str]:
    return {relative_src_uri(owner_src_uri, target) for _, target in body_image_targets(body)}
