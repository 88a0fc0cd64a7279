"""Paginated listings as plain data: the news index and category, tag, year and author archives.

Each archive is built in one pass over the (already sorted) articles: no step scans every
article for every page, so 5,000 articles cost the same per page as 50.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .model import Article, Category, Site, Tag


@dataclass(frozen=True)
class Listing:
    """One page of one listing."""

    kind: str  # "news" | "category" | "tag" | "year" | "author"
    key: str  # category/tag/author slug, year, or "" for the news index
    title: str
    description: str
    number: int
    total_pages: int
    total_items: int
    url: str
    articles: tuple[Article, ...]
    page_urls: tuple[str, ...]  # URL of every page of this listing, 1-based by position

    @property
    def previous_url(self) -> str | None:
        return self.page_urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.page_urls[self.number] if self.number < self.total_pages else None


def paginate(kind: str, key: str, title: str, description: str, articles: list[Article], per_page: int,
             url_for) -> list[Listing]:
    """Split `articles` (already newest first) into pages; an empty listing still has page 1."""
    per_page = max(1, per_page)
    total_pages = max(1, -(-len(articles) // per_page))
    page_urls = tuple(url_for(n) for n in range(1, total_pages + 1))
    return [
        Listing(
            kind=kind, key=key, title=title, description=description, number=n, total_pages=total_pages,
            total_items=len(articles), url=page_urls[n - 1],
            articles=tuple(articles[(n - 1) * per_page: n * per_page]), page_urls=page_urls,
        )
        for n in range(1, total_pages + 1)
    ]


def build_listings(site: Site, per_page: int) -> list[Listing]:
    """The news index, then every category, tag, year and author archive, in a stable order.

    Every known author (authors.yml) has a page, even before their first article, as every
    category does; bylines that match no known author get none."""
    by_category: dict[str, list[Article]] = {c.slug: [] for c in site.categories}
    by_tag: dict[str, list[Article]] = {}
    tags: dict[str, Tag] = {}
    by_year: dict[int, list[Article]] = {}
    by_author: dict[str, list[Article]] = {a.slug: [] for a in site.authors if a.slug}
    for article in site.articles:  # one pass; lists stay newest first
        by_category.setdefault(article.category.slug, []).append(article)
        for tag in article.tags:
            tags.setdefault(tag.slug, tag)
            by_tag.setdefault(tag.slug, []).append(article)
        by_year.setdefault(article.date.year, []).append(article)
        if article.author_slug in by_author:
            by_author[article.author_slug].append(article)

    listings = paginate("news", "", "Tin tức", "", list(site.articles), per_page, urls.news_index_url)
    for category in site.categories:
        listings += paginate("category", category.slug, category.name, category.description,
                             by_category[category.slug], per_page,
                             lambda n, s=category.slug: urls.category_url(s, n))
    for slug in sorted(by_tag):
        listings += paginate("tag", slug, tags[slug].name, "", by_tag[slug], per_page,
                             lambda n, s=slug: urls.tag_url(s, n))
    for year in sorted(by_year, reverse=True):
        listings += paginate("year", str(year), f"Năm {year}", "", by_year[year], per_page,
                             lambda n, y=year: urls.year_url(y, n))
    for author in site.authors:
        if author.slug:
            listings += paginate("author", author.slug, author.name, author.bio, by_author[author.slug], per_page,
                                 lambda n, s=author.slug: urls.author_url(s, n))
    return listings


def category_counts(site: Site) -> list[tuple[Category, int]]:
    """Categories with at least one article, in categories.yml's order: a new ward's home lists
    what residents can read, not "An sinh xã hội (0)"."""
    counts: dict[str, int] = {}
    for article in site.articles:
        counts[article.category.slug] = counts.get(article.category.slug, 0) + 1
    return [(c, counts[c.slug]) for c in site.categories if counts.get(c.slug)]


def years(site: Site) -> list[tuple[int, int]]:
    counts: dict[int, int] = {}
    for article in site.articles:
        counts[article.date.year] = counts.get(article.date.year, 0) + 1
    return sorted(counts.items(), reverse=True)
