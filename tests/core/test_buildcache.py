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
    key = tmp_path / "home" / "key"
    first = BuildCache(root / ".cache", root / "content", key)
    first.load()
    first.memo.get(b"r", "text", lambda text: 42)
    first.save()
    again = BuildCache(root / ".cache", root / "content", key)
    again.load()
    assert again.memo.get(b"r", "text", lambda text: 0) == 42  # the same code: kept
    other = BuildCache(root / ".cache", root / "content", key)
    other.code = "another generator"
    other.load()
    assert other.memo.get(b"r", "text", lambda text: 0) == 0  # other code: computed again


def test_without_a_cache_folder_the_build_still_works_through_a_temporary_one(tmp_path):
    cache = BuildCache(None, tmp_path)
    scratch = cache.root
    assert scratch.is_dir() and cache.pages is None and not cache.persistent
    cache.close()
    assert not scratch.exists()


class _Planted:
    """Runs code when unpickled: what a cache file committed in a pull request could hold."""

    def __reduce__(self):
        return (Path.touch, (Path(_Planted.target),))


def test_a_planted_cache_file_runs_nothing_and_is_a_miss(tmp_path):
    """Memo and checked articles are pickles: one that does not carry the HMAC of the user's key
    (kept outside the repository) is never unpickled, even with a valid plain digest."""
    import hashlib
    import pickle

    from generator.core.load import ArticleCache
    from generator.core.memo import ContentMemo

    root = make_site(tmp_path, {"content/news/2026/a.md": article()})
    cache = BuildCache(root / ".cache", root / "content", tmp_path / "home" / "key")
    _Planted.target = str(tmp_path / "pwned")
    for namespace, label in (("memo", ContentMemo.FORMAT), ("articles", ArticleCache.FORMAT)):
        payload = pickle.dumps((cache.code, {b"x": _Planted()}))
        path = cache._per_content(namespace)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(label + hashlib.sha256(payload).digest() + payload)  # the old, keyless check
    cache.load()
    assert not (tmp_path / "pwned").exists()
    assert cache.memo.get(b"r", "text", lambda text: 7) == 7 and cache.articles.get("x") is None
    assert (tmp_path / "home" / "key").stat().st_mode & 0o777 == 0o600


def test_the_code_is_read_by_one_thread_at_a_time(monkeypatch):
    """The card thread, the search thread and the main one may all ask for a fingerprint while
    none is known yet; CPython 3.11's ast.parse in two threads at once raised a SystemError
    ("AST constructor recursion depth mismatch") in a build. Each file's imports are read by one
    thread at a time, and every thread gets the same answer."""
    import threading
    import time

    from generator.core import fingerprint

    reading, most = [0], [0]
    lock = threading.Lock()
    original = fingerprint._imports

    def watched(module, path):
        with lock:
            reading[0] += 1
            most[0] = max(most[0], reading[0])
        time.sleep(0.002)  # long enough for another thread to come in, were it let in
        try:
            return original(module, path)
        finally:
            with lock:
                reading[0] -= 1

    monkeypatch.setattr(fingerprint, "_imports", watched)
    fingerprint.forget_code()
    modules = ["generator.core.search", "generator.core.cards.render", "generator.core.images", None]
    results, errors = [], []

    def read(module):
        try:
            results.append((module, fingerprint.code_fingerprint(module)))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read, args=(m,)) for m in modules * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    fingerprint.forget_code()  # the next build reads the code without the watch
    assert not errors and most[0] == 1, (errors, most)
    assert len({(m, f) for m, f in results}) == len(modules)  # one answer per module
