"""The validated content of one ward, as plain immutable data."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Category:
    name: str
    slug: str
    description: str = ""


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str


@dataclass(frozen=True)
class Author:
    """A known author or pen name from authors.yml; `slug` names the author's page."""

    name: str
    bio: str = ""
    slug: str = ""


@dataclass(frozen=True)
class Image:
    """An image inside content/: `src_uri` is its path relative to content/ (POSIX)."""

    src_uri: str
    alt: str = ""
    caption: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file shipped with the site for download (a document's PDF, a Word or Excel file), at
    `src_uri` inside content/; `label` and `size` are what readers see before downloading it."""

    src_uri: str
    label: str  # "PDF", "Word", "Excel", "OpenDocument"
    media_type: str
    size: int  # bytes


@dataclass(frozen=True)
class Article:
    src_uri: str  # relative to content/, e.g. news/2025/trao-qua.md
    path: str  # as shown to officers, e.g. content/news/2025/trao-qua.md
    slug: str
    title: str
    date: datetime  # aware, in the ward's timezone unless an offset was written
    category: Category
    body: str  # Markdown, normalised (NFC, LF), without front matter
    body_line: int
    summary: str  # the written summary, or the first paragraph when none was written
    lede: str = ""  # the written summary only: shown under the headline without repeating the body
    description: str = ""  # for meta tags, feeds and cards: the summary, or ~160 characters of the body
    tags: tuple[Tag, ...] = ()
    author: str = ""
    author_slug: str = ""  # the known author (authors.yml) the byline names, or "" for an unknown byline
    image: Image | None = None
    source: str = ""
    source_url: str = ""
    updated: datetime | None = None
    draft: bool = False
    featured: bool = False  # pinned at the top of the home page
    expires: datetime | None = None  # the last moment the notice is current (`expires:`), or None
    expired: bool = False  # past `expires` at the build's clock: off the home page, with a banner
    # For cross-file checks: line of each front-matter key.
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def digest(self) -> str:
        """What a page fingerprint says of the article (mkdocs_plugin/files.py): sha256 of repr(),
        every field a page can show. An article never changes once made, so it is taken once;
        the article cache pickles it with the article (core/load.py), so a warm build does not
        describe 5,000 unchanged articles again."""
        digest = self.__dict__.get("_digest")
        if digest is None:
            digest = hashlib.sha256(repr(self).encode()).hexdigest()
            object.__setattr__(self, "_digest", digest)
        return digest

    def with_changes(self, **changes) -> Article:
        """`dataclasses.replace`, with a digest made of this one's and the changes: a known
        author or an expiry changes a word, and describing the body again would cost as much
        as for a new article. Faithful: other fields or other changes give another digest."""
        changed = dataclasses.replace(self, **changes)
        object.__setattr__(changed, "_digest",
                           hashlib.sha256(f"{self.digest}|{sorted(changes.items())!r}".encode()).hexdigest())
        return changed

    @property
    def sort_key(self):
        """Newest first; ties broken by slug so every build orders the same."""
        return (-self.date.timestamp(), self.slug)


@dataclass(frozen=True)
class Page:
    """A plain page (giới thiệu, liên hệ...)."""

    src_uri: str
    path: str
    slug: str
    title: str
    body: str
    body_line: int


@dataclass(frozen=True)
class Document:
    """An official document (văn bản) of the ward's bodies, with its particulars as Decree
    30/2020/NĐ-CP prints them and its attached file (documents/*.md)."""

    src_uri: str
    path: str
    slug: str
    number: str  # số ký hiệu: 125/TB-UBND
    type: str  # loại văn bản: Thông báo, Kế hoạch...
    issuer: str  # cơ quan ban hành
    title: str  # trích yếu
    date: datetime  # ngày ban hành
    effective: datetime  # ngày hiệu lực (the issue date unless written)
    attachment: Attachment
    body: str = ""  # optional Markdown: what the document says, in short
    body_line: int = 0
    signer: str = ""  # người ký
    description: str = ""  # for meta tags, feeds, cards and search results
    expires: datetime | None = None
    expired: bool = False
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def sort_key(self):
        """Newest issued first; ties broken by slug."""
        return (-self.date.timestamp(), self.slug)


@dataclass(frozen=True)
class SocialLink:
    label: str
    url: str


@dataclass(frozen=True)
class Contact:
    """An official residents can call or write to (site.yml `about: contacts:`)."""

    name: str
    title: str = ""
    phone: str = ""
    email: str = ""

    @property
    def tel(self) -> str:
        return dial_digits(self.phone)


def dial_digits(phone: str) -> str:
    """A phone number as a `tel:` link dials it: digits and a leading +."""
    return "".join(ch for ch in phone if ch.isdigit() or ch == "+")


@dataclass(frozen=True)
class About:
    """The organisation page (site.yml `about:`): what Decree 42/2022/NĐ-CP asks an agency's
    site to say about the agency, and the short English version."""

    duties: tuple[str, ...] = ()  # chức năng, nhiệm vụ: one sentence each
    members: tuple[str, ...] = ()  # member organisations
    groups: tuple[str, ...] = ()  # residential groups (tổ dân phố) and their Mặt trận committees
    contacts: tuple[Contact, ...] = ()
    hours: str = ""  # office hours
    map_url: str = ""  # a map of the office (a link: nothing is loaded from the map's host)
    portals: tuple["SocialLink", ...] = ()  # public-service portals
    english_name: str = ""
    english_summary: str = ""


@dataclass(frozen=True)
class WardInfo:
    """The ward's identity from site.yml: who publishes, and how to reach them."""

    name: str = "Phường"
    organisation: str = ""
    tagline: str = ""
    description: str = ""  # one or two sentences for search engines and link previews
    address: str = ""
    phone: str = ""
    email: str = ""
    responsible: str = ""
    social: tuple[SocialLink, ...] = ()
    logo: str = ""  # src_uri inside content/, or ""
    about: About | None = None  # the organisation page, when site.yml has `about:`
    synonyms: tuple[tuple[str, ...], ...] = ()  # the ward's own search synonyms (site.yml), after the built-in ones


@dataclass(frozen=True)
class Indicator:
    """One figure an officer typed into a report: `value` `unit`, with last year and the target."""

    label: str
    value: float | int
    unit: str = ""  # "VND" (money), "%" or a counted thing ("phần", "hộ", "lượt"...)
    previous: float | int | None = None
    target: float | int | None = None
    note: str = ""  # qualifier shown before the number: gần, hơn, trên
    line: int = 0


@dataclass(frozen=True)
class IndicatorGroup:
    name: str
    items: tuple[Indicator, ...]


@dataclass(frozen=True)
class Report:
    """An annual summary (reports/<year>.md): the officers' figures and the narrative."""

    src_uri: str
    path: str
    year: int
    title: str
    date: datetime
    summary: str
    body: str
    body_line: int
    groups: tuple[IndicatorGroup, ...]
    description: str = ""  # for meta tags, feeds and cards: the summary, or the body's first words

    @property
    def headline_figures(self) -> tuple[Indicator, ...]:
        """The first figure of each group, up to three: what the card and the index show."""
        return tuple(group.items[0] for group in self.groups if group.items)[:3]


@dataclass(frozen=True)
class Site:
    """Everything loaded and valid. `articles` are the published ones, newest first."""

    ward: WardInfo
    categories: tuple[Category, ...]
    authors: tuple[Author, ...]
    articles: tuple[Article, ...]
    unpublished: tuple[Article, ...]  # drafts and articles dated in the future
    pages: tuple[Page, ...]
    reports: tuple[Report, ...] = ()  # newest year first
    documents: tuple[Document, ...] = ()  # newest issued first

    def bodied(self):
        """Every published item with a body an officer wrote, of every content kind: the one list
        the build's references (photos made, files published) walk, so that no kind is left out
        of one and not the other (each kind's rule checks its body with `rules.body.check_body`)."""
        return (*self.articles, *self.pages, *self.reports, *self.documents)
