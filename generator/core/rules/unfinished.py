"""Text left as a template wrote it: the body `ward-news new` writes, a title or summary that is
still a label, an editor's hint or filler. An officer who saved the file too early would otherwise
publish "Viết nội dung bài ở đây…" on the home page; each is an error until replaced."""

from __future__ import annotations

import re

from ..problems import ProblemLog
from ..text import fold

#: The body `ward-news new` writes (cli/new.py writes this constant, so the two cannot drift).
BODY_PLACEHOLDER = "Viết nội dung bài ở đây. Mỗi đoạn cách nhau một dòng trống."
#: What a title or summary field reads when it was never filled in: the field's own label, the
#: editor's hint (core/editor.py), filler. Compared folded (no accents, case or punctuation).
FIELD_PLACEHOLDERS = {
    "title": ("Tiêu đề", "Tiêu đề bài", "Tiêu đề bài viết", "Một dòng, viết hoa như câu thường."),
    "summary": ("Tóm tắt", "Tóm tắt bài", "Tóm tắt bài viết", "Một, hai câu; để trống thì lấy đoạn đầu của bài."),
}
FILLER = ("xxx", "todo", "lorem ipsum", "abc", "test")
_LOREM = re.compile(r"\blorem ipsum\b", re.IGNORECASE)
_MARKS = re.compile(r"[^\w]*")  # `> `, `- `, `**`, spaces: what a line may start with before its words


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


_BODY_START = _key(BODY_PLACEHOLDER.split(".")[0])  # "viet noi dung bai o day": kept with text after it too
_FIELD_KEYS = {field: {_key(t) for t in (*texts, *FILLER)} | {""} for field, texts in FIELD_PLACEHOLDERS.items()}


def is_placeholder_field(field: str, value: str) -> bool:
    """`…`, `Tiêu đề`, `TODO`: a value with no word of its own."""
    return _key(value) in _FIELD_KEYS[field] or _LOREM.search(value) is not None


def check_field(field: str, value: str | None, line: int | None, path: str, log: ProblemLog) -> None:
    if value and is_placeholder_field(field, value):
        log.add("field.placeholder", path, line, field=field, value=value)


def check_body_text(body: str, body_line: int, path: str, log: ProblemLog) -> None:
    """The line of the body that is still `new`'s sample sentence, or filler. Only each line's
    start is folded (after its Markdown marks): folding whole bodies took 3.5 s of 2,000 articles."""
    for number, text in enumerate(body.splitlines()):
        start = text[_MARKS.match(text).end():][:2 * len(_BODY_START)]
        if _key(start).startswith(_BODY_START) or _LOREM.search(text):
            log.add("body.placeholder", path, body_line + number, value=text.strip())
            return
