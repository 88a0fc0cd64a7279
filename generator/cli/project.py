"""Project defaults from mkdocs.yml, read without MkDocs so `ward-news check` needs only the core."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.settings import Settings


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; for our few keys they do not matter."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    root: Path
    config_file: Path | None
    content_dir: Path
    site_dir: Path
    site_url: str
    timezone: str
    pagination_per_page: int


def read_project(config_file: str | None, content: str | None = None) -> Project:
    path = Path(config_file or "mkdocs.yml")
    data: dict = {}
    if path.is_file():
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader) or {}
        root = path.resolve().parent
    else:
        path, root = None, Path.cwd()
    options: dict = {}
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and "ward-news" in entry:
            options = entry["ward-news"] or {}
    content_dir = Path(content) if content else root / (data.get("docs_dir") or "content")
    return Project(
        root=root,
        config_file=path,
        content_dir=content_dir.resolve(),
        site_dir=(root / (data.get("site_dir") or "site")).resolve(),
        site_url=data.get("site_url") or "",
        timezone=options.get("timezone") or Settings.timezone,
        pagination_per_page=int(options.get("pagination_per_page") or Settings.pagination_per_page),
    )


def settings_for(project: Project) -> Settings:
    return Settings(
        content_dir=project.content_dir,
        display_root=Path.cwd(),
        timezone=project.timezone,
        site_url=project.site_url,
        pagination_per_page=project.pagination_per_page,
    )
