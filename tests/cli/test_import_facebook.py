"""`ward-news import facebook`: a Page's export (zip or folder) becomes articles with exactly the
Vietnamese text, dated by the post at +07:00, photos beside them, once; then `check` is clean and
the ward builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest
from bs4 import BeautifulSoup

from generator.core.archive.facebook import safe_member, unmangle
from generator.core.archive.text import hashtags, post_to_article, split_title
from tests.conftest import make_site
from tests.fixtures.facebook_export import jpeg, mangle, post, write_export

CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]
POSTS = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
MEDIA = "your_facebook_activity/posts/media/Timeline_photos/"
CONFERENCE = ("Hội nghị tổng kết công tác Mặt trận năm 2024\n"
              "Sáng 9/1, Ủy ban MTTQ Việt Nam phường Hòa Bình tổ chức hội nghị tổng kết.\n\n"
              "Đồng chí Nguyễn Văn An phát biểu: *đoàn kết* là sức mạnh_của chúng ta <3\n"
              "Chi tiết: https://dichvucong.gov.vn/p/home/dvc-trang-chu.html.\n"
              "#MTTQ #ChuyenDoiSo #an_sinh")
LONG_FIRST_LINE = ("Ngày 20/3, Ban công tác Mặt trận khu dân cư số 5 phối hợp với Chi hội Phụ nữ ra quân làm sạch "
                   "tuyến phố. Hơn 120 hội viên, đoàn viên và bà con nhân dân đã tham gia thu gom rác thải, phát "
                   "quang bụi rậm, khơi thông cống rãnh trên toàn bộ các tuyến ngõ của khu dân cư.")


def ward_news(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def export_posts() -> list[dict]:
    return [
        post("2025-01-09 15:30", CONFERENCE, photos=[MEDIA + "hoi-nghi.jpg", MEDIA + "dai-bieu.jpg"]),
        post("2025-03-20 07:05", LONG_FIRST_LINE),
        post("2024-12-31 21:00", "Mời bà con đọc bài trên báo Hà Nội Mới về mô hình “Dân vận khéo” của phường.",
             link="https://hanoimoi.vn/dan-van-kheo-123.html"),
        post("2025-02-01 10:00", None, photos=[MEDIA + "chi-anh.jpg"]),  # a photo alone
        {"timestamp": 1735000000, "data": [{"update_timestamp": 1735000000}]},  # a profile update
        post("2025-04-01 09:00", "Ảnh đẹp ngày hội", photos=["../../../etc/passwd.jpg"]),
    ]


@pytest.fixture
def ward(tmp_path):
    (tmp_path / "ward").mkdir()
    return make_site(tmp_path / "ward", {})


@pytest.fixture
def export(tmp_path):
    files = {MEDIA + "hoi-nghi.jpg": jpeg(1), MEDIA + "dai-bieu.jpg": jpeg(2), MEDIA + "chi-anh.jpg": jpeg(3)}
    return write_export(tmp_path / "facebook-mttq-hoabinh.zip", {POSTS: export_posts()}, files,
                        top="facebook-mttq-hoabinh-2025-05-01/",
                        hostile={"../thoat-ra-ngoai.txt": b"x", "/etc/tuyet-doi.txt": b"x"})


def articles(ward: Path) -> dict[str, frontmatter.Post]:
    return {p.relative_to(ward / "content").as_posix(): frontmatter.load(p)
            for p in sorted((ward / "content/news").rglob("*.md"))}


def snapshot(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_a_page_export_becomes_articles_once_and_the_ward_builds(ward, export):
    done = ward_news("import", "facebook", str(export), "--category", "hoat dong mat tran", cwd=ward)
    assert done.returncode == 0, done.stderr
    assert "Đã nhập 4 bài" in done.stdout and "(2024: 1, 2025: 3)" in done.stdout and ", 2 ảnh." in done.stdout
    assert "Bỏ qua 2 mục không có chữ" in done.stdout and "01/02/2025 10:00" in done.stdout
    assert "Không đọc “../thoat-ra-ngoai.txt”" in done.stderr and "Không đọc “/etc/tuyet-doi.txt”" in done.stderr
    assert "passwd.jpg: nằm ngoài bản tải về" in done.stderr

    found = articles(ward)
    conference = found["news/2025/hoi-nghi-tong-ket-cong-tac-mat-tran-nam-2024.md"]
    assert conference["title"] == "Hội nghị tổng kết công tác Mặt trận năm 2024"
    assert conference["date"] == "2025-01-09 15:30" and conference["category"] == "Hoạt động Mặt trận"
    assert conference["tags"] == ["MTTQ", "ChuyenDoiSo", "an sinh"] and conference["source"] == "Facebook"
    assert conference["image"] == "hoi-nghi-tong-ket-cong-tac-mat-tran-nam-2024-1.jpg"
    assert (ward / "content/news/2025" / conference["image"]).read_bytes() == jpeg(1)
    assert "](hoi-nghi-tong-ket-cong-tac-mat-tran-nam-2024-2.jpg)" in conference.content
    assert "#MTTQ" not in conference.content and "<https://dichvucong.gov.vn/p/home/dvc-trang-chu.html>." \
        in conference.content
    # a slug of at most 80 characters, cut at a word
    long = found["news/2025/ngay-20-3-ban-cong-tac-mat-tran-khu-dan-cu-so-5-phoi-hop-voi-chi-hoi-phu-nu-ra.md"]
    assert long["title"] == LONG_FIRST_LINE.split(". ")[0]
    assert long.content.startswith("Hơn 120 hội viên") and long["date"] == "2025-03-20 07:05"
    shared = next(p for p in found.values() if p["date"] == "2024-12-31 21:00")
    assert shared.content.endswith("Nguồn: <https://hanoimoi.vn/dan-van-kheo-123.html>")
    assert "Ã" not in json.dumps([p.metadata for p in found.values()], ensure_ascii=False)

    # A second run over the same export adds nothing, and says so.
    before = snapshot(ward / "content")
    again = ward_news("import", "facebook", str(export), "--category", "Hoạt động Mặt trận", cwd=ward)
    assert again.returncode == 0 and "Đã nhập 0 bài" in again.stdout and "Bỏ qua 4 bài đã nhập" in again.stdout
    assert snapshot(ward / "content") == before

    checked = ward_news("check", "--format", "json", cwd=ward)
    assert checked.returncode == 0, checked.stdout
    assert [p for p in json.loads(checked.stdout) if p["severity"] == "error"] == []
    built = ward_news("build", cwd=ward)
    assert built.returncode == 0, built.stderr
    page = BeautifulSoup((ward / "site/tin-tuc/hoi-nghi-tong-ket-cong-tac-mat-tran-nam-2024/index.html")
                         .read_text("utf-8"), "lxml")
    assert page.h1.get_text(strip=True) == "Hội nghị tổng kết công tác Mặt trận năm 2024"
    assert page.find("time")["datetime"].startswith("2025-01-09T15:30:00+07:00")
    text = page.select_one("article.wn-article").get_text(" ")
    assert "*đoàn kết* là sức mạnh_của chúng ta <3" in " ".join(text.split())
    assert page.select_one("article.wn-article a[href^='https://dichvucong.gov.vn']") is not None
    assert len(page.select("article.wn-article img")) >= 2


def test_an_unpacked_folder_reads_the_same_and_a_link_out_of_it_is_refused(tmp_path, ward):
    folder = write_export(tmp_path / "unpacked", {"posts/profile_posts_1.json": [
        post("2025-05-01 08:00", "Ra quân vệ sinh môi trường\nSáng nay các tổ dân phố ra quân.",
             photos=["posts/media/a.jpg", "posts/media/ngoai.jpg"])]}, {"posts/media/a.jpg": jpeg(4)}, as_zip=False)
    secret = tmp_path / "bi-mat.jpg"
    secret.write_bytes(jpeg(5))
    (folder / "posts/media/ngoai.jpg").symlink_to(secret)
    done = ward_news("import", "facebook", str(folder), "--category", "An sinh xã hội", cwd=ward)
    assert done.returncode == 0, done.stderr
    assert "Không đọc “posts/media/ngoai.jpg”" in done.stderr
    photos = sorted(p.name for p in (ward / "content/news/2025").glob("*.jpg"))
    assert photos == ["ra-quan-ve-sinh-moi-truong-1.jpg"]


def test_not_an_export_is_a_clear_error(tmp_path, ward):
    (tmp_path / "a.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    refused = ward_news("import", "facebook", str(tmp_path / "a.zip"), "--category", "An sinh xã hội", cwd=ward)
    assert refused.returncode == 1 and "Không thấy tệp bài đăng" in refused.stderr
    unknown = ward_news("import", "facebook", str(tmp_path / "a.zip"), "--category", "Thể thao", cwd=ward)
    assert unknown.returncode == 1 and "Không có chuyên mục “Thể thao”" in unknown.stderr


def test_facebook_s_mangled_text_reads_back_as_vietnamese():
    assert unmangle(mangle("Phường Hòa Bình – “đoàn kết” 🇻🇳")) == "Phường Hòa Bình – “đoàn kết” 🇻🇳"
    assert unmangle("Phường Hòa Bình") == "Phường Hòa Bình"  # already proper: kept
    assert unmangle(mangle("Ho\u0300a Bi\u0300nh")) == "Hòa Bình"  # NFC


@pytest.mark.parametrize("name, safe", [("posts/a.json", "posts/a.json"), ("a/../b.jpg", "b.jpg"),
                                        ("../a.jpg", None), ("a/../../b", None), ("/etc/passwd", None),
                                        ("C:/x.jpg", None), ("..\\x.jpg", None)])
def test_paths_that_leave_the_export_are_refused(name, safe):
    assert safe_member(name) == safe


def test_titles_hashtags_and_paragraphs():
    assert split_title(["📢 THÔNG BÁO:", "Lịch tiêm chủng tháng 6."]) == ("THÔNG BÁO", ["Lịch tiêm chủng tháng 6."])
    title, rest = split_title(["a " * 100])
    assert len(title) <= 150 and title.endswith("…") and rest == ["a " * 100]
    assert hashtags("#MTTQ #mttq #tổ_dân_phố_5 số #5 a#b") == ["MTTQ", "tổ dân phố 5"]
    title, body, tags = post_to_article("Tiêu đề\n# không phải tiêu đề\n> không phải trích dẫn #TAG")
    assert body == "\\# không phải tiêu đề\n\n\\> không phải trích dẫn" and tags == ["TAG"]
