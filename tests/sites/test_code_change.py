"""Caches outlive the code that filled them only when the code is the same.

A copy of the generator is edited the way a developer (or a release that forgot a version
bump) would: the reading-time rule (a value the memo keeps), the photo maker's quality (named
in the photos' cache keys) and a packaged template (in every page's fingerprint). The warm build
after the edit must publish exactly what a cold build of the same content does, and differ from
the build before it where the edit shows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import snapshot
from tests.conftest import article, make_site
from tests.fixtures.unseen_ward import phone_photo

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
ARTICLE = "tin-tuc/bai-dai/index.html"


def build(project: Path, code: Path) -> dict[str, bytes]:
    """`ward-news build` in a fresh process that imports the generator from `code`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    result = subprocess.run([sys.executable, "-c", "from generator.cli.main import cli; cli()", "build"],
                            cwd=project, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(code) in subprocess.run([sys.executable, "-c", "import generator; print(generator.__file__)"],
                                       env=env, capture_output=True, text=True, cwd=project).stdout
    return snapshot(project / "site")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_warm_build_after_an_edit_to_the_generator_publishes_what_a_cold_one_does(tmp_path):
    code = tmp_path / "code"
    shutil.copytree(GENERATOR, code / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    body = ("Sáng 9/1, Ủy ban MTTQ phường đã trao 150 phần quà cho hộ cận nghèo. " * 60 +
            "\n\n![Trao quà tại nhà văn hóa](trao-qua.jpg)\n")
    files = {"content/news/2026/bai-dai.md": article(body=body), "content/news/2026/trao-qua.jpg": phone_photo(900, 600)}
    (tmp_path / "ward").mkdir()
    project = make_site(tmp_path / "ward", files)
    before = build(project, code)
    minutes = int(re.search(r"(\d+) phút đọc", before[ARTICLE].decode()).group(1))

    edit(code / "generator/core/reading.py", "SYLLABLES_PER_MINUTE = 200", "SYLLABLES_PER_MINUTE = 20")
    edit(code / "generator/core/images.py", "WEBP_QUALITY = 75", "WEBP_QUALITY = 60")
    edit(code / "generator/theme/ward/article.html", "phút đọc", "phút để đọc")
    warm = build(project, code)  # the same version number, the same cache

    cold_project = tmp_path / "cold"
    shutil.copytree(project, cold_project, ignore=lambda folder, names: [
        n for n in names if folder == str(project) and (n in ("site", ".cache") or n.startswith(".site"))])
    cold = build(cold_project, code)
    assert sorted(warm) == sorted(cold)
    assert [name for name in warm if warm[name] != cold[name]] == []
    # The memo's reading time (ten times slower reading) and the template both followed the code.
    assert int(re.search(r"(\d+) phút để đọc", warm[ARTICLE].decode()).group(1)) >= 9 * minutes
    photos = lambda site: {n for n in site if re.fullmatch(r"anh/[0-9a-f]{20}-\d+\.webp", n)}  # noqa: E731
    assert photos(warm) and photos(warm).isdisjoint(photos(before))  # made again at the new quality
