"""The ward-news line `init` writes into requirements.txt installs on another machine (`cli/requirement.py`):
pip's record of where the running ward-news came from (PEP 610), or a clear refusal in Vietnamese."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import __version__
from generator.cli import requirement
from generator.cli.init import init_command
from generator.cli.requirement import RequirementError, requirement_from

REPO = Path(__file__).resolve().parents[2]
COMMIT = "0123456789abcdef0123456789abcdef01234567"
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "Cán bộ", "GIT_AUTHOR_EMAIL": "can-bo@example.vn",
           "GIT_COMMITTER_NAME": "Cán bộ", "GIT_COMMITTER_EMAIL": "can-bo@example.vn", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}


def git(directory: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(directory), *args], check=True, capture_output=True, text=True,
                          env=GIT_ENV).stdout.strip()


def checkout(tmp_path: Path, *remotes: tuple[str, str]) -> tuple[Path, str]:
    """A git repository with one commit and `remotes` ((name, url) pairs), as `pip install -e .` sees it."""
    directory = tmp_path / "ward-news"
    directory.mkdir()
    git(directory, "init", "-q")
    (directory / "pyproject.toml").write_text("[project]\nname = 'ward-news'\n", encoding="utf-8")
    git(directory, "add", "pyproject.toml")
    git(directory, "commit", "-q", "-m", "Bản đầu")
    for name, url in remotes:
        git(directory, "remote", "add", name, url)
    return directory, git(directory, "rev-parse", "HEAD")


def editable(directory: Path) -> str:
    return json.dumps({"url": directory.as_uri(), "dir_info": {"editable": True}})


def line(direct_url: str | None) -> tuple[str, list[str]]:
    warnings = []
    return requirement_from("1.2.3", direct_url, warnings.append), warnings


def refusal(direct_url: str) -> str:
    with pytest.raises(RequirementError) as caught:
        requirement_from("1.2.3", direct_url, [].append)
    message = str(caught.value)
    assert '--requirement "ward-news @ git+https://' in message and '--requirement "ward-news==1.2.3"' in message
    return message


def test_from_a_package_index_the_version():
    assert line(None) == ("ward-news==1.2.3", [])


def test_from_a_git_url_the_commit_never_the_branch():
    installed = {"url": "https://github.com/mttq/ward-news.git",
                 "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"}}
    assert line(json.dumps(installed)) == (f"ward-news @ git+https://github.com/mttq/ward-news.git@{COMMIT}", [])
    installed["url"] = "ssh://git@github.com/mttq/ward-news.git"  # a ward's CI has no SSH key
    assert line(json.dumps(installed)) == (f"ward-news @ git+https://github.com/mttq/ward-news.git@{COMMIT}", [])


def test_from_a_git_repository_on_this_machine_the_url_kept_and_said_out_loud():
    installed = {"url": "file:///srv/ward-news", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}
    written, warnings = line(json.dumps(installed))
    assert written == f"ward-news @ git+file:///srv/ward-news@{COMMIT}"
    assert len(warnings) == 1 and "file:///srv/ward-news" in warnings[0] and "--requirement" in warnings[0]


def test_from_an_archive_url_with_its_hash_when_pip_recorded_one():
    url = "https://example.vn/dist/ward_news-1.2.3-py3-none-any.whl"
    assert line(json.dumps({"url": url, "archive_info": {"hashes": {"sha256": "ab" * 32}}})) == (
        f"ward-news @ {url}#sha256={'ab' * 32}", [])
    assert line(json.dumps({"url": url, "archive_info": {"hash": f"sha256={'cd' * 32}"}}))[0] == (
        f"ward-news @ {url}#sha256={'cd' * 32}")  # PEP 610's older field
    assert line(json.dumps({"url": url, "archive_info": {}}))[0] == f"ward-news @ {url}"


def test_an_archive_on_this_machine_is_refused():
    message = refusal(json.dumps({"url": "file:///tmp/ward_news-1.2.3.whl", "archive_info": {}}))
    assert "file:///tmp/ward_news-1.2.3.whl" in message


def test_a_checkout_gives_its_remote_and_head_commit_and_warns_when_not_pushed(tmp_path):
    directory, head = checkout(tmp_path, ("origin", "https://github.com/mttq/ward-news.git"))
    written, warnings = line(editable(directory))
    assert written == f"ward-news @ git+https://github.com/mttq/ward-news.git@{head}"
    assert len(warnings) == 1 and head[:12] in warnings[0] and "chưa push" in warnings[0]
    git(directory, "update-ref", "refs/remotes/origin/main", "HEAD")  # as after a push
    assert line(editable(directory)) == (written, [])
    git(directory, "commit", "-q", "--allow-empty", "-m", "Chưa đẩy lên")
    assert "chưa push" in line(editable(directory))[1][0]
    (directory / "ghi-chu.txt").write_text("chưa theo dõi", encoding="utf-8")  # untracked: not the installed code
    assert line(editable(directory))[0].endswith(git(directory, "rev-parse", "HEAD"))


@pytest.mark.parametrize("remote", ["git@github.com:mttq/ward-news.git", "ssh://git@github.com/mttq/ward-news.git"])
def test_a_github_ssh_remote_is_written_as_https(tmp_path, remote):
    directory, head = checkout(tmp_path, ("origin", remote))
    assert line(editable(directory))[0] == f"ward-news @ git+https://github.com/mttq/ward-news.git@{head}"


def test_a_token_in_the_remote_is_never_written(tmp_path):
    directory, head = checkout(tmp_path, ("origin", "https://x-access-token:bi-mat@github.com/mttq/ward-news.git"))
    assert line(editable(directory))[0] == f"ward-news @ git+https://github.com/mttq/ward-news.git@{head}"


def test_origin_else_the_only_remote(tmp_path):
    directory, head = checkout(tmp_path, ("fork", "https://github.com/ban/ward-news.git"),
                               ("origin", "https://github.com/mttq/ward-news.git"))
    assert line(editable(directory))[0] == f"ward-news @ git+https://github.com/mttq/ward-news.git@{head}"
    git(directory, "remote", "remove", "origin")
    assert line(editable(directory))[0] == f"ward-news @ git+https://github.com/ban/ward-news.git@{head}"
    git(directory, "remote", "add", "upstream", "https://github.com/mttq/ward-news.git")
    assert "nhiều remote (fork, upstream)" in refusal(editable(directory))


def test_a_checkout_with_no_remote_is_refused_naming_its_commit(tmp_path):
    directory, head = checkout(tmp_path)
    message = refusal(editable(directory))
    assert "không có remote nào" in message and f"@{head}\"" in message


def test_a_remote_on_this_machine_is_refused(tmp_path):
    """A clone of a clone (CI's fresh clone is one) points at a path: GitHub could not fetch it."""
    upstream, _ = checkout(tmp_path)
    for remote in (str(upstream), upstream.as_uri()):
        clone = tmp_path / "clone"
        shutil.rmtree(clone, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", remote, str(clone)], check=True, env=GIT_ENV)
        assert f"là {remote}: máy khác (GitHub) không tải được" in refusal(editable(clone))


def test_uncommitted_changes_are_refused(tmp_path):
    directory, _ = checkout(tmp_path, ("origin", "https://github.com/mttq/ward-news.git"))
    (directory / "pyproject.toml").write_text("[project]\nname = 'ward-news'\nversion = '9'\n", encoding="utf-8")
    assert "thay đổi chưa commit" in refusal(editable(directory))


def test_a_folder_that_is_not_a_git_repository_is_refused(tmp_path):
    assert "không phải kho git" in refusal(editable(tmp_path))


def test_the_installed_distribution_is_read(monkeypatch):
    class Installed:
        version = "1.2.3"

        def read_text(self, name):
            assert name == "direct_url.json"
            return None

    monkeypatch.setattr(requirement.metadata, "distribution", lambda name: Installed())
    assert requirement.install_requirement([].append) == "ward-news==1.2.3"

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(requirement.metadata, "distribution", missing)
    with pytest.raises(RequirementError, match="không được cài bằng pip"):
        requirement.install_requirement([].append)


def test_init_writes_nothing_when_refused_and_prints_warnings(tmp_path, monkeypatch):
    def refused(warn):
        raise RequirementError("Kho git /x không có remote nào.\nhãy ghi rõ bằng --requirement")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("generator.cli.init.install_requirement", refused)
    result = CliRunner().invoke(init_command, ["phuong-x", "--name", "Phường X"])
    assert result.exit_code == 1 and "không có remote nào" in result.stderr and not (tmp_path / "phuong-x").exists()
    result = CliRunner().invoke(init_command, ["phuong-x", "--name", "Phường X", "--requirement", "ward-news==1.2.3"])
    assert result.exit_code == 0, result.output  # --requirement wins: nothing is asked of the installation
    assert (tmp_path / "phuong-x/requirements.txt").read_text("utf-8").endswith("\nward-news==1.2.3\n")

    def warned(warn):
        warn("Cảnh báo: commit abc chưa có trên nhánh nào của remote")
        return f"ward-news @ git+https://github.com/mttq/ward-news.git@{COMMIT}"

    monkeypatch.setattr("generator.cli.init.install_requirement", warned)
    result = CliRunner().invoke(init_command, ["phuong-y", "--name", "Phường Y"])
    assert result.exit_code == 0 and "Cảnh báo: commit abc" in result.stderr
    assert f"git+https://github.com/mttq/ward-news.git@{COMMIT}" in (tmp_path / "phuong-y/requirements.txt").read_text()


def borrowed_dependencies(tmp_path: Path) -> Path:
    """This environment's packages, by symlink, without ward-news' own files: a new venv that reads them
    (a .pth line) has every dependency installed, yet must install ward-news itself."""
    site_packages = Path(sysconfig.get_paths()["purelib"])
    own = {path.parts[0] for ours in metadata.distributions(name="ward-news", path=[str(site_packages)])
           for path in ours.files or ()}
    assert own, f"ward-news is not installed in {site_packages}"
    folder = tmp_path / "borrowed"
    folder.mkdir()
    for entry in site_packages.iterdir():
        if entry.name not in own:
            (folder / entry.name).symlink_to(entry)
    return folder


def venv(path: Path, borrowed: Path) -> Path:
    """A fresh venv whose pip, setuptools and ward-news' dependencies are borrowed (no ensurepip)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True, timeout=120)
    python = path / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "zz-borrowed.pth").write_text(f"{borrowed}\n", encoding="utf-8")
    return python


def pip_install(python: Path, *args: str) -> None:
    """No index (every dependency is already there; a missing one fails rather than downloads) and no
    build isolation (it would download setuptools): the install is offline, as every test here is. No
    cache: each install clones and builds from the git URL, and no wheel is left in the user's cache."""
    done = subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", "-q", "install", "--no-index",
                           "--no-build-isolation", "--no-cache-dir", *args], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_ward_made_by_a_git_installed_ward_news_installs_that_commit_elsewhere(tmp_path):
    """Install ward-news from a git URL, `init` a ward with it, then install the ward's requirements.txt
    into a second venv: the same commit, and it runs."""
    started = time.monotonic()
    source = tmp_path / "source"  # this working tree's code (committed or not), as a repository of its own
    shutil.copytree(REPO / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "ward-news")
    commit = git(source, "rev-parse", "HEAD")
    borrowed = borrowed_dependencies(tmp_path)

    first = venv(tmp_path / "first", borrowed)
    pip_install(first, f"ward-news @ git+{source.as_uri()}@{commit}")
    work = tmp_path / "work"
    work.mkdir()
    made = subprocess.run([str(first.with_name("ward-news")), "init", "ward", "--name", "Phường Kim Liên"], cwd=work,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert "Cảnh báo" in made.stderr and source.as_uri() in made.stderr  # a path: only this machine can use it
    written = (work / "ward/requirements.txt").read_text("utf-8").splitlines()[-1]
    assert written == f"ward-news @ git+{source.as_uri()}@{commit}"

    second = venv(tmp_path / "second", borrowed)
    pip_install(second, "-r", str(work / "ward/requirements.txt"))
    installed = subprocess.run([str(second), "-c", "from importlib import metadata; import generator; "
                                "print(metadata.distribution('ward-news').read_text('direct_url.json')); "
                                "print(generator.__file__)"], cwd=work, capture_output=True, text=True, check=True)
    direct_url, module = installed.stdout.splitlines()
    assert json.loads(direct_url)["vcs_info"]["commit_id"] == commit
    assert module.startswith(str(tmp_path / "second"))  # its own copy, not this checkout
    version = subprocess.run([str(second.with_name("ward-news")), "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and __version__ in version.stdout, version.stdout + version.stderr
    print(f"git install, init, install from requirements.txt: {time.monotonic() - started:.1f} s")
