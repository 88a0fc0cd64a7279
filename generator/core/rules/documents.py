"""One document file (documents/*.md): an official document's particulars and its attached file.

The fields are declared once, in DOCUMENT_FIELDS: the check below,
the web editor's form and the officers' guide all read that declaration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from ..frontmatter import Document as SourceFile
from ..frontmatter import YNode
from ..model import Document
from ..problems import ProblemLog
from ..quotes import curly_quotes
from ..text import fold
from . import fields
from .articles import DESCRIPTION_MAX, shorten
from .assets import resolve_attachment
from .body import check_body


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter field of a kind of file: what it is called, whether it must be written,
    how the web editor asks for it, and an example for messages and the guide."""

    name: str
    label: str  # Vietnamese, as forms and the guide name it
    required: bool = False
    widget: str = "string"  # the web editor's widget: string, datetime, select, file, text
    hint: str = ""
    example: str = ""


#: Loại văn bản and the abbreviation its số ký hiệu carries (Decree 30/2020/NĐ-CP, appendix III).
#: Công văn carries none: its number is `212/UBND-VP`, the body and the unit that drafted it.
DOCUMENT_TYPES = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
    "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH", "Phương án": "PA",
    "Đề án": "ĐA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr", "Công văn": "",
    "Giấy mời": "GM", "Lời kêu gọi": "LKG", "Thư ngỏ": "TN", "Thư kêu gọi": "TKG",
}

DOCUMENT_FIELDS = (
    FieldSpec("title", "Trích yếu (nội dung chính của văn bản)", True,
              hint="Như dòng trích yếu in dưới tên loại văn bản.",
              example="title: Lịch tạm ngừng cung cấp điện tháng 11 năm 2026"),
    FieldSpec("number", "Số, ký hiệu", True, hint="Như in trên văn bản, ví dụ 125/TB-UBND.",
              example="number: 125/TB-UBND"),
    FieldSpec("type", "Loại văn bản", True, widget="select", example="type: Thông báo"),
    FieldSpec("issuer", "Cơ quan ban hành", True, example="issuer: Ủy ban nhân dân phường Hòa Bình"),
    FieldSpec("date", "Ngày ban hành", True, widget="datetime", example="date: 2026-11-02"),
    FieldSpec("effective", "Ngày có hiệu lực", widget="datetime",
              hint="Để trống nếu văn bản có hiệu lực từ ngày ban hành.", example="effective: 2026-11-05"),
    FieldSpec("expires", "Hết hiệu lực sau ngày", widget="datetime",
              hint="Với thông báo có thời hạn (lịch cắt điện, lịch tiêm chủng...): sau ngày này văn bản "
                   "chuyển sang mục hết hiệu lực.", example="expires: 2026-11-30"),
    FieldSpec("signer", "Người ký", hint="Chức vụ và họ tên, ví dụ: Chủ tịch Nguyễn Văn An.",
              example="signer: Chủ tịch Nguyễn Văn An"),
    FieldSpec("file", "Tệp văn bản (PDF, Word, Excel)", True, widget="file",
              hint="Bản PDF đã ký (quét) hoặc tệp Word, Excel; tối đa 20 MB.",
              example="file: files/125-tb-ubnd.pdf"),
    FieldSpec("slug", "Đường dẫn (để trống: lấy từ tên tệp)", example="slug: 125-tb-ubnd-2026"),
)
KNOWN_KEYS = [f.name for f in DOCUMENT_FIELDS]
ONE_LINE_TEXT_KEYS = frozenset({"title", "issuer", "signer"})
_SPEC = {f.name: f for f in DOCUMENT_FIELDS}

# 125/TB-UBND, 12/2025/QĐ-UBND, 212/UBND-VP (a công văn), and the Party's 35-NQ/ĐU.
_PART = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_NUMBER = re.compile(rf"^\d{{1,5}}(?:/\d{{4}})?/{_PART}(?:-{_PART})*$|^\d{{1,5}}-{_PART}/{_PART}(?:-{_PART})*$")
_MIXED_CASE = {"ctr": "CTr", "ttr": "TTr", "qyđ": "QyĐ"}


def check_document(src_uri: str, path: str, doc: SourceFile, content_dir: Path, tz: tzinfo,
                   log: ProblemLog) -> Document | None:
    """A Document when the file is good enough to publish; None when an error was logged."""
    if not doc.has_front_matter:
        log.add("frontmatter.missing", path, 1)
        return None
    meta = doc.meta
    errors_before = len(log.errors)

    def text(name: str) -> str | None:
        spec = _SPEC[name]
        return fields.read_text(meta, name, path, log, required=spec.required, label=spec.label.lower(),
                                example=spec.example)

    title, number, kind, issuer, signer = text("title"), text("number"), _read_type(meta, path, log), \
        text("issuer"), text("signer") or ""
    date = fields.read_date(meta, "date", path, log, tz, required=True)
    effective = fields.read_date(meta, "effective", path, log, tz, required=False)
    expires = fields.read_expires(meta, path, log, tz)
    file_value = text("file")
    slug = fields.read_slug(meta, src_uri, path, log, example="125-tb-ubnd-2026")

    if number is not None:
        _check_number(number, kind, meta, path, log)
    if date and effective and effective.date() < date.date():
        log.add("document.effective.before_date", path, meta.key_lines.get("effective"),
                effective=meta.value["effective"].text(), date=meta.value["date"].text())
    start = max(d for d in (date, effective) if d) if (date or effective) else None
    if start and expires and expires < start:
        log.add("field.expires.before_date", path, meta.key_lines.get("expires"),
                expires=meta.value["expires"].text(), date=(meta.value.get("effective") or meta.value["date"]).text())
    attachment = None
    if file_value:
        attachment = resolve_attachment(file_value, src_uri, content_dir, path, meta.key_lines.get("file"), log)
    for key, line in meta.key_lines.items():
        if key not in KNOWN_KEYS:
            hint = fields.did_you_mean(fields.suggest(key, KNOWN_KEYS, _KEY_ALIASES)) or \
                "Các trường dùng được: " + ", ".join(KNOWN_KEYS) + "."
            log.add("field.unknown", path, line, field=key, hint=hint)
    check_body(doc.body, doc.body_line, src_uri, content_dir, path, log)

    if len(log.errors) > errors_before or not (title and number and kind and issuer and date and slug and attachment):
        return None
    title = curly_quotes(title)
    description = shorten(f"{kind} số {number} của {issuer}: {title}", DESCRIPTION_MAX)
    return Document(src_uri=src_uri, path=path, slug=slug, number=number, type=kind, issuer=issuer, title=title,
                    date=date, effective=effective or date, attachment=attachment, body=doc.body,
                    body_line=doc.body_line, signer=signer, description=description, expires=expires,
                    lines=dict(meta.key_lines))


_KEY_ALIASES = {"so": "number", "so hieu": "number", "so ky hieu": "number", "ky hieu": "number",
                "loai": "type", "loai van ban": "type", "co quan": "issuer", "co quan ban hanh": "issuer",
                "noi ban hanh": "issuer", "ngay ban hanh": "date", "ngay": "date", "ngay hieu luc": "effective",
                "hieu luc": "effective", "het han": "expires", "het hieu luc": "expires", "nguoi ky": "signer",
                "trich yeu": "title", "tep": "file", "tap tin": "file", "dinh kem": "file", "attachment": "file"}


def _read_type(meta: YNode, path: str, log: ProblemLog) -> str | None:
    spec = _SPEC["type"]
    value = fields.read_text(meta, "type", path, log, required=True, label=spec.label.lower(), example=spec.example)
    if value is None:
        return None
    for name in DOCUMENT_TYPES:
        if fold(name) == fold(value):
            return name
    hint = fields.did_you_mean(fields.suggest(value, list(DOCUMENT_TYPES)))
    log.add("document.type.unknown", path, meta.key_lines.get("type"), value=value,
            hint=(hint + " " if hint else "") + "Các loại văn bản: " + ", ".join(DOCUMENT_TYPES) + ".")
    return None


def suggest_number(value: str) -> str:
    """What an officer probably meant: without “Số:”, spaces, and in capitals (CTr, TTr, QyĐ kept)."""
    text = re.sub(r"^\s*s[ốo]\s*:?\s*", "", value.strip(), flags=re.I)
    text = re.sub(r"\s+", "", text).replace("–", "-").replace("—", "-")
    parts = re.split(r"([/-])", text)
    return "".join(_MIXED_CASE.get(part.lower(), part.upper()) for part in parts)


def _check_number(number: str, kind: str | None, meta: YNode, path: str, log: ProblemLog) -> None:
    line = meta.key_lines.get("number")
    if not _NUMBER.match(number):
        suggestion = suggest_number(number)
        log.add("document.number.invalid", path, line, value=number,
                suggestion=suggestion if _NUMBER.match(suggestion) else "125/TB-UBND")
        return
    abbreviation = DOCUMENT_TYPES.get(kind or "", "")
    if not abbreviation:
        return
    parts = set(re.split(r"[/-]", number)[1:])
    if abbreviation not in parts:
        log.add("document.number.type_mismatch", path, line, value=number, type=kind, abbreviation=abbreviation)
