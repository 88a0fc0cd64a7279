"""Officers' bytes to clean text, slugs, and accent-blind comparison."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from slugify import slugify as _slugify

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 controls other than tab/newline/CR (and DEL) never belong in an officer's text, nor do
# Unicode's noncharacters (U+FFFE, U+FFFF...): XML, so the feeds, refuses them.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}"
                                             for plane in range(17))
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f{_NONCHARACTERS}]")


@dataclass(frozen=True)
class DecodeError:
    """Why bytes are not acceptable text, with the 1-based line and column of the first bad byte."""

    code: str  # a problem code: file.encoding, file.utf16, file.binary
    line: int
    column: int
    char: str = ""


def decode_text(data: bytes) -> str | DecodeError:
    """UTF-8 (BOM optional, LF/CRLF/CR) in, NFC text with LF line ends out.

    Anything else (Windows-1258, VNI, TCVN3, UTF-16) is refused rather than guessed:
    a wrong guess publishes garbled Vietnamese, a refusal tells the officer how to fix it.
    """
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    elif data.startswith(_UTF16_BOMS) or _utf16_without_bom(data):
        return DecodeError("file.utf16", 1, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        return DecodeError("file.encoding", line, column)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad:
        before = text[: bad.start()]
        return DecodeError(
            "file.binary", before.count("\n") + 1, bad.start() - before.rfind("\n"), f"U+{ord(bad.group()):04X}"
        )
    return unicodedata.normalize("NFC", text)


def _utf16_without_bom(data: bytes) -> bool:
    """UTF-16 saved without its BOM: a zero byte beside most ASCII characters (`-\0-\0-\0`), all
    on one side. Officers' text never has zero bytes, so nothing else looks like this; told
    apart here, the officer reads "UTF-16" instead of "a strange control character U+0000"."""
    head = data[:512]
    if b"\x00" not in head or len(head) < 8:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= len(head) // 2 * 0.3 and min(even, odd) <= len(head) // 2 * 0.05


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    # Column in characters of the (valid) text before the bad byte, 1-based.
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


@functools.lru_cache(maxsize=8192)  # tags repeat across thousands of articles; transliteration is slow
def make_slug(text: str) -> str:
    """ASCII slug: diacritics dropped, đ→d, lowercase, hyphens ("Phú Định" → "phu-dinh")."""
    return _slugify(unicodedata.normalize("NFC", text), lowercase=True, max_length=120, word_boundary=True)


def heading_id(value: str, separator: str = "-") -> str:
    """The id of a heading, readable and the same rule everywhere on the site (Python-Markdown's
    toc `slugify`, report sections): "Chuyển đổi số" → "chuyen-doi-so", đ kept as d (the toc's
    own rule dropped it: "chuyen-oi-so"). Falls back to "muc" when nothing is left."""
    return _slugify(unicodedata.normalize("NFC", value), lowercase=True, max_length=80, word_boundary=True,
                    separator=separator) or "muc"


_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(value: str) -> bool:
    return bool(_SLUG_RE.match(value))


_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})


def fold(text: str) -> str:
    """Accent-, case- and dash-blind form for matching what officers type
    ("an sinh xa hoi" ~ "An sinh xã hội", "Khen thưởng - Gương" ~ "Khen thưởng – Gương")."""
    text = unicodedata.normalize("NFD", text.translate(_DASHES).replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


#: Latin-1 characters that Vietnamese never uses: VNI or TCVN3 text that was pasted or re-saved
#: as UTF-8 is full of them ("Chuû tòch" for "Chủ tịch", "Ph\u00adêng" for "Phường"). Letters
#: Vietnamese does use, and signs officers really type (° « » ×), are left out.
_NOT_VIETNAMESE = frozenset(chr(c) for c in range(0xA1, 0x100)) - frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý°«»×")
GARBLED_MIN = 3  # one stray "©" or "ñ" in a name is not a garbled file
_NOT_VIETNAMESE_RE = re.compile("[" + re.escape("".join(sorted(_NOT_VIETNAMESE))) + "]")


def garbled_line(text: str) -> tuple[int, str] | None:
    """(line, a few words around it) of the first line that looks like VNI or TCVN3 text saved
    as UTF-8, when the file has at least GARBLED_MIN characters Vietnamese never uses."""
    found = _NOT_VIETNAMESE_RE.finditer(text)  # scanned in C, stopping at the third: files can be megabytes
    if sum(1 for _ in zip(range(GARBLED_MIN), found)) < GARBLED_MIN:
        return None
    # split("\n"), not splitlines(): U+2028 and U+0085 pasted from Word or the web are not new
    # lines for the officer's editor, and the line number must be the editor's.
    for number, line in enumerate(text.split("\n"), start=1):
        for index, ch in enumerate(line):
            if ch in _NOT_VIETNAMESE:
                start = max(0, line.rfind(" ", 0, max(0, index - 12)) + 1)
                return number, line[start:start + 40].strip()
    return None
