"""Rendered pages kept between builds, keyed by each page's fingerprint.

A page's fingerprint (the adapter computes it) is a hash of everything its HTML is made from:
its plan entry, its Markdown, what every page shows, the templates, the code and the versions
of the libraries that render it. A build whose page has the fingerprint of an earlier build
takes that earlier HTML from `.cache/ward-news/pages/` (a hard link) instead of rendering it,
and the body feeds and search carry from `bodies/`. Entries carry a digest of their own bytes
(`CheckedCache`): a damaged entry is rendered again, never published. Deleting the folder
costs time only; a test builds the same site with an empty and a warm cache and compares bytes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from .cache import WEEK, CheckedCache, place_file


class StoreChanged(RuntimeError):
    """A stored body no longer matched its name when it was read, after its page was placed."""


class Bodies:
    """src_uri -> a page's rendered, sanitised body, for the feeds and the search index.

    Bodies rendered by this build are held in memory. A page taken from the store has its
    body read only when something asks for it: the feeds carry a few dozen, and search
    remembers a body's text by `stored_name` (which names a digest of its bytes), so a warm
    build at 5,000 articles reads none of the other bodies.
    """

    def __init__(self) -> None:
        self._html: dict[str, str] = {}
        self._stored: dict[str, Path] = {}

    def __setitem__(self, src_uri: str, html: str) -> None:
        self._html[src_uri] = html
        self._stored.pop(src_uri, None)

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self._html or src_uri in self._stored

    def keep_stored(self, src_uri: str, path: Path, html: str | None = None) -> None:
        """A body from the store entry at `path`; `html` when it was read already."""
        self._stored[src_uri] = path
        if html is None:
            self._html.pop(src_uri, None)
        else:
            self._html[src_uri] = html

    def stored_name(self, src_uri: str) -> str | None:
        """The store entry's file name while its body has not been read, else None."""
        path = self._stored.get(src_uri)
        return None if path is None or src_uri in self._html else path.name

    def entry_name(self, src_uri: str) -> str | None:
        """The file name of the store entry the body came from (read or not), else None."""
        path = self._stored.get(src_uri)
        return None if path is None else path.name

    def get(self, src_uri: str, default: str | None = None) -> str | None:
        html = self._html.get(src_uri)
        if html is not None:
            return html
        path = self._stored.get(src_uri)
        if path is None:
            return default
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if path.name.partition(".")[2] != f"{CheckedCache.digest(data)}.html":
            path.unlink(missing_ok=True)  # the next build renders the page again
            del self._stored[src_uri]
            raise StoreChanged(f"Tệp {path} trong bộ nhớ đệm đã bị thay đổi trong lúc dựng; hãy dựng lại.")
        html = self._html[src_uri] = data.decode("utf-8")
        return html

    def copy(self) -> Bodies:
        """An independent copy (for a thread that writes the feeds and search index)."""
        other = Bodies()
        other._html, other._stored = dict(self._html), dict(self._stored)
        return other


class PageStore:
    def __init__(self, root: Path, placed: set[str] | None = None):
        self.placed = placed  # the build's record of what it placed (cache.place_file)
        self.pages = CheckedCache(root, "pages")
        self.bodies = CheckedCache(root, "bodies")
        self.reused = 0
        self.stored = 0
        self.folders: set[str] = set()  # folders of the site made by this build's placements
        self._written: list[tuple[str, str, Path | str]] = []  # (fingerprint, digest, page MkDocs writes)

    def place(self, fingerprint: str, target: Path, with_body: bool,
              read_now: Callable[[str], bool] | None = None) -> tuple[bool, Path | None, str | None]:
        """Link the page rendered earlier with this fingerprint at `target`, or return
        (False, None, None) when it must be rendered. With `with_body`, also its body's entry
        (for `Bodies.keep_stored`), and its text, checked, when `read_now(entry name)` says it
        is needed now (a feed carries it, or search does not remember its text): a prune by
        another build cannot then take it away. Entries are checked against their names
        (`CheckedCache.locate`)."""
        body, text = None, None
        if with_body:
            found = self.bodies.locate(fingerprint, ".html")
            if found is None:
                return False, None, None
            body = found[0]
            if read_now is not None and read_now(body.name):
                checked = self.bodies.read(fingerprint, ".html")
                if checked is None:
                    return False, None, None
                text = checked[1].decode("utf-8")
        page = self.pages.locate(fingerprint, ".html")
        if page is None:
            return False, None, None
        path, stat = page
        place_file(path, target, self.folders, source_stat=stat, placed=self.placed)
        self.reused += 1
        return True, body, text

    def keep(self, fingerprint: str, html: bytes, body: str | None, target: Path | str | None = None) -> None:
        """Remember a page just rendered (the exact bytes MkDocs writes at `target`) and its
        body, if it has one. With a `target`, the page is stored at `link_written` by linking
        the file MkDocs wrote: each rendered page is written once, not twice (5,000 files at
        5,000 articles, ~1 ms each on the main thread)."""
        if body is not None:
            self.bodies.put(fingerprint, ".html", body.encode("utf-8"))
        if target is None:
            self.pages.put(fingerprint, ".html", html)
        else:
            self._written.append((fingerprint, CheckedCache.digest(html), target))
        self.stored += 1

    def link_written(self) -> None:
        """Make each page written by this build its entry in the store (a link to the same
        bytes): the site this build leaves then holds only links, and the build after next,
        which builds into it (core/publish.py PreviousSite), keeps them instead of writing them
        again. Where the store is on another file system, the bytes are copied in and linked
        back as before."""
        written, self._written = self._written, []
        for fingerprint, digest, target in written:
            if self.pages.adopt(fingerprint, ".html", digest, target) is not None:
                if self.placed is not None:
                    self.placed.add(os.path.normpath(os.fspath(target)))
                continue
            try:
                data = Path(target).read_bytes()
            except FileNotFoundError:  # MkDocs wrote nothing (a later plugin emptied the page)
                continue
            place_file(self.pages.put(fingerprint, ".html", data), target, self.folders, placed=self.placed)

    def prune(self) -> None:
        """Forget pages no build has used for a week (another ward may share the cache), once a
        day: looking at every entry costs half a second at 5,000 articles."""
        self.pages.prune_daily(grace_seconds=WEEK)
        self.bodies.prune_daily(grace_seconds=WEEK)
        self.pages.save_trust()
        self.bodies.save_trust()
