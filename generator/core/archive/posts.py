"""What a reader gives the writer: one post of an archive, already in Vietnamese Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable


class ExportError(Exception):
    """An archive (an export, a feed) that cannot be read at all: the Vietnamese message says why."""


@dataclass
class Photo:
    """A photo of a post. `read` gives its bytes (or raises OSError/ValueError with a Vietnamese
    reason); `name` is its original file name (for the extension); `target` is the address the
    body uses for it (replaced by the saved file), or "" for the post's own photos, which the
    writer places: the first as the lead photo, the rest in the body."""

    name: str
    read: Callable[[], bytes]
    alt: str = ""
    target: str = ""


@dataclass
class ArchivedPost:
    key: str  # what the article remembers, so the post is imported once: "facebook:…", "feed:…"
    published: datetime  # aware
    title: str
    body: str  # Markdown
    tags: list[str] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    source: str = ""  # where it was published first: "Facebook", the portal's name
    source_url: str = ""
    shared_link: str = ""  # a link the post shared: shown as "Nguồn:" under the text
