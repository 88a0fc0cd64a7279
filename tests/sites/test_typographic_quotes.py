"""Typographic quotes in a built site: the headline wherever it is printed (page, teaser, <title>,
share tags, JSON-LD, feed), the body, and the code, addresses and attributes that keep straight
ones; a straight quote that survives (in code) is still escaped in every attribute."""

from __future__ import annotations

import json

import feedparser
import pytest

from tests.conftest import article

TITLE = 'Trao quà "Tết yêu thương" cho bà con tổ 5'
PRINTED = "Trao quà “Tết yêu thương” cho bà con tổ 5"
BODY = """Bà Tư nói: "Đây là 'món quà' của cả tổ". Nhà bà Tư's ở ngõ 4.

Cán bộ gõ `ward-news "check"` rồi mở http://phuong.example.vn/it's hoặc [trang "Hỏi đáp"](https://vi.wikipedia.org/wiki/Tư's).

    lệnh "nguyên văn" 'giữ'
"""
CODE_TITLE = 'Lệnh `"><script>alert(1)</script>` không chạy'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from tests.conftest import build_site, make_site

    files = {
        "content/site.yml": "name: Phường Thử Nghiệm\n",
        "content/news/2026/qua-tet.md": article(title=f"'{TITLE}'", date="2026-01-09", body=BODY),
        "content/news/2026/lenh.md": article(title=f"'{CODE_TITLE}'", date="2026-01-08"),
    }
    result = build_site(make_site(tmp_path_factory.mktemp("quotes"), files))
    assert result.ok, result.log
    return result


def _meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"]


def test_the_headline_has_curly_quotes_wherever_it_is_printed(built):
    page = built.html("tin-tuc/qua-tet/")
    assert page.select_one("h1").get_text() == PRINTED
    assert page.title.get_text() == f"{PRINTED} – Phường Thử Nghiệm"
    assert _meta(page, "og:title") == PRINTED and page.find("meta", attrs={"name": "twitter:title"}) is None
    (ld,) = page.find_all("script", type="application/ld+json")
    assert json.loads(ld.string)["headline"] == PRINTED  # as the page shows it: search engines compare the two
    teasers = [a.get_text() for a in built.html("tin-tuc/").select(".wn-teaser__title a")]
    assert PRINTED in teasers
    feed = feedparser.parse((built.site_dir / "feed.xml").read_bytes())
    assert PRINTED in [entry.title for entry in feed.entries]


def test_the_body_has_curly_quotes_but_code_and_addresses_keep_straight_ones(built):
    body = built.html("tin-tuc/qua-tet/").select_one(".wn-article__body")
    first, second = (p.decode_contents() for p in body.find_all("p")[:2])
    assert first == "Bà Tư nói: “Đây là ‘món quà’ của cả tổ”. Nhà bà Tư’s ở ngõ 4."
    assert '<code>ward-news "check"</code>' in second and "http://phuong.example.vn/it's" in second
    link = body.find("a", string="trang “Hỏi đáp”")
    assert link["href"] == "https://vi.wikipedia.org/wiki/Tư's"
    assert body.select_one("pre code").get_text() == "lệnh \"nguyên văn\" 'giữ'\n"


def test_a_straight_quote_kept_in_code_stays_text_in_every_attribute(built):
    page = built.html("tin-tuc/lenh/")
    assert page.select_one("h1").get_text() == CODE_TITLE
    assert _meta(page, "og:title") == CODE_TITLE and page.find("script", string="alert(1)") is None
    assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
