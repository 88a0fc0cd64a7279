"""Developer settings in mkdocs.yml (`plugins: - ward-news: ...`) and their one path to core Settings.

Each option is checked by the core's rule for it (core/options.py), so MkDocs prints our Vietnamese
message. Every option is checked, every mistake reported at once, and an unknown option is an
error: a misspelt `pagination_per_pages` would otherwise build with the default, after one warning.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import base

from ..core import options
from ..core.cache import user_key_file
from ..core.settings import Settings, on_ci


class _Option(base.BaseConfigOption):
    """An option read by its core rule (`options.read_…`); left out or empty (`key:`) means the default."""

    def __init__(self, default, rule):
        super().__init__()
        self.default, self.rule = default, rule

    def run_validation(self, value: object, /):
        if value is None:
            return self.default
        try:
            return self.rule(self._name, value)
        except options.OptionError as exc:
            raise base.ValidationError(str(exc)) from None


class WardNewsConfig(base.Config):
    timezone = _Option(Settings.timezone, options.read_timezone)
    pagination_per_page = _Option(Settings.pagination_per_page, options.read_count)
    home_latest_count = _Option(Settings.home_latest_count, options.read_count)
    home_featured_max = _Option(Settings.home_featured_max, options.read_count)
    # Cards and other derived files, relative to mkdocs.yml; safe to delete. Empty: no cache.
    cache_dir = _Option(".cache/ward-news", options.read_folder)
    workers = _Option(Settings.workers, options.read_count)
    # The ward's GitHub repository (owner/name): the web editor at quan-tri/ works on it. Empty: no editor.
    editor_repo = _Option(Settings.editor_repo, options.read_repo)
    editor_branch = _Option(Settings.editor_branch, options.read_branch)
    # An ISO datetime to build "as of" (tests, reproducible builds); empty means the real clock.
    now = _Option("", options.read_moment)

    def validate(self):
        """All options, all mistakes (MkDocs' own validate stops at the first), unknown ones as errors."""
        failed: list = []
        warnings: list = []
        for step in ("pre", "run", "post"):
            for key, option in self._schema:
                try:
                    if step == "pre":
                        option.pre_validation(self, key_name=key)
                    elif step == "run":
                        self[key] = option.validate(self.get(key))
                    elif not failed:
                        option.post_validation(self, key_name=key)
                except base.ValidationError as exc:
                    failed.append((key, exc))
                warnings.extend((key, warning) for warning in option.warnings)
                option.reset_warnings()
        known = [key for key, _ in self._schema]
        for key in sorted(set(self.keys()) - set(known), key=str):
            failed.append((key, base.ValidationError(options.unknown_option(str(key), known))))
        return failed, warnings


def to_settings(plugin_config: WardNewsConfig, mkdocs_config) -> Settings:
    """The one place where MkDocs configuration becomes the core's frozen Settings."""
    config_file = mkdocs_config.config_file_path
    project_root = Path(os.path.dirname(os.path.abspath(config_file))) if config_file else Path.cwd()
    content_dir = Path(mkdocs_config.docs_dir)
    # Problems name files from where the command runs (a city's `wards/x/content/...`, as its CI
    # annotations need), or from the project when the content lies elsewhere.
    here = Path.cwd()
    display_root = here if here == content_dir or here in content_dir.resolve().parents else project_root
    return Settings(
        content_dir=content_dir,
        display_root=display_root,
        timezone=plugin_config.timezone,
        site_url=mkdocs_config.site_url or "",
        pagination_per_page=plugin_config.pagination_per_page,
        home_latest_count=plugin_config.home_latest_count,
        home_featured_max=plugin_config.home_featured_max,
        site_name=str(mkdocs_config.site_name or Settings.site_name),
        cache_dir=(project_root / plugin_config.cache_dir) if plugin_config.cache_dir else None,
        cache_key_file=user_key_file(Path.home()),  # outside every repository: a pull request cannot plant it
        workers=plugin_config.workers,
        editor_repo=plugin_config.editor_repo,
        editor_branch=plugin_config.editor_branch,
        config_file=Path(config_file) if config_file else None,
        on_ci=on_ci(),
    )
