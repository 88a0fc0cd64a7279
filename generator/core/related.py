"""What an article page offers to read next: the articles just before and after it in date
order, and a few related articles.

Related articles are scored by what they share with the article: each shared tag counts
TAG_WEIGHT, the same category CATEGORY_WEIGHT, so one shared tag beats "same category only".
Equal scores go to the newer article (then by slug, as `Article.sort_key` orders the site).

No step compares every article with every other: 5,000 articles would be 25 million pairs.
Articles are grouped once by tag and by category (lists newest first, as the listings are),
and an article's candidates are only the newest CANDIDATES_PER_LIST articles of each of its
lists plus the CANDIDATES_PER_LIST nearest to it in date. So the work per article is bounded
by its number of tags, not by the size of the site. When a list is no longer than twice
CANDIDATES_PER_LIST, every article in it is a candidate and the ranking is exact; beyond that,
an old article sharing several tags may be missed if it is neither among the newest nor close
in date, which is the price of a linear build.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from . import urls
from .memo import ContentMemo, memo_or_new
from .model import Article

RELATED_MAX = 5  # an article page lists up to this many; fewer only when fewer share a tag or category
TAG_WEIGHT = 3  # more than any category match: a shared subject says more than a shared section
CATEGORY_WEIGHT = 1
CANDIDATES_PER_LIST = 20  # from each tag's or category's list: the newest, and as many nearest in date


@dataclass(frozen=True)
class ArticleLink:
    """Another article as a link shows it. Small on purpose: live preview fingerprints a page
    by the repr of its data, so a page re-renders when a linked headline changes, not when
    the linked article's body does."""

    title: str
    url: str  # relative to the site root
    date: datetime
    category: str = ""  # the category's name


def article_link(article: Article) -> ArticleLink:
    return ArticleLink(title=article.title, url=urls.article_url(article.slug), date=article.date,
                       category=article.category.name)


def neighbours(articles: Iterable[Article]) -> dict[str, tuple[Article | None, Article | None]]:
    """src_uri → (previous, next): the next older and the next newer article of the whole site.

    "Bài trước" is the older one and "Bài sau" the newer one, as a reader going forward in time
    expects; the oldest article has no previous, the newest no next."""
    ordered = sorted(articles, key=lambda a: a.sort_key)  # newest first, like site.articles
    last = len(ordered) - 1
    return {a.src_uri: (ordered[i + 1] if i < last else None, ordered[i - 1] if i > 0 else None)
            for i, a in enumerate(ordered)}


def related_articles(articles: Iterable[Article], limit: int = RELATED_MAX, per_list: int = CANDIDATES_PER_LIST,
                     memo: ContentMemo | None = None) -> dict[str, tuple[Article, ...]]:
    """src_uri → up to `limit` related articles, best first, never the article itself.

    Computed for the whole site at once, in time linear in the number of articles, and kept in
    the memo (core/memo.py) under what it reads: order, categories and tags. Editing a body
    changes none of them."""
    ordered = sorted(articles, key=lambda a: a.sort_key)  # position = newness: 0 is the newest
    signature = f"{limit}|{per_list}\n" + "\n".join(
        f"{a.src_uri}\0{a.category.slug}\0{' '.join(t.slug for t in a.tags)}" for a in ordered)
    ranked = memo_or_new(memo).get(b"R", signature, lambda _: _rank_related(ordered, limit, per_list))
    by_src = {a.src_uri: a for a in ordered}
    return {src: tuple(by_src[r] for r in found) for src, found in ranked.items()}


def _rank_related(ordered: list[Article], limit: int, per_list: int) -> dict[str, tuple[str, ...]]:
    tag_ids: dict[str, int] = {}
    tags = [frozenset(tag_ids.setdefault(t.slug, len(tag_ids)) for t in a.tags) for a in ordered]
    categories = [a.category.slug for a in ordered]
    by_tag: dict[int, list[int]] = {}
    by_category: dict[str, list[int]] = {}
    for i in range(len(ordered)):  # each list ascending, so newest first
        for tag in tags[i]:
            by_tag.setdefault(tag, []).append(i)
        by_category.setdefault(categories[i], []).append(i)

    related: dict[str, tuple[str, ...]] = {}
    for i, article in enumerate(ordered):
        own_tags, own_category = tags[i], categories[i]
        candidates: set[int] = set()
        for posting in (by_category[own_category], *(by_tag[t] for t in own_tags)):
            candidates.update(_window(posting, i, per_list))
        candidates.discard(i)

        def rank(j: int) -> tuple[int, int]:
            score = TAG_WEIGHT * len(own_tags & tags[j]) + CATEGORY_WEIGHT * (categories[j] == own_category)
            return -score, j  # best score first, then newer

        related[article.src_uri] = tuple(ordered[j].src_uri for j in heapq.nsmallest(limit, candidates, key=rank))
    return related


def _window(posting: list[int], i: int, per_list: int) -> list[int]:
    """The newest `per_list` entries of a list, and the `per_list` entries around position i."""
    if len(posting) <= 2 * per_list + 1:
        return posting
    at = bisect_left(posting, i)
    start = max(0, at - per_list // 2)
    return posting[:per_list + 1] + posting[start:start + per_list + 1]
