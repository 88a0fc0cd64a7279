"""Files the site holds besides its pages: share cards, QR codes, feeds, sitemaps, robots.txt and
the search index.

Cards and QR codes depend only on the plan, so they are drawn in worker processes while the
host renders pages on the main core, and copied into the built site at the end. Feeds need
the article bodies as rendered, so they are written last. All of it goes through the on-disk
cache (`cache.DiskCache`): an unchanged card is never drawn twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Mapping

import segno

from . import urls
from .buildcache import BuildCache
from .cache import place_file as _place
from .fingerprint import code_fingerprint
from .cards import draw_cards
from .editor import editor_files
from .feeds import render_feed
from .images import THEME_COLOR, web_manifest
from .pagestore import Bodies
from .plan import SitePlan
from .progress import Progress
from . import qr
from .reports import report_data_files
from .search import BackgroundIndexer, search_bundle_salt, search_records, write_search_index
from .sitemap import render_robots, render_sitemaps
from .settings import Settings

def _qr_version() -> str:
    """What names a QR code besides its address: the code that draws it, segno's version."""
    return f"qr-3|segno-{segno.__version__}|{code_fingerprint('generator.core.qr')}"


@dataclass(frozen=True)
class OutputStats:
    """What a build produced besides pages; tests and the benchmark read this, not call counts."""

    pages: int = 0
    pages_rendered: int = 0  # rendered by this build (the others were linked from the page store)
    pages_reused: int = 0
    cards_drawn: int = 0
    cards_reused: int = 0
    qr_made: int = 0
    qr_reused: int = 0
    feeds: int = 0
    searchable: int = 0  # pages in the search index
    images_made: int = 0  # photos made web-ready by this build
    images_reused: int = 0  # ... and taken from the cache

    def summary(self) -> str:
        return (f"Trang: dựng mới {self.pages_rendered}, dùng lại {self.pages_reused}. Ảnh trong bài: xử lý mới {self.images_made}, dùng lại {self.images_reused}; ảnh chia sẻ: vẽ mới {self.cards_drawn}, dùng lại {self.cards_reused}; "
                f"mã QR: tạo mới {self.qr_made}, dùng lại {self.qr_reused}; {self.feeds} nguồn tin RSS/Atom; "
                f"tìm kiếm: {self.searchable} trang.")


class SiteOutputs:
    """Start with `start()` once the plan is known; `finish(site_dir, ...)` after the pages."""

    def __init__(self, plan: SitePlan, settings: Settings, cache: BuildCache, progress: Progress | None = None):
        self.plan, self.settings, self.cache = plan, settings, cache
        self.progress = progress or Progress()
        self.cards_cache, self.qr_cache = cache.cards, cache.qr
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._card_files: dict[str, Path] = {}
        self._qr_files: dict[str, Path] = {}
        self._card_stats = None
        self._qr_counts = (0, 0)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._draw, name="ward-news-cards", daemon=True)
        self._thread.start()

    def _draw(self) -> None:
        try:
            specs = [page.card for page in self.plan.cards]
            self._card_stats, self._card_files = draw_cards(specs, self.cards_cache, workers=self.settings.workers,
                                                            progress=self.progress)
            self._qr_counts = self._make_qr_codes()
            # What names the search bundles (0.13 s: the code's fingerprint, Pagefind's version),
            # worked out here while MkDocs renders, not on the search thread that ends the build.
            search_bundle_salt()
        except BaseException as exc:  # re-raised in finish(), on the host's thread
            self._error = exc

    def _make_qr_codes(self) -> tuple[int, int]:
        wanted: dict[str, str] = {}
        version = _qr_version()
        for page in self.plan.pages:
            if page.qr_url:
                target = urls.absolute(self.plan.site_url, page.url)
                key = hashlib.sha256(f"{version}|{target}".encode()).hexdigest()
                wanted[key] = target
        missing = {}
        for key, target in wanted.items():
            found = self.qr_cache.get(key, qr.SUFFIX)
            if found is None:
                missing[key] = target
            else:
                self._qr_files[key] = found
        if missing:
            keys = list(missing)
            if self.settings.workers > 1 and len(keys) > 50:
                context = multiprocessing.get_context("forkserver")  # see cards/draw.py
                with ProcessPoolExecutor(self.settings.workers, mp_context=context) as pool:
                    codes = list(pool.map(qr.qr_png, [missing[k] for k in keys], chunksize=64))
            else:
                codes = [qr.qr_png(missing[k]) for k in keys]
            for key, code in zip(keys, codes):
                self._qr_files[key] = self.qr_cache.put(key, qr.SUFFIX, code)
        self._qr_keys = {target: key for key, target in wanted.items()}
        return len(missing), len(wanted) - len(missing)

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def finish(self, site_dir: Path, bodies: Mapping[str, str], now: datetime,
               indexer: BackgroundIndexer | None = None, folders: set[str] | None = None) -> OutputStats:
        """Copy cards and QR codes into the built site, write the feeds and the search index,
        prune the caches. `bodies` maps a page's src_uri to its rendered, sanitised body. With an
        `indexer` (live preview) the search index is written after this returns. `folders`:
        folders of `site_dir` known to exist."""
        site_dir = Path(site_dir)
        # The search index first, on a thread, before waiting for the cards: on a cold build they
        # are still being drawn when the last page is rendered, and Pagefind (2.8 s at 2,000
        # pages) then runs beside them instead of after them. The feeds, sitemaps and data files
        # need no card either; only placing the cards and QR codes waits for them.
        memo = self.cache.memo
        records = search_records(self.plan, bodies, memo)
        searching = None
        if indexer is not None:
            indexer.submit(records, site_dir, self.cache.search_folder, memo)
        else:
            self.progress.start("search", len(records))
            searching = _Task(write_search_index, records, site_dir, self.cache.search_folder, memo,
                              self.cache.placed)
        try:
            write_feeds(self.plan, site_dir, bodies, now)
            for path, data in editor_files(self.plan.site, self.settings).items():  # quan-tri/, when a repo is set
                _write(site_dir / path, data)
            for path, data in report_data_files(self.plan.site.reports).items():  # figures as open data
                _write(site_dir / path, data)
            for path, data in {**render_sitemaps(self.plan), "robots.txt": render_robots(self.plan)}.items():
                _write(site_dir / path, data)  # replaces MkDocs' sitemap, stamped with the build date
            self.wait()
        except BaseException:
            if searching is not None:  # no thread left writing into a site that is being discarded
                with contextlib.suppress(BaseException):
                    searching.result()
            raise
        # Folders made already (by the page store too: QR codes go into 5,000 pages' folders):
        # one mkdir per folder, not per file.
        folders = set() if folders is None else folders
        root, placed = str(site_dir), self.cache.placed
        cards = {page.card_url: page.card.key(memo) for page in self.plan.cards}  # a listing's pages share one
        for url, key in cards.items():
            _place(self._card_files[key], os.path.join(root, url), folders, placed=placed)
        for url, path in self.plan.images.files.items():  # web-ready photos and icons
            _place(path, os.path.join(root, url), folders, placed=placed)
        if self.plan.images.icons is not None:
            ward = self.plan.site.ward
            _write(site_dir / urls.web_manifest_url(),
                   web_manifest(ward.name, ward.name, self.plan.images.icons,
                                lambda url: urls.relative(url, urls.web_manifest_url()), THEME_COLOR))
        for page in self.plan.pages:
            if page.qr_url:
                key = self._qr_keys[urls.absolute(self.plan.site_url, page.url)]
                _place(self._qr_files[key], os.path.join(root, page.qr_url), folders, placed=placed)
        searchable = searching.result() if searching is not None else len(records)
        if searching is not None:
            self.progress.advance("search", len(records))
        drawn, reused = (self._card_stats.drawn, self._card_stats.reused) if self._card_stats else (0, 0)
        stats = OutputStats(pages=len(self.plan.pages), cards_drawn=drawn, cards_reused=reused,
                            qr_made=self._qr_counts[0], qr_reused=self._qr_counts[1], feeds=len(self.plan.feeds),
                            searchable=searchable, images_made=self.plan.images.made,
                            images_reused=self.plan.images.reused)
        self.close()
        return stats

    def close(self) -> None:
        """Wait for the drawing thread (a failed build must not leave workers behind)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def write_feeds(plan: SitePlan, site_dir: Path, bodies: Mapping[str, str], now: datetime) -> None:
    """Every RSS and Atom feed of the plan, carrying the rendered bodies."""
    for feed in plan.feeds:
        data = render_feed(feed, site_url=plan.site_url, ward=plan.site.ward, bodies=bodies, images=plan.images,
                           generated=now)
        _write(Path(site_dir) / feed.url, data)


def refresh_texts(plan: SitePlan, cache: BuildCache, site_dir: Path, bodies: Bodies, now: datetime,
                  indexer: BackgroundIndexer) -> None:
    """After the live preview re-rendered some bodies alone: the feeds and the search index
    that carry them, on a thread (the page itself is already served). The thread has its own
    copy of the bodies: the next save changes the plugin's."""
    bodies = bodies.copy()

    def run() -> None:
        write_feeds(plan, site_dir, bodies, now)
        indexer.submit(search_records(plan, bodies, cache.memo), Path(site_dir), cache.search_folder, cache.memo)

    threading.Thread(target=run, name="ward-news-texts", daemon=True).start()


class _Task:
    """A call on a thread of its own; `result()` joins it and re-raises what it raised."""

    def __init__(self, function, *args):
        self._value, self._error = None, None
        self._thread = threading.Thread(target=self._run, args=(function, args), name="ward-news-search", daemon=True)
        self._thread.start()

    def _run(self, function, args):
        try:
            self._value = function(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller in result()
            self._error = exc

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
