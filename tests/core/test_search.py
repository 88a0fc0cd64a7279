"""Search records: folded words to match, original text to show, only pages worth finding."""

from datetime import datetime
from zoneinfo import ZoneInfo

from generator.core.load import load_site
from generator.core.plan import build_plan
from generator.core.search import plain_text, record_html, search_records
from generator.core.settings import Settings
from generator.core.synonyms import group_token
from tests.conftest import CATEGORIES, article, write_files

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def _plan(tmp_path):
    write_files(tmp_path, {
        "content/categories.yml": CATEGORIES,
        "content/news/2026/phu-dinh.md": article(title="Phường Phú Định số hóa hồ sơ", date="2026-03-02",
                                                 category="Chuyển đổi số"),
        "content/news/2026/doc.md": article(title="'<script>alert(1)</script> Đoàn thể'", date="2026-03-03"),
        "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nỦy ban MTTQ phường.\n",
    })
    settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path)
    result = load_site(settings, NOW)
    assert result.ok, result.problems.problems
    return build_plan(result.site, settings)


def test_only_articles_reports_and_plain_pages_are_records(tmp_path):
    plan = _plan(tmp_path)
    records = search_records(plan, {"news/2026/phu-dinh.md": "<p>Sáng 2/3, <b>phường</b> số hóa.</p><p>Đoạn hai.</p>"})
    assert sorted(r.url for r in records) == ["gioi-thieu/", "tin-tuc/doc/", "tin-tuc/phu-dinh/"]
    phu_dinh = next(r for r in records if r.url == "tin-tuc/phu-dinh/")
    assert (phu_dinh.title, phu_dinh.date, phu_dinh.section) == ("Phường Phú Định số hóa hồ sơ", "02/03/2026",
                                                                 "Chuyển đổi số")
    assert phu_dinh.text == "Sáng 2/3, phường số hóa. Đoạn hai."
    page = next(r for r in records if r.url == "gioi-thieu/")
    assert page.text and page.date == "" and page.section == ""  # no body captured: its description


def test_record_matches_folded_words_and_shows_the_original(tmp_path):
    records = search_records(_plan(tmp_path), {})
    html = record_html(next(r for r in records if r.url == "tin-tuc/phu-dinh/"))
    # Each folded word once, then each pair of neighbouring words, every one ending with the mark
    # that keeps Pagefind from matching it as the start of a longer word.
    assert ('<h1 data-pagefind-weight="10">phuongz phuz dinhz soz hoaz hoz phuongphuz phudinhz dinhsoz sohoaz '
            'hoahoz hosoz</h1>') in html
    # The body's words once each (no positions needed: excerpts come from the original text; no
    # pairs either: only headlines have them), and MTTQ's synonym group.
    mttq = group_token(("Mặt trận Tổ quốc",))
    assert f"<p>sangz 9z 1z uyz banz mttqz phuongz daz traoz 150z phanz quaz {mttq}z</p>" in html
    assert '<span data-pagefind-meta="title">Phường Phú Định số hóa hồ sơ</span>' in html
    assert '<span data-pagefind-meta="summary">Sáng 9/1, Ủy ban MTTQ phường đã trao 150 phần quà.</span>' in html
    assert 'data-pagefind-meta="text"' not in html  # meta is indexed too: never the whole text
    hostile = record_html(next(r for r in records if r.url == "tin-tuc/doc/"))
    assert "<script>" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt; Đoàn thể" in hostile


def test_plain_text_keeps_words_apart_across_tags():
    assert plain_text("<h2>Kết quả</h2><p>Đã trao<br>150 phần&nbsp;quà &amp; 30 thẻ</p><ul><li>a</li><li>b</li></ul>") == \
        "Kết quả Đã trao 150 phần quà & 30 thẻ a b"  # a no-break space is a space to search


def test_distinct_words_are_the_folded_words_once_each():
    import re
    import unicodedata

    from generator.core.search import distinct_words
    from generator.core.text import fold

    text = ("Trao 2.500 phần quà, trị giá 1,2 tỷ đồng – ĐẠI ĐOÀN KẾT; đại đoàn kết! Ỷ Lan, thuở ấy "
            + unicodedata.normalize("NFD", "Phú Định số hóa"))
    expected = list(dict.fromkeys(re.findall(r"[0-9a-z]+(?:[.,][0-9]+)*", fold(text))))
    assert distinct_words(text) == expected
    assert distinct_words(text)[:8] == ["trao", "2.500", "phan", "qua", "tri", "gia", "1,2", "ty"]
    assert "dai" in distinct_words(text) and "phu" in distinct_words(text) and "dinh" in distinct_words(text)


def test_words_on_most_pages_are_left_out_of_the_index(monkeypatch):
    from generator.core import search
    from generator.core.search import SearchRecord, common_words, record_html

    records = [SearchRecord(url=f"tin-tuc/{n}/", title=f"Mặt trận phường tin {n}",
                            text=f"Mặt trận phường trao quà {'Tết' if n % 3 == 0 else 'học bổng'}.") for n in range(12)]
    assert common_words(records) == frozenset()  # a small site keeps every word
    monkeypatch.setattr(search, "COMMON_MIN_PAGES", 10)
    common = common_words(records)
    # On every page: mat, tran, phuong, tin, trao, qua; "hoc bong" on 8 of 12 (more than half).
    assert common == {"mat", "tran", "phuong", "tin", "trao", "qua", "hoc", "bong",  # and pairs in headlines:
                      "mattran", "tranphuong", "phuongtin"}
    html = record_html(records[3], common)
    assert '<h1 data-pagefind-weight="10">3z</h1>' in html and "<p>tetz</p>" in html


def test_common_words_counted_again_only_where_pages_changed_are_the_same_as_counted_afresh(monkeypatch):
    """Each build updates the last build's counts (kept in the memo) with the pages that changed,
    came or went; the answer is the one counting every page gives, at the threshold too."""
    import collections

    from generator.core import search
    from generator.core.memo import ContentMemo
    from generator.core.search import SearchRecord, common_words

    monkeypatch.setattr(search, "COMMON_MIN_PAGES", 10)
    memo = ContentMemo()

    def page(n, extra=""):
        word = "đê điều" if n % 2 == 0 else "chợ"  # "de dieu" on exactly half the pages
        return SearchRecord(url=f"tin-tuc/{n}/", title=f"Tin {n}", text=f"Phường {word} {extra}", memo=memo)

    def afresh(records):
        counts = collections.Counter(w for r in records for w in set(r.title_words) | set(r.text_words))
        return frozenset(w for w, c in counts.items() if c * 2 > len(records))

    records = [page(n) for n in range(20)]
    assert common_words(records, memo) == afresh(records) == {"tin", "phuong"}  # 10 of 20 is not more than half
    known = memo.known(memo.key(b"c", search._COUNTS))
    calls = []
    monkeypatch.setattr(search, "_words_of", lambda r: calls.append(r.url) or set(r.title_words) | set(r.text_words))
    records[1] = page(1, "đê điều")  # an edit: "de dieu" on 11 of 20 now
    records.pop(5)  # a page gone (odd: no "de dieu")
    records.append(page(20, "mới"))  # a page new (even: "de dieu", 12 of 20)
    seven = next(i for i, r in enumerate(records) if r.url == "tin-tuc/7/")
    records[seven] = SearchRecord(url="tin-tuc/7/", title="Tin bảy", text=records[seven].text, memo=memo)  # retitled
    assert common_words(records, memo) == afresh(records) == {"tin", "phuong", "de", "dieu"}
    assert sorted(calls) == ["tin-tuc/1/", "tin-tuc/20/", "tin-tuc/7/"]  # the others were not counted again
    assert memo.known(memo.key(b"c", search._COUNTS)) is not known
    assert known[1]["de"] == 10  # the memo's earlier counts were not changed in place (live preview)
    calls.clear()  # nothing kept: everything counted
    assert common_words(records, ContentMemo()) == afresh(records) and len(calls) == len(records)


def test_live_preview_indexes_after_the_rebuild_and_the_newest_request_wins(tmp_path):
    import json

    from generator.core.search import BackgroundIndexer, SearchRecord

    def records(n):
        return [SearchRecord(url=f"tin-tuc/{i}/", title=f"Tin số {i}", text="Nội dung") for i in range(n)]

    indexer = BackgroundIndexer()
    for n in (3, 5, 7):  # three saves in a row
        indexer.submit(records(n), tmp_path)
    indexer.wait()
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["vi"]["page_count"] == 7
