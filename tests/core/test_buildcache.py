"""The build cache has one owner and one table: docs/cache.md lists every namespace, and a
build makes no folder in the cache that the table does not list."""

from __future__ import annotations

from pathlib import Path

from generator.core.buildcache import NAMESPACES, BuildCache, namespace_table
from tests.conftest import article, build_site, make_site

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cache.md"


def test_the_documented_table_is_the_declared_one():
    assert namespace_table() in DOCS.read_text("utf-8")


def test_a_build_makes_only_declared_namespaces(tmp_path):
    from tests.fixtures.unseen_ward import phone_photo

    root = make_site(tmp_path, {"content/news/2026/a.md": article(body="Mở đầu.\n\n![Ảnh](a.jpg)\n"),
                                "content/news/2026/a.jpg": phone_photo(640, 480)})
    result = build_site(root)
    assert result.ok, result.log
    made = {p.name for p in (root / ".cache" / "ward-news").iterdir() if p.is_dir()}
    assert made and made <= {n.name for n in NAMESPACES}, made


def test_memo_and_checked_articles_from_other_code_are_not_read(tmp_path):
    root = make_site(tmp_path, {"content/news/2026/a.md": article()})
    first = BuildCache(root / ".cache", root / "content")
    first.load()
    first.memo.get(b"r", "text", lambda text: 42)
    first.save()
    again = BuildCache(root / ".cache", root / "content")
    again.load()
    assert again.memo.get(b"r", "text", lambda text: 0) == 42  # the same code: kept
    other = BuildCache(root / ".cache", root / "content")
    other.code = "another generator"
    other.load()
    assert other.memo.get(b"r", "text", lambda text: 0) == 0  # other code: computed again


def test_without_a_cache_folder_the_build_still_works_through_a_temporary_one(tmp_path):
    cache = BuildCache(None, tmp_path)
    scratch = cache.root
    assert scratch.is_dir() and cache.pages is None and not cache.persistent
    cache.close()
    assert not scratch.exists()
