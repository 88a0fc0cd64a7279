"""Documents (văn bản), their attachments through the one asset rule, `expires:`, and site.yml's
`about:`: every rule with its code, file and line, on small content folders."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timedelta

import pytest

from generator.core.plan import build_plan
from generator.core.rules.assets import MAX_ATTACHMENT_BYTES
from generator.core.rules.documents import DOCUMENT_FIELDS, KNOWN_KEYS, suggest_number
from generator.core.settings import Settings
from tests.core.test_load import NOW, PNG, TZ, codes, load
from tests.conftest import article

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def ooxml(part: str) -> bytes:
    """A ZIP holding `part`, as Word (word/document.xml) or Excel (xl/workbook.xml) write them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # fixed times: the same bytes every call
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", (2026, 1, 1, 0, 0, 0)), "<Types/>")
        archive.writestr(zipfile.ZipInfo(part, (2026, 1, 1, 0, 0, 0)), "<document/>")
    return buffer.getvalue()


def document(number="125/TB-UBND", type="Thông báo", date="2026-11-02", file="files/125.pdf",
             title="Lịch tạm ngừng cung cấp điện tháng 11", body="Tạm ngừng cấp điện sáng thứ Bảy.", **extra) -> str:
    lines = ["---", f"title: {title}", f"number: {number}", f"type: {type}",
             "issuer: Ủy ban nhân dân phường Hòa Bình", f"date: {date}", f"file: {file}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join(lines + ["---", body, ""])


def with_pdf(files: dict) -> dict:
    return {"documents/files/125.pdf": PDF, **files}


def test_a_document_is_loaded_with_its_particulars_and_attachment(tmp_path):
    result = load(tmp_path, with_pdf({"documents/2026-125-tb-ubnd.md": document(
        effective="2026-11-05", signer="KT. Chủ tịch, Phó Chủ tịch Trần Thị Bích Ngọc")}))
    assert codes(result) == []
    (doc,) = result.site.documents
    assert (doc.slug, doc.number, doc.type, doc.issuer) == \
        ("2026-125-tb-ubnd", "125/TB-UBND", "Thông báo", "Ủy ban nhân dân phường Hòa Bình")
    assert doc.date == datetime(2026, 11, 2, tzinfo=TZ) and doc.effective == datetime(2026, 11, 5, tzinfo=TZ)
    assert doc.attachment.src_uri == "documents/files/125.pdf"
    assert (doc.attachment.label, doc.attachment.media_type, doc.attachment.size) == ("PDF", "application/pdf", len(PDF))
    assert doc.description == "Thông báo số 125/TB-UBND của Ủy ban nhân dân phường Hòa Bình: " \
                              "Lịch tạm ngừng cung cấp điện tháng 11"


@pytest.mark.parametrize("number", ["125/TB-UBND", "09/KH-MTTQ", "12/2025/QĐ-UBND", "35-NQ/ĐU", "04/TTr-UBND"])
def test_official_numbers_in_every_form_are_accepted(tmp_path, number):
    kind = {"TB": "Thông báo", "KH": "Kế hoạch", "QĐ": "Quyết định", "NQ": "Nghị quyết", "TTr": "Tờ trình"}
    abbreviation = next(a for a in kind if a in number.replace("/", "-").split("-"))
    result = load(tmp_path, with_pdf({"documents/a.md": document(number=number, type=kind[abbreviation])}))
    assert codes(result) == []


def test_a_works_letter_carries_no_type_in_its_number(tmp_path):
    result = load(tmp_path, with_pdf({"documents/a.md": document(number="212/UBND-VP", type="Công văn")}))
    assert codes(result) == []


@pytest.mark.parametrize("written, suggestion", [
    ("Số: 125/TB-UBND", "125/TB-UBND"), ("125/tb-ubnd", "125/TB-UBND"), ("125 / TB - UBND", "125/TB-UBND"),
    ("04/ttr-ubnd", "04/TTr-UBND"), ("TB-UBND", "125/TB-UBND"),
])
def test_a_malformed_number_is_reported_at_its_line_with_the_fix(tmp_path, written, suggestion):
    result = load(tmp_path, with_pdf({"documents/a.md": document(number=f'"{written}"', type="Tờ trình" if "ttr" in written else "Thông báo")}))
    (problem,) = result.problems.problems
    assert (problem.code, problem.path, problem.line) == ("document.number.invalid", "content/documents/a.md", 3)
    assert f"number: {suggestion}" in problem.hint
    assert result.site is None


def test_suggested_numbers_keep_mixed_case_abbreviations():
    assert suggest_number("số 12 / ctr - mttq") == "12/CTr-MTTQ"


def test_a_number_that_names_another_type_is_a_warning(tmp_path):
    result = load(tmp_path, with_pdf({"documents/a.md": document(number="125/KH-UBND", type="Thông báo")}))
    assert codes(result) == [("document.number.type_mismatch", "content/documents/a.md", 3)]
    assert result.site is not None and "TB" in result.problems.problems[0].message


def test_an_unknown_type_suggests_the_nearest(tmp_path):
    result = load(tmp_path, with_pdf({"documents/a.md": document(type="thong bao", number="125/TB-UBND")}))
    assert codes(result) == []  # accents and case do not matter
    result = load(tmp_path, with_pdf({"documents/a.md": document(type="Thông bao chung")}))
    (problem,) = result.problems.problems
    assert problem.code == "document.type.unknown" and problem.line == 4 and "Thông báo" in problem.hint


def test_effective_before_issue_date_is_an_error_at_its_line(tmp_path):
    result = load(tmp_path, with_pdf({"documents/a.md": document(effective="2026-10-30")}))
    assert codes(result) == [("document.effective.before_date", "content/documents/a.md", 8)]


def test_every_mistake_of_a_document_is_reported_at_once(tmp_path):
    text = document(number="TB/125", type="Thong tin", date="2026-13-01", file="../../bi-mat.pdf", effective="hôm nay",
                    nguoi_ky="Nguyễn Văn An")
    result = load(tmp_path, {"documents/a.md": text, "bi-mat.pdf": PDF})
    assert sorted(c for c, _, _ in codes(result)) == sorted([
        "document.number.invalid", "document.type.unknown", "article.date.invalid", "attachment.outside",
        "article.date.invalid", "field.unknown"])
    unknown = next(p for p in result.problems.problems if p.code == "field.unknown")
    assert unknown.line == 9 and "signer" in unknown.hint


def test_missing_fields_are_named_on_the_closing_line(tmp_path):
    result = load(tmp_path, {"documents/a.md": "---\ntitle: Thông báo\n---\n"})
    missing = sorted(p.message for p in result.problems.problems if p.code == "field.missing")
    assert len(missing) == 5 and all(p.line == 3 for p in result.problems.problems if p.code == "field.missing")


@pytest.mark.parametrize("name, data, code", [
    ("files/125.pdf", None, "attachment.missing"),
    ("https://example.com/125.pdf", None, "attachment.outside"),
    ("/etc/passwd.pdf", None, "attachment.outside"),
    ("files/125.zip", ooxml("word/document.xml"), "attachment.type"),
    ("files/125.exe", b"MZ", "attachment.type"),
    ("files/125.pdf", b"", "attachment.empty"),
    ("files/125.pdf", ooxml("word/document.xml"), "attachment.mismatch"),
    ("files/125.docx", PDF, "attachment.mismatch"),
    ("files/125.xlsx", ooxml("word/document.xml"), "attachment.mismatch"),
    ("files/125.docx", b"<!DOCTYPE html><html>", "attachment.mismatch"),
])
def test_an_attachment_that_is_not_a_shippable_file_is_refused_at_its_line(tmp_path, name, data, code):
    files = {"documents/a.md": document(file=name)}
    if data is not None:
        files[f"documents/{name}"] = data
    result = load(tmp_path, files)
    assert codes(result) == [(code, "content/documents/a.md", 7)]


def test_a_renamed_file_is_named_for_what_it_really_is(tmp_path):
    result = load(tmp_path, {"documents/a.md": document(file="files/125.docx"), "documents/files/125.docx": PDF})
    assert "bên trong là PDF" in result.problems.problems[0].message


def test_word_excel_and_opendocument_files_are_accepted_by_their_contents(tmp_path):
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    files = {"documents/files/a.docx": ooxml("word/document.xml"), "documents/files/b.xlsx": ooxml("xl/workbook.xml"),
             "documents/files/c.odt": odt.getvalue(), "documents/files/d.doc": ole, "documents/files/e.xls": ole}
    for n, name in enumerate(sorted(files)):
        files[f"documents/{n}.md"] = document(file=name.removeprefix("documents/"), number=f"{n + 1}/TB-UBND")
    result = load(tmp_path, files)
    assert codes(result) == []
    labels = {d.attachment.src_uri.rsplit(".", 1)[1]: d.attachment.label for d in result.site.documents}
    assert labels == {"docx": "Word", "xlsx": "Excel", "odt": "OpenDocument", "doc": "Word", "xls": "Excel"}


def test_an_oversized_attachment_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "content" / "documents" / "files" / "125.pdf"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as handle:  # sparse: the size is what is checked
        handle.write(PDF)
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    result = load(tmp_path, {"documents/a.md": document()})
    assert codes(result) == [("attachment.too_large", "content/documents/a.md", 7)]
    assert "20 MB" in result.problems.problems[0].message


def test_a_symlink_out_of_content_is_outside(tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(PDF)
    (tmp_path / "content" / "documents" / "files").mkdir(parents=True)
    os.symlink(secret, tmp_path / "content" / "documents" / "files" / "125.pdf")
    result = load(tmp_path, {"documents/a.md": document()})
    assert codes(result) == [("attachment.outside", "content/documents/a.md", 7)]


def test_duplicate_document_slugs_name_both_files(tmp_path):
    result = load(tmp_path, with_pdf({"documents/a.md": document(slug="thong-bao"),
                                      "documents/b.md": document(slug="thong-bao")}))
    assert sorted(codes(result)) == [("document.slug.duplicate", "content/documents/a.md", 8),
                                     ("document.slug.duplicate", "content/documents/b.md", 8)]


def test_links_to_attachments_in_any_body_go_through_the_same_rule(tmp_path):
    body = "Xem [kế hoạch](../../documents/files/125.pdf) và [biểu mẫu][mau].\n\n[mau]: mau-dang-ky.docx\n"
    result = load(tmp_path, with_pdf({"news/2026/a.md": article(body=body)}))
    assert codes(result) == [("attachment.missing", "content/news/2026/a.md", 8)]
    result = load(tmp_path, with_pdf({"news/2026/a.md": article(body=body),
                                      "news/2026/mau-dang-ky.docx": ooxml("word/document.xml")}))
    assert codes(result) == []
    plan = build_plan(result.site, Settings(content_dir=tmp_path / "content", display_root=tmp_path))
    assert plan.attachments == {"documents/files/125.pdf", "news/2026/mau-dang-ky.docx"}


def test_a_link_to_a_web_page_or_an_image_is_not_an_attachment(tmp_path):
    body = "[Cổng dịch vụ công](https://dichvucong.gov.vn/a.pdf) · [trang](../gioi-thieu.md) · `[x](y.pdf)`\n"
    result = load(tmp_path, {"news/2026/a.md": article(body=body)})
    assert codes(result) == []


def test_a_draft_attachment_is_not_published(tmp_path):
    body = "[Tải](files/mau.pdf)\n"
    result = load(tmp_path, {"news/2026/a.md": article(body=body, draft="true"), "news/2026/files/mau.pdf": PDF})
    plan = build_plan(result.site, Settings(content_dir=tmp_path / "content", display_root=tmp_path))
    assert plan.attachments == frozenset()


# --- expires: notices with an end ---------------------------------------------------------------

def test_expires_is_judged_at_the_injected_clock_and_covers_its_whole_day(tmp_path):
    files = with_pdf({"news/2026/cat-dien.md": article(title="Lịch cắt điện", expires="2026-11-20"),
                      "documents/a.md": document(expires="2026-11-20")})
    before = load(tmp_path, files, now=datetime(2026, 11, 20, 23, 59, tzinfo=TZ))
    assert not before.site.articles[0].expired and not before.site.documents[0].expired
    after = load(tmp_path, files, now=datetime(2026, 11, 21, 0, 0, 1, tzinfo=TZ))
    assert after.site.articles[0].expired and after.site.documents[0].expired
    assert after.site.articles[0].expires == datetime(2026, 11, 20, 23, 59, 59, tzinfo=TZ)


def test_an_expired_notice_leaves_the_home_page_but_keeps_its_page(tmp_path):
    files = {"news/2026/cat-dien.md": article(title="Lịch cắt điện", date="2026-11-01", expires="2026-11-10",
                                              featured="true"),
             "news/2026/khac.md": article(title="Tin khác", date="2026-10-01")}
    result = load(tmp_path, files)
    plan = build_plan(result.site, Settings(content_dir=tmp_path / "content", display_root=tmp_path))
    assert [a.title for a in plan.home.latest] == ["Tin khác"] and plan.home.featured == ()
    assert plan.lookup("news/2026/cat-dien.md").url == "tin-tuc/cat-dien/"
    news = next(p for p in plan.pages if p.kind.name == "news-index")
    assert [a.title for a in news.data.articles] == ["Lịch cắt điện", "Tin khác"]  # the archive keeps it


def test_expires_before_the_date_is_an_error(tmp_path):
    result = load(tmp_path, {"news/2026/a.md": article(date="2026-11-10", expires="2026-11-01")})
    assert codes(result) == [("field.expires.before_date", "content/news/2026/a.md", 5)]
    result = load(tmp_path / "d", with_pdf({"documents/a.md": document(effective="2026-11-05", expires="2026-11-04")}))
    assert codes(result) == [("field.expires.before_date", "content/documents/a.md", 9)]


# --- site.yml about: the organisation page --------------------------------------------------------

ABOUT = """\
name: Phường Hòa Bình
about:
  duties:
    - Tập hợp khối đại đoàn kết toàn dân tộc.
  members: [Hội Cựu chiến binh, Hội Liên hiệp Phụ nữ]
  groups: [Tổ dân phố số 1]
  contacts:
    - name: Nguyễn Văn An
      title: Chủ tịch
      phone: 0912 345 678
      email: an@example.vn
  hours: Thứ Hai – thứ Sáu
  map: https://www.openstreetmap.org/?mlat=21&mlon=105
  english_name: Hoa Binh Ward Fatherland Front
"""


def test_the_about_block_becomes_the_organisation_and_english_pages(tmp_path):
    result = load(tmp_path, {"site.yml": ABOUT})
    assert codes(result) == []
    about = result.site.ward.about
    assert about.contacts[0].tel == "0912345678" and about.members == ("Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ")
    assert [p.label for p in about.portals] == ["Cổng Dịch vụ công quốc gia"]  # by default
    plan = build_plan(result.site, Settings(content_dir=tmp_path / "content", display_root=tmp_path))
    kinds = {p.kind.name: p.url for p in plan.pages}
    assert kinds["organisation"] == "to-chuc/" and kinds["english"] == "en/"


def test_mistakes_in_the_about_block_are_reported_at_their_lines(tmp_path):
    text = ABOUT.replace("0912 345 678", "goi cho toi").replace("an@example.vn", "an-at-example") \
        .replace("https://www.openstreetmap", "www.openstreetmap").replace("  hours:", "  gio_lam_viec: x\n  hours:") \
        .replace("    - name: Nguyễn Văn An", "    - title: Thiếu tên\n    - name: Nguyễn Văn An")
    result = load(tmp_path, {"site.yml": text})
    assert codes(result) == [("site.contact.invalid", "content/site.yml", 8),
                             ("site.phone.invalid", "content/site.yml", 11),
                             ("site.email.invalid", "content/site.yml", 12),
                             ("field.unknown", "content/site.yml", 13),
                             ("site.url.invalid", "content/site.yml", 15)]


def test_document_fields_are_declared_once():
    assert KNOWN_KEYS == [f.name for f in DOCUMENT_FIELDS]
    assert {f.name for f in DOCUMENT_FIELDS if f.required} == {"title", "number", "type", "issuer", "date", "file"}


def test_the_officers_guide_lists_the_document_fields_as_declared():
    from tests.conftest import REPO

    guide = (REPO / "generator" / "scaffold" / "huong-dan-can-bo.md").read_text("utf-8")
    section = guide.split("## 14.", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == KNOWN_KEYS
    for spec, row in zip(DOCUMENT_FIELDS, rows):
        assert row.split(" | ")[1] == ("**Có**" if spec.required else "Không") and spec.label in row
