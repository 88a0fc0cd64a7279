"""The page store (core/pagestore.py) is only a speed-up: `ward-news build` with an empty cache,
with a warm one, and with a damaged one publishes the same bytes; an edit re-renders exactly the
pages that show what changed. Built for real, in fresh processes, on the sample ward's content."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.cli.test_cli import snapshot, ward_news
from tests.conftest import copy_sample, write_mkdocs_yml

EDITED = "content/news/2025/trao-tang-20-xe-dap-cho-hoc-sinh-co-hoan-canh-kho-khan.md"
UNRELATED = "tin-tuc/lan-dau-phat-truc-tiep-hoi-nghi-doi-thoai-voi-nhan-dan/index.html"


def copy_project(root, target, cache=True):
    """The project without its built sites (and without its cache, unless `cache`)."""
    skipped = {"site", "site-warm", "site-2"} | (set() if cache else {".cache"})
    shutil.copytree(root, target, ignore=lambda folder, names: [n for n in names if folder == str(root) and n in skipped])
    return target


def build(root, site="site"):
    result = ward_news("build", "--site-dir", str(root / site), cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    rendered, reused = map(int, re.search(r"Trang: dựng mới (\d+), dùng lại (\d+)", result.stderr + result.stdout).groups())
    return rendered, reused


@pytest.fixture(scope="module")
def ward(tmp_path_factory):
    root = copy_sample(tmp_path_factory.mktemp("store"))
    write_mkdocs_yml(root)  # a fixed clock: two builds of the same content are the same site
    rendered, reused = build(root)
    assert reused == 0 and rendered > 60
    return root, snapshot(root / "site"), rendered


def test_a_warm_build_renders_nothing_and_publishes_the_same_bytes(ward):
    root, cold, pages = ward
    assert build(root, "site-warm") == (0, pages)
    assert snapshot(root / "site-warm") == cold


def test_an_empty_cache_gives_the_same_site_as_a_warm_one(ward, tmp_path):
    root, cold, pages = ward
    again = copy_project(root, tmp_path / "again", cache=False)
    assert build(again) == (pages, 0)
    assert snapshot(again / "site") == cold


def test_a_damaged_stored_page_is_rendered_again_never_published(ward, tmp_path):
    root, cold, pages = ward
    damaged = copy_project(root, tmp_path / "damaged")
    stored = sorted(p for p in (damaged / ".cache/ward-news/pages").iterdir() if not p.name.startswith("."))
    truncated, flipped = stored[0], stored[1]
    truncated.write_bytes(truncated.read_bytes()[:100])
    data = bytearray(flipped.read_bytes())
    data[len(data) // 2] ^= 0x20  # one letter's case: the same size, other bytes
    flipped.write_bytes(bytes(data))
    damaged_keys = {truncated.name.split(".")[0], flipped.name.split(".")[0]}
    body = next(p for p in sorted((damaged / ".cache/ward-news/bodies").iterdir())
                if not p.name.startswith(".") and p.name.split(".")[0] not in damaged_keys)  # a third page: its body damaged
    body.write_bytes(b"<p>not what was rendered</p>")
    for saved in (damaged / ".cache/ward-news/articles").iterdir():  # checked articles, cut short
        saved.write_bytes(saved.read_bytes()[:200])
    assert build(damaged) == (3, pages - 3)
    assert snapshot(damaged / "site") == cold
    assert build(damaged, "site-2") == (0, pages)  # damaged entries were replaced by good ones


def test_an_edit_renders_exactly_the_pages_that_show_it(ward, tmp_path):
    root, cold, pages = ward
    edited = copy_project(root, tmp_path / "edited")
    path = edited / EDITED
    text = path.read_text("utf-8")
    path.write_text(text.replace("title: ", "title: Sửa: ", 1), encoding="utf-8")
    rendered, reused = build(edited)
    after = snapshot(edited / "site")
    changed = {name for name in after if name in cold and after[name] != cold[name]}
    changed_pages = {name for name in changed if name.endswith(".html")}
    # Every page rendered again shows the headline (so it changed), and every page that changed
    # was rendered again: the fingerprints are exact, neither stale nor too wide.
    assert rendered == len(changed_pages) and rendered + reused == pages
    assert "tin-tuc/trao-tang-20-xe-dap-cho-hoc-sinh-co-hoan-canh-kho-khan/index.html" in changed_pages
    assert {"luu-tru/2025/index.html", "chuyen-muc/an-sinh-xa-hoi/index.html", "the/hoc-sinh/index.html"} <= changed_pages
    assert "index.html" not in changed_pages  # an August 2025 article is not on the home page
    assert UNRELATED not in changed and "gioi-thieu/index.html" not in changed
    assert all("Sửa: " in after[name].decode() for name in changed_pages)
    # Its category's feed carries the new headline (the site's carry only the newest 20 articles).
    assert "chuyen-muc/an-sinh-xa-hoi/feed.xml" in changed
    cards = lambda files: {n for n in files if n.startswith("the-chia-se/trao-tang-20-xe-dap")}
    assert cards(after) and cards(after).isdisjoint(cards(cold))  # its card shows the new headline
    assert any(name.startswith("pagefind/") for name in set(after) ^ set(cold) | changed)


def tree_of(folder):
    """Every file's bytes and every folder: a build must not leave an empty folder behind either."""
    return snapshot(folder), sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())


def test_a_build_in_the_replaced_site_publishes_what_an_empty_folder_would(ward, tmp_path):
    root, cold, pages = ward
    project = copy_project(root, tmp_path / "reused")
    build(project)
    build(project)  # the first build's site now waits beside the second as the spare
    spare = project / ".site.spare"
    stray = spare / "tin-tuc" / "bai-cu-da-xoa" / "index.html"  # a page of an article deleted since
    stray.parent.mkdir()
    stray.write_text("stale")
    theme_file = next(p for p in (spare / "assets").rglob("*.css"))
    theme_file.write_text("/* an older theme's */")  # written by MkDocs, not a link: copied again
    edited = project / EDITED
    deleted = next(p for p in sorted((project / "content/news").rglob("*.md")) if p != edited)
    changes = [lambda: edited.write_text(edited.read_text("utf-8").replace("title: ", "title: Sửa: ", 1),
                                         encoding="utf-8"),
               deleted.unlink]  # every page shows the category counts: all rendered again
    for number, change in enumerate(changes):
        published = snapshot(project / "site")
        change()
        rendered, reused = build(project)
        assert rendered and (reused or number == 1)
        assert snapshot(spare) == published  # built in the spare, and the published site never written through
        fresh = copy_project(project, tmp_path / f"fresh-{number}", cache=False)
        shutil.rmtree(fresh / ".site.spare")
        build(fresh)
        assert tree_of(project / "site") == tree_of(fresh / "site")


def test_every_page_a_build_renders_is_left_as_a_link_to_its_stored_copy(ward):
    """So that the build after next, which builds into this site, keeps the page instead of
    writing it again (core/publish.py PreviousSite keeps links only)."""
    root, cold, pages = ward
    stored = {p.stat().st_ino for p in (root / ".cache/ward-news/pages").iterdir() if not p.name.startswith(".")}
    html = [p for p in (root / "site").rglob("index.html")]
    assert len(html) == pages and all(p.stat().st_ino in stored for p in html)
