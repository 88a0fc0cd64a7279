"""load_site: read every officer file once, validate everything, return the Site or the problems."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .cache import read_checked_pickle, write_checked_pickle
from .contained import Containment, read_reason
from .urls import SITE_OWNED
from .frontmatter import Document, YNode, parse_yaml, split_document
from .model import Article, Category, Site, WardInfo
from .problems import Problem, ProblemLog
from .rules import fields, limits
from .rules.articles import ONE_LINE_TEXT_KEYS, check_article
from .rules.categories import author_index, check_authors, check_categories
from .rules.body import check_body
from .rules.assets import ATTACHMENT_TYPES
from .rules.images import IMAGE_SUFFIXES, body_attachment_targets, body_image_targets
from .rules.crossfile import check_duplicate_slugs, check_pages
from .rules import documents as document_rules
from .rules.pages import check_page
from .rules.reports import check_duplicate_years, check_report
from .rules.site_file import check_site_file
from .settings import Settings, display_prefix
from .text import DecodeError, decode_text, fold, garbled_line

NEWS_DIR = "news"
PAGES_DIR = "pages"
REPORTS_DIR = "reports"
DOCUMENTS_DIR = "documents"
REPORT_TEXT_KEYS = frozenset({"title", "summary"})
PAGE_TEXT_KEYS = frozenset({"title"})


@dataclass(frozen=True)
class LoadResult:
    site: Site | None  # None when any error was found
    problems: ProblemLog

    @property
    def ok(self) -> bool:
        return self.site is not None


def _undecodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.listdir's surrogate escapes for bytes that are not UTF-8
        return True
    return False


def printable_name(name: str) -> str:
    """A file name as it can be printed, each byte that is not UTF-8 shown as U+FFFD."""
    return os.fsencode(name).decode("utf-8", "replace")


class _Reader:
    """Reads files as officers' text: decoded, normalised, problems logged with the right path."""

    def __init__(self, settings: Settings, log: ProblemLog):
        self.settings, self.log = settings, log
        self.root = settings.content_dir
        self._shown = display_prefix(settings)  # once: display() runs for every file
        self._root = os.fspath(self.root)
        self.containment = Containment(self._root)  # only what is really inside content/ is read

    def display(self, src_uri: str) -> str:
        return self._shown + src_uri

    def raw(self, src_uri: str) -> bytes | None:
        if not src_uri.isascii() and _undecodable(src_uri):  # bytes the file system gave that are not UTF-8
            self.log.add("file.name_encoding", self.display(printable_name(src_uri)), None)
            return None
        path = os.path.join(self._root, src_uri)
        if not self.containment.allows(path):  # a symlink out of content/: nothing of it is read
            self.log.add("file.outside", self.display(src_uri), None)
            return None
        try:
            with open(path, "rb") as handle:  # not pathlib: 5,000 files
                return handle.read()
        except OSError as exc:
            self.log.add("file.unreadable", self.display(src_uri), None, reason=read_reason(exc))
            return None

    def text(self, src_uri: str, data: bytes | None = None) -> str | None:
        path = self.display(src_uri)
        data = self.raw(src_uri) if data is None else data
        if data is None:
            return None
        if not limits.check_size(data, path, self.log):
            return None
        decoded = decode_text(data)
        if isinstance(decoded, DecodeError):
            self.log.add(decoded.code, path, decoded.line, column=decoded.column, char=decoded.char)
            return None
        if not limits.check_combining(decoded, path, self.log):  # before anything draws it (cards)
            return None
        garbled = garbled_line(decoded)
        if garbled is not None:
            self.log.add("file.garbled", path, garbled[0], sample=garbled[1])
        return decoded

    def yaml_file(self, src_uri: str) -> YNode | None:
        text = self.text(src_uri)
        if text is None:
            return None
        return parse_yaml(text, self.display(src_uri), self.log)

    def document(self, src_uri: str, lenient_keys: frozenset[str] = frozenset(), data: bytes | None = None
                 ) -> Document | None:
        text = self.text(src_uri, data)
        if text is None:
            return None
        document = split_document(text, self.display(src_uri), self.log, lenient_keys)
        # The body's shape is bounded before Markdown or any reference scan reads it (the front
        # matter has its own bounds: frontmatter.py).
        if document is not None and not limits.check_body_shape(document.body, document.body_line,
                                                                 self.display(src_uri), self.log):
            return None
        return document


@dataclass
class _Checked:
    article: Article | None
    problems: list[Problem]


class ArticleCache:
    """Checked articles keyed by a hash of the file's bytes and of everything else a check reads.

    A live preview rebuilds after every save; with this cache it re-reads every file but
    re-checks only the ones whose bytes changed. Any change to categories, the timezone or any
    image under content/ (added, removed, replaced) makes every entry stale, so a cached answer
    is always the answer a fresh check would give.
    """

    FORMAT = b"ward-news-articles-2\n"

    def __init__(self) -> None:
        self._entries: dict[str, _Checked] = {}
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.undigested = False

    @classmethod
    def read(cls, path: Path, code: str, key: bytes) -> "ArticleCache":
        """The cache a previous build saved at `path`; an empty one when there is none, or when
        the file is damaged or was written by other generator code (`code`: core/fingerprint.py)."""
        cache = cls()
        saved = read_checked_pickle(path, cls.FORMAT, key)
        if isinstance(saved, tuple) and len(saved) == 2 and saved[0] == code and isinstance(saved[1], dict):
            cache._entries = saved[1]
        return cache

    def save(self, path: Path, code: str, key: bytes) -> None:
        """Write the entries the last load used, for the next build's process, each article
        with its digest (`Article.digest`: entries of an older version may lack it)."""
        for entry in self._entries.values():
            if entry.article is not None:
                entry.article.digest
        self.undigested = False
        write_checked_pickle(path, self.FORMAT, (code, self._entries), key)

    def get(self, key: str) -> _Checked | None:
        entry = self._entries.get(key)
        self._used.add(key)
        if entry is None:
            self.misses += 1
        else:
            self.hits += 1
            if entry.article is not None and "_digest" not in entry.article.__dict__:
                self.undigested = True  # saved again with it, not described again every build
        return entry

    def put(self, key: str, entry: _Checked) -> None:
        self._entries[key] = entry

    def prune(self) -> None:
        """Forget entries the last load did not use (edited or deleted files)."""
        before = len(self._entries)
        self._entries = {k: v for k, v in self._entries.items() if k in self._used}
        self.pruned = before - len(self._entries)
        self._used = set()

    @property
    def changed(self) -> bool:
        """Whether the last load checked or dropped anything, or found an article without its
        digest: the saved file is then out of date."""
        return bool(self.misses or getattr(self, "pruned", 0) or self.undigested)


class _ArticleChecker:
    """Reads and checks one article file at a time, through the cache when there is one."""

    def __init__(self, reader: "_Reader", categories: dict[str, Category], tz, cache: ArticleCache | None):
        self.reader, self.categories, self.tz, self.cache = reader, categories, tz, cache
        settings = reader.settings
        self.context = ""
        if cache is not None:
            self.context = (f"{settings.timezone}|{os.path.abspath(reader.root)}|{settings.display_root}|"
                            f"{sorted(set(categories.values()), key=lambda c: c.slug)!r}|{_images_signature(reader.root)}")

    def check(self, src_uri: str) -> _Checked | None:
        data = self.reader.raw(src_uri)
        if data is None:
            return None
        if self.cache is None:
            return self._check(src_uri, data)
        key = hashlib.sha256(f"{self.context}|{src_uri}|".encode() + data).hexdigest()
        checked = self.cache.get(key)
        if checked is None:
            checked = self._check(src_uri, data)
            self.cache.put(key, checked)
        return checked

    def _check(self, src_uri: str, data: bytes) -> _Checked:
        log = ProblemLog()
        reader = copy.copy(self.reader)  # the same reader, logging into this file's own log
        reader.log = log
        doc = reader.document(src_uri, ONE_LINE_TEXT_KEYS, data)
        article = None
        if doc is not None:
            article = check_article(src_uri, reader.display(src_uri), doc, self.categories, reader.root, self.tz, log)
        return _Checked(article, log.problems)

    def finish(self) -> None:
        if self.cache is not None:
            self.cache.prune()


_REFERENCED_SUFFIXES = frozenset(IMAGE_SUFFIXES) | frozenset(ATTACHMENT_TYPES)


def _images_signature(root: Path) -> str:
    """Names, sizes and times of every image and attachment under content/: what the checks of
    `image:` and body references depend on."""
    digest = hashlib.sha256()
    for directory, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if os.path.splitext(name)[1].lower() in _REFERENCED_SUFFIXES:
                full = os.path.join(directory, name)
                try:
                    stat = os.stat(full)
                except OSError:
                    continue
                digest.update(f"{full}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def markdown_files(root: Path, folder: str) -> list[str]:
    """src_uris of the .md files under content/<folder>, sorted, hidden files skipped."""
    base = root / folder
    found = []
    for directory, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        prefix = Path(directory).relative_to(root).as_posix() + "/"  # strings per file: 5,000 of them
        for name in filenames:
            if name.lower().endswith(".md") and not name.startswith((".", "_")):
                found.append(prefix + name)
    return sorted(found)


def _link_authors(articles: list[Article], authors) -> list[Article]:
    """Point each byline at its known author (for the author's page), after the article cache:
    editing authors.yml must not make every article look changed to the cache."""
    known = author_index(authors)
    linked = []
    for article in articles:
        author = known.get(fold(article.author)) if article.author else None
        linked.append(article.with_changes(author_slug=author.slug) if author else article)
    return linked


def with_expiry(item, now: datetime):
    """The article or document marked expired when `now` is past its `expires`."""
    expired = item.expires is not None and now > item.expires
    if not expired:
        return item
    return item.with_changes(expired=True) if isinstance(item, Article) else dataclasses.replace(item, expired=True)


def check_site_owned_paths(root: Path, reader: "_Reader", log: ProblemLog) -> None:
    """A problem at each file of content/ that sits where the site writes its own
    (`content/assets/javascripts/ward-news.js` would silently replace the theme's script)."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name not in SITE_OWNED:  # urls.py: where the built site holds files of its own
            continue
        if entry.is_dir(follow_symlinks=False):
            found = sorted(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                           for folder, _, names in os.walk(entry.path) for name in names)
        else:
            found = [entry.name]
        for src_uri in found:
            log.add("file.site_path", reader.display(src_uri), None, name=entry.name)


def load_site(settings: Settings, now: datetime, cache: ArticleCache | None = None) -> LoadResult:
    """Everything in content/, validated. `now` decides which articles are published yet.

    `cache` (optional) carries checked articles from one load to the next, as `serve` does.
    """
    log = ProblemLog()
    reader = _Reader(settings, log)
    root = settings.content_dir
    tz = fields.zone(settings.timezone)

    check_site_owned_paths(root, reader, log)
    ward = WardInfo(name=settings.site_name)
    if (root / "site.yml").is_file():
        ward = check_site_file(reader.yaml_file("site.yml"), reader.display("site.yml"), root, log,
                               default_name=settings.site_name)
        if any(p.code == "site.contract.newer" for p in log.errors):  # the rest follows rules we do not know
            return LoadResult(site=None, problems=log)
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

    checker = _ArticleChecker(reader, lookup, tz, cache)
    articles: list[Article] = []
    for src_uri in article_files:
        checked = checker.check(src_uri)
        if checked is None:
            continue
        log.extend(checked.problems)
        if checked.article is not None:
            articles.append(checked.article)
    checker.finish()
    check_duplicate_slugs(articles, log)
    articles = _link_authors(articles, authors)

    pages = []
    for src_uri in markdown_files(root, PAGES_DIR):
        doc = reader.document(src_uri, PAGE_TEXT_KEYS)
        if doc is not None:
            page = check_page(src_uri, reader.display(src_uri), doc, log)
            if page is not None:
                check_body(page.body, page.body_line, src_uri, root, page.path, log)
                pages.append(page)
    pages = check_pages(pages, log)

    reports = []
    for src_uri in markdown_files(root, REPORTS_DIR):
        doc = reader.document(src_uri, REPORT_TEXT_KEYS)
        if doc is not None:
            report = check_report(src_uri, reader.display(src_uri), doc, log, tz, root)
            if report is not None:
                reports.append(report)
    reports = check_duplicate_years(reports, log)

    documents = []
    for src_uri in markdown_files(root, DOCUMENTS_DIR):
        doc = reader.document(src_uri, document_rules.ONE_LINE_TEXT_KEYS)
        if doc is not None:
            document = document_rules.check_document(src_uri, reader.display(src_uri), doc, root, tz, log)
            if document is not None:
                documents.append(document)
    check_duplicate_slugs(documents, log, code="document.slug.duplicate")

    if log.has_errors:
        return LoadResult(site=None, problems=log)
    # `expires` is judged at the build's clock, after the article cache: the daily build moves a
    # notice out of the current lists without its file changing.
    articles = [with_expiry(a, now) for a in articles]
    published = sorted((a for a in articles if not a.draft and a.date <= now), key=lambda a: a.sort_key)
    unpublished = sorted((a for a in articles if a.draft or a.date > now), key=lambda a: a.sort_key)
    site = Site(
        ward=ward,
        categories=tuple(categories),
        authors=tuple(authors),
        articles=tuple(published),
        unpublished=tuple(unpublished),
        pages=tuple(sorted(pages, key=lambda p: p.slug)),
        reports=tuple(sorted(reports, key=lambda r: -r.year)),
        documents=tuple(sorted((with_expiry(d, now) for d in documents), key=lambda d: d.sort_key)),
    )
    return LoadResult(site=site, problems=log)


def reload_body_edits(settings: Settings, site: Site, src_uris: list[str], now: datetime) -> list[Article] | None:
    """The articles at `src_uris` read and checked again, when each differs from the one in
    `site` only in its body text and every check passes: the rest of the site is then exactly as
    it was, so the live preview renders these pages alone (mkdocs_plugin/quick.py). None when
    anything else changed (a headline, a date, a summary taken from the first paragraph, a new
    photo or file in the body, a problem): the caller then builds the whole site as usual."""
    current = {a.src_uri: a for a in site.articles}
    log = ProblemLog()
    reader = _Reader(settings, log)
    lookup: dict[str, Category] = {}
    for category in site.categories:
        lookup[fold(category.name)] = category
        lookup[category.slug] = category
    checker = _ArticleChecker(reader, lookup, fields.zone(settings.timezone), None)
    edited = []
    for src_uri in src_uris:
        old = current.get(src_uri)
        checked = checker.check(src_uri) if old is not None else None
        if checked is None or checked.article is None or checked.problems:
            return None
        new = with_expiry(_link_authors([checked.article], site.authors)[0], now)
        if dataclasses.replace(new, body=old.body, body_line=old.body_line) != old:
            return None
        for targets in (body_image_targets, body_attachment_targets):
            if [t for _, t in targets(new.body)] != [t for _, t in targets(old.body)]:
                return None
        edited.append(new)
    return edited
