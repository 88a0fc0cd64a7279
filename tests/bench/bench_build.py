"""Build benchmark: ward-news beside mkdocs-material's blog plugin on the same synthetic ward.

    ./dev bench                                  # N = 500, 2000, 5000; 3 runs; the peer too
    ./dev bench --sizes 2000 --runs 3 --serve    # also: save-to-served time in `ward-news serve`
    ./dev bench --sizes 500 --no-peer --search   # also: bytes a first search downloads

Everything is timed as a whole process (what CI and officers wait for), wall seconds, median of
the runs; each run alternates ward-news and the peer so that machine noise hits both:

- ward-news cold (no .cache/: every page, card, photo and search fragment made), warm (nothing
  changed), warm after editing one article (a paragraph added to the newest), and warm after
  editing one of the oldest year (its search bundle is the archive's, not this year's);
- mkdocs-material's blog plugin (9.8.1, with its tags and search plugins, in its own venv under
  .cache/bench/) building the same articles in its blog layout; it has no cache, so a build
  after an edit costs what any build costs;
- peak RSS of the build process, output size, an article page's HTML size;
- cards, photos and search indexing per second, timed in-process on the core (no MkDocs);
- with --serve: seconds from saving an article to `ward-news serve` serving the new text.

Prints Markdown tables (the README's Performance section comes from them) and writes JSON
(.cache/bench/results.json, or --json). Targets are checked here, never in unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.bench.corpus import articles, edit_article, write_blog_corpus, write_corpus  # noqa: E402

PEER_PINS = ("mkdocs==1.6.1", "mkdocs-material==9.8.1")  # the versions ward-news itself builds on
PEER_VENV = REPO / ".cache" / "bench" / "material-venv"
CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]

TARGETS = {  # at N = 5,000 unless said otherwise
    "warm_edit_s": 5.0, "warm_edit_old_s": 5.0, "cold_s": 120.0, "serve_s": 0.5, "peak_rss_mb": 1024,
    "article_html_kb": 60, "output_mb": 350,
    "ratio_2000": 10.0,  # at N = 2,000: the peer's build / ward-news' warm build after an edit
    "cold_ratio_2000": 1.2,  # at N = 2,000: ward-news' cold build / the peer's build, in the same run
    "output_mb_2000": 150, "card_median_kb": 25, "card_max_kb": 80,  # at N = 2,000
}
TARGET_SEARCH_BYTES = 300_000  # what one first search may cost a phone at N = 5,000


def run(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one process, run to its end; fails loudly."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{output.decode(errors='replace')[-3000:]}")
    return seconds, usage.ru_maxrss / 1024  # Linux: kilobytes


def peer_python() -> Path:
    """mkdocs-material in a venv of its own (pinned), made once."""
    python = PEER_VENV / "bin" / "python"
    stamp = PEER_VENV / ".pins"
    if not python.exists() or not stamp.is_file() or stamp.read_text() != "\n".join(PEER_PINS):
        shutil.rmtree(PEER_VENV, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *PEER_PINS],
                       check=True)
        stamp.write_text("\n".join(PEER_PINS))
    return python


def site_size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


#: How a site's bytes are reported: the first kind whose test a file passes.
BYTE_KINDS = (
    ("cards", lambda rel, suffix: rel.startswith("the-chia-se/")),
    ("search", lambda rel, suffix: rel.startswith("pagefind/")),
    ("photos", lambda rel, suffix: suffix in (".webp", ".jpg", ".jpeg", ".png", ".gif", ".avif")
     and not rel.startswith(("assets/", "quan-tri/"))),
    ("pages", lambda rel, suffix: suffix == ".html"),
    ("feeds", lambda rel, suffix: suffix == ".xml"),  # RSS, Atom and the sitemaps
    ("theme", lambda rel, suffix: rel.startswith(("assets/", "quan-tri/"))),
    ("other", lambda rel, suffix: True),
)


def site_bytes_by_kind(site: Path) -> dict[str, int]:
    """A built site's bytes by kind (what GitHub Pages counts against its 1 GB, on each upload)."""
    totals = dict.fromkeys((kind for kind, _ in BYTE_KINDS), 0)
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site).as_posix()
            kind = next(k for k, test in BYTE_KINDS if test(rel, path.suffix.lower()))
            totals[kind] += path.stat().st_size
    return totals


def card_sizes(site: Path) -> tuple[float, int]:
    """Median and largest share card, bytes."""
    sizes = sorted(p.stat().st_size for p in (site / "the-chia-se").glob("*") if p.is_file()) or [0]
    return statistics.median(sizes), sizes[-1]


def article_html_sizes(site: Path) -> tuple[float, int]:
    """Median and largest article page, bytes of HTML."""
    sizes = sorted(p.stat().st_size for p in (site / "tin-tuc").glob("*/index.html"))
    return statistics.median(sizes), sizes[-1]


def core_rates(root: Path) -> dict:
    """Cards, photos and the search index timed on the core alone, from empty caches."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import markdown

    from generator.core.cache import DiskCache
    from generator.core.cards import draw_cards
    from generator.core.buildcache import BuildCache
    from generator.core.pipeline import prepare_site_images
    from generator.core.load import load_site
    from generator.core.plan import build_plan
    from generator.core.problems import ProblemLog
    from generator.core.search import search_records, write_search_index
    from generator.core.settings import Settings

    settings = Settings(content_dir=root / "content", display_root=root, site_url="https://phuong.example.vn/")
    now = datetime(2026, 11, 20, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    result = load_site(settings, now)
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        images = prepare_site_images(result.site, settings, ProblemLog(), BuildCache(Path(scratch), settings.content_dir))
        image_seconds = time.perf_counter() - started
        plan = build_plan(result.site, settings, images)
        # Distinct cards: a listing's pages share one, and the build draws each card once.
        specs = list({page.card.key(): page.card for page in plan.cards}.values())[:400]
        started = time.perf_counter()
        draw_cards(specs, DiskCache(Path(scratch), "cards"), workers=settings.workers)
        card_seconds = time.perf_counter() - started
        bodies = {a.src_uri: markdown.markdown(a.body) for a in result.site.articles}
        started = time.perf_counter()
        searchable = write_search_index(search_records(plan, bodies), Path(scratch) / "site")
        search_seconds = time.perf_counter() - started
    photos = images.made
    return {"cards_per_s": len(specs) / card_seconds, "photos": photos,
            "photos_per_s": photos / image_seconds if photos else 0.0,
            "search_pages": searchable, "search_s": search_seconds}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_latency(root: Path, n: int, edits: int = 3) -> list[float]:
    """Seconds from saving the newest article to `ward-news serve` serving its new text."""
    port = free_port()
    server = subprocess.Popen([*CLI, "serve", "-a", f"127.0.0.1:{port}"], cwd=root, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/tin-tuc/{articles(n)[0].slug}/"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 1200
        while "<html" not in fetch():
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("ward-news serve did not start")
            time.sleep(0.5)
        time.sleep(2)  # let the first build's search index finish
        latencies = []
        for round_ in range(100, 100 + edits):
            edit_article(root, n, round_=round_)
            saved = time.perf_counter()
            marker = f"Đính chính lần {round_ + 1}:"
            while marker not in fetch():
                if time.perf_counter() - saved > 120:
                    raise SystemExit("the edit was not served within 120 s")
                time.sleep(0.02)
            latencies.append(time.perf_counter() - saved)
            time.sleep(3)  # the search index of this save is written after the page
        return latencies
    finally:
        server.terminate()
        server.wait(timeout=30)


def bench_size(n: int, runs: int, peer: bool, serve: bool, search: bool, work: Path) -> dict:
    ours = write_corpus(work / f"ward-{n}", n)
    blog = write_blog_corpus(work / f"blog-{n}", n) if peer else None
    python = peer_python() if peer else None
    rows = {"cold": [], "warm": [], "edit": [], "edit_old": [], "peer": [], "cold_rss": [], "edit_rss": [], "peer_rss": []}
    for run_index in range(runs):  # alternate: noise hits both
        for made in (".cache", "site", ".site.spare"):  # cold: no cache, no earlier site to build into
            shutil.rmtree(ours / made, ignore_errors=True)
        seconds, rss = run([*CLI, "build", "-q"], ours)
        rows["cold"].append(seconds)
        rows["cold_rss"].append(rss)
        if peer:
            seconds, rss = run([str(python), "-m", "mkdocs", "build", "-q"], blog)
            rows["peer"].append(seconds)
            rows["peer_rss"].append(rss)
        rows["warm"].append(run([*CLI, "build", "-q"], ours)[0])
        edit_article(ours, n, round_=run_index)
        seconds, rss = run([*CLI, "build", "-q"], ours)
        rows["edit"].append(seconds)
        rows["edit_rss"].append(rss)
        edit_article(ours, n, round_=run_index, old=True)  # the archive's search bundle, not this year's
        seconds, rss = run([*CLI, "build", "-q"], ours)
        rows["edit_old"].append(seconds)
        rows["edit_rss"].append(rss)
        print(f"N={n} run {run_index + 1}: cold {rows['cold'][-1]:.1f} s, warm {rows['warm'][-1]:.1f} s, "
              f"after an edit {rows['edit'][-1]:.1f} s (an old article: {rows['edit_old'][-1]:.1f} s)"
              + (f", peer {rows['peer'][-1]:.1f} s" if peer else ""), flush=True)
    site = ours / "site"
    median_html, largest_html = article_html_sizes(site)
    result = {
        "articles": n, "runs": runs,
        "pages": sum(1 for _ in site.rglob("index.html")),
        "cold_s": statistics.median(rows["cold"]), "warm_s": statistics.median(rows["warm"]),
        "warm_edit_s": statistics.median(rows["edit"]), "warm_edit_old_s": statistics.median(rows["edit_old"]),
        "samples": rows,
        "peak_rss_mb": max(rows["cold_rss"] + rows["edit_rss"]),
        "output_mb": site_size(site) / 1e6, "article_html_kb": median_html / 1000,
        "bytes_by_kind_mb": {k: v / 1e6 for k, v in site_bytes_by_kind(site).items()},
        "card_median_kb": card_sizes(site)[0] / 1000, "card_max_kb": card_sizes(site)[1] / 1000,
        "article_html_max_kb": largest_html / 1000,
        **core_rates(ours),
    }
    if peer:
        result["peer_s"] = statistics.median(rows["peer"])
        result["peer_rss_mb"] = max(rows["peer_rss"])
        result["peer_output_mb"] = site_size(blog / "site") / 1e6
        result["peer_pages"] = sum(1 for _ in (blog / "site").rglob("index.html"))
        result["ratio_edit"] = result["peer_s"] / result["warm_edit_s"]
        result["ratio_cold"] = result["peer_s"] / result["cold_s"]
    if serve:
        latencies = serve_latency(ours, n)
        result["serve_s"] = statistics.median(latencies)
        result["serve_samples"] = latencies
        print(f"N={n}: serve, save to served: {', '.join(f'{s:.2f}' for s in latencies)} s", flush=True)
    if search:
        result["first_search"] = measure_search(site)
    return result


def measure_search(site_dir: Path) -> list[dict]:
    """Bytes a first search downloads from pagefind/ in a fresh browser (Debian's chromium via
    Playwright), the site served with gzip as hosts do."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import served

    rows = []
    with served(site_dir, gzip=True) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for query in ("trao qua tet", "chuyen doi so", "hoi nghi tong ket nam", "an sinh"):
            context = browser.new_context()
            page = context.new_page()
            fetched = []
            page.on("requestfinished", lambda request: fetched.append(request))
            page.goto(server.url + "tim-kiem/?q=" + query.replace(" ", "+"))
            page.wait_for_selector(".wn-search[data-state=done], .wn-search[data-state=error]")
            page.wait_for_load_state("networkidle")
            search = [r for r in fetched if "/pagefind/" in r.url]
            rows.append({"query": query, "results": len(page.query_selector_all(".wn-search__result")),
                         "bytes": sum(r.sizes()["responseBodySize"] for r in search), "requests": len(search)})
            context.close()
        browser.close()
    return rows


def vi_number(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def print_tables(results: list[dict]) -> None:
    peer = any("peer_s" in r for r in results)
    print("\n| articles | pages | cold build (empty cache) | warm, no change | warm, this year's article edited "
          "| warm, an old article edited |"
          + (" mkdocs-material blog | cold ÷ blog | blog ÷ warm edit |" if peer else ""))
    print("|---:|---:|---:|---:|---:|---:|" + ("---:|---:|---:|" if peer else ""))
    for r in results:
        line = (f"| {vi_number(r['articles'], 0)} | {vi_number(r['pages'], 0)} | {vi_number(r['cold_s'])} s | "
                f"{vi_number(r['warm_s'])} s | {vi_number(r['warm_edit_s'])} s | {vi_number(r['warm_edit_old_s'])} s |")
        if "peer_s" in r:
            line += (f" {vi_number(r['peer_s'])} s | {vi_number(r['cold_s'] / r['peer_s'], 2)}× "
                     f"| {vi_number(r['ratio_edit'])}× |")
        print(line)
    print("\n| articles | peak RSS | output | article HTML (median / largest) | cards/s | photos/s | search index |"
          + (" serve: save → served |" if any("serve_s" in r for r in results) else ""))
    print("|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if any("serve_s" in r for r in results) else ""))
    for r in results:
        line = (f"| {vi_number(r['articles'], 0)} | {vi_number(r['peak_rss_mb'], 0)} MB | {vi_number(r['output_mb'], 0)} MB | "
                f"{vi_number(r['article_html_kb'])} / {vi_number(r['article_html_max_kb'])} KB | "
                f"{vi_number(r['cards_per_s'], 0)} | {vi_number(r['photos_per_s'])} ({r['photos']}) | "
                f"{vi_number(r['search_s'])} s ({vi_number(r['search_pages'], 0)} pages) |")
        if "serve_s" in r:
            line += f" {vi_number(r['serve_s'], 2)} s |"
        print(line)


def print_bytes(results: list[dict]) -> None:
    """The site's bytes by kind, per size: where a ward's upload (and Pages' 1 GB) goes."""
    kinds = [k for k, _ in BYTE_KINDS]
    print("\n| articles | " + " | ".join(kinds) + " | total | cards: median / largest |"
          + (" peer (blog) |" if any("peer_output_mb" in r for r in results) else ""))
    print("|---:|" + "---:|" * (len(kinds) + 2) + ("---:|" if any("peer_output_mb" in r for r in results) else ""))
    for r in results:
        by = r["bytes_by_kind_mb"]
        line = (f"| {vi_number(r['articles'], 0)} | " + " | ".join(f"{vi_number(by[k], 1)} MB" for k in kinds)
                + f" | {vi_number(r['output_mb'], 0)} MB | {vi_number(r['card_median_kb'], 1)} / "
                  f"{vi_number(r['card_max_kb'], 1)} KB |")
        if "peer_output_mb" in r:
            line += f" {vi_number(r['peer_output_mb'], 0)} MB |"
        print(line)


def missed_targets(results: list[dict]) -> list[str]:
    missed = []
    for r in results:
        n = r["articles"]
        if n >= 5000:
            for key, limit, what in (("warm_edit_s", TARGETS["warm_edit_s"], "warm build after one edit"),
                                     ("warm_edit_old_s", TARGETS["warm_edit_old_s"], "warm build after an old article's edit"),
                                     ("cold_s", TARGETS["cold_s"], "cold build"),
                                     ("output_mb", TARGETS["output_mb"], "site (MB)"),
                                     ("serve_s", TARGETS["serve_s"], "serve: save to served"),
                                     ("peak_rss_mb", TARGETS["peak_rss_mb"], "peak RSS (MB)")):
                if key in r and r[key] > limit:
                    missed.append(f"N={n}: {what} {r[key]:.2f} > {limit}")
            for row in r.get("first_search", []):
                if row["bytes"] > TARGET_SEARCH_BYTES:
                    missed.append(f"N={n}: first search “{row['query']}” {row['bytes']} bytes > {TARGET_SEARCH_BYTES}")
        if r["article_html_max_kb"] > TARGETS["article_html_kb"]:
            missed.append(f"N={n}: article HTML {r['article_html_max_kb']:.1f} KB > {TARGETS['article_html_kb']} KB")
        if n == 2000 and "ratio_edit" in r and r["ratio_edit"] < TARGETS["ratio_2000"]:
            missed.append(f"N=2000: only {r['ratio_edit']:.1f}× faster than the blog plugin (target ≥ 10×)")
        if n == 2000 and "peer_s" in r and r["cold_s"] > TARGETS["cold_ratio_2000"] * r["peer_s"]:
            missed.append(f"N=2000: cold build {r['cold_s'] / r['peer_s']:.2f}× the blog plugin's (target ≤ 1.2×)")
        if n == 2000:
            for key, what in (("output_mb_2000", "site (MB)"),):
                if r["output_mb"] > TARGETS[key]:
                    missed.append(f"N=2000: {what} {r['output_mb']:.0f} > {TARGETS[key]}")
        for key, what in (("card_median_kb", "median card (KB)"), ("card_max_kb", "largest card (KB)")):
            if r[key] > TARGETS[key]:
                missed.append(f"N={n}: {what} {r[key]:.1f} > {TARGETS[key]}")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-peer", action="store_true", help="skip mkdocs-material's blog plugin")
    parser.add_argument("--serve", action="store_true", help="also time save-to-served in ward-news serve")
    parser.add_argument("--search", action="store_true", help="also measure a first search in Chromium")
    parser.add_argument("--json", type=Path, default=REPO / ".cache" / "bench" / "results.json")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="ward-news-bench-") as work:
        for n in args.sizes:
            results.append(bench_size(n, args.runs, not args.no_peer, args.serve, args.search, Path(work)))
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"machine": {"cpus": os.cpu_count()}, "results": results},
                                            ensure_ascii=False, indent=1), encoding="utf-8")
    print_tables(results)
    print_bytes(results)
    print(f"\nJSON: {args.json}")
    missed = missed_targets(results)
    for problem in missed:
        print(f"TARGET MISSED: {problem}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
