"""sitemap.xml (an index) and its page list: every page's own last change, no build clock."""

import gzip
from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import etree

from generator.core.load import load_site
from generator.core.plan import build_plan
from generator.core.settings import Settings
from generator.core.sitemap import render_robots, render_sitemaps
from tests.conftest import CATEGORIES, article, write_files

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE = "https://phuong.example.vn/"


def _plan(tmp_path, site_url=SITE):
    files = {"content/categories.yml": CATEGORIES,
             "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nỦy ban MTTQ phường.\n",
             "content/news/2026/sua.md": article(title="Bài đã sửa", date='"2026-03-02 08:00"',
                                                 updated='"2026-03-05 17:30"', tags="[Tết]")}
    for day in range(1, 13):
        files[f"content/news/2025/tin-{day}.md"] = article(title=f"Tin {day}", date=f"2025-10-{day:02d}")
    write_files(tmp_path, files)
    settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path, site_url=site_url,
                        pagination_per_page=10)
    result = load_site(settings, NOW)
    assert result.ok, result.problems.problems
    return build_plan(result.site, settings)


def _urls(xml):
    root = etree.fromstring(xml)
    return {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
            for u in root.iterfind("s:url", NS)}


def test_each_page_has_its_own_lastmod(tmp_path):
    plan = _plan(tmp_path)
    files = render_sitemaps(plan)
    pages = _urls(files["sitemaps/trang.xml"])
    assert pages[SITE + "tin-tuc/sua/"] == "2026-03-05T17:30:00+07:00"  # updated, not date
    assert pages[SITE + "tin-tuc/tin-3/"] == "2025-10-03T00:00:00+07:00"
    assert pages[SITE] == pages[SITE + "tin-tuc/"] == "2026-03-05T17:30:00+07:00"
    # Page 2 of the news holds the 3 oldest articles: its newest is 3 October.
    assert pages[SITE + "tin-tuc/trang/2/"] == "2025-10-03T00:00:00+07:00"
    assert pages[SITE + "the/tet/"] == "2026-03-05T17:30:00+07:00"
    assert pages[SITE + "gioi-thieu/"] is None  # no date of its own: no invented one
    assert SITE + "tim-kiem/" not in pages  # asks not to be indexed
    planned = {SITE + p.url for p in plan.pages if "noindex" not in p.robots}
    assert set(pages) == planned


def test_sitemap_xml_is_a_small_index_and_robots_points_to_it(tmp_path):
    plan = _plan(tmp_path)
    files = render_sitemaps(plan)
    index = etree.fromstring(files["sitemap.xml"])
    assert index.tag == "{%s}sitemapindex" % NS["s"]
    (entry,) = index.iterfind("s:sitemap", NS)
    assert entry.findtext("s:loc", namespaces=NS) == SITE + "sitemaps/trang.xml"
    assert entry.findtext("s:lastmod", namespaces=NS) == "2026-03-05T17:30:00+07:00"
    assert gzip.decompress(files["sitemap.xml.gz"]) == files["sitemap.xml"]
    assert len(files["sitemap.xml"]) < 400
    assert render_robots(plan).decode().splitlines() == ["User-agent: *", "Allow: /", f"Sitemap: {SITE}sitemap.xml"]
    assert "Sitemap" not in render_robots(_plan(tmp_path / "nourl", site_url="")).decode()
    assert render_sitemaps(plan) == files  # nothing depends on the clock
