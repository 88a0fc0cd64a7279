"""Image references: every form a body can use, each resolved inside content/ and opened as a photo.

A body can point at an image in three ways, and all three are checked the same way here:
`![alt](file)`, reference style `![alt][ref]` with `[ref]: file`, and raw `<img src="file">`.
The target must stay inside content/ (no `..`, absolute or Windows paths, links, or symlinks
out), exist, and be a photo Pillow can read within the limits below. What the picture looks
like inside (a truncated JPEG) is only known when it is decoded: `core/images.py` reports that.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from .. import heif
from ..memo import ContentMemo, memo_or_new
from ..problems import ProblemLog
from .assets import AssetKind, file_part, is_attachment_target, relative_src_uri, resolve_asset, resolve_attachment

#: Files officers may reference as images. SVG is not one: a published SVG opened at its own
#: address runs its scripts on the site's origin, and photos never come as SVG.
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif"}
#: What a phone photo can weigh: the largest phones make 50 MP and 25 MB; above that it is a
#: scan or a bomb. Documented in docs/huong-dan-can-bo.md.
MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_PIXELS = 60_000_000

# Alt text may hold brackets, one level deep, as Python-Markdown reads it: ![Lễ [2025]](a.jpg)
_ALT = r"((?:[^\[\]]|\[[^\[\]]*\])*)"
# ![alt](target "title"); targets with spaces must be in <...>.
_INLINE = re.compile(r"!\[" + _ALT + r"\]\(\s*(?:<([^>\n]+)>|([^)\s]+))")
# ![alt][label], ![alt][] and ![label]
_REFERENCE_USE = re.compile(r"!\[" + _ALT + r"\](?:\[([^\]]*)\])?(?![(\[:])")
# [label]: target, at any indent: inside a list item a definition is indented like the item
_DEFINITION = re.compile(r"^[ \t]*\[([^\]]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.M)
# <img ... src="target" ...>, any quoting, across lines
# (bounded: thousands of unclosed `<img ` must not cost quadratic time)
_RAW_IMG = re.compile(r"<im(?:g|age)\b[^>]{0,2000}?\bsrc\s*=\s*(?:\"([^\"]{0,2000})\"|'([^']{0,2000})'|([^\s>]{1,2000}))",
                      re.I | re.S)
_CODE_FENCE = re.compile(r"^ {0,3}(```|~~~)[^\n]*\n.*?^ {0,3}\1[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def body_image_targets(body: str):
    """(line offset, target) of every image a Markdown body shows, in every form, in order.

    Code blocks are blanked first (keeping their lines): an `<img>` shown as code is text.
    """
    if "![" not in body and "<im" not in body.lower():  # most bodies: nothing to look for
        return
    text = _CODE_FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    text = _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)  # `<img src=…>` in code is text
    found: list[tuple[int, int, str]] = []
    for match in _INLINE.finditer(text):
        found.append((match.start(), text.count("\n", 0, match.start()), match.group(2) or match.group(3)))
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

    if not heif.register_heif() and path.suffix.lower() in (".heic", ".heif"):
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


IMAGE = AssetKind("image", frozenset(IMAGE_SUFFIXES), inspect_image)


def resolve_image(
    value: str, owner_src_uri: str, content_dir: Path, path: str, line: int | None, log: ProblemLog
) -> str | None:
    """The image's src_uri inside content/, or None with a problem logged (rules/assets.py)."""
    resolved = resolve_asset(IMAGE, value, owner_src_uri, content_dir, path, line, log,
                             limit_mb=MAX_FILE_BYTES // (1024 * 1024), limit_mp=MAX_PIXELS // 1_000_000)
    if resolved is None:
        return None
    joined, info = resolved
    if info.frames > 1:
        log.add("image.animated", path, line, value=value)
    return joined


# [text](target "title") that is not an image: a download link
_INLINE_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*(?:<([^>\n]+)>|([^)\s]+))")


def body_attachment_targets(body: str):
    """(line offset, target) of every link in a body to a file with an attachment's suffix
    (`[Tải kế hoạch](files/09-kh.pdf)`, or `[Tải][kh]` with `[kh]: files/09-kh.pdf`)."""
    if "](" not in body and "]:" not in body:  # no link of either form
        return
    text = _CODE_FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    text = _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    found = []
    for match in _INLINE_LINK.finditer(text):
        found.append((match.start(), match.group(1) or match.group(2)))
    for match in _DEFINITION.finditer(text):
        found.append((match.start(), match.group(2) or match.group(3) or ""))
    for start, target in sorted(found):
        if is_attachment_target(target):
            yield text.count("\n", 0, start), target


def check_body_attachments(body: str, body_line: int, owner_src_uri: str, content_dir: Path, path: str,
                           log: ProblemLog) -> None:
    """Every file a body links for download must resolve like a document's `file:`."""
    for offset, target in body_attachment_targets(body):
        resolve_attachment(target, owner_src_uri, content_dir, path, body_line + offset, log)


def _listed(targets):
    """A body's targets as a tuple, to keep in the memo (core/memo.py): every build scans every body."""
    return lambda body: tuple(targets(body))


def attachment_references(site, memo: ContentMemo | None = None) -> set[str]:
    """src_uris of every file the site publishes for download: documents' files and the
    attachments bodies link to. A file nobody references is never published."""
    found = {d.attachment.src_uri for d in site.documents}
    memo = memo_or_new(memo)
    for owner in site.bodied():
        for _, target in memo.get(b"a", owner.body, _listed(body_attachment_targets)):
            found.add(relative_src_uri(owner.src_uri, file_part(target)))
    return found


def check_body_images(body: str, body_line: int, owner_src_uri: str, content_dir: Path, path: str, log: ProblemLog):
    """Every image a body shows must resolve like a front-matter image."""
    for offset, target in body_image_targets(body):
        resolve_image(target, owner_src_uri, content_dir, path, body_line + offset, log)


def image_references(site, site_file_path: str = "content/site.yml", memo: ContentMemo | None = None
                     ) -> dict[str, list[tuple[str, int | None]]]:
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
    memo = memo_or_new(memo)
    for owner in site.bodied():
        for offset, target in memo.get(b"i", owner.body, _listed(body_image_targets)):
            add(relative_src_uri(owner.src_uri, file_part(target)), owner.path, owner.body_line + offset)
    if site.ward.logo:
        add(site.ward.logo, site_file_path, None)
    return found
