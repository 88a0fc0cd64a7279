"""One rule for every file an officer's text points at: photos and attached documents alike.

A reference (`image:`, `file:`, `![](…)`, `[Tải về](…)`, `<img src>`) is resolved here and only here:
it must stay inside content/ (no `..`, absolute or Windows paths, other hosts, or symlinks out),
exist, have a suffix of its kind, and be what that suffix says. Each kind brings its own suffixes,
its problem-code prefix (`image.*`, `attachment.*`) and its inspection; the path rules are shared,
so what `check` validates is exactly what `build` publishes.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..contained import is_inside
from ..model import Attachment
from ..problems import ProblemLog

_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:[\\/]")


@dataclass(frozen=True)
class AssetKind:
    """What one kind of referenced file must be. `inspect(real_path)` returns what it found,
    or a problem code (`image.broken`, `attachment.mismatch`...) that refuses the file."""

    prefix: str  # problem codes: <prefix>.outside, .missing, .type
    suffixes: frozenset[str]
    inspect: Callable[[Path], object]  # what it found, a problem code, or (code, message values)


def relative_src_uri(owner_src_uri: str, target: str) -> str:
    """Where `target`, written in the file `owner_src_uri`, points inside content/ (may start with ..)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(owner_src_uri), target.strip().replace("\\", "/")))


def file_part(target: str) -> str:
    """The file a reference names, without `?query` or `#fragment` (`anh.jpg?v=2` is `anh.jpg`)."""
    return target.strip().split("#", 1)[0].split("?", 1)[0]


def is_external(target: str) -> bool:
    """Another host or scheme (https:, //, mailto:, data:, javascript:): not a file of content/."""
    target = target.strip()
    return target.startswith("//") or ":" in target.split("/", 1)[0]


def resolve_asset(kind: AssetKind, value: str, owner_src_uri: str, content_dir: Path, path: str, line: int | None,
                  log: ProblemLog, **extra) -> tuple[str, object] | None:
    """(src_uri inside content/, what `kind.inspect` found), or None with a problem logged at `line`.
    `extra` values go into the problem's message (limits, the type found)."""
    target = value.strip()
    outside = f"{kind.prefix}.outside"
    if is_external(target) or target.startswith(("/", "\\")) or _WINDOWS_ABSOLUTE.match(target):
        log.add(outside, path, line, value=value)  # another host, data:, javascript:, file:, absolute paths
        return None
    joined = relative_src_uri(owner_src_uri, file_part(target))
    if joined == ".." or joined.startswith("../"):
        log.add(outside, path, line, value=value)
        return None
    root = Path(os.path.realpath(content_dir))
    try:
        real = Path(os.path.realpath(content_dir / joined))
        is_file = real.is_file()
    except (OSError, ValueError):  # a name too long for the disk, a NUL byte: no such file
        real, is_file = root / joined, False
    if not is_inside(str(root), str(real)):  # a symlink pointing out of content/ (contained.py)
        log.add(outside, path, line, value=value)
        return None
    if not is_file:
        log.add(f"{kind.prefix}.missing", path, line, value=value, looked=f"content/{joined}")
        return None
    if real.suffix.lower() not in kind.suffixes:
        log.add(f"{kind.prefix}.type", path, line, value=value)
        return None
    found = kind.inspect(real)
    if isinstance(found, tuple):  # (code, what the message needs)
        log.add(found[0], path, line, value=value, **extra, **found[1])
        return None
    if isinstance(found, str):
        log.add(found, path, line, value=value, **extra)
        return None
    return joined, found


# --- attachments: the files of documents (văn bản) and the downloads linked from any body ---------

#: What an attachment may weigh: a scanned, signed document of a few pages is 1-5 MB; residents
#: download it on a phone, and every copy of the site carries it.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

#: suffix -> (label shown to readers, media type, family the contents must match)
ATTACHMENT_TYPES = {
    ".pdf": ("PDF", "application/pdf", "pdf"),
    ".docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ".doc": ("Word", "application/msword", "ole"),
    ".xlsx": ("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ".xls": ("Excel", "application/vnd.ms-excel", "ole"),
    ".odt": ("OpenDocument", "application/vnd.oasis.opendocument.text", "odt"),
    ".ods": ("OpenDocument", "application/vnd.oasis.opendocument.spreadsheet", "ods"),
}
_FAMILY_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "pptx": "PowerPoint (.pptx)",
                 "odt": "OpenDocument (.odt)", "ods": "OpenDocument (.ods)", "ole": "Word/Excel đời cũ (.doc, .xls)",
                 "zip": "tệp nén ZIP", "jpeg": "ảnh JPEG", "png": "ảnh PNG", "html": "trang web (HTML)"}


def content_family(path: Path) -> str:
    """What the bytes are, whatever the name says: pdf, docx, xlsx, pptx, odt, ods, ole, zip,
    jpeg, png, html, or "" when unknown. Read from the file's signature and, for ZIP-based
    formats, from the parts inside (a .docx holds word/document.xml)."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" in head:  # the PDF header may follow a little junk (the spec allows 1,024 bytes)
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    mimetype = archive.read("mimetype")[:100]
                    if mimetype.endswith(b"opendocument.text"):
                        return "odt"
                    if mimetype.endswith(b"opendocument.spreadsheet"):
                        return "ods"
        except (zipfile.BadZipFile, OSError, ValueError):
            return ""
        for part, family in (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"),
                             ("ppt/presentation.xml", "pptx")):
            if part in names:
                return family
        return "zip"
    return ""


def inspect_attachment(path: Path) -> Attachment | str | tuple[str, dict]:
    """The attachment as readers see it (type label, size), or the code that refuses it."""
    label, media_type, family = ATTACHMENT_TYPES[path.suffix.lower()]
    size = path.stat().st_size
    if size == 0:
        return "attachment.empty"
    if size > MAX_ATTACHMENT_BYTES:
        return "attachment.too_large"
    found = content_family(path)
    if found != family:
        return "attachment.mismatch", {"found": _FAMILY_NAMES.get(found, "một loại tệp khác")}
    return Attachment(src_uri="", label=label, media_type=media_type, size=size)


ATTACHMENT = AssetKind("attachment", frozenset(ATTACHMENT_TYPES), inspect_attachment)


def resolve_attachment(value: str, owner_src_uri: str, content_dir: Path, path: str, line: int | None,
                       log: ProblemLog) -> Attachment | None:
    """The attachment inside content/, or None with a problem logged at `line`."""
    resolved = resolve_asset(ATTACHMENT, value, owner_src_uri, content_dir, path, line, log,
                             limit_mb=MAX_ATTACHMENT_BYTES // (1024 * 1024))
    if resolved is None:
        return None
    src_uri, attachment = resolved
    return Attachment(src_uri, attachment.label, attachment.media_type, attachment.size)


def is_attachment_target(target: str) -> bool:
    """A link whose file has an attachment's suffix: published only through the attachment rule."""
    return not is_external(target) and posixpath.splitext(file_part(target).lower())[1] in ATTACHMENT_TYPES
