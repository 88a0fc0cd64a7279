"""The synonym dictionary: residents' words and officers' words as one meaning, for search and
the reading voice; a ward's own groups in site.yml, checked at their line."""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.search import indexed_words
from generator.core.synonyms import BUILT_IN, Synonyms, group_token, phrase_words, site_synonyms
from generator.core.text import fold
from tests.core.test_load import codes, load

REPO = Path(__file__).resolve().parents[2]


def test_residents_words_and_officers_words_share_a_token():
    synonyms = Synonyms()
    notice = indexed_words("Lịch tạm ngừng cung cấp điện tháng 11", synonyms)
    power = group_token(BUILT_IN[0])
    assert power in notice
    for query in ("cắt điện", "mat dien", "CÚP ĐIỆN"):
        assert synonyms.tokens_in(phrase_words(query)) == [power]
    assert synonyms.tokens_in(phrase_words("cát diễn")) == [power]  # folded, as search folds
    assert synonyms.tokens_in(phrase_words("diễn viên")) == []


def test_no_phrase_is_in_two_groups_and_tokens_are_letters():
    seen = {}
    for group in BUILT_IN:
        assert re.fullmatch(r"dn[a-p]{12}", group_token(group))  # Pagefind cuts words between letters and digits
        for phrase in group:
            assert phrase_words(phrase) not in seen, (phrase, seen.get(phrase_words(phrase)))
            seen[phrase_words(phrase)] = group


def test_no_one_word_abbreviation_folds_onto_a_vietnamese_syllable():
    """"CAP" for công an phường folded onto "cấp", in every other notice: one-word members must not
    be the folded form of a syllable the sample ward writes with accents."""
    accented = set()
    for path in (REPO / "content").rglob("*.md"):
        for word in re.findall(r"\w+", path.read_text("utf-8")):
            if fold(word) != word.lower():
                accented.add(fold(word))
    one_word = {phrase_words(p)[0]: p for group in BUILT_IN for p in group if len(phrase_words(p)) == 1}
    assert {w: p for w, p in one_word.items() if w in accented} == {}


def test_abbreviations_are_read_as_their_group_s_first_phrase():
    synonyms = Synonyms()
    assert synonyms.abbreviations_in("Cấp thẻ BHYT tại UBND; VNeID mức 2; HĐND phường") == {
        "BHYT": "bảo hiểm y tế", "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}


def test_a_ward_adds_its_own_groups_in_site_yml(tmp_path):
    result = load(tmp_path, {"site.yml": "name: Phường A\nsynonyms:\n  - [chợ Hòa Bình, chợ cóc]\n"
                                         "  - [NVH tổ 5, nhà văn hóa tổ 5, 'hội trường tổ 5']\n"})
    assert codes(result) == []
    groups = result.site.ward.synonyms
    assert groups == (("chợ Hòa Bình", "chợ cóc"), ("NVH tổ 5", "nhà văn hóa tổ 5", "hội trường tổ 5"))
    synonyms = site_synonyms(groups)
    assert synonyms.tokens_in(phrase_words("cho coc")) == [group_token(groups[0])]
    assert synonyms.digest != Synonyms().digest  # search documents made without them are stale


def test_wrong_groups_are_reported_at_their_line_and_the_rest_kept(tmp_path):
    result = load(tmp_path, {"site.yml": "name: Phường A\nsynonyms:\n  - NVH\n  - [chợ cóc]\n  - [a, '!!!']\n"
                                         "  - [chợ Hòa Bình, chợ cóc]\n"})
    assert codes(result) == [("site.synonyms.invalid", "content/site.yml", line) for line in (3, 4, 5)]
    listed = load(tmp_path / "b", {"site.yml": "name: Phường A\nsynonyms: chợ cóc\n"})
    assert codes(listed) == [("site.synonyms.invalid", "content/site.yml", 2)]
