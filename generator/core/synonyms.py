"""What residents call things, and what officers write: one dictionary for search and the reading voice.

A resident searches "lịch cắt điện"; the notice says "tạm ngừng cung cấp điện". Each group below
is one meaning written several ways (abbreviations included). Search gives every page that holds
any of a group's phrases the group's token, and reads the same phrases in a query as that token
(core/search.py, search.js): "cat dien" then finds the power-cut notices, not every page with
"cát" and "diễn". The reading voice says an abbreviation (an upper-case member: BHYT) as its
group's first phrase ("bảo hiểm y tế").

A ward adds its own groups in site.yml (`synonyms:`, rules/site_file.py), checked at their line.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

from .text import fold

#: One meaning per group; the first phrase is how an abbreviation is read aloud.
BUILT_IN: tuple[tuple[str, ...], ...] = (
    ("tạm ngừng cung cấp điện", "ngừng cung cấp điện", "ngừng cấp điện", "cắt điện", "mất điện", "cúp điện"),
    ("người cao tuổi", "người già", "NCT"),
    ("giấy chứng nhận quyền sử dụng đất", "sổ đỏ", "sổ hồng", "GCNQSDĐ"),
    ("bảo hiểm y tế", "BHYT"),
    ("bảo hiểm xã hội", "BHXH"),
    ("bảo hiểm thất nghiệp", "BHTN"),
    ("Mặt trận Tổ quốc", "MTTQ"),
    ("Ủy ban Mặt trận Tổ quốc", "UBMTTQ"),
    ("căn cước công dân", "căn cước", "CCCD"),
    ("Ủy ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
    ("đại biểu Quốc hội", "ĐBQH"),
    ("trung học cơ sở", "THCS"),
    ("trung học phổ thông", "THPT"),
    ("cựu chiến binh", "CCB"),
    ("hội Liên hiệp Phụ nữ", "hội phụ nữ", "LHPN"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "đoàn thanh niên", "ĐTN"),
    ("khu dân cư", "KDC"),
    ("tổ dân phố", "TDP"),
    ("Ban công tác Mặt trận", "BCTMT"),
    ("thủ tục hành chính", "TTHC"),
    ("phòng cháy chữa cháy", "PCCC"),
    ("an toàn thực phẩm", "vệ sinh an toàn thực phẩm", "ATTP", "VSATTP"),
    ("định danh điện tử", "tài khoản định danh", "VNeID"),
    ("dịch vụ công trực tuyến", "dịch vụ công"),
    ("tiêm chủng", "tiêm phòng", "tiêm vắc xin", "tiêm vaccine"),
    ("chuyển đổi số", "CĐS"),
    ("lừa đảo qua mạng", "lừa đảo trực tuyến", "lừa đảo công nghệ cao"),
    ("nhà văn hóa", "NVH"),
    ("xóa nhà tạm, nhà dột nát", "xóa nhà tạm", "nhà dột nát"),
    ("hiến máu tình nguyện", "hiến máu"),
    ("trật tự an toàn giao thông", "an toàn giao thông", "ATGT"),
    ("an ninh trật tự", "ANTT"),
    ("ngày hội Đại đoàn kết toàn dân tộc", "ngày hội Đại đoàn kết", "ngày hội đoàn kết"),
)
MAX_GROUPS = 200
MAX_PHRASE = 80
_WORD = re.compile(r"[0-9a-z]+(?:[.,][0-9]+)*")  # as core/search.py splits folded text
_ABBREVIATION = re.compile(r"^[A-ZĐ]{2,}$")


def phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(phrase)))


def is_abbreviation(phrase: str) -> bool:
    """BHYT, HĐND: read aloud as the group's first phrase. VNeID is read as it is written."""
    return bool(_ABBREVIATION.match(phrase))


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[tuple[str, ...], ...] = BUILT_IN

    @classmethod
    def with_ward(cls, extra: tuple[tuple[str, ...], ...]) -> "Synonyms":
        return cls(BUILT_IN + tuple(extra))

    @functools.cached_property
    def _phrases(self) -> dict[tuple[str, ...], str]:
        """Every phrase's folded words → its group's token (a phrase in two groups: the first)."""
        found: dict[tuple[str, ...], str] = {}
        for group in self.groups:
            token = group_token(group)
            for phrase in group:
                words = phrase_words(phrase)
                if words:
                    found.setdefault(words, token)
        return found

    @functools.cached_property
    def _by_first(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """Phrases by their first word, longest first: most words of a text start none."""
        starts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, token in self._phrases.items():
            starts.setdefault(words[0], []).append((words, token))
        return {word: sorted(found, key=lambda item: -len(item[0])) for word, found in starts.items()}

    @functools.cached_property
    def digest(self) -> str:
        """Changes when any group does: search documents made with other groups are stale."""
        return hashlib.sha256(repr(self.groups).encode("utf-8")).hexdigest()[:16]

    def tokens_in(self, words: list[str] | tuple[str, ...]) -> list[str]:
        """The token of each group one of whose phrases appears, as consecutive words, in `words`."""
        found: dict[str, None] = {}
        starts = self._by_first
        for at, word in enumerate(words):
            for phrase, token in starts.get(word, ()):
                if tuple(words[at:at + len(phrase)]) == phrase:
                    found.setdefault(token, None)
        return list(found)

    def for_search(self) -> list[dict]:
        """What search.js reads: each group's token and its phrases as folded words."""
        return [{"token": group_token(group), "phrases": [list(phrase_words(p)) for p in group if phrase_words(p)]}
                for group in self.groups]

    @functools.cached_property
    def abbreviations(self) -> dict[str, str]:
        """"BHYT" → "bảo hiểm y tế": how the reading voice says each abbreviation."""
        spoken: dict[str, str] = {}
        for group in self.groups:
            full = next((p for p in group if not is_abbreviation(p)), "")
            for phrase in group:
                if full and is_abbreviation(phrase):
                    spoken.setdefault(phrase, full)
        return spoken

    def abbreviations_in(self, text: str) -> dict[str, str]:
        """The abbreviations `text` uses (as whole words), with how each is read."""
        words = set(re.findall(r"\w+", text))
        return {short: full for short, full in self.abbreviations.items() if short in words}


def group_token(group: tuple[str, ...]) -> str:
    """The word a group is indexed and searched as: no real word looks like it. Letters only:
    Pagefind cuts a word where letters and digits meet."""
    digest = hashlib.sha256(" ".join(phrase_words(group[0])).encode("utf-8")).hexdigest()[:12]
    return "dn" + "".join(chr(ord("a") + int(c, 16)) for c in digest)


def site_synonyms(ward_synonyms: tuple[tuple[str, ...], ...] = ()) -> Synonyms:
    """The built-in groups and a ward's own (site.yml `synonyms:`), one object per set of groups."""
    return _cached(tuple(ward_synonyms))


@functools.lru_cache(maxsize=8)
def _cached(extra: tuple[tuple[str, ...], ...]) -> Synonyms:
    return Synonyms.with_ward(extra)

