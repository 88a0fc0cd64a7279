"""Which rendered pages a build may take from the page store instead of rendering them again.

A page is reused only when its fingerprint is one an earlier build rendered: a hash of
everything its HTML is made from (`site_fingerprint`: what every page shows, the generator's
code and templates, settings; `Fingerprints.of`: the page's own plan entry, data and body). The
policy of what to read from the store with a reused page (the bodies feeds carry, those whose
search text is not remembered) is `reuse_pages`. No MkDocs here: the adapter hands in its files
as `ReusableFile`s (mkdocs_plugin/files.py PlannedFile is one).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from .memo import ContentMemo
from .model import Article
from .pagestore import Bodies, PageStore, StoreChanged
from .load import reload_body_edits
from .plan import PlannedPage, SitePlan, with_edited_body
from .related import ArticleLink
from .search import stored_text_known


def site_fingerprint(plan: SitePlan, settings, nav: str, template_dirs, code: str, mode: str = "build") -> str:
    """What every page shows besides its own data: identity, menu (`nav`), the host's settings,
    the ward's own templates (`template_dirs`), and `code`: the generator's code, packaged
    templates and the versions of the libraries that render them (core/fingerprint.py).
    Rendered pages outlive the process (core/pagestore.py), so anything that can change between
    two builds is in here. `mode`: "build" or "serve" (the preview writes no CSP)."""
    parts = [mode, repr(plan.site.ward), nav, stable_repr(settings),
             repr(sorted(plan.images.files)), repr(sorted(plan.attachments)),  # URLs: named by content hash
             code]
    # Contents, not times: a fresh clone in CI (its .cache restored) still finds its pages.
    for directory in template_dirs:
        for folder, dirnames, names in os.walk(directory):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(names):
                with open(os.path.join(folder, name), "rb") as handle:
                    parts.append(f"{os.path.relpath(folder, directory)}/{name}:{hashlib.sha256(handle.read()).hexdigest()}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class Fingerprints:
    """Fingerprints of planned pages: what every page shows (`shared`) plus the page's own data.

    Plan objects are frozen dataclasses, so their repr is a faithful, stable description. An
    article appears on its own page and on several listings: its digest is taken once, when it
    is made (model.Article.digest); a link to it (plan.py) is described once per build.
    """

    def __init__(self, shared: str, links: str = ""):
        self.shared = shared
        self.links = links  # every page's URL: what a body's links to other .md files become
        self._links: dict[int, tuple[ArticleLink, str]] = {}

    def _link(self, link: ArticleLink) -> str:
        # By id, with the object kept: an id is unique only while its object lives.
        known = self._links.get(id(link))
        if known is None:
            known = self._links[id(link)] = (link, repr(link))
        return known[1]

    def _value(self, value) -> str:
        if isinstance(value, Article):
            return value.digest
        if isinstance(value, ArticleLink):
            return self._link(value)
        if isinstance(value, tuple) and value:
            if isinstance(value[0], Article):
                return ",".join(a.digest for a in value)
            if isinstance(value[0], ArticleLink):
                return "(" + ",".join(self._link(a) for a in value) + ")"
        return repr(value)

    # What a page shows of its own plan entry besides data and body: the fields repr() shows.
    # The card is in as its URL (named by its key); its spec holds absolute paths of files.
    _HEAD = tuple(f.name for f in dataclasses.fields(PlannedPage) if f.repr and f.name not in ("data", "body", "card"))

    def of(self, page: PlannedPage) -> str:
        head = tuple(getattr(page, name) for name in self._HEAD)
        data = page.data
        if dataclasses.is_dataclass(data) and not isinstance(data, Article):
            own = "|".join(self._value(getattr(data, f.name)) for f in dataclasses.fields(data))
        else:
            own = self._value(data)
        links = self.links if ".md" in page.body else ""  # `[x](../2025/b.md)` follows b's URL
        return hashlib.sha256(f"{self.shared}\0{head!r}\0{page.body}\0{own}\0{links}".encode()).hexdigest()


def page_fingerprints(plan: SitePlan, shared: str) -> Fingerprints:
    """The fingerprints of this plan's pages (every page's URL is in: links between pages)."""
    return Fingerprints(shared, hashlib.sha256(repr(sorted((p.src_uri, p.url) for p in plan.pages)).encode()).hexdigest())


def stable_repr(value) -> str:
    """repr() that reads the same in every process: mappings by key, sets sorted (a set's order
    follows string hashing, which Python randomises per process)."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{stable_repr(k)}: {stable_repr(v)}" for k, v in
                               sorted(value.items(), key=lambda item: str(item[0]))) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_repr(v) for v in value)) + "}"
    if callable(value) and hasattr(value, "__qualname__"):  # a function in the settings (toc's slugify)
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable_repr(v) for v in value) + "]"
    return repr(value)


class ReusableFile(Protocol):
    """What `reuse_pages` needs of a planned page's file in the host."""

    src_uri: str
    abs_dest_path: str
    fingerprint: str
    reused: bool

    def is_modified(self) -> bool: ...


def reuse_pages(files: list[ReusableFile], plan: SitePlan, store: PageStore, bodies: Bodies,
                rendered: dict[str, str], memo: ContentMemo) -> None:
    """Link every page rendered before with the same fingerprint into the site and mark its file
    `reused` (the host then skips it). Bodies the feeds carry, or whose search text the memo
    does not remember, are read now; the others only if something asks (pagestore.Bodies).
    `rendered`: dest path -> fingerprint of the page written there (kept by the live preview)."""
    feed_sources, body_sources = plan.feed_sources, plan.body_sources
    for file in files:
        src_uri = file.src_uri
        in_feed = src_uri in feed_sources
        if not file.is_modified():  # the live preview wrote this very page already
            if not in_feed or bodies.stored_name(src_uri) is None:
                continue
            try:  # it joined a feed since: its body is needed now
                bodies.get(src_uri)
                continue
            except StoreChanged:  # gone or changed in the store: render the page again
                del rendered[file.abs_dest_path]
        placed, body, text = store.place(file.fingerprint, Path(file.abs_dest_path), src_uri in body_sources,
                                         lambda name: in_feed or not stored_text_known(name, memo))
        if placed:
            file.reused = True
            rendered[file.abs_dest_path] = file.fingerprint
            if body is not None:
                bodies.keep_stored(src_uri, body, text)


def body_edits(plan: SitePlan, settings, src_uris: list[str], now, shared: str, memo: ContentMemo
               ) -> list[tuple[str, str, str]] | None:
    """The live preview's quick path: when the saved files are articles whose body alone changed
    (load.reload_body_edits decides), their pages' new entries replace the old ones in `plan`,
    and (src_uri, Markdown, fingerprint) of each comes back to be rendered again; None when
    the edit needs the whole rebuild. Only the page's own entry changes: every other page, the
    site model and the feeds' entries show nothing of a body (the feeds' text is the bodies')."""
    edited = reload_body_edits(settings, plan.site, src_uris, now)
    if edited is None:
        return None
    fingerprints = page_fingerprints(plan, shared)
    changed = []
    for article in edited:
        page = with_edited_body(plan.by_src[article.src_uri], article, memo)
        plan.by_src[article.src_uri] = page
        changed.append((page.src_uri, page.body, fingerprints.of(page)))
    return changed
