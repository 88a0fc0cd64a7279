"""Author pages, bylines, pinned (featured) news and the listings, built for real on a ~30-article
ward: every listing is walked page by page through its own pagination links, and what it shows is
compared with what the fixture says it should show."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urljoin

import pytest
from PIL import Image

from tests.conftest import article, build_site, make_site

SITE = "https://phuong.example.vn/"
PER_PAGE = 5
FEATURED_MAX = 2
AUTHORS = """\
- name: CHÍ NGUYÊN
  bio: Cán bộ Ủy ban MTTQ Việt Nam phường, phụ trách trang thông tin của Mặt trận.
- name: THU HÀ
  bio: Chủ tịch Hội Liên hiệp Phụ nữ phường; viết về an sinh xã hội.
- name: MINH ĐỨC
  bio: Bí thư Đoàn Thanh niên phường.
"""
BIO = {"chi-nguyen": "Cán bộ Ủy ban MTTQ Việt Nam phường, phụ trách trang thông tin của Mặt trận.",
       "thu-ha": "Chủ tịch Hội Liên hiệp Phụ nữ phường; viết về an sinh xã hội.",
       "minh-duc": "Bí thư Đoàn Thanh niên phường."}
CATEGORY_SLUGS = {"An sinh xã hội": "an-sinh-xa-hoi", "Chuyển đổi số": "chuyen-doi-so", "Hoạt động Mặt trận": "hoat-dong"}
TAGS = {0: ["Tết", "an sinh"], 1: ["chuyển đổi số"]}
TAG_SLUGS = {"Tết": "tet", "an sinh": "an-sinh", "chuyển đổi số": "chuyen-doi-so"}
# How officers write the same known name: the byline matches it regardless of case and accents.
CHI_NGUYEN_SPELLINGS = ["CHÍ NGUYÊN", "Chí Nguyên", "chi nguyen"]
FEATURED = {29, 26, 24, 5}  # with FEATURED_MAX 2 only 29 and 26 are pinned; 24 stays among the latest


def _byline(i: int) -> tuple[str, str]:
    """(what the article's author: says, the known author's slug or "")."""
    n = i % 10
    if n <= 5:
        return CHI_NGUYEN_SPELLINGS[i % 3], "chi-nguyen"
    if n <= 7:
        return "THU HÀ", "thu-ha"
    if n == 8:
        return "PHÓNG VIÊN", ""  # a byline nobody put in authors.yml
    return "", ""


def _spec() -> list[dict]:
    """30 published articles, one every 19 days from 5/1/2025, plus a pinned draft and a pinned
    article dated after the build's clock: neither may show anywhere."""
    start = date(2025, 1, 5)
    items = []
    for i in range(30):
        author, author_slug = _byline(i)
        items.append({"slug": f"bai-{i:02d}", "title": f"Tin hoạt động số {i}", "date": start + timedelta(days=19 * i),
                      "category": list(CATEGORY_SLUGS)[i % 3], "tags": TAGS.get(i % 4, []), "author": author,
                      "author_slug": author_slug, "featured": i in FEATURED, "published": True})
    items.append({"slug": "nhap", "title": "Bài nháp nổi bật", "date": date(2026, 10, 1), "category": "Chuyển đổi số",
                  "tags": [], "author": "CHÍ NGUYÊN", "author_slug": "chi-nguyen", "featured": True,
                  "published": False, "draft": True})
    items.append({"slug": "hen-gio", "title": "Bài hẹn giờ nổi bật", "date": date(2026, 12, 1), "category": "Chuyển đổi số",
                  "tags": [], "author": "THU HÀ", "author_slug": "thu-ha", "featured": True, "published": False})
    return items


SPEC = _spec()
PUBLISHED = sorted((s for s in SPEC if s["published"]), key=lambda s: (-s["date"].toordinal(), s["slug"]))


def _files() -> dict:
    files = {"content/authors.yml": AUTHORS}
    for s in SPEC:
        extra = {}
        if s["tags"]:
            extra["tags"] = "[" + ", ".join(s["tags"]) + "]"
        if s["author"]:
            extra["author"] = s["author"]
        if s["featured"]:
            extra["featured"] = "true"
        if s.get("draft"):
            extra["draft"] = "true"
        folder = s["date"].year
        files[f"content/news/{folder}/{s['slug']}.md"] = article(
            title=s["title"], date=s["date"].isoformat(), category=s["category"], **extra)
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("authors"), _files(),
                     plugin={"pagination_per_page": PER_PAGE, "home_featured_max": FEATURED_MAX})
    result = build_site(root)
    assert result.ok, result.log
    assert [p.format() for p in result.problems] == []
    return result


def _resolve(page_url: str, href: str) -> str:
    """A link on a page as a site-relative URL."""
    absolute = urljoin(SITE + page_url, href)
    assert absolute.startswith(SITE), (page_url, href)
    return absolute[len(SITE):]


def _slug_of(url: str) -> str:
    assert url.startswith("tin-tuc/") and url.endswith("/"), url
    return url[len("tin-tuc/"):-1]


def walk(built, base: str) -> list[str]:
    """Read a listing from its first page to its last by following rel=next, checking on every page
    that each pagination link lands on a built page, that the numbers run 1..N without a gap and
    that prev/next point at the neighbours. Returns the article slugs in the order shown."""
    expected_url = base
    slugs: list[str] = []
    sizes: list[int] = []
    number, total = 0, None
    previous = None
    while expected_url is not None:
        number += 1
        assert built.file(expected_url).is_file(), expected_url
        soup = built.html(expected_url)
        assert soup.find("meta", attrs={"name": "ward-news:page"}) is not None
        nav = soup.select_one(".wn-pagination")
        if nav is None:
            assert number == 1, f"{expected_url}: page {number} has no pagination"
            total = 1
        else:
            numbers = [int(x.get_text()) for x in nav.select("ol li a, ol li span[aria-current]")]
            current = nav.select_one("[aria-current=page]")
            assert int(current.get_text()) == number, expected_url
            total = total or max(numbers)
            assert max(numbers) == total and numbers == sorted(set(numbers)) and numbers[0] == 1, (expected_url, numbers)
            for link in nav.select("a[href]"):
                target = _resolve(expected_url, link["href"])
                assert built.file(target).is_file(), (expected_url, link["href"])
                if link.parent.name == "li":  # a numbered link goes to the page with that number
                    n = int(link.get_text())
                    assert target == (base if n == 1 else f"{base}trang/{n}/"), (expected_url, target)
            prev_link = nav.select_one("a[rel=prev]")
            assert (_resolve(expected_url, prev_link["href"]) if prev_link else None) == previous
        count = soup.select_one(".wn-listing__count").get_text()
        assert (f"Trang {number}/{total}" in count) == (total > 1), count
        on_page = [_slug_of(_resolve(expected_url, a["href"])) for a in soup.select(".wn-teaser__title a")]
        sizes.append(len(on_page))
        slugs += on_page
        next_link = nav.select_one("a[rel=next]") if nav is not None else None
        previous = expected_url
        expected_url = _resolve(expected_url, next_link["href"]) if next_link else None
        if expected_url is not None:
            assert expected_url == f"{base}trang/{number + 1}/"
    assert number == total
    assert not built.file(f"{base}trang/{total + 1}/").exists()
    # Full pages, then a last page that is not empty (unless the whole listing is).
    assert sizes[:-1] == [PER_PAGE] * (total - 1) and (1 <= sizes[-1] <= PER_PAGE or total == 1), sizes
    return slugs


def _expected(predicate) -> list[str]:
    return [s["slug"] for s in PUBLISHED if predicate(s)]


# --- authors ---------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", ["chi-nguyen", "thu-ha", "minh-duc"])
def test_every_article_of_a_known_author_is_on_their_pages_exactly_once(built, slug):
    shown = walk(built, f"tac-gia/{slug}/")
    assert shown == _expected(lambda s: s["author_slug"] == slug)
    assert len(shown) == len(set(shown))
    if slug == "chi-nguyen":  # spelled three ways, all matched: 18 articles on 4 pages
        assert len(shown) == 18 and built.file("tac-gia/chi-nguyen/trang/4/").is_file()


def test_author_page_shows_name_bio_and_count(built):
    page = built.html("tac-gia/thu-ha/")
    assert page.select_one(".wn-kicker").get_text() == "Tác giả"
    assert page.select_one("h1").get_text() == "THU HÀ"
    assert page.select_one(".wn-lede").get_text() == BIO["thu-ha"]
    assert page.select_one(".wn-listing__count").get_text().startswith("6 bài")
    assert page.find("meta", attrs={"name": "description"})["content"] == BIO["thu-ha"]
    assert page.find("meta", attrs={"name": "ward-news:page"})["content"] == "author"
    assert page.title.get_text() == "Tác giả: THU HÀ – Thử nghiệm"
    # Every teaser on an author's page is theirs: no byline repeated under each headline.
    assert page.select(".wn-teaser .wn-byline") == []


def test_author_without_articles_still_has_a_page_with_the_bio(built):
    page = built.html("tac-gia/minh-duc/")
    assert page.select_one("h1").get_text() == "MINH ĐỨC"
    assert page.select_one(".wn-lede").get_text() == BIO["minh-duc"]
    assert "Chưa có bài viết nào." in page.get_text()


def test_only_known_authors_get_a_page(built):
    assert sorted(p.name for p in (built.site_dir / "tac-gia").iterdir()) == ["chi-nguyen", "minh-duc", "thu-ha"]


def test_bylines_link_to_the_known_author_and_unknown_stays_text(built):
    for s in PUBLISHED:
        url = f"tin-tuc/{s['slug']}/"
        byline = built.html(url).select_one(".wn-article__meta .wn-byline")
        if not s["author"]:
            assert byline is None, url
            continue
        assert byline.get_text() == s["author"], url  # shown as the officer wrote it
        if s["author_slug"]:
            assert byline.name == "a", url
            assert _resolve(url, byline["href"]) == f"tac-gia/{s['author_slug']}/"
            assert byline["rel"] == ["author"]
        else:
            assert byline.name == "span" and byline.find("a") is None, url
            assert byline.find_parent("a") is None


def test_teaser_bylines_link_the_same_way(built):
    seen = set()
    for listing in ("tin-tuc/", "tin-tuc/trang/2/", "chuyen-muc/hoat-dong/", "luu-tru/2026/"):
        soup = built.html(listing)
        for teaser in soup.select(".wn-teaser"):
            slug = _slug_of(_resolve(listing, teaser.select_one(".wn-teaser__title a")["href"]))
            s = next(x for x in SPEC if x["slug"] == slug)
            byline = teaser.select_one(".wn-teaser__meta .wn-byline")
            if not s["author"]:
                assert byline is None
            elif s["author_slug"]:
                assert byline.name == "a" and _resolve(listing, byline["href"]) == f"tac-gia/{s['author_slug']}/"
                seen.add("known")
            else:
                assert byline.name == "span" and byline.get_text() == "PHÓNG VIÊN"
                seen.add("unknown")
    assert seen == {"known", "unknown"}


def test_author_pages_share_like_other_listings(built):
    def meta(soup, key):
        tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
        return tag["content"]

    first, second = built.html("tac-gia/chi-nguyen/"), built.html("tac-gia/chi-nguyen/trang/2/")
    assert meta(first, "og:title") == "Tác giả: CHÍ NGUYÊN" == meta(second, "og:title")
    assert second.title.get_text().startswith("Tác giả: CHÍ NGUYÊN – Trang 2")
    assert meta(first, "og:url") == SITE + "tac-gia/chi-nguyen/"
    card = meta(first, "og:image")
    assert card == meta(second, "og:image") and card.startswith(SITE + "the-chia-se/tac-gia-chi-nguyen-")
    assert card != meta(built.html("tac-gia/thu-ha/"), "og:image")
    with Image.open(built.file(card)) as image:
        assert image.size == (1200, 630) and image.format == "PNG"
        assert image.convert("L").getextrema()[0] < 100  # text was drawn, not a blank card


# --- every listing shows every article once --------------------------------------------------

def test_news_index_shows_every_published_article_once(built):
    assert walk(built, "tin-tuc/") == [s["slug"] for s in PUBLISHED]


@pytest.mark.parametrize("name, slug", list(CATEGORY_SLUGS.items()))
def test_each_category_shows_its_articles_once(built, name, slug):
    assert walk(built, f"chuyen-muc/{slug}/") == _expected(lambda s: s["category"] == name)


@pytest.mark.parametrize("name, slug", list(TAG_SLUGS.items()))
def test_each_tag_shows_its_articles_once(built, name, slug):
    assert walk(built, f"the/{slug}/") == _expected(lambda s: name in s["tags"])


@pytest.mark.parametrize("year", [2025, 2026])
def test_each_year_shows_its_articles_once(built, year):
    assert walk(built, f"luu-tru/{year}/") == _expected(lambda s: s["date"].year == year)


def test_listings_together_cover_every_article(built):
    categories = [shown for slug in CATEGORY_SLUGS.values() for shown in walk(built, f"chuyen-muc/{slug}/")]
    years = [shown for year in (2025, 2026) for shown in walk(built, f"luu-tru/{year}/")]
    everyone = {s["slug"] for s in PUBLISHED}
    assert sorted(categories) == sorted(years) == sorted(everyone)
    assert not any((built.site_dir / "tin-tuc" / s).exists() for s in ("nhap", "hen-gio"))


# --- featured news on the home page ----------------------------------------------------------

def _home_slugs(built, section: str) -> list[str]:
    return [_slug_of(_resolve("", a["href"])) for a in built.html("").select(f"{section} .wn-teaser__title a")]


def test_home_pins_the_newest_featured_first_up_to_the_limit(built):
    pinned = _home_slugs(built, ".wn-home__featured")
    featured = _expected(lambda s: s["featured"])
    assert featured == ["bai-29", "bai-26", "bai-24", "bai-05"]
    assert pinned == featured[:FEATURED_MAX] == ["bai-29", "bai-26"]
    home = built.html("")
    assert home.select_one("#wn-featured").get_text() == "Tin nổi bật"
    # The pinned block comes first, and its first teaser is the large one.
    sections = [s["class"][0] for s in home.select("section[class]")]
    assert sections.index("wn-home__featured") < sections.index("wn-home__latest")
    assert "wn-teaser--featured" in home.select_one(".wn-home__featured .wn-teaser")["class"]
    assert home.select(".wn-home__latest .wn-teaser--featured") == []


def test_pinned_articles_are_not_repeated_in_the_latest_news(built):
    pinned = _home_slugs(built, ".wn-home__featured")
    latest = _home_slugs(built, ".wn-home__latest")
    assert not set(pinned) & set(latest)
    # The latest list is the newest of the rest, full length; a featured article beyond the
    # limit is listed there like any other.
    rest = [s["slug"] for s in PUBLISHED if s["slug"] not in pinned]
    assert latest == rest[:7]
    assert "bai-24" in latest
    home_text = built.html("").get_text()
    assert "Bài nháp nổi bật" not in home_text and "Bài hẹn giờ nổi bật" not in home_text


def test_a_ward_without_featured_articles_keeps_the_old_home(tmp_path):
    result = build_site(make_site(tmp_path, {
        f"content/news/b{i}.md": article(title=f"Bài {i}", date=f"2026-03-{i + 1:02d}") for i in range(3)}))
    assert result.ok, result.log
    home = result.html("")
    assert home.select_one(".wn-home__featured") is None
    assert [a.get_text() for a in home.select(".wn-home__latest .wn-teaser__title a")] == ["Bài 2", "Bài 1", "Bài 0"]
    assert "wn-teaser--featured" in home.select_one(".wn-home__latest .wn-teaser")["class"]


def test_featured_must_be_true_or_false(tmp_path):
    result = build_site(make_site(tmp_path, {
        "content/news/a.md": article(author="CHÍ NGUYÊN", featured="có"),
        "content/news/b.md": article(title="Bài đúng", featured="false")}))
    assert not result.ok
    (problem,) = result.problems
    assert (problem.code, problem.path, problem.line) == ("field.type", "content/news/a.md", 6)
    assert problem.message == "Trường “featured” phải là true hoặc false, nhưng đang là chữ “có”."
    assert problem.hint == "Viết featured: true để ghim bài lên đầu trang chủ (tin nổi bật), hoặc xóa dòng này."
    assert problem.format().startswith("content/news/a.md:6: lỗi: Trường “featured”")
    assert "content/news/a.md:6" in result.log
    assert not (tmp_path / "site" / "index.html").exists()  # nothing was built
