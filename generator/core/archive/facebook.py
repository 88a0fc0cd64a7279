"""A Facebook Page's "Download your information" export (JSON), as a zip or its unpacked folder.

The posts are JSON arrays in files named `profile_posts_1.json`, `your_posts_1.json` or
`your_posts__check_ins__photos_and_videos_1.json`, under an activity folder whose name Facebook
has changed over the years: they are found by name wherever they are. Each post has a Unix
`timestamp`, `data: [{"post": TEXT}]` (or only an `update_timestamp`), and `attachments` with photos
(`media.uri`, a path inside the export) or a shared link (`external_context.url`).

Facebook writes every UTF-8 byte of the text as its own `\\u00XX` escape ("Phường" arrives as
"PhÆ°á»ng"): each string is read back as the UTF-8 it was. Nothing outside the export is read: a
zip entry or a photo path with `..` or an absolute path is refused, and named in the report.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from ..contained import is_inside
from ..rules.images import MAX_FILE_BYTES
from .posts import ArchivedPost, ExportError, Photo
from .text import fallback_title, nfc, post_to_article

_POSTS_FILE = re.compile(r"^(profile_posts|your_posts)\w*\.json$")
MAX_JSON_BYTES = 256 * 1024 * 1024
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif")


@dataclass
class FacebookExport:
    posts: list[ArchivedPost] = field(default_factory=list)
    without_text: list[datetime] = field(default_factory=list)  # a photo alone, a profile update
    refused: list[str] = field(default_factory=list)  # entries and paths outside the export
    files: int = 0  # post files read


def unmangle(value):
    """Facebook's text back to Unicode: "PhÆ°á»ng" → "Phường", recursively; text that is not
    Facebook's mangling (already proper, or not UTF-8 once read as bytes) is kept as it is."""
    if isinstance(value, str):
        try:
            return nfc(value.encode("latin-1").decode("utf-8"))
        except (UnicodeEncodeError, UnicodeDecodeError):
            return nfc(value)
    if isinstance(value, list):
        return [unmangle(item) for item in value]
    if isinstance(value, dict):
        return {key: unmangle(item) for key, item in value.items()}
    return value


def safe_member(name: str) -> str | None:
    """A path inside the export, normalised; None for one that leaves it."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return None
    normal = posixpath.normpath(name)
    if normal == ".." or normal.startswith("../") or "/../" in f"/{normal}/":
        return None
    return normal


class _Source:
    """The export's files by their path inside it, whether a zip or a folder."""

    def __init__(self, path: Path, refused: list[str]):
        self.path = path
        self.refused = refused
        self.zip = None
        self.names: dict[str, object] = {}
        if path.is_dir():
            root = str(path.resolve())
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path).as_posix()
                if not is_inside(root, str(file.resolve())):  # a link to a file elsewhere on the machine
                    refused.append(relative)
                elif file.is_file():
                    self.names[relative] = file
        elif zipfile.is_zipfile(path):
            self.zip = zipfile.ZipFile(path)
            for info in self.zip.infolist():
                normal = safe_member(info.filename)
                if normal is None:
                    refused.append(info.filename)
                elif not info.is_dir():
                    self.names[normal] = info
        else:
            raise ExportError(f"“{path}” không phải tệp .zip tải về từ Facebook, cũng không phải thư mục đã giải nén.")

    def read(self, name: str, limit: int) -> bytes:
        entry = self.names[name]
        if isinstance(entry, zipfile.ZipInfo):
            if entry.file_size > limit:
                raise ValueError(f"tệp quá lớn ({entry.file_size // (1024 * 1024)} MB)")
            with self.zip.open(entry) as stream:
                data = stream.read(limit + 1)
        else:
            data = Path(entry).read_bytes()
        if len(data) > limit:
            raise ValueError(f"tệp quá lớn (hơn {limit // (1024 * 1024)} MB)")
        return data

    def find(self, uri: str, near: str) -> str | None:
        """A photo's `uri` as a file of the export: as written, or under the folder the export
        was unpacked into (the posts file `near` says which)."""
        normal = safe_member(uri)
        if normal is None:
            return None
        if normal in self.names:
            return normal
        parts = near.split("/")
        for depth in range(1, len(parts)):
            candidate = "/".join(parts[:depth]) + "/" + normal
            if candidate in self.names:
                return candidate
        return None


def read_facebook_export(path: Path, tz: tzinfo, source: str = "Facebook") -> FacebookExport:
    export = FacebookExport()
    files = _Source(path, export.refused)
    post_files = sorted(name for name in files.names if _POSTS_FILE.match(posixpath.basename(name)))
    if not post_files:
        raise ExportError(f"Không thấy tệp bài đăng (profile_posts_1.json, your_posts_1.json…) trong “{path}”. "
                          "Khi tải thông tin từ Facebook, hãy chọn định dạng JSON và mục “Bài viết”.")
    for name in post_files:
        try:
            data = json.loads(files.read(name, MAX_JSON_BYTES))
        except (ValueError, OSError) as exc:
            raise ExportError(f"Không đọc được “{name}” trong bản tải về: {exc}.") from None
        export.files += 1
        items = data if isinstance(data, list) else next((v for v in data.values() if isinstance(v, list)), []) \
            if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict):
                _read_post(unmangle(item), name, files, tz, source, export)
    return export


def _read_post(item: dict, posts_file: str, files: _Source, tz: tzinfo, source: str,
               export: FacebookExport) -> None:
    timestamp = item.get("timestamp")
    if not isinstance(timestamp, (int, float)):
        return
    published = datetime.fromtimestamp(timestamp, tz)
    data = item.get("data") if isinstance(item.get("data"), list) else []
    text = "\n".join(d["post"] for d in data if isinstance(d, dict) and isinstance(d.get("post"), str)).strip()
    if not text:
        export.without_text.append(published)
        return
    photos, link = [], ""
    for attachment in item.get("attachments") or []:
        for entry in (attachment.get("data") or []) if isinstance(attachment, dict) else []:
            if not isinstance(entry, dict):
                continue
            media = entry.get("media")
            if isinstance(media, dict) and isinstance(media.get("uri"), str):
                photo = _photo(media, posts_file, files, export)
                if photo is not None:
                    photos.append(photo)
            context = entry.get("external_context")
            if isinstance(context, dict) and isinstance(context.get("url"), str) and not link:
                link = context["url"].strip()
    title, body, tags = post_to_article(text)
    key = f"facebook:{int(timestamp)}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"
    export.posts.append(ArchivedPost(key=key, published=published, title=fallback_title(title, published),
                                     body=body, tags=tags, photos=photos, source=source, shared_link=link))


def _photo(media: dict, posts_file: str, files: _Source, export: FacebookExport) -> Photo | None:
    uri = media["uri"]
    if not uri.lower().endswith(PHOTO_TYPES):
        return None  # a video, a sticker file of another kind: not a photo of the article
    found = files.find(uri, posts_file)

    def read() -> bytes:
        if found is None:
            raise OSError("không có trong bản tải về" if safe_member(uri) is not None else "nằm ngoài bản tải về")
        return files.read(found, MAX_FILE_BYTES)

    if safe_member(uri) is None:
        export.refused.append(uri)
    alt = media.get("description") or media.get("title") or ""
    return Photo(name=posixpath.basename(uri), read=read, alt=alt if isinstance(alt, str) else "")
