"""load_site on small content folders: every rule, its code, file and line."""

import hashlib
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.core.load import load_site
from generator.core.settings import Settings
from tests.conftest import CATEGORIES, article, to_cp1258, write_files

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)
PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()


def load(tmp_path, files, categories=CATEGORIES, now=NOW):
    all_files = {f"content/{k}": v for k, v in files.items()}
    if categories is not None:
        all_files["content/categories.yml"] = categories
    write_files(tmp_path, all_files)
    (tmp_path / "content").mkdir(exist_ok=True)
    return load_site(Settings(content_dir=tmp_path / "content", display_root=tmp_path), now)


def codes(result):
    return [(p.code, p.path, p.line) for p in result.problems.problems]


def test_valid_article_is_loaded_with_local_time(tmp_path):
    result = load(tmp_path, {"news/2026/trao-qua.md": article(date='"2026-01-09 08:30"', tags="[an sinh, Tết]")})
    assert codes(result) == []
    (a,) = result.site.articles
    assert a.slug == "trao-qua" and a.title == "Trao quà Tết cho hộ cận nghèo"
    assert a.date == datetime(2026, 1, 9, 8, 30, tzinfo=TZ) and a.date.utcoffset().total_seconds() == 7 * 3600
    assert [t.slug for t in a.tags] == ["an-sinh", "tet"]
    assert a.category.slug == "an-sinh-xa-hoi"
    assert a.summary.startswith("Sáng 9/1") and a.lede == ""


def test_explicit_offset_is_kept(tmp_path):
    result = load(tmp_path, {"news/a.md": article(date='"2026-01-09 08:30+00:00"')})
    assert result.site.articles[0].date.utcoffset().total_seconds() == 0


def test_category_by_slug_and_without_accents(tmp_path):
    result = load(tmp_path, {"news/a.md": article(category="hoat-dong"), "news/b.md": article(category="chuyen doi so")})
    assert sorted(a.category.name for a in result.site.articles) == ["Chuyển đổi số", "Hoạt động Mặt trận"]


def test_drafts_and_future_articles_are_left_out(tmp_path):
    result = load(tmp_path, {
        "news/a.md": article(), "news/nhap.md": article(draft="true"), "news/sau.md": article(date="2026-12-01"),
    })
    assert [a.slug for a in result.site.articles] == ["a"]
    assert sorted(a.slug for a in result.site.unpublished) == ["nhap", "sau"]


def test_articles_sort_newest_first_with_slug_tie_break(tmp_path):
    result = load(tmp_path, {
        "news/b.md": article(date="2026-01-09"), "news/a.md": article(date="2026-01-09"),
        "news/c.md": article(date="2026-02-01"),
    })
    assert [a.slug for a in result.site.articles] == ["c", "a", "b"]


@pytest.mark.parametrize("files, expected", [
    ({"news/a.md": "---\ndate: 2026-01-09\ncategory: Chuyển đổi số\n---\nx"}, ("field.missing", 4)),
    ({"news/a.md": article(date="2025-02-30")}, ("article.date.invalid", 3)),
    ({"news/a.md": article(date="2025-13-01")}, ("article.date.invalid", 3)),
    ({"news/a.md": article(date="09/01/2026")}, ("article.date.invalid", 3)),
    ({"news/a.md": article(category="An sinh xa hoii")}, ("category.unknown", 4)),
    ({"news/a.md": article(title="[Hội nghị, tổng kết]")}, ("field.type", 2)),
    ({"news/a.md": article(author="\n  - A\n  - B")}, ("field.type", 5)),
    ({"news/a.md": article(image="khong-co.jpg")}, ("image.missing", 5)),
    ({"news/a.md": article(image="../../../etc/passwd")}, ("image.outside", 5)),
    ({"news/a.md": article(image="/etc/hosts")}, ("image.outside", 5)),
    ({"news/a.md": article(image="https://example.com/a.jpg")}, ("image.outside", 5)),
    ({"news/a.md": article(body="Xem ảnh:\n\n![ảnh](mat-anh.jpg)\n")}, ("image.missing", 8)),
    ({"news/a.md": article(slug="Trao Qua")}, ("article.slug.invalid", 5)),
    ({"news/a.md": article(draft="có")}, ("field.type", 5)),
    ({"news/a.md": article(source_url="hanoimoi.vn/bai")}, ("article.source_url.invalid", 5)),
    ({"news/a.md": "title: x\n"}, ("frontmatter.missing", 1)),
])
def test_each_mistake_is_reported_with_code_and_line(tmp_path, files, expected):
    result = load(tmp_path, files)
    assert not result.ok
    assert (expected[0], "content/news/a.md", expected[1]) in codes(result)


def test_unknown_category_suggests_nearest_name(tmp_path):
    result = load(tmp_path, {"news/a.md": article(category="An sinh xa hoii")})
    (problem,) = result.problems.problems
    assert problem.message == "Chuyên mục “An sinh xa hoii” không có trong content/categories.yml."
    assert problem.hint.startswith("Có phải ý bạn là “An sinh xã hội”?")


def test_unknown_key_is_a_warning_with_a_suggestion(tmp_path):
    result = load(tmp_path, {"news/a.md": article(categroy="x", tac_gia="CHÍ NGUYÊN")})
    assert result.ok
    problems = {p.line: p for p in result.problems.problems}
    assert problems[5].code == "field.unknown" and not problems[5].is_error
    assert problems[5].hint == "Có phải ý bạn là “category”?"
    assert problems[6].hint == "Có phải ý bạn là “author”?"


def test_symlink_out_of_content_is_refused(tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(PNG)
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "news" / "anh.png").symlink_to(outside)
    result = load(tmp_path, {"news/a.md": article(image="anh.png")})
    assert ("image.outside", "content/news/a.md", 5) in codes(result)


def test_image_inside_content_is_resolved(tmp_path):
    result = load(tmp_path, {"news/2026/a.md": article(image="anh.png"), "news/2026/anh.png": PNG})
    assert result.site.articles[0].image.src_uri == "news/2026/anh.png"


def test_duplicate_slugs_name_both_files(tmp_path):
    result = load(tmp_path, {"news/2025/trao-qua.md": article(), "news/2026/trao-qua.md": article()})
    found = [p for p in result.problems.problems if p.code == "article.slug.duplicate"]
    assert [(p.path, p.line) for p in found] == [("content/news/2025/trao-qua.md", 2), ("content/news/2026/trao-qua.md", 2)]
    assert "content/news/2026/trao-qua.md" in found[0].message and "content/news/2025/trao-qua.md" in found[1].message


def test_legacy_encoding_names_the_fix(tmp_path):
    text = to_cp1258(article(title="Hội nghị tổng kết"))
    result = load(tmp_path, {"news/a.md": text})
    (problem,) = result.problems.problems
    assert (problem.code, problem.line) == ("file.encoding", 2)
    assert "UTF-8" in problem.message and "Save As" in problem.hint


def test_every_mistake_comes_back_in_one_run(tmp_path):
    result = load(tmp_path, {
        "news/a.md": article(date="2025-02-30"),
        "news/b.md": article(category="Không có"),
        "news/c.md": "---\ntitle: \"x\ndate: 2026-01-01\n---\n",
        "news/d.md": article(image="../ngoai.jpg"),
        "news/e.md": to_cp1258(article(title="Hội nghị")),
        "pages/tin-tuc.md": "---\ntitle: Tin\n---\n",
    })
    assert sorted({p.path for p in result.problems.errors}) == [
        "content/news/a.md", "content/news/b.md", "content/news/c.md", "content/news/d.md", "content/news/e.md",
        "content/pages/tin-tuc.md",
    ]
    assert result.problems.problems == sorted(result.problems.problems, key=lambda p: (p.path, p.line or 0, p.code))


def test_categories_file_mistakes(tmp_path):
    result = load(tmp_path, {"news/a.md": article()}, categories="- name: An sinh xã hội\n- description: x\n- name: An sinh xã hội\n")
    assert [(p.code, p.line) for p in result.problems.problems if p.path.endswith("categories.yml")] == [
        ("categories.item.invalid", 2), ("categories.duplicate", 3)]


def test_missing_categories_file_is_an_error_when_there_are_articles(tmp_path):
    result = load(tmp_path, {"news/a.md": article()}, categories=None)
    assert ("categories.missing", "content/categories.yml", None) in codes(result)


def test_site_file_is_read(tmp_path):
    result = load(tmp_path, {"site.yml": "name: Phường Hòa Bình\nphone: 024 3826 1234\nsocial:\n  facebook: https://facebook.com/x\nwebsite: x\n"})
    assert result.site.ward.name == "Phường Hòa Bình" and result.site.ward.social[0].label == "Facebook"
    assert [(p.code, p.line) for p in result.problems.problems] == [("field.unknown", 5)]


def test_hostile_html_in_body_is_a_warning_not_an_error(tmp_path):
    result = load(tmp_path, {"news/a.md": article(body="Chào\n\n<script>alert(1)</script>\n<p onclick=alert(2)>x</p>")})
    assert result.ok
    assert [(p.code, p.line) for p in result.problems.problems] == [
        ("article.body.unsafe_html", 8), ("article.body.unsafe_html", 9)]


def test_leading_heading_repeating_the_title_is_dropped(tmp_path):
    result = load(tmp_path, {"news/a.md": article(body="# Trao quà Tết cho hộ cận nghèo\n\nNội dung.")})
    assert "# Trao" not in result.site.articles[0].body


def test_cache_reuses_unchanged_files_and_never_a_stale_answer(tmp_path):
    from generator.core.load import ArticleCache

    cache = ArticleCache()
    files = {"news/a.md": article(image="anh.png"), "news/b.md": article(title="B")}
    first = load(tmp_path, files)
    assert ("image.missing", "content/news/a.md", 5) in codes(first)
    settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path)
    assert not load_site(settings, NOW, cache).ok and (cache.hits, cache.misses) == (0, 2)
    assert not load_site(settings, NOW, cache).ok and (cache.hits, cache.misses) == (2, 2)
    (tmp_path / "content" / "news" / "anh.png").write_bytes(PNG)  # the officer uploads the photo
    fixed = load_site(settings, NOW, cache)
    assert fixed.ok and fixed.site.articles[0].image.src_uri == "news/anh.png"
    write_files(tmp_path, {"content/news/b.md": article(title="B đã sửa")})
    edited = load_site(settings, NOW, cache)
    assert sorted(a.title for a in edited.site.articles) == ["B đã sửa", "Trao quà Tết cho hộ cận nghèo"]
    assert cache.hits == 3  # a.md unchanged since the photo arrived


def test_an_article_cache_saved_without_digests_is_saved_again_with_them(tmp_path):
    """Fingerprints read `Article.digest`; a cache written before digests were kept is written
    again once, so that later builds do not describe every article each time."""
    from generator.core.buildcache import BuildCache
    from generator.core.cache import read_checked_pickle, write_checked_pickle
    from generator.core.load import ArticleCache

    write_files(tmp_path, {"content/categories.yml": CATEGORIES, "content/news/a.md": article(),
                           "content/news/b.md": article(title="B")})
    settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path, cache_dir=tmp_path / ".cache")

    key_file = tmp_path / "home" / "key"

    def load_site_cached(settings, now):  # as check and build do (core/pipeline.py)
        cache = BuildCache(settings.cache_dir, settings.content_dir, key_file)
        cache.load()
        result = load_site(settings, now, cache.articles)
        cache.save()
        return result

    assert load_site_cached(settings, NOW).ok
    [path] = (tmp_path / ".cache" / "articles").glob("*.pickle")
    key = key_file.read_bytes()
    version, entries = read_checked_pickle(path, ArticleCache.FORMAT, key)
    assert all("_digest" in e.article.__dict__ for e in entries.values())  # saved with each article
    for entry in entries.values():
        del entry.article.__dict__["_digest"]  # as an older version saved them
    write_checked_pickle(path, ArticleCache.FORMAT, (version, entries), key)
    again = load_site_cached(settings, NOW)
    assert again.ok and [a.digest for a in again.site.articles] == [
        hashlib.sha256(repr(a).encode()).hexdigest() for a in again.site.articles]
    _, entries = read_checked_pickle(path, ArticleCache.FORMAT, key)
    assert all("_digest" in e.article.__dict__ for e in entries.values())
    before = path.stat().st_mtime_ns
    assert load_site_cached(settings, NOW).ok and path.stat().st_mtime_ns == before  # nothing to save now


VNI_AS_UTF8 = "Saùng 9/1, UÛy ban MTTQ phöôøng ñaõ trao 150 phaàn quaø cho hoä caän ngheøo."  # VNI bytes read as cp1252
TCVN3_AS_UTF8 = "S¸ng 9/1, ñy ban MTTQ ph\u00adêng ®· trao 150 phÇn quµ cho hé cËn nghÌo."


@pytest.mark.parametrize("garbled", [VNI_AS_UTF8, TCVN3_AS_UTF8], ids=["vni", "tcvn3"])
def test_legacy_font_text_saved_as_utf8_is_flagged_at_its_line(tmp_path, garbled):
    result = load(tmp_path, {"news/2026/a.md": article(body="Đoạn đầu viết đúng Unicode.\n\n" + garbled)})
    assert result.ok  # a warning: the article is published, the officer is told
    (problem,) = [p for p in result.problems.problems if p.code == "file.garbled"]
    assert (problem.path, problem.line, str(problem.severity.value)) == ("content/news/2026/a.md", 8, "warning")
    assert garbled.split()[0] in problem.format() and "Unikey" in problem.format()


@pytest.mark.parametrize("text", [
    "Sáng 9/1, Ủy ban MTTQ phường Hòa Bình trao 150 phần quà, nhiệt độ 12°C, «Xuân yêu thương».",
    "© 2026 Ủy ban MTTQ phường. Bà Nguyễn Thị Ngọc Ánh, ông Søren (khách quốc tế).",
], ids=["vietnamese", "two-foreign-signs"])
def test_real_vietnamese_is_not_flagged(tmp_path, text):
    result = load(tmp_path, {"news/2026/a.md": article(body=text)})
    assert not [p for p in result.problems.problems if p.code == "file.garbled"]
