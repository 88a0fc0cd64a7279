"""Around an article: related articles, the articles before and after it, reading time, breadcrumbs."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from generator.core.load import load_site
from generator.core.model import Article, Category, Tag
from generator.core.plan import ArticleView, build_plan
from generator.core.reading import SYLLABLES_PER_MINUTE, reading_minutes, word_count
from generator.core.related import CANDIDATES_PER_LIST, neighbours, related_articles
from generator.core.settings import Settings
from tests.conftest import CATEGORIES, article, write_files

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)
TARGET = "news/2026/muc-tieu.md"


def _files() -> dict[str, str]:
    """30 articles around one target (An sinh xã hội, tags Tết and Hộ cận nghèo)."""
    files = {
        "content/categories.yml": CATEGORIES,
        "content/news/2026/muc-tieu.md": article(title="Trao quà Tết cho hộ cận nghèo", date="2026-03-01",
                                                  tags="[Tết, Hộ cận nghèo]"),
        # Both tags, another category, and old: the best match all the same (score 6).
        "content/news/2024/hai-the.md": article(title="Hai thẻ chung", date="2024-01-05", category="Chuyển đổi số",
                                                tags="[Hộ cận nghèo, Tết]"),
        # One tag and the category (4).
        "content/news/2025/mot-the-cung-muc.md": article(title="Một thẻ, cùng chuyên mục", date="2025-02-01",
                                                         tags="[Tết]"),
        # One tag, another category (3 each): the newer first.
        "content/news/2025/mot-the-cu.md": article(title="Một thẻ, bài cũ", date="2025-03-01",
                                                   category="Hoạt động Mặt trận", tags="[Hộ cận nghèo]"),
        "content/news/2025/mot-the-moi.md": article(title="Một thẻ, bài mới", date="2025-04-01",
                                                    category="Hoạt động Mặt trận", tags="[Tết, Zalo]"),
    }
    # The category only (1 each): newer than every article above that shares a tag.
    for n in range(1, 9):
        files[f"content/news/2026/an-sinh-{n}.md"] = article(title=f"An sinh số {n}", date=f"2026-{n + 3:02d}-10")
    # Nothing in common with the target.
    for n in range(1, 9):
        files[f"content/news/2026/so-hoa-{n}.md"] = article(title=f"Số hóa số {n}", date=f"2026-{n + 2:02d}-15",
                                                            category="Chuyển đổi số", tags="[Zalo]")
    for n in range(1, 9):
        files[f"content/news/2025/mat-tran-{n}.md"] = article(title=f"Mặt trận số {n}", date=f"2025-{n + 4:02d}-20",
                                                              category="Hoạt động Mặt trận")
    # Two articles on the same day: still one order, by slug.
    files["content/news/2025/cung-ngay-a.md"] = article(title="Cùng ngày A", date="2025-06-20",
                                                        category="Hoạt động Mặt trận")
    return files


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    root = tmp_path_factory.mktemp("related")
    write_files(root, _files())
    settings = Settings(content_dir=root / "content", display_root=root)
    result = load_site(settings, NOW)
    assert result.ok, result.problems.problems
    assert len(result.site.articles) == 30
    return build_plan(result.site, settings)


def _views(plan) -> dict[str, ArticleView]:
    return {p.url: p.data for p in plan.pages if p.kind.name == "article"}


def test_related_ranks_shared_tags_over_the_category_and_newer_first_on_ties(plan):
    view = _views(plan)["tin-tuc/muc-tieu/"]
    assert [link.title for link in view.related] == [
        "Hai thẻ chung",  # two tags
        "Một thẻ, cùng chuyên mục",  # one tag + the category
        "Một thẻ, bài mới",  # one tag: newer...
        "Một thẻ, bài cũ",  # ...then older
        "An sinh số 8",  # the category only: the newest of them
    ]
    assert view.related[0].url == "tin-tuc/hai-the/" and view.related[0].category == "Chuyển đổi số"


def test_related_never_lists_the_article_itself_and_has_three_to_five(plan):
    for url, view in _views(plan).items():
        related = [link.url for link in view.related]
        assert url not in related
        assert len(related) == len(set(related))
        assert 3 <= len(related) <= 5, url  # every category here has at least 6 articles
        assert len(related) == 5


def test_related_by_the_category_alone_are_newest_first(plan):
    view = _views(plan)["tin-tuc/an-sinh-1/"]
    # An sinh số 1 has no tags: the rest of its category, newest first.
    assert [link.title for link in view.related] == [f"An sinh số {n}" for n in (8, 7, 6, 5, 4)]


def test_following_next_from_the_oldest_visits_every_article_once_in_date_order(plan):
    views = _views(plan)
    oldest = [url for url, view in views.items() if view.previous is None]
    newest = [url for url, view in views.items() if view.next is None]
    assert oldest == ["tin-tuc/hai-the/"] and newest == ["tin-tuc/an-sinh-8/"]
    visited, url = [], oldest[0]
    while url is not None:
        visited.append(url)
        following = views[url].next
        if following is not None:  # and back again: "Bài trước" of the next is this one
            assert views[following.url].previous.url == url
        url = following.url if following else None
    assert len(visited) == len(set(visited)) == len(views) == 30
    dates = [views[url].article.date for url in visited]
    assert dates == sorted(dates)
    same_day = visited.index("tin-tuc/cung-ngay-a/")
    assert visited[same_day - 1] == "tin-tuc/mat-tran-2/"  # same day: slug order, newest-first list reversed
    assert [a.src_uri for a in reversed([views[u].article for u in visited])] == [a.src_uri for a in plan.site.articles]


def test_neighbours_of_the_site_order(plan):
    articles = plan.site.articles
    around = neighbours(articles)
    assert around[articles[0].src_uri] == (articles[1], None)  # newest: older one before it, nothing after
    assert around[articles[-1].src_uri] == (None, articles[-2])
    assert around[articles[5].src_uri] == (articles[6], articles[4])


def test_breadcrumbs_and_reading_time_in_the_view(plan):
    view = _views(plan)["tin-tuc/muc-tieu/"]
    assert [(c.name, c.url) for c in view.breadcrumbs] == [
        ("Trang chủ", ""), ("An sinh xã hội", "chuyen-muc/an-sinh-xa-hoi/"),
        ("Trao quà Tết cho hộ cận nghèo", "tin-tuc/muc-tieu/")]
    assert view.reading_minutes == 1


def test_the_view_repr_holds_headlines_not_bodies(plan):
    """Live preview fingerprints a page from its data: linked headlines count, linked bodies do not."""
    view = _views(plan)["tin-tuc/muc-tieu/"]
    links = repr((view.previous, view.next, view.related))
    assert "Hai thẻ chung" in links and "Sáng 9/1" not in links


# --- a site too big to take every candidate ----------------------------------------------------

def _article(n: int, when: datetime, tags: tuple[str, ...], category: Category) -> Article:
    return Article(src_uri=f"news/bai-{n}.md", path=f"content/news/bai-{n}.md", slug=f"bai-{n}", title=f"Bài {n}",
                   date=when, category=category, body="Nội dung.", body_line=5, summary="Nội dung.",
                   tags=tuple(Tag(t, t) for t in tags))


def test_beyond_the_candidate_cap_an_old_close_match_is_still_found():
    """Lists longer than the cap: candidates are the newest of each list and those nearest in date,
    so an old article sharing both its tags with a neighbour in time still finds it, though that
    neighbour is among the newest of neither list."""
    section = Category("Hoạt động Mặt trận", "hoat-dong")
    start = datetime(2026, 1, 1, tzinfo=TZ)
    size = 10 * CANDIDATES_PER_LIST
    old, twin = size // 2, size // 2 + 3
    articles = [_article(n, start - timedelta(days=n),
                         ("hoi-nghi", "bau-cu") if n in (old, twin) else ("hoi-nghi",) if n % 2 else ("bau-cu",),
                         section) for n in range(size)]
    related = related_articles(articles)
    # The twin (2 tags + category = 7), then the newest of those sharing one tag and the category (4).
    assert [a.slug for a in related[f"news/bai-{old}.md"]] == [f"bai-{twin}", "bai-0", "bai-1", "bai-2", "bai-3"]
    for n in range(size):
        assert len(related[f"news/bai-{n}.md"]) == 5
        assert f"bai-{n}" not in [a.slug for a in related[f"news/bai-{n}.md"]]


# --- reading time ------------------------------------------------------------------------------

def _words(n: int) -> str:
    return " ".join(["tiếng"] * n)


@pytest.mark.parametrize(("words", "minutes"), [
    (0, 1), (1, 1), (SYLLABLES_PER_MINUTE, 1), (SYLLABLES_PER_MINUTE + 1, 2), (4 * SYLLABLES_PER_MINUTE, 4),
    (4 * SYLLABLES_PER_MINUTE - 50, 4),
])
def test_reading_minutes_round_up_and_are_at_least_one(words, minutes):
    assert reading_minutes(_words(words)) == minutes


def test_words_are_what_a_reader_reads_not_markup():
    body = ("## Kết quả\n\n"
            "- Trao 2.500 phần quà – ngày 9/1.\n"
            "- > Ghi chú\n\n"
            "![Lãnh đạo phường trao quà tại hội trường](anh.jpg)\n\n"
            "Xem [bài trước](../bai-truoc.md) và <b>tin</b> <!-- không đọc -->\n\n"
            "| Chỉ tiêu | Kết quả |\n|---|---|\n| Phần quà | 2.500 |\n\n"
            "[tham-khao]: https://example.vn/x\n")
    # Kết quả · Trao 2.500 phần quà ngày 9/1. · Ghi chú · Xem bài trước và tin · Chỉ tiêu Kết quả Phần quà 2.500
    assert word_count(body) == 2 + 6 + 2 + 5 + 7
