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

from pathlib import Path

from .cache import WEEK, CheckedCache, place_file


class PageStore:
    def __init__(self, root: Path):
        self.pages = CheckedCache(root, "pages")
        self.bodies = CheckedCache(root, "bodies")
        self.reused = 0
        self.stored = 0
        self._folders: set[str] = set()

    def place(self, fingerprint: str, target: Path, with_body: bool) -> tuple[bool, str]:
        """Link the page rendered earlier with this fingerprint at `target`: (True, its body
        when `with_body`), or (False, "") when it must be rendered."""
        body = ""
        if with_body:
            found = self.bodies.read(fingerprint, ".html")
            if found is None:
                return False, ""
            body = found[1].decode("utf-8")
        page = self.pages.read(fingerprint, ".html")
        if page is None:
            return False, ""
        place_file(page[0], target, self._folders)
        self.reused += 1
        return True, body

    def keep(self, fingerprint: str, html: bytes, body: str | None) -> None:
        """Remember a page just rendered (the exact bytes written) and its body, if it has one."""
        if body is not None:
            self.bodies.put(fingerprint, ".html", body.encode("utf-8"))
        self.pages.put(fingerprint, ".html", html)
        self.stored += 1

    def prune(self) -> None:
        """Forget pages no build has used for a week (another ward may share the cache), once a
        day: looking at every entry costs half a second at 5,000 articles."""
        self.pages.prune_daily(grace_seconds=WEEK)
        self.bodies.prune_daily(grace_seconds=WEEK)
