"""Files that lie, and HTML that would be cut: every image reference form is checked the same
way, and `check` warns about raw HTML exactly when the sanitiser removes something."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from generator.core.load import load_site
from generator.core.rules.body_html import BODY_EXTENSION_CONFIGS, BODY_EXTENSIONS
from generator.core.sanitize import removed_parts, sanitize_html
from generator.core.settings import Settings
from tests.conftest import CATEGORIES, article, write_files

NOW = datetime(2026, 11, 20, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
TINY_PNG = (__import__("pathlib").Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()


def load_body(tmp_path, body, files=None):
    write_files(tmp_path, {"content/categories.yml": CATEGORIES, "content/news/2026/bai.md": article(body=body),
                           "content/news/2026/that.png": TINY_PNG, **(files or {})})
    return load_site(Settings(content_dir=tmp_path / "content", display_root=tmp_path), NOW)


def problems(result):
    return sorted((p.code, p.line) for p in result.problems.problems)


LYING = """Mở đầu.
![a](../../../../etc/hosts.png)
![b][ngoai]
<img src="/etc/passwd.png" alt="c">
<IMG alt='d' SRC='C:\\Users\\can-bo\\anh.jpg'>
<img
  src="khong-co.jpg">
![e](data:image/png;base64,iVBORw0KGgo=)
![f](https://tracker.example.com/pixel.png)
![g](link.png) ![h](thu-muc/anh.png)

[ngoai]: ../../../ngoai.png
"""


def test_every_reference_form_is_checked_and_nothing_escapes(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "anh.png").write_bytes(TINY_PNG)
    (tmp_path / "ngoai.png").write_bytes(TINY_PNG)  # exists, but outside content/
    news = tmp_path / "content/news/2026"
    news.mkdir(parents=True)
    os.symlink(outside / "anh.png", news / "link.png")
    os.symlink(outside, news / "thu-muc")
    result = load_body(tmp_path, LYING)
    # The body starts on line 6 (five lines of front matter).
    assert [(p.code, p.line) for p in result.problems.problems if p.code.startswith("image.")] == [
        ("image.outside", 7),  # ..
        ("image.outside", 9),  # /etc/passwd.png in raw <img>
        ("image.outside", 10),  # a Windows path in an upper-case <IMG SRC=...>
        ("image.missing", 11),  # <img src> split over two lines: reported where the tag starts
        ("image.outside", 13), ("image.outside", 14),  # data: and another host
        ("image.outside", 15), ("image.outside", 15),  # a symlinked file, a symlinked folder
        ("image.outside", 17),  # `![b][ngoai]`: at its definition `[ngoai]: ../../../ngoai.png`
    ]
    assert not result.ok


def test_reference_style_and_raw_img_pointing_inside_are_accepted(tmp_path):
    body = "Ảnh:\n\n![Quà][qua]\n\n<p><img src='that.png' alt='x'></p>\n\n[qua]: that.png \"Quà Tết\"\n"
    result = load_body(tmp_path, body)
    assert problems(result) == [] and result.ok


def test_image_in_a_code_block_is_text_not_a_reference(tmp_path):
    result = load_body(tmp_path, "Ví dụ:\n\n```\n<img src=\"../../bi-mat.png\">\n![a](../../x.png)\n```\n")
    assert problems(result) == []


def test_a_text_file_named_jpg_is_not_an_image(tmp_path):
    result = load_body(tmp_path, "![a](gia.jpg)", {"content/news/2026/gia.jpg": "<html>không phải ảnh</html>"})
    assert problems(result) == [("image.not_image", 6)]


# --- one definition of unsafe ------------------------------------------------------------------

def render(markdown_text: str) -> str:
    import markdown

    return markdown.markdown(markdown_text, extensions=BODY_EXTENSIONS, extension_configs=BODY_EXTENSION_CONFIGS)


KEPT = [
    "| Nội dung | Số tiền |\n|:--|--:|\n| Quà Tết | 1.500.000 đ |",
    "Gọi [024 3766 2018](tel:02437662018) hoặc [gửi thư](mailto:mttq@example.vn).",
    "<details open><summary>Danh sách</summary>\n\n- Hộ 1\n</details>",
    "Chữ <u>gạch chân</u>, <mark>tô sáng</mark>, H<sub>2</sub>O, m<sup>2</sup>, <abbr title='Mặt trận Tổ quốc'>MTTQ</abbr>.",
    "## Kết quả\n\n> Trích dẫn\n\n1. Một\n2. Hai\n\n`mã` và **đậm**, *nghiêng*.",
    "[Báo Hà Nội Mới](https://hanoimoi.vn/bai?a=1&b=2)",
]
REMOVED = [
    ("<script>alert(1)</script>", "thẻ <script>"),
    ("<p style='color:red'>Chữ đỏ từ Word</p>", "thuộc tính style=…"),
    ("<span onclick='steal()'>bấm</span>", "thuộc tính onclick=…"),
    ("[bấm](javascript:alert(1))", "liên kết javascript:"),
    ("<a href='data:text/html,<script>alert(1)</script>'>x</a>", "liên kết data:"),
    ("<iframe src='https://www.youtube.com/embed/x'></iframe>", "thẻ <iframe>"),
    ("<svg><circle r='3'/></svg>", "thẻ <svg>"),
    ("Chữ <!-- ghi chú nội bộ --> tiếp", "ghi chú <!-- … -->"),
    ("<form action='https://x.vn'><input name='a'></form>", "thẻ <form>"),
]


@pytest.mark.parametrize("text", KEPT)
def test_what_officers_need_is_kept_and_not_warned(text):
    html = render(text)
    assert removed_parts(html) == []
    assert sanitize_html(html).count("<") >= html.count("<") - html.count("<!--")  # nothing dropped


@pytest.mark.parametrize("text, what", REMOVED)
def test_a_warning_names_exactly_what_the_sanitiser_removes(text, what):
    html = render(text)
    assert what in [r.describe() for r in removed_parts(html)]
    assert sanitize_html(html) != html


def test_warning_is_at_the_line_of_the_removed_html(tmp_path):
    body = "Đoạn một.\n\nĐoạn hai [bấm](javascript:alert(1)).\n\n<p style='color:red'>đỏ</p>\n"
    result = load_body(tmp_path, body)
    found = sorted((p.line, p.message) for p in result.problems.problems)
    assert [line for line, _ in found] == [8, 10] and result.ok
    assert "(liên kết javascript:)" in found[0][1] and "(thuộc tính style=…)" in found[1][1]
