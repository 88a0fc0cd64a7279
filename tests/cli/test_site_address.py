"""The address a site is published at: a placeholder site_url (init's example.github.io, a domain
reserved for examples) is a warning on an officer's machine and an error on CI, and never reaches
a published page; `--site-url` (what the publish workflow passes from GitHub Pages) replaces it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from generator.cli import address
from generator.core.rules.site_address import is_placeholder
from tests.conftest import article, make_site

PLACEHOLDER = "https://example.github.io/trang-tin/"
CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]


def ward_news(*args, cwd, ci: bool):
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    if ci:
        env["CI"] = "true"
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


@pytest.mark.parametrize("url, expected", [
    (PLACEHOLDER, True), ("https://EXAMPLE.github.io/", True), ("https://example.com/", True),
    ("http://www.example.org/tin/", True), ("https://phuong.example/", True), ("https://a.invalid/", True),
    ("https://mttq.phuonghoabinh.vn/", False), ("https://o.github.io/trang-tin/", False),
    ("https://phuong.example.vn/", False), ("https://myexample.com/", False), ("", False)])
def test_placeholder_addresses(url, expected):
    assert is_placeholder(url) is expected


@pytest.fixture
def ward(tmp_path):
    root = make_site(tmp_path, {"content/news/2026/trao-qua.md": article()})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("https://phuong.example.vn/", PLACEHOLDER), encoding="utf-8")
    return root


def test_check_warns_on_a_machine_and_fails_on_ci_naming_the_line(ward):
    here = ward_news("check", "--format", "json", cwd=ward, ci=False)
    assert here.returncode == 0, here.stderr
    found = [(p["code"], p["severity"], p["path"], p["line"]) for p in json.loads(here.stdout)]
    assert ("site_url.placeholder", "warning", "mkdocs.yml", 2) in found
    on_ci = ward_news("check", cwd=ward, ci=True)
    assert on_ci.returncode == 1
    assert "mkdocs.yml:2" in on_ci.stdout + on_ci.stderr and "địa chỉ mẫu" in on_ci.stdout + on_ci.stderr
    given = ward_news("check", "--format", "json", "--site-url", "https://o.github.io/ten-kho/", cwd=ward, ci=True)
    assert given.returncode == 0, given.stdout
    assert not [p for p in json.loads(given.stdout) if p["code"].startswith("site_url")]


def test_build_on_ci_publishes_nothing_with_the_placeholder_and_the_given_address_everywhere(ward):
    refused = ward_news("build", cwd=ward, ci=True)
    assert refused.returncode == 1 and not (ward / "site").exists()
    assert "site_url" in refused.stderr
    here = ward_news("build", cwd=ward, ci=False)  # an officer's preview: built, with the warning
    assert here.returncode == 0 and "địa chỉ mẫu" in here.stderr
    built = ward_news("build", "--site-url", "https://o.github.io/ten-kho/", cwd=ward, ci=True)
    assert built.returncode == 0, built.stderr
    published = [p for p in (ward / "site").rglob("*") if p.suffix in (".html", ".xml", ".json", ".webmanifest")]
    assert len(published) > 10
    assert [p for p in published if "example.github.io" in p.read_text("utf-8", errors="replace")] == []
    assert "https://o.github.io/ten-kho/tin-tuc/trao-qua/" in (ward / "site/feed.xml").read_text("utf-8")


@pytest.mark.parametrize("remote, repo", [
    ("https://github.com/mttq-hoabinh/trang-tin.git", "mttq-hoabinh/trang-tin"),
    ("https://token@github.com/mttq-hoabinh/trang-tin", "mttq-hoabinh/trang-tin"),
    ("git@github.com:mttq-hoabinh/trang-tin.git", "mttq-hoabinh/trang-tin"),
    ("ssh://git@github.com/mttq-hoabinh/trang-tin.git", "mttq-hoabinh/trang-tin"),
    ("https://gitlab.com/mttq-hoabinh/trang-tin.git", None), ("/srv/git/trang-tin", None)])
def test_the_github_repository_of_a_remote(remote, repo):
    assert address.github_repo(remote) == repo


@pytest.mark.parametrize("repo, url", [("MTTQ-HoaBinh/trang-tin", "https://mttq-hoabinh.github.io/trang-tin/"),
                                       ("mttq-hoabinh/mttq-hoabinh.github.io", "https://mttq-hoabinh.github.io/")])
def test_github_pages_address(repo, url):
    assert address.pages_url(repo) == url


def _init(tmp_path, folder, *extra):
    made = ward_news("init", folder, "--name", "Phường Hòa Bình", "--requirement", "ward-news", *extra, cwd=tmp_path,
                     ci=False)
    assert made.returncode == 0, made.stderr
    return yaml.safe_load((tmp_path / folder / "mkdocs.yml").read_text("utf-8"))["site_url"], made


def test_init_takes_the_address_from_repo(tmp_path):
    url, _ = _init(tmp_path, "trang", "--repo", "mttq-hoabinh/trang-tin")
    assert url == "https://mttq-hoabinh.github.io/trang-tin/"


def test_init_in_a_clone_of_the_ward_s_empty_repository_takes_its_address(tmp_path):
    clone = tmp_path / "mttq-hoabinh.github.io"
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "remote", "add", "origin",
                    "git@github.com:mttq-hoabinh/mttq-hoabinh.github.io.git"], check=True)
    url, made = _init(tmp_path, clone.name)
    assert url == "https://mttq-hoabinh.github.io/" and url in made.stdout


def test_init_with_no_address_writes_the_placeholder_says_so_and_ci_refuses_it(tmp_path):
    url, made = _init(tmp_path, "trang")
    assert url == PLACEHOLDER and "Chưa biết địa chỉ trang" in made.stderr
    ward = tmp_path / "trang"
    here = ward_news("check", cwd=ward, ci=False)
    assert here.returncode == 0 and "site_url.placeholder" in here.stdout
    assert ward_news("check", cwd=ward, ci=True).returncode == 1
