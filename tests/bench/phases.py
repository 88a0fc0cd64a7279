"""Where one `ward-news build` spends its time: each plugin hook and the core's big steps, timed.

    .venv/bin/python tests/bench/phases.py PROJECT    # e.g. a corpus written by tests/bench/corpus.py

Runs the build in this process (as `ward-news build` would, the same staging and publishing),
with wrappers around the functions below, and prints for each: how many calls, when the first
started (seconds since this script started) and their total wall time. The search thread's
steps overlap the main thread's. The README's "where a warm edit's time goes" comes from this.
"""

from __future__ import annotations

import functools
import os
import sys
import time

STARTED = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from generator.cli.build import run_build, show_logs  # noqa: E402
from generator.core import outputs, publish, search  # noqa: E402
from generator.mkdocs_plugin import plugin  # noqa: E402

MARKS: list[tuple[str, float, float]] = []


def timed(owner, name: str, label: str | None = None) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            MARKS.append((label or name, began - STARTED, time.perf_counter() - began))

    setattr(owner, name, wrapper)


for hook in ("on_config", "on_files", "on_nav", "on_env", "on_post_build"):
    timed(plugin.WardNewsPlugin, hook)
for step in ("prepare_site", "plan_files"):
    timed(plugin, step)
timed(publish.PreviousSite, "ready", "previous site ready")
timed(publish.PreviousSite, "remove_unused")
timed(outputs, "write_search_index", "search index (thread)")
timed(outputs, "write_feeds")
timed(search, "common_words", "common words (thread)")
timed(search._Bundle, "make", "Pagefind bundle (thread)")
timed(search._Bundle, "__init__", "bundle hashes (thread)")
timed(search._Bundle, "place", "bundle links (thread)")
timed(outputs, "search_records")


def main() -> int:
    os.chdir(sys.argv[1])
    show_logs(True)
    began = time.perf_counter()
    code = run_build(None, None, None, None)
    total = time.perf_counter() - began
    totals: dict[str, list] = {}
    for label, start, seconds in MARKS:
        entry = totals.setdefault(label, [0, start, 0.0])
        entry[0] += 1
        entry[2] += seconds
    for label, (calls, start, seconds) in sorted(totals.items(), key=lambda item: item[1][1]):
        print(f"{label:28s} calls {calls:5d}  from {start:6.2f} s  took {seconds:6.2f} s")
    print(f"build {total:.2f} s after {began - STARTED:.2f} s of imports; exit code {code}")
    sys.stdout.flush()
    os._exit(code)  # as the command line does: freeing the build's objects only costs time


if __name__ == "__main__":  # the image pool's workers import this module (forkserver)
    main()
