"""`ward-news build` shows what it is doing on a terminal, and only the summary in CI logs."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

from tests.conftest import article, make_site

CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]


def site(tmp_path):
    return make_site(tmp_path, {f"content/news/2026/bai-{i}.md": article(title=f"Bài số {i}", date=f"2026-03-{i + 1:02d}")
                                for i in range(12)})


def on_a_terminal(command, cwd, env) -> str:
    """What a person at a terminal sees (a real pseudo-terminal, not a pipe)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(command, cwd=cwd, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed: the build ended
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=300) == 0, output.decode(errors="replace")
    os.close(master)
    return output.decode("utf-8", errors="replace")


def test_a_terminal_sees_the_build_move_then_the_summary(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"NO_MKDOCS_2_WARNING": "1"}
    seen = on_a_terminal([*CLI, "build"], site(tmp_path), env)
    counts = [(int(done), int(total)) for done, total in re.findall(r"\rTrang (\d+)/(\d+)", seen)]
    assert counts and counts[0][0] == 0 and counts[-1][0] == counts[-1][1] > 12  # from none to every page
    assert "Ảnh chia sẻ " in seen and "Tìm kiếm: xong" in seen
    summary = seen[seen.rindex("\x1b[K") + 3:]  # the line is cleared before the summary
    assert summary.startswith("Trang: dựng mới") and "Đã dựng xong" in summary


def test_ci_logs_get_the_summary_line_only(tmp_path):
    root = site(tmp_path)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", CI="true")
    for seen in (on_a_terminal([*CLI, "build"], root, env),  # CI=true, even on a terminal
                 subprocess.run([*CLI, "build"], cwd=root, capture_output=True, text=True, env=env).stderr):
        assert "\r" not in seen.replace("\r\n", "\n") and "Trang 0/" not in seen
        assert "Trang: dựng mới" in seen
