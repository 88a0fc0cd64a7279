"""What a single officer file may cost: bounds that keep every input to pages or problems in
seconds, each past-the-bound a problem at its line.

A pull request must not stall CI: parsers of Markdown, YAML and HTML have paths that grow faster
than the text (a line of 12,000 `[` took 49 s to check; a list nested 250 deep overflowed
Python's stack; 3,000 combining marks on one letter tripped Pillow's bomb guard on the card).
No real article comes near these bounds; the sample ward's largest file is 9 KB, its longest
line 1,300 characters.
"""

from __future__ import annotations

import re
import unicodedata

from ..problems import ProblemLog

MAX_TEXT_BYTES = 1_000_000  # a text file: some 300 printed pages
MAX_LINE_CHARS = 10_000  # a paragraph typed as one line: some 1,500 words
MAX_MARKUP_PER_LINE = 300  # `[`, `<` or `!` on one line: links, images, tags
MAX_INDENT = 64  # leading spaces (16 levels of a nested list)
MAX_QUOTE_DEPTH = 16  # `>` markers of a nested quotation
MAX_COMBINING = 4  # combining marks on one letter (Vietnamese in NFC needs none; typed NFD, two)
MAX_TAGS = 30  # tags of one article (each makes an archive page)
MAX_RAW_IMAGES = 300  # `<img` in one file: each is searched for its source over up to 2,000 characters

_QUOTES = re.compile(r"^(?:\s*>){%d,}" % (MAX_QUOTE_DEPTH + 1))
_COMBINING_RUN = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{%d,}"
                            % (MAX_COMBINING + 1))


def check_size(data: bytes, path: str, log: ProblemLog) -> bool:
    """False, with a problem, when a text file is too large to be an officer's file."""
    if len(data) > MAX_TEXT_BYTES:
        log.add("file.too_large", path, 1, size=f"{len(data) / 1_000_000:.1f}".replace(".", ","),
                limit=f"{MAX_TEXT_BYTES // 1_000_000}")
        return False
    return True


def check_combining(text: str, path: str, log: ProblemLog) -> bool:
    """False, with a problem at each line, where a letter carries a pile of combining marks
    (3,000 on a title's letter tripped Pillow's bomb guard drawing the card)."""
    ok = True
    if text.isascii():
        return ok
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.isascii():
            run = _COMBINING_RUN.search(unicodedata.normalize("NFD", line))
            if run is not None:
                log.add("text.combining", path, number, count=len(run.group()))
                ok = False
    return ok


def check_body_shape(body: str, first_line: int, path: str, log: ProblemLog) -> bool:
    """False, with a problem at each offending line, when a line of a Markdown body is too long,
    too dense in markup or nested too deep, or the body holds too many raw `<img`: the shapes
    on which Markdown, the sanitiser or the reference scans take minutes or overflow the stack.
    One linear pass; `first_line` is the body's line in its file."""
    ok = True
    if body.count("<img") + body.count("<IMG") > MAX_RAW_IMAGES:
        nth = _line_of_nth(body, "<img", MAX_RAW_IMAGES + 1)
        log.add("text.raw_images", path, None if nth is None else first_line + nth - 1, limit=MAX_RAW_IMAGES)
        ok = False
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if len(line) > MAX_LINE_CHARS:
            log.add("text.line_too_long", path, number, length=len(line), limit=MAX_LINE_CHARS)
            ok = False
            continue
        if len(line) > MAX_MARKUP_PER_LINE and max(line.count("["), line.count("<"), line.count("!")) > \
                MAX_MARKUP_PER_LINE:
            log.add("text.markup_dense", path, number, limit=MAX_MARKUP_PER_LINE)
            ok = False
        if len(line) - len(line.lstrip(" \t")) > MAX_INDENT or (">" in line[:64] and _QUOTES.match(line)):
            log.add("text.nesting", path, number)
            ok = False
    return ok


def _line_of_nth(text: str, needle: str, n: int) -> int | None:
    """The line of the n-th occurrence of `needle` (any case), or None."""
    lowered, start = text.lower(), -1
    for _ in range(n):
        start = lowered.find(needle, start + 1)
        if start < 0:
            return None
    return text.count("\n", 0, start) + 1
