"""Draw the cards the cache lacks, on every core; reuse the rest."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .render import render_card
from .spec import CardSpec

if TYPE_CHECKING:
    from ..cache import DiskCache

_POOL_THRESHOLD = 4  # starting worker processes costs more than drawing a handful of cards


@dataclass(frozen=True)
class CardStats:
    drawn: int
    reused: int


def draw_cards(specs: Iterable[CardSpec], cache: "DiskCache", workers: int = 2,
               progress: "Progress | None" = None) -> tuple[CardStats, dict[str, Path]]:
    """Every distinct card as a file in `cache`: {key: path}, and how many were drawn or reused."""
    unique: dict[str, CardSpec] = {}
    for spec in specs:
        unique.setdefault(spec.key(), spec)
    paths: dict[str, Path] = {}
    missing: list[tuple[str, CardSpec]] = []
    for key, spec in unique.items():
        found = cache.get(key, ".png")
        if found is None:
            missing.append((key, spec))
        else:
            paths[key] = found
    if missing:
        if progress is not None:
            progress.start("cards", len(missing))
        todo = [spec for _, spec in missing]
        if workers > 1 and len(todo) > _POOL_THRESHOLD:
            # forkserver, not fork: the host (mkdocs serve) has threads, and a forked child can
            # inherit a lock one of them held.
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
                images = pool.map(render_card, todo, chunksize=max(1, len(todo) // (workers * 8)))
                for (key, _), data in zip(missing, images):
                    paths[key] = cache.put(key, ".png", data)
                    if progress is not None:
                        progress.advance("cards")
        else:
            for key, spec in missing:
                paths[key] = cache.put(key, ".png", render_card(spec))
                if progress is not None:
                    progress.advance("cards")
    return CardStats(drawn=len(missing), reused=len(unique) - len(missing)), paths
