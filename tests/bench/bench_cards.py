"""Share card bytes and encoding time, before and after the palette encoding, on real card specs.

    .venv/bin/python tests/bench/bench_cards.py                  # the sample ward and 300 synthetic articles
    .venv/bin/python tests/bench/bench_cards.py --articles 1000 --save /tmp/cards

Every distinct card of each ward's plan is drawn once, then encoded both ways: "before" is the
encoding cards had until palette cards (full-colour PNG for text, a 256-colour palette for a
photo), "after" is `render._encode`. Prints, for text-only cards and cards with a photo, the
median, 90th percentile and largest file, and the encoding's CPU milliseconds per card
(time.process_time: the numbers hold on a busy machine). --save writes a few of each, both ways.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from generator.core.cards.render import _encode, draw_card  # noqa: E402


def encode_before(card: Image.Image, has_photo: bool, has_logo: bool) -> bytes:
    """The encoding before palette cards, kept here to compare with."""
    def png(image, level):
        buffer = io.BytesIO()
        image.save(buffer, "PNG", compress_level=level)
        return buffer.getvalue()

    if not has_photo:
        data = png(card, 3)
        if len(data) <= 200_000:
            return data
    for colours in (256, 64, 16):
        data = png(card.quantize(colours, method=Image.Quantize.FASTOCTREE), 6)
        if len(data) <= 200_000:
            return data
    return data


def ward_cards(content: Path) -> list:
    """The distinct card specs a build of this content draws."""
    from generator.core.load import load_site
    from generator.core.plan import build_plan
    from generator.core.settings import Settings

    settings = Settings(content_dir=content, display_root=content.parent, site_url="https://phuong.example.vn/")
    result = load_site(settings, datetime(2026, 11, 20, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    plan = build_plan(result.site, settings)
    return list({page.card.key(): page.card for page in plan.cards}.values())


def measure(name: str, specs: list, save: Path | None, slug: str) -> None:
    rows: dict[tuple[str, str], tuple[list[int], list[float]]] = {}
    saved: dict[str, int] = {}
    for spec in specs:
        card, has_photo = draw_card(spec)
        kind = "photo" if has_photo else "text"
        for label, encode in (("before", encode_before), ("after", _encode)):
            started = time.process_time()
            data = encode(card, has_photo, spec.logo is not None)
            seconds = time.process_time() - started
            sizes, times = rows.setdefault((kind, label), ([], []))
            sizes.append(len(data))
            times.append(seconds)
            if save is not None and saved.get(kind + label, 0) < 3:
                saved[kind + label] = saved.get(kind + label, 0) + 1
                (save / f"{slug}-{kind}-{saved[kind + label]}-{label}.png").write_bytes(data)
    print(f"\n{name}: {len(specs)} cards")
    print("| cards | encoding | n | median | p90 | largest | all | encode ms/card |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (kind, label), (sizes, times) in sorted(rows.items(), key=lambda item: (item[0][0] == "photo", item[0][1] == "after")):
        sizes = sorted(sizes)
        p90 = sizes[min(len(sizes) - 1, round(0.9 * (len(sizes) - 1)))]
        print(f"| {kind} | {label} | {len(sizes)} | {statistics.median(sizes) / 1000:.1f} KB | {p90 / 1000:.1f} KB "
              f"| {sizes[-1] / 1000:.1f} KB | {sum(sizes) / 1e6:.2f} MB | {1000 * statistics.mean(times):.1f} |")
    every = sorted(size for (_, label), (sizes, _) in rows.items() if label == "after" for size in sizes)
    print(f"all cards after: median {statistics.median(every) / 1000:.1f} KB, largest {every[-1] / 1000:.1f} KB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="synthetic articles (one in ten with a photo)")
    parser.add_argument("--save", type=Path, help="a folder for a few cards of each kind, before and after")
    args = parser.parse_args()
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
    measure("sample ward", ward_cards(REPO / "content"), args.save, "sample")
    from tests.bench.corpus import write_corpus

    with tempfile.TemporaryDirectory() as scratch:
        root = write_corpus(Path(scratch), args.articles, mkdocs_yml=False)
        measure(f"synthetic ward ({args.articles} articles)", ward_cards(root / "content"), args.save, "synthetic")
    return 0


if __name__ == "__main__":
    sys.exit(main())
