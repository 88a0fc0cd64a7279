"""Values computed from content, kept between builds by a hash of what they came from.

A warm build at 5,000 articles changes one body; everything derived from the other 4,999 (plain
text and folded words for search, reading time, the images and files a body references, the
content hash of each photo) is the same as last time. A ContentMemo keeps those values in
memory for the live preview and in one file of the build cache (core/buildcache.py, its only
owner, which passes it to whatever computes them) for the next build's process. Keys hash the
input itself (or, for a file, its path and full stat), and the file is read back only by the
same generator code (`code`, core/fingerprint.py): an entry can only be right or absent. A
damaged file is ignored like every cache entry (`cache.read_checked_pickle`).
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Callable, TypeVar

from .cache import content_cache_file, read_checked_pickle, write_checked_pickle

T = TypeVar("T")


class ContentMemo:
    FORMAT = b"ward-news-memo-2\n"

    def __init__(self) -> None:
        self._entries: dict[bytes, object] = {}
        self._used: set[bytes] = set()
        self._loaded_from: Path | None = None
        self._changed = False
        self.lock = threading.Lock()

    @staticmethod
    def _key(kind: bytes, text: str) -> bytes:
        return kind + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def get(self, kind: bytes, text: str, make: Callable[[str], T]) -> T:
        """`make(text)`, computed once per distinct `text` (per `kind`, a one-byte namespace)."""
        key = self._key(kind, text)
        value = self._entries.get(key)
        if value is None:
            value = self._entries[key] = make(text)
            self._changed = True
        self._used.add(key)
        return value

    def key(self, kind: bytes, text: str) -> bytes:
        """The key `get(kind, text, ...)` keeps its value under."""
        return self._key(kind, text)

    def known(self, key: bytes) -> object | None:
        """The value kept under `key`, if this build or the last one computed it; marks it used."""
        value = self._entries.get(key)
        if value is not None:
            self._used.add(key)
        return value

    def keep(self, kind: bytes, name: str, value: object) -> None:
        """Keep `value` under `name` (not a hash of its input: state a later build updates)."""
        key = self._key(kind, name)
        self._entries[key] = value
        self._used.add(key)
        self._changed = True

    def has(self, kind: bytes, text: str) -> bool:
        """Whether `get(kind, text, ...)` would find a value without computing it."""
        return self._key(kind, text) in self._entries

    def file(self, kind: bytes, path: str | os.PathLike, make: Callable[[bytes], T]) -> T | None:
        """`make(the file's bytes)`, read again only when the file's path or stat changed (the
        way git's index trusts an unchanged stat); None when the file cannot be read."""
        try:
            stat = os.stat(path)
        except OSError:
            return None
        signature = f"{os.path.abspath(path)}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}"

        def read(_: str):
            with open(path, "rb") as handle:
                return make(handle.read())
        try:
            return self.get(kind, signature, read)
        except OSError:
            return None

    def load(self, path: Path, code: str, key: bytes) -> None:
        """Add what the last build saved at `path` (once per process and path), if the same
        generator code (`code`: core/fingerprint.py) computed it."""
        path = Path(path)
        if self._loaded_from == path:
            return
        saved = read_checked_pickle(path, self.FORMAT, key)
        if isinstance(saved, tuple) and len(saved) == 2 and saved[0] == code and isinstance(saved[1], dict):
            self._entries.update(saved[1])
        self._loaded_from = path

    def save(self, path: Path, code: str, key: bytes) -> None:
        """Keep what this build used (old texts go); written only when that differs from the file."""
        with self.lock:
            unused = len(self._entries) - len(self._used & self._entries.keys())
            if unused:
                self._entries = {k: v for k, v in self._entries.items() if k in self._used}
            changed, self._changed = self._changed or bool(unused), False
            self._used = set()
            if changed or not Path(path).is_file():
                write_checked_pickle(path, self.FORMAT, (code, self._entries), key)


def memo_or_new(memo: ContentMemo | None) -> ContentMemo:
    """`memo`, or one for this call alone (a test, a tool: nothing kept between builds)."""
    return memo if memo is not None else ContentMemo()


def memo_file(cache_dir: Path, content_dir: Path) -> Path:
    """The memo of this content folder in the cache (one per ward sharing a cache folder)."""
    return content_cache_file(cache_dir, content_dir, "memo")
