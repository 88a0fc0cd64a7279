"""Reading typed values out of YNodes, with problems that quote what the officer wrote."""

from __future__ import annotations

import difflib
import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from ..frontmatter import YNode
from ..problems import ProblemLog
from ..text import fold, is_slug, make_slug

# Vietnamese or misspelt keys officers are likely to type, mapped to the real key (for hints only).
KEY_ALIASES = {
    "tieu de": "title", "tieude": "title", "ten": "title", "ngay": "date", "ngay dang": "date",
    "chuyen muc": "category", "chuyenmuc": "category", "danh muc": "category", "categories": "category",
    "tac gia": "author", "tacgia": "author", "but danh": "author", "the": "tags", "tag": "tags",
    "tu khoa": "tags", "tom tat": "summary", "sapo": "summary", "description": "summary",
    "anh": "image", "hinh": "image", "hinh anh": "image", "nguon": "source", "ban nhap": "draft", "nhap": "draft",
    "noi bat": "featured", "tin noi bat": "featured", "ghim": "featured", "tieu diem": "featured",
    "cap nhat": "updated", "chu thich anh": "image_caption", "mo ta anh": "image_alt",
}


def suggest(value: str, choices: list[str], aliases: dict[str, str] | None = None) -> str | None:
    """The closest choice, ignoring diacritics and case; None when nothing is close."""
    folded = fold(value).replace("_", " ").replace("-", " ")
    if aliases and folded in aliases and aliases[folded] in choices:
        return aliases[folded]
    by_fold = {fold(c).replace("_", " ").replace("-", " "): c for c in choices}
    if folded in by_fold:
        return by_fold[folded]
    match = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.6)
    return by_fold[match[0]] if match else None


def did_you_mean(value: str | None) -> str:
    return f"Có phải ý bạn là “{value}”?" if value else ""


def read_text(
    meta: YNode, key: str, path: str, log: ProblemLog, *, required: bool = False, label: str = "", example: str = ""
) -> str | None:
    """A one-line text field. Numbers are accepted as text; lists, groups and true/false are not."""
    node = meta.value.get(key)
    line = meta.key_lines.get(key)
    if node is None:
        if required:
            log.add("field.missing", path, missing_line(meta), field=key, label=label, example=example)
        return None
    if node.kind != "scalar" or isinstance(node.value, bool):
        log.add(
            "field.type",
            path,
            line,
            field=key,
            expected="một dòng chữ",
            found=node.describe(),
            hint=_type_hint(node, key),
        )
        return None
    if node.value is None or node.text().strip() == "":
        if required:
            log.add("field.empty", path, line, field=key, label=label or key)
        return None
    return " ".join(node.text().split())


def _type_hint(node: YNode, key: str) -> str:
    if node.kind == "sequence":
        return f"Bỏ các dấu “-” hoặc ngoặc vuông: viết {key}: rồi nội dung trên cùng một dòng."
    if node.kind == "mapping":
        return f"Nếu nội dung có dấu hai chấm, đặt cả nội dung trong ngoặc kép: {key}: \"…\""
    return f"Đặt nội dung trong ngoặc kép: {key}: \"…\""


def missing_line(meta: YNode) -> int:
    """A missing key is reported on the closing `---` line: where it should be added."""
    if meta.end_line is not None:
        return meta.end_line
    return max(meta.key_lines.values(), default=0) + 1


_DATE = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?$"
)
_DMY = re.compile(r"^(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})(?:\s+(?P<rest>\d{1,2}:\d{2}))?$")


def read_date(meta: YNode, key: str, path: str, log: ProblemLog, tz: tzinfo, *, required: bool) -> datetime | None:
    """`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, optional offset; local time in `tz` otherwise."""
    raw = read_text(meta, key, path, log, required=required, label="ngày đăng", example=f"{key}: 2026-01-09")
    if raw is None:
        return None
    line = meta.key_lines.get(key)
    parsed, reason = parse_date(raw, tz)
    if parsed is None:
        suggestion = ""
        dmy = _DMY.match(raw)
        if dmy:
            guess = f"{dmy['y']}-{int(dmy['m']):02d}-{int(dmy['d']):02d}" + (f" {dmy['rest']}" if dmy["rest"] else "")
            suggestion = f" Có phải ý bạn là {guess}?"
        log.add("article.date.invalid", path, line, value=raw, reason=reason, suggestion=suggestion)
    return parsed


def parse_date(raw: str, tz: tzinfo) -> tuple[datetime | None, str]:
    """A datetime, or None and a Vietnamese reason (", tháng 13 không có")."""
    match = _DATE.match(raw.strip())
    if not match:
        return None, ""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    hour, minute, second = int(match["H"] or 0), int(match["M"] or 0), int(match["S"] or 0)
    if year == 0:
        return None, ": không có năm 0"
    if not 1 <= month <= 12:
        return None, f": không có tháng {month}"
    try:
        naive = datetime(year, month, day)
    except ValueError:
        return None, f": tháng {month} năm {year} không có ngày {day}"
    if hour > 23 or minute > 59 or second > 59:
        return None, f": giờ {hour:02d}:{minute:02d} không có thật"
    naive = naive.replace(hour=hour, minute=minute, second=second)
    offset = match["tz"]
    if offset is None:
        return naive.replace(tzinfo=tz), ""
    if offset == "Z":
        return naive.replace(tzinfo=timezone.utc), ""
    sign = 1 if offset[0] == "+" else -1
    digits = offset[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    if delta > timedelta(hours=14):
        return None, f": múi giờ {offset} không có thật"
    return naive.replace(tzinfo=timezone(sign * delta)), ""


def read_expires(meta: YNode, path: str, log: ProblemLog, tz: tzinfo) -> datetime | None:
    """`expires:` as the last moment the notice is current: a date without a time means the
    whole of that day (`expires: 2026-11-20` is still current on the evening of the 20th)."""
    expires = read_date(meta, "expires", path, log, tz, required=False)
    if expires is None:
        return None
    written = meta.value["expires"].text().strip()
    if len(written) <= 10:  # YYYY-MM-DD: no time written
        try:
            expires = expires + timedelta(days=1) - timedelta(seconds=1)
        except OverflowError:  # 9999-12-31: the end of the calendar is late enough
            expires = expires.replace(hour=23, minute=59, second=59)
    return expires


def read_bool(meta: YNode, key: str, path: str, log: ProblemLog, *, hint: str = "") -> bool:
    """`true` or `false` (empty means false). `hint` says what `true` does for this key."""
    node = meta.value.get(key)
    if node is None or node.value is None:
        return False
    if node.kind == "scalar" and isinstance(node.value, bool):
        return node.value
    log.add(
        "field.type",
        path,
        meta.key_lines.get(key),
        field=key,
        expected="true hoặc false",
        found=node.describe(),
        hint=hint or f"Viết {key}: true hoặc {key}: false (chữ thường, không dấu), hoặc xóa dòng này.",
    )
    return False


def read_text_list(meta: YNode, key: str, path: str, log: ProblemLog) -> list[str]:
    """A list of words: `[a, b]`, `- a` lines, or one line with commas (as officers often type)."""
    node = meta.value.get(key)
    if node is None or node.value is None:
        return []
    if node.kind == "scalar" and not isinstance(node.value, bool):
        return [part.strip() for part in node.text().split(",") if part.strip()]
    if node.kind == "sequence":
        items = []
        for item in node.value:
            if item.kind != "scalar" or isinstance(item.value, bool) or item.value is None:
                log.add(
                    "field.type",
                    path,
                    item.line,
                    field=key,
                    expected="danh sách các từ",
                    found=f"có mục là {item.describe()}",
                    hint=f"Ví dụ: {key}: [an sinh, trao quà]",
                )
                continue
            items.append(" ".join(item.text().split()))
        return [i for i in items if i]
    log.add(
        "field.type",
        path,
        meta.key_lines.get(key),
        field=key,
        expected="danh sách các từ",
        found=node.describe(),
        hint=f"Ví dụ: {key}: [an sinh, trao quà]",
    )
    return []


def zone(name: str) -> tzinfo:
    return ZoneInfo(name)


SLUG_MAX = 120  # as make_slug cuts a slug made from a name: a page's folder name stays short


def read_slug(meta: YNode, src_uri: str, path: str, log: ProblemLog, example: str) -> str | None:
    """`slug:` as written, or made from the file's name; None with a problem logged. Articles
    and documents alike: their addresses follow one rule."""
    written = read_text(meta, "slug", path, log)
    if written is None:
        name = src_uri.rsplit("/", 1)[-1]
        slug = make_slug(name.rsplit(".", 1)[0])
        if not slug:  # `---.md`, `🎉.md`: no letter or digit to make an address from
            log.add("article.slug.from_name", path, 1, name=name)
        return slug or None
    if not is_slug(written):
        log.add("article.slug.invalid", path, meta.key_lines.get("slug"), value=written,
                suggestion=make_slug(written) or example)
        return None
    if len(written) > SLUG_MAX:  # a folder name the disk refuses ("File name too long") at build
        log.add("article.slug.too_long", path, meta.key_lines.get("slug"), length=len(written), limit=SLUG_MAX,
                suggestion=make_slug(written))
        return None
    return written
