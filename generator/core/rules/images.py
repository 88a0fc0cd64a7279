"""Image references: they must exist and stay inside content/ (no `..`, absolute paths or symlinks out)."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from ..problems import ProblemLog

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif", ".svg"}
_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:[\\/]")
# ![alt](target "title") in Markdown bodies; targets with spaces must be in <...>.
BODY_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))")


def relative_src_uri(owner_src_uri: str, target: str) -> str:
    """Where `target`, written in the file `owner_src_uri`, points inside content/ (may start with ..)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(owner_src_uri), target.strip().replace("\\", "/")))


def body_image_targets(body: str):
    """(line offset, target) of every `![...](file)` in a Markdown body."""
    for offset, text in enumerate(body.split("\n")):
        for match in BODY_IMAGE.finditer(text):
            yield offset, match.group(1) or match.group(2)


def resolve_image(
    value: str, owner_src_uri: str, content_dir: Path, path: str, line: int | None, log: ProblemLog
) -> str | None:
    """The image's src_uri inside content/, or None with a problem logged."""
    target = value.strip()
    if target.startswith(("http://", "https://", "//")):
        log.add("image.outside", path, line, value=value)
        return None
    if target.startswith(("/", "\\")) or _WINDOWS_ABSOLUTE.match(target) or target.startswith("file:"):
        log.add("image.outside", path, line, value=value)
        return None
    joined = relative_src_uri(owner_src_uri, target)
    if joined == ".." or joined.startswith("../"):
        log.add("image.outside", path, line, value=value)
        return None
    root = content_dir.resolve()
    candidate = content_dir / joined
    real = Path(os.path.realpath(candidate))
    if real != root and root not in real.parents:  # a symlink pointing out of content/
        log.add("image.outside", path, line, value=value)
        return None
    if not real.is_file():
        log.add("image.missing", path, line, value=value, looked=f"content/{joined}")
        return None
    if real.suffix.lower() not in IMAGE_SUFFIXES:
        log.add("image.type", path, line, value=value)
        return None
    return joined


def check_body_images(body: str, body_line: int, owner_src_uri: str, content_dir: Path, path: str, log: ProblemLog):
    """Every `![...](file)` in a body must resolve like a front-matter image."""
    for offset, target in body_image_targets(body):
        resolve_image(target, owner_src_uri, content_dir, path, body_line + offset, log)
