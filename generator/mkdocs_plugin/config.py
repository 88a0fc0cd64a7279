"""Developer settings in mkdocs.yml (`plugins: - ward-news: ...`) and their one path to core Settings."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core.settings import Settings


class WardNewsConfig(base.Config):
    timezone = c.Type(str, default=Settings.timezone)
    pagination_per_page = c.Type(int, default=Settings.pagination_per_page)
    home_latest_count = c.Type(int, default=Settings.home_latest_count)
    home_featured_max = c.Type(int, default=Settings.home_featured_max)
    # Cards and other derived files, relative to mkdocs.yml; safe to delete. Empty: no cache.
    cache_dir = c.Type(str, default=".cache/ward-news")
    workers = c.Type(int, default=Settings.workers)
    # An ISO datetime to build "as of" (tests, reproducible builds); empty means the real clock.
    now = c.Type(str, default="")


def to_settings(plugin_config: WardNewsConfig, mkdocs_config) -> Settings:
    """The one place where MkDocs configuration becomes the core's frozen Settings."""
    config_file = mkdocs_config.config_file_path
    project_root = Path(os.path.dirname(os.path.abspath(config_file))) if config_file else Path.cwd()
    return Settings(
        content_dir=Path(mkdocs_config.docs_dir),
        display_root=project_root,
        timezone=plugin_config.timezone,
        site_url=mkdocs_config.site_url or "",
        pagination_per_page=plugin_config.pagination_per_page,
        home_latest_count=plugin_config.home_latest_count,
        home_featured_max=max(0, plugin_config.home_featured_max),
        site_name=str(mkdocs_config.site_name or Settings.site_name),
        cache_dir=(project_root / plugin_config.cache_dir) if plugin_config.cache_dir else None,
        workers=max(1, plugin_config.workers),
    )
