"""Sharing, built for real: feeds read back with feedparser, share meta read from the HTML,
cards opened with Pillow, a hostile title followed into every output."""

from __future__ import annotations

import re
import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from lxml import etree
from PIL import Image
import zxingcpp

from generator.core.feeds import CATEGORY_FEED_SIZE, FEED_SIZE
from generator.core.quotes import curly_quotes
from tests.conftest import article, build_site, make_site, served, settle

PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()
HOSTILE = '"</title><script>alert(1)</script> Quà & <b>“niềm vui”</b>'
PRINTED = curly_quotes(HOSTILE)  # as every output prints it: with typographic quotes
LONG_FIRST_PARAGRAPH = ("Sáng 9/1, Ủy ban Mặt trận Tổ quốc Việt Nam phường phối hợp với các chi hội đoàn thể tổ chức "
                        "trao 150 phần quà Tết cho hộ cận nghèo, gia đình chính sách và người cao tuổi neo đơn trên "
                        "địa bàn, mỗi phần quà trị giá 500.000 đồng gồm tiền mặt và nhu yếu phẩm.")


def _files():
    files = {
        "content/site.yml": "name: Phường Thử Nghiệm\norganisation: Ủy ban MTTQ Việt Nam phường Thử Nghiệm\n"
                            "logo: logo.png\n",
        "content/logo.png": PNG,
        "content/news/2026/trao-qua-tet.md": article(
            date='"2026-01-09 08:30"', tags="[An sinh, Tết]", author="CHÍ NGUYÊN", image="anh.png",
            image_alt="Trao quà", body=LONG_FIRST_PARAGRAPH + "\n\n![Quà](anh.png)\n\n[Bài khác](chuyen-doi-so.md)\n\n"
                                       "## Kết quả\n\nĐã trao 150 phần quà."),
        "content/news/2026/anh.png": PNG,
        "content/news/2026/chuyen-doi-so.md": article(
            title="Hướng dẫn người cao tuổi dùng VNeID", date="2026-02-01", category="Chuyển đổi số",
            updated="2026-02-03", summary="Tổ công nghệ số cộng đồng hướng dẫn 40 cụ cài VNeID."),
        "content/news/2026/doc-hai.md": article(title=f"'{HOSTILE}'", date="2026-02-05", summary='"<img src=x onerror=alert(9)>"',
                                               body="Nội dung <script>alert(2)</script> an toàn."),
        "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nỦy ban MTTQ phường Thử Nghiệm.\n",
        "content/reports/2025.md": "---\ntitle: Tổng kết năm 2025\nyear: 2025\ndate: 2026-01-20\nindicators:\n"
                                   "  - group: An sinh xã hội\n    items:\n"
                                   "      - {label: Phần quà, value: 2500, unit: phần, note: hơn}\n---\n"
                                   "Năm 2025, Mặt trận phường **hoàn thành** các chỉ tiêu.\n",
    }
    for day in range(1, 36):  # more than one feed's worth in one category
        files[f"content/news/2025/tin-{day:02d}.md"] = article(
            title=f"Tin hoạt động số {day}", date=f"2025-{1 + day // 28:02d}-{1 + day % 28:02d}",
            category="Hoạt động Mặt trận")
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("sharing"), _files())
    result = build_site(root)
    assert result.ok, result.log
    return result


def _pages(built):
    return sorted(p for p in built.site_dir.rglob("index.html") if "the-chia-se" not in p.parts)


def _meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_share_meta_and_a_real_card(built):
    from bs4 import BeautifulSoup

    pages = _pages(built)
    assert len(pages) > 10
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        where = path.relative_to(built.site_dir).as_posix()
        for key in ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name", "og:image",
                    "og:image:alt", "twitter:card", "description"):
            assert _meta(soup, key), f"{where}: no {key}"
        assert _meta(soup, "og:locale") == "vi_VN"
        assert _meta(soup, "twitter:card") == "summary_large_image"  # X takes title, text and image from og:
        assert not soup.find("meta", attrs={"name": ["twitter:title", "twitter:description", "twitter:image"]})
        assert _meta(soup, "twitter:image:alt") == _meta(soup, "og:image:alt")
        assert _meta(soup, "og:url") == soup.find("link", rel="canonical")["href"]
        card_url = _meta(soup, "og:image")
        assert card_url.startswith("https://phuong.example.vn/the-chia-se/"), where
        card = built.file(card_url)
        with Image.open(card) as image:
            assert image.size == (1200, 630) and image.format == "PNG", where
        assert card.stat().st_size <= 80_000
        assert (_meta(soup, "og:image:width"), _meta(soup, "og:image:height")) == ("1200", "630")


def test_tag_and_year_lists_show_the_wards_card_under_their_own_title(built):
    home = built.html("")
    for where, title in (("the/tet/", "Thẻ: Tết"), ("luu-tru/2025/", "Lưu trữ: Năm 2025")):
        soup = built.html(where)
        assert _meta(soup, "og:image") == _meta(home, "og:image"), where  # one file, not one per tag and year
        assert _meta(soup, "og:image:alt") == _meta(home, "og:image:alt") == "Phường Thử Nghiệm – Phường Thử Nghiệm"
        assert _meta(soup, "og:title") == title
    category = built.html("chuyen-muc/an-sinh-xa-hoi/")  # a category keeps its own
    assert _meta(category, "og:image") != _meta(home, "og:image")
    assert _meta(category, "og:image:alt") == "Chuyên mục: An sinh xã hội – Phường Thử Nghiệm"


def test_article_meta_says_what_the_article_is(built):
    soup = built.html("tin-tuc/chuyen-doi-so/")
    assert _meta(soup, "og:type") == "article"
    assert _meta(soup, "article:published_time") == "2026-02-01T00:00:00+07:00"
    assert _meta(soup, "article:modified_time") == "2026-02-03T00:00:00+07:00"
    assert _meta(soup, "article:section") == "Chuyển đổi số"
    assert _meta(soup, "description") == "Tổ công nghệ số cộng đồng hướng dẫn 40 cụ cài VNeID."
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Hướng dẫn người cao tuổi dùng VNeID"
    assert data["datePublished"] == "2026-02-01T00:00:00+07:00"


def test_description_without_summary_is_the_first_paragraph_cut_at_a_word(built):
    description = _meta(built.html("tin-tuc/trao-qua-tet/"), "description")
    assert description.endswith("…") and 120 <= len(description) <= 161
    assert LONG_FIRST_PARAGRAPH.startswith(description[:-1])
    assert LONG_FIRST_PARAGRAPH[len(description) - 1] == " "  # cut between words
    home = built.html("")
    assert _meta(home, "description")  # a ward that writes no description still gets one
    assert "Ủy ban MTTQ Việt Nam phường Thử Nghiệm" in _meta(home, "description")


def test_every_card_is_distinct_per_article_and_named_by_its_content(built):
    urls = {_meta(built.html(f"tin-tuc/{slug}/"), "og:image") for slug in ("trao-qua-tet", "chuyen-doi-so", "tin-01")}
    assert len(urls) == 3
    assert all(len(u.rsplit("-", 1)[-1]) == len("0123456789abcdef.png") for u in urls)


def _announced_feeds(soup):
    return {link["href"]: link["type"] for link in soup.find_all("link", rel="alternate")}


def test_feeds_are_announced_on_every_page_and_linked_visibly(built):
    from bs4 import BeautifulSoup

    for path in _pages(built):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        types = set(_announced_feeds(soup).values())
        assert types == {"application/rss+xml", "application/atom+xml"}, path
        assert soup.find("a", string="Theo dõi qua RSS"), path
    category = built.html("chuyen-muc/an-sinh-xa-hoi/")
    here = "https://phuong.example.vn/chuyen-muc/an-sinh-xa-hoi/"
    link = urljoin(here, category.find("a", string="Theo dõi chuyên mục qua RSS")["href"])
    assert link == here + "feed.xml" and built.file(link).is_file()
    # A category's own feeds are announced in its body (rel=alternate <a>, as HTML allows): a
    # <link rel=alternate> makes Material fetch a sitemap.xml beside it, a 404 on every view.
    body_feeds = {urljoin(here, a["href"]): a["type"] for a in category.find_all("a", rel="alternate")}
    assert body_feeds == {here + "feed.xml": "application/rss+xml"}  # RSS alone: the contract's
    assert not built.file(here + "atom.xml").exists()
    assert set(_announced_feeds(category)) == {"../../feed.xml", "../../atom.xml"}


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_site_feeds_parse_newest_first_with_full_content(built, name):
    raw = (built.site_dir / name).read_bytes()
    feed = feedparser.parse(raw)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == FEED_SIZE
    published = [e.published_parsed for e in feed.entries]
    assert published == sorted(published, reverse=True)
    assert (b"+0700" if name == "feed.xml" else b"+07:00") in raw
    titles = [e.title for e in feed.entries]
    assert titles[0] == PRINTED  # the hostile title comes back as the text written, its quotes curled
    first = next(e for e in feed.entries if e.link.endswith("/tin-tuc/trao-qua-tet/"))
    content = first.content[0].value
    assert re.search(r'src="https://phuong\.example\.vn/anh/[0-9a-f]{20}-8\.jpg"', content)
    assert "news/2026/anh.png" not in content  # the original is not published
    assert 'href="https://phuong.example.vn/tin-tuc/chuyen-doi-so/"' in content
    assert "Đã trao 150 phần quà." in content
    root = etree.fromstring(raw)
    assert not root.xpath("//*[local-name()='script']")


def test_site_feed_carries_the_report_with_its_figures_and_narrative(built):
    feed = feedparser.parse((built.site_dir / "atom.xml").read_bytes())
    (report,) = [e for e in feed.entries if e.link == "https://phuong.example.vn/bao-cao/2025/"]
    assert report.title == "Tổng kết năm 2025" and report.tags[0].label == "Báo cáo tổng kết"
    content = report.content[0].value
    assert "Phần quà: <strong>hơn 2.500 phần</strong>" in content
    assert "<strong>hoàn thành</strong> các chỉ tiêu" in content  # the body as the page renders it
    assert built.file(report.link).is_file()


def test_category_feed_holds_only_its_category(built):
    feed = feedparser.parse((built.site_dir / "chuyen-muc/chuyen-doi-so/feed.xml").read_bytes())
    assert feed.bozo == 0
    assert [e.title for e in feed.entries] == ["Hướng dẫn người cao tuổi dùng VNeID"]
    busy = feedparser.parse((built.site_dir / "chuyen-muc/hoat-dong/feed.xml").read_bytes())
    assert len(busy.entries) == CATEGORY_FEED_SIZE and {e.tags[0].term for e in busy.entries} == {"Hoạt động Mặt trận"}


def test_hostile_title_is_inert_in_html_meta_and_json(built):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built.site_dir / "tin-tuc/doc-hai/index.html").read_text(encoding="utf-8"), "lxml")
    # Officer text comes back as text: in the headline, the meta tags and the JSON-LD.
    assert soup.select_one("h1").get_text() == PRINTED
    assert _meta(soup, "og:title") == PRINTED
    assert _meta(soup, "twitter:image:alt") == _meta(soup, "og:image:alt") == f"{PRINTED} – Phường Thử Nghiệm"
    assert _meta(soup, "description") == _meta(soup, "og:description") == "<img src=x onerror=alert(9)>"
    (ld,) = soup.find_all("script", type="application/ld+json")
    assert "<" not in ld.string and json.loads(ld.string)["headline"] == PRINTED
    # ...and never as markup: no element it could have smuggled in, no executable script holding it.
    assert soup.find("img", src="x") is None and soup.find("b", string="“niềm vui”") is None
    assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    executable = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert executable and not any("alert" in (s.string or "") for s in executable)


def test_article_has_share_buttons_and_a_print_qr_code(built):
    soup = built.html("tin-tuc/trao-qua-tet/")
    share = soup.select_one(".wn-share")
    assert not share.find("button")  # made by ward-news.js: without it they would be dead
    facebook = share.find("a", string="Chia sẻ lên Facebook")["href"]
    assert facebook == "https://www.facebook.com/sharer/sharer.php?u=https%3A//phuong.example.vn/tin-tuc/trao-qua-tet/"
    qr = soup.select_one(".wn-print-qr img")
    with Image.open(built.site_dir / "tin-tuc/trao-qua-tet" / qr["src"]) as code:
        assert code.format == "PNG" and code.mode == "1" and code.size == (164, 164)  # 4 px a module
        assert [c.text for c in zxingcpp.read_barcodes(code.convert("L"))] == [
            "https://phuong.example.vn/tin-tuc/trao-qua-tet/"]
    assert (built.site_dir / "tin-tuc/trao-qua-tet" / qr["src"]).stat().st_size < 600


def test_the_share_buttons_made_by_script_share_copy_and_print_this_page(built, chromium):
    """ward-news.js makes the buttons that need it: the phone's share sheet (where the browser has
    one: this Chromium has none, so the page gets a recording one), copy, print."""
    shared = "https://phuong.example.vn/tin-tuc/trao-qua-tet/"
    with served(built.site_dir) as server:
        context = chromium.new_context(viewport={"width": 390, "height": 800})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url.rstrip("/"))
        context.add_init_script("navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };")
        page = context.new_page()
        page.goto(server.url + "tin-tuc/trao-qua-tet/")
        settle(page)
        labels = page.eval_on_selector_all(".wn-share__buttons > *", "els => els.map(e => e.textContent)")
        assert labels == ["Chia sẻ qua Zalo, Messenger…", "Sao chép liên kết", "Chia sẻ lên Facebook", "Lưu / In"]
        page.click(".wn-share__native")
        assert page.evaluate("window.__shared") == {"title": "Trao quà Tết cho hộ cận nghèo", "url": shared}
        page.click(".wn-share__copy")
        page.locator(".wn-share__status", has_text="Đã sao chép liên kết.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == shared  # the page's address, not the server's
        assert page.get_attribute(".wn-share__print", "aria-describedby") == "wn-print-help"
        assert "Lưu dưới dạng PDF" in page.inner_text("#wn-print-help")
        page.goto(server.url + "bao-cao/2025/")  # the report's own print button, in its HTML, hidden
        settle(page)
        assert page.is_visible(".wn-report__print .wn-share__print")
        context.close()


def test_second_build_draws_no_card_and_gives_the_same_site(built, tmp_path):
    again = build_site(built.root, tmp_path / "again")
    assert again.ok
    assert again.stats.cards_drawn == 0 and again.stats.cards_reused == built.stats.cards_drawn + built.stats.cards_reused
    assert again.stats.qr_made == 0
    for name in ("feed.xml", "atom.xml", "chuyen-muc/hoat-dong/feed.xml", "tin-tuc/trao-qua-tet/index.html"):
        assert (again.site_dir / name).read_bytes() == (built.site_dir / name).read_bytes(), name


def test_an_empty_cache_gives_the_same_cards(built, tmp_path):
    shutil.rmtree(built.root / ".cache")
    fresh = build_site(built.root, tmp_path / "fresh")
    assert fresh.ok and fresh.stats.cards_reused == 0 and fresh.stats.cards_drawn == built.stats.cards_drawn
    cards = sorted(p.relative_to(built.site_dir) for p in (built.site_dir / "the-chia-se").glob("*.png"))
    assert cards == sorted(p.relative_to(fresh.site_dir) for p in (fresh.site_dir / "the-chia-se").glob("*.png"))
    for card in cards:
        assert (fresh.site_dir / card).read_bytes() == (built.site_dir / card).read_bytes()


def test_later_pages_of_a_list_share_the_first_page_card_and_its_words(built):
    first, second = built.html("chuyen-muc/hoat-dong/"), built.html("chuyen-muc/hoat-dong/trang/2/")
    assert second.title.get_text().startswith("Chuyên mục: Hoạt động Mặt trận – Trang 2")
    for key in ("og:title", "og:image"):
        assert _meta(second, key) == _meta(first, key)
    assert _meta(first, "og:title") == "Chuyên mục: Hoạt động Mặt trận"


def test_home_json_ld_names_the_organisation_and_the_site_search(built):
    home = built.html("")
    (script,) = home.find_all("script", type="application/ld+json")
    graph = {node["@type"]: node for node in json.loads(script.string)["@graph"]}
    org, site = graph["GovernmentOrganization"], graph["WebSite"]
    assert org["name"] == "Ủy ban MTTQ Việt Nam phường Thử Nghiệm" and org["url"] == "https://phuong.example.vn/"
    assert org["logo"].startswith("https://phuong.example.vn/") and site["publisher"] == {"@id": org["@id"]}
    action = site["potentialAction"]
    assert action["target"] == "https://phuong.example.vn/tim-kiem/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert built.file("tim-kiem/").is_file()
