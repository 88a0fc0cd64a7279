"""Build-time benchmark: ward-news on a synthetic ward of N articles (medians of several runs).

    ./dev bench                      # N = 1000 and 5000, 3 runs each
    ./dev bench --sizes 200 --runs 5

Targets (checked here, never in unit tests): 5,000 articles build in well under a minute on the
project's 2-core machine. Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.bench.corpus import write_corpus  # noqa: E402

TARGET_SECONDS_5000 = 60.0


def mkdocs_yml(root: Path) -> None:
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Thử tải
        site_url: https://phuong.example.vn/
        docs_dir: content
        theme:
          name: material
          custom_dir: {REPO / 'overrides'}
          language: vi
          font: false
        plugins:
          - ward-news:
              now: "2026-11-20 12:00"
        """), encoding="utf-8")


def time_build(root: Path) -> float:
    """One full `ward-news build` in a fresh process, as CI runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from generator.cli.main import cli; cli()", "build", "-q"],
                   cwd=root, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = write_corpus(Path(tmp), n)
            mkdocs_yml(root)
            times = [time_build(root) for _ in range(args.runs)]
            pages = sum(1 for _ in (root / "site").rglob("index.html"))
        median = statistics.median(times)
        rows.append((n, median, min(times), max(times), pages))
        print(f"N={n}: median {median:.1f} s (min {min(times):.1f}, max {max(times):.1f}), {pages} pages", flush=True)
    print("\n| articles | pages built | ward-news build (median) | per article |")
    print("|---:|---:|---:|---:|")
    for n, median, _, _, pages in rows:
        print(f"| {n:,} | {pages:,} | {median:.1f} s | {median / n * 1000:.1f} ms |".replace(",", "."))
    slow = [n for n, median, *_ in rows if n >= 5000 and median > TARGET_SECONDS_5000]
    if slow:
        print(f"\nTARGET MISSED: 5,000 articles must build in under {TARGET_SECONDS_5000:.0f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
