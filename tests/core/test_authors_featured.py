"""authors.yml matched to bylines, author listings, and `featured` pinned on the home page: the
core alone, on small content folders."""

from datetime import datetime
from zoneinfo import ZoneInfo

from generator.core.listings import build_listings
from generator.core.load import load_site
from generator.core.plan import build_plan
from generator.core.settings import Settings
from tests.conftest import CATEGORIES, article, write_files

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)
AUTHORS = "- name: CHÍ NGUYÊN\n  bio: Cán bộ Mặt trận phường.\n- name: THU HÀ\n- MINH ĐỨC\n"


def load(tmp_path, files, authors=AUTHORS, **settings):
    all_files = {f"content/{k}": v for k, v in files.items()}
    all_files["content/categories.yml"] = CATEGORIES
    if authors is not None:
        all_files["content/authors.yml"] = authors
    write_files(tmp_path, all_files)
    config = Settings(content_dir=tmp_path / "content", display_root=tmp_path, **settings)
    return load_site(config, NOW), config


def codes(result):
    return [(p.code, p.path, p.line) for p in result.problems.problems]


def test_bylines_match_known_authors_without_regard_to_case_or_accents(tmp_path):
    result, _ = load(tmp_path, {
        "news/a.md": article(author="CHÍ NGUYÊN"), "news/b.md": article(author="chi nguyen"),
        "news/c.md": article(author="Thu  Hà"), "news/d.md": article(author="PHÓNG VIÊN"), "news/e.md": article(),
    })
    assert codes(result) == []
    by_slug = {a.slug: a for a in result.site.articles}
    assert {s: (a.author, a.author_slug) for s, a in by_slug.items()} == {
        "a": ("CHÍ NGUYÊN", "chi-nguyen"), "b": ("chi nguyen", "chi-nguyen"), "c": ("Thu Hà", "thu-ha"),
        "d": ("PHÓNG VIÊN", ""), "e": ("", "")}
    assert [(a.name, a.slug, a.bio) for a in result.site.authors] == [
        ("CHÍ NGUYÊN", "chi-nguyen", "Cán bộ Mặt trận phường."), ("THU HÀ", "thu-ha", ""), ("MINH ĐỨC", "minh-duc", "")]


def test_without_authors_file_no_byline_is_linked(tmp_path):
    result, _ = load(tmp_path, {"news/a.md": article(author="CHÍ NGUYÊN")}, authors=None)
    assert result.site.articles[0].author_slug == "" and result.site.authors == ()


def test_the_same_author_twice_is_a_warning_and_the_first_wins(tmp_path):
    authors = "- name: CHÍ NGUYÊN\n  bio: Một.\n- name: THU HÀ\n- name: Chí Nguyên\n  bio: Hai.\n- name: Thu-Hà\n"
    result, _ = load(tmp_path, {"news/a.md": article(author="chí nguyên")}, authors=authors)
    assert result.ok
    assert codes(result) == [("authors.duplicate", "content/authors.yml", 4), ("authors.duplicate", "content/authors.yml", 6)]
    first = result.problems.problems[0]
    assert not first.is_error
    assert first.message == ("Tác giả “Chí Nguyên” trùng với tác giả ở dòng 1 (khác nhau chỉ ở dấu, chữ hoa/thường "
                             "hoặc dấu câu); dòng này bị bỏ qua.")
    assert [a.bio for a in result.site.authors] == ["Một.", ""]


def test_featured_is_read_like_draft(tmp_path):
    result, _ = load(tmp_path, {"news/a.md": article(featured="true"), "news/b.md": article(featured="false"),
                                "news/c.md": article(featured=""), "news/d.md": article()})
    assert {a.slug: a.featured for a in result.site.articles} == {"a": True, "b": False, "c": False, "d": False}


def test_featured_that_is_not_true_or_false_is_an_error_with_its_line(tmp_path):
    result, _ = load(tmp_path, {"news/a.md": article(tags="[tết]", featured="có"),
                                "news/b.md": article(featured="[true]")})
    assert not result.ok
    assert codes(result) == [("field.type", "content/news/a.md", 6), ("field.type", "content/news/b.md", 5)]
    problem = result.problems.problems[0]
    assert problem.message == "Trường “featured” phải là true hoặc false, nhưng đang là chữ “có”."
    assert problem.hint == "Viết featured: true để ghim bài lên đầu trang chủ (tin nổi bật), hoặc xóa dòng này."
    assert result.problems.problems[1].message.endswith("nhưng đang là một danh sách.")


def test_draft_keeps_its_own_hint(tmp_path):
    result, _ = load(tmp_path, {"news/a.md": article(draft="có")})
    assert result.problems.problems[0].hint == "Viết draft: true để giữ bài ở dạng nháp, hoặc xóa dòng này để đăng bài."


def test_misspelt_featured_key_is_suggested(tmp_path):
    result, _ = load(tmp_path, {"news/a.md": article(noi_bat="true"), "news/b.md": article(featued="true")})
    hints = sorted(p.hint for p in result.problems.problems)
    assert hints == ["Có phải ý bạn là “featured”?", "Có phải ý bạn là “featured”?"]


def test_a_plain_page_may_not_take_the_authors_address(tmp_path):
    result, _ = load(tmp_path, {"pages/tac-gia.md": "---\ntitle: Tác giả\n---\nx\n"})
    assert ("page.slug.reserved", "content/pages/tac-gia.md", 1) in codes(result)


def test_every_known_author_has_a_paginated_listing_newest_first(tmp_path):
    files = {f"news/a{i:02d}.md": article(title=f"Bài {i}", date=f"2026-01-{i:02d}", author="chí nguyên")
             for i in range(1, 13)}
    files["news/khac.md"] = article(title="Khác", author="PHÓNG VIÊN")
    result, _ = load(tmp_path, files)
    listings = [l for l in build_listings(result.site, per_page=5) if l.kind == "author"]
    assert [(l.key, l.number, l.total_pages, l.total_items) for l in listings] == [
        ("chi-nguyen", 1, 3, 12), ("chi-nguyen", 2, 3, 12), ("chi-nguyen", 3, 3, 12),
        ("thu-ha", 1, 1, 0), ("minh-duc", 1, 1, 0)]
    assert listings[0].url == "tac-gia/chi-nguyen/" and listings[2].url == "tac-gia/chi-nguyen/trang/3/"
    assert (listings[0].title, listings[0].description) == ("CHÍ NGUYÊN", "Cán bộ Mặt trận phường.")
    shown = [a.slug for l in listings[:3] for a in l.articles]
    assert shown == [f"a{i:02d}" for i in range(12, 0, -1)]


def _home(tmp_path, files, **settings):
    result, config = load(tmp_path, files, **settings)
    assert result.ok, codes(result)
    return build_plan(result.site, config).home


def test_home_pins_at_most_three_featured_by_default_newest_first(tmp_path):
    files = {f"news/a{i:02d}.md": article(title=f"Bài {i}", date=f"2026-03-{i:02d}",
                                          **({"featured": "true"} if i % 3 == 0 else {}))
             for i in range(1, 21)}
    home = _home(tmp_path, files)
    assert [a.slug for a in home.featured] == ["a18", "a15", "a12"]
    assert [a.slug for a in home.latest] == ["a20", "a19", "a17", "a16", "a14", "a13", "a11"]


def test_home_featured_limit_is_a_setting(tmp_path):
    files = {f"news/a{i}.md": article(title=f"Bài {i}", date=f"2026-03-0{i}", featured="true") for i in range(1, 6)}
    home = _home(tmp_path, files, home_featured_max=1, home_latest_count=3)
    assert [a.slug for a in home.featured] == ["a5"] and [a.slug for a in home.latest] == ["a4", "a3", "a2"]
    home = _home(tmp_path, files, home_featured_max=0, home_latest_count=3)
    assert home.featured == () and [a.slug for a in home.latest] == ["a5", "a4", "a3"]
