from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from generator.core.listings import build_listings, paginate
from generator.core.model import Article, Category, Site, Tag, WardInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CATS = (Category("An sinh xã hội", "an-sinh-xa-hoi"), Category("Chuyển đổi số", "chuyen-doi-so"))


def make_articles(n):
    start = datetime(2026, 1, 1, tzinfo=TZ)
    items = [
        Article(src_uri=f"news/a{i}.md", path=f"content/news/a{i}.md", slug=f"a{i}", title=f"Bài {i}",
                date=start - timedelta(days=i * 40), category=CATS[i % 2], body="x", body_line=6, summary="x",
                tags=(Tag("Tết", "tet"),) if i % 3 == 0 else ())
        for i in range(n)
    ]
    return tuple(sorted(items, key=lambda a: a.sort_key))


def test_pagination_urls_and_neighbours():
    pages = paginate("news", "", "Tin tức", "", list(make_articles(23)), 10, lambda n: "tin-tuc/" if n == 1 else f"tin-tuc/trang/{n}/")
    assert [p.url for p in pages] == ["tin-tuc/", "tin-tuc/trang/2/", "tin-tuc/trang/3/"]
    assert [len(p.articles) for p in pages] == [10, 10, 3]
    assert pages[0].previous_url is None and pages[0].next_url == "tin-tuc/trang/2/"
    assert pages[2].previous_url == "tin-tuc/trang/2/" and pages[2].next_url is None


def test_every_archive_is_built_in_one_pass_and_keeps_order():
    site = Site(WardInfo(), CATS, (), make_articles(12), (), ())
    listings = build_listings(site, per_page=5)
    kinds = {(l.kind, l.key) for l in listings}
    assert ("category", "an-sinh-xa-hoi") in kinds and ("tag", "tet") in kinds and ("year", "2025") in kinds
    news = [l for l in listings if l.kind == "news"]
    flat = [a.slug for l in news for a in l.articles]
    assert flat == [a.slug for a in site.articles]
    tet = [a for l in listings if l.kind == "tag" for a in l.articles]
    assert [a.slug for a in tet] == ["a0", "a3", "a6", "a9"]


def test_empty_category_still_has_a_first_page():
    site = Site(WardInfo(), CATS, (), (), (), ())
    listings = build_listings(site, per_page=5)
    assert [(l.kind, l.key, l.number) for l in listings] == [
        ("news", "", 1), ("category", "an-sinh-xa-hoi", 1), ("category", "chuyen-doi-so", 1)]
