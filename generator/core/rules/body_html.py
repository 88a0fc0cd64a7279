"""Bodies with raw HTML: warn, at its line, about exactly what the sanitiser will remove.

The body is rendered as the site renders it and compared before and after `sanitize_html`
(`sanitize.removed_parts`), so the warning and the removal come from the same rules. Only
bodies that contain raw HTML or a link with an unusual scheme are rendered: the rest cannot
lose anything.
"""

from __future__ import annotations

import re

import markdown

from ..problems import ProblemLog
from ..quotes import MARKDOWN_EXTENSIONS as QUOTE_EXTENSIONS
from ..sanitize import Removed, removed_parts

#: Rendered as mkdocs.yml renders bodies (keep the two lists alike); the plugin adds the quotes.
BODY_EXTENSIONS = ["tables", "sane_lists", "toc"]
BODY_EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}, "toc": {"permalink": False}}

_LINK_SCHEME = re.compile(r"(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?)\s*([A-Za-z][A-Za-z0-9+.-]*):", re.M)
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_renderer: markdown.Markdown | None = None


def _render(body: str) -> str:
    global _renderer
    if _renderer is None:
        _renderer = markdown.Markdown(extensions=BODY_EXTENSIONS + list(QUOTE_EXTENSIONS),
                                      extension_configs={**BODY_EXTENSION_CONFIGS, **QUOTE_EXTENSIONS})
    return _renderer.reset().convert(body)


def might_lose_something(body: str) -> bool:
    return "<" in body or "&#" in body or any(m.group(1).lower() not in _SAFE_SCHEMES for m in _LINK_SCHEME.finditer(body))


def _line_of(removed: Removed, lines: list[str]) -> int:
    if removed.kind == "tag":
        pattern = re.compile(rf"<\s*/?\s*{re.escape(removed.name)}\b", re.I)
    elif removed.kind == "attribute":
        pattern = re.compile(rf"<[^>]*\b{re.escape(removed.name)}\b", re.I)
    elif removed.kind == "scheme":
        pattern = re.compile(rf"{re.escape(removed.name)}\s*:", re.I)
    else:
        pattern = re.compile(r"<!--")
    for index, text in enumerate(lines):
        if pattern.search(text):
            return index
    return 0


def check_body_html(body: str, body_line: int, path: str, log: ProblemLog) -> None:
    """One warning per kind of thing removed, at the first line that has it."""
    if not might_lose_something(body):
        return
    lines = body.split("\n")
    for removed in removed_parts(_render(body)):
        log.add("article.body.unsafe_html", path, body_line + _line_of(removed, lines), what=removed.describe())
