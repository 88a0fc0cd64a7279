"""The `ward-news` command line: build keeps the old site on failure, check's exit codes, new."""

import json
import subprocess
import sys

import frontmatter

from tests.conftest import CATEGORIES, article, make_site, write_files


def ward_news(*args, cwd):
    command = [sys.executable, "-c", "from generator.cli.main import cli; cli()", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def snapshot(path):
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_build_replaces_the_site_only_when_complete(tmp_path):
    root = make_site(tmp_path, {"content/news/a.md": article(title="Bản cũ")})
    first = ward_news("build", cwd=root)
    assert first.returncode == 0, first.stderr
    assert "Đã dựng xong" in first.stdout
    before = snapshot(root / "site")
    write_files(root, {"content/news/b.md": article(date="2026-02-30")})
    failed = ward_news("build", cwd=root)
    assert failed.returncode == 1
    assert "content/news/b.md:3: lỗi: Ngày “2026-02-30” không hợp lệ" in failed.stderr
    assert "vẫn được giữ nguyên" in failed.stderr
    assert snapshot(root / "site") == before
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site.tmp")]
    assert leftovers == []
    write_files(root, {"content/news/b.md": article(title="Bản mới", date="2026-02-01")})
    second = ward_news("build", cwd=root)
    assert second.returncode == 0
    assert "Bản mới" in (root / "site" / "tin-tuc" / "b" / "index.html").read_text("utf-8")


def test_build_options_site_dir_and_site_url(tmp_path):
    root = make_site(tmp_path, {"content/news/a.md": article()})
    result = ward_news("build", "--site-dir", "public", "--site-url", "https://mttq.xa.vn/", cwd=root)
    assert result.returncode == 0, result.stderr
    html = (root / "public" / "tin-tuc" / "a" / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://mttq.xa.vn/tin-tuc/a/">' in html
    assert not (root / "site").exists()


def test_mkdocs_build_gives_the_same_pages_as_ward_news_build(tmp_path):
    root = make_site(tmp_path, {"content/news/a.md": article(), "content/pages/lien-he.md": "---\ntitle: Liên hệ\n---\nx"})
    assert ward_news("build", "--site-dir", "one", cwd=root).returncode == 0
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "two"], cwd=root, check=True,
                   env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    one, two = snapshot(root / "one"), snapshot(root / "two")
    assert one == two  # the search index and sitemaps included
    assert "pagefind/pagefind.js" in one and "sitemaps/trang.xml" in one


def test_check_exit_codes(tmp_path):
    root = make_site(tmp_path, {"content/news/a.md": article(categroy="x")})
    warning_only = ward_news("check", cwd=root)
    assert warning_only.returncode == 0
    assert "content/news/a.md:5: cảnh báo: Trường “categroy” không được dùng" in warning_only.stdout
    write_files(root, {"content/news/b.md": article(category="Không có")})
    failing = ward_news("check", cwd=root)
    assert failing.returncode == 1
    assert failing.stdout.strip().endswith("Tìm thấy 1 lỗi và 1 cảnh báo trong 2 tệp. Trang web chưa thể đăng cho đến khi sửa hết lỗi.")


def test_check_does_not_write_anything(tmp_path):
    root = make_site(tmp_path, {"content/news/a.md": article()})
    before = sorted(p.as_posix() for p in root.rglob("*"))
    assert ward_news("check", cwd=root).returncode == 0
    assert sorted(p.as_posix() for p in root.rglob("*")) == before


def test_new_writes_a_valid_article(tmp_path):
    root = make_site(tmp_path, {"content/categories.yml": CATEGORIES})
    result = ward_news("new", "Hội nghị tổng kết công tác Mặt trận năm 2026", "--category", "hoat dong mat tran",
                       "--author", "CHÍ NGUYÊN", cwd=root)
    assert result.returncode == 0, result.stderr
    path = root / result.stdout.strip()
    assert path.name == "hoi-nghi-tong-ket-cong-tac-mat-tran-nam-2026.md" and path.parent.parent.name == "news"
    post = frontmatter.load(path)
    assert post["title"] == "Hội nghị tổng kết công tác Mặt trận năm 2026"
    assert post["category"] == "Hoạt động Mặt trận" and post["author"] == "CHÍ NGUYÊN"
    # Untouched, it is refused at the sample sentence's line, with what to do.
    untouched = ward_news("check", cwd=root)
    line = path.read_text("utf-8").splitlines().index(post.content.strip()) + 1
    assert untouched.returncode == 1, untouched.stdout
    assert f"{path.relative_to(root).as_posix()}:{line}" in untouched.stdout and "chữ mẫu" in untouched.stdout
    assert "Thay dòng này bằng nội dung bài" in untouched.stdout
    post.content = "Sáng 9/1, Ủy ban MTTQ phường tổ chức hội nghị tổng kết."
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    assert ward_news("check", cwd=root).returncode == 0
    again = ward_news("new", "Hội nghị tổng kết công tác Mặt trận năm 2026", "--category", "hoat-dong", cwd=root)
    assert again.returncode == 1 and "Đã có tệp" in again.stderr


def test_new_writes_a_150_character_title_on_one_line(tmp_path):
    root = make_site(tmp_path, {"content/categories.yml": CATEGORIES})
    title = ("Ủy ban MTTQ Việt Nam phường Hòa Bình phối hợp các đoàn thể tổ chức trao 150 suất quà Tết, "
             "thăm hỏi hộ cận nghèo: “ấm áp nghĩa tình” #2026")
    title = title + " " + "x" * (150 - len(title) - 1)
    assert len(title) == 150
    result = ward_news("new", title, "--category", "An sinh xã hội", cwd=root)
    assert result.returncode == 0, result.stderr
    lines = (root / result.stdout.strip()).read_text("utf-8").splitlines()
    title_lines = [i for i, line in enumerate(lines) if line.startswith("title:")]
    assert len(title_lines) == 1 and lines[title_lines[0] + 1].startswith("date:")  # nothing folded onto line 2
    assert frontmatter.load(root / result.stdout.strip())["title"] == title
    checked = ward_news("check", "--format", "json", cwd=root)  # the front matter is right; the body is new's sample
    assert [p["code"] for p in json.loads(checked.stdout)] == ["body.placeholder"]


def test_new_refuses_an_unknown_category_with_a_suggestion(tmp_path):
    root = make_site(tmp_path, {})
    result = ward_news("new", "Bài mới", "--category", "An sinh xa hoii", cwd=root)
    assert result.returncode == 1
    assert "Có phải ý bạn là “An sinh xã hội”?" in result.stderr
    assert not (root / "content" / "news").exists()


def test_a_killed_build_leaves_the_site_as_it_was(tmp_path):
    import signal
    import time

    files = {f"content/news/bai-{i:03d}.md": article(title=f"Bài {i}", date="2026-01-02") for i in range(250)}
    root = make_site(tmp_path, files)
    assert ward_news("build", cwd=root).returncode == 0
    before = snapshot(root / "site")
    write_files(root, {"content/news/bai-000.md": article(title="Đổi tiêu đề", date="2026-01-02")})
    build = subprocess.Popen([sys.executable, "-c", "from generator.cli.main import cli; cli()", "build"], cwd=root,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(root.glob(".site.tmp-*/tin-tuc")):
        time.sleep(0.05)  # wait until it is writing pages
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert list(root.glob(".site.tmp-*")), "the build should have been killed mid-way"
    assert snapshot(root / "site") == before
    assert ward_news("build", cwd=root).returncode == 0
    assert list(root.glob(".site.tmp-*")) == []  # the next build sweeps the abandoned folder
    assert "Đổi tiêu đề" in (root / "site" / "tin-tuc" / "bai-000" / "index.html").read_text("utf-8")


def test_a_write_that_fails_leaves_the_site_as_it_was_and_says_why(tmp_path):
    import resource
    import signal

    root = make_site(tmp_path, {"content/news/a.md": article()})
    assert ward_news("build", cwd=root).returncode == 0
    before = snapshot(root / "site")
    write_files(root, {"content/news/a.md": article(title="Bản mới")})

    def small_disk():  # every file the build writes may hold 64 KB: the theme's CSS cannot be copied
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))

    result = subprocess.run([sys.executable, "-c", "from generator.cli.main import cli; cli()", "build"], cwd=root,
                            capture_output=True, text=True, timeout=300, preexec_fn=small_disk)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "Không ghi được trang web mới: tệp vượt quá kích thước được phép ghi" in result.stderr
    assert "vẫn được giữ nguyên" in result.stderr
    assert snapshot(root / "site") == before
    assert list(root.glob(".site.tmp-*")) == []
