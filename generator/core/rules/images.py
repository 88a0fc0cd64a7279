"""Image references: every form a body can use, each resolved inside content/ and opened as a photo.

A body can point at an image in three ways, and all three are checked the same way here:
`![alt](file)`, reference style `![alt][ref]` with `[ref]: file`, and raw `<img src="file">`.
The target must stay inside content/ (no `..`, absolute or Windows paths, links, or symlinks
out), exist, and be a photo Pillow can read within the limits below. What the picture looks
like inside (a truncated JPEG) is only known when it is decoded: `core/images.py` reports that.
"""

from __future__ import annotations

import os
import posixpath
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..problems import ProblemLog

#: Files officers may reference as images. SVG is not one: a published SVG opened at its own
#: address runs its scripts on the site's origin, and photos never come as SVG.
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif"}
#: What a phone photo can weigh: the largest phones make 50 MP and 25 MB; above that it is a
#: scan or a bomb. Documented in docs/huong-dan-can-bo.md.
MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_PIXELS = 60_000_000

_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:[\\/]")
# ![alt](target "title"); targets with spaces must be in <...>.
_INLINE = re.compile(r"!\[[^\]]*\]\(\s*(?:<([^>\n]+)>|([^)\s]+))")
# ![alt][label], ![alt][] and ![label]
_REFERENCE_USE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?(?![(\[:])")
# [label]: target  (up to three spaces of indent, as CommonMark)
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.M)
# <img ... src="target" ...>, any quoting, across lines
# (bounded: thousands of unclosed `<img ` must not cost quadratic time)
_RAW_IMG = re.compile(r"<img\b[^>]{0,2000}?\bsrc\s*=\s*(?:\"([^\"]{0,2000})\"|'([^']{0,2000})'|([^\s>]{1,2000}))",
                      re.I | re.S)
_CODE_FENCE = re.compile(r"^ {0,3}(```|~~~)[^\n]*\n.*?^ {0,3}\1[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


def relative_src_uri(owner_src_uri: str, target: str) -> str:
    """Where `target`, written in the file `owner_src_uri`, points inside content/ (may start with ..)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(owner_src_uri), target.strip().replace("\\", "/")))


def file_part(target: str) -> str:
    """The file a reference names, without `?query` or `#fragment` (`anh.jpg?v=2` is `anh.jpg`)."""
    return target.strip().split("#", 1)[0].split("?", 1)[0]


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def body_image_targets(body: str):
    """(line offset, target) of every image a Markdown body shows, in every form, in order.

    Code blocks are blanked first (keeping their lines): an `<img>` shown as code is text.
    """
    text = _CODE_FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    text = _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)  # `<img src=…>` in code is text
    found: list[tuple[int, int, str]] = []
    for match in _INLINE.finditer(text):
        found.append((match.start(), text.count("\n", 0, match.start()), match.group(1) or match.group(2)))
    definitions = {}
    for match in _DEFINITION.finditer(text):
        definitions.setdefault(_label(match.group(1)), (match.start(), match.group(2) or match.group(3) or ""))
    used = set()
    for match in _REFERENCE_USE.finditer(text):
        label = _label(match.group(2) or match.group(1))
        if label in definitions and label not in used:
            used.add(label)
            start, target = definitions[label]
            found.append((start, text.count("\n", 0, start), target))
    for match in _RAW_IMG.finditer(text):
        target = next(g for g in match.groups() if g is not None)
        found.append((match.start(), text.count("\n", 0, match.start()), target))
    for _, offset, target in sorted(found):
        yield offset, target


@dataclass(frozen=True)
class ImageInfo:
    """What the header says: enough to refuse a file before anything decodes it."""

    format: str
    width: int
    height: int
    frames: int


def inspect_image(path: Path) -> ImageInfo | str:
    """The image's header, or the problem code that refuses it. Decodes no pixels."""
    from PIL import Image, UnidentifiedImageError

    from ..images import register_heif

    if not register_heif() and path.suffix.lower() in (".heic", ".heif"):
        return "image.heic_unsupported"
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return "image.too_large"
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                info = ImageInfo(image.format or "", image.width, image.height, getattr(image, "n_frames", 1))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "image.too_large"
    except UnidentifiedImageError:
        return "image.not_image"
    except (OSError, ValueError, SyntaxError):  # Pillow's parsers raise these on broken headers
        return "image.broken"
    if info.width * info.height > MAX_PIXELS:
        return "image.too_large"
    if info.width < 1 or info.height < 1:
        return "image.broken"
    return info


def resolve_image(
    value: str, owner_src_uri: str, content_dir: Path, path: str, line: int | None, log: ProblemLog
) -> str | None:
    """The image's src_uri inside content/, or None with a problem logged."""
    target = value.strip()
    if target.startswith(("http://", "https://", "//")) or ":" in target.split("/", 1)[0]:
        log.add("image.outside", path, line, value=value)  # another host, data:, javascript:, file:
        return None
    if target.startswith(("/", "\\")) or _WINDOWS_ABSOLUTE.match(target):
        log.add("image.outside", path, line, value=value)
        return None
    joined = relative_src_uri(owner_src_uri, file_part(target))
    if joined == ".." or joined.startswith("../"):
        log.add("image.outside", path, line, value=value)
        return None
    root = Path(os.path.realpath(content_dir))
    try:
        real = Path(os.path.realpath(content_dir / joined))
        is_file = real.is_file()
    except (OSError, ValueError):  # a name too long for the disk, a NUL byte: no such file
        real, is_file = root / joined, False
    if real != root and root not in real.parents:  # a symlink pointing out of content/
        log.add("image.outside", path, line, value=value)
        return None
    if not is_file:
        log.add("image.missing", path, line, value=value, looked=f"content/{joined}")
        return None
    if real.suffix.lower() not in IMAGE_SUFFIXES:
        log.add("image.type", path, line, value=value)
        return None
    info = inspect_image(real)
    if isinstance(info, str):
        log.add(info, path, line, value=value, limit_mb=MAX_FILE_BYTES // (1024 * 1024),
                limit_mp=MAX_PIXELS // 1_000_000)
        return None
    if info.frames > 1:
        log.add("image.animated", path, line, value=value)
    return joined


def check_body_images(body: str, body_line: int, owner_src_uri: str, content_dir: Path, path: str, log: ProblemLog):
    """Every image a body shows must resolve like a front-matter image."""
    for offset, target in body_image_targets(body):
        resolve_image(target, owner_src_uri, content_dir, path, body_line + offset, log)


def image_references(site, site_file_path: str = "content/site.yml") -> dict[str, list[tuple[str, int | None]]]:
    """src_uri -> every (file, line) that shows it: lead images, bodies of every kind, the logo.

    The one list of what the site publishes as images; a photo nobody references (a draft's) is
    never made or published.
    """
    found: dict[str, list[tuple[str, int | None]]] = {}

    def add(src_uri: str, path: str, line: int | None) -> None:
        found.setdefault(src_uri, []).append((path, line))

    for article in site.articles:
        if article.image:
            add(article.image.src_uri, article.path, article.lines.get("image"))
    for owner in (*site.articles, *site.pages, *site.reports):
        for offset, target in body_image_targets(owner.body):
            add(relative_src_uri(owner.src_uri, file_part(target)), owner.path, owner.body_line + offset)
    if site.ward.logo:
        add(site.ward.logo, site_file_path, None)
    return found
