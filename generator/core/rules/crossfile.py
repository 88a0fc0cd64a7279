"""Checks that need every file read first: duplicate slugs, reserved page names."""

from __future__ import annotations

from ..model import Article, Page
from ..problems import ProblemLog
from ..urls import RESERVED_SEGMENTS


def check_duplicate_slugs(articles: list[Article], log: ProblemLog, code: str = "article.slug.duplicate") -> set[str]:
    """Both files are named, each in the other's message (articles, or documents with their own
    `code`). Returns the clashing slugs."""
    by_slug: dict[str, list[Article]] = {}
    for article in articles:
        by_slug.setdefault(article.slug, []).append(article)
    clashes = set()
    for slug, group in by_slug.items():
        if len(group) < 2:
            continue
        clashes.add(slug)
        for article in group:
            others = ", ".join(a.path for a in group if a is not article)
            log.add(code, article.path, article.lines.get("slug") or article.lines.get("title") or 1, slug=slug, other=others)
    return clashes


def check_pages(pages: list[Page], log: ProblemLog) -> list[Page]:
    kept, seen = [], {}
    for page in pages:
        if page.slug in RESERVED_SEGMENTS or not page.slug:
            log.add("page.slug.reserved", page.path, 1, slug=page.slug, reserved=", ".join(sorted(RESERVED_SEGMENTS)))
            continue
        if page.slug in seen:
            log.add("page.slug.duplicate", page.path, 1, slug=page.slug, other=seen[page.slug].path)
            continue
        seen[page.slug] = page
        kept.append(page)
    return kept
