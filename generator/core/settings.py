"""The core's only configuration: frozen, explicit, with defaults in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """What the core needs to know beyond the content itself.

    `content_dir` is read; `display_root` is what problem paths are relative to (the project
    root, so an officer sees `content/news/2025/bai.md`). The clock is passed separately.
    """

    content_dir: Path
    display_root: Path
    timezone: str = "Asia/Ho_Chi_Minh"
    site_url: str = ""
    # Twenty teasers a listing page: half the pages of ten (a 5,000-article ward has ~1,400 listing
    # pages, not ~2,800, each carrying ~10 KB of header, menu and footer), and half the taps on
    # "Trang sau" for a resident going back through the year; photos below the first screen load lazily.
    pagination_per_page: int = 20
    home_latest_count: int = 7
    # At most this many `featured: true` articles are pinned above the latest news (newest first).
    # A layout limit like home_latest_count, so the developer sets it; officers choose what to pin.
    home_featured_max: int = 3
    site_name: str = "Phường"  # used when content/site.yml gives no name
    cache_dir: Path | None = None  # on-disk caches (cards...); None: nothing is cached between builds
    # The secret that authenticates pickled cache files (core/cache.py load_key), outside every
    # repository; None: pickled namespaces (memo, checked articles) last one process.
    cache_key_file: Path | None = None
    workers: int = 2  # processes for drawing cards; the machines we build on have two cores
    editor_repo: str = ""  # `owner/name` on GitHub: the web editor at quan-tri/ opens pull requests there
    editor_branch: str = "main"
    config_file: Path | None = None  # mkdocs.yml, to name it (and its `site_url:` line) in problems
    # On CI a placeholder site_url is an error, not a warning: CI is where sites are published.
    on_ci: bool = False


def on_ci(environ=os.environ) -> bool:
    """Whether this runs on a CI service (they set CI=true): where sites are published from."""
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def display_prefix(settings: Settings) -> str:
    """What comes before a src_uri in the path officers see: `content/`, nothing, or an absolute
    folder when content/ lies outside the project."""
    root = os.path.abspath(settings.content_dir)
    prefix = os.path.relpath(root, os.path.abspath(settings.display_root)).replace(os.sep, "/")
    if prefix.startswith(".."):
        return Path(root).as_posix() + "/"
    return "" if prefix == "." else prefix + "/"


def display_path(settings: Settings, src_uri: str) -> str:
    """The path officers see, relative to the project (`content/news/a.md`)."""
    return display_prefix(settings) + src_uri
