"""Plain pages (pages/**/*.md): a title and a body."""

from __future__ import annotations

import re

from ..frontmatter import Document
from ..model import Page
from ..problems import ProblemLog
from ..text import make_slug
from . import fields

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def check_page(src_uri: str, path: str, doc: Document, log: ProblemLog) -> Page | None:
    stem = src_uri.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = make_slug(stem)
    title = None
    body = doc.body
    if doc.meta is not None:
        title = fields.read_text(doc.meta, "title", path, log)
    if not title:
        heading = _H1.search(body)
        if heading:
            title = heading.group(1)
            body = body[: heading.start()] + body[heading.end():]
        else:
            title = stem.replace("-", " ").capitalize()
            log.add("page.title.missing", path, 1, fallback=title)
    return Page(src_uri=src_uri, path=path, slug=slug, title=title, body=body, body_line=doc.body_line)
