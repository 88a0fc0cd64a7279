"""The theme ships in the ward-news package and the plugin brings it in: a ward's repository holds only
content/ and a short mkdocs.yml (or none), and may still replace one template or add CSS in its own
overrides/ (README, "Ward customisation")."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO, article, build_site, make_site, write_files

PNG = (Path(__file__).parent.parent / "fixtures" / "tiny.png").read_bytes()
FILES = {
    "content/news/2026/trao-qua-tet.md": article(image="anh.png", image_alt="Trao quà"),
    "content/news/2026/anh.png": PNG,
    "content/site.yml": "name: Phường Thử Nghiệm\n",
}
SHORT_MKDOCS_YML = """\
site_name: Phường Thử Nghiệm
site_url: https://phuong.example.vn/
docs_dir: content
theme:
  name: material
plugins:
  - ward-news:
      now: "2026-11-20 12:00"
"""


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """content/ and the shortest mkdocs.yml: no overrides/, no theme settings, no copy of this repository."""
    root = tmp_path_factory.mktemp("bare")
    write_files(root, {**FILES, "content/categories.yml": "- name: An sinh xã hội\n", "mkdocs.yml": SHORT_MKDOCS_YML})
    built = build_site(root)
    assert built.ok, built.log
    return built


def test_a_ward_with_only_content_gets_the_whole_packaged_theme(bare):
    assert sorted(p.name for p in bare.root.iterdir()) == [".cache", "content", "mkdocs.yml", "site"]
    page = bare.html("tin-tuc/trao-qua-tet/")
    assert page.select_one(".wn-textsize button[data-wn-text-step]") is not None  # partials/textsize.html
    assert page.select_one(".wn-article .wn-article__title").get_text() == "Trao quà Tết cho hộ cận nghèo"
    assert page.select_one(".wn-lead-image picture source")["type"] == "image/webp"  # ward/picture.html
    assert page.select_one('link[rel="stylesheet"][href$="assets/stylesheets/ward-news.css"]') is not None
    for name in ("stylesheets/ward-news.css", "javascripts/ward-news.js", "javascripts/search.js"):
        packaged = (REPO / "generator" / "theme" / "assets" / name).read_bytes()
        assert (bare.site_dir / "assets" / name).read_bytes() == packaged
    assert "<h1>Không tìm thấy trang</h1>" in (bare.site_dir / "404.html").read_text("utf-8")  # 404.html


def test_the_plugin_gives_the_theme_settings_the_site_needs(bare):
    """language vi, no Google Fonts, the ward's own palette, tabs and back-to-top."""
    page = bare.html("")
    html = (bare.site_dir / "index.html").read_text("utf-8")
    assert page.html["lang"] == "vi"
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert page.body["data-md-color-primary"] == "custom" and page.body["data-md-color-accent"] == "custom"
    assert page.select_one(".md-tabs") is not None
    assert page.select_one(".md-top") is not None


def test_a_wards_own_template_replaces_the_packaged_one_and_its_css_is_added(tmp_path):
    root = make_site(tmp_path, FILES)
    text = (root / "mkdocs.yml").read_text("utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n") + "extra_css:\n  - assets/phuong.css\n"
    (root / "mkdocs.yml").write_text(text, "utf-8")
    write_files(root, {
        "overrides/ward/article.html": textwrap.dedent("""\
            {%- autoescape true -%}
            <article class="phuong-article"><h1>{{ wn.data.article.title }}</h1>{{ page.content }}</article>
            {%- endautoescape -%}
            """),
        "overrides/assets/phuong.css": ".phuong-article { color: #123456; }\n",
    })
    built = build_site(root)
    assert built.ok, built.log
    page = built.html("tin-tuc/trao-qua-tet/")
    assert page.select_one(".phuong-article h1").get_text() == "Trao quà Tết cho hộ cận nghèo"
    assert page.select_one(".wn-article") is None  # the packaged article.html is not used
    assert page.select_one(".wn-textsize") is not None  # every other template is still the package's
    assert built.html("tin-tuc/").select_one(".wn-listing__header") is not None
    styles = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    assert [h.rsplit("/", 1)[-1] for h in styles if "ward-news" in h or "phuong" in h] == ["ward-news.css", "phuong.css"]
    assert (built.site_dir / "assets" / "phuong.css").read_text("utf-8").startswith(".phuong-article")
    assert (built.site_dir / "assets" / "stylesheets" / "ward-news.css").is_file()


def test_build_names_an_untouched_copy_of_a_packaged_template_and_still_builds(tmp_path):
    root = make_site(tmp_path, FILES)
    text = (root / "mkdocs.yml").read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (root / "mkdocs.yml").write_text(text, "utf-8")
    copied = (REPO / "generator/theme/ward/teaser.html").read_bytes()
    write_files(root, {"overrides/ward/teaser.html": copied})
    built = build_site(root)
    assert built.ok, built.log
    assert "overrides/ward/teaser.html: cảnh báo:" in built.log and "[theme.override.copy]" in built.log


def test_a_wards_own_theme_settings_win(tmp_path):
    root = make_site(tmp_path, FILES)
    text = (root / "mkdocs.yml").read_text("utf-8").replace(
        "  name: material\n", "  name: material\n  features: [navigation.top]\n  palette:\n    primary: teal\n")
    (root / "mkdocs.yml").write_text(text, "utf-8")
    built = build_site(root)
    assert built.ok, built.log
    page = built.html("")
    assert page.select_one(".md-tabs") is None
    assert page.body["data-md-color-primary"] == "teal"
    assert page.html["lang"] == "vi"  # left unset: still the plugin's


def test_another_theme_is_refused_in_vietnamese(tmp_path):
    root = make_site(tmp_path, FILES)
    text = (root / "mkdocs.yml").read_text("utf-8").replace("  name: material\n", "  name: mkdocs\n")
    (root / "mkdocs.yml").write_text(text, "utf-8")
    built = build_site(root)
    assert not built.ok
    assert "ward-news cần giao diện Material, nhưng mkdocs.yml chọn giao diện “mkdocs”." in built.log
    assert not (root / "site").exists()


def test_ward_news_build_needs_no_mkdocs_yml(tmp_path):
    write_files(tmp_path, {**FILES, "content/categories.yml": "- name: An sinh xã hội\n"})
    result = subprocess.run([sys.executable, "-c", "from generator.cli.main import cli; cli()", "build",
                             "--site-url", "https://phuong.example.vn/"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "mkdocs.yml").exists()
    page = (tmp_path / "site" / "tin-tuc" / "trao-qua-tet" / "index.html").read_text("utf-8")
    assert 'lang="vi"' in page and "wn-textsize" in page and "<picture>" in page
    assert '<meta property="og:url" content="https://phuong.example.vn/tin-tuc/trao-qua-tet/"' in page
    assert (tmp_path / "site" / "assets" / "stylesheets" / "ward-news.css").is_file()


def test_the_packaged_theme_sits_between_the_wards_overrides_and_material(tmp_path):
    """The Jinja loader and the static files follow theme.dirs; serve's fingerprint walks ours too."""
    from mkdocs.config import load_config

    from generator.mkdocs_plugin.theme import THEME_DIR, theme_dirs, use_packaged_theme

    for folder in ("overrides", "content"):
        (tmp_path / folder).mkdir()
    config = load_config(io.BytesIO(b"site_name: x\ndocs_dir: content\n"), config_file_path=str(tmp_path / "mkdocs.yml"),
                         theme={"name": "material", "custom_dir": str(tmp_path / "overrides")})
    use_packaged_theme(config.theme)
    use_packaged_theme(config.theme)  # a second call (serve reuses the plugin) changes nothing
    assert config.theme.dirs[:2] == [str(tmp_path / "overrides"), THEME_DIR]
    assert config.theme.dirs[2].endswith("material/templates")
    assert theme_dirs(config.theme) == [str(tmp_path / "overrides"), THEME_DIR]


OLD_SHARE = """{%- autoescape true -%}
<section class="wn-share" aria-labelledby="wn-share-title">
  <h2 id="wn-share-title" class="wn-share__title">Lưu, in, chia sẻ {{ wn.kind.noun }}</h2>
  <div class="wn-share__buttons">
    <button type="button" class="wn-button wn-share__native" data-share-url="{{ wn.url }}" hidden>Chia sẻ qua Zalo, Messenger…</button>
    <button type="button" class="wn-button wn-share__copy" data-share-url="{{ wn.url }}" hidden>Sao chép liên kết</button>
    <a class="wn-button" href="https://www.facebook.com/sharer/sharer.php?u={{ wn.url | urlencode }}">Chia sẻ lên Facebook</a>
    <button type="button" class="wn-button wn-share__print" aria-describedby="wn-print-help" hidden>Lưu / In</button>
  </div>
  <p id="wn-print-help" class="wn-share__help" hidden>“Lưu / In”: chọn máy in.</p>
  <p class="wn-share__status" role="status" aria-live="polite"></p>
</section>
{%- endautoescape -%}
"""


def test_a_wards_copy_of_the_older_share_template_gets_each_button_once(tmp_path, chromium):
    """Until 0.4 the buttons that need JavaScript were in share.html, hidden; ward-news.js now
    makes them, and makes them afresh where a ward's override still has the old ones."""
    from tests.conftest import served, settle

    root = make_site(tmp_path, FILES)
    text = (root / "mkdocs.yml").read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (root / "mkdocs.yml").write_text(text, "utf-8")
    write_files(root, {"overrides/ward/share.html": OLD_SHARE})
    built = build_site(root)
    assert built.ok, built.log
    with served(built.site_dir) as server:
        page = chromium.new_page()
        page.goto(server.url + "tin-tuc/trao-qua-tet/")
        settle(page)
        visible = page.eval_on_selector_all(".wn-share__buttons > :not([hidden])", "els => els.map(e => e.textContent)")
        assert visible == ["Sao chép liên kết", "Chia sẻ lên Facebook", "Lưu / In"]  # no Web Share in this Chromium
        assert page.locator(".wn-share button").count() == 2 and page.locator("#wn-print-help").count() == 1
        page.close()
