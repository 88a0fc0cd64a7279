"""Where a new ward's site will be published, known at `init`: GitHub Pages gives a repository
`owner/name` the address https://owner.github.io/name/ (https://owner.github.io/ for the
repository named owner.github.io). `init` reads the repository from `--repo`, or from the git
remote when the ward's folder is a clone of its (empty) GitHub repository; otherwise it writes the
placeholder, which `check` and `build` then report (rules/site_address.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

PLACEHOLDER = "https://example.github.io/trang-tin/"
#: https://github.com/o/r(.git), git@github.com:o/r.git, ssh://git@github.com/o/r.git
_GITHUB = re.compile(r"(?:https?://(?:[^@/]+@)?github\.com/|(?:ssh://)?git@github\.com[:/])"
                     r"(?P<owner>[A-Za-z0-9-]+)/(?P<name>[A-Za-z0-9._-]+?)(?:\.git)?/?")


def github_repo(remote: str) -> str | None:
    """`owner/name` of a GitHub remote URL, None for any other host or a path."""
    match = _GITHUB.fullmatch(remote.strip())
    return f"{match['owner']}/{match['name']}" if match else None


def pages_url(repo: str) -> str:
    """GitHub Pages' address for `owner/name` (without a custom domain)."""
    owner, name = repo.split("/", 1)
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if name.lower() == host else f"https://{host}/{name}/"


def remote_repo(directory: Path) -> str | None:
    """The GitHub repository `directory` is a clone of (its `origin`), if it is one."""
    if not (directory / ".git").exists():
        return None
    try:
        found = subprocess.run(["git", "-C", str(directory), "remote", "get-url", "origin"], capture_output=True,
                               text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return github_repo(found.stdout) if found.returncode == 0 else None
