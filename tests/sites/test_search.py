"""Search in a real browser: Debian's chromium, driven by Playwright, on a built site served over HTTP."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from generator.core.text import fold
from tests.conftest import article, build_site, make_site, served

HOSTILE = "<img src=x onerror=alert(1)> Đồng hành cùng người dân"


def _files():
    files = {
        "content/news/2026/phu-dinh.md": article(
            title="Phường Phú Định số hóa hồ sơ hộ tịch cho người cao tuổi", date="2026-03-02",
            category="Chuyển đổi số", body="Tổ công nghệ số cộng đồng giúp 120 cụ cài VNeID."),
        "content/news/2026/zalo.md": article(
            title="Ra mắt kênh Zalo OA của Mặt trận phường", date="2026-04-01", category="Hoạt động Mặt trận",
            body="Kênh Zalo OA góp phần đẩy mạnh chuyển đổi số trong công tác Mặt trận."),
        "content/news/2026/cds.md": article(
            title="Đẩy mạnh chuyển đổi số ở tổ dân phố số 5", date="2026-01-05", category="Chuyển đổi số",
            body="Tổ dân phố tổ chức buổi hướng dẫn."),
        "content/news/2026/doc.md": article(title=f"'{HOSTILE}'", date="2026-04-02",
                                            body="Đội tình nguyện <script>alert(2)</script> dọn dẹp."),
    }
    files["content/site.yml"] = "name: Phường Thử Nghiệm\nsynonyms:\n  - [chợ Hòa Bình, chợ cóc]\n"
    files["content/news/2026/cho.md"] = article(title="Sắp xếp lại chợ Hòa Bình", date="2026-02-01",
                                                body="Các hộ kinh doanh được bố trí lại sạp hàng.")
    files["content/news/2026/cat.md"] = article(title="Dọn cát tràn ra đường sau mưa lớn", date="2026-05-02",
                                               body="Đoàn viên dọn cát trên các ngõ.")
    files["content/news/2026/co.md"] = article(title="Cắt cỏ, dọn vệ sinh vườn hoa tổ dân phố", date="2026-05-01",
                                              body="Đoàn viên cắt cỏ và trồng thêm hoa.")
    for day in range(1, 13):  # articles that mention none of the words searched for
        files[f"content/news/2025/tin-{day}.md"] = article(title=f"Trao quà Tết đợt {day}", date=f"2025-12-{day:02d}")
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_site(make_site(tmp_path_factory.mktemp("search"), _files()))
    assert result.ok, result.log
    with served(result.site_dir) as server:
        yield server


@pytest.fixture
def page(chromium):
    page = chromium.new_page(viewport={"width": 390, "height": 900})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    page.close()


def _results(page):
    page.wait_for_selector(".wn-search[data-state=done], .wn-search[data-state=error]")
    assert page.get_attribute(".wn-search", "data-state") == "done"
    return [(a.inner_text(), a.get_attribute("href")) for a in page.query_selector_all(".wn-search__result h2 a")]


def test_typing_without_diacritics_in_the_header_box_finds_the_article(site, page):
    page.goto(site.url + "chuyen-muc/chuyen-doi-so/")
    page.fill("header #wn-search-q", "phu dinh")
    page.press("header #wn-search-q", "Enter")
    page.wait_for_url("**/tim-kiem/?q=phu+dinh")
    results = _results(page)
    assert results[0] == ("Phường Phú Định số hóa hồ sơ hộ tịch cho người cao tuổi", "/tin-tuc/phu-dinh/")
    assert page.input_value("#wn-search-page-q") == "phu dinh"
    marks = [m.inner_text() for m in page.query_selector_all(".wn-search__result:first-child h2 mark")]
    assert marks == ["Phú", "Định"]  # the words matched, highlighted in the original spelling
    assert page.inner_text(".wn-search__result:first-child .wn-search__meta") == "Chuyển đổi số · 02/03/2026"
    page.click(".wn-search__result:first-child h2 a")
    page.wait_for_url("**/tin-tuc/phu-dinh/")


def test_a_search_address_can_be_opened_directly_and_ranks_headlines_first(site, page):
    page.goto(site.url + "tim-kiem/?q=chuyen%20doi%20so")
    urls = [url for _, url in _results(page)]
    # In the headline beats in the body, though the body's article is newer.
    assert urls[:2] == ["/tin-tuc/cds/", "/tin-tuc/zalo/"]
    excerpt = page.inner_text(".wn-search__result:has(a[href='/tin-tuc/zalo/']) .wn-search__excerpt")
    assert "chuyển đổi số" in excerpt
    status = page.inner_text(".wn-search__status")
    assert status.startswith("Tìm thấy ") and "“chuyen doi so”" in status
    assert not any(url.startswith("/tin-tuc/tin-") for url in urls)


def test_d_and_dd_are_the_same_letter_to_a_reader(site, page):
    for query in ("dong hanh", "Đồng hành", "ĐỒNG HÀNH"):
        page.goto(site.url + "tim-kiem/?q=" + query)
        assert [url for _, url in _results(page)] == ["/tin-tuc/doc/"], query


def test_officer_text_in_results_is_text_not_markup(site, page):
    page.goto(site.url + "tim-kiem/?q=tinh+nguyen")
    results = _results(page)
    assert results == [(HOSTILE, "/tin-tuc/doc/")]
    assert page.query_selector(".wn-search img") is None and page.dialogs == []


def test_no_match_and_empty_query_say_so_in_vietnamese(site, page):
    page.goto(site.url + "tim-kiem/?q=qqqqq")
    assert _results(page) == []
    assert page.inner_text(".wn-search__status").startswith("Không tìm thấy kết quả nào cho “qqqqq”")
    page.goto(site.url + "tim-kiem/")
    page.wait_for_selector(".wn-search[data-state=idle]")
    assert page.inner_text(".wn-search__status").startswith("Gõ từ cần tìm")


def test_the_page_folds_queries_exactly_like_the_index(site, page):
    samples = ["Phú Định", "ĐỒNG HÀNH  cùng", "Khen thưởng – Gương điển hình", "Quỹ “Vì người nghèo”",
               "Nguyễn Thị Ánh Tuyết", "Hội nghị tổng kết 2025", "thuở ấy", "Ỷ Lan"]
    page.goto(site.url + "tim-kiem/")
    assert page.evaluate("(samples) => samples.map(window.wardNewsFold)", samples) == [fold(s) for s in samples]


def test_words_on_most_pages_are_dropped_from_the_query_not_from_the_answer(tmp_path_factory, chromium, monkeypatch):
    from generator.core import search

    monkeypatch.setattr(search, "COMMON_MIN_PAGES", 10)  # the sample is small; a real ward has hundreds
    files = {f"content/news/2026/tin-{n}.md": article(
        title=f"Mặt trận phường trao quà cho tổ dân phố số {n}", date=f"2026-03-{n:02d}",
        body="Mặt trận phường trao quà." + (" Có cả học bổng Phú Định." if n == 7 else "")) for n in range(1, 13)}
    built = build_site(make_site(tmp_path_factory.mktemp("common"), files))
    assert built.ok, built.log
    common = set(json.loads((built.site_dir / "pagefind" / "tu-pho-bien.json").read_text()))
    assert {"mat", "tran", "phuong", "trao", "qua"} <= common
    with served(built.site_dir) as server:
        page = chromium.new_page()
        page.goto(server.url + "tim-kiem/?q=mat+tran+phu+dinh")
        assert [url for _, url in _results(page)] == ["/tin-tuc/tin-7/"]
        assert "Mặt" in [m.inner_text() for m in page.query_selector_all(".wn-search__result mark")]
        page.goto(server.url + "tim-kiem/?q=mat+tran")
        assert _results(page) == []
        assert page.inner_text(".wn-search__status").startswith("Các từ “mat tran” có trong hầu hết các bài")
        page.close()


def test_older_years_are_grouped_from_the_oldest_so_a_new_year_moves_only_the_newest_group(monkeypatch):
    from generator.core import search

    monkeypatch.setattr(search, "SHARD_MIN_PAGES", 10)
    monkeypatch.setattr(search, "ARCHIVE_BUNDLE_PAGES", 10)
    sizes = {0: 2, 2019: 4, 2020: 5, 2021: 12, 2022: 3, 2023: 3, 2024: 6}

    def shards(sizes):
        records = [search.SearchRecord(url=f"{year}/{n}/", title="t", text="x", year=year)
                   for year, count in sizes.items() for n in range(count)]
        return {folder: sorted({r.year for r in shard}) for folder, shard in search.search_shards(records).items()}

    assert shards(sizes) == {"": [0, 2024], "luu-tru/2019-2020/": [2019, 2020], "luu-tru/2021/": [2021],
                             "luu-tru/2022-2023/": [2022, 2023]}
    grown = shards({**sizes, 2025: 1})  # the new year: 2024's pages join the newest group of old years
    assert grown == {"": [0, 2025], "luu-tru/2019-2020/": [2019, 2020], "luu-tru/2021/": [2021],
                     "luu-tru/2022-2023/": [2022, 2023], "luu-tru/2024/": [2024]}
    assert shards({2019: 4, 2020: 5}) == {"": [2019, 2020]}  # under SHARD_MIN_PAGES: one bundle


def test_a_large_site_searches_its_older_years_in_a_bundle_an_edit_leaves_alone(tmp_path_factory, chromium,
                                                                                 monkeypatch):
    from generator.core import search

    monkeypatch.setattr(search, "SHARD_MIN_PAGES", 10)  # a real ward shards at 1,000 pages
    monkeypatch.setattr(search, "ARCHIVE_BUNDLE_PAGES", 6)  # and puts ~2,000 pages of older years in a bundle
    files = {f"content/news/{year}/tin-{year}-{n}.md": article(
        title=f"Hội nghị tổ dân phố số {n} năm {year}", date=f"{year}-03-{n:02d}",
        body="Bà con góp ý." + (" Mô hình Dân vận khéo ở Phú Định." if n == 3 else "")
        + (" Kênh Zalo OA mới." if year == 2026 and n == 5 else "")) for year in (2024, 2025, 2026) for n in range(1, 7)}
    root = make_site(tmp_path_factory.mktemp("shards"), files)
    built = build_site(root)
    assert built.ok, built.log
    bundle = built.site_dir / "pagefind"
    assert json.loads((bundle / "chi-muc-khac.json").read_text()) == ["luu-tru/2024/", "luu-tru/2025/"]
    folders = (bundle, bundle / "luu-tru" / "2024", bundle / "luu-tru" / "2025")
    assert all((folder / "pagefind-entry.json").is_file() for folder in folders)
    entries = [json.loads((folder / "pagefind-entry.json").read_text())["languages"]["vi"]["page_count"]
               for folder in folders]
    assert entries == [6, 6, 6]  # this year's 6 articles; then each year before, a bundle of its own
    # A year's bundle carries no script and no WebAssembly of its own: the main bundle's serve it.
    assert [p.name for p in (bundle / "luu-tru" / "2024").iterdir() if p.is_file() and
            p.suffix in (".js", ".pagefind")] == []

    with served(built.site_dir) as server:
        page = chromium.new_page()
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request.url))
        page.goto(server.url + "tim-kiem/?q=phu+dinh")  # one article a year, in all three bundles
        assert sorted(url for _, url in _results(page)) == [f"/tin-tuc/tin-{y}-3/" for y in (2024, 2025, 2026)]
        wasm = [url for url in fetched if url.endswith(".pagefind") and "/wasm." in url]
        assert wasm and {urlsplit(url).path for url in wasm} == {"/pagefind/wasm.unknown.pagefind"}, wasm
        page.goto(server.url + "tim-kiem/?q=zalo")
        assert [url for _, url in _results(page)] == ["/tin-tuc/tin-2026-5/"]
        page.close()

    # An edit to this year's news re-indexes this year's bundle only: the older years' files are the
    # very ones the first build made (the same inodes, linked from the cache).
    archive_before = {p.name: p.stat().st_ino for p in (bundle / "luu-tru").rglob("*.pf_fragment")}
    main_entry = (bundle / "pagefind-entry.json").read_bytes()
    path = root / "content/news/2026/tin-2026-1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Bà con góp ý.", "Bà con góp ý về Quỹ khuyến học."),
                    encoding="utf-8")
    again = build_site(root)
    assert again.ok, again.log
    assert {p.name: p.stat().st_ino for p in (bundle / "luu-tru").rglob("*.pf_fragment")} == archive_before
    assert (bundle / "pagefind-entry.json").read_bytes() != main_entry
    # A correction to an article of 2024 re-indexes 2024 alone.
    year_2025 = {p.name: p.stat().st_ino for p in (bundle / "luu-tru" / "2025").rglob("*.pf_*")}
    path = root / "content/news/2024/tin-2024-2.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Bà con góp ý.", "Bà con góp ý về đường điện."),
                    encoding="utf-8")
    again = build_site(root)
    assert again.ok, again.log
    assert {p.name: p.stat().st_ino for p in (bundle / "luu-tru" / "2025").rglob("*.pf_*")} == year_2025
    with served(again.site_dir) as server:
        page = chromium.new_page()
        page.goto(server.url + "tim-kiem/?q=khuyen+hoc")
        assert [url for _, url in _results(page)] == ["/tin-tuc/tin-2026-1/"]
        page.goto(server.url + "tim-kiem/?q=duong+dien")
        assert [url for _, url in _results(page)] == ["/tin-tuc/tin-2024-2/"]
        page.close()


def test_a_ward_s_own_synonyms_find_its_pages(site, page):
    page.goto(site.url + "tim-kiem/?q=cho%20coc")
    assert [url for _, url in _results(page)] == ["/tin-tuc/cho/"]
    marks = [m.inner_text() for m in page.query_selector_all(".wn-search__result:first-child h2 mark")]
    assert marks == ["chợ", "Hòa", "Bình"]  # what the query meant, marked in the headline


def test_a_word_is_not_found_as_the_start_of_a_longer_one(site, page):
    page.goto(site.url + "tim-kiem/?q=ca")  # "cài", "cao", "các" fold to cai, cao, cac: none is "ca"
    assert _results(page) == []


def test_a_query_typed_with_accents_puts_exact_accents_first(site, page):
    for query, first in (("cắt", "/tin-tuc/co/"), ("cát", "/tin-tuc/cat/")):
        page.goto(site.url + "tim-kiem/?q=" + query)
        urls = [url for _, url in _results(page)]
        assert sorted(urls) == ["/tin-tuc/cat/", "/tin-tuc/co/"] and urls[0] == first, (query, urls)


def test_searching_again_on_the_search_page_answers_in_place_and_back_returns(site, page):
    page.goto(site.url + "tim-kiem/?q=phu+dinh")
    assert [url for _, url in _results(page)][0] == "/tin-tuc/phu-dinh/"
    page.evaluate("window.__same = true")  # gone if the page were loaded again
    page.fill("#wn-search-page-q", "cho coc")
    page.press("#wn-search-page-q", "Enter")
    assert [url for _, url in _results(page)] == ["/tin-tuc/cho/"]
    assert page.url.endswith("tim-kiem/?q=cho+coc") and page.evaluate("window.__same") is True
    assert page.input_value("header #wn-search-q") == "cho coc"
    page.go_back()
    page.wait_for_url("**/tim-kiem/?q=phu+dinh")
    assert [url for _, url in _results(page)][0] == "/tin-tuc/phu-dinh/"

