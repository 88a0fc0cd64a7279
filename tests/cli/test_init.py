"""`ward-news init`: a new ward's repository that checks and builds with the packaged theme alone."""

from __future__ import annotations

import json

import shutil
import subprocess
import sys

import feedparser
import yaml
from bs4 import BeautifulSoup

from generator import __version__
from tests.fixtures.unseen_ward import unseen_ward_in_init_repo

CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]


def ward_news(*args, cwd, input=None):
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, input=input)


#: What a released ward-news writes by default; the default itself is tested in test_init_requirement.py
#: (this checkout's own remote, a path in CI's fresh clone, could not install anywhere else).
RELEASED = f"ward-news=={__version__}"


def test_init_makes_a_ward_repository_that_checks_and_builds(tmp_path):
    made = ward_news("init", "xa-phu-my", "--name", "Xã  Phú Mỹ", "--site-url", "https://phumy.example.vn/",
                     "--requirement", RELEASED, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    ward = tmp_path / "xa-phu-my"
    files = sorted(p.relative_to(ward).as_posix() for p in ward.rglob("*") if p.is_file())
    assert files == [
        ".github/CODEOWNERS", ".github/pull_request_template.md", ".github/workflows/check.yml",
        ".github/workflows/publish.yml", ".gitignore", "README.md", "content/categories.yml", files[7],
        "content/pages/gioi-thieu.md", "content/site.yml", "docs/huong-dan-can-bo.md", "mkdocs.yml", "requirements.txt"]
    assert files[7].startswith("content/news/") and files[7].endswith("/ra-mat-trang-thong-tin-cua-mat-tran-xa-phu-my.md")
    owners = [line for line in (ward / ".github/CODEOWNERS").read_text("utf-8").splitlines() if line.strip()]
    assert all(line.startswith("#") for line in owners)  # an example: nobody is asked to review until filled in
    template = (ward / ".github/pull_request_template.md").read_text("utf-8")
    assert "### Người duyệt" in template and "trang-xem-thu" in template
    assert (ward / "requirements.txt").read_text("utf-8").splitlines()[-1] == RELEASED
    config = yaml.safe_load((ward / "mkdocs.yml").read_text("utf-8"))
    assert config["theme"] == {"name": "material"} and config["site_name"] == "Xã Phú Mỹ"  # no custom_dir
    for workflow in ("check", "publish"):
        steps = yaml.safe_load((ward / f".github/workflows/{workflow}.yml").read_text("utf-8"))
        commands = [step.get("run", "") for job in steps["jobs"].values() for step in job.get("steps", [])]
        assert any("pip install -r requirements.txt" in c for c in commands)  # the pinned version
        assert any(c.startswith("ward-news check") for c in commands)
    assert "$" not in (ward / "content/site.yml").read_text("utf-8")
    readme = (ward / "README.md").read_text("utf-8")
    assert readme.startswith("# Trang tin Xã Phú Mỹ") and "ward-news serve" in readme and "ward-news check" in readme

    checked = ward_news("check", "--format", "json", cwd=ward)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # No error; only what Decree 42/2022 still asks of a new ward's site, against its site.yml.
    assert sorted((p["code"], p["severity"], p["path"]) for p in json.loads(checked.stdout)) == [
        (f"compliance.{part}", "warning", "content/site.yml") for part in ("contacts", "documents", "english",
                                                                            "organisation")]
    built = ward_news("build", cwd=ward)
    assert built.returncode == 0, built.stdout + built.stderr
    home = BeautifulSoup((ward / "site/index.html").read_text("utf-8"), "lxml")
    assert home.html["lang"] == "vi" and home.select_one(".wn-textsize") is not None  # the packaged theme
    # Only categories with articles on a new ward's home: no "An sinh xã hội (0)".
    listed = [" ".join(li.get_text(" ").split()) for li in home.select("#wn-categories + ul li")]
    assert listed == ["Hoạt động Mặt trận (1)"], listed
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam xã Phú Mỹ" in home.get_text()
    feed = feedparser.parse((ward / "site/feed.xml").read_bytes())
    assert feed.bozo == 0 and feed.entries[0].title == "Ra mắt trang thông tin của Mặt trận xã Phú Mỹ"
    assert ward_news("build", cwd=ward).returncode == 0  # the first site now waits as .site.spare
    assert (ward / ".site.spare").is_dir()
    subprocess.run(["git", "init", "-q"], cwd=ward, check=True)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ward, check=True,
                            capture_output=True, text=True).stdout
    assert ".github/workflows/check.yml" in status  # the repository's own files, not yet committed
    assert not [line for line in status.splitlines() if "site" in line.split("/")[0]]  # nothing a build made


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "cu").mkdir()
    (tmp_path / "cu" / "ghi-chu.txt").write_text("x", encoding="utf-8")
    result = ward_news("init", "cu", "--name", "Phường Cũ", cwd=tmp_path)
    assert result.returncode == 1 and "đã có tệp" in result.stderr and "Traceback" not in result.stderr


def test_an_unseen_wards_content_builds_in_a_repository_made_by_init(tmp_path):
    repo = unseen_ward_in_init_repo(tmp_path)
    built = ward_news("build", cwd=repo)
    assert built.returncode == 0, built.stdout + built.stderr
    article = BeautifulSoup((repo / "site/tin-tuc/trao-nha-dai-doan-ket-ap-3/index.html").read_text("utf-8"), "lxml")
    assert article.select_one(".wn-lead-image picture source[type='image/webp']") is not None


def test_the_installed_wheel_alone_inits_checks_and_builds_a_ward(tmp_path):
    """A fresh venv holding only the ward-news wheel (its dependencies are borrowed from this
    environment by a path entry, read-only: no index, no network): nothing from this repository."""
    import site
    import sysconfig
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    source = tmp_path / "source"  # a clean copy: setuptools builds in place and would keep stale files
    shutil.copytree(repo / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"),
                    symlinks=False)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(repo / name, source / name)
    wheel_dir = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                    str(wheel_dir), str(source)], check=True, capture_output=True, timeout=300)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    *map(str, wheel_dir.glob("ward_news-*.whl"))], check=True, capture_output=True, timeout=300)
    fresh_site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                     capture_output=True, text=True, check=True).stdout.strip())
    ours = [p for p in site.getsitepackages() if Path(p).is_dir()] or [sysconfig.get_paths()["purelib"]]
    (fresh_site / "zz-borrowed-dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")

    work = tmp_path / "elsewhere"
    work.mkdir()
    where = subprocess.run([str(python), "-c", "import generator; print(generator.__file__)"], cwd=work,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(fresh_site)), where  # the wheel's code, not this checkout
    cli = [str(venv / "bin" / "ward-news")]
    # --requirement: a wheel installed from a file here would write a line no other machine installs.
    assert subprocess.run([*cli, "init", "ward", "--name", "Phường Kim Liên", "--requirement", RELEASED,
                           "--repo", "mttq-kimlien/trang-tin"], cwd=work,
                          capture_output=True, timeout=120).returncode == 0
    for command in (["check"], ["build"]):
        result = subprocess.run([*cli, *command], cwd=work / "ward", capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
    site_dir = work / "ward" / "site"
    assert (site_dir / "assets/stylesheets/ward-news.css").is_file() and (site_dir / "assets/javascripts/ward-news.js").is_file()
    assert (work / "ward/docs/huong-dan-can-bo.md").stat().st_size > 10_000
    home = BeautifulSoup((site_dir / "index.html").read_text("utf-8"), "lxml")
    assert home.select_one(".wn-textsize") is not None and "Phường Kim Liên" in home.title.get_text()

    # A city from the same wheel: a ward made by init inside wards/, built, and the hub around it.
    city = work / "city"
    (city / "wards").mkdir(parents=True)
    (city / "hub.yml").write_text("name: Tin các phường\nsite_url: https://hub.example.vn/\n", encoding="utf-8")
    for command in (["init", "wards/kim-lien", "--name", "Phường Kim Liên"], ["build", "--ward", "kim-lien"], ["hub"]):
        result = subprocess.run([*cli, *command], cwd=city, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
    hub = BeautifulSoup((city / "site/index.html").read_text("utf-8"), "lxml")
    assert [a.strong.get_text() for a in hub.select("ul.wards a")] == ["Phường Kim Liên"]
    assert hub.select_one('link[rel="stylesheet"]')["href"].startswith("assets/hub-")
    assert feedparser.parse((city / "site/atom.xml").read_bytes()).bozo == 0
