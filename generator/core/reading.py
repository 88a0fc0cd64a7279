"""How long an article takes to read: "4 phút đọc" under the headline."""

from __future__ import annotations

import math
import re

from .memo import ContentMemo, memo_or_new

#: Syllables (tiếng) a minute. Vietnamese writes a space between syllables, not words, so a
#: count of space-separated tokens counts syllables (a word is often two). A fluent adult
#: reading silently goes faster than this; our readers are often elderly, on a phone, reading
#: figures and names, so we take a slow, round rate, and round up: the page never promises a
#: shorter read than it is.
SYLLABLES_PER_MINUTE = 200

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")  # photos are looked at, not read
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # the link's words, not its address
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:.*$", re.MULTILINE)
_HTML = re.compile(r"<!--.*?-->|<[^>]+>", re.DOTALL)
_MARKUP_TOKEN = re.compile(r"\s[^\w\s]+(?=\s)")  # "##", "-", ">", "|", "–": nothing to read


def word_count(markdown: str) -> int:
    """Space-separated tokens with a letter or digit ("Phú", "2.500", "9/1" are one each), after
    dropping images, link addresses and HTML. Each substitution runs only when its marker is
    there: this runs for every article on every build and live-preview rebuild."""
    text = markdown
    if "![" in text:
        text = _IMAGE.sub(" ", text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "]:" in text:
        text = _REFERENCE.sub(" ", text)
    if "<" in text:
        text = _HTML.sub(" ", text)
    return len(text.split()) - len(_MARKUP_TOKEN.findall(f" {text} "))


def reading_minutes(markdown: str, memo: ContentMemo | None = None) -> int:
    """Whole minutes, rounded up, at least 1. Through the memo (core/memo.py): every build plans
    every article, and all but the edited body are the same as last time."""
    return memo_or_new(memo).get(b"r", markdown, _minutes)


def _minutes(markdown: str) -> int:
    return max(1, math.ceil(word_count(markdown) / SYLLABLES_PER_MINUTE))
