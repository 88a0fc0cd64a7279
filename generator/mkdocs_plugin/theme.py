"""The theme that ships in the package, brought into Material's search path by the plugin, and
small corrections to the markup Material itself writes (not officers' content)."""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

#: Our templates, partials, CSS and scripts (package data): Material overrides, as `custom_dir` would be.
THEME_DIR = str(Path(__file__).resolve().parent.parent / "theme")

#: What the site needs from Material's own options, used where the ward's mkdocs.yml keeps
#: Material's default. `font: false`: no Google Fonts, nothing is loaded from another host;
#: `custom` palette: the colours are ours (assets/stylesheets/ward-news.css).
THEME_DEFAULTS = {
    "language": "vi",
    "font": False,
    "palette": {"primary": "custom", "accent": "custom"},
    "features": ["navigation.tabs", "navigation.top"],
}

#: Material's own values for those options (its mkdocs_theme.yml; `palette` it leaves unset).
_MATERIAL_DEFAULTS = {
    "language": "en",
    "font": {"text": "Roboto", "code": "Roboto Mono"},
    "palette": None,
    "features": [],
}


def use_packaged_theme(theme) -> None:
    """Put our theme between the ward's own `custom_dir` and Material, and fill in the options the
    site needs where the ward left Material's default. MkDocs reads `theme.dirs` after on_config,
    for the Jinja loader and for the static files (CSS, JS) it copies into the site."""
    if theme.name != "material":
        raise PluginError(
            f"ward-news cần giao diện Material, nhưng mkdocs.yml chọn giao diện “{theme.name or ''}”. "
            "Trong mkdocs.yml, ghi: theme: name: material (mẫu trang riêng của phường đặt trong "
            "theme: custom_dir: overrides).")
    if THEME_DIR not in theme.dirs:
        theme.dirs.insert(1 if theme.custom_dir else 0, THEME_DIR)
    for key, value in THEME_DEFAULTS.items():
        if theme.get(key) == _MATERIAL_DEFAULTS[key]:
            theme[key] = copy.deepcopy(value)


def theme_dirs(theme) -> list[str]:
    """The folders of templates and files that are ours or the ward's (Material's change only with its version)."""
    return [d for d in (theme.custom_dir, THEME_DIR) if d and os.path.isdir(d)]


# Material puts autocomplete="off" on its checkbox toggles; HTML allows it only on text-like
# inputs, so the Nu HTML Checker flags every page.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


#: Material's templates indent deeply: 3 KB of a 27 KB article page was runs of spaces and
#: newlines. A run holding a line break renders as one space wherever whitespace collapses, so
#: it becomes one line break; <pre>, <textarea>, <script> and <style> keep theirs. Only ASCII
#: whitespace: a no-break space is text.
_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_LINE_BREAKS = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def _one_line_breaks(html: str) -> str:
    """Each run of whitespace holding a line break as one line break, outside the kept elements:
    a replacement string between them (C), not a Python call per run (0.5 -> 0.3 ms a page)."""
    parts, start = [], 0
    for kept in _KEPT.finditer(html):
        parts += [_LINE_BREAKS.sub("\n", html[start:kept.start()]), kept.group(0)]
        start = kept.end()
    parts.append(_LINE_BREAKS.sub("\n", html[start:]))
    return "".join(parts)


#: Material writes this after every page's content for pymdownx.tabbed (a linked tab opens); a
#: page without tabs only pays for it, and for its hash in the page's CSP.
_TABBED_SCRIPT = ('<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
                  '(target.checked=target.name.startsWith("__tabbed_"))</script>')


def fix_material_markup(html: str) -> str:
    if 'name="__tabbed_' not in html:
        html = html.replace(_TABBED_SCRIPT, "", 1)
    return _one_line_breaks(_TOGGLE_AUTOCOMPLETE.sub(r"\1", html))


def template_cache(env, cache_dir: Path):
    """Jinja's on-disk bytecode cache, in a folder named after what compiled code depends on
    besides a template's source (which Jinja checks itself): Jinja's version and the options."""
    import hashlib

    import jinja2

    options = repr((jinja2.__version__, env.autoescape, sorted(env.extensions), env.block_start_string,
                    env.variable_start_string, env.trim_blocks, env.lstrip_blocks, env.newline_sequence))
    folder = Path(cache_dir) / "templates" / hashlib.sha256(options.encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))
