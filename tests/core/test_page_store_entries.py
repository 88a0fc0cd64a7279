"""Page-store entries (core/cache.py CheckedCache, core/pagestore.py): an entry is read again
whenever its stat moved since its bytes last matched its name, so a damaged entry is never
linked into a site, even across processes; bodies of reused pages are read only when asked."""

from __future__ import annotations

import os

import pytest

from generator.core.cache import CheckedCache
from generator.core.pagestore import Bodies, PageStore, StoreChanged
from generator.core.memo import ContentMemo
from generator.core.search import body_text, stored_text_known


def fresh(root) -> CheckedCache:
    """The cache as the next build's process finds it."""
    return CheckedCache(root, "pages")


def settled(path) -> None:
    """As if written a minute ago: an entry written in the last two seconds is not trusted."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 60 * 10**9))


def test_a_trusted_entry_is_located_without_reading_it(tmp_path, monkeypatch):
    cache = fresh(tmp_path)
    path = cache.put("k1", ".html", b"<p>trang</p>")
    settled(path)
    checked = fresh(tmp_path)
    assert checked.locate("k1", ".html") is not None  # read once: its stat moved
    checked.save_trust()
    reads = []
    monkeypatch.setattr(CheckedCache, "read", lambda self, *a: reads.append(a))
    found = fresh(tmp_path).locate("k1", ".html")
    assert found is not None and found[0] == path and reads == []


def test_an_entry_written_just_now_is_read_again_by_the_next_build(tmp_path, monkeypatch):
    cache = fresh(tmp_path)
    cache.put("k1", ".html", b"<p>trang</p>")
    cache.save_trust()  # not trusted on the word of its writer, nor while racily clean
    reads = []
    real = CheckedCache.read
    monkeypatch.setattr(CheckedCache, "read", lambda self, *a: reads.append(a) or real(self, *a))
    assert fresh(tmp_path).locate("k1", ".html") is not None and reads == [("k1", ".html")]


@pytest.mark.parametrize("damage", ["truncate", "same size", "replaced"])
def test_an_entry_changed_on_disk_is_read_again_and_dropped(tmp_path, damage):
    cache = fresh(tmp_path)
    path = cache.put("k1", ".html", b"<p>trang goc</p>")
    settled(path)
    checked = fresh(tmp_path)
    checked.locate("k1", ".html")
    checked.save_trust()
    if damage == "truncate":
        path.write_bytes(b"<p>tr")
    elif damage == "same size":
        data = bytearray(path.read_bytes())
        data[4] ^= 0x20
        path.write_bytes(bytes(data))
    else:  # another file moved over it (a new inode), its time set back to the original's
        stat = path.stat()
        other = tmp_path / "other"
        other.write_bytes(b"<p>trang KHAC</p>")
        os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        os.replace(other, path)
    again = fresh(tmp_path)
    assert again.locate("k1", ".html") is None
    assert not path.exists() and again.rejected == 1


def test_a_damaged_trust_file_only_costs_reading_entries_again(tmp_path):
    settled(fresh(tmp_path).put("k1", ".html", b"<p>trang</p>"))
    cache = fresh(tmp_path)
    cache.locate("k1", ".html")
    cache.save_trust()
    trust = tmp_path / "pages" / CheckedCache.TRUST_FILE
    trust.write_bytes(trust.read_bytes()[:10])
    found = fresh(tmp_path).locate("k1", ".html")
    assert found is not None and found[0].read_bytes() == b"<p>trang</p>"


def test_bodies_of_reused_pages_are_read_only_when_asked_and_checked(tmp_path):
    store = PageStore(tmp_path)
    store.keep("f1", b"<html>1</html>", "<p>Bao cao tong ket</p>")
    store.keep("f2", b"<html>2</html>", "<p>Trao qua Tet</p>")
    store.keep("f3", b"<html>3</html>", "<p>Hien mau</p>")
    store.prune()
    again = PageStore(tmp_path)
    bodies = Bodies()
    for key, src in (("f1", "a.md"), ("f2", "b.md"), ("f3", "c.md")):
        placed, body, text = again.place(key, tmp_path / "site" / src / "index.html", with_body=True)
        assert placed and body is not None and text is None
        bodies.keep_stored(src, body)
    assert bodies.stored_name("a.md") is not None  # nothing read yet
    assert bodies.get("a.md") == "<p>Bao cao tong ket</p>" and bodies.stored_name("a.md") is None
    assert body_text(bodies, "b.md") == "Trao qua Tet"
    copy = bodies.copy()
    bodies["b.md"] = "<p>moi</p>"
    assert copy.get("b.md") == "<p>Trao qua Tet</p>"  # the copy is its own
    stored = again.bodies.locate("f3", ".html")[0]
    stored.write_bytes(b"<p>Hien MAU</p>")  # changed after its page was placed, before it was read
    with pytest.raises(StoreChanged):
        copy.get("c.md")
    assert not stored.exists()  # the next build renders that page again


def test_a_body_a_feed_carries_is_read_when_its_page_is_placed(tmp_path):
    store = PageStore(tmp_path)
    store.keep("f1", b"<html>1</html>", "<p>Tin moi</p>")
    asked = []
    placed, body, text = PageStore(tmp_path).place("f1", tmp_path / "site/a/index.html", with_body=True,
                                                   read_now=lambda name: asked.append(name) or True)
    assert placed and text == "<p>Tin moi</p>" and asked == [body.name]
    bodies = Bodies()
    bodies.keep_stored("a.md", body, text)
    memo = ContentMemo()
    assert body_text(bodies, "a.md", memo) == "Tin moi" and stored_text_known(body.name, memo)  # by entry name
    stored = next((tmp_path / "bodies").glob("f1.*"))
    stored.write_bytes(b"<p>Tin MOI</p>")  # damaged: the page is rendered again instead
    assert PageStore(tmp_path).place("f1", tmp_path / "site/b/index.html", with_body=True,
                                     read_now=lambda name: True) == (False, None, None)


@pytest.mark.parametrize("linkable", [True, False], ids=["same file system", "another file system"])
def test_a_page_mkdocs_wrote_becomes_its_entry_and_stays_a_link_to_it(tmp_path, monkeypatch, linkable):
    """The store links the file MkDocs wrote (one write a page); where it cannot link, it copies
    the bytes in and links them back. Either way the site's file is its entry, checked by name."""
    html = "<p>Trang đã dựng</p>".encode()
    site = tmp_path / "site" / "tin-tuc" / "bai" / "index.html"
    site.parent.mkdir(parents=True)
    placed: set[str] = set()
    store = PageStore(tmp_path / "cache", placed)
    store.keep("f1", html, None, site)
    site.write_bytes(html)  # MkDocs writes the page after on_post_page
    if not linkable:
        real_link = os.link
        monkeypatch.setattr(os, "link", lambda src, dst: (_ for _ in ()).throw(OSError(18, "EXDEV"))
                            if str(src) == str(site) else real_link(src, dst))
    store.link_written()
    monkeypatch.undo()
    entry = next((tmp_path / "cache" / "pages").glob("f1.*.html"))
    assert entry.name == f"f1.{CheckedCache.digest(html)}.html"
    assert entry.stat().st_ino == site.stat().st_ino and entry.read_bytes() == html
    assert os.path.normpath(str(site)) in placed
    settled(entry)
    assert fresh(tmp_path / "cache").read("f1", ".html")[1] == html
