"""Around an article, built for real: breadcrumbs (visible and JSON-LD), related articles, the
previous and next article, reading time. Every link is followed to a file of the built site."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest

from generator.core.quotes import curly_quotes
from tests.conftest import article, build_site, make_site

SITE = "https://phuong.example.vn/"
HOSTILE = '"</script><b>Quà</b> & “niềm vui”"'
PRINTED = curly_quotes(HOSTILE)  # as every page prints it: with typographic quotes
SENTENCE = "Ủy ban MTTQ phường trao quà cho hộ cận nghèo."  # 10 words
LONG_BODY = "\n\n".join(" ".join([SENTENCE] * 10) for _ in range(7))  # 700 words: 4 minutes at 200 a minute


def _files():
    files = {
        "content/site.yml": "name: Phường Thử Nghiệm\n",
        "content/news/2026/trao-qua-tet.md": article(date="2026-01-09", tags="[Tết, Hộ cận nghèo]", body=LONG_BODY),
        "content/news/2026/doc-hai.md": article(title=f"'{HOSTILE}'", date="2026-01-12", tags="[Tết]"),
        "content/news/2026/so-hoa.md": article(title="Hướng dẫn cài VNeID", date="2026-01-15",
                                               category="Chuyển đổi số", tags="[Hộ cận nghèo]"),
    }
    for n in range(1, 7):
        files[f"content/news/2025/tin-{n}.md"] = article(title=f"Hoạt động tháng {n}", date=f"2025-{n:02d}-03",
                                                         category="Hoạt động Mặt trận" if n % 2 else "An sinh xã hội")
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_site(make_site(tmp_path_factory.mktemp("article-nav"), _files()))
    assert result.ok, result.log
    return result


def _page(built, url):
    return built.html(url), SITE + url


def _target(built, page_url, href):
    """The built file a link on `page_url` leads to (it must exist)."""
    path = built.file(urljoin(page_url, href))
    assert path.is_file(), f"{href} on {page_url}: no {path}"
    return path


def test_breadcrumbs_lead_home_and_to_the_category(built):
    soup, url = _page(built, "tin-tuc/trao-qua-tet/")
    nav = soup.find("nav", attrs={"aria-label": "Đường dẫn"})
    items = nav.select("ol > li")
    assert [li.get_text(strip=True) for li in items] == ["Trang chủ", "An sinh xã hội", "Trao quà Tết cho hộ cận nghèo"]
    assert items[-1]["aria-current"] == "page" and items[-1].find("a") is None
    assert [li.get("aria-current") for li in items[:-1]] == [None, None]
    home, category = (li.a["href"] for li in items[:-1])
    assert _target(built, url, home) == built.site_dir / "index.html"
    assert _target(built, url, category) == built.site_dir / "chuyen-muc/an-sinh-xa-hoi/index.html"


def test_breadcrumb_list_json_ld_names_the_same_pages(built):
    soup, url = _page(built, "tin-tuc/trao-qua-tet/")
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "NewsArticle"
    crumbs = data["mainEntityOfPage"]["breadcrumb"]
    assert crumbs["@type"] == "BreadcrumbList"
    assert [(i["@type"], i["position"], i["name"], i["item"]) for i in crumbs["itemListElement"]] == [
        ("ListItem", 1, "Trang chủ", SITE),
        ("ListItem", 2, "An sinh xã hội", SITE + "chuyen-muc/an-sinh-xa-hoi/"),
        ("ListItem", 3, "Trao quà Tết cho hộ cận nghèo", SITE + "tin-tuc/trao-qua-tet/"),
    ]
    assert data["mainEntityOfPage"]["@id"] == url


def test_a_hostile_headline_stays_text_in_breadcrumbs_and_json_ld(built):
    soup, _ = _page(built, "tin-tuc/doc-hai/")
    assert soup.select_one(".wn-breadcrumbs [aria-current]").get_text() == PRINTED
    (script,) = soup.find_all("script", type="application/ld+json")
    assert "<" not in script.string
    names = [i["name"] for i in json.loads(script.string)["mainEntityOfPage"]["breadcrumb"]["itemListElement"]]
    assert names[-1] == PRINTED
    assert soup.find("b", string="Quà") is None


def test_reading_time_in_minutes(built):
    assert built.html("tin-tuc/trao-qua-tet/").select_one(".wn-article__meta .wn-reading-time").get_text() \
        == "4 phút đọc"
    assert built.html("tin-tuc/so-hoa/").select_one(".wn-reading-time").get_text() == "1 phút đọc"


def test_related_articles_link_to_built_pages_best_first(built):
    soup, url = _page(built, "tin-tuc/trao-qua-tet/")
    section = soup.select_one("section.wn-related")
    assert section.h2.get_text(strip=True) == "Bài liên quan"
    links = section.select("li > a")
    # A tag and the category; a tag only; then the category only, newest first.
    assert [a.get_text(strip=True) for a in links] == [
        PRINTED, "Hướng dẫn cài VNeID", "Hoạt động tháng 6", "Hoạt động tháng 4", "Hoạt động tháng 2"]
    targets = [_target(built, url, a["href"]) for a in links]
    assert built.file(url) not in targets and len(set(targets)) == 5
    first = section.select_one("li .wn-related__meta")
    assert " ".join(first.get_text().split()) == "An sinh xã hội · 12/01/2026"
    assert first.time["datetime"] == "2026-01-12T00:00:00+07:00"


def test_previous_and_next_walk_every_article_in_date_order(built):
    """From the oldest article, "Bài sau" visits every article once, oldest to newest; each page's
    "Bài trước" leads back to the page before."""
    pages = sorted(p.parent.name for p in (built.site_dir / "tin-tuc").glob("*/index.html"))
    assert len(pages) == 9
    url, seen, before = SITE + "tin-tuc/tin-1/", [], None
    while url:
        soup = built.html(url[len(SITE):])
        seen.append(soup.select_one("h1").get_text())
        pager = soup.find("nav", attrs={"aria-label": "Bài trước, bài sau"})
        previous, following = pager.select_one("a[rel=prev]"), pager.select_one("a[rel=next]")
        if before is None:
            assert previous is None  # the oldest article
        else:
            assert "Bài trước" in previous.get_text() and _target(built, url, previous["href"]) == built.file(before)
            assert previous.select_one(".wn-pager__title").get_text() == seen[-2]
        if following is not None:
            assert "Bài sau" in following.get_text()
            _target(built, url, following["href"])
        before, url = url, urljoin(url, following["href"]) if following else None
    assert seen == [f"Hoạt động tháng {n}" for n in range(1, 7)] + [
        "Trao quà Tết cho hộ cận nghèo", PRINTED, "Hướng dẫn cài VNeID"]


def test_live_preview_re_renders_a_page_when_a_linked_headline_changes_not_its_body(tmp_path):
    """`serve` skips pages whose fingerprint is unchanged: a page shows its neighbours' and
    related articles' headlines, so those count; their bodies do not."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from generator.core.load import load_site
    from generator.core.plan import build_plan
    from generator.core.settings import Settings
    from generator.core.reuse import Fingerprints
    from tests.conftest import CATEGORIES, write_files

    def fingerprints(older_title, older_body):
        write_files(tmp_path, {
            "content/categories.yml": CATEGORIES,
            "content/news/cu.md": article(title=older_title, date="2026-01-01", body=older_body),
            "content/news/moi.md": article(title="Bài mới", date="2026-01-02"),
            "content/news/khac.md": article(title="Bài khác", date="2025-01-02", category="Chuyển đổi số"),
        })
        settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path)
        result = load_site(settings, datetime(2026, 11, 20, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
        assert result.ok, result.problems.problems
        prints = Fingerprints("")
        return {p.url: prints.of(p) for p in build_plan(result.site, settings).pages if p.kind.name == "article"}

    before = fingerprints("Bài cũ", "Nội dung cũ.")
    body_edited = fingerprints("Bài cũ", "Nội dung đã sửa.")
    retitled = fingerprints("Bài cũ đã đổi tên", "Nội dung đã sửa.")
    assert body_edited["tin-tuc/moi/"] == before["tin-tuc/moi/"]  # links to cu.md: headline unchanged
    assert body_edited["tin-tuc/khac/"] == before["tin-tuc/khac/"]
    assert body_edited["tin-tuc/cu/"] != before["tin-tuc/cu/"]
    assert retitled["tin-tuc/moi/"] != body_edited["tin-tuc/moi/"]  # "Bài trước" and related show it
    assert retitled["tin-tuc/khac/"] != body_edited["tin-tuc/khac/"]  # "Bài sau"


def test_an_articles_digest_is_kept_with_it_and_follows_every_change(tmp_path):
    """Fingerprints describe an article by `Article.digest`: taken when the article is checked,
    pickled with it in the article cache, and changed by any change to what a page shows,
    including the author link and the expiry a build adds to a cached article."""
    import dataclasses
    import hashlib
    import pickle
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from generator.core.load import load_site
    from generator.core.settings import Settings
    from tests.conftest import CATEGORIES, write_files

    write_files(tmp_path, {"content/categories.yml": CATEGORIES,
                           "content/news/cu.md": article(title="Bài cũ", date="2026-01-01")})
    settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path)
    result = load_site(settings, datetime(2026, 11, 20, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    original = result.site.articles[0]
    assert original.digest == hashlib.sha256(repr(original).encode()).hexdigest()
    restored = pickle.loads(pickle.dumps(original))
    assert restored.__dict__["_digest"] == original.digest  # saved with it: not described again
    linked = original.with_changes(author_slug="nguyen-van-a")
    expired = original.with_changes(expired=True)
    both = linked.with_changes(expired=True)
    assert len({original.digest, linked.digest, expired.digest, both.digest}) == 4
    assert linked == dataclasses.replace(original, author_slug="nguyen-van-a")
    retitled = dataclasses.replace(original, title="Bài cũ đã sửa")
    assert retitled.digest != original.digest
    assert retitled.with_changes(expired=True).digest != expired.digest
