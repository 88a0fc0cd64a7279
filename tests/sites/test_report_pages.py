"""Report pages built for real: read back from the HTML, printed to PDF by headless Chromium."""

import functools
import http.server
import subprocess
import threading
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import article, build_site, make_site
from tests.core.test_reports import REPORT

REPORT_2024 = REPORT.replace("2025", "2024").replace("previous: 2100, ", "")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    files = {
        "content/site.yml": "name: Phường Thử Nghiệm\n",
        "content/reports/2025.md": REPORT,
        "content/reports/2024.md": REPORT_2024,
        **{f"content/news/2025/tin-{n}.md": article(title=f"Tin {n}", date=f"2025-{n:02d}-10") for n in range(1, 8)},
        "content/news/2026/moi.md": article(title="Tin mới", date="2026-01-02"),
    }
    result = build_site(make_site(tmp_path_factory.mktemp("reports"), files))
    assert result.ok, result.log
    return result


def test_report_page_shows_the_figures_the_counts_and_a_chart(built):
    page = built.html("bao-cao/2025/")
    assert page.select_one("h1").get_text() == "Tổng kết công tác Mặt trận năm 2025"
    text = " ".join(page.select_one("article").get_text(" ").split())
    for expected in ("hơn 2.500 phần", "gần 250 triệu đồng", "100%", "▲ 19%", "đạt 125% chỉ tiêu", "▲ 8 điểm %"):
        assert expected in text, expected
    total = page.select_one(".wn-counted-total")
    assert total.get_text(" ", strip=True).startswith("7 tin bài") and total.a["href"] == "../../luu-tru/2025/"
    charts = page.select("svg[role=img]")
    assert len(charts) == 3 and all(c.find("title").get_text() and c.find("desc").get_text() for c in charts)
    assert page.select_one('meta[name="ward-news:page"]')["content"] == "report"


def test_reports_are_in_the_menu_the_index_and_on_the_home_page(built):
    home = built.html("")
    menu = {a.get_text(strip=True): a["href"] for a in home.select("nav.md-nav--primary a.md-nav__link[href]")}
    assert menu.get("Báo cáo") == "bao-cao/"
    teaser = home.select_one(".wn-home__report")
    assert "Báo cáo tổng kết năm 2025" in teaser.get_text() and "hơn 2.500 phần" in teaser.get_text()
    index = built.html("bao-cao/")
    assert [a.get_text() for a in index.select(".wn-report-list h2 a")] == [
        "Tổng kết công tác Mặt trận năm 2025", "Tổng kết công tác Mặt trận năm 2024"]


def test_report_card_is_a_real_png(built):
    page = built.html("bao-cao/2025/")
    card = built.file(page.find("meta", property="og:image")["content"])
    with Image.open(card) as image:
        assert image.size == (1200, 630)
    assert card.stat().st_size <= 200_000


def test_report_prints_on_a_few_a4_pages_without_navigation(built, tmp_path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pdf = tmp_path / "bao-cao.pdf"
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", f"http://127.0.0.1:{server.server_port}/bao-cao/2025/"],
                       check=True, capture_output=True, timeout=120)
    finally:
        server.shutdown()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert 1 <= pages <= 4 and "(A4)" in size
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Tổng kết công tác Mặt trận năm 2025" in flat and "hơn 2.500 phần" in flat
    assert "Trang chủ" not in text and "Tất cả báo cáo" not in text  # no menu, no page navigation
