"""The bundled sample ward (content/) is what a newcomer sees first: it must build cleanly."""

import re
import shutil

import pytest
from PIL import Image

from tests.conftest import REPO, build_site


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(REPO / "content", root / "content")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("timezone: Asia/Ho_Chi_Minh", "timezone: Asia/Ho_Chi_Minh\n      now: \"2026-11-23 12:00\"")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = build_site(root)
    assert result.ok, result.log
    return result


def test_sample_content_has_no_problem_at_all(sample):
    assert [p.format() for p in sample.problems] == []


def test_sample_ward_is_a_real_looking_ward(sample):
    articles = sorted((sample.site_dir / "tin-tuc").glob("*/index.html"))
    articles = [p for p in articles if p.parent.name != "trang"]
    assert len(articles) >= 15
    years = {p.name for p in (sample.site_dir / "luu-tru").iterdir()}
    assert len(years) >= 2
    assert len(list((sample.site_dir / "chuyen-muc").iterdir())) >= 4
    for path in articles:
        page = sample.html(path.parent.relative_to(sample.site_dir).as_posix() + "/")
        assert len(page.find_all("h1")) == 1
        assert page.select_one(".wn-article__meta time").get_text().startswith(("Thứ", "Chủ Nhật"))
    with_images = [p for p in articles if "wn-lead-image" in p.read_text("utf-8")]
    assert len(with_images) >= 5


def test_sample_plain_pages_and_identity(sample):
    home = sample.html("")
    nav = [a.get_text(strip=True) for a in home.select(".md-tabs__link")]
    assert nav[:2] == ["Trang chủ", "Tin tức"] and "Giới thiệu" in nav and "Liên hệ" in nav
    assert sample.html("gioi-thieu/").select_one("h1").get_text() == "Giới thiệu"
    footer = home.select_one(".wn-footer")
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam phường Hòa Bình" in footer.get_text()
    assert footer.find("a", href=lambda h: h and h.startswith("mailto:"))


def test_ward_logo_is_in_the_header_and_published(sample):
    logo = sample.html("").select_one(".md-header .md-logo img")
    assert re.fullmatch(r"anh/logo-[0-9a-f]{12}\.webp", logo["src"]) and logo["alt"] == ""
    with Image.open(sample.site_dir / logo["src"]) as published:  # resized for the header, at 2x
        assert published.size == (96, 96)
    assert not (sample.site_dir / "images" / "logo.png").exists()  # the original is not published
