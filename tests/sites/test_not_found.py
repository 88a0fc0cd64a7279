"""The 404 page at whatever address the host shows it: GitHub Pages serves 404.html for every
missing address, at any depth, under the repository's path, whatever site_url said. The host is
played by Playwright's request routing (a real Chromium, no network): files under the site's
path are served from the build, anything else gets 404.html with status 404."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.core.csp import inline_script_hashes
from generator.core.notfound import base_path, portable_not_found
from tests.conftest import article, build_site, make_site
from tests.sites.test_csp import WATCH

PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("notfound"), {
        "content/site.yml": "name: Phường Thử Nghiệm\nlogo: logo.png\n",
        "content/logo.png": PNG,
        "content/news/2026/trao-qua.md": article(),
    })
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("https://phuong.example.vn/", "https://o.github.io/trang-tin/"),
                      encoding="utf-8")
    built = build_site(root)
    assert built.ok, built.log
    return built.site_dir


def _open(chromium, site_dir: Path, origin: str, published_at: str, address: str):
    """Chromium at `address`, the site published at `origin + published_at` as a static host would."""
    page = chromium.new_page()
    page.add_init_script(WATCH)
    requests: list[tuple[str, int]] = []

    def host(route):
        path = urlsplit(route.request.url).path
        file = None
        if path.startswith(published_at):
            file = site_dir / path[len(published_at):]
            file = file / "index.html" if file.is_dir() else file
        if file is not None and file.is_file():
            status, body, kind = 200, file.read_bytes(), mimetypes.guess_type(file.name)[0] or "text/html"
        else:
            status, body, kind = 404, (site_dir / "404.html").read_bytes(), "text/html"
        requests.append((path, status))
        route.fulfill(status=status, body=body, content_type=kind)

    page.route(origin + "/**", host)
    page.goto(origin + address)
    page.wait_for_load_state("load")
    return page, requests


@pytest.mark.parametrize("origin, published_at, address", [
    # the repository is not called what site_url says (init's placeholder path, a renamed repository)
    ("https://o.github.io", "/ten-kho/", "/ten-kho/tin-tuc/bai-cu-da-xoa/"),
    # where site_url says
    ("https://o.github.io", "/trang-tin/", "/trang-tin/a/b/c"),
    # a custom domain, the site at its root
    ("https://mttq.phuong.vn", "/", "/tin-tuc/khong-co/"),
])
def test_the_404_page_is_styled_and_links_home_wherever_it_is_shown(chromium, site_dir, origin, published_at,
                                                                    address):
    page, requests = _open(chromium, site_dir, origin, published_at, address)
    try:
        assert page.evaluate("document.title").startswith("Không tìm thấy trang")
        assert page.evaluate("document.baseURI") == origin + published_at
        # Every stylesheet, script and image came from the site (only the page itself was missing).
        missing = [path for path, status in requests if status == 404 and path != address]
        assert missing == [], missing
        assert any(path.endswith("ward-news.css") and status == 200 for path, status in requests)
        # The theme's stylesheet applied: Material's header is fixed-positioned by it.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        home = page.get_by_role("link", name="trang chủ", exact=True)
        assert home.evaluate("a => a.href") == origin + published_at
        news = page.get_by_role("link", name="tất cả tin tức")
        assert news.evaluate("a => a.href") == origin + published_at + "tin-tuc/"
        assert page.evaluate("window.__violations") == []  # the base script is allowed by its hash
    finally:
        page.close()


def test_links_are_relative_to_the_base_the_head_script_sets(site_dir):
    html = (site_dir / "404.html").read_text("utf-8")
    assert 'href="/trang-tin/' not in html and 'src="/trang-tin/' not in html
    head = html[:html.index("</head>")]
    script_at = head.index('(document,"/trang-tin/")')
    assert script_at < head.index("<link")  # before the first stylesheet is read
    assert any(h for h in inline_script_hashes(html))


@pytest.mark.parametrize("site_url, expected", [
    ("https://o.github.io/trang-tin/", "/trang-tin/"), ("https://o.github.io/trang-tin", "/trang-tin/"),
    ("https://mttq.phuong.vn", "/"), ("", "/")])
def test_base_path(site_url, expected):
    assert base_path(site_url) == expected


def test_a_path_cannot_break_out_of_the_script():
    html = portable_not_found('<html><head><meta charset="utf-8"></head><body></body></html>',
                              'https://x.vn/a"</script><script>alert(1)//')
    assert "<script>alert" not in html and html.count("<script>") == 1
