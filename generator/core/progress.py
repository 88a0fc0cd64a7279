"""What a long build is doing, on one line of a terminal: photos, pages, cards, search.

A build of 5,000 articles from an empty cache takes minutes; an officer at a terminal should
see it move. In CI logs (no terminal) nothing is written but the summary line the build prints
anyway, so the command line decides (`Progress(sys.stderr)` or `Progress(None)`); the core only
reports counts. Safe to call from the drawing thread and the build's own.
"""

from __future__ import annotations

import threading
import time
from typing import TextIO

LABELS = {"images": "Ảnh trong bài", "pages": "Trang", "cards": "Ảnh chia sẻ", "search": "Tìm kiếm"}


class Progress:
    def __init__(self, stream: TextIO | None = None, interval: float = 0.25, width: int = 100):
        self.stream, self.interval, self.width = stream, interval, width
        self._counts: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()
        self._shown = 0.0
        self.lines = 0  # lines written, for tests

    def start(self, phase: str, total: int) -> None:
        """`total` items of `phase` are about to be made (none: the phase is not shown)."""
        if total > 0:
            self._set(phase, 0, total)

    def advance(self, phase: str, count: int = 1) -> None:
        done, total = self._counts.get(phase, (0, 0))
        if total:
            self._set(phase, min(done + count, total), total)

    def _set(self, phase: str, done: int, total: int) -> None:
        if self.stream is None:
            return
        with self._lock:
            self._counts[phase] = (done, total)
            now = time.monotonic()
            if done not in (0, total) and now - self._shown < self.interval:
                return
            self._shown = now
            parts = [f"{LABELS.get(p, p)} {d}/{t}" if p != "search" else
                     (f"{LABELS[p]}: xong" if d == t else f"{LABELS[p]}: đang lập chỉ mục {t} trang")
                     for p, (d, t) in self._counts.items()]
            self.stream.write("\r" + " · ".join(parts)[: self.width] + "\x1b[K")
            self.stream.flush()
            self.lines += 1

    def close(self) -> None:
        """Clear the line, so the summary that follows starts on a clean one."""
        if self.stream is not None and self.lines:
            with self._lock:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
