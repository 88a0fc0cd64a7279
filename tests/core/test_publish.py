import os
import shutil
import threading

import pytest

from generator.core import cache, publish


def tree(path):
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_publish_swaps_a_finished_folder_in(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    staged = publish.staging_dir(site)
    (staged / "index.html").write_text("new")
    publish.publish(staged, site)
    assert tree(site) == {"index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["site"]


def test_publish_into_a_new_folder(tmp_path):
    staged = publish.staging_dir(tmp_path / "out" / "site")
    (staged / "a").write_text("x")
    publish.publish(staged, tmp_path / "out" / "site")
    assert tree(tmp_path / "out" / "site") == {"a": b"x"}


def test_concurrent_publishes_never_mix_two_builds(tmp_path):
    site = tmp_path / "site"
    errors = []

    def build(n):
        try:
            staged = publish.staging_dir(site)
            for i in range(30):
                (staged / f"{i}.html").write_text(f"build {n}")
            publish.publish(staged, site)
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=build, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    contents = set(tree(site).values())
    assert len(contents) == 1 and len(tree(site)) == 30  # one whole build, not a mix


@pytest.mark.parametrize("exchange", [True, False])
def test_both_swap_strategies(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "x").write_text("old")
    staged = publish.staging_dir(site)
    (staged / "x").write_text("new")
    publish.publish(staged, site)
    assert tree(site) == {"x": b"new"}


def test_sweep_removes_only_abandoned_staging_folders(tmp_path):
    site = tmp_path / "site"
    abandoned = tmp_path / ".site.tmp-killed"  # what a build killed with SIGKILL leaves behind
    abandoned.mkdir()
    (abandoned / "half.html").write_text("half")
    running = publish.staging_dir(site)  # held by a build in progress
    publish.sweep_stale(site)
    assert not abandoned.exists() and running.exists()
    publish.discard(running)


def link_tree(folder, store, files):
    """`files`: relative path -> store entry name; each a hard link to `store/<name>`, as the
    build places pages, cards and photos."""
    for relative, name in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(store / name, target)


@pytest.fixture
def store(tmp_path):
    folder = tmp_path / ".cache"
    folder.mkdir()
    for name in ("a", "b", "c", "d"):
        (folder / name).write_text(f"entry {name}")
    return folder


def test_the_replaced_site_becomes_the_next_builds_staging_folder(tmp_path, store):
    site = tmp_path / "out" / "site"
    first, previous = publish.reusable_staging_dir(site)
    assert previous is None  # nothing to reuse yet: a fresh folder
    link_tree(first, store, {"a.html": "a"})
    (first / "index.html").write_text("one")
    publish.publish(first, site, placed={"a.html"})
    second, _ = publish.reusable_staging_dir(site)
    link_tree(second, store, {"b.html": "b"})
    (second / "index.html").write_text("two")
    publish.publish(second, site, placed={"b.html"})
    spare = tmp_path / "out" / ".site.spare"
    assert tree(spare) == {"a.html": b"entry a", "index.html": b"one"}
    assert tree(site) == {"b.html": b"entry b", "index.html": b"two"}
    third, previous = publish.reusable_staging_dir(site)
    assert previous is not None and not spare.exists()
    previous.ready()
    assert tree(third) == {"a.html": b"entry a"}  # what that build wrote itself is gone before anything is written
    fourth, other = publish.reusable_staging_dir(site)  # a build at the same time: a folder of its own
    assert other is None and fourth != third
    publish.discard(fourth)
    publish.publish(third, site, placed={"a.html"})
    assert tree(site) == {"a.html": b"entry a"}  # index.html was not placed: this build did not write it
    again, previous = publish.reusable_staging_dir(site)  # the second site, with its own record
    previous.ready()
    assert tree(again) == {"b.html": b"entry b"}
    publish.discard(again, site)  # a failed build's folder waits as the spare: it is only a start
    assert spare.is_dir()
    after, previous = publish.reusable_staging_dir(site)
    previous.ready()
    assert tree(after) == {}  # nothing of a failed build is recorded as placed
    publish.discard(after)


def test_a_ward_of_a_city_builds_in_its_spare_after_the_whole_site_was_deleted(tmp_path, store):
    site = tmp_path / "site" / "phuong-a"  # `ward-news build --ward`: staging folders in the repository
    for _ in range(2):
        publish.publish(publish.staging_dir(site, tmp_path), site, tmp_path, placed=set())
    assert (tmp_path / ".site-phuong-a.spare").is_dir()
    shutil.rmtree(tmp_path / "site")
    staged, previous = publish.reusable_staging_dir(site, tmp_path)
    assert previous is not None
    previous.ready()
    (staged / "index.html").write_text("new")
    publish.publish(staged, site, tmp_path, placed=set())
    assert tree(site) == {"index.html": b"new"}


def test_files_linked_from_elsewhere_are_not_taken_for_the_caches(tmp_path, store):
    """A backup made with hard links (`cp -al site backup`) makes the feeds and theme files of
    the replaced site links too: they must be deleted, not written through or kept."""
    site = tmp_path / "site"
    staged, _ = publish.reusable_staging_dir(site)
    (staged / "feed.xml").write_text("<rss>one</rss>")
    publish.publish(staged, site, placed=set())
    os.link(site / "feed.xml", tmp_path / "backup-feed.xml")
    publish.publish(publish.staging_dir(site), site, placed=set())  # the backed-up site becomes the spare
    staged, previous = publish.reusable_staging_dir(site)
    previous.ready()
    assert tree(staged) == {} and (tmp_path / "backup-feed.xml").read_text() == "<rss>one</rss>"
    publish.discard(staged)


def test_a_spare_that_cannot_be_emptied_fails_one_build_and_is_then_dropped(tmp_path, store, monkeypatch):
    site = tmp_path / "site"
    publish.publish(publish.staging_dir(site), site, placed=set())
    publish.publish(publish.staging_dir(site), site, placed=set())
    monkeypatch.setattr(publish, "_listing", lambda folder: (_ for _ in ()).throw(PermissionError(13, "denied")))
    staged, previous = publish.reusable_staging_dir(site)
    with pytest.raises(PermissionError):
        previous.ready()
    assert previous.error is not None  # the command line then discards it without keeping it


@pytest.mark.parametrize("listing", ["find", "python"])
def test_an_earlier_site_keeps_only_the_links_this_build_placed_again(tmp_path, store, monkeypatch, listing):
    if listing == "python":  # no GNU find (macOS): the same rules through os.scandir
        monkeypatch.setattr(publish, "_listing", lambda folder: None)
    site = tmp_path / "site"
    spare = tmp_path / ".site.spare"
    spare.mkdir()
    link_tree(spare, store, {"kept/index.html": "a", "gone/index.html": "b", "relinked/x.png": "c",
                             "replaced/index.html": "d", "deep/er/old.png": "b", "odd name/a\nb c.png": "c"})
    (spare / "feed.xml").write_text("written by that build")
    (spare / "only").mkdir()
    (spare / "only" / "theme.js").write_text("copied by MkDocs")
    os.symlink("/etc/passwd", spare / "link")
    (tmp_path / ".site.spare.placed").unlink(missing_ok=True)
    cache.write_checked_json(tmp_path / ".site.spare.placed", publish._RECORD_FORMAT, sorted({
        "kept/index.html", "gone/index.html", "relinked/x.png", "replaced/index.html", "deep/er/old.png",
        "odd name/a\nb c.png", "feed.xml"}))  # feed.xml: recorded, but not a link any more
    staged, previous = publish.reusable_staging_dir(site)
    previous.ready()
    assert sorted(p.relative_to(staged).as_posix() for p in staged.rglob("*") if not p.is_dir()) == [
        "deep/er/old.png", "gone/index.html", "kept/index.html", "odd name/a\nb c.png", "relinked/x.png",
        "replaced/index.html"]
    placed: set[str] = set()  # the build's record (BuildCache.placed)
    cache.place_file(store / "a", staged / "kept/index.html", set(), placed=placed)  # found in place: left as it is
    os.remove(staged / "relinked/x.png")  # a folder emptied and filled again (the search bundle)
    cache.place_file(store / "c", staged / "relinked/x.png", set(), placed=placed)
    cache.place_file(store / "a", staged / "replaced/index.html", set(), placed=placed)  # another entry now
    os.remove(staged / "gone/index.html")
    (staged / "gone/index.html").write_text("rendered again")  # what on_pre_page and MkDocs do
    os.utime(store / "b", (1, 1))  # a cache marks deep/er/old.png's entry used: not a placement
    assert previous.remove_unused(placed) == 2  # deep/er/old.png and the odd name: nothing placed them again
    assert tree(staged) == {"kept/index.html": b"entry a", "relinked/x.png": b"entry c",
                            "replaced/index.html": b"entry a", "gone/index.html": b"rendered again"}
    assert not {"deep", "only", "odd name"} & {p.name for p in staged.iterdir()}  # no empty folders
    assert (store / "d").read_text() == "entry d" and (store / "b").read_text() == "entry b"  # never written through
    publish.discard(staged)
