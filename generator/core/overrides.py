"""A ward's own `overrides/` holding untouched copies of the packaged theme: say to delete them.

A ward that copied this whole repository before the theme shipped in the package has the old
templates in its `overrides/`, and they hide the packaged ones from every upgrade. A file there that
is exactly some version of the packaged file with the same path (generator/assets/theme-history.json,
recorded by tools/record_theme_history.py) was never edited, so nothing is lost by deleting it. An
edited copy is the ward's own choice and is left alone.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

from .problems import ProblemLog

HISTORY = Path(__file__).resolve().parent.parent / "assets" / "theme-history.json"
THEME = Path(__file__).resolve().parent.parent / "theme"


@functools.lru_cache(maxsize=1)
def packaged_versions() -> dict[str, frozenset[str]]:
    """Theme file (relative path) -> the SHA-256 of every version it has had, line ends normalised."""
    data = json.loads(HISTORY.read_text(encoding="utf-8"))
    return {name: frozenset(hashes) for name, hashes in data.items()}


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def check_override_copies(custom_dir: Path, display_root: Path, log: ProblemLog) -> None:
    """A warning for each file under `custom_dir` that is an unedited packaged theme file, named
    from `display_root` as content problems are (`overrides/main.html`)."""
    if not custom_dir.is_dir():
        return
    display_dir = os.path.relpath(os.path.abspath(custom_dir), os.path.abspath(display_root)).replace(os.sep, "/")
    if display_dir.startswith(".."):
        display_dir = Path(os.path.abspath(custom_dir)).as_posix()
    known = packaged_versions()
    for file in sorted(custom_dir.rglob("*")):
        name = file.relative_to(custom_dir).as_posix()
        # Only while the package still has the file: a copy of a template since removed is what
        # renders that page now, so deleting it would not be "nothing lost".
        if name in known and (THEME / name).is_file() and file.is_file() and fingerprint(file.read_bytes()) in known[name]:
            log.add("theme.override.copy", f"{display_dir}/{name}", None, name=name)
