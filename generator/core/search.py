"""Static search with Pagefind: an index the browser queries in chunks, with no server.

Readers type without diacritics as often as with them ("chuyen doi so", "phu dinh"), and
Pagefind folds combining accents but keeps "đ" apart from "d". So the index holds each page's
words folded the way `text.fold` folds them (accents and case gone, đ → d), and the search
page folds the query with the same rule (assets/javascripts/search.js, tested against
`fold`). What a reader sees, the headline, date, category and excerpt, is the original
text, kept in the record's metadata; the excerpt is the page's description.

The headline is indexed with a higher weight than the body, so headline matches rank first.
Only articles, reports and plain pages are indexed: listings only repeat them.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import hashlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unicodedata
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Mapping

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

from . import urls, vi
from .cache import place_file
from .fingerprint import code_fingerprint
from .memo import ContentMemo, memo_or_new
from .pagestore import Bodies
from .plan import SitePlan
from .reports import REPORT_LABEL
from .synonyms import Synonyms, site_synonyms
from .text import fold


def _code_digest() -> str:
    """How records become documents: this module and what it imports (a bundle's hash has it)."""
    return code_fingerprint(__name__)


SEARCH_DIR = "pagefind"  # the bundle's folder in the built site (Pagefind's own default)
TITLE_WEIGHT = 10  # Pagefind's scale: h1 is 7 by default, body text 1
COMMON_MIN_PAGES = 200  # below this the whole index is small: every word is kept
COMMON_WORDS_FILE = "tu-pho-bien.json"  # in the bundle folder: the words left out, for search.js
SYNONYMS_FILE = "tu-dong-nghia.json"  # in the bundle folder: the synonym groups, for search.js


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, e.g. "tin-tuc/trao-qua/"
    title: str
    text: str  # the page's text, plain, as written: what is matched (folded)
    # The build cache's memo, which keeps each text's folded words (core/buildcache.py).
    memo: ContentMemo | None = field(default=None, compare=False, repr=False)
    summary: str = ""  # what a result shows under its headline: the page's description
    # The dictionary of what residents call things (core/synonyms.py): built-in and the ward's.
    synonyms: Synonyms = field(default_factory=site_synonyms, compare=False, repr=False)

    @property
    def title_words(self) -> list[str]:
        return _indexed_words_cached(self.title, self.synonyms, self.memo, pairs=True)

    @property
    def text_words(self) -> list[str]:
        return _indexed_words_cached(self.text, self.synonyms, self.memo, pairs=False)
    date: str = ""  # "09/01/2026", or "" for pages without a date
    section: str = ""  # the category, "Báo cáo tổng kết", or ""
    year: int = 0  # of the date, which decides the page's bundle (search_shards); 0 without one


def search_records(plan: SitePlan, bodies: Mapping[str, str], memo: ContentMemo | None = None) -> list[SearchRecord]:
    """A record per searchable planned page, its text taken from the page's rendered body."""
    dated = {a.src_uri: (a.date, a.category.name) for a in plan.site.articles}
    dated.update({r.src_uri: (r.date, REPORT_LABEL) for r in plan.site.reports})
    dated.update({d.src_uri: (d.date, d.type) for d in plan.site.documents})
    particulars = {d.src_uri: document_text(d) for d in plan.site.documents}
    synonyms = site_synonyms(plan.site.ward.synonyms)
    records = []
    for page in plan.pages:
        if not page.kind.search:
            continue
        if page.kind.search == "organisation":
            text = organisation_text(page.data)
        else:
            text = " ".join(part for part in (particulars.get(page.src_uri, ""),
                                              body_text(bodies, page.src_uri, memo)) if part) or page.description
        when, section = dated.get(page.src_uri, (None, ""))
        records.append(SearchRecord(url=page.url, title=page.title, text=text, memo=memo, summary=page.description,
                                    synonyms=synonyms,
                                    date=vi.format_date_short(when) if when else "", section=section,
                                    year=when.year if when else 0))
    return records


def document_text(document) -> str:
    """What a document is found by besides its body: number (125/TB-UBND is found as 125, tb,
    ubnd), type, issuer, signer."""
    return " ".join((document.number, document.type, document.issuer, document.signer, document.title))


def organisation_text(about) -> str:
    """The organisation page is found by its duties, member organisations, groups and officials."""
    people = " ".join(f"{c.name} {c.title}" for c in about.contacts)
    return " ".join((*about.duties, *about.members, *about.groups, people, about.hours))


def common_words(records: list[SearchRecord], memo: ContentMemo | None = None) -> frozenset[str]:
    """Folded words found in more than half the pages of a site of at least COMMON_MIN_PAGES:
    "phuong", "mat", "tran", "cua"... They tell no page from another, yet their lists of pages
    are most of the index, and Pagefind downloads the index chunk of every word of a query.
    They are left out of the index, and the search page drops them from the query (it reads
    them from COMMON_WORDS_FILE); a query made only of them is answered with a hint.

    Counting 5,000 pages' words takes a third of a second: the counts are kept in the memo with
    the memo key of each page's words, and a build counts again only the pages whose headline
    or text changed (their old words are in the memo from the last build), or everything when
    anything is missing."""
    if len(records) < COMMON_MIN_PAGES:
        return frozenset()
    memo = memo_or_new(memo)
    pages = {r.url: (memo.key(b"W", _words_key(r.title, r.synonyms, True)),
                     memo.key(b"W", _words_key(r.text, r.synonyms, False))) for r in records}
    for key in itertools.chain.from_iterable(pages.values()):  # every page's words stay in the memo:
        memo.known(key)  # they are the counts' terms (marked used, read or not)
    counts = _counts_since(memo.known(memo.key(b"c", _COUNTS)), pages, records, memo)
    if counts is None:
        counts = collections.Counter(itertools.chain.from_iterable(_words_of(r) for r in records))
    memo.keep(b"c", _COUNTS, (pages, counts))
    return frozenset(word for word, count in counts.items() if count * 2 > len(records))


_COUNTS = "common-words-counts"


def _words_of(record: SearchRecord) -> set[str]:
    return set(record.title_words).union(record.text_words)


def _counts_since(state, pages: dict[str, tuple[bytes, bytes]], records: list[SearchRecord],
                  memo: ContentMemo) -> collections.Counter | None:
    """The last build's counts brought up to date, or None when they cannot be."""
    if not (isinstance(state, tuple) and len(state) == 2):
        return None
    before, counts = state
    if not (isinstance(before, dict) and isinstance(counts, collections.Counter)):
        return None
    counts = collections.Counter(counts)  # the memo's copy stays as it was (the live preview)
    for url, keys in before.items():
        if pages.get(url) != keys:  # changed or gone: its old words no longer count
            words = [memo.known(key) for key in keys]
            if any(not isinstance(w, str) for w in words):
                return None
            counts.subtract(set(words[0].split()).union(words[1].split()))
    for record in records:
        if before.get(record.url) != pages[record.url]:
            counts.update(_words_of(record))
    return +counts  # without words no page has any more


def record_html(record: SearchRecord, common: frozenset[str] = frozenset()) -> str:
    """The document Pagefind indexes for a record: folded words to match, original text as meta.

    Pagefind indexes meta values too (as written, with its own folding), so meta carries only
    what a result shows: headline, date, section and the page's short description, never the
    whole text (that doubled the index, positions included, and every query paid for it)."""
    meta = "".join(f'<span data-pagefind-meta="{key}">{escape(value)}</span>'
                   for key, value in (("title", record.title), ("date", record.date),
                                      ("section", record.section), ("summary", record.summary)) if value)
    return (f'<!doctype html><html lang="vi"><body><main data-pagefind-body>'
            f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{escape(_indexed(record.title_words, common))}</h1>'
            f'<p>{escape(_indexed(record.text_words, common))}</p>'
            f'<div data-pagefind-ignore>{meta}</div></main></body></html>')


#: Ends every indexed word, and every word search.js looks up. Pagefind matches each word of a
#: query as the start of a word ("nha" finds "nhan", "quy" finds "quyet"): with the mark, "nhaz"
#: starts only "nhaz". No Vietnamese syllable ends in z, and the mark is the same on both sides.
WORD_END = "z"


def _indexed(words: Iterable[str], common: frozenset[str]) -> str:
    return " ".join(word + WORD_END for word in words if word not in common)


#: Pagefind's own ready-made interfaces: the search page has its own (search.js), so these
#: would only be published, never loaded.
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                       "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


#: Below this many pages the index is one bundle. Above it, pages of the newest year (and pages
#: with no date) go in the main bundle and older years in bundles of their own (ARCHIVE_DIR/<years>/
#: inside the main one), consecutive years from the oldest, at most ARCHIVE_BUNDLE_PAGES a bundle
#: (a year with more is a bundle alone): Pagefind has no incremental mode, so a correction to an
#: article of 2021 re-indexes its bundle's ~1,900 pages (~1 s), not the 4,400 of every older
#: year (2-2.5 s at 5,000 articles). Each bundle costs a first search its index chunks (~60 KB for a
#: query of a few words), hence bundles of a few years, not of one; its copy of Pagefind's 68 KB
#: WebAssembly it does not cost (`_share_wasm`).
SHARD_MIN_PAGES = 1000
ARCHIVE_BUNDLE_PAGES = 2000
ARCHIVE_DIR = "luu-tru"  # the older years' bundles, inside SEARCH_DIR
MERGED_FILE = "chi-muc-khac.json"  # in SEARCH_DIR: the other bundles search.js merges, relative to it
#: What a merged bundle never serves: the browser runs the main bundle's script, worker and
#: WebAssembly for every bundle (pagefind.js mergeIndex; `_share_wasm` points at the latter).
MERGED_UNUSED = ("pagefind.js", "pagefind-worker.js")


def search_shards(records: list[SearchRecord]) -> dict[str, list[SearchRecord]]:
    """Bundle folder (relative to SEARCH_DIR, "" for the main one) -> its records.

    Years are grouped from the oldest, so a new year changes only the newest group."""
    if len(records) < SHARD_MIN_PAGES:
        return {"": records}
    newest = max(r.year for r in records)
    by_year: dict[int, list[SearchRecord]] = {}
    for record in records:
        by_year.setdefault(0 if record.year == newest else record.year, []).append(record)
    if not by_year.get(0) or len(by_year) == 1:  # nothing for the main bundle, or nothing older
        return {"": records}
    shards: dict[str, list[SearchRecord]] = {"": by_year.pop(0)}
    group: list[int] = []
    for year in sorted(by_year):
        if group and sum(len(by_year[y]) for y in group) + len(by_year[year]) > ARCHIVE_BUNDLE_PAGES:
            shards[_archive_folder(group)] = [r for y in group for r in by_year[y]]
            group = []
        group.append(year)
    shards[_archive_folder(group)] = [r for y in group for r in by_year[y]]
    return shards


def _archive_folder(years: list[int]) -> str:
    return f"{ARCHIVE_DIR}/{years[0]}/" if len(years) == 1 else f"{ARCHIVE_DIR}/{years[0]}-{years[-1]}/"


def _share_wasm(bundle: Path, depth: int) -> None:
    """Make a merged bundle `depth` folders below the main one load the main bundle's WebAssembly.

    pagefind.js fetches `<bundle>/wasm.<name>.pagefind`, <name> being the language's "wasm" in
    pagefind-entry.json ("unknown" when null). Naming a path there that climbs back to the main
    bundle gives every bundle the same address, so the browser downloads the file once (Pagefind
    1.5; tests/sites/test_search.py checks in Chromium that every bundle asks for that address)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        name = language.get("wasm") or "unknown"
        language["wasm"] = "x/" + "../" * (depth + 1) + "wasm." + name
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for path in bundle.glob("wasm.*.pagefind"):
        path.unlink()
    for name in MERGED_UNUSED:
        (bundle / name).unlink(missing_ok=True)


def write_search_index(records: Iterable[SearchRecord], site_dir: Path, kept: Path | None = None,
                       memo: ContentMemo | None = None, placed: set[str] | None = None) -> int:
    """Write the Pagefind bundles (index, fragments, pagefind.js) into site_dir/pagefind/.

    Each record becomes a small HTML file in a folder that Pagefind's binary indexes in one run
    (its Python API costs a round trip of ~0.1 s per record: 8 minutes at 5,000). With `kept`
    (a folder of the cache), each bundle is kept there under a hash of its documents and linked
    into the site: a bundle whose pages did not change is not indexed again, and the documents
    of one that did are rewritten only where their text changed."""
    output = Path(site_dir).resolve() / SEARCH_DIR
    shutil.rmtree(output, ignore_errors=True)  # a live preview must not keep fragments of old pages
    records = list(records)
    common = common_words(records, memo)
    shards = search_shards(records)
    with _scratch_folder(kept) as scratch:
        bundles = {folder: _Bundle(Path(scratch), folder.strip("/").replace("/", "-") or "main", shard, common,
                                   depth=folder.count("/"))
                   for folder, shard in shards.items()}
        jobs = [threading.Thread(target=bundle.make, daemon=True) for bundle in bundles.values() if not bundle.ready]
        for job in jobs:  # Pagefind on each core
            job.start()
        for job in jobs:
            job.join()
        folders: set[str] = set()
        for folder, bundle in bundles.items():
            bundle.place(output / folder, folders, placed)
        _tidy(Path(scratch), {bundle.name for bundle in bundles.values()})
    (output / COMMON_WORDS_FILE).write_text(json.dumps(sorted(common)), encoding="utf-8")
    synonyms = records[0].synonyms if records else site_synonyms()
    (output / SYNONYMS_FILE).write_text(json.dumps(synonyms.for_search(), ensure_ascii=False), encoding="utf-8")
    (output / MERGED_FILE).write_text(json.dumps([f for f in shards if f]), encoding="utf-8")
    return len(records)


class _Bundle:
    """One Pagefind bundle, kept in `root/bundles/<name>.<hash of its documents>/`.

    The hash is of what makes the documents (each record, the common words, the code that folds
    and writes them), so a bundle already made is found without making 4,000 documents to hash."""

    def __init__(self, root: Path, name: str, records: list[SearchRecord], common: frozenset[str], depth: int = 0):
        digest = hashlib.sha256(search_bundle_salt().encode())
        digest.update(" ".join(sorted(common)).encode("utf-8", "surrogatepass"))
        for record in sorted(records, key=lambda r: r.url):
            digest.update("\0".join((record.url, record.title, record.text, record.summary, record.date,
                                     record.section, "\1")).encode("utf-8", "surrogatepass"))
        self.root, self.name, self.records, self.common, self.depth = root, name, records, common, depth
        self.path = root / "bundles" / f"{name}.{digest.hexdigest()[:24]}"
        self.ready = (self.path / "pagefind-entry.json").is_file()
        self.error: str | None = None

    @property
    def documents(self) -> dict[str, bytes]:
        """What Pagefind indexes: relative path -> a document per record (`record_html`)."""
        return {urls.dest_path(r.url): record_html(r, self.common).encode("utf-8") for r in self.records}

    def make(self) -> None:
        pages = self.root / "pages" / self.name
        _sync_folder(pages, self.documents)  # only a bundle being made writes its documents out
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{self.name}-", dir=self.path.parent))
        result = subprocess.run([*_pagefind_command(), "--site", str(pages), "--output-path", str(temp),
                                 "--force-language", "vi", "--silent"], capture_output=True, text=True)
        if result.returncode != 0:
            shutil.rmtree(temp, ignore_errors=True)
            self.error = result.stderr or result.stdout
            return
        for name in UNUSED_BUNDLE_FILES:
            (temp / name).unlink(missing_ok=True)
        if self.depth:
            _share_wasm(temp, self.depth)
        try:
            os.rename(temp, self.path)
        except OSError:  # another build of the same content made it first: the same bytes
            shutil.rmtree(temp, ignore_errors=True)
        for old in self.path.parent.glob(f"{self.name}.*"):  # earlier versions of this bundle
            if old != self.path:
                shutil.rmtree(old, ignore_errors=True)
        self.ready = True

    def place(self, target: Path, folders: set[str], placed: set[str] | None = None) -> None:
        if not self.ready:
            raise RuntimeError(f"Pagefind không tạo được chỉ mục tìm kiếm: {self.error}")
        source = str(self.path)
        for directory, _, names in os.walk(source):
            into = os.path.join(str(target), os.path.relpath(directory, source))
            for name in names:
                place_file(os.path.join(directory, name), os.path.normpath(os.path.join(into, name)), folders,
                           placed=placed)


def _tidy(scratch: Path, names: set[str]) -> None:
    """Drop what no bundle of this build uses (a bundle the site no longer has, older layouts)."""
    for child in scratch.iterdir():
        if child.name not in ("pages", "bundles"):
            shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)
    for child in (*(scratch / "pages").glob("*"), *(scratch / "bundles").glob("*")):
        if child.name.split(".")[0] not in names and not child.name.startswith("."):
            shutil.rmtree(child, ignore_errors=True)


@functools.lru_cache(maxsize=1)
def _pagefind_command() -> tuple[str, ...]:
    """The binary the `pagefind[bin]` wheel ships, run directly (not through a second Python)."""
    try:
        from pagefind_bin import get_executable

        return (str(get_executable()),)
    except Exception:  # noqa: BLE001 - any other install: Pagefind's own launcher
        return (sys.executable, "-m", "pagefind")


@functools.lru_cache(maxsize=1)
def search_bundle_salt() -> str:
    """What every bundle's hash starts with besides its records: Pagefind's version and the code
    that makes its documents. Cached: the build works it out early (core/outputs.py)."""
    return f"{_pagefind_version()}\0{_code_digest()}\0"


@functools.lru_cache(maxsize=1)
def _pagefind_version() -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return ""


@contextlib.contextmanager
def _scratch_folder(kept: Path | None):
    """`kept` when this build is the only one using it (a lock), else a temporary folder."""
    if kept is not None and fcntl is not None:
        kept.mkdir(parents=True, exist_ok=True)
        with open(kept.parent / f".{kept.name}.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # another build of this content is indexing right now
                pass
            else:
                yield str(kept)
                return
    with tempfile.TemporaryDirectory(prefix="ward-news-search-") as scratch:
        yield scratch


def _sync_folder(folder: Path, documents: Mapping[str, bytes]) -> None:
    """Make `folder` hold exactly `documents` (relative path -> bytes): a file is written only
    when its bytes differ (each is read back and compared, so a damaged file is rewritten),
    and files of pages that are gone are removed."""
    present = set()
    for directory, dirnames, filenames in os.walk(folder):
        for name in filenames:
            present.add(os.path.relpath(os.path.join(directory, name), folder).replace(os.sep, "/"))
    for stale in present - set(documents):
        os.remove(folder / stale)
    made: set[str] = set()
    for path, data in documents.items():
        target = folder / path
        if path in present:
            with open(target, "rb") as handle:
                if handle.read() == data:
                    continue
        parent = str(target.parent)
        if parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(parent)
        target.write_bytes(data)


def distinct_words(text: str) -> list[str]:
    """Each folded word once, in order of first use. Pagefind stores every position of every
    word and a query downloads the whole chunk holding its words: with repeats, the chunks for
    common words ("nam", "phuong") made a first search at 5,000 articles cost over 300 KB. The
    excerpt is built from the original text, so positions are not needed for display.

    Same words as `_WORD.findall(fold(text))`, but folded one distinct raw word at a time
    (cached): folding 5,000 whole articles character by character took seconds."""
    seen: dict[str, None] = {}
    for raw in _RAW_WORD.findall(unicodedata.normalize("NFC", text)):
        for word in _fold_word(raw):
            seen.setdefault(word, None)
    return list(seen)


def indexed_words(text: str, synonyms: Synonyms, pairs: bool = True) -> list[str]:
    """What a text is found by: each folded word once; with `pairs` (headlines), each pair of
    neighbouring words as one word ("cat" "dien" → "catdien"), so a query's words side by side (a
    Vietnamese word is often two syllables) find the pages whose headline has them side by side
    first (search.js searches the pairs before the words); and the token of each synonym group a
    phrase of which the text holds (core/synonyms.py), so "mất điện" finds "tạm ngừng cung cấp
    điện". Positions are not kept (see distinct_words): the pairs are what is left of word order.
    Bodies get no pairs: they would more than double the index, and a first search's download
    with it (the budget in tests/bench), for what headlines and synonym groups already give."""
    sequence = [word for raw in _RAW_WORD.findall(unicodedata.normalize("NFC", text)) for word in _fold_word(raw)]
    seen = dict.fromkeys(sequence)
    for first, second in zip(sequence, sequence[1:]) if pairs else ():
        if first.isalpha() and second.isalpha():  # "9"+"1" would be 91; Pagefind cuts "trao150" anyway
            seen.setdefault(first + second, None)
    for token in synonyms.tokens_in(sequence):
        seen.setdefault(token, None)
    return list(seen)


def _words_key(text: str, synonyms: Synonyms, pairs: bool) -> str:
    """The memo's key for a text's indexed words: the text, and how and with what dictionary."""
    return synonyms.digest + ("p" if pairs else "w") + "\x00" + text


def _indexed_words_cached(text: str, synonyms: Synonyms, memo: ContentMemo | None, pairs: bool) -> list[str]:
    """Kept in the memo as one string: a list per page is 1.5 million objects to pickle at 5,000."""
    return memo_or_new(memo).get(b"W", _words_key(text, synonyms, pairs), lambda key: " ".join(
        indexed_words(key.split("\x00", 1)[1], synonyms, pairs))).split()


class BackgroundIndexer:
    """For the live preview: the index is written after the rebuild returns, on a thread of its
    own, so a save shows the page at once (indexing 5,000 pages takes seconds). While one run
    writes, the newest request waits; requests in between are skipped, not queued."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: tuple[list[SearchRecord], Path, Path | None, ContentMemo | None] | None = None
        self._thread: threading.Thread | None = None

    def submit(self, records: list[SearchRecord], site_dir: Path, kept: Path | None = None,
               memo: ContentMemo | None = None) -> None:
        """Index `records` into `site_dir` soon (`kept`: the cache's folder, see write_search_index)."""
        with self._lock:
            self._pending = (records, site_dir, kept, memo)
            if self._thread is None:  # cleared under the lock by the thread as it ends
                self._thread = threading.Thread(target=self._run, name="ward-news-search", daemon=True)
                self._thread.start()

    def wait(self) -> None:
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._thread = None
                    return
            try:
                write_search_index(*job)
            except Exception as exc:  # the preview keeps working; the reason is shown once
                print(f"Chưa cập nhật được chỉ mục tìm kiếm: {exc}", file=sys.stderr)


_WORD = re.compile(r"[0-9a-z]+(?:[.,][0-9]+)*")  # search.js splits folded queries the same way
_RAW_WORD = re.compile(r"\w+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(raw: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(raw)))


def body_text(bodies: Mapping[str, str] | Bodies, src_uri: str, memo: ContentMemo | None = None) -> str:
    """The words of a page's body. A body still in the page store is not read when its text is
    remembered under the entry's name, which names a digest of its bytes."""
    memo = memo_or_new(memo)
    stored = bodies.entry_name(src_uri) if isinstance(bodies, Bodies) else None
    if stored is not None:
        return memo.get(b"P", stored, lambda _: _parse_text(bodies.get(src_uri, "")))
    return plain_text(bodies.get(src_uri, ""), memo)


def stored_text_known(entry_name: str, memo: ContentMemo) -> bool:
    """Whether `body_text` remembers the words of the stored body named `entry_name`."""
    return memo.has(b"P", entry_name)


def plain_text(html: str, memo: ContentMemo | None = None) -> str:
    """The words of a sanitised body, paragraphs separated by a space (through the memo: all
    bodies but the one saved are the same as last time)."""
    return memo_or_new(memo).get(b"p", html, _parse_text)


def _parse_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


class _TextParser(HTMLParser):
    _BREAKS = {"p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "figcaption", "blockquote", "div"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self._BREAKS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)
