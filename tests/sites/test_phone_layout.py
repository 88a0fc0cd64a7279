"""The phone layout, measured in Chromium on the sample ward: a header whose ward name stays on
one line beside a search that opens when tapped, teasers whose headline keeps the screen's full
width, no page wider than a 360 px phone, and category pages that do not repeat their own name
above every headline."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from tests.conftest import build_site, copy_sample, served, settle

LONG_NAME = "Phường Bình Hưng Hòa Đông"  # 25 characters, about the longest a ward's name gets
TITLE = 'Phường trao 150 suất quà "Tết yêu thương" cho hộ nghèo, hộ cận nghèo và gia đình chính sách tại địa bàn phường'
TEASER = """---
title: '{title}'
date: 2025-01-02
category: An sinh xã hội
summary: Mỗi suất quà gồm gạo, dầu ăn, bánh chưng và 500.000 đồng tiền mặt, trao tận tay từng hộ trước Tết.
image: trao-xe-dap-hoc-sinh.jpg
image_alt: Các em học sinh đứng cạnh hàng xe đạp mới
---
Sáng 2/1, Ủy ban MTTQ phường trao quà tại nhà văn hóa.
"""
PAGES = {  # one page of each kind a resident opens on a phone
    "home": "", "category": "chuyen-muc/an-sinh-xa-hoi/", "tag": "the/hoc-sinh/", "year": "luu-tru/2025/",
    "news": "tin-tuc/", "article": "tin-tuc/tieu-de-110/", "documents": "van-ban/",
    "document": "van-ban/2026-212-cv-ubnd-tiem-chung-soi-dot-2/", "report": "bao-cao/2025/",
    "search": "tim-kiem/?q=trao", "organisation": "to-chuc/",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample ward under a 25-character name, with a 110-character headline that has a photo."""
    root = copy_sample(tmp_path_factory.mktemp("phone"))
    site_yml = root / "content/site.yml"
    site_yml.write_text(re.sub(r"^name: .*$", f"name: {LONG_NAME}", site_yml.read_text(encoding="utf-8"), count=1,
                               flags=re.M), encoding="utf-8")
    assert len(TITLE) == 110
    (root / "content/news/2025/tieu-de-110.md").write_text(TEASER.format(title=TITLE), encoding="utf-8")
    result = build_site(root)
    assert result.ok, result.log
    return result


@pytest.fixture(scope="module")
def server(built):
    with served(built.site_dir) as running:
        yield running


@pytest.fixture
def phone(chromium):
    """A page at a phone's width (360 px unless `width` is given), touch on."""
    opened = []

    def open_at(url: str, width: int = 360):
        context = chromium.new_context(viewport={"width": width, "height": 780}, has_touch=True, is_mobile=True,
                                       color_scheme="light")
        page = context.new_page()
        page.goto(url, wait_until="load")
        opened.append(context)
        return page

    yield open_at
    for context in opened:
        context.close()


# --- the category kicker -----------------------------------------------------------------------

def test_a_category_page_does_not_repeat_its_name_above_every_headline(built):
    pages = sorted((built.site_dir / "chuyen-muc").glob("**/index.html"))
    assert len(pages) >= 5
    for path in pages:
        soup = built.html(str(path.relative_to(built.site_dir)))
        name = soup.select_one("h1").get_text(strip=True)
        assert soup.select(".wn-teaser"), path
        kickers = [k.get_text(strip=True) for k in soup.select(".wn-teaser .wn-kicker")]
        assert name not in kickers and kickers == [], path


@pytest.mark.parametrize("url", ["", "tin-tuc/", "the/hoc-sinh/", "luu-tru/2025/", "tac-gia/thu-ha/"])
def test_other_lists_still_name_each_articles_category(built, url):
    soup = built.html(url)
    teasers = soup.select(".wn-teaser")
    assert teasers
    for teaser in teasers:
        kicker = teaser.select_one(".wn-kicker a")
        assert kicker is not None and kicker["href"].rstrip("/").split("/")[-2] == "chuyen-muc"


@pytest.mark.parametrize("url, summaries", [("", True), ("tin-tuc/", True), ("chuyen-muc/an-sinh-xa-hoi/", True),
                                           ("tac-gia/thu-ha/", True), ("the/hoc-sinh/", False), ("luu-tru/2025/", False)])
def test_a_tags_or_a_years_list_is_of_headlines_the_others_summarise(built, url, summaries):
    soup = built.html(url)
    teasers = soup.select(".wn-teaser")
    assert teasers and all(t.select_one(".wn-teaser__title a") and t.select_one("time") for t in teasers)
    with_summary = [t for t in teasers if t.select_one(".wn-teaser__summary")]
    assert (len(with_summary) == len(teasers)) if summaries else not with_summary, url
    if not summaries:  # nor a photo: a list of headlines
        assert not soup.select(".wn-teaser img, .wn-teaser--photo"), url


# --- the header at 360 px ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["home", "article", "category"])
def test_the_wards_name_fits_on_one_line_beside_the_search(server, phone, name):
    page = phone(server.url + PAGES[name])
    box = page.evaluate("""() => {
      const name = document.querySelector('.md-header__topic:first-child .md-ellipsis');
      const style = getComputedStyle(name);
      const search = document.querySelector('.wn-search-box').getBoundingClientRect();
      const r = name.getBoundingClientRect();
      return {text: name.textContent.trim(), height: r.height, lineHeight: parseFloat(style.lineHeight),
              fontSize: parseFloat(style.fontSize), cut: name.scrollWidth > name.clientWidth,
              right: r.left + name.scrollWidth, searchLeft: search.left};
    }""")
    assert box["text"] == LONG_NAME
    assert box["height"] <= box["lineHeight"] * 1.1, box  # one line, not two
    assert not box["cut"], box  # all 25 characters shown, no "…"
    assert box["right"] <= box["searchLeft"], box
    assert box["fontSize"] >= 14.5, box  # still readable


def test_the_search_opens_from_the_magnifier_and_shows_the_whole_query(server, phone):
    page = phone(server.url + PAGES["category"])
    magnifier = page.locator("header .wn-search-box").bounding_box()
    assert magnifier["width"] >= 44 and magnifier["height"] >= 44 and magnifier["x"] + magnifier["width"] <= 360
    page.tap("header .wn-search-box")
    assert page.evaluate("document.activeElement.id") == "wn-search-q"
    assert page.url == server.url + PAGES["category"]  # the tap opened the box, it did not search
    page.keyboard.type("trao qua te")
    field = page.evaluate("""() => { const q = document.getElementById('wn-search-q'); const r = q.getBoundingClientRect();
      return {left: r.left, right: r.right, width: r.width, clipped: q.scrollWidth > q.clientWidth,
              opacity: getComputedStyle(q).opacity}; }""")
    assert field["opacity"] == "1" and field["width"] >= 250 and field["left"] >= 0 and field["right"] <= 360, field
    assert not field["clipped"], field
    menu = page.locator("header label[for=__drawer]").bounding_box()  # still there to tap, beside the box
    assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('label[for=__drawer]')",
                         [menu["x"] + menu["width"] / 2, menu["y"] + menu["height"] / 2])
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=trao+qua+te")
    assert page.input_value("#wn-search-page-q") == "trao qua te"


def test_on_the_results_page_the_header_shows_the_query_and_keeps_the_menu(server, phone):
    page = phone(server.url + "tim-kiem/?q=trao+qua+te")
    page.wait_for_selector(".wn-search[data-state=done]")
    field = page.evaluate("""() => { const q = document.getElementById('wn-search-q'); const r = q.getBoundingClientRect();
      const menu = document.querySelector('label[for=__drawer]').getBoundingClientRect();
      return {value: q.value, opacity: getComputedStyle(q).opacity, clipped: q.scrollWidth > q.clientWidth,
              right: r.right, menuFree: r.left >= menu.right}; }""")
    assert field == {"value": "trao qua te", "opacity": "1", "clipped": False, "right": field["right"], "menuFree": True}
    assert field["right"] <= 360


def test_the_desktop_header_keeps_an_open_search_field(server, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(server.url)
        field = page.locator("header #wn-search-q")
        assert field.bounding_box()["width"] >= 200 and field.evaluate("q => getComputedStyle(q).opacity") == "1"
    finally:
        page.close()


# --- teasers ---------------------------------------------------------------------------------------

def _teaser(page):
    return page.evaluate("""() => {
      const link = [...document.querySelectorAll('.wn-teaser__title a')].find(a => a.href.endsWith('/tieu-de-110/'));
      const teaser = link.closest('.wn-teaser'), title = link.parentElement;
      const box = e => e.getBoundingClientRect();
      return {text: link.textContent, lines: box(title).height / parseFloat(getComputedStyle(title).lineHeight),
              titleWidth: box(title).width, teaserWidth: box(teaser).width, photo: teaser.classList.contains('wn-teaser--photo'),
              image: box(teaser.querySelector('.wn-teaser__image')), titleBox: box(title),
              summary: box(teaser.querySelector('.wn-teaser__summary'))};
    }""")


@pytest.mark.parametrize("width", [360, 390])
def test_a_110_character_headline_keeps_the_full_width_and_four_lines_at_most(server, phone, width):
    page = phone(server.url + PAGES["category"], width)
    teaser = _teaser(page)
    assert teaser["text"] == TITLE.replace('"Tết yêu thương"', "“Tết yêu thương”") and teaser["photo"]
    assert teaser["titleWidth"] >= teaser["teaserWidth"] - 1, teaser  # not squeezed beside the photo
    if width == 390:
        assert round(teaser["lines"]) <= 4, teaser
    assert teaser["image"]["top"] >= teaser["titleBox"]["bottom"], teaser  # the photo below, beside the summary
    assert abs(teaser["image"]["top"] - teaser["summary"]["top"]) < 8 and teaser["summary"]["left"] > teaser["image"]["right"]


def test_on_a_desktop_the_photo_stands_left_of_the_headline(server, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(server.url + PAGES["category"])
        teaser = _teaser(page)
        assert teaser["image"]["right"] < teaser["titleBox"]["left"] and teaser["lines"] <= 2.1, teaser
    finally:
        page.close()


# --- nothing wider than the phone ---------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_page_is_wider_than_a_360px_phone(server, phone, name):
    page = phone(server.url + PAGES[name])
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


# --- icons -------------------------------------------------------------------------------------

@pytest.mark.parametrize("forced", [False, True], ids=["colours", "forced-colours"])
def test_the_icons_come_from_files_and_show_in_forced_colours_too(server, phone, forced):
    """Menu, magnifier and back-to-top: masks over one SVG file each, no inline SVG in every page;
    a Windows contrast theme repaints backgrounds, and the icons must not vanish with them."""
    page = phone(server.url + PAGES["article"])
    if forced:
        page.emulate_media(forced_colors="active")
    served_icons = []
    page.on("response", lambda r: served_icons.append((r.url.rsplit("/", 1)[-1], r.status)) if "/icons/" in r.url else None)
    page.reload(wait_until="load")
    settle(page)
    assert page.locator(".md-header svg, .md-top svg").count() == 0
    assert sorted(name for name, _ in served_icons) == ["arrow-up.svg", "magnify.svg", "menu.svg"]
    assert all(status in (200, 304) for _, status in served_icons), served_icons  # 304: cached from the first load
    for selector in ("label[for=__drawer] .wn-icon", ".wn-search-box__button .wn-icon"):
        box = page.locator(selector).bounding_box()
        assert 20 <= box["width"] == box["height"] <= 28, (selector, box)
        shot = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("L")
        background = shot.getpixel((0, 0))
        drawn = sum(n for n, value in shot.getcolors(256) if abs(value - background) > 96)
        # The icon's strokes: not nothing (a mask that failed to load hides all), not a solid square.
        assert 0.1 < drawn / (box["width"] * box["height"]) < 0.7, (selector, forced, drawn)
