"""Record every version the packaged theme's files have had, for `theme.override.copy`.

    python tools/record_theme_history.py      # after changing anything in generator/theme/

Wards that copied this whole repository (before the theme shipped in the package) carry copies of
its templates in their own `overrides/`, which hide the packaged ones from every upgrade. A file
there that is byte-for-byte one of these versions was never edited, so `check` and `build` can say
to delete it. Versions come from git history (`overrides/` before 0.1.0, `generator/theme/` since)
and from the working tree; line ends are normalised so a copy saved on Windows still matches.
`tests/core/test_overrides.py` fails when a packaged file's current version is not recorded.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
THEME = REPO / "generator" / "theme"
OUTPUT = REPO / "generator" / "assets" / "theme-history.json"
FOLDERS = ("overrides", "generator/theme")


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def git(*args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True).stdout


def main() -> None:
    if git("rev-parse", "--is-shallow-repository").strip() == b"true":
        raise SystemExit("A shallow clone has lost the older versions: run `git fetch --unshallow` first.")
    history: dict[str, set[str]] = {}
    commits = git("log", "--format=%H", "--", *FOLDERS).decode().split()
    for commit in commits:
        listing = git("ls-tree", "-r", commit, "--", *FOLDERS).decode().splitlines()
        for line in listing:
            meta, path = line.split("\t", 1)
            blob = meta.split()[2]
            name = next(path[len(f) + 1:] for f in FOLDERS if path.startswith(f + "/"))
            history.setdefault(name, set()).add(fingerprint(git("cat-file", "blob", blob)))
    for file in THEME.rglob("*"):
        if file.is_file():
            history.setdefault(file.relative_to(THEME).as_posix(), set()).add(fingerprint(file.read_bytes()))
    data = {name: sorted(hashes) for name, hashes in sorted(history.items())}
    OUTPUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"{OUTPUT.relative_to(REPO)}: {len(data)} files, {sum(map(len, data.values()))} versions")


if __name__ == "__main__":
    main()
