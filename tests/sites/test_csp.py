"""The Content-Security-Policy in a real browser: every kind of page loads and works with no
violation and no request to another host, and a script that got into a page anyway is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.csp import inline_script_hashes, with_csp
from tests.conftest import article, build_site, make_site, served
from tests.core.test_reports import REPORT

PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = {
        "content/site.yml": "name: Phường Thử Nghiệm\nlogo: logo.png\n",
        "content/logo.png": PNG,
        "content/authors.yml": "- name: CHÍ NGUYÊN\n  bio: Phóng viên cộng tác.\n",
        "content/news/2026/trao-qua.md": article(author="CHÍ NGUYÊN", image="anh.png", image_alt="Trao quà",
                                                 tags="[Tết]"),
        "content/news/2026/anh.png": PNG,
        "content/news/2025/vneid.md": article(title="Hướng dẫn dùng VNeID", date="2025-05-02",
                                              category="Chuyển đổi số"),
        "content/pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nỦy ban MTTQ phường.\n",
        "content/reports/2025.md": REPORT,
    }
    built = build_site(make_site(tmp_path_factory.mktemp("csp"), files))
    assert built.ok, built.log
    with served(built.site_dir) as server:
        yield built, server


PAGES = ["", "tin-tuc/", "tin-tuc/trao-qua/", "chuyen-muc/an-sinh-xa-hoi/", "the/tet/", "luu-tru/2025/",
         "tac-gia/chi-nguyen/", "bao-cao/", "bao-cao/2025/", "gioi-thieu/", "tim-kiem/?q=trao+qua", "404.html"]


@pytest.mark.parametrize("url", PAGES)
def test_every_kind_of_page_works_under_its_policy_with_no_violation(site, chromium, url):
    built, server = site
    page = chromium.new_page()
    page.add_init_script(WATCH)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server.url + url)
    page.wait_for_load_state("networkidle")
    assert requested and all(r.startswith(server.url) or r.startswith("data:") for r in requested), requested
    if url.startswith("tim-kiem"):  # Pagefind's module, worker and WebAssembly are allowed
        page.wait_for_selector(".wn-search[data-state=done], .wn-search[data-state=error]")
        assert page.get_attribute(".wn-search", "data-state") == "done"
        assert page.query_selector_all(".wn-search__result")
    if url == "tin-tuc/trao-qua/":  # ward-news.js ran: it shows the buttons that need it
        assert page.is_visible(".wn-share__copy")
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert page.evaluate("window.__violations") == []
    page.close()


def test_a_script_that_got_into_a_page_is_refused(site, chromium):
    built, server = site
    target = built.site_dir / "gioi-thieu" / "index.html"
    html = target.read_text(encoding="utf-8")
    target.write_text(html.replace("</body>", '<script>document.title = "pwned"</script>'
                                              '<img src="x" onerror="document.title = \'pwned\'"></body>'),
                      encoding="utf-8")
    try:
        page = chromium.new_page()
        page.add_init_script(WATCH)
        page.goto(server.url + "gioi-thieu/")
        page.wait_for_load_state("networkidle")
        assert page.title() != "pwned"
        violations = page.evaluate("window.__violations")
        assert len(violations) >= 2 and all(v.startswith("script-src") for v in violations)
        page.close()
    finally:
        target.write_text(html, encoding="utf-8")


def test_only_scripts_the_browser_runs_are_hashed():
    html = ('<head><meta charset="utf-8"><script>a()</script><script type="application/ld+json">{"x": 1}</script>'
            '<script id="__config" type="application/json">{}</script><script src="x.js"></script>'
            '<script type="module">b()</script><script>a()</script></head>')
    import base64
    import hashlib

    def sha(body):
        return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"

    assert inline_script_hashes(html) == [sha("a()"), sha("b()")]  # data scripts and src= are not
    secured = with_csp(html)
    assert secured.index('http-equiv="Content-Security-Policy"') < secured.index("<script>")


def test_a_script_in_the_page_content_is_never_hashed_so_never_runs():
    """Hashes come from the finished page, but never from its content (first <article> to last
    </article>), where officers' text is: a <script> that got past the sanitiser is not allowed."""
    import base64
    import hashlib

    html = ('<head><meta charset="utf-8"><script>theme()</script></head><body>'
            '<main class="md-main"><article><p>x</p><article class="wn-teaser"><script>stolen()</script></article>'
            '<script>also_stolen()</script></article><script>theme_in_main()</script></main><script>after()</script></body>')

    def sha(body):
        return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"

    assert inline_script_hashes(html) == [sha("theme()"), sha("theme_in_main()"), sha("after()")]
