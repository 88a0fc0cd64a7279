"""The sample city (examples/city/): three wards built one by one as the CI matrix does, then the
hub, whose pages, feeds and card are checked as readers and feed readers get them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from generator.core.quotes import curly_quotes
from tests.cli.test_init import ward_news

REPO = Path(__file__).resolve().parents[2]
HUB_URL = "https://mttq.hoabinh.example.vn/"
WARDS = {"an-phu": "Phường An Phú", "tan-lap": "Phường Tân Lập", "thanh-ha": "Xã Thanh Hà"}
WARD_SITE_NAMES = {"404.html", "anh", "assets", "atom.xml", "chuyen-muc", "feed.xml", "index.html", "luu-tru",
                   "manifest.webmanifest", "pagefind", "robots.txt", "sitemap.xml", "sitemap.xml.gz", "sitemaps",
                   "tac-gia", "the", "the-chia-se", "tim-kiem", "tin-tuc", "gioi-thieu"}
HOSTILE = 'Trao quà <script>alert("x")</script> & “Tết” <b>ấm</b>'
SHOWN = curly_quotes(HOSTILE)  # as published: typographic quotes (core/quotes.py), the rest as text


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    root = tmp_path_factory.mktemp("city") / "city"
    shutil.copytree(REPO / "examples" / "city", root, ignore=shutil.ignore_patterns("site", ".cache"))
    # The newest article of An Phú gets a headline with markup in it: the hub must print it as text.
    newest = root / "wards/an-phu/content/news/2026/trao-120-phan-qua-cho-ho-can-ngheo-truoc-mua-dong.md"
    text = newest.read_text("utf-8")
    newest.write_text(text.replace("title: Trao 120 phần quà cho hộ cận nghèo trước mùa đông",
                                   f"title: '{HOSTILE}'"), encoding="utf-8")
    listed = ward_news("wards", "--json", cwd=root)
    assert listed.returncode == 0, listed.stderr
    for ward in json.loads(listed.stdout):
        built = ward_news("build", "--ward", ward, "-q", cwd=root)
        assert built.returncode == 0, built.stdout + built.stderr
    hub = ward_news("hub", cwd=root)
    assert hub.returncode == 0, hub.stdout + hub.stderr
    return root


def page(root: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((root / "site" / path).read_text("utf-8"), "lxml")


def test_each_ward_is_its_own_site_at_its_own_address(city):
    for slug, name in WARDS.items():
        feed = feedparser.parse((city / "site" / slug / "atom.xml").read_bytes())
        assert feed.bozo == 0 and feed.feed.title == name
        assert feed.feed.link == f"{HUB_URL}{slug}/"
        assert all(e.link.startswith(f"{HUB_URL}{slug}/tin-tuc/") for e in feed.entries)
        home = page(city, f"{slug}/index.html")
        assert home.select_one("link[rel=canonical]")["href"] == f"{HUB_URL}{slug}/"
        top = {p.name for p in (city / "site" / slug).iterdir()}
        assert top <= WARD_SITE_NAMES, top - WARD_SITE_NAMES  # nothing of the hub's in a ward's site


def test_combined_feed_lists_every_wards_latest_news_with_the_wards_name(city):
    for name in ("atom.xml", "feed.xml"):
        feed = feedparser.parse((city / "site" / name).read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert len(feed.entries) == 8
        dates = [e.published_parsed for e in feed.entries]
        assert dates == sorted(dates, reverse=True)
        for slug, ward_name in WARDS.items():
            own = feedparser.parse((city / "site" / slug / "atom.xml").read_bytes())
            latest = own.entries[0]
            (entry,) = [e for e in feed.entries if e.id == latest.id]  # the ward's own permanent id
            assert entry.title == latest.title and entry.link == latest.link
            assert entry.source.title == ward_name
            assert ward_name in [t.get("label") or t.term for t in entry.tags]
        hostile = [e for e in feed.entries if "alert" in e.title]
        assert [e.title for e in hostile] == [SHOWN]  # text, as written


def test_hub_home_shows_the_latest_news_and_every_ward_linking_to_real_files(city):
    home = page(city, "index.html")
    assert home.html["lang"] == "vi" and home.h1.get_text(strip=True) == "Tin tức Mặt trận các phường, xã"
    items = home.select("ol.news li")
    assert len(items) == 8
    first = items[0]
    assert first.select_one(".ward").get_text() == "Xã Thanh Hà"  # 22/11, the newest
    for item in items:
        href = item.select_one("a.headline")["href"]
        assert not href.startswith(("http", "/")) and (city / "site" / href / "index.html").is_file(), href
    assert home.find("script") is None  # the hub runs no script; officer markup stayed text
    assert SHOWN in [a.get_text() for a in home.select("a.headline")]
    wards = {a.strong.get_text(): a["href"] for a in home.select("ul.wards a")}
    assert wards == {name: f"don-vi/{slug}/" for slug, name in WARDS.items()}
    for slug in WARDS:
        logo = home.select_one(f'ul.wards a[href="don-vi/{slug}/"] img')["src"]
        assert logo.startswith(f"{slug}/anh/") and (city / "site" / logo).is_file()
    policy = home.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "default-src 'self'" in policy
    for tag in home.select("[src], link[href]"):
        url = tag.get("src") or tag["href"]
        assert not url.startswith(("http:", "https:", "//")) or tag.get("rel") == ["canonical"], url


def test_a_page_per_ward_with_its_news_and_a_link_to_its_site(city):
    ward = page(city, "don-vi/tan-lap/index.html")
    assert ward.h1.get_text() == "Phường Tân Lập"
    assert ward.select_one(".org").get_text() == "Ủy ban Mặt trận Tổ quốc Việt Nam phường Tân Lập"
    button = ward.select_one("a.button")
    assert button["href"] == "../../tan-lap/" and (city / "site/tan-lap/index.html").is_file()
    titles = [a.get_text() for a in ward.select("a.headline")]
    assert titles == ["Kỷ niệm 96 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam",
                      "Vận động Quỹ “Vì người nghèo” được hơn 215 triệu đồng"]
    assert (city / "site" / "don-vi/tan-lap" / ward.select_one("a.headline")["href"] / "index.html").resolve().is_file()


def test_hub_share_card_is_a_1200_by_630_png_named_by_the_home_page(city):
    home = page(city, "index.html")
    url = home.select_one('meta[property="og:image"]')["content"]
    assert url.startswith(f"{HUB_URL}the-chia-se/trang-chu-") and url.endswith(".png")
    with Image.open(city / "site" / url[len(HUB_URL):]) as card:
        assert card.size == (1200, 630)
        red = card.convert("RGB").getpixel((1100, 315))
    assert red[0] > red[1] + 40  # the card's colour band, not a blank image


def test_hub_sitemap_indexes_its_pages_and_every_wards_and_404_uses_the_hubs_address(city):
    index = BeautifulSoup((city / "site/sitemap.xml").read_bytes(), "xml")
    children = [loc.get_text() for loc in index.select("sitemapindex > sitemap > loc")]
    assert children == [f"{HUB_URL}sitemaps/trang.xml"] + [f"{HUB_URL}{slug}/sitemaps/trang.xml" for slug in WARDS]
    for child in children:
        assert (city / "site" / child[len(HUB_URL):]).is_file()
    pages = (city / "site/sitemaps/trang.xml").read_text("utf-8")
    assert f"<loc>{HUB_URL}</loc>" in pages and f"<loc>{HUB_URL}don-vi/thanh-ha/</loc>" in pages
    not_found = page(city, "404.html")
    assert not_found.select_one("a.button")["href"] == "/"  # shown at any depth: from the host's root
    assert not_found.select_one('link[rel="stylesheet"]')["href"].startswith("/assets/hub-")
    assert "Sitemap: " + HUB_URL + "sitemap.xml" in (city / "site/robots.txt").read_text()


def test_problems_in_a_ward_name_its_file_from_the_repository_and_keep_its_site(city, tmp_path):
    broken = tmp_path / "city"
    shutil.copytree(city, broken)
    site_yml = broken / "wards/tan-lap/content/site.yml"
    site_yml.write_text(site_yml.read_text("utf-8").replace("contract: 1", "contract: 9"), encoding="utf-8")
    before = (broken / "site/tan-lap/index.html").read_bytes()
    checked = ward_news("check", "--ward", "tan-lap", cwd=broken)
    assert checked.returncode == 1 and "wards/tan-lap/content/site.yml:5:" in checked.stdout, checked.stdout
    assert "[site.contract.newer]" in checked.stdout
    built = ward_news("build", "--ward", "tan-lap", cwd=broken)
    assert built.returncode == 1 and "wards/tan-lap/content/site.yml:5:" in built.stderr
    assert (broken / "site/tan-lap/index.html").read_bytes() == before
    unknown = ward_news("build", "--ward", "khong-co", cwd=broken)
    assert unknown.returncode == 2 and "an-phu, tan-lap, thanh-ha" in unknown.stderr


def test_hub_leaves_out_a_ward_that_is_not_built_and_says_so(city, tmp_path):
    partial = tmp_path / "city"
    shutil.copytree(city, partial)
    shutil.copytree(partial / "wards/an-phu", partial / "wards/moi-lap")  # a new ward, never built
    hub = ward_news("hub", cwd=partial)
    assert hub.returncode == 0 and "wards/moi-lap/" in hub.stdout and "[hub.ward.unbuilt]" in hub.stdout
    assert "ward-news build --ward moi-lap" in hub.stdout
    home = page(partial, "index.html")
    assert len(home.select("ul.wards li")) == 3 and not (partial / "site/don-vi/moi-lap").exists()
    assert (partial / "site/an-phu/index.html").is_file()  # the wards' folders untouched


def test_nothing_of_the_builds_own_lands_in_the_published_site(city):
    hidden = [p.relative_to(city / "site").as_posix() for p in (city / "site").rglob(".*")]
    assert hidden == []  # staging folders and locks live beside site/, not in it


def test_hub_without_an_address_links_inside_itself_and_keeps_ids_unique(city, tmp_path):
    bare = tmp_path / "city"
    shutil.copytree(city, bare, ignore=shutil.ignore_patterns("site"))
    (bare / "hub.yml").write_text("name: Tin các phường\n", encoding="utf-8")
    # Two wards with an article of the same slug: without addresses their own ids are both /tin-tuc/x/.
    twin = "wards/tan-lap/content/news/2026/trao-120-phan-qua-cho-ho-can-ngheo-truoc-mua-dong.md"
    shutil.copy(bare / "wards/an-phu/content/news/2026/trao-120-phan-qua-cho-ho-can-ngheo-truoc-mua-dong.md", bare / twin)
    for ward in WARDS:
        assert ward_news("build", "--ward", ward, "-q", cwd=bare).returncode == 0
    assert ward_news("hub", cwd=bare).returncode == 0
    feed = feedparser.parse((bare / "site/atom.xml").read_bytes())
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids)) == 9
    assert "/an-phu/tin-tuc/trao-120-phan-qua-cho-ho-can-ngheo-truoc-mua-dong/" in ids
    assert "/tan-lap/tin-tuc/trao-120-phan-qua-cho-ho-can-ngheo-truoc-mua-dong/" in ids
    home = page(bare, "index.html")
    for href in [a["href"] for a in home.select("a.headline")]:
        assert (bare / "site" / href / "index.html").is_file(), href


def test_a_ward_on_a_domain_of_its_own_keeps_its_addresses_in_the_hub(city, tmp_path):
    own = tmp_path / "city"
    shutil.copytree(city, own)
    (own / "wards/thanh-ha/mkdocs.yml").write_text(
        "site_name: Xã Thanh Hà\nsite_url: https://mttq.thanhha.example.vn/\ndocs_dir: content\n"
        "theme:\n  name: material\nplugins:\n  - ward-news\n", encoding="utf-8")
    assert ward_news("build", "--ward", "thanh-ha", "-q", cwd=own).returncode == 0
    assert ward_news("hub", cwd=own).returncode == 0
    ward = page(own, "don-vi/thanh-ha/index.html")
    assert ward.select_one("a.button")["href"] == "https://mttq.thanhha.example.vn/"
    assert all(a["href"].startswith("https://mttq.thanhha.example.vn/tin-tuc/") for a in ward.select("a.headline"))
    feed = feedparser.parse((own / "site/atom.xml").read_bytes())
    theirs = [e for e in feed.entries if e.source.title == "Xã Thanh Hà"]
    assert theirs and all(e.id.startswith("https://mttq.thanhha.example.vn/") for e in theirs)
    index = (own / "site/sitemap.xml").read_text("utf-8")
    assert "thanhha" not in index  # another host's sitemap is not ours to list


def test_changed_files_pick_the_wards_to_build(city):
    changed = ward_news("wards", "--changed", "--json", cwd=city, input="wards/thanh-ha/content/site.yml\nREADME.md\n")
    assert json.loads(changed.stdout) == ["thanh-ha"]
    everything = ward_news("wards", "--changed", cwd=city, input="requirements.txt\n")
    assert everything.stdout.split() == list(WARDS)


def test_init_inside_wards_adds_a_ward_that_is_only_its_content_and_builds(city, tmp_path):
    grown = tmp_path / "city"
    shutil.copytree(city, grown)
    made = ward_news("init", "wards/xa-phu-my", "--name", "Xã Phú Mỹ", cwd=grown)
    assert made.returncode == 0, made.stderr
    assert "ward-news build --ward xa-phu-my" in made.stdout
    files = sorted(p.relative_to(grown / "wards/xa-phu-my").parts[0] for p in (grown / "wards/xa-phu-my").rglob("*"))
    assert set(files) == {"content"}  # no workflows, README or requirements of its own
    assert ward_news("wards", cwd=grown).stdout.split() == ["an-phu", "tan-lap", "thanh-ha", "xa-phu-my"]
    built = ward_news("build", "--ward", "xa-phu-my", "-q", cwd=grown)
    assert built.returncode == 0, built.stderr
    assert feedparser.parse((grown / "site/xa-phu-my/atom.xml").read_bytes()).feed.title == "Xã Phú Mỹ"
    refused = ward_news("init", "wards/Xã Mới", "--name", "Xã Mới", cwd=grown)
    assert refused.returncode == 1 and "“xa-moi”" in refused.stderr and not (grown / "wards/Xã Mới").exists()


def test_recorded_fingerprints_pick_the_wards_not_yet_published_as_they_are(city, tmp_path):
    repo = tmp_path / "city"
    shutil.copytree(city, repo)
    state = tmp_path / "state" / "wards.json"
    assert json.loads(ward_news("wards", "--since", str(state), "--json", cwd=repo).stdout) == list(WARDS)
    # Only an-phu and thanh-ha were published (tan-lap failed): tan-lap is still to build.
    assert ward_news("wards", "--record", str(state), "an-phu", "thanh-ha", cwd=repo).returncode == 0
    assert json.loads(ward_news("wards", "--since", str(state), "--json", cwd=repo).stdout) == ["tan-lap"]
    site_yml = repo / "wards/an-phu/content/site.yml"
    site_yml.write_text(site_yml.read_text("utf-8") + "phone: 024 3766 2018\n", encoding="utf-8")
    assert json.loads(ward_news("wards", "--since", str(state), "--json", cwd=repo).stdout) == ["an-phu", "tan-lap"]
    assert ward_news("wards", "--record", str(state), "an-phu", "tan-lap", cwd=repo).returncode == 0
    assert ward_news("wards", "--since", str(state), cwd=repo).stdout.strip() == ""
    assert ward_news("wards", "--record", str(state), "khong-co", cwd=repo).returncode == 2


def test_a_misnamed_ward_folder_is_skipped_with_its_problem_and_fails_only_strict_listing(city, tmp_path):
    repo = tmp_path / "city"
    shutil.copytree(city, repo)
    shutil.copytree(repo / "wards/an-phu", repo / "wards/Phường Mới")
    listed = ward_news("wards", cwd=repo)
    assert listed.returncode == 0 and listed.stdout.split() == list(WARDS)
    assert "wards/Phường Mới/" in listed.stderr and "“phuong-moi”" in listed.stderr
    assert ward_news("wards", "--strict", cwd=repo).returncode == 1
    hub = ward_news("hub", cwd=repo)
    assert hub.returncode == 0 and "[city.ward.slug]" in hub.stdout


def test_city_workflow_builds_what_is_unpublished_and_never_publishes_a_partial_city():
    import subprocess

    import yaml

    path = REPO / "examples/city/.github/workflows/publish.yml"
    workflow = yaml.safe_load(path.read_text("utf-8"))
    jobs = workflow["jobs"]
    scripts = [step["run"] for job in jobs.values() for step in job["steps"] if "run" in step]
    for script in scripts:  # every script is valid bash
        assert subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True).returncode == 0, script
    plan = "\n".join(step.get("run", "") for step in jobs["plan"]["steps"])
    assert "ward-news wards --since .city-state/wards.json" in plan
    assert "--no-renames" in plan and "core.quotePath=false" in plan and "--strict" in plan
    assert jobs["ward"]["strategy"]["fail-fast"] is False
    assert jobs["ward"]["strategy"]["matrix"]["ward"] == "${{ fromJSON(needs.plan.outputs.wards) }}"
    publish = jobs["publish"]
    assert "!cancelled()" in publish["if"] and "pull_request" in publish["if"]
    saves = [step["with"]["key"] for step in publish["steps"] if step.get("uses", "").startswith("actions/cache/save")]
    assert saves and all("github.run_id" in key and "github.run_attempt" in key for key in saves)
    guard = next(step for step in publish["steps"] if "cache-matched-key == ''" in str(step.get("if", "")))
    assert "exit 1" in guard["run"]
    merged = "\n".join(step.get("run", "") for step in publish["steps"])
    assert merged.index("wards --record") < merged.index("ward-news hub")
    assert [step.get("uses", "").split("@")[0] for step in publish["steps"]][-2:] == [
        "actions/upload-pages-artifact", "actions/deploy-pages"]
