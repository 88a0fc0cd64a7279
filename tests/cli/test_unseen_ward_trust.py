"""Trust, on a ward's content we did not write, through the real `ward-news` command: a hostile
article is inert in every output, an alias bomb is refused quickly and small, and a build
killed half-way or run twice at once leaves the published site whole."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from generator.core.quotes import curly_quotes
from tests.conftest import REPO, served
from tests.fixtures.unseen_ward import article_titles, write_ward

HOSTILE_TITLE = "<script>alert('tiêu đề')</script> Tin <img src=x onerror=alert(1)> Phú Định"
SHOWN_TITLE = curly_quotes(HOSTILE_TITLE)  # as published: typographic quotes (core/quotes.py), the rest as text
HOSTILE = f"""\
---
title: "{HOSTILE_TITLE.replace('"', '&quot;')}"
date: 2026-06-01
category: Tin hoạt động
summary: "</script><script>alert(2)</script> tóm tắt"
author: "<b onmouseover=alert(3)>PV</b>"
---
Nội dung <script>alert(4)</script> <a href="javascript:alert(5)">xem</a> <a href="jav&#x61;script:alert(6)">b</a>

<iframe src="https://www.youtube.com/embed/x"></iframe>
<svg><script>alert(7)</script></svg>
<!-- --><script>alert(8)</script><!-- -->
[bấm vào](javascript:alert(9)) <object data="data:image/svg+xml,<svg onload=alert(10)>"></object>
"""
CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]


def ward_news(*args, cwd, **kwargs):
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, **kwargs)


def build(ward):
    return ward_news("build", "--content", "content", "--site-dir", "out", "-f", str(REPO / "mkdocs.yml"), cwd=ward)


def snapshot(path):
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def hostile_ward(tmp_path_factory):
    ward = tmp_path_factory.mktemp("hostile")
    write_ward(ward)
    (ward / "content/news/2026/hostile.md").write_text(HOSTILE, encoding="utf-8")
    result = build(ward)
    assert result.returncode == 0, result.stdout + result.stderr
    return ward


def _no_active_content(html: str):
    soup = BeautifulSoup(html, "lxml")
    scripts = [s for s in soup.find_all("script") if s.get("type") not in ("application/ld+json", "application/json")]
    assert not any("alert" in (s.string or "") for s in scripts)
    assert soup.find(attrs={"onerror": True}) is None and soup.find(attrs={"onmouseover": True}) is None
    assert soup.find(attrs={"onload": True}) is None and soup.find("iframe") is None
    for tag in soup.find_all(href=True) + soup.find_all(src=True):
        value = (tag.get("href") or tag.get("src") or "").strip().lower()
        assert not value.startswith(("javascript:", "data:text", "data:image/svg")), value


def test_hostile_article_is_inert_in_page_meta_and_json_ld(hostile_ward):
    html = (hostile_ward / "out/tin-tuc/hostile/index.html").read_text("utf-8")
    _no_active_content(html)
    soup = BeautifulSoup(html, "lxml")
    assert soup.h1.get_text() == SHOWN_TITLE
    assert soup.find("meta", property="og:title")["content"] == SHOWN_TITLE
    (ld,) = [s.string for s in soup.find_all("script", type="application/ld+json")]
    assert "<" not in ld and json.loads(ld)["headline"] == SHOWN_TITLE
    for listing in ("out/index.html", "out/tin-tuc/index.html", "out/chuyen-muc/tin-hoat-dong/index.html"):
        _no_active_content((hostile_ward / listing).read_text("utf-8"))


def test_hostile_article_is_inert_in_the_feeds(hostile_ward):
    for name in ("feed.xml", "atom.xml", "chuyen-muc/tin-hoat-dong/feed.xml"):
        raw = (hostile_ward / "out" / name).read_bytes()
        feed = feedparser.parse(raw)
        assert feed.bozo == 0
        (entry,) = [e for e in feed.entries if e.link.endswith("/tin-tuc/hostile/")]
        assert entry.title == SHOWN_TITLE
        _no_active_content(entry.content[0].value)


def test_hostile_article_card_and_search_show_text_not_markup(hostile_ward, chromium):
    page_html = (hostile_ward / "out/tin-tuc/hostile/index.html").read_text("utf-8")
    card = BeautifulSoup(page_html, "lxml").find("meta", property="og:image")["content"]
    with Image.open(hostile_ward / "out" / card.split("/", 3)[-1]) as image:
        assert image.size == (1200, 630)
    with served(hostile_ward / "out") as server:
        page = chromium.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server.url + "tim-kiem/?q=phu+dinh+tin")
        page.wait_for_selector(".wn-search[data-state=done]")
        titles = [a.inner_text() for a in page.query_selector_all(".wn-search__result h2 a")]
        assert SHOWN_TITLE in titles
        page.goto(server.url + "tin-tuc/hostile/")
        page.wait_for_load_state("networkidle")
        assert dialogs == [] and page.query_selector(".wn-search img, article img[src=x]") is None
        page.close()


def test_an_alias_bomb_is_refused_quickly_and_small(tmp_path):
    write_ward(tmp_path)
    laughs = ["lol: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    laughs += [f"l{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 10)]
    (tmp_path / "content/news/2026/bom.md").write_text(
        "---\ntitle: Bom\ndate: 2026-06-01\ncategory: Tin hoạt động\n" + "\n".join(laughs) + "\n---\nx\n",
        encoding="utf-8")
    # A launcher whose only child is the check, so its peak memory is the check's alone (this
    # test process may have had bigger children before: builds, a browser).
    launcher = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
                "sys.stdout.write(r.stdout); sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss));"
                "sys.exit(r.returncode)")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", launcher, *CLI, "check", "--content", "content"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert "content/news/2026/bom.md:5: lỗi:" in result.stdout and "[yaml.alias]" in result.stdout
    assert elapsed < 20  # a billion strings would take hours and gigabytes
    assert int(result.stderr.strip().splitlines()[-1]) < 400_000  # KB: the check stays the size of a normal one


def leftovers(folder, seconds: float = 30) -> list[str]:
    """Names of the builds' folders beside the site, once the old sites' removal (a detached
    process per build, publish.remove_in_background) has had up to `seconds` to finish."""
    deadline = time.monotonic() + seconds
    while True:
        names = sorted(p.name for p in folder.iterdir() if p.name.startswith(".out."))
        if not any(".old-" in name for name in names) or time.monotonic() > deadline:
            return names
        time.sleep(0.05)


def test_a_killed_build_and_two_builds_at_once_leave_the_site_whole(tmp_path):
    write_ward(tmp_path)
    assert build(tmp_path).returncode == 0
    before = snapshot(tmp_path / "out")
    (tmp_path / "content/news/2026/moi.md").write_text(
        "---\ntitle: Tin mới của xã\ndate: 2026-06-02\ncategory: Tin hoạt động\n---\nNội dung.\n", encoding="utf-8")
    killed = subprocess.Popen([*CLI, "build", "--content", "content", "--site-dir", "out", "-f", str(REPO / "mkdocs.yml")],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".out.tmp-*/tin-tuc")):
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert list(tmp_path.glob(".out.tmp-*")), "the build should have been killed while writing pages"
    assert snapshot(tmp_path / "out") == before  # the half-built folder never replaced the site
    runs = [subprocess.Popen([*CLI, "build", "--content", "content", "--site-dir", "out", "-f", str(REPO / "mkdocs.yml")],
                             cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    after = snapshot(tmp_path / "out")
    for slug, title in article_titles().items():  # complete: every page of one build or the other
        assert title in after[f"tin-tuc/{slug}/index.html"].decode("utf-8")
    assert "Tin mới của xã" in after["tin-tuc/moi/index.html"].decode("utf-8")
    # The replaced site waits as the next staging folder, each site with the record of what its build placed.
    assert leftovers(tmp_path) == [".out.lock", ".out.placed", ".out.spare", ".out.spare.placed"]


def test_phone_photo_is_served_upright_in_responsive_widths_without_gps(hostile_ward):
    """The unseen ward's photo was shot in portrait on a phone: stored sideways, GPS attached."""
    out = hostile_ward / "out"
    original = (hostile_ward / "content/news/2025/nha-moi.jpg").read_bytes()
    article = out / "tin-tuc/trao-nha-dai-doan-ket-ap-3/index.html"
    soup = BeautifulSoup(article.read_text("utf-8"), "lxml")
    img = soup.select_one(".wn-lead-image picture img")
    assert (img["width"], img["height"]) == ("1500", "2000")  # upright: portrait
    webp = soup.select_one(".wn-lead-image picture source[type='image/webp']")["srcset"]
    widths = [int(part.split()[-1][:-1]) for part in webp.split(",")]
    assert widths == [480, 960, 1500] and img["src"].endswith("-480.jpg") and not img.has_attr("srcset")
    for candidate in [img["src"], *webp.split(",")]:
        path = (article.parent / candidate.split()[0]).resolve()
        data = path.read_bytes()
        assert b"GPS" not in data and b"OPPO" not in data and data != original
        with Image.open(path) as photo:
            assert not photo.getexif() and photo.height > photo.width
            assert photo.convert("RGB").getpixel((photo.width - 3, 3))[1] < 100  # red corner now top-right
    published = [p for p in out.rglob("*") if p.is_file()]
    assert not any(p.read_bytes() == original for p in published if p.suffix == ".jpg")
    assert not any(p.name == "nha-moi.jpg" for p in published)
