"""`ward-news import feed`: an old portal's RSS feed (by its address) or WordPress export (a file)
becomes articles, its photos fetched from the portal; once; `check` clean afterwards."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import frontmatter
import pytest

from tests.conftest import make_site, served
from tests.fixtures.facebook_export import jpeg

CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Cổng thông tin phường Hòa Bình</title><link>{base}</link>
<item><title>Ra quân tổng vệ sinh môi trường đón Tết</title><link>{base}tin/ra-quan</link>
<guid>{base}?p=101</guid><pubDate>Sat, 18 Jan 2025 01:30:00 GMT</pubDate>
<category>Môi trường</category>
<content:encoded><![CDATA[<p>Sáng 18/1, <strong>hơn 200</strong> đoàn viên ra quân.</p>
<p><img src="/anh/ra-quan.jpg" alt="Đoàn viên dọn rác"></p>
<p>Xem <a href="https://hanoi.gov.vn/">cổng thành phố</a>.</p><script>alert(1)</script>]]></content:encoded></item>
<item><title>Ảnh không còn trên cổng cũ</title><link>{base}tin/anh-mat</link><guid>{base}?p=102</guid>
<pubDate>Mon, 20 Jan 2025 02:00:00 GMT</pubDate>
<description><![CDATA[<p>Bài có ảnh đã mất.</p><p><img src="{base}anh/khong-con.jpg" alt="Ảnh cũ"></p>
<p><img src="{base}loi.jpg" alt="Trang lỗi"></p>]]></description></item>
</channel></rss>"""

WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Mặt trận phường (WordPress)</title><link>{base}</link>
<item><title>Hội nghị hiệp thương</title><link>{base}?p=7</link><guid isPermaLink="false">{base}?p=7</guid>
<content:encoded><![CDATA[<h2>Kết quả</h2><p>Thống nhất danh sách 25 người.</p>
<img src="{base}anh/hiep-thuong.png" alt="Hội nghị">]]></content:encoded>
<wp:post_date>2024-03-05 14:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>Giới thiệu</title><link>{base}gioi-thieu</link><guid>{base}?page_id=2</guid>
<content:encoded><![CDATA[<p>Trang tĩnh.</p>]]></content:encoded>
<wp:post_date>2020-01-01 08:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>
<item><title>Bản nháp</title><link>{base}?p=9</link><guid>{base}?p=9</guid>
<content:encoded><![CDATA[<p>Chưa xong.</p>]]></content:encoded>
<wp:post_date>2024-04-01 08:00:00</wp:post_date><wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>"""


def ward_news(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture
def portal(tmp_path):
    root = tmp_path / "portal"
    (root / "anh").mkdir(parents=True)
    (root / "anh/ra-quan.jpg").write_bytes(jpeg(7))
    (root / "anh/hiep-thuong.png").write_bytes(_png())
    (root / "loi.jpg").write_text("<html>Lỗi 500</html>", encoding="utf-8")
    with served(root) as server:
        (root / "feed.xml").write_text(RSS.format(base=server.url), encoding="utf-8")
        (tmp_path / "wordpress.xml").write_text(WXR.format(base=server.url), encoding="utf-8")
        yield server


def _png() -> bytes:
    from pathlib import Path

    return (Path(__file__).parents[1] / "fixtures" / "tiny.png").read_bytes()


@pytest.fixture
def ward(tmp_path):
    (tmp_path / "ward").mkdir()
    return make_site(tmp_path / "ward", {})


def test_a_portal_feed_by_its_address_becomes_articles_with_its_photos(ward, portal):
    done = ward_news("import", "feed", portal.url + "feed.xml", "--category", "An sinh xã hội", cwd=ward)
    assert done.returncode == 0, done.stderr
    assert "Nguồn tin “Cổng thông tin phường Hòa Bình”: 2 bài." in done.stdout and "1 ảnh" in done.stdout
    assert "khong-con.jpg" in done.stderr and "loi.jpg: không phải ảnh" in done.stderr
    article = frontmatter.load(ward / "content/news/2025/ra-quan-tong-ve-sinh-moi-truong-don-tet.md")
    assert article["title"] == "Ra quân tổng vệ sinh môi trường đón Tết"
    assert article["date"] == "2025-01-18 08:30"  # 01:30 GMT is 08:30 in Vietnam
    assert article["source"] == "Cổng thông tin phường Hòa Bình" and article["source_url"] == portal.url + "tin/ra-quan"
    assert article["tags"] == ["Môi trường"]
    assert "**hơn 200**" in article.content and "[cổng thành phố](https://hanoi.gov.vn/)" in article.content
    assert "alert" not in article.content
    assert "![Đoàn viên dọn rác](ra-quan-tong-ve-sinh-moi-truong-don-tet-1.jpg)" in article.content
    assert (ward / "content/news/2025/ra-quan-tong-ve-sinh-moi-truong-don-tet-1.jpg").read_bytes() == jpeg(7)
    lost = frontmatter.load(ward / "content/news/2025/anh-khong-con-tren-cong-cu.md")
    assert f"[Ảnh: Ảnh cũ]({portal.url}anh/khong-con.jpg)" in lost.content  # a link to where it was
    assert not list((ward / "content/news/2025").glob("anh-khong-con*.jpg"))

    again = ward_news("import", "feed", portal.url + "feed.xml", "--category", "An sinh xã hội", cwd=ward)
    assert "Đã nhập 0 bài" in again.stdout and "Bỏ qua 2 bài đã nhập" in again.stdout
    checked = ward_news("check", "--format", "json", cwd=ward)
    assert checked.returncode == 0, checked.stdout
    assert [p for p in json.loads(checked.stdout) if p["severity"] == "error"] == []


def test_a_wordpress_export_brings_its_published_posts_only(ward, portal, tmp_path):
    done = ward_news("import", "feed", str(tmp_path / "wordpress.xml"), "--category", "Hoạt động Mặt trận", cwd=ward)
    assert done.returncode == 0, done.stderr
    assert "Bỏ qua 2 mục không phải bài đã đăng" in done.stdout
    written = sorted(p.relative_to(ward / "content").as_posix() for p in (ward / "content/news").rglob("*.*"))
    assert written == ["news/2024/hoi-nghi-hiep-thuong-1.png", "news/2024/hoi-nghi-hiep-thuong.md"]
    article = frontmatter.load(ward / "content/news/2024/hoi-nghi-hiep-thuong.md")
    assert article["date"] == "2024-03-05 14:00" and article.content.startswith("## Kết quả")
    assert ward_news("check", cwd=ward).returncode == 0


def test_what_is_no_feed_is_a_clear_error(ward, tmp_path):
    (tmp_path / "x.xml").write_text("<html><body>Không phải RSS</body></html>", encoding="utf-8")
    refused = ward_news("import", "feed", str(tmp_path / "x.xml"), "--category", "An sinh xã hội", cwd=ward)
    assert refused.returncode == 1 and "Không thấy bài nào trong nguồn tin" in refused.stderr
    missing = ward_news("import", "feed", "khong-co.xml", "--category", "An sinh xã hội", cwd=ward)
    assert missing.returncode == 1 and "Không đọc được nguồn tin “khong-co.xml”" in missing.stderr
