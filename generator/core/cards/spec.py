"""What a share card shows, and the key that names it in the cache and in its URL."""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from dataclasses import dataclass, fields as dataclass_fields
from pathlib import Path

import PIL
import deflate

from ..fingerprint import code_fingerprint
from ..memo import ContentMemo, memo_or_new

LAYOUT_VERSION = "4"  # a name for the layout; the key also carries the code that draws it
FONTS_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT_FILES = ("BeVietnamPro-Bold.ttf", "BeVietnamPro-SemiBold.ttf", "BeVietnamPro-Regular.ttf")


@dataclass(frozen=True)
class CardSpec:
    """Everything a card draws. Text is stored NFC, so a title typed decomposed draws the same."""

    title: str  # officer-written: drawn as literal text
    kicker: str = ""  # the small label above the headline: category, "Chuyên mục", "Báo cáo"...
    date_text: str = ""  # "09/01/2026", or ""
    ward_name: str = ""
    organisation: str = ""
    logo: str | None = None  # absolute path of the ward's logo
    photo: str | None = None  # absolute path of the article's photo: its web-ready copy once made
    figures: tuple[tuple[str, str], ...] = ()  # up to three (value, label) pairs, for report cards

    def __post_init__(self):
        for name in ("title", "kicker", "date_text", "ward_name", "organisation"):
            object.__setattr__(self, name, _clean(getattr(self, name)))
        figures = tuple((_clean(value), _clean(label)) for value, label in self.figures[:3])
        object.__setattr__(self, "figures", figures)

    def key(self, memo: ContentMemo | None = None) -> str:
        """A hash of everything that makes the PNG: text, the bytes of its images, fonts, layout.
        Computed once per spec (the build asks for it when drawing and again when placing)."""
        cached = self.__dict__.get("_key")
        if cached is None:
            cached = self._compute_key(memo_or_new(memo))
            object.__setattr__(self, "_key", cached)
        return cached

    def _compute_key(self, memo: ContentMemo) -> str:
        # The same fields asdict() gives, without its deep copies (a key per page, 7,500 pages).
        fields = {name: getattr(self, name) for name in _FIELD_NAMES}
        fields["logo"] = _file_hash(self.logo, memo)
        fields["photo"] = _file_hash(self.photo, memo)
        fields["figures"] = [list(pair) for pair in self.figures]
        payload = {"layout": LAYOUT_VERSION, "code": code_fingerprint("generator.core.cards.render"),
                   "pillow": PIL.__version__, "deflate": deflate.__version__, "fonts": _font_hashes(), "card": fields}
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


_FIELD_NAMES = tuple(f.name for f in dataclass_fields(CardSpec))


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


@functools.lru_cache(maxsize=1)
def _font_hashes() -> dict[str, str]:
    return {name: hashlib.sha256((FONTS_DIR / name).read_bytes()).hexdigest() for name in FONT_FILES}


def _file_hash(path: str | None, memo: ContentMemo) -> str | None:
    """The photo's or logo's sha256, read again only when its stat changed (core/memo.py)."""
    if path is None:
        return None
    digest = memo.file(b"h", path, _sha256)
    return "missing" if digest is None else digest


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
