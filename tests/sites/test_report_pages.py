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
    assert card.stat().st_size <= 80_000


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
    assert report.select_one(".wn-print-qr img")["src"].endswith(".png")


def test_report_figures_download_as_csv_and_json_with_the_published_numbers(built):
    import csv
    import io
    import json

    page = built.html("bao-cao/2025/")
    links = {a.get_text(): a["href"] for a in page.select(".wn-report__data a")}
    csv_file = built.site_dir / "bao-cao/2025" / links["bảng tính CSV"]
    data = csv_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads the BOM as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    report = json.loads((built.site_dir / "bao-cao/2025" / links["JSON"]).read_text("utf-8"))
    items = [item for group in report["nhom"] for item in group["chi_tieu"]]
    assert report["nam"] == 2025 and len(rows) == len(items) > 0
    for row, item in zip(rows, items):
        assert row["chi_tieu"] == item["ten"] and float(row["gia_tri"]) == item["gia_tri"]
        assert (row["nam_truoc"] == "") == (item["nam_truoc"] is None)


def test_officer_text_in_the_csv_is_never_a_spreadsheet_formula():
    from datetime import datetime

    from generator.core.model import Indicator, IndicatorGroup, Report
    from generator.core.reports import report_data_files

    hostile = Indicator(label='=HYPERLINK("https://x.example","bấm")', value=1, unit="+phần", previous=None,
                        target=None, note="@chú", line=8)
    report = Report(src_uri="reports/2025.md", path="content/reports/2025.md", year=2025, title="Báo cáo",
                    date=datetime(2026, 1, 10), summary="", description="", body="", body_line=1,
                    groups=(IndicatorGroup(name="-Nhóm", items=(hostile,)),))
    text = report_data_files([report])["bao-cao/2025/so-lieu-2025.csv"].decode("utf-8-sig")
    row = text.splitlines()[1]
    assert row.startswith("'-Nhóm,") and "'=HYPERLINK" in row and "'+phần" in row and "'@chú" in row


def test_the_report_index_shows_the_figures_that_recur_year_by_year(built):
    page = built.html("bao-cao/")
    table = page.select_one(".wn-report__years table")
    assert [th.get_text() for th in table.select("thead th")] == ["Chỉ tiêu", "2024", "2025"]
    rows = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr")}
    report = built.html("bao-cao/2025/")
    first_label = report.select_one(".wn-figures tbody th").get_text()
    first_value = " ".join(report.select_one(".wn-figures tbody td .wn-nowrap").get_text().split())
    assert rows[first_label][1] == first_value and rows[first_label][0]  # 2025's figure, and 2024's beside it
    assert [a.get_text() for a in page.select(".wn-report-list h2 a")][0].endswith("2025")  # reports still listed
