"""Feeds from loaded content, read back with feedparser (the parser most aggregators use)."""

import dataclasses
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
from bs4 import BeautifulSoup

from generator.core.feeds import CATEGORY_FEED_SIZE, FEED_SIZE, plan_feeds, render_feed
from generator.core.buildcache import BuildCache
from generator.core.pipeline import prepare_site_images
from generator.core.load import load_site
from generator.core.plan import ward_description
from generator.core.problems import ProblemLog
from generator.core.quotes import curly_quotes
from generator.core.settings import Settings
from tests.conftest import CATEGORIES, article, write_files

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)
SITE = "https://phuong.example.vn/"
PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()


def _site(tmp_path, extra=None):
    files = {
        "content/categories.yml": CATEGORIES,
        "content/site.yml": "name: Phường Thử Nghiệm\norganisation: Ủy ban MTTQ phường Thử Nghiệm\n",
        "content/news/2026/trao-qua.md": article(date='"2026-01-09 08:30"', author="CHÍ NGUYÊN", image="anh.png",
                                                 image_alt="Trao quà", image_caption="Ảnh: PV",
                                                 tags="[Tết]"),
        "content/news/2026/anh.png": PNG,
        "content/news/2026/vneid.md": article(title="Hướng dẫn dùng VNeID", date="2026-02-01",
                                              category="Chuyển đổi số", updated='"2026-02-03 10:00"'),
        **(extra or {}),
    }
    write_files(tmp_path, files)
    result = load_site(Settings(content_dir=tmp_path / "content", display_root=tmp_path, site_url=SITE), NOW)
    assert result.ok, result.problems.problems
    return result.site


def _images(site, tmp_path):
    """The photos as a build publishes them (core/images.py), cached under tmp_path."""
    settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path, site_url=SITE, workers=1)
    log = ProblemLog()
    images = prepare_site_images(site, settings, log, BuildCache(tmp_path / "cache", settings.content_dir))
    assert not log.has_errors, log.problems
    return images


def _render(site, spec, bodies=None, tmp_path=None):
    return render_feed(spec, site_url=SITE, ward=site.ward, bodies=bodies or {},
                       images=_images(site, tmp_path), generated=NOW)


def _feeds(site):
    return plan_feeds(site.articles, site.categories, site.ward, ward_description(site.ward))


def test_the_site_has_both_formats_and_each_category_its_rss(tmp_path):
    feeds = _feeds(_site(tmp_path))
    assert [(f.url, f.page_url) for f in feeds] == [
        ("feed.xml", ""), ("atom.xml", ""),
        ("chuyen-muc/an-sinh-xa-hoi/feed.xml", "chuyen-muc/an-sinh-xa-hoi/"),
        ("chuyen-muc/chuyen-doi-so/feed.xml", "chuyen-muc/chuyen-doi-so/"),
    ]  # "Hoạt động Mặt trận" has no article yet: no empty feed


def test_rss_and_atom_parse_cleanly_with_full_content_and_dates(tmp_path):
    site = _site(tmp_path)
    body = ('<p>Sáng 9/1 <a href="../vneid/">xem thêm</a> <a href="#ket-qua">kết quả</a></p>'
            '<p><img src="../../news/2026/anh.png" alt="Quà"></p>')
    for spec in _feeds(site)[:2]:
        parsed = feedparser.parse(_render(site, spec, {"news/2026/trao-qua.md": body}, tmp_path))
        assert parsed.bozo == 0, parsed.bozo_exception
        assert parsed.feed.title == "Phường Thử Nghiệm"
        if spec.format == "rss":
            assert parsed.feed.language == "vi"
        assert [e.title for e in parsed.entries] == ["Hướng dẫn dùng VNeID", "Trao quà Tết cho hộ cận nghèo"]
        vneid, gift = parsed.entries
        assert gift.link == SITE + "tin-tuc/trao-qua/"
        assert gift.id == SITE + "tin-tuc/trao-qua/"
        raw = _render(site, spec, {"news/2026/trao-qua.md": body}, tmp_path).decode()
        # +07:00 offsets as written (RSS: +0700), not converted to UTC.
        assert ("+07:00" in raw) if spec.format == "atom" else ("+0700" in raw)
        assert gift.published_parsed[:5] == (2026, 1, 9, 1, 30)  # 08:30 in Hà Nội is 01:30 UTC
        if spec.format == "atom":  # RSS items have no updated date
            assert vneid.updated_parsed[:5] == (2026, 2, 3, 3, 0)
        assert gift.author == "CHÍ NGUYÊN"
        assert [t.term if spec.format == "rss" else t.label for t in gift.tags] == ["An sinh xã hội", "Tết"]
        content = BeautifulSoup(gift.content[0].value, "lxml")
        hrefs = [a["href"] for a in content.find_all("a")]
        assert hrefs == [SITE + "tin-tuc/vneid/", SITE + "tin-tuc/trao-qua/#ket-qua"]
        images = [img["src"] for img in content.find_all("img")]
        published = _images(site, tmp_path)
        photo = published.url("news/2026/anh.png")  # the web-ready copy, never the original
        assert re.fullmatch(r"anh/[0-9a-f]{20}-8\.jpg", photo)
        assert images == [SITE + photo, SITE + "news/2026/anh.png"]  # lead image first; body as rendered
        assert content.find("figcaption").get_text() == "Ảnh: PV"
        assert gift.enclosures[0].href == SITE + photo
        assert gift.enclosures[0].type == "image/jpeg"
        assert int(gift.enclosures[0].length) == published.files[photo].stat().st_size > 0


def test_feed_size_is_capped_newest_first(tmp_path):
    extra = {f"content/news/2025/tin-{i:02d}.md": article(title=f"Tin {i}", date=f"2025-03-{i:02d}",
                                                          category="Hoạt động Mặt trận") for i in range(1, 32)}
    site = _site(tmp_path, extra)
    feeds = _feeds(site)
    parsed = feedparser.parse(_render(site, feeds[0], tmp_path=tmp_path))
    assert len(parsed.entries) == FEED_SIZE < len(site.articles)
    stamps = [e.published_parsed for e in parsed.entries]
    assert stamps == sorted(stamps, reverse=True)
    front = next(f for f in feeds if f.url == "chuyen-muc/hoat-dong/feed.xml")
    titles = [e.title for e in feedparser.parse(_render(site, front, tmp_path=tmp_path)).entries]
    assert len(titles) == CATEGORY_FEED_SIZE < FEED_SIZE and all(t.startswith("Tin ") for t in titles)
    assert titles == [f"Tin {i}" for i in range(31, 31 - CATEGORY_FEED_SIZE, -1)]  # its newest


def test_guid_survives_a_corrected_title_and_output_is_stable(tmp_path):
    site = _site(tmp_path)
    spec = _feeds(site)[0]
    before = feedparser.parse(_render(site, spec, tmp_path=tmp_path))
    edited = _site(tmp_path, {"content/news/2026/trao-qua.md": article(
        title="Trao quà Tết cho hộ cận nghèo (đã sửa)", date='"2026-01-09 08:30"')})
    after = feedparser.parse(_render(edited, _feeds(edited)[0], tmp_path=tmp_path))
    assert after.entries[1].title.endswith("(đã sửa)")
    assert [e.id for e in after.entries] == [e.id for e in before.entries]
    assert _render(site, spec, tmp_path=tmp_path) == _render(site, spec, tmp_path=tmp_path)


def test_officer_text_is_escaped_not_interpreted(tmp_path):
    hostile = '"<script>alert(1)</script> & ]]> “Quà”'
    site = _site(tmp_path, {"content/news/2026/doc.md": article(title=f"'{hostile}'", date="2026-03-01",
                                                                summary='"<img src=x onerror=alert(9)>"')})
    for spec in _feeds(site)[:2]:
        raw = _render(site, spec, tmp_path=tmp_path)
        parsed = feedparser.parse(raw)
        assert parsed.bozo == 0
        assert parsed.entries[0].title == curly_quotes(hostile)  # as the page prints it
        assert b"<script>" not in raw and b"<img src=x" not in raw


def test_article_without_rendered_body_still_gets_its_description(tmp_path):
    site = _site(tmp_path)
    spec = dataclasses.replace(_feeds(site)[1], entries=_feeds(site)[1].entries[:1])
    entry = feedparser.parse(_render(site, spec, tmp_path=tmp_path)).entries[0]
    assert entry.summary == site.articles[0].description


REPORT = """\
---
title: Tổng kết năm 2025
year: 2025
date: 2026-01-20
indicators:
  - group: An sinh <b>xã hội</b>
    items:
      - {label: "Phần quà <script>x</script>", value: 2500, unit: phần, previous: 2100, target: 2000, note: hơn}
      - {label: Giá trị quà, value: 250000000, unit: VND, note: gần}
---
Năm 2025, Mặt trận phường hoàn thành các chỉ tiêu.
"""


def test_site_feeds_carry_reports_by_date_with_their_figures(tmp_path):
    site = _site(tmp_path, {"content/reports/2025.md": REPORT})
    feeds = plan_feeds(site.articles, site.categories, site.ward, ward_description(site.ward), site.reports)
    body = "<p>Năm 2025, Mặt trận phường hoàn thành các chỉ tiêu.</p>"
    for spec in feeds[:2]:
        raw = _render(site, spec, {"reports/2025.md": body}, tmp_path)
        parsed = feedparser.parse(raw)
        assert parsed.bozo == 0, parsed.bozo_exception
        # 20/01 falls between the two articles (09/01 and 01/02).
        assert [e.title for e in parsed.entries] == [
            "Hướng dẫn dùng VNeID", "Tổng kết năm 2025", "Trao quà Tết cho hộ cận nghèo"]
        report = parsed.entries[1]
        assert report.link == report.id == SITE + "bao-cao/2025/"
        assert report.author == "Ủy ban MTTQ phường Thử Nghiệm"
        tag = report.tags[0]
        assert (tag.term if spec.format == "rss" else tag.label) == "Báo cáo tổng kết"
        content = BeautifulSoup(report.content[0].value, "lxml")
        assert [h.get_text() for h in content.find_all("h2")] == ["An sinh <b>xã hội</b>"]
        items = [li.get_text() for li in content.find_all("li")]
        assert items == ["Phần quà <script>x</script>: hơn 2.500 phần (▲ 19% so với năm 2024; đạt 125% chỉ tiêu)",
                         "Giá trị quà: gần 250 triệu đồng"]
        assert content.find("p").get_text() == "Năm 2025, Mặt trận phường hoàn thành các chỉ tiêu."
        assert b"<script>" not in raw
    for spec in feeds[2:]:  # a category's feed is its articles only
        titles = [e.title for e in feedparser.parse(_render(site, spec, tmp_path=tmp_path)).entries]
        assert "Tổng kết năm 2025" not in titles
