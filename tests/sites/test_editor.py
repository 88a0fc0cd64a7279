"""The officers' web editor at quan-tri/: shipped in the site (nothing from another host), its
config made from the ward's own categories and the content contract's fields, absent without a
repository, and on a ward's content never seen before, in a repository made by `init`."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from generator.core.rules.articles import KNOWN_KEYS
from tests.cli.test_init import ward_news
from tests.conftest import CATEGORIES, article, build_site, make_site, served
from tests.fixtures.unseen_ward import unseen_ward_in_init_repo

REPO_NAME = "mttq-thu-nghiem/trang-tin"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("editor"), {"content/news/2026/trao-qua.md": article()},
                     plugin={"editor_repo": f"https://github.com/{REPO_NAME}"})
    built = build_site(root)
    assert built.ok, built.log
    return built


def config_of(site_dir):
    return yaml.safe_load((site_dir / "quan-tri" / "config.yml").read_text("utf-8"))


def test_editor_config_follows_the_content_contract_and_the_wards_categories(site):
    config = config_of(site.site_dir)
    assert config["backend"] == {**config["backend"], "name": "github", "repo": REPO_NAME, "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"  # a pull request per article
    assert config["backend"]["auth_methods"] == ["token"]  # no authentication server needed
    news = config["collections"][0]
    assert news["folder"] == "content/news" and news["path"] == "{{year}}/{{slug}}"
    assert news["media_folder"] == "" and news["public_folder"] == ""  # images next to the article
    fields = {f["name"]: f for f in news["fields"]}
    assert list(fields) == [*KNOWN_KEYS, "body"]
    required = [name for name, f in fields.items() if f.get("required", True)]
    assert required == ["title", "date", "category", "body"]
    assert fields["category"]["options"] == [line[len("- name: "):] for line in CATEGORIES.splitlines()
                                             if line.startswith("- name: ")]
    assert fields["date"]["format"] == "YYYY-MM-DD HH:mm"
    assert all(f["label"] and not f["label"].isascii() or f["name"] in ("body",) for f in fields.values())


def test_editor_loads_from_the_site_alone_in_chromium(site, chromium, tmp_path):
    with served(site.site_dir) as server:
        for width in (390, 1280):
            context = chromium.new_context(viewport={"width": width, "height": 844}, locale="vi-VN")
            page = context.new_page()
            requests = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(server.url + "quan-tri/", wait_until="commit")
            page.get_by_text("mã truy cập", exact=False).first.wait_for(timeout=20_000)
            page.wait_for_timeout(1500)  # the fonts and the configuration
            page.screenshot(path=str(tmp_path / f"editor-{width}.png"))
            assert page.get_by_text("Đăng nhập bằng mã truy cập").is_visible()  # the Vietnamese interface, shipped
            assert page.get_by_text("Đăng nhập bằng GitHub").count() == 0  # no button that needs an auth server
            hosts = {urlsplit(url).netloc for url in requests if not url.startswith(("data:", "blob:"))}
            assert hosts == {urlsplit(server.url).netloc}, sorted(requests)
            assert any(url.endswith("/quan-tri/sveltia-cms.js") for url in requests)
            assert any("/quan-tri/config.yml" in url for url in requests)
            assert any(url.endswith(".woff2") for url in requests)  # the icons come from the site too
            viewport = page.eval_on_selector_all('meta[name="viewport"]', "els => els.map(e => e.content).join(' ')")
            assert "maximum-scale" not in viewport and "user-scalable=no" not in viewport  # officers can zoom
            context.close()


def test_the_editor_speaks_vietnamese_in_an_english_browser(site, chromium, tmp_path):
    """Many ward offices run English Windows, and officers read only Vietnamese: the interface is
    Vietnamese whatever the browser's language, and again at the next visit after English was picked."""
    with served(site.site_dir) as server:
        for width in (1280, 390):
            context = chromium.new_context(viewport={"width": width, "height": 844}, locale="en-US",
                                           extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
            page = context.new_page()
            for visit in ("first", "after choosing English"):
                page.goto(server.url + "quan-tri/", wait_until="commit")
                page.get_by_text("Đăng nhập bằng mã truy cập").wait_for(timeout=20_000)
                page.wait_for_timeout(1500)  # the fonts, and any late switch of language
                assert page.evaluate("navigator.language") == "en-US", visit
                assert page.get_by_text("Đăng nhập bằng mã truy cập").is_visible(), visit
                assert page.get_by_text("Làm việc với kho mã nguồn cục bộ").is_visible(), visit
                text = page.inner_text("body")
                assert "Sign In" not in text and "Work with Local Repository" not in text, (visit, text)
                assert page.evaluate("document.documentElement.lang") == "vi", visit
                # As the editor's Settings > Language would save it, then the officer comes back.
                page.evaluate("""() => {
                    const prefs = JSON.parse(localStorage.getItem("sveltia-cms.prefs"));
                    localStorage.setItem("sveltia-cms.prefs", JSON.stringify({...prefs, locale: "en-US"}));
                }""")
            page.screenshot(path=str(tmp_path / f"editor-en-{width}.png"))
            context.close()


def test_the_editor_page_is_not_indexed_and_names_its_policy(site):
    html = (site.site_dir / "quan-tri" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "connect-src 'self' data: blob: https://api.github.com" in html
    assert "quan-tri" not in (site.site_dir / "sitemaps" / "trang.xml").read_text("utf-8")
    for name in ("LICENSE-sveltia-cms.txt", "LICENSE-source-sans-3.txt", "LICENSE-material-symbols-outlined.txt"):
        assert (site.site_dir / "quan-tri" / name).stat().st_size > 500


def test_no_repository_no_editor(tmp_path):
    root = make_site(tmp_path, {"content/news/2026/trao-qua.md": article()})
    built = build_site(root)
    assert built.ok and not (built.site_dir / "quan-tri").exists()


def test_an_unseen_ward_in_an_init_repository_gets_an_editor_with_its_categories(tmp_path):
    repo = unseen_ward_in_init_repo(tmp_path, "--repo", "xa-tan-phu/trang-tin")
    built = ward_news("build", cwd=repo)
    assert built.returncode == 0, built.stdout + built.stderr
    config = config_of(repo / "site")
    assert config["backend"]["repo"] == "xa-tan-phu/trang-tin"
    categories = yaml.safe_load((repo / "content" / "categories.yml").read_text("utf-8"))
    options = next(f for f in config["collections"][0]["fields"] if f["name"] == "category")["options"]
    assert options == [c["name"] for c in categories]
    refused = ward_news("init", "other", "--name", "Xã Khác", "--repo", "không phải kho", cwd=tmp_path)
    assert refused.returncode == 1 and "tài-khoản/tên-kho" in refused.stderr


def test_the_documents_form_comes_from_the_declared_fields(tmp_path):
    from generator.core.rules.documents import DOCUMENT_FIELDS, DOCUMENT_TYPES

    result = build_site(make_site(tmp_path, {"content/news/a.md": article()}, plugin={"editor_repo": "mttq/trang"}))
    assert result.ok, result.error
    config = yaml.safe_load((result.site_dir / "quan-tri" / "config.yml").read_text("utf-8"))
    documents = next(c for c in config["collections"] if c["name"] == "documents")
    assert documents["folder"].endswith("content/documents") and documents["media_folder"] == "files"
    fields = {f["name"]: f for f in documents["fields"]}
    assert list(fields) == [f.name for f in DOCUMENT_FIELDS] + ["body"]
    assert [name for name, f in fields.items() if f["required"]] == [f.name for f in DOCUMENT_FIELDS if f.required]
    assert fields["type"]["options"] == list(DOCUMENT_TYPES) and fields["file"]["widget"] == "file"
