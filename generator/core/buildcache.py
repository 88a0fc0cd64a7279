"""The build cache: the one owner of everything a build keeps for the next one.

A build makes one BuildCache and passes it to whatever reads or fills a namespace; nothing
else keeps derived state between builds. Every namespace is listed in NAMESPACES (and in the
table of docs/cache.md, which a test compares with it): what it holds, its key, what
invalidates it and who prunes it. Every key carries a fingerprint of the generator's own code
(core/fingerprint.py), so an upgrade, or an edit to the generator in a checkout, never leaves
stale output. `save()` and `prune()` are the one place that writes back and forgets.

The cache is only a speed-up: deleting it costs time, never output (warm == cold, tested).
Without a cache folder (`cache_dir: null`) the build still works through one, in a temporary
folder of its own that `close()` removes.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .cache import WEEK, DiskCache, content_cache_file, load_key
from .fingerprint import code_fingerprint, forget_code
from .load import ArticleCache
from .memo import ContentMemo
from .pagestore import PageStore


@dataclass(frozen=True)
class Namespace:
    name: str  # its folder under the cache folder
    holds: str
    key: str
    invalidated_by: str
    pruned_by: str


NAMESPACES = (
    Namespace("articles", "checked articles of one content folder (one pickle per folder, read back only "
              "with the HMAC of the user's key, kept outside the repository)",
              "sha256 of the file's bytes, its path, the timezone, categories and every referenced file's stat",
              "another generator code (whole package), or any key input", "BuildCache.save: entries the load did not use"),
    Namespace("memo", "values derived from text: words, reading time, references, related articles, photo "
              "hashes (a pickle, read back only with the HMAC of the user's key)",
              "a one-byte namespace + blake2b of the input text (a file: its path and full stat)",
              "another generator code (whole package)", "BuildCache.save: entries this build did not use"),
    Namespace("images", "web-ready photos (WebP + JPEG/PNG per width), their manifests, the logo's icons",
              "sha256 of the original's bytes + code of core/images.py and what it imports + Pillow, pillow-heif",
              "the photo's bytes, that code, those libraries", "BuildCache.prune: unused for a week, once a day"),
    Namespace("cards", "share cards (PNG, 1200x630)",
              "sha256 of the CardSpec (text, logo and photo hashes (the photo's web-ready copy once made), fonts) "
              "+ code of core/cards/ + Pillow, deflate (libdeflate)",
              "any of those", "BuildCache.prune: unused for a week, once a day"),
    Namespace("qr", "QR codes (1-bit PNG) of printable pages", "sha256 of the page's address + code of core/qr.py + segno",
              "the address, that code, segno", "BuildCache.prune: unused for a week, once a day"),
    Namespace("pages", "rendered HTML pages, linked into the site", "the page's fingerprint (its plan entry, body, "
              "what every page shows, the whole generator code, templates and library versions) + a digest of "
              "the bytes", "any of those; a damaged entry is dropped", "BuildCache.prune: unused for a week, once a day"),
    Namespace("bodies", "rendered, sanitised bodies that feeds and search carry", "as pages",
              "as pages", "BuildCache.prune: unused for a week, once a day"),
    Namespace("search", "Pagefind's documents and bundles of one content folder",
              "each bundle: a hash of its documents, Pagefind's version and the code of core/search.py",
              "a page's text or headline, that code, Pagefind", "search.py, as it writes: bundles the site no longer has"),
    Namespace("templates", "Jinja's compiled templates", "Jinja's own: the template's name and source checksum, "
              "in a folder named by Jinja's version and options", "the template's source (Jinja checks it)",
              "never: a few hundred KB, one file per template"),
)


def namespace_table() -> str:
    """NAMESPACES as the Markdown table of docs/cache.md (a test keeps the two the same)."""
    rows = ["| namespace | holds | key | invalidated by | pruned by |", "|---|---|---|---|---|"]
    rows += [f"| `{n.name}/` | {n.holds} | {n.key} | {n.invalidated_by} | {n.pruned_by} |" for n in NAMESPACES]
    return "\n".join(rows) + "\n"


class BuildCache:
    """Every namespace of one cache folder, for one content folder."""

    def __init__(self, root: Path | None, content_dir: Path, key_file: Path | None = None):
        """`key_file`: the secret that authenticates the pickled namespaces (memo, articles), kept
        outside every repository (Settings.cache_key_file); without it they last one process."""
        forget_code()  # the generator's files may have changed since the last build of this process
        self.persistent = root is not None
        self._scratch = None
        if root is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="ward-news-cache-")
            root = Path(self._scratch.name)
        self.root = Path(root)
        self.content_dir = Path(content_dir)
        self.code = code_fingerprint()  # the whole package: for what depends on everything
        self.key = load_key(key_file)
        self.memo = ContentMemo()
        self.articles: ArticleCache | None = None
        self.search_folder = self._per_content("search").with_suffix("") if self.persistent else None
        self.templates_folder = self.root / "templates" if self.persistent else None
        self.start_build()

    def start_build(self) -> None:
        """Fresh bookkeeping of what this build uses (the live preview keeps one BuildCache, and
        its memo and checked articles in memory, from one save to the next)."""
        self.images = DiskCache(self.root, "images")
        self.cards = DiskCache(self.root, "cards")
        self.qr = DiskCache(self.root, "qr")
        #: Every file this build linked or copied into the site from the cache (cache.place_file):
        #: building into an earlier site, publish.PreviousSite keeps these and deletes the rest.
        self.placed: set[str] = set()
        self.pages = PageStore(self.root, self.placed) if self.persistent else None

    def _per_content(self, namespace: str) -> Path:
        return content_cache_file(self.root, self.content_dir, namespace)

    def load(self) -> None:
        """Read what the last build of this content folder saved (memo, checked articles)."""
        if not self.persistent:  # checked articles in memory only (the live preview's saves reuse them)
            self.articles = ArticleCache()
            return
        self.memo.load(self._per_content("memo"), self.code, self.key)
        self.articles = ArticleCache.read(self._per_content("articles"), self.code, self.key)

    def save(self) -> None:
        """Write back the memo and the checked articles, when they changed."""
        if not self.persistent:
            return
        self.memo.save(self._per_content("memo"), self.code, self.key)
        if self.articles is not None and self.articles.changed:
            self.articles.save(self._per_content("articles"), self.code, self.key)

    def prune(self) -> None:
        """Forget what no build has used for a week (two wards may share a cache), once a day;
        keep the stats of the page store's entries found whole (cache.CheckedCache)."""
        for namespace in (self.images, self.cards, self.qr):
            namespace.prune_daily(grace_seconds=WEEK)
        if self.pages is not None:
            self.pages.prune()

    def close(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None
