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
    assert 1 <= pages <= 3 and "(A4)" in size  # the conference handout: narrative and compact tables
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Tổng kết công tác Mặt trận năm 2025" in flat and "hơn 2.500 phần" in flat
    assert "Trang chủ" not in text and "Tất cả báo cáo" not in text  # no menu, no page navigation
    first = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    opening = " ".join(built.html("bao-cao/2025/").select_one(".wn-report__narrative p").get_text().split())
    assert opening[:60] in first  # the narrative's first sentence is on page 1
    last = " ".join(subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "bao-cao/2025/" in last and "Quét mã QR" in last  # ends with its address and QR code, like an article
    assert "Trang thông tin năm 2025" not in flat  # the site's own counts stay on the screen


def test_report_reads_narrative_first_then_figures_then_the_sites_counts(built):
    page = built.html("bao-cao/2025/")
    report = page.select_one(".wn-report")
    order = [el for el in report.select(".wn-report__narrative, table.wn-figures, .wn-report__counted")
             if el.find_parent(class_="wn-report__counted") is None]  # its monthly table belongs to it
    kinds = [("narrative" if "wn-report__narrative" in el.get("class", []) else
              "counted" if "wn-report__counted" in el.get("class", []) else "figures") for el in order]
    assert kinds[0] == "narrative" and kinds[-1] == "counted" and "figures" in kinds
    headings = [" ".join(h.get_text().split()) for h in report.select("h1, h2, h3")]
    assert [h for h in set(headings) if headings.count(h) > 1] == []  # no heading text twice
    assert report.select_one(".wn-print-qr img")["src"].endswith(".svg")
