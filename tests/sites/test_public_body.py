"""A public body's site built for real: documents with their files, notices that expire, the
organisation and English pages, print to PDF with a QR code, search by số ký hiệu, and the
compliance warnings of `ward-news check`."""

from __future__ import annotations

import re
import subprocess

import feedparser
import pytest
import zxingcpp
from PIL import Image

from tests.cli.test_cli import ward_news
from tests.conftest import NOW, article, build_site, make_site, served
from tests.core.test_documents import ABOUT, PDF, document, ooxml

SITE = "https://phuong.example.vn/"
HOSTILE = "<script>alert(1)</script> Kế hoạch “đặc biệt” & <b>khẩn</b>"


def files() -> dict:
    return {
        "content/site.yml": ABOUT,
        "content/documents/files/125.pdf": PDF,
        "content/documents/files/212.docx": ooxml("word/document.xml"),
        "content/documents/files/09.pdf": PDF + b"%" + b"0" * 3000,
        "content/documents/2026-125-tb-ubnd.md": document(
            title="Lịch tạm ngừng cung cấp điện tháng 11", expires="2026-11-15",
            signer="KT. Chủ tịch, Phó Chủ tịch Trần Thị Bích Ngọc"),
        "content/documents/2026-212-ubnd-vp.md": document(
            number="212/UBND-VP", type="Công văn", date="2026-11-10", effective="2026-11-12", file="files/212.docx",
            title="Về việc tiêm chủng vắc xin sởi đợt 2", body="Trạm Y tế phường tiêm miễn phí."),
        "content/documents/2025-09-kh-mttq.md": document(
            number="09/KH-MTTQ", type="Kế hoạch", date="2025-09-15", file="files/09.pdf", title=f"'{HOSTILE}'",
            body="Xem thêm [biểu mẫu đăng ký](files/212.docx)."),
        "content/news/2026/cat-dien.md": article(title="Thông báo cắt điện khu Tân Hòa", date="2026-11-01",
                                                 expires="2026-11-10", category="Hoạt động Mặt trận"),
        "content/news/2026/tiep-dan.md": article(title="Lịch tiếp dân tháng 12", date="2026-11-18",
                                                 expires="2026-12-31", category="Hoạt động Mặt trận"),
        "content/news/2026/tin-thuong.md": article(title="Trao quà cho hộ nghèo", date="2026-11-05"),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_site(make_site(tmp_path_factory.mktemp("public-body"), files()))
    assert result.ok, result.log + result.error
    return result


def text_of(soup, selector) -> str:
    return " ".join(soup.select_one(selector).get_text(" ").split())


def test_a_document_page_shows_its_particulars_and_links_its_shipped_file(built):
    soup = built.html("van-ban/2026-212-ubnd-vp")
    assert soup.h1.get_text(strip=True) == "Về việc tiêm chủng vắc xin sởi đợt 2"
    rows = {tr.th.get_text(strip=True): " ".join(tr.td.get_text(" ").split()) for tr in soup.select(".wn-particulars tr")}
    assert rows == {"Số, ký hiệu": "212/UBND-VP", "Loại văn bản": "Công văn",
                    "Cơ quan ban hành": "Ủy ban nhân dân phường Hòa Bình", "Ngày ban hành": "10/11/2026",
                    "Ngày có hiệu lực": "12/11/2026", "Trích yếu": "Về việc tiêm chủng vắc xin sởi đợt 2"}
    link = soup.select_one(".wn-download a")
    assert " ".join(link.get_text(" ").split()) == "Tải văn bản (Word, 1 KB)"
    assert link["type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    shipped = (built.site_dir / "van-ban" / "2026-212-ubnd-vp" / link["href"]).resolve()
    assert shipped == (built.site_dir / "documents" / "files" / "212.docx").resolve()
    assert shipped.read_bytes() == ooxml("word/document.xml")
    assert soup.find("meta", property="og:image") is not None
    card = built.file(soup.find("meta", property="og:image")["content"])
    with Image.open(card) as image:
        assert image.size == (1200, 630)


def test_only_referenced_files_are_published(built):
    published = sorted(p.name for p in (built.site_dir / "documents" / "files").iterdir())
    assert published == ["09.pdf", "125.pdf", "212.docx"]
    assert not list(built.site_dir.rglob("*.md"))


def test_officer_text_in_a_document_is_escaped_in_page_card_and_feed(built):
    page = (built.site_dir / "van-ban" / "2025-09-kh-mttq" / "index.html").read_text("utf-8")
    assert "<script>alert(1)" not in page and "<b>khẩn</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    feed = feedparser.parse((built.site_dir / "van-ban" / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if "09/KH-MTTQ" in e.title)
    assert HOSTILE in entry.title and "<script>" not in entry.content[0].value


def test_documents_have_their_own_feed_with_the_file_as_enclosure(built):
    assert not (built.site_dir / "van-ban" / "atom.xml").exists()  # RSS alone, as a category's
    for name in ("feed.xml",):
        feed = feedparser.parse((built.site_dir / "van-ban" / name).read_bytes())
        assert feed.bozo == 0, feed.bozo_exception
        assert [e.link for e in feed.entries] == [SITE + "van-ban/2026-212-ubnd-vp/", SITE + "van-ban/2026-125-tb-ubnd/",
                                                  SITE + "van-ban/2025-09-kh-mttq/"]
        enclosure = next(l for l in feed.entries[0].links if l.rel == "enclosure")
        assert enclosure.href == SITE + "documents/files/212.docx" and int(enclosure.length) == len(ooxml("word/document.xml"))
        assert "212/UBND-VP" in feed.entries[0].content[0].value
    site_feed = feedparser.parse((built.site_dir / "feed.xml").read_bytes())
    assert SITE + "van-ban/2026-212-ubnd-vp/" in [e.link for e in site_feed.entries]  # every kind of item
    index = built.html("van-ban")
    assert [a["href"] for a in index.select(".wn-listing__feeds a")] == ["feed.xml"]


def test_the_documents_page_lists_current_then_expired(built):
    soup = built.html("van-ban")
    current = [li["data-type"] for li in soup.select("#wn-documents-current ~ ul li")]
    expired = [li.select_one("h3").get_text(strip=True) for li in soup.select("#wn-documents-expired ~ ul li")]
    assert current == ["Công văn", "Kế hoạch"] and expired == ["Lịch tạm ngừng cung cấp điện tháng 11"]
    assert [o.get_text() for o in soup.select("select[name=loai] option")] == ["Tất cả", "Thông báo", "Kế hoạch", "Công văn"]
    assert [o.get_text() for o in soup.select("select[name=nam] option")] == ["Tất cả", "2026", "2025"]


def test_an_expired_notice_leaves_the_home_page_keeps_its_url_and_shows_the_banner(built, tmp_path):
    home = built.html("")
    titles = [h.get_text(strip=True) for h in home.select(".wn-home__latest .wn-teaser__title")]
    assert "Thông báo cắt điện khu Tân Hòa" not in titles and "Lịch tiếp dân tháng 12" in titles
    documents = [h.get_text(strip=True) for h in home.select(".wn-home__documents h3")]
    assert "Lịch tạm ngừng cung cấp điện tháng 11" not in documents and len(documents) == 2
    page = built.html("tin-tuc/cat-dien")
    assert text_of(page, ".wn-expired").startswith("Hết hiệu lực. Thông báo này chỉ có giá trị đến hết ngày 10/11/2026")
    assert page.select_one(".wn-expires") is None
    current = built.html("tin-tuc/tiep-dan")
    assert current.select_one(".wn-expired") is None and "31/12/2026" in text_of(current, ".wn-expires")
    assert built.html("van-ban/2026-125-tb-ubnd").select_one(".wn-expired") is not None
    # The same content with the clock before the end: the notice is back on the home page, no banner.
    earlier = build_site(make_site(tmp_path, files(), plugin={"now": "2026-11-08 09:00"}))
    assert earlier.ok, earlier.error
    titles = [h.get_text(strip=True) for h in earlier.html("").select(".wn-home__latest .wn-teaser__title")]
    assert "Thông báo cắt điện khu Tân Hòa" in titles
    assert earlier.html("tin-tuc/cat-dien").select_one(".wn-expired") is None


def test_the_organisation_page_has_callable_contacts_and_the_portals(built):
    soup = built.html("to-chuc")
    assert soup.h1.get_text(strip=True) == "Giới thiệu tổ chức"
    contact = soup.select_one(".wn-contact")
    assert contact.select_one("a[href^='tel:']")["href"] == "tel:0912345678"
    assert contact.select_one("a[href^='mailto:']")["href"] == "mailto:an@example.vn"
    assert soup.select_one("a[href^='https://www.openstreetmap.org']").get_text() == "xem bản đồ"
    assert [a["href"] for a in soup.select("#wn-portals ~ ul a")] == ["https://dichvucong.gov.vn"]
    assert "Hội Cựu chiến binh" in text_of(soup, "#wn-structure ~ div")
    assert "Tổ chức" in [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
    english = built.html("en")
    main = english.select_one("[lang=en]")
    assert main.h1.get_text(strip=True) == "Hoa Binh Ward Fatherland Front"
    assert main.select_one("a[href^='tel:']")["href"] == "tel:0912345678"


def test_print_to_pdf_has_no_navigation_and_a_qr_code_to_the_page(built, tmp_path):
    pdf = tmp_path / "van-ban.pdf"
    with served(built.site_dir) as server:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", server.url + "van-ban/2026-212-ubnd-vp/"],
                       check=True, capture_output=True, timeout=120)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Về việc tiêm chủng vắc xin sởi đợt 2" in text and "212/UBND-VP" in text
    for navigation in ("Trang chủ", "Tin tức", "Tổ chức", "Lưu / In", "Sao chép liên kết", "Tải văn bản", "Cỡ chữ"):
        assert navigation not in text, navigation
    assert SITE + "van-ban/2026-212-ubnd-vp/" in text  # the address, printed under the QR code
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    decoded = [code.text for png in sorted(tmp_path.glob("page*.png")) for code in zxingcpp.read_barcodes(Image.open(png))]
    assert decoded == [SITE + "van-ban/2026-212-ubnd-vp/"]


def test_save_and_print_button_is_offered_with_javascript(built, chromium):
    with served(built.site_dir) as server:
        page = chromium.new_page(viewport={"width": 390, "height": 900})
        page.goto(server.url + "van-ban/2026-212-ubnd-vp/")
        button = page.locator(".wn-share__print")
        assert button.is_visible() and button.inner_text() == "Lưu / In"
        assert "Lưu dưới dạng PDF" in page.inner_text("#wn-print-help")
        page.close()


def test_the_documents_page_filters_by_type_and_year_in_the_browser(built, chromium):
    with served(built.site_dir) as server:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.url + "van-ban/")
        visible = lambda: page.eval_on_selector_all(".wn-document-item:not([hidden]) .wn-document-number",
                                                    "els => els.map(e => e.textContent)")
        assert visible() == ["212/UBND-VP", "09/KH-MTTQ", "125/TB-UBND"]
        page.select_option("select[name=loai]", "Thông báo")
        assert visible() == ["125/TB-UBND"] and page.url.endswith("/van-ban/?loai=Th%C3%B4ng+b%C3%A1o")
        assert page.is_hidden("#wn-documents-current") and page.inner_text(".wn-filter__status") == "Có 1 văn bản phù hợp."
        page.goto(server.url + "van-ban/?nam=2025")
        assert visible() == ["09/KH-MTTQ"] and page.input_value("select[name=nam]") == "2025"
        page.close()


def test_search_finds_a_document_by_its_number(built, chromium):
    with served(built.site_dir) as server:
        page = chromium.new_page(viewport={"width": 390, "height": 900})
        for query in ("125/TB-UBND", "212/UBND-VP", "212 ubnd vp"):
            page.goto(server.url + "tim-kiem/?q=" + query)
            page.wait_for_selector(".wn-search[data-state=done]")
            hrefs = [a.get_attribute("href") for a in page.query_selector_all(".wn-search__result h2 a")]
            expected = "/van-ban/2026-125-tb-ubnd/" if "125" in query else "/van-ban/2026-212-ubnd-vp/"
            assert hrefs[:1] == [expected], (query, hrefs)
        page.close()


def test_check_warns_about_what_the_decree_asks_until_the_content_has_it(tmp_path):
    for name in ("bare", "full", "no-english"):
        (tmp_path / name).mkdir()
    bare = make_site(tmp_path / "bare", {"content/news/2026/a.md": article()})
    result = ward_news("check", cwd=bare)
    assert result.returncode == 0, result.stderr
    warnings = re.findall(r"content/site\.yml: cảnh báo: (.*)", result.stdout + result.stderr)
    assert len(warnings) == 4, result.stdout + result.stderr
    full = make_site(tmp_path / "full", {k: v for k, v in files().items()}
                     | {"content/site.yml": ABOUT + "  english_summary: The ward's Fatherland Front committee.\n"})
    result = ward_news("check", cwd=full)
    assert result.returncode == 0 and "compliance" not in result.stdout + result.stderr
    assert "42/2022" not in result.stdout + result.stderr
    no_english = make_site(tmp_path / "no-english", files() | {"content/site.yml": ABOUT.replace(
        "  english_name: Hoa Binh Ward Fatherland Front\n", "")})
    result = ward_news("check", cwd=no_english)
    assert "tiếng Anh" in result.stdout + result.stderr and "42/2022" not in result.stdout + result.stderr
