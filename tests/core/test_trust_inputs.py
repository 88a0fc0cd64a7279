"""Trust, round two: nothing from outside content/ is read, nothing an officer writes takes the
theme's place (files or element ids), and a slip on the command line loses nothing."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.core.load import load_site
from generator.core.sanitize import THEME_ID_PREFIXES, removed_parts, sanitize_html
from generator.core.settings import Settings
from tests.cli.test_cli import snapshot, ward_news
from tests.conftest import article, build_site, make_site
from tests.core.test_load import NOW, load

SECRET = "root:x:0:0:bí mật ngoài content"
THEME = Path(__file__).resolve().parents[2] / "generator" / "theme"


def outside_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ngoai" / "secret.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes_at(result) -> set[tuple[str, str]]:
    return {(p.code, p.path) for p in result.problems.problems}


@pytest.mark.parametrize("where, text", [
    ("pages/x.md", f"---\ntitle: Trang\n---\n{SECRET}\n"),
    ("news/2026/x.md", article(body=SECRET)),
    ("categories.yml", "- name: An sinh xã hội\n"),
])
def test_a_symlink_out_of_content_is_a_problem_and_nothing_of_it_is_read(tmp_path, where, text):
    content = tmp_path / "content"
    files = {"news/2026/a.md": article(), "categories.yml": "- name: An sinh xã hội\n"}
    for rel, body in files.items():
        if rel != where:
            (content / rel).parent.mkdir(parents=True, exist_ok=True)
            (content / rel).write_text(body, encoding="utf-8")
    (content / where).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside_file(tmp_path, text), content / where)
    result = load_site(Settings(content_dir=content, display_root=tmp_path), NOW)
    assert ("file.outside", f"content/{where}") in codes_at(result)
    assert not result.ok or all(SECRET not in getattr(p, "body", "") for p in (*result.site.pages,
                                                                                *result.site.articles))


def test_a_symlink_that_stays_inside_content_is_followed(tmp_path):
    content = tmp_path / "content"
    (content / "news/2026").mkdir(parents=True)
    (content / "categories.yml").write_text("- name: An sinh xã hội\n", encoding="utf-8")
    (content / "news/2026/goc.md").write_text(article(title="Bản gốc"), encoding="utf-8")
    (content / "pages").mkdir()
    os.symlink(content / "news/2026/goc.md", content / "news/2026/ban-sao.md")
    result = load_site(Settings(content_dir=content, display_root=tmp_path), NOW)
    assert "file.outside" not in {p.code for p in result.problems.problems}


def test_a_symlinked_page_publishes_nothing_of_its_target(tmp_path):
    (tmp_path / "ward").mkdir()
    root = make_site(tmp_path / "ward", {"content/news/2026/a.md": article()})
    (root / "content/pages").mkdir()
    os.symlink(outside_file(tmp_path, f"---\ntitle: Trang\n---\n{SECRET}\n"), root / "content/pages/x.md")
    result = build_site(root)
    assert not result.ok and any(p.code == "file.outside" for p in result.problems)
    site = root / "site"
    assert not site.exists() or all(SECRET.encode() not in data for data in snapshot(site).values())


@pytest.mark.parametrize("site_dir", ["content", ".", "content/news", ".git", ".cache/ward-news/site", ".."])
def test_a_site_folder_over_the_content_project_git_or_cache_is_refused_and_nothing_moves(tmp_path, site_dir):
    (tmp_path / "ward").mkdir()
    root = make_site(tmp_path / "ward", {"content/news/2026/a.md": article()})
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = snapshot(root)
    result = ward_news("build", "--site-dir", site_dir, cwd=root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Không dựng trang web" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(root) == before


def test_officer_ids_never_take_the_themes():
    html = sanitize_html('<h2 id="__config">Cấu hình</h2><div id="wn-report">x</div><p id="muc-1">y</p>'
                         '<a href="#__config">lên</a><a href="#muc-1">xuống</a>')
    assert re.findall(r'id="([^"]+)"', html) == ["nd-__config", "nd-wn-report", "muc-1"]
    assert re.findall(r'href="([^"]+)"', html) == ["#nd-__config", "#muc-1"]
    assert sanitize_html(html) == html  # once moved, moved for good (feeds sanitise again)
    assert removed_parts('<h2 id="__config">Cấu hình</h2>') == []  # moved, not removed: no warning


def test_every_id_the_packaged_theme_writes_is_in_the_themes_namespace():
    ids = {match for path in THEME.rglob("*.html")
           for match in re.findall(r'\bid="([^"{]+)', path.read_text("utf-8"))}
    assert ids and {i for i in ids if not i.startswith(THEME_ID_PREFIXES)} == set()


def test_a_heading_named_like_the_themes_config_leaves_the_theme_working(tmp_path):
    root = make_site(tmp_path, {"content/news/2026/a.md": article(
        body="## __config\n\nĐoạn.\n\n<div id=\"__config\">{}</div>\n")})
    result = build_site(root)
    assert result.ok, result.log
    page = BeautifulSoup((root / "site/tin-tuc/a/index.html").read_text("utf-8"), "lxml")
    configs = page.find_all(id="__config")
    assert len(configs) == 1 and configs[0].name == "script"  # Material's own
    assert page.find("h2", id="config") is not None  # a heading's id: readable letters only (heading_id)
    assert page.find("div", id="nd-__config") is not None  # a raw id: moved to the officers' namespace


def test_a_content_file_at_a_path_the_site_writes_is_a_problem_at_that_file(tmp_path):
    files = {"news/2026/a.md": article(), "assets/javascripts/ward-news.js": "alert(1)", "404.html": "<p>x</p>"}
    result = load(tmp_path, files)
    assert {("file.site_path", "content/assets/javascripts/ward-news.js"), ("file.site_path", "content/404.html")} \
        <= codes_at(result)
    (tmp_path / "ward").mkdir()
    root = make_site(tmp_path / "ward", {f"content/{rel}": text for rel, text in files.items()})
    check = ward_news("check", cwd=root)
    assert check.returncode == 1 and "content/assets/javascripts/ward-news.js" in check.stdout + check.stderr


def test_a_site_folder_that_cannot_be_made_is_a_message_not_a_traceback(tmp_path):
    (tmp_path / "ward").mkdir()
    root = make_site(tmp_path / "ward", {"content/news/2026/a.md": article()})
    (root / "tep").write_text("một tệp, không phải thư mục")
    result = ward_news("build", "--site-dir", "tep/site", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "Không chuẩn bị được thư mục để dựng trang web" in result.stderr and "không phải thư mục" in result.stderr


def test_a_full_disk_names_the_sites_file_never_pythons(tmp_path):
    import errno
    import sys

    from generator.cli.build import _os_reason

    inside_python = OSError(errno.ENOSPC, "No space left on device", f"{sys.prefix}/lib/site-packages/x.pyc")
    assert _os_reason(inside_python) == "ổ đĩa đã đầy"
    in_the_site = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "site" / "index.html"))
    assert _os_reason(in_the_site) == f"ổ đĩa đã đầy ({tmp_path / 'site' / 'index.html'})"


def test_a_photo_folder_named_anh_is_the_officers_own(tmp_path):
    """`anh/` is also where the site puts its web-ready photos, but under hashed names: an
    officers' folder of that name is fine (the originals are never published at their path)."""
    from tests.fixtures.unseen_ward import phone_photo

    result = load(tmp_path, {"news/2026/a.md": article(image="../../anh/le-hoi.jpg", image_alt="Lễ hội"),
                             "anh/le-hoi.jpg": phone_photo(640, 480)})
    assert result.ok and not result.problems.has_errors, [p.format() for p in result.problems.problems]
