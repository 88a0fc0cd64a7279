"""load_site: read every officer file once, validate everything, return the Site or the problems."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .frontmatter import Document, YNode, parse_yaml, split_document
from .model import Article, Category, Site, WardInfo
from .problems import ProblemLog
from .rules import fields
from .rules.articles import ONE_LINE_TEXT_KEYS, check_article
from .rules.categories import check_authors, check_categories
from .rules.crossfile import check_duplicate_slugs, check_pages
from .rules.pages import check_page
from .rules.site_file import check_site_file
from .settings import Settings
from .text import DecodeError, decode_text, fold

NEWS_DIR = "news"
PAGES_DIR = "pages"


@dataclass(frozen=True)
class LoadResult:
    site: Site | None  # None when any error was found
    problems: ProblemLog

    @property
    def ok(self) -> bool:
        return self.site is not None


class _Reader:
    """Reads files as officers' text: decoded, normalised, problems logged with the right path."""

    def __init__(self, settings: Settings, log: ProblemLog):
        self.settings, self.log = settings, log
        self.root = settings.content_dir

    def display(self, src_uri: str) -> str:
        full = os.path.abspath(self.root / src_uri)
        rel = os.path.relpath(full, os.path.abspath(self.settings.display_root))
        return Path(full).as_posix() if rel.startswith("..") else Path(rel).as_posix()

    def text(self, src_uri: str) -> str | None:
        path = self.display(src_uri)
        try:
            data = (self.root / src_uri).read_bytes()
        except OSError as exc:
            self.log.add("file.unreadable", path, None, reason=exc.strerror or str(exc))
            return None
        decoded = decode_text(data)
        if isinstance(decoded, DecodeError):
            self.log.add(decoded.code, path, decoded.line, column=decoded.column, char=decoded.char)
            return None
        return decoded

    def yaml_file(self, src_uri: str) -> YNode | None:
        text = self.text(src_uri)
        if text is None:
            return None
        return parse_yaml(text, self.display(src_uri), self.log)

    def document(self, src_uri: str, lenient_keys: frozenset[str] = frozenset()) -> Document | None:
        text = self.text(src_uri)
        if text is None:
            return None
        return split_document(text, self.display(src_uri), self.log, lenient_keys)


def markdown_files(root: Path, folder: str) -> list[str]:
    """src_uris of the .md files under content/<folder>, sorted, hidden files skipped."""
    base = root / folder
    found = []
    for directory, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in filenames:
            if name.lower().endswith(".md") and not name.startswith((".", "_")):
                found.append((Path(directory) / name).relative_to(root).as_posix())
    return sorted(found)


def load_site(settings: Settings, now: datetime) -> LoadResult:
    """Everything in content/, validated. `now` decides which articles are published yet."""
    log = ProblemLog()
    reader = _Reader(settings, log)
    root = settings.content_dir
    tz = fields.zone(settings.timezone)

    ward = WardInfo()
    if (root / "site.yml").is_file():
        ward = check_site_file(reader.yaml_file("site.yml"), reader.display("site.yml"), root, log)
    categories: list[Category] = []
    article_files = markdown_files(root, NEWS_DIR)
    if (root / "categories.yml").is_file():
        categories = check_categories(reader.yaml_file("categories.yml"), reader.display("categories.yml"), log)
    elif article_files:
        log.add("categories.missing", reader.display("categories.yml"), None)
    authors = []
    if (root / "authors.yml").is_file():
        authors = check_authors(reader.yaml_file("authors.yml"), reader.display("authors.yml"), log)

    lookup: dict[str, Category] = {}
    for category in categories:
        lookup[fold(category.name)] = category
        lookup[category.slug] = category

    articles: list[Article] = []
    for src_uri in article_files:
        doc = reader.document(src_uri, ONE_LINE_TEXT_KEYS)
        if doc is None:
            continue
        article = check_article(src_uri, reader.display(src_uri), doc, lookup, root, tz, log)
        if article is not None:
            articles.append(article)
    check_duplicate_slugs(articles, log)

    pages = []
    for src_uri in markdown_files(root, PAGES_DIR):
        doc = reader.document(src_uri)
        if doc is not None:
            page = check_page(src_uri, reader.display(src_uri), doc, log)
            if page is not None:
                pages.append(page)
    pages = check_pages(pages, log)

    if log.has_errors:
        return LoadResult(site=None, problems=log)
    published = sorted((a for a in articles if not a.draft and a.date <= now), key=lambda a: a.sort_key)
    unpublished = sorted((a for a in articles if a.draft or a.date > now), key=lambda a: a.sort_key)
    site = Site(
        ward=ward,
        categories=tuple(categories),
        authors=tuple(authors),
        articles=tuple(published),
        unpublished=tuple(unpublished),
        pages=tuple(sorted(pages, key=lambda p: p.slug)),
    )
    return LoadResult(site=site, problems=log)
