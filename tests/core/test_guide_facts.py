"""The officers' guide cannot drift from the code: every fact it states that the code knows (the
fields and their count, the names a page may not take, the contract version, the limits on photos
and files, the buttons it tells officers to press) is read from the guide here and compared with
the code that decides it. A guide that says "15 trường", or a button the site no longer has, fails."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator import __version__
from generator.core import contract
from generator.core.rules import articles, documents
from generator.core.rules.assets import MAX_ATTACHMENT_BYTES
from generator.core.rules.images import MAX_FILE_BYTES, MAX_PIXELS
from generator.core.rules.limits import MAX_TEXT_BYTES
from generator.core.urls import RESERVED_SEGMENTS

REPO = Path(__file__).resolve().parents[2]
GUIDE = (REPO / "generator" / "scaffold" / "huong-dan-can-bo.md").read_text("utf-8")
MB = 1024 * 1024


def section(title_start: str) -> str:
    """The guide's text from the heading that starts with `title_start` to the next heading of that level."""
    match = re.search(rf"^(#+) {re.escape(title_start)}.*$", GUIDE, re.MULTILINE)
    assert match, title_start
    level = len(match[1])
    end = re.compile(rf"^#{{1,{level}}} ", re.MULTILINE).search(GUIDE, match.end())
    return GUIDE[match.end():end.start() if end else len(GUIDE)]


def table_names(text: str) -> list[str]:
    """The first column of a Markdown table of fields: | `title` | ..."""
    return re.findall(r"^\| `([a-z_]+)` \|", text, re.MULTILINE)


def test_the_article_field_table_is_the_code_s_fields_and_its_count_is_theirs():
    fields = section("4. Bảng các trường")
    assert table_names(fields) == articles.KNOWN_KEYS
    counts = {int(n) for n in re.findall(r"(\d+) trường\b", GUIDE)}
    assert counts == {len(articles.KNOWN_KEYS)}, counts  # "Chỉ có đúng 16 trường trên", nowhere another number


def test_the_document_field_table_is_the_code_s_fields():
    assert table_names(section("Đăng một văn bản")) == documents.KNOWN_KEYS


def test_the_names_a_page_may_not_take_are_the_reserved_ones():
    listed = re.search(r"Không đặt tên trùng các mục có sẵn của trang web:\s*(.*?)\.\s", GUIDE, re.DOTALL)
    assert listed, "the guide no longer lists the reserved names"
    names = re.findall(r"`([^`]+)`", listed[1])
    assert sorted(names) == sorted(RESERVED_SEGMENTS) and len(names) == len(set(names))


def test_the_contract_version_the_guide_and_readme_state_is_the_current_one():
    current, newer = f"contract: {contract.CURRENT}", f"contract: {contract.CURRENT + 1}"
    assert f"(hiện là `{contract.CURRENT}`)" in GUIDE and f"| `{current}` |" in GUIDE
    newer_row = next(line for line in GUIDE.splitlines() if line.startswith("| `site.contract.newer`"))
    assert f"`{newer}` (ward-news {__version__})" in newer_row and newer_row.endswith(f"`{current}` |")
    readme = (REPO / "README.md").read_text("utf-8")
    stated = set(re.findall(r"`contract: (\d+)`", readme))
    assert stated == {str(contract.CURRENT)}, stated
    written = yaml.safe_load((REPO / "generator/scaffold/content/site.yml").read_text("utf-8").replace("$", "_"))
    assert written.get("contract") in (contract.CURRENT, "_contract")


def test_the_limits_the_guide_states_are_the_code_s():
    photos = section("5. Ảnh")
    assert f"tối đa **{MAX_FILE_BYTES // MB} MB** và **{MAX_PIXELS // 1_000_000} triệu điểm ảnh**" in photos
    faq = section("11. Câu hỏi thường gặp")
    assert f"**{MAX_FILE_BYTES // MB} MB** hoặc **{MAX_PIXELS // 1_000_000} triệu điểm ảnh**" in faq
    assert f"tối đa {MAX_ATTACHMENT_BYTES // MB} MB" in section("Đăng một văn bản")
    assert f"lớn hơn {MAX_TEXT_BYTES // 1_000_000} MB" in GUIDE


def test_the_guide_never_asks_officers_to_shrink_photos_the_build_shrinks():
    # §5: upload the phone's original; the FAQ must say the same (it once said "below 1 MB").
    assert "không cần thu nhỏ" in section("5. Ảnh")
    faq = section("11. Câu hỏi thường gặp")
    assert not re.search(r"(nên|phải|hãy) (thu nhỏ|dưới)[^.]*MB", faq)


#: Buttons of other programs the guide walks officers through (GitHub's pages, Notepad, Unikey,
#: Facebook's "Download your information"): their labels are theirs, not ours to test.
OTHER_PROGRAMS = {"gộp", "Add file", "Propose changes", "Create pull request", "Add file → Upload files",
                  "Commit changes", "Commit changes…", "Details", "Save", "Chuyển mã",
                  "Tải hoặc chuyển thông tin", "Tạo file"}


def _our_labels() -> str:
    theme = REPO / "generator" / "theme"
    texts = [p.read_text("utf-8") for p in theme.rglob("*") if p.suffix in (".html", ".js")]
    texts += [p.read_text("utf-8") for p in (REPO / "generator/assets").rglob("*.js") if "editor" not in p.parts]
    editor = json.loads((REPO / "generator/assets/editor/locales/vi.json").read_text("utf-8"))

    def strings(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, str):
            yield value

    return "\n".join([*texts, *strings(editor)])


BUTTONS = sorted(set(re.findall(r"(?:[Bb]ấm|[Nn]út) \*\*([^*]+)\*\*", GUIDE)))


@pytest.mark.parametrize("label", BUTTONS)
def test_every_button_the_guide_names_exists(label):
    if label in OTHER_PROGRAMS:
        return
    assert label.rstrip("…").strip() in _our_labels(), f"the guide says to press “{label}”: no such button"


def test_the_buttons_are_read_from_the_guide():
    assert {"Lưu / In", "Chia sẻ qua Zalo, Messenger…", "Đăng nhập bằng mã truy cập"} <= set(BUTTONS)
