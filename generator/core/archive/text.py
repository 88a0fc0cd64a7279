"""A post's plain text as an article: its title, its paragraphs in Markdown, its hashtags.

Facebook posts have no title: it is the first line, or the first sentence when that line is
long, cut at a word at TITLE_MAX characters; what the title leaves stays in the body. Every line
break makes a paragraph (officers write a line per idea); links stay links; characters Markdown
would read as formatting are escaped, so the text reads as it was typed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from ..rules.unfinished import is_placeholder_field
from ..text import make_slug

TITLE_MAX = 150
#: A hashtag has a letter (FB does not link "#5"); it ends at a space or punctuation.
_HASHTAG = re.compile(r"(?<![\w&/])#(\w*[^\W\d_]\w*)")
_URL = re.compile(r"https?://[^\s<>\"]+")
_TRAILING = ".,;:!?)]}»”’\"'"
_SENTENCE = re.compile(r"^(.+?[.!?…])(?=\s)")
_MARKDOWN = re.compile(r"([\\`*_\[\]])")  # what Python-Markdown reads as formatting mid-line
_LEADING_SYMBOLS = re.compile(r"^[^\w“\"'(\[]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def hashtags(text: str) -> list[str]:
    """`#ChuyenDoiSo #an_sinh` → ["ChuyenDoiSo", "an sinh"], once each, in order."""
    seen: dict[str, str] = {}
    for match in _HASHTAG.finditer(text):
        tag = match[1].replace("_", " ").strip()
        seen.setdefault(make_slug(tag), tag)
    return [tag for slug, tag in seen.items() if slug]


def without_hashtags(text: str) -> str:
    return _HASHTAG.sub("", text)


def lines_of(text: str) -> list[str]:
    """Non-empty lines, spaces collapsed."""
    return [" ".join(line.split()) for line in nfc(text).splitlines() if line.strip()]


def split_title(lines: list[str]) -> tuple[str, list[str]]:
    """The title and the lines the body keeps."""
    if not lines:
        return "", []
    first, rest = lines[0], lines[1:]
    if len(first) <= TITLE_MAX:
        return _tidy(first), rest
    sentence = _SENTENCE.match(first)
    if sentence and len(sentence[1]) <= TITLE_MAX:
        return _tidy(sentence[1]), [first[sentence.end():].strip(), *rest]
    cut = first[:TITLE_MAX - 1].rsplit(" ", 1)[0]
    return _tidy(cut) + "…", lines  # the whole line stays in the body


def _tidy(title: str) -> str:
    """No leading icons ("📢 THÔNG BÁO"), no closing full stop or colon."""
    stripped = _LEADING_SYMBOLS.sub("", title).strip()
    title = stripped or title
    return title[:-1].rstrip() if title.endswith((".", ":")) and not title.endswith("...") else title


def fallback_title(title: str, published: datetime) -> str:
    """A title with a word of its own, else "Tin ngày 05/03/2025"."""
    if make_slug(title) and not is_placeholder_field("title", title):
        return title
    return f"Tin ngày {published:%d/%m/%Y}"


def markdown_paragraph(line: str) -> str:
    """One line of a post as a Markdown paragraph: text escaped, addresses as links."""
    parts, at = [], 0
    for match in _URL.finditer(line):
        url = match[0].rstrip(_TRAILING)
        parts.append(_escape(line[at:match.start()]))
        parts.append(f"<{url}>")
        at = match.start() + len(url)
    parts.append(_escape(line[at:]))
    text = "".join(parts)
    if text.startswith(("#", ">", "=")):  # a heading, a quotation, a heading underline
        text = "\\" + text
    return text


def _escape(text: str) -> str:
    """Text shown as typed: `*`, `_`... backslash-escaped, `<` as an entity (a tag would be HTML)."""
    return _MARKDOWN.sub(r"\\\1", text).replace("<", "&lt;")


def post_to_article(text: str) -> tuple[str, str, list[str]]:
    """A post's text → (title, Markdown body, tags from its hashtags)."""
    tags = hashtags(text)
    title, rest = split_title(lines_of(without_hashtags(text)))
    body = "\n\n".join(markdown_paragraph(line) for line in rest if line)
    return title, body, tags
