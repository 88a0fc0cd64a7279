"""`ward-news serve` for real: start it, edit an article, see the new headline served."""

import os
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


def test_serve_rebuilds_an_edited_article(tmp_path):
    files = {f"content/news/bai-{i}.md": article(title=f"Bài số {i}", date=f"2026-01-{i + 1:02d}") for i in range(30)}
    root = make_site(tmp_path, files)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from generator.cli.main import cli; cli()", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        url = f"http://127.0.0.1:{port}/tin-tuc/bai-7/"
        assert wait_for(url, "Bài số 7", 60) is not None, "serve did not come up"
        time.sleep(1.5)  # let the watcher settle before the edit
        write_files(root, {"content/news/bai-7.md": article(title="Tiêu đề đã sửa", date="2026-01-08")})
        assert wait_for(url, "Tiêu đề đã sửa", 30) is not None, "the edit was not served"
        index = fetch(f"http://127.0.0.1:{port}/tin-tuc/trang/3/") or fetch(f"http://127.0.0.1:{port}/tin-tuc/trang/2/")
        assert index is not None
        listing = "".join(fetch(f"http://127.0.0.1:{port}/{p}") or "" for p in ("tin-tuc/", "tin-tuc/trang/2/", "tin-tuc/trang/3/"))
        assert "Tiêu đề đã sửa" in listing and "Bài số 7" not in listing
        untouched = fetch(f"http://127.0.0.1:{port}/tin-tuc/bai-3/")
        assert untouched and "Bài số 3" in untouched
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
