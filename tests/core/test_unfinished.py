"""Nothing unfinished is published: the body `ward-news new` writes, a title or summary that is
still a label, an editor's hint or filler, is an error at its line until replaced."""

from __future__ import annotations

import pytest

from generator.core.rules.unfinished import BODY_PLACEHOLDER
from tests.conftest import article
from tests.core.test_load import codes, load

CASES = {
    "new's sample body": ({"news/2026/a.md": article(summary="''", body=BODY_PLACEHOLDER)},
                          [("body.placeholder", "content/news/2026/a.md", 7)]),
    "the sample sentence kept above the text": (
        {"news/2026/a.md": article(body="Sáng 9/1, phường trao quà.\n\nViết nội dung bài ở đây.")},
        [("body.placeholder", "content/news/2026/a.md", 8)]),
    "a title that is its label": ({"news/2026/a.md": article(title="Tiêu đề bài viết")},
                                  [("field.placeholder", "content/news/2026/a.md", 2)]),
    "a summary that is the editor's hint": (
        {"news/2026/a.md": article(summary="Một, hai câu; để trống thì lấy đoạn đầu của bài.")},
        [("field.placeholder", "content/news/2026/a.md", 5)]),
    "filler": ({"news/2026/a.md": article(title="TODO", summary="xxx")},
               [("field.placeholder", "content/news/2026/a.md", 2), ("field.placeholder", "content/news/2026/a.md", 5)]),
    "lorem ipsum in a page": ({"pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nLorem ipsum dolor sit amet.\n"},
                              [("body.placeholder", "content/pages/gioi-thieu.md", 4)]),
}


@pytest.mark.parametrize("name", CASES)
def test_unfinished_text_is_an_error_at_its_line(tmp_path, name):
    files, expected = CASES[name]
    result = load(tmp_path, files)
    assert codes(result) == expected
    assert all(p.is_error for p in result.problems.problems)


@pytest.mark.parametrize("title, summary", [
    ("Tiêu đề mới cho công tác dân vận", "Tóm tắt kết quả hội nghị tổng kết năm 2025."),
    ("Test nhanh HIV miễn phí tại trạm y tế", "Bà con viết nội dung đơn ở đây: tại bộ phận một cửa."),
])
def test_real_text_that_shares_words_with_a_placeholder_passes(tmp_path, title, summary):
    assert codes(load(tmp_path, {"news/2026/a.md": article(title=title, summary=summary)})) == []
