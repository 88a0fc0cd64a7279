"""A synthetic city, built as a CI matrix would build it: N wards of M Vietnamese articles each.

    python tests/bench/bench_city.py                       # 100 wards x 500 articles
    python tests/bench/bench_city.py --wards 10 --articles 50 --keep /tmp/city

Two passes, each from an empty cache and site: one ward at a time (what one matrix job does: the
time per ward), then the whole city with two ward builds at once (both cores of the project's
machine: the total). Then `ward-news hub`, and the sizes. Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.bench.corpus import write_corpus  # noqa: E402

CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]


def write_city(root: Path, wards: int, articles: int) -> list[str]:
    """hub.yml and wards/<slug>/content/ for each ward, each with its own name and articles."""
    (root / "hub.yml").write_text("name: Thành phố Thử Tải\norganisation: Ủy ban MTTQ Việt Nam thành phố Thử Tải\n"
                                  "site_url: https://mttq.thutai.example.vn/\n", encoding="utf-8")
    slugs = []
    for number in range(1, wards + 1):
        slug = f"phuong-{number:03d}"
        write_corpus(root / "wards" / slug, articles, seed=number, photos=False, mkdocs_yml=False)
        (root / "wards" / slug / "content" / "site.yml").write_text(
            f"name: Phường Thử Tải {number}\norganisation: Ủy ban MTTQ Việt Nam phường Thử Tải {number}\ncontract: 1\n",
            encoding="utf-8")
        slugs.append(slug)
    return slugs


def build_ward(root: Path, slug: str) -> float:
    started = time.monotonic()
    done = subprocess.run([*CLI, "build", "--ward", slug, "-q"], cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{slug} did not build:\n{done.stdout}{done.stderr}")
    return time.monotonic() - started


def clean(root: Path, slugs: list[str]) -> None:
    shutil.rmtree(root / "site", ignore_errors=True)
    for slug in slugs:
        shutil.rmtree(root / "wards" / slug / ".cache", ignore_errors=True)


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wards", type=int, default=100)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="build here and keep the city (default: a temporary folder)")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="ward-news-city-"))
    root.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    slugs = write_city(root, args.wards, args.articles)
    print(f"city written: {args.wards} wards x {args.articles} articles in {time.monotonic() - started:.0f} s",
          flush=True)

    clean(root, slugs)
    one_at_a_time = []
    for slug in slugs:
        one_at_a_time.append(build_ward(root, slug))
        print(f"  {slug}: {one_at_a_time[-1]:.1f} s", flush=True)
    sequential_total = sum(one_at_a_time)

    clean(root, slugs)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        both_cores = list(pool.map(lambda slug: build_ward(root, slug), slugs))
    both_cores_total = time.monotonic() - started

    started = time.monotonic()
    subprocess.run([*CLI, "hub"], cwd=root, check=True, capture_output=True)
    hub_seconds = time.monotonic() - started
    subprocess.run([*CLI, "hub"], cwd=root, check=True, capture_output=True)  # warm: the card is cached

    site = root / "site"
    ward_sizes = [size_mb(site / slug) for slug in slugs]
    total = size_mb(site)
    hub_size = total - sum(ward_sizes)
    cards = sum(size_mb(site / slug / "the-chia-se") for slug in slugs)
    print()
    print(f"| city: {args.wards} wards × {args.articles} articles (2 cores) | result |")
    print("|---|---|")
    print(f"| one ward, as one matrix job (empty cache): median / max | {statistics.median(one_at_a_time):.1f} s / "
          f"{max(one_at_a_time):.1f} s |")
    print(f"| every ward one at a time: total | {sequential_total / 60:.1f} min |")
    print(f"| every ward, two at a time (both cores): total | {both_cores_total / 60:.1f} min "
          f"(median {statistics.median(both_cores):.1f} s per ward) |")
    print(f"| `ward-news hub` ({args.wards} feeds → home, {args.wards} ward pages, combined feeds, card) | "
          f"{hub_seconds:.1f} s |")
    print(f"| size: whole city / one ward (median) / hub | {total / 1000:.2f} GB / {statistics.median(ward_sizes):.0f} MB"
          f" / {hub_size:.1f} MB |")
    print(f"| of which share cards | {cards / 1000:.2f} GB |")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
