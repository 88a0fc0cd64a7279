"""`ward-news check --format github|json` on a folder with three mistakes: the exact lines CI
prints (GitHub annotations on the officer's file and line) and the exact JSON a script reads."""

from __future__ import annotations

import json

from tests.cli.test_init import ward_news
from tests.conftest import CATEGORIES, article, make_site

FILES = {
    "content/categories.yml": CATEGORIES,
    "content/news/2026/trao-qua.md": article(date="2026-02-30"),
    # A file name with a comma and a colon: GitHub needs them escaped inside `file=`.
    "content/news/2026/hoi-nghi, so ket: quy 3.md": article(title="Hội nghị sơ kết", category="Văn hóa thể thao",
                                                            tag="an sinh"),
}


NAMED = "content/news/2026/hoi-nghi, so ket: quy 3.md"
DATE_HINT = "Dùng dạng YYYY-MM-DD (ví dụ 2026-01-09) hoặc “YYYY-MM-DD HH:MM” (ví dụ “2026-01-09 08:30”)."
CATEGORY_HINT = "Các chuyên mục hiện có: An sinh xã hội, Chuyển đổi số, Hoạt động Mặt trận."


def test_check_prints_github_annotations_exactly(tmp_path):
    root = make_site(tmp_path, FILES)
    result = ward_news("check", "--format", "github", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/news/2026/hoi-nghi%2C so ket%3A quy 3.md,line=4,title=category.unknown::"
        f"Chuyên mục “Văn hóa thể thao” không có trong content/categories.yml. Gợi ý: {CATEGORY_HINT}",
        "::warning file=content/news/2026/hoi-nghi%2C so ket%3A quy 3.md,line=5,title=field.unknown::"
        "Trường “tag” không được dùng nên sẽ bị bỏ qua. Gợi ý: Có phải ý bạn là “tags”?",
        "::error file=content/news/2026/trao-qua.md,line=3,title=article.date.invalid::"
        f"Ngày “2026-02-30” không hợp lệ: tháng 2 năm 2026 không có ngày 30. Gợi ý: {DATE_HINT}",
    ]


def test_check_prints_every_problem_as_json(tmp_path):
    root = make_site(tmp_path, FILES)
    result = ward_news("check", "--format", "json", cwd=root)
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {"path": NAMED, "line": 4, "code": "category.unknown", "severity": "error",
         "message": "Chuyên mục “Văn hóa thể thao” không có trong content/categories.yml.", "hint": CATEGORY_HINT},
        {"path": NAMED, "line": 5, "code": "field.unknown", "severity": "warning",
         "message": "Trường “tag” không được dùng nên sẽ bị bỏ qua.", "hint": "Có phải ý bạn là “tags”?"},
        {"path": "content/news/2026/trao-qua.md", "line": 3, "code": "article.date.invalid", "severity": "error",
         "message": "Ngày “2026-02-30” không hợp lệ: tháng 2 năm 2026 không có ngày 30.", "hint": DATE_HINT},
    ]
