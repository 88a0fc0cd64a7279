"""An old portal's articles: its RSS or Atom feed, or a WordPress export (WXR, which is RSS with
the `wp:` fields), read with feedparser; each entry's HTML becomes Markdown (markdownify).

Photos in an entry are the portal's: they are fetched (`fetch`, http(s) only, size-limited) so
the ward keeps them when the portal closes; one that cannot be fetched stays a link to where it
was. An entry is remembered by its id (or address), so a second run adds nothing.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import posixpath
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Callable
from urllib.parse import urljoin, urlsplit

import feedparser
from markdownify import markdownify

from ..rules.images import MAX_FILE_BYTES
from .posts import ArchivedPost, ExportError, Photo
from .text import fallback_title, lines_of, nfc, split_title

Fetch = Callable[[str, int], bytes]
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_TAG = re.compile(r"<[^>]+>")


@dataclass
class FeedArchive:
    title: str = ""
    posts: list[ArchivedPost] = field(default_factory=list)
    not_posts: int = 0  # WordPress pages, attachments, drafts
    undated: list[str] = field(default_factory=list)


def html_to_markdown(markup: str) -> str:
    text = markdownify(markup, heading_style="ATX", bullets="-", strip=["script", "style", "iframe", "form"])
    return "\n\n".join(part.strip() for part in re.split(r"\n\s*\n", nfc(text)) if part.strip())


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup or "")).split())


def _published(entry, tz: tzinfo) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), timezone.utc).astimezone(tz)
    local = entry.get("wp_post_date", "")  # WordPress: the site's local time
    try:
        return datetime.strptime(local.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=tz)
    except ValueError:
        return None


def read_feed(data: bytes, tz: tzinfo, fetch: Fetch, source: str = "") -> FeedArchive:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise ExportError(f"Không thấy bài nào trong nguồn tin{reason}: cần một nguồn RSS, Atom hoặc tệp xuất "
                          "WordPress (WXR).")
    archive = FeedArchive(title=_plain(parsed.feed.get("title", "")))
    source = source or archive.title
    for entry in parsed.entries:
        if entry.get("wp_post_type", "post") != "post" or entry.get("wp_status", "publish") != "publish":
            archive.not_posts += 1
            continue
        published = _published(entry, tz)
        title = _plain(entry.get("title", ""))
        if published is None:
            archive.undated.append(title or entry.get("link", "?"))
            continue
        markup = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
        body = html_to_markdown(markup)
        if not title:
            title, rest = split_title(lines_of(_plain(markup)))
        link = entry.get("link", "")
        link = link if urlsplit(link).scheme in ("http", "https") else ""
        body, photos = _photos(body, link, fetch)
        identity = entry.get("id") or link or f"{title}|{published.isoformat()}"
        archive.posts.append(ArchivedPost(
            key="feed:" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16], published=published,
            title=fallback_title(title, published), body=body,
            tags=[nfc(t["term"]).strip() for t in entry.get("tags", []) if t.get("term", "").strip()],
            photos=photos, source=source, source_url=link))
    return archive


def _photos(body: str, page: str, fetch: Fetch) -> tuple[str, list[Photo]]:
    """The entry's images, to be fetched; an address that cannot be made absolute keeps only its text."""
    photos: dict[str, Photo] = {}

    def place(match: re.Match) -> str:
        alt, target = match[1], match[2]
        address = urljoin(page, target) if page else target
        if urlsplit(address).scheme not in ("http", "https"):
            return alt  # "/wp-content/a.jpg" from a file with no address: nothing to fetch it from
        if address not in photos:
            photos[address] = Photo(name=posixpath.basename(urlsplit(address).path) or "anh.jpg",
                                    read=lambda a=address: fetch(a, MAX_FILE_BYTES), alt=alt, target=address)
        return f"![{alt}]({address})"

    return _IMAGE.sub(place, body), list(photos.values())
