"""`ward-news summary`: a pull request explained for its reviewer, from `git diff --name-status`:
headlines, categories, dates, where each page and share card sits in the preview, every problem;
officer text escaped so it can neither break the table nor inject markup."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from tests.cli.test_init import ward_news
from tests.conftest import CATEGORIES, article, make_site

HOSTILE = "Trao quà | Tết [bấm](javascript:alert(1)) <img src=x onerror=alert(1)> *ấm*"
FILES = {
    "content/categories.yml": CATEGORIES,
    "content/news/2026/trao-qua.md": article(title=f"'{HOSTILE}'", date="2026-01-09"),
    "content/news/2026/hoi-nghi.md": article(title="Hội nghị sơ kết quý III", date="2026-10-02",
                                             category="Hoạt động Mặt trận"),
}
DIFF = ("A\tcontent/news/2026/trao-qua.md\nM\tcontent/news/2026/hoi-nghi.md\nD\tcontent/news/2025/bai-cu.md\n"
        "R100\tcontent/pages/gioi-thieu.md\tcontent/pages/ve-chung-toi.md\nM\tREADME.md\n")


def rendered(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=["tables"]), "html.parser")


def test_summary_lists_each_article_with_its_preview_page_and_card(tmp_path):
    root = make_site(tmp_path, FILES)
    result = ward_news("summary", cwd=root, input=DIFF)
    assert result.returncode == 0, result.stderr
    html = rendered(result.stdout)
    assert html.h2.get_text() == "✅ Không có lỗi: bài sẵn sàng để duyệt"
    assert [h.get_text() for h in html.find_all("h3")] == ["Bài mới (1)", "Bài sửa (1)", "Bài xóa (1)",
                                                         "Tệp khác trong nội dung (2)"]
    added, changed = html.find_all("table")
    (row,) = added.find("tbody").find_all("tr")
    cells = row.find_all("td")
    assert len(cells) == 5  # the pipe in the headline did not open a sixth cell
    assert cells[0].get_text().startswith(HOSTILE)  # exactly the officer's words, as text
    assert row.find("img") is None and row.find("a") is None and row.find("em") is None
    assert [c.get_text() for c in cells[1:3]] == ["An sinh xã hội", "09/01/2026"]
    page, card = cells[3].get_text(), cells[4].get_text()
    assert page.startswith("tin-tuc/") and page.endswith("/index.html")
    assert card.startswith("the-chia-se/") and card.endswith(".png")
    cells = changed.find("tbody").find("tr").find_all("td")
    assert cells[0].get_text() == "Hội nghị sơ kết quý IIIcontent/news/2026/hoi-nghi.md"
    assert cells[3].get_text() == "tin-tuc/hoi-nghi/index.html"
    others = [li.get_text() for li in html.find_all("ul")[1].find_all("li")]
    assert others == ["Xóa content/pages/gioi-thieu.md", "Thêm content/pages/ve-chung-toi.md"]
    assert "README.md" not in result.stdout  # not content

    # The preview the summary points at is what the build makes: the same page and card files.
    assert ward_news("build", cwd=root).returncode == 0
    assert (root / "site" / page).is_file() and (root / "site" / card).is_file()


def test_summary_of_a_broken_pull_request_lists_every_problem(tmp_path):
    root = make_site(tmp_path, {**FILES, "content/news/2026/hoi-nghi.md": article(date="2026-02-30")})
    result = ward_news("summary", "--preview-url", "https://example.invalid/a", cwd=root, input=DIFF)
    assert result.returncode == 0  # the check step fails the job; the summary always explains
    html = rendered(result.stdout)
    assert html.h2.get_text() == "❌ Bài chưa đăng được: 1 lỗi"
    (problem,) = html.find_all("ul")[-1].find_all("li")
    assert problem.get_text().startswith("content/news/2026/hoi-nghi.md:3 lỗi: Ngày “2026-02-30” không hợp lệ")
    rows = [tr.find_all("td")[3].get_text() for table in html.find_all("table") for tr in table.find("tbody").find_all("tr")]
    assert len(rows) == 2 and all(r.startswith("chưa dựng") for r in rows)  # nothing was built


def test_summary_of_a_broken_mkdocs_yml_says_nothing_was_checked(tmp_path):
    root = make_site(tmp_path, FILES, plugin={"timezone": "Asia/Hanoi_Sai"})
    result = ward_news("summary", cwd=root, input=DIFF)
    assert result.stdout.startswith("## ❌ Tệp cấu hình mkdocs.yml có lỗi") and "Asia/Hanoi_Sai" in result.stdout
    assert "Không có lỗi" not in result.stdout
