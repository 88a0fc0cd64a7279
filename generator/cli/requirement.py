"""The `ward-news` line `init` writes into a new ward's requirements.txt.

It must install on another machine (the ward's GitHub workflows), so it describes where the running
ward-news came from, as pip recorded it (PEP 610's `direct_url.json`): a version from a package
index, a git commit, or an archive URL. A release number that no index has, a branch that moves, a
path or an SSH address that only this machine can reach would all break the ward's first build:
for those `init` stops and asks for `--requirement` instead.
"""

from __future__ import annotations

import json
import re
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.request import url2pathname

NAME = "ward-news"
#: git@github.com:o/r.git and ssh://git@github.com/o/r.git: a ward's CI has no SSH key, HTTPS needs none.
_GITHUB_SSH = re.compile(r"(?:ssh://)?git@github\.com[:/](?P<path>.+)")


class RequirementError(Exception):
    """The running ward-news cannot be written as a line that installs elsewhere (Vietnamese message)."""


def install_requirement(warn: Callable[[str], None]) -> str:
    """The requirement line for the installed ward-news; `warn` receives Vietnamese warnings."""
    try:
        dist = metadata.distribution(NAME)
    except metadata.PackageNotFoundError:
        raise _error("ward-news đang chạy thẳng từ mã nguồn, không được cài bằng pip.") from None
    return requirement_from(dist.version, dist.read_text("direct_url.json"), warn)


def requirement_from(version: str, direct_url: str | None, warn: Callable[[str], None]) -> str:
    """The line for a ward-news `version` installed as `direct_url` says (None: from a package index)."""
    if direct_url is None:
        return f"{NAME}=={version}"
    record = json.loads(direct_url)
    url = record["url"]
    if "vcs_info" in record:
        vcs, shareable = record["vcs_info"], _shareable(url)
        if shareable is None:  # kept: the address whoever installed ward-news chose, and said out loud
            warn(f"Cảnh báo: ward-news được cài từ {url}; requirements.txt ghi đúng địa chỉ này, nhưng máy "
                 "khác (GitHub) có thể không tải được. Nếu cần, hãy ghi rõ bằng --requirement.")
        return f"{NAME} @ {vcs['vcs']}+{shareable or url}@{vcs['commit_id']}"
    if "archive_info" in record:
        if not url.startswith(("https://", "http://")):
            raise _error(f"ward-news được cài từ một tệp trên máy này ({url}), máy khác không tải được.", version)
        info = record["archive_info"]
        sha256 = info.get("hashes", {}).get("sha256") or info.get("hash", "").removeprefix("sha256=")
        return f"{NAME} @ {url}" + (f"#sha256={sha256}" if sha256 else "")
    return _from_checkout(Path(url2pathname(urlsplit(url).path)), version, warn)


def _from_checkout(directory: Path, version: str, warn: Callable[[str], None]) -> str:
    """A local checkout (`pip install -e .`): its remote and HEAD commit, if another machine can fetch them."""
    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", "-C", str(directory), *args], capture_output=True, text=True)
        except OSError:  # no git on this machine
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if not commit:
        raise _error(f"ward-news được cài từ thư mục {directory}, nhưng không đọc được commit của nó (không phải "
                     "kho git, kho chưa có commit, hoặc máy không có git).", version)
    remotes = git("remote").split()
    name = "origin" if "origin" in remotes else remotes[0] if len(remotes) == 1 else None
    if name is None:
        problem = "không có remote nào" if not remotes else f"có nhiều remote ({', '.join(remotes)}) mà không có origin"
        raise _error(f"Kho git {directory} {problem}: không biết máy khác tải ward-news từ đâu.", version, commit)
    remote = git("remote", "get-url", name)
    shareable = _shareable(remote)
    if shareable is None:
        raise _error(f"Remote “{name}” của kho git {directory} là {remote}: máy khác (GitHub) không tải được "
                     "từ địa chỉ này.", version, commit)
    if git("status", "--porcelain", "--untracked-files=no"):
        raise _error(f"Kho git {directory} có thay đổi chưa commit: commit {commit[:12]} không phải mã đang chạy.",
                     version, commit)
    if not git("branch", "-r", "--contains", "HEAD"):
        warn(f"Cảnh báo: commit {commit[:12]} chưa có trên nhánh nào của remote (có thể chưa push): "
             "hãy push trước khi trang mới cài ward-news.")
    return f"{NAME} @ git+{shareable}@{commit}"


def _shareable(url: str) -> str | None:
    """`url` as any machine can fetch it without a key: HTTPS (GitHub's SSH forms converted, any
    user or token dropped, so none is written into the ward's repository); None for a path or SSH."""
    github = _GITHUB_SSH.fullmatch(url)
    if github:
        return f"https://github.com/{github['path']}"
    parts = urlsplit(url)
    if parts.scheme in ("https", "http") and parts.hostname:
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=host))
    return None


def _error(problem: str, version: str = "X.Y.Z", commit: str = "<mã-commit>") -> RequirementError:
    return RequirementError(
        f"{problem}\nKhông viết được dòng cài ward-news cho requirements.txt; hãy ghi rõ bằng --requirement, ví dụ:\n"
        f"  --requirement \"ward-news @ git+https://github.com/<tài-khoản>/ward-news@{commit}\"\n"
        f"  --requirement \"ward-news=={version}\"   (khi phiên bản này đã có trên PyPI)")
