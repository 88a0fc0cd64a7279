"""Build-time benchmark: ward-news on a synthetic ward of N articles (medians of several runs).

    ./dev bench                      # N = 1000 and 5000, 3 runs each
    ./dev bench --sizes 200 --runs 5
    ./dev bench --sizes 5000 --runs 1 --search   # also: bytes a first search downloads, page sizes

Targets (checked here, never in unit tests): 5,000 articles build in well under a minute on the
project's 2-core machine once the share cards are cached (CI keeps .cache/ between builds); the
first build, which draws every card, is reported beside it. Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.bench.corpus import write_corpus  # noqa: E402
from tests.conftest import write_mkdocs_yml  # noqa: E402

TARGET_SECONDS_5000 = 60.0
TARGET_SEARCH_BYTES = 300_000  # what one first search may cost a phone at N = 5,000
TARGET_ARTICLE_HTML = 60_000  # an article page's HTML, uncompressed, whatever N is
SEARCH_QUERIES = ("trao qua tet", "chuyen doi so", "hoi nghi tong ket nam", "an sinh")


def measure_search(site_dir: Path) -> list[tuple[str, int, int, int]]:
    """(query, results, bytes fetched from pagefind/, requests) for a first search in a fresh
    browser: Debian's chromium via Playwright, the site served over HTTP with gzip for text files
    as real hosts do (Pagefind's index files are compressed already). Bytes are as transferred."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import served

    rows = []
    with served(site_dir, gzip=True) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for query in SEARCH_QUERIES:
            context = browser.new_context()  # empty cache: a reader's first search
            page = context.new_page()
            fetched = []
            page.on("requestfinished", lambda request: fetched.append(request))
            page.goto(server.url + "tim-kiem/?q=" + query.replace(" ", "+"))
            page.wait_for_selector(".wn-search[data-state=done], .wn-search[data-state=error]")
            page.wait_for_load_state("networkidle")
            found = len(page.query_selector_all(".wn-search__result"))
            search = [r for r in fetched if "/pagefind/" in r.url]
            size = sum(r.sizes()["responseBodySize"] for r in search)
            rows.append((query, found, size, len(search)))
            context.close()
        browser.close()
    return rows


def article_html_sizes(site_dir: Path) -> tuple[int, int]:
    """Median and largest article page, bytes of HTML."""
    sizes = sorted(p.stat().st_size for p in (site_dir / "tin-tuc").glob("*/index.html"))
    return statistics.median(sizes), sizes[-1]


def time_build(root: Path) -> float:
    """One full `ward-news build` in a fresh process, as CI runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from generator.cli.main import cli; cli()", "build", "-q"],
                   cwd=root, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def time_serve_edit(root: Path, edits: int = 3) -> tuple[float, float]:
    """First build and median rebuild after editing one article, as `ward-news serve` does them
    (same MkDocs calls, same persistent plugin instance, dirty rebuilds)."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = root / "serve-site"
    serve_url = "http://127.0.0.1:8000/"

    def get_config():
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.site_url = serve_url
        return config

    cwd = os.getcwd()
    os.chdir(root)
    try:
        config = get_config()
        config.plugins.on_startup(command="serve", dirty=True)
        started = time.perf_counter()
        build(config, serve_url=serve_url, dirty=True)
        first = time.perf_counter() - started
        target = sorted((root / "content" / "news").rglob("*.md"))[-1]
        rebuilds = []
        for i in range(edits):
            target.write_text(target.read_text(encoding="utf-8") + f"\nĐoạn bổ sung số {i}.\n", encoding="utf-8")
            started = time.perf_counter()
            build(get_config(), serve_url=serve_url, dirty=True)
            rebuilds.append(time.perf_counter() - started)
    finally:
        os.chdir(cwd)
    return first, statistics.median(rebuilds)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help="also time a serve rebuild after one edit")
    parser.add_argument("--search", action="store_true", help="also measure a first search and article page sizes")
    args = parser.parse_args()
    rows = []
    serve_rows = []
    search_rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = write_corpus(Path(tmp), n)
            write_mkdocs_yml(root)
            cold = time_build(root)  # empty card cache: every share card is drawn
            times = [time_build(root) for _ in range(args.runs)]  # unchanged content: cards reused
            pages = sum(1 for _ in (root / "site").rglob("index.html"))
            if args.search:
                median_html, largest_html = article_html_sizes(root / "site")
                for query, found, size, requests in measure_search(root / "site"):
                    search_rows.append((n, query, found, size, requests))
                    print(f"N={n}: search “{query}”: {found} results shown, {size / 1000:.0f} KB from pagefind/ "
                          f"in {requests} requests", flush=True)
                print(f"N={n}: article HTML median {median_html / 1000:.1f} KB, largest {largest_html / 1000:.1f} KB",
                      flush=True)
            if args.serve:
                first, rebuild = time_serve_edit(root)
                serve_rows.append((n, first, rebuild))
                print(f"N={n}: serve first build {first:.1f} s, rebuild after one edit {rebuild:.2f} s", flush=True)
        median = statistics.median(times)
        rows.append((n, median, cold, pages))
        print(f"N={n}: first build {cold:.1f} s; then median {median:.1f} s (min {min(times):.1f}, "
              f"max {max(times):.1f}), {pages} pages", flush=True)
    print("\n| articles | pages built | first build (draws every card) | ward-news build (median, cards cached) | per article |")
    print("|---:|---:|---:|---:|---:|")
    for n, median, cold, pages in rows:
        print(f"| {n:,} | {pages:,} | {cold:.1f} s | {median:.1f} s | {median / n * 1000:.1f} ms |".replace(",", "."))
    if serve_rows:
        print("\n| articles | serve: first build | serve: rebuild after editing one article (median) |")
        print("|---:|---:|---:|")
        for n, first, rebuild in serve_rows:
            print(f"| {n:,} | {first:.1f} s | {rebuild:.2f} s |".replace(",", "."))
    if search_rows:
        print("\n| articles | first search | results | downloaded from pagefind/ | requests |")
        print("|---:|---|---:|---:|---:|")
        for n, query, found, size, requests in search_rows:
            print(f"| {n:,} | `{query}` | {found} | {size / 1000:.0f} KB | {requests} |".replace(",", "."))
    missed = []
    if any(n >= 5000 and median > TARGET_SECONDS_5000 for n, median, *_ in rows):
        missed.append(f"5,000 articles must build in under {TARGET_SECONDS_5000:.0f} s")
    if any(n >= 5000 and size > TARGET_SEARCH_BYTES for n, _, _, size, _ in search_rows):
        missed.append(f"a first search must download under {TARGET_SEARCH_BYTES // 1000} KB")
    for problem in missed:
        print(f"\nTARGET MISSED: {problem}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
