"""Project defaults from mkdocs.yml, read without MkDocs so `ward-news check` needs only the core."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core import options as rules
from ..core.rules.body_html import BODY_EXTENSION_CONFIGS, BODY_EXTENSIONS
from ..core.settings import Settings, on_ci


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
    errors: tuple[str, ...] = ()  # mistakes in the options above; `build` leaves them to MkDocs
    custom_dir: Path | None = None  # the ward's own theme overrides (theme: custom_dir)
    site_name: str = Settings.site_name  # the name a ward without content/site.yml gets


def read_project(config_file: str | None, content: str | None = None, root: Path | None = None) -> Project:
    """mkdocs.yml's few keys the CLI needs; `root` is the project folder when there is no config file
    (a city's ward: wards/<ward>/), else the current folder."""
    path = Path(config_file) if config_file else (root or Path.cwd()) / "mkdocs.yml"
    data: dict = {}
    errors: list[str] = []
    if path.is_file():
        try:
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
            errors.append(f"{where}: tệp cấu hình không đọc được ({getattr(exc, 'problem', None) or exc}). "
                          "Kiểm tra thụt lề và dấu hai chấm ở dòng này.")
        if not isinstance(data, dict):
            data = {}
        root = path.resolve().parent
    else:
        path, root = None, (root or Path.cwd()).resolve()
    options: dict = {}
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and "ward-news" in entry:
            options = entry["ward-news"] if isinstance(entry["ward-news"], dict) else {}
    content_dir = Path(content) if content else root / (data.get("docs_dir") or "content")
    timezone = _read(options, "timezone", Settings.timezone, errors, rules.read_timezone)
    per_page = _read(options, "pagination_per_page", Settings.pagination_per_page, errors, rules.read_count)
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    custom_dir = root / str(theme["custom_dir"]) if theme.get("custom_dir") else None
    return Project(
        root=root,
        custom_dir=custom_dir,
        site_name=str(data.get("site_name") or Settings.site_name),
        config_file=path,
        content_dir=content_dir.resolve(),
        site_dir=(root / (data.get("site_dir") or "site")).resolve(),
        site_url=data.get("site_url") or "",
        timezone=timezone,
        pagination_per_page=per_page,
        errors=tuple(errors),
    )


def _read(options: dict, name: str, default, errors: list[str], read):
    """One option through the core's rule for it; the default, and the message kept, when it is wrong."""
    if options.get(name) is None:
        return default
    try:
        return read(name, options[name])
    except rules.OptionError as exc:
        errors.append(str(exc))
        return default


def settings_for(project: Project) -> Settings:
    return Settings(
        content_dir=project.content_dir,
        display_root=Path.cwd(),
        timezone=project.timezone,
        site_url=project.site_url,
        pagination_per_page=project.pagination_per_page,
        site_name=project.site_name,
        config_file=project.config_file,
        on_ci=on_ci(),
    )


def default_config() -> io.BytesIO:
    """The mkdocs.yml of a ward that has none: content/ into site/, Material with the packaged theme
    (the plugin adds it and its defaults), bodies rendered as `check` renders them."""
    extensions = [{name: BODY_EXTENSION_CONFIGS[name]} if name in BODY_EXTENSION_CONFIGS else name
                  for name in BODY_EXTENSIONS]
    data = {
        "site_name": Settings.site_name,  # replaced by the name in content/site.yml
        "docs_dir": "content",
        "site_dir": "site",
        "theme": {"name": "material"},
        "plugins": ["ward-news"],
        "markdown_extensions": extensions,
    }
    return io.BytesIO(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"))
