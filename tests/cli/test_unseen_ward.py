"""A ward's content we did not write, through the real `ward-news` command: it builds with one page
per article; each mistake dropped into it alone makes `ward-news check` exit 1 with file:line."""

import json
import subprocess
import sys
import unicodedata

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, to_cp1258
from tests.fixtures.unseen_ward import ARTICLES, REPORT_VALUE_LINE, REPORTS, article_titles, encode, write_ward

def ward_news(*args, cwd):
    command = [sys.executable, "-c", "from generator.cli.main import cli; cli()", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture
def ward(tmp_path):
    write_ward(tmp_path)
    return tmp_path


def test_unseen_ward_builds_one_page_per_article(ward):
    result = ward_news("build", "--content", "content", "--site-dir", "out", "-f", str(REPO / "mkdocs.yml"), cwd=ward)
    assert result.returncode == 0, result.stdout + result.stderr
    for slug, title in article_titles().items():
        page = BeautifulSoup((ward / "out" / "tin-tuc" / slug / "index.html").read_text(encoding="utf-8"), "lxml")
        assert [h.get_text() for h in page.find_all("h1")] == [title]
    repost = BeautifulSoup((ward / "out/tin-tuc/tan-phu-ra-quan-don-dep-kenh-muong/index.html").read_text("utf-8"), "lxml")
    assert repost.select_one(".wn-source a").get_text() == "Báo Long An"
    nfd = BeautifulSoup((ward / "out/tin-tuc/xay-dung-duong-giao-thong-nong-thon/index.html").read_text("utf-8"), "lxml")
    text = nfd.select_one(".wn-article__body").get_text()
    assert unicodedata.is_normalized("NFC", text) and "Góp sức của người dân" in text
    assert nfd.select_one("time").get_text() == "Chủ Nhật, 15/03/2026"
    source_only = BeautifulSoup((ward / "out/tin-tuc/ho-tro-sinh-ke/index.html").read_text("utf-8"), "lxml")
    assert source_only.select_one(".wn-source cite").get_text() == "Báo Ấp Bắc"
    assert not (ward / "out" / "news" / "2025" / "nha-moi.jpg").exists()  # published as web-ready copies only


def test_unseen_ward_report_reads_in_vietnamese_with_counted_figures_and_accessible_charts(ward):
    result = ward_news("build", "--content", "content", "--site-dir", "out", "-f", str(REPO / "mkdocs.yml"), cwd=ward)
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((ward / "out/bao-cao/2025/index.html").read_text("utf-8"), "lxml")
    assert [h.get_text() for h in page.find_all("h1")] == ["Báo cáo tổng kết công tác Mặt trận xã Tân Phú năm 2025"]
    rows = {row.th.get_text(): " ".join(" ".join(td.get_text(" ") for td in row.find_all("td")).split())
            for row in page.select("table.wn-figures tbody tr")}
    assert rows["Quỹ “Vì người nghèo” vận động"] == ("hơn 312 triệu đồng ▲ 11% so với năm 2024 (280 triệu đồng) "
                                                   "đạt 104% chỉ tiêu (300 triệu đồng)")
    assert "gần 26 con" in rows["Bò giống hỗ trợ sinh kế"]
    assert "1,2 km" in rows["Đường giao thông nông thôn, bê tông hóa"]  # the quoted comma stays in the label
    assert "▼ 66% so với năm 2024 (3,5 km)" in rows["Đường giao thông nông thôn, bê tông hóa"]
    assert rows["Hộ đạt danh hiệu gia đình văn hóa"].startswith("96,5%")
    assert "bằng năm 2024 (4 căn)" in rows["Nhà Đại đoàn kết bàn giao"]
    # The site counts its own 2025 articles: as many as the fixture has dated 2025.
    written = sum(1 for text in (t for _, t in ARTICLES.values()) if "\ndate: 2025" in text or '\ndate: "2025' in text)
    total = page.select_one(".wn-counted-total")
    assert total.strong.get_text() == str(written) and total.a["href"] == "../../luu-tru/2025/"
    charts = page.select("svg[role=img]")
    assert len(charts) == 3  # two groups with last year's figures, and articles per month
    for chart in charts:
        assert chart.find("title").get_text().strip() and chart.find("desc").get_text().strip().endswith(".")
        assert chart["aria-labelledby"].split() == [chart.find("title")["id"], chart.find("desc")["id"]]


def test_a_figure_written_in_words_fails_check_at_its_line(ward):
    how, text = REPORTS["reports/2025.md"]
    (ward / "content/reports/2025.md").write_bytes(encode(text.replace("value: 312000000", "value: hai nghìn"), how))
    result = ward_news("check", "--content", "content", cwd=ward)
    assert result.returncode == 1, result.stdout
    (line,) = [l for l in result.stdout.splitlines() if l.startswith("content/reports/2025.md:")]
    assert line.startswith(f"content/reports/2025.md:{REPORT_VALUE_LINE}: lỗi: “value” của chỉ tiêu "
                           "“Quỹ “Vì người nghèo” vận động” phải là một con số")
    assert "Chỉ viết chữ số" in result.stdout


def test_every_unseen_article_is_listed_and_found_by_its_words_without_diacritics(ward, chromium):
    from urllib.parse import urljoin

    from generator.core.text import fold
    from tests.conftest import served

    result = ward_news("build", "--content", "content", "--site-dir", "out", "-f", str(REPO / "mkdocs.yml"), cwd=ward)
    assert result.returncode == 0, result.stdout + result.stderr
    out = ward / "out"
    linked: dict[str, set[str]] = {}  # a listing page's <h1> -> the pages it links to
    for path in out.rglob("index.html"):
        folder = path.parent.relative_to(out).as_posix()
        here = "/" if folder == "." else f"/{folder}/"
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        if soup.find("meta", attrs={"name": "ward-news:page", "content": ["category", "tag", "archive"]}):
            hrefs = {urljoin(here, a["href"]) for a in soup.select(".md-content a[href]")}
            linked.setdefault(soup.h1.get_text(strip=True), set()).update(hrefs)
    slugs = article_titles()
    for slug in slugs:
        page = BeautifulSoup((out / "tin-tuc" / slug / "index.html").read_text("utf-8"), "lxml")
        section = page.find("meta", property="article:section")["content"]
        tags = [m["content"] for m in page.find_all("meta", property="article:tag")]
        year = page.find("meta", property="article:published_time")["content"][:4]
        url = f"/tin-tuc/{slug}/"
        assert url in linked[section], (slug, section)
        for tag in tags:
            assert url in linked[tag], (slug, tag)
        assert url in linked[f"Năm {year}"], (slug, year)
    with served(out) as server:
        browser = chromium.new_page()
        for slug, title in slugs.items():
            words = " ".join(fold(title).replace(",", " ").split()[:4])  # typed without diacritics
            browser.goto(server.url)
            browser.fill("header #wn-search-q", words)
            browser.press("header #wn-search-q", "Enter")
            browser.wait_for_selector(".wn-search[data-state=done], .wn-search[data-state=error]")
            found = [a.get_attribute("href") for a in browser.query_selector_all(".wn-search__result h2 a")]
            assert f"/tin-tuc/{slug}/" in found, (words, found)
        browser.close()


def test_unseen_ward_checks_clean(ward):
    """No error, and no warning but what the decree asks (its site.yml has no `about:`)."""
    result = ward_news("check", "--content", "content", "--format", "json", cwd=ward)
    assert result.returncode == 0, result.stdout
    assert {p["code"] for p in json.loads(result.stdout)} == {
        "compliance.organisation", "compliance.contacts", "compliance.english", "compliance.documents"}


TARGET = "news/2026/xay-dung-duong-giao-thong-nong-thon.md"

MISTAKES = {
    "yaml-syntax": (lambda t: t.replace("summary: Hơn", "summary: \"Hơn"), 5, "ngoặc kép"),
    "missing-title": (lambda t: t.replace("title: Người dân hiến đất, góp công làm 1,2 km đường giao thông nông thôn\n", ""), 8,
                      "Thiếu trường bắt buộc “title”"),
    "impossible-date": (lambda t: t.replace("date: 2026-03-15", "date: 2026-02-29"), 3, "không có ngày 29"),
    "unclosed": (lambda t: t.replace("  - hiến đất\n---\n", "  - hiến đất\n"), 9, "chưa được đóng"),
    "unknown-category": (lambda t: t.replace("category: Nông thôn mới", "category: Nong thon moi!"), 4,
                         "Có phải ý bạn là “Nông thôn mới”?"),
    "list-for-text": (lambda t: t.replace("summary: Hơn 40", "summary:\n  - Hơn 40"), 5, "phải là một dòng chữ"),
    "missing-image": (lambda t: t.replace("category: Nông thôn mới\n", "category: Nông thôn mới\nimage: duong-moi.jpg\n"), 5,
                      "Không tìm thấy ảnh “duong-moi.jpg”"),
    "escaping-image": (lambda t: t.replace("category: Nông thôn mới\n", "category: Nông thôn mới\nimage: ../../../../etc/passwd\n"),
                       5, "nằm ngoài thư mục content/"),
    "absolute-image": (lambda t: t.replace("category: Nông thôn mới\n", "category: Nông thôn mới\nimage: C:\\Users\\anh.jpg\n"),
                       5, "nằm ngoài thư mục content/"),
    "unknown-key": (lambda t: t.replace("category: Nông thôn mới\n", "category: Nông thôn mới\ncategroy: x\nngay: 1\n"), 5,
                    "Có phải ý bạn là “category”?"),
}


@pytest.mark.parametrize("kind", sorted(MISTAKES))
def test_each_mistake_alone_fails_check_with_file_and_line(ward, kind):
    change, line, words = MISTAKES[kind]
    how, text = ARTICLES[TARGET]
    (ward / "content" / TARGET).write_bytes(encode(change(text), how))
    result = ward_news("check", "--content", "content", cwd=ward)
    expected_exit = 0 if kind == "unknown-key" else 1  # unknown keys are warnings
    assert result.returncode == expected_exit, result.stdout
    lines = [l for l in result.stdout.splitlines() if l.startswith(f"content/{TARGET}:{line}: ")]
    assert lines, result.stdout
    assert words in result.stdout


def test_legacy_encoding_alone_fails_check(ward):
    (ward / "content" / TARGET).write_bytes(to_cp1258(ARTICLES[TARGET][1]))
    result = ward_news("check", "--content", "content", cwd=ward)
    assert result.returncode == 1
    assert f"content/{TARGET}:2: lỗi: Tệp không được lưu theo bảng mã UTF-8" in result.stdout
    assert "UTF-8" in result.stdout and "Save As" in result.stdout


def test_duplicate_slug_alone_fails_check(ward):
    how, text = ARTICLES[TARGET]
    (ward / "content" / "news" / "2025" / "xay-dung-duong-giao-thong-nong-thon.md").write_bytes(encode(text, how))
    result = ward_news("check", "--content", "content", cwd=ward)
    assert result.returncode == 1
    assert f"content/{TARGET}:2: lỗi: Hai bài có cùng đường dẫn" in result.stdout
    assert "content/news/2025/xay-dung-duong-giao-thong-nong-thon.md:2: lỗi:" in result.stdout


def test_hostile_article_builds_neutralised(ward):
    (ward / "content" / "news" / "2026" / "hostile.md").write_bytes(encode("""\
---
title: "<script>alert('tiêu đề')</script> Tin <img src=x onerror=alert(1)>"
date: 2026-06-01
category: Tin hoạt động
summary: "</script><script>alert(2)</script>"
author: "<b onmouseover=alert(3)>PV</b>"
---
Nội dung <script>alert(4)</script> <a href="javascript:alert(5)">xem</a>

<iframe src="https://www.youtube.com/embed/x"></iframe>
""", "crlf"))
    result = ward_news("build", "--content", "content", "--site-dir", "out", "-f", str(REPO / "mkdocs.yml"), cwd=ward)
    assert result.returncode == 0, result.stderr
    raw = (ward / "out/tin-tuc/hostile/index.html").read_text("utf-8")
    page = BeautifulSoup(raw, "lxml")
    # Text, with its quotes curled as every headline's are (core/quotes.py).
    assert page.select_one("h1").get_text() == "<script>alert(‘tiêu đề’)</script> Tin <img src=x onerror=alert(1)>"
    scripts = [s.get_text() for s in page.find_all("script") if s.get("type") != "application/ld+json"]
    assert not any("alert" in s for s in scripts)
    # In JSON-LD the title is data: it reads back exactly, and no "<" can close the script element.
    (ld,) = [s.string for s in page.find_all("script", type="application/ld+json")]
    assert "<" not in ld and json.loads(ld)["headline"] == page.select_one("h1").get_text()
    assert page.find("iframe") is None and page.find("img", src="x") is None
    assert page.find(attrs={"onmouseover": True}) is None and page.find(href=lambda h: h and "javascript" in h) is None
    assert "thẻ <script>" in result.stderr  # the officer is warned what will be removed


def test_json_and_github_formats(ward):
    how, text = ARTICLES[TARGET]
    (ward / "content" / TARGET).write_bytes(encode(text.replace("date: 2026-03-15", "date: 2026-13-15"), how))
    as_json = ward_news("check", "--content", "content", "--format", "json", cwd=ward)
    import json

    problems = json.loads(as_json.stdout)
    assert as_json.returncode == 1
    assert [(p["code"], p["path"], p["line"], p["severity"]) for p in problems] == [
        ("article.date.invalid", f"content/{TARGET}", 3, "error")]
    github = ward_news("check", "--content", "content", "--format", "github", cwd=ward)
    assert github.stdout.startswith(f"::error file=content/{TARGET},line=3,title=article.date.invalid::Ngày “2026-13-15”")
