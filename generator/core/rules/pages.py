"""Plain pages (pages/**/*.md): a title and a body."""

from __future__ import annotations

import re

from ..frontmatter import Document
from ..model import Page
from ..problems import ProblemLog
from ..quotes import curly_quotes
from ..text import make_slug
from . import fields

# One line at a time, closing `#`s stripped in code: `^#\s+(.+?)\s*#*\s*$` over the whole
# body takes cubic time on a heading with a long run of spaces inside it.
_H1 = re.compile(r"^#\s+(.+)$")


def check_page(src_uri: str, path: str, doc: Document, log: ProblemLog) -> Page | None:
    stem = src_uri.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = make_slug(stem)
    title = None
    body = doc.body
    if doc.meta is not None:
        title = fields.read_text(doc.meta, "title", path, log)
    if not title:
        found = _take_heading(body)
        if found:
            title, body = found
        else:
            title = stem.replace("-", " ").capitalize()
            log.add("page.title.missing", path, 1, fallback=title)
    return Page(src_uri=src_uri, path=path, slug=slug, title=curly_quotes(title), body=body, body_line=doc.body_line)


def _take_heading(body: str) -> tuple[str, str] | None:
    """The first `# Heading` as the title, and the body with that line left blank (so later
    lines keep their numbers for problems found in the body)."""
    lines = body.split("\n")
    for index, text in enumerate(lines):
        heading = _H1.match(text)
        if heading and heading.group(1).strip():
            lines[index] = ""
            written = heading.group(1).strip()
            return written.rstrip("#").rstrip() or written, "\n".join(lines)
    return None
