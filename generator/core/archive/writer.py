"""Archived posts written as articles: `content/news/<year>/<slug>.md` in the content contract,
photos next to them (the ward's photo rules then apply to them as to any photo), once each.

Each article carries a YAML comment naming the post it came from (`# ward-news import: KEY`):
comments are not fields, so the contract is unchanged, and the mark travels with the file when
an officer renames or moves it. Before writing, every article's mark is read; a post whose mark
is found is counted as imported already.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..frontmatter import article_text
from ..rules.articles import MAX_TAGS
from ..text import make_slug
from .posts import ArchivedPost, Photo

MARKER = "# ward-news import: "
_MARKER_LINE = re.compile(r"^# ward-news import: (\S+)[ \t]*$", re.MULTILINE)
_SLUG_LINE = re.compile(r"^slug:\s*(\S+)", re.MULTILINE)
SLUG_MAX = 80  # well under the contract's 120, so a date can be added to tell two apart
_HEAD = 4096


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)
    already: int = 0  # posts an earlier run imported
    photos: int = 0
    photo_problems: list[str] = field(default_factory=list)  # "bài › ảnh: lý do"
    years: Counter = field(default_factory=Counter)


def _articles(content_dir: Path) -> list[Path]:
    news = content_dir / "news"
    return sorted(news.rglob("*.md")) if news.is_dir() else []


def _head(path: Path) -> str:
    with open(path, "rb") as stream:
        return stream.read(_HEAD).decode("utf-8", errors="replace")


def imported_keys(content_dir: Path) -> set[str]:
    return {key for path in _articles(content_dir) for key in _MARKER_LINE.findall(_head(path))}


def taken_slugs(content_dir: Path) -> set[str]:
    """Every article's address (its file name, or its `slug:`): a new one must differ from all."""
    taken = set()
    for path in _articles(content_dir):
        taken.add(path.stem)
        taken.update(_SLUG_LINE.findall(_head(path)))
    return taken


def _unique_slug(post: ArchivedPost, taken: set[str]) -> str:
    slug = make_slug(post.title)
    if len(slug) > SLUG_MAX:  # cut at a word
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    slug = slug or "tin"
    candidates = [slug, f"{slug}-{post.published:%Y-%m-%d}"] + [f"{slug}-{post.published:%Y-%m-%d}-{n}"
                                                                for n in range(2, 10_000)]
    chosen = next(c for c in candidates if c not in taken)
    taken.add(chosen)
    return chosen


def _alt(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", " ".join(text.split()))


def write_posts(posts: list[ArchivedPost], content_dir: Path, category: str) -> ImportReport:
    report = ImportReport()
    keys = imported_keys(content_dir)
    taken = taken_slugs(content_dir)
    for post in sorted(posts, key=lambda p: p.published):
        if post.key in keys:
            report.already += 1
            continue
        keys.add(post.key)
        folder = content_dir / "news" / str(post.published.year)
        folder.mkdir(parents=True, exist_ok=True)
        slug = _unique_slug(post, taken)
        body, lead, more = post.body, None, []
        for number, photo in enumerate(post.photos, 1):
            name = _save(photo, folder, f"{slug}-{number}", report, post)
            alt = photo.alt or f"Ảnh của bài “{post.title}”"
            if photo.target:
                replacement = f"]({name})" if name else f"]({photo.target})"
                body = body.replace(f"]({photo.target})", replacement)
                if not name:  # the portal's photo could not be fetched: a link to it, not a broken image
                    body = re.sub(r"!\[([^\]]*)\]\(" + re.escape(photo.target) + r"\)", r"[Ảnh: \1](" +
                                  photo.target.replace("\\", "\\\\") + ")", body)
            elif name and lead is None:
                lead = (name, alt)
            elif name:
                more.append(f"![{_alt(alt)}]({name})")
        paragraphs = [part for part in (body, *more) if part.strip()]
        if post.shared_link:
            paragraphs.append(f"Nguồn: <{post.shared_link}>")
        metadata: dict = {"title": post.title, "date": post.published.strftime("%Y-%m-%d %H:%M"),
                          "category": category, "tags": post.tags[:MAX_TAGS]}
        if lead:
            metadata["image"], metadata["image_alt"] = lead
        if post.source:
            metadata["source"] = post.source
        if post.source_url:
            metadata["source_url"] = post.source_url
        text = article_text(metadata, "\n\n".join(paragraphs) + "\n")
        text = text.replace("---\n", f"---\n{MARKER}{post.key}\n", 1)
        path = folder / f"{slug}.md"
        path.write_text(text, encoding="utf-8")
        report.written.append(path)
        report.years[post.published.year] += 1
    return report


def _save(photo: Photo, folder: Path, stem: str, report: ImportReport, post: ArchivedPost) -> str:
    """The photo written as `<stem><ext>` beside the article; "" (and the reason noted) when it cannot be."""
    try:
        data = photo.read()
        suffix = photo_suffix(data)
    except (OSError, ValueError) as exc:
        report.photo_problems.append(f"“{post.title}” ({post.published:%d/%m/%Y}) › {photo.name}: {exc}")
        return ""
    name = stem + suffix
    (folder / name).write_bytes(data)
    report.photos += 1
    return name


def photo_suffix(data: bytes) -> str:
    """The extension the bytes are (what `check` compares a photo's name with), whatever the
    address or file name said; ValueError for what is no photo (a portal's error page)."""
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return ".gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis"):
        return ".heic"
    raise ValueError("không phải ảnh JPEG, PNG, GIF, WebP hay HEIC")
