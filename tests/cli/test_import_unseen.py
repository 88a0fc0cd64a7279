"""An export nobody wrote a test for: a Page's year of posts drawn at random (fixed seed) in a
folder layout the other tests do not use, imported into a ward `init` just made. Every post with
text is an article with a proper Vietnamese title, dated by its post, with its photos; the ward
checks clean and builds."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import frontmatter

from tests.fixtures.facebook_export import jpeg, post, write_export

CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]
OPENINGS = ["Hội nghị", "THÔNG BÁO", "📢 Lịch tiếp công dân", "Ra quân", "Trao quà", "Tuyên truyền", "Chúc mừng",
            "Ủy ban MTTQ phường", "Khu dân cư số 4", "Chi hội Cựu chiến binh", "Đoàn thanh niên"]
MIDDLES = ["tổng kết công tác năm", "hướng dẫn cài đặt VNeID mức 2", "vệ sinh môi trường, khơi thông cống rãnh",
           "cho hộ nghèo, hộ cận nghèo đón Tết", "về phòng chống lừa đảo qua mạng", "Ngày hội Đại đoàn kết toàn dân tộc",
           "lấy ý kiến nhân dân về dự thảo", "hiến máu tình nguyện “Giọt hồng yêu thương”", "thu gom pin cũ — đổi cây xanh"]
SENTENCES = ["Sáng nay, đông đảo bà con nhân dân đã tham gia.", "Đồng chí Chủ tịch Ủy ban MTTQ phường phát biểu chỉ đạo.",
             "Tổng số tiền vận động được là 125.500.000 đồng.", "Thời gian: 7h30 thứ Bảy; địa điểm: nhà văn hóa tổ 5.",
             "Mọi ý kiến xin gửi về bộ phận một cửa: https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
             "Xin trân trọng cảm ơn các nhà hảo tâm! ❤️", "Bà con lưu ý mang theo căn cước công dân *bản gốc*."]
TAGS = ["#MTTQ", "#DaiDoanKet", "#an_sinh_xa_hoi", "#ChuyenDoiSo", "#PhuongHoaBinh"]


def draw_export(tmp_path, rng: random.Random):
    folder = "this_profile's_activity_across_facebook/posts/"
    posts, files, expected = {folder + "profile_posts_1.json": [], folder + "profile_posts_2.json": []}, {}, []
    for number in range(48):
        when = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        photos = []
        for index in range(rng.choice([0, 0, 1, 2, 3])):
            uri = f"{folder}media/Album_{number}/{number}_{index}_n.jpg"
            files[uri] = jpeg(number * 10 + index, size=(rng.randint(200, 900), rng.randint(200, 900)))
            photos.append(uri)
        kind = rng.random()
        target = posts[folder + f"profile_posts_{1 + number % 2}.json"]
        if kind < 0.1 and photos:
            target.append(post(when, None, photos=photos))  # a photo alone
            continue
        if kind < 0.15:
            target.append({"timestamp": post(when)["timestamp"], "data": [{"update_timestamp": 1}]})
            continue
        first = f"{rng.choice(OPENINGS)} {rng.choice(MIDDLES)}"
        lines = [first] + rng.sample(SENTENCES, rng.randint(1, 4)) + [" ".join(rng.sample(TAGS, rng.randint(0, 3)))]
        target.append(post(when, "\n".join(lines), photos=photos))
        expected.append((when, len(photos)))
    return write_export(tmp_path / "facebook-phuong-hoa-binh.zip", posts, files, top="facebook-phuonghoabinh/"), expected


def test_an_unseen_export_after_init_becomes_a_site(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CI"}

    def run(*args, cwd):
        return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)

    export, expected = draw_export(tmp_path, random.Random(20261205))
    made = run("init", "ward", "--name", "Phường Hòa Bình", "--requirement", "ward-news", "--site-url",
               "https://mttq-hoabinh.github.io/trang-tin/", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    ward = tmp_path / "ward"
    first_article = {p.name for p in (ward / "content/news").rglob("*.md")}
    done = run("import", "facebook", str(export), "--category", "Hoạt động Mặt trận", cwd=ward)
    assert done.returncode == 0, done.stderr

    imported = [frontmatter.load(p) for p in sorted((ward / "content/news").rglob("*.md")) if p.name not in first_article]
    assert len(imported) == len(expected) > 30
    assert sorted(p["date"] for p in imported) == sorted(when for when, _ in expected)
    for article in imported:
        assert not any(mark in article["title"] for mark in ("Ã", "Æ", "á»", "Ä")), article["title"]
        assert article["title"] == article["title"].strip() and 0 < len(article["title"]) <= 150
        assert "#" not in article["title"] and "#" not in article.content
    photos = [p for p in (ward / "content/news/2025").glob("*.jpg")]
    assert len(photos) == sum(count for _, count in expected)

    checked = run("check", "--format", "json", cwd=ward)
    errors = [p for p in json.loads(checked.stdout) if p["severity"] == "error"]
    assert checked.returncode == 0 and errors == [], errors
    built = run("build", cwd=ward)
    assert built.returncode == 0, built.stderr
    pages = [p for p in (ward / "site/tin-tuc").glob("*/index.html") if p.parent.name != "trang"]
    assert len(pages) == len(expected) + 1  # and init's first article
