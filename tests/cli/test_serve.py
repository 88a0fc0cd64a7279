"""`ward-news serve` for real: start it, edit an article, see the new headline served."""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import article, make_site, write_files


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        body = fetch(url)
        if body and text in body:
            return time.monotonic() - started
        time.sleep(0.1)
    return None


@contextlib.contextmanager
def serving(root):
    """`ward-news serve` on a free port in `root`; yields the base URL."""
    port = free_port()
    log = open(root / "serve.log", "w")  # a file, not a pipe: nobody reads it while it runs
    server = subprocess.Popen(
        [sys.executable, "-c", "from generator.cli.main import cli; cli()", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_serve_rebuilds_an_edited_article(tmp_path):
    files = {f"content/news/bai-{i}.md": article(title=f"Bài số {i}", date=f"2026-01-{i + 1:02d}") for i in range(30)}
    root = make_site(tmp_path, files)
    with serving(root) as base:
        url = f"{base}tin-tuc/bai-7/"
        assert wait_for(url, "Bài số 7", 60) is not None, "serve did not come up"
        time.sleep(1.5)  # let the watcher settle before the edit
        write_files(root, {"content/news/bai-7.md": article(title="Tiêu đề đã sửa", date="2026-01-08")})
        assert wait_for(url, "Tiêu đề đã sửa", 30) is not None, "the edit was not served"
        listing = "".join(fetch(f"{base}{p}") or "" for p in ("tin-tuc/", "tin-tuc/trang/2/", "tin-tuc/trang/3/"))
        assert "Tiêu đề đã sửa" in listing and "Bài số 7" not in listing
        untouched = fetch(f"{base}tin-tuc/bai-3/")
        assert untouched and "Bài số 3" in untouched


def test_serve_drops_the_page_of_a_deleted_article(tmp_path):
    root = make_site(tmp_path, {"content/news/giu-lai.md": article(title="Giữ lại"),
                                "content/news/se-xoa.md": article(title="Sẽ xóa", date="2026-02-01")})
    with serving(root) as base:
        gone = f"{base}tin-tuc/se-xoa/"
        assert wait_for(gone, "Sẽ xóa", 60) is not None
        time.sleep(1.5)
        (root / "content" / "news" / "se-xoa.md").unlink()
        started = time.monotonic()
        while time.monotonic() - started < 30 and "Sẽ xóa" in (fetch(gone) or ""):
            time.sleep(0.1)
        assert "Sẽ xóa" not in (fetch(gone) or "")
        assert "Sẽ xóa" not in (fetch(f"{base}tin-tuc/") or "Sẽ xóa")


def test_a_body_edit_is_rendered_alone_and_exactly_as_a_whole_rebuild(tmp_path):
    files = {f"content/news/bai-{i}.md": article(title=f"Bài số {i}", date=f"2026-01-{i + 1:02d}") for i in range(30)}
    root = make_site(tmp_path, files)
    with serving(root) as base:
        url = f"{base}tin-tuc/bai-27/"
        assert wait_for(url, "Bài số 27", 60) is not None, "serve did not come up"
        time.sleep(1.5)
        path = root / "content/news/bai-27.md"
        with open(path, "a", encoding="utf-8") as handle:  # a correction at the end: the summary stays
            handle.write("\nĐính chính: 152 phần quà.\n")
        assert wait_for(url, "Đính chính: 152 phần quà.", 30) is not None, "the edit was not served"
        assert wait_for(f"{base}feed.xml", "Đính chính: 152 phần quà.", 30) is not None, "the feed kept the old body"
        time.sleep(0.5)
        quick = fetch(url)
        log = (root / "serve.log").read_text(encoding="utf-8")
        assert log.count("Đã dựng lại 1 trang (chỉ nội dung bài thay đổi).") == 1, log
        # The same page from a whole build of the same files in a fresh folder, with no cache, once
        # the preview's reload script and the built page's Content-Security-Policy are set aside.
        fresh = tmp_path / "fresh"
        shutil.copytree(root / "content", fresh / "content")
        shutil.copy2(root / "mkdocs.yml", fresh / "mkdocs.yml")
        subprocess.run([sys.executable, "-c", "from generator.cli.main import cli; cli()", "build", "-q",
                        "--site-url", base], cwd=fresh, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        built = (fresh / "site/tin-tuc/bai-27/index.html").read_text(encoding="utf-8")
        built = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">', "", built)
        assert quick[:quick.rindex("<script>")] + "</body>\n</html>" == built


def test_serve_says_where_it_runs_and_how_to_stop_in_vietnamese(tmp_path):
    root = make_site(tmp_path, {"content/news/2026/trao-qua.md": article()})
    with serving(root) as base:
        assert wait_for(base, "Trao quà Tết", 60) is not None
        deadline = time.monotonic() + 10
        while "Ctrl+C" not in (root / "serve.log").read_text("utf-8") and time.monotonic() < deadline:
            time.sleep(0.1)
    log = (root / "serve.log").read_text("utf-8")
    port = base.rsplit(":", 1)[1].strip("/")
    assert f"Trang xem thử đang chạy tại http://127.0.0.1:{port}/" in log and "Nhấn Ctrl+C để dừng" in log
    assert "Serving on" not in log
