"""Article pages built by the real MkDocs + Material + plugin, read back as HTML."""

from pathlib import Path

import re
import pytest

from tests.conftest import article

PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()

HOSTILE_TITLE = '"</title><script>alert(1)</script> Trao quà & <b>niềm vui</b>"'
HOSTILE_BODY = """Đoạn mở đầu <script>alert(2)</script> có <a href="javascript:alert(3)">liên kết xấu</a>.

<img src="anh.png" onerror="alert(4)" alt="ảnh">

<iframe src="https://evil.example/"></iframe>

<p onclick="alert(5)" style="color:red">Đoạn có sự kiện</p>

[Bấm vào đây](javascript:alert(6)) và <a href="data:text/html,<script>alert(7)</script>">dữ liệu</a>

<svg onload="alert(8)"><use href="#x"/></svg>

## Kết quả

Đã trao 150 phần quà.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from tests.conftest import build_site, make_site

    root = make_site(tmp_path_factory.mktemp("article"), {
        "content/news/2026/trao-qua-tet.md": article(
            date='"2026-01-09 08:30"', tags="[An sinh, Tết Bính Ngọ]", author="CHÍ NGUYÊN",
            summary="Ủy ban MTTQ phường trao 150 phần quà cho hộ cận nghèo.", image="anh.png",
            image_alt="Lãnh đạo phường trao quà", image_caption="Trao quà tại hội trường. Ảnh: PV",
            source="Hà Nội Mới", source_url="https://hanoimoi.vn/trao-qua",
            body="Sáng 9/1, phường trao quà.\n\n![Quà Tết](anh.png)\n\n## Kết quả\n\nĐã trao 150 phần quà."),
        "content/news/2026/anh.png": PNG,
        "content/news/2026/hostile.md": article(title=HOSTILE_TITLE, date="2026-01-10", body=HOSTILE_BODY,
                                                 summary='"<img src=x onerror=alert(9)>"', tags='["<b>x</b>"]'),
        "content/news/2026/anh-nhap.png": PNG,
        "content/news/2026/nhap.md": article(title="Bài nháp", draft="true", image="anh-nhap.png"),
        "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nPhường Hòa Bình.\n",
        "content/site.yml": "name: Phường Thử Nghiệm\norganisation: Ủy ban MTTQ Việt Nam phường Thử Nghiệm\n",
    })
    result = build_site(root)
    assert result.ok, result.log
    return result


def test_headline_is_the_only_h1(built):
    page = built.html("tin-tuc/trao-qua-tet/")
    assert [h.get_text(strip=True) for h in page.find_all("h1")] == ["Trao quà Tết cho hộ cận nghèo"]
    assert page.html["lang"] == "vi"
    assert page.title.get_text() == "Trao quà Tết cho hộ cận nghèo – Phường Thử Nghiệm"


def test_date_in_vietnamese_with_machine_readable_time(built):
    time = built.html("tin-tuc/trao-qua-tet/").select_one(".wn-article__meta time")
    assert time.get_text() == "Thứ Sáu, 09/01/2026"
    assert time["datetime"] == "2026-01-09T08:30:00+07:00"


def test_byline_category_tags_lede_image_and_source(built):
    page = built.html("tin-tuc/trao-qua-tet/")
    assert page.select_one(".wn-byline").get_text() == "CHÍ NGUYÊN"
    kicker = page.select_one(".wn-kicker a")
    assert kicker.get_text() == "An sinh xã hội" and kicker["href"] == "../../chuyen-muc/an-sinh-xa-hoi/"
    assert [(a.get_text(), a["href"]) for a in page.select(".wn-tags a")] == [
        ("An sinh", "../../the/an-sinh/"), ("Tết Bính Ngọ", "../../the/tet-binh-ngo/")]
    assert page.select_one(".wn-lede").get_text() == "Ủy ban MTTQ phường trao 150 phần quà cho hộ cận nghèo."
    img = page.select_one(".wn-lead-image picture img")
    assert img["alt"] == "Lãnh đạo phường trao quà" and re.fullmatch(r"\.\./\.\./anh/[0-9a-f]{20}-8\.jpg", img["src"])
    assert (img["width"], img["height"], img.get("loading"), img["fetchpriority"]) == ("8", "8", None, "high")
    assert (built.site_dir / "tin-tuc/trao-qua-tet" / img["src"]).is_file()
    assert page.select_one(".wn-lead-image figcaption").get_text() == "Trao quà tại hội trường. Ảnh: PV"
    source = page.select_one(".wn-source a")
    assert source.get_text() == "Hà Nội Mới" and source["href"] == "https://hanoimoi.vn/trao-qua"
    body_img = page.select_one(".wn-article__body picture img")
    assert body_img["src"] == img["src"] and body_img["alt"] == "Quà Tết" and body_img["loading"] == "lazy"
    assert page.select_one(".wn-article__body picture source")["type"] == "image/webp"
    assert not (built.site_dir / "news/2026/anh.png").exists()  # the original is never published


def test_linked_pages_exist(built):
    page = built.html("tin-tuc/trao-qua-tet/")
    base = built.site_dir / "tin-tuc" / "trao-qua-tet"
    for link in page.select(".wn-article a[href]"):
        href = link["href"]
        if href.startswith("http"):
            continue
        target = (base / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), href


def test_open_graph_for_sharing(built):
    page = built.html("tin-tuc/trao-qua-tet/")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in page.find_all("meta")}
    assert meta["og:title"] == "Trao quà Tết cho hộ cận nghèo"
    assert meta["og:type"] == "article"
    assert meta["og:url"] == "https://phuong.example.vn/tin-tuc/trao-qua-tet/"
    assert meta["article:published_time"] == "2026-01-09T08:30:00+07:00"
    assert page.find("link", rel="canonical")["href"] == "https://phuong.example.vn/tin-tuc/trao-qua-tet/"


def test_hostile_title_is_escaped_everywhere(built):
    raw = (built.site_dir / "tin-tuc/hostile/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "</title><script>" not in raw and "<b>niềm vui</b>" not in raw
    page = built.html("tin-tuc/hostile/")
    title = "</title><script>alert(1)</script> Trao quà & <b>niềm vui</b>"
    assert page.select_one("h1").get_text() == title
    assert page.title.get_text() == title + " – Phường Thử Nghiệm"
    assert page.find("meta", property="og:title")["content"] == title
    assert page.find("meta", property="og:description")["content"] == "<img src=x onerror=alert(9)>"
    assert page.select_one(".wn-tags a").get_text() == "<b>x</b>"
    listing = (built.site_dir / "tin-tuc/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in listing and "<img src=x" not in listing and "&lt;img src=x onerror" in listing


def test_hostile_body_is_sanitised(built):
    body = built.html("tin-tuc/hostile/").select_one(".wn-article__body")
    assert body.find(["script", "iframe", "svg", "style"]) is None
    for element in body.find_all(True):
        assert not any(attr.startswith("on") or attr == "style" for attr in element.attrs), element
        for attr in ("href", "src"):
            value = element.get(attr, "")
            assert not value.lower().startswith(("javascript:", "data:")), element
    assert "Đoạn có sự kiện" in body.get_text() and body.find("h2").get_text() == "Kết quả"


def test_drafts_and_their_images_are_not_published(built):
    assert not (built.site_dir / "tin-tuc/nhap").exists()
    assert not (built.site_dir / "news/2026/anh-nhap.png").exists()
    assert "Bài nháp" not in (built.site_dir / "tin-tuc/index.html").read_text(encoding="utf-8")


def test_officer_sources_are_not_published_raw(built):
    published = {p.relative_to(built.site_dir).as_posix() for p in built.site_dir.rglob("*") if p.is_file()}
    assert not any(p.endswith((".md", ".yml")) for p in published), sorted(p for p in published if p.endswith((".md", ".yml")))


def test_plain_page_and_listings(built):
    page = built.html("gioi-thieu/")
    assert page.select_one("h1").get_text() == "Giới thiệu"
    index = built.html("tin-tuc/")
    titles = [a.get_text() for a in index.select(".wn-teaser__title a")]
    assert titles[0].startswith("</title><script>") and titles[1] == "Trao quà Tết cho hộ cận nghèo"
    category = built.html("chuyen-muc/an-sinh-xa-hoi/")
    assert category.select_one("h1").get_text() == "An sinh xã hội"
    assert built.html("the/tet-binh-ngo/").select(".wn-teaser__title a")[0].get_text() == "Trao quà Tết cho hộ cận nghèo"
    assert built.html("luu-tru/2026/").select_one("h1").get_text() == "Năm 2026"
    footer = built.html("").select_one(".wn-footer__org").get_text()
    assert footer == "Ủy ban MTTQ Việt Nam phường Thử Nghiệm"


def test_news_index_is_paginated(site_builder):
    files = {f"content/news/bai-{i:02d}.md": article(title=f"Bài số {i}", date=f"2026-01-{i:02d}") for i in range(1, 24)}
    result = site_builder(files)
    assert result.ok
    first, third = result.html("tin-tuc/"), result.html("tin-tuc/trang/3/")
    assert first.select_one(".wn-teaser__title a").get_text() == "Bài số 23"
    assert first.select_one("a[rel=next]")["href"] == "trang/2/"
    assert [a.get_text() for a in third.select(".wn-teaser__title a")] == ["Bài số 3", "Bài số 2", "Bài số 1"]
    assert third.select_one("a[rel=prev]")["href"] == "../2/" and third.select_one("a[rel=next]") is None


def test_building_twice_gives_identical_bytes(tmp_path):
    from tests.conftest import build_site, make_site

    root = make_site(tmp_path, {"content/news/a.md": article(), "content/news/b.md": article(title="B", date="2026-02-01")})
    first = build_site(root, tmp_path / "one")
    second = build_site(root, tmp_path / "two")

    def tree(path):
        return {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()
                and not p.name.startswith("sitemap")}

    assert first.ok and second.ok and tree(first.site_dir) == tree(second.site_dir)


def test_material_markup_is_valid_and_404_is_vietnamese(built):
    for url in ("tin-tuc/trao-qua-tet/", "404.html", ""):
        page = built.html(url)
        assert all(not i.has_attr("autocomplete") for i in page.select("input.md-toggle")), url
        assert page.select('label[for="__toc"]') == [] or page.select("#__toc"), url
    missing = built.html("404.html")
    assert missing.select_one("h1").get_text() == "Không tìm thấy trang"
    # Relative to the base its head script sets where it is shown (tests/sites/test_not_found.py)
    assert missing.find("a", string="trang chủ")["href"] == "."


def test_pages_announce_their_kind(built):
    kinds = {url: built.html(url).find("meta", attrs={"name": "ward-news:page"})["content"]
             for url in ("", "tin-tuc/", "tin-tuc/trao-qua-tet/", "chuyen-muc/an-sinh-xa-hoi/", "the/tet-binh-ngo/",
                         "luu-tru/2026/", "gioi-thieu/")}
    assert kinds == {"": "home", "tin-tuc/": "news-index", "tin-tuc/trao-qua-tet/": "article",
                     "chuyen-muc/an-sinh-xa-hoi/": "category", "the/tet-binh-ngo/": "tag", "luu-tru/2026/": "archive",
                     "gioi-thieu/": "page"}


def test_no_empty_table_of_contents_and_no_tab_script(built):
    """Every page hides its table of contents and none has tabs: Material's empty sidebar and
    its tab script (and that script's hash in the page's policy) are not published."""
    raw = (built.site_dir / "tin-tuc/trao-qua-tet/index.html").read_text(encoding="utf-8")
    page = built.html("tin-tuc/trao-qua-tet/")
    assert page.select_one(".md-sidebar--secondary") is None
    assert page.select_one(".md-sidebar--primary .md-nav--primary")  # the phone's menu stays
    assert "__tabbed_" not in raw
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    inline = [s for s in page.find_all("script") if not s.get("src") and s.get("type") in (None, "text/javascript")]
    assert policy.count("'sha256-") == len(inline)
