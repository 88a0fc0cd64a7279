"""One small on-disk cache for everything derived from content: cards, QR codes, later images.

Entries are files named by a content-hash key (the caller hashes everything that makes the
file), written atomically (temp file + rename), so a crash or two builds at once never leave a
half-written entry. The cache is only a speed-up: deleting `.cache/` costs time, never output.
`prune()` removes what this build did not ask for, and temp files a killed build left behind.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

_TEMP_PREFIX = ".tmp-"
_STALE_TEMP_SECONDS = 3600
WEEK = 7 * 24 * 3600
_umask = os.umask(0)
os.umask(_umask)
PUBLIC_FILE_MODE = 0o666 & ~_umask


class DiskCache:
    """Files under `root/namespace/`, one per key; remembers which keys this build used."""

    def __init__(self, root: Path, namespace: str):
        self.directory = Path(root) / namespace
        self._used: set[str] = set()

    def path(self, key: str, suffix: str) -> Path:
        return self.directory / f"{key}{suffix}"

    def get(self, key: str, suffix: str) -> Path | None:
        """The cached file for `key`, or None. A hit counts as used (kept by `prune`)."""
        path = self.path(key, suffix)
        try:
            os.utime(path)  # "last used", for prune(grace_seconds=...)
        except OSError:
            return None
        self._used.add(path.name)
        return path

    def put(self, key: str, suffix: str, data: bytes) -> Path:
        """Store `data` under `key` atomically and return its path."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path(key, suffix)
        fd, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=self.directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(temp, PUBLIC_FILE_MODE)  # mkstemp makes 0600; entries are linked into the public site
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self._used.add(target.name)
        return target

    def mark_used(self, key: str, suffix: str) -> None:
        self._used.add(self.path(key, suffix).name)

    def prune(self, grace_seconds: float = 0) -> int:
        """Delete entries this build did not use and stale temp files; return how many went.

        With `grace_seconds`, an unused entry survives until it has not been used for that
        long: two sites built from one project (or a test building another ward) share the
        cache without deleting each other's cards.
        """
        if not self.directory.is_dir():
            return 0
        removed = 0
        now = time.time()
        for entry in self.directory.iterdir():
            if not entry.is_file():
                continue
            if entry.name.startswith(_TEMP_PREFIX):
                # Another build may be writing it right now: only old ones are left-overs.
                if now - entry.stat().st_mtime < _STALE_TEMP_SECONDS:
                    continue
            elif entry.name in self._used or now - entry.stat().st_mtime < grace_seconds:
                continue
            entry.unlink(missing_ok=True)
            removed += 1
        return removed
