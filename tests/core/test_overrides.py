"""Untouched copies of the packaged theme in a ward's overrides/ (left by copying the whole
repository) are named, with the advice to delete them; edited copies and the ward's own files are not."""

import subprocess
import sys

from generator.core.overrides import check_override_copies, fingerprint, packaged_versions
from generator.core.problems import ProblemLog
from tests.conftest import REPO, write_files

THEME = REPO / "generator" / "theme"


def test_every_packaged_theme_file_has_its_current_version_recorded():
    """Fails when a theme file changed without `python tools/record_theme_history.py`."""
    known = packaged_versions()
    for file in THEME.rglob("*"):
        if file.is_file():
            name = file.relative_to(THEME).as_posix()
            assert fingerprint(file.read_bytes()) in known.get(name, ()), f"{name}: run tools/record_theme_history.py"


def test_untouched_copies_are_warned_about_and_edited_or_own_files_are_not(tmp_path):
    article = (THEME / "ward/article.html").read_bytes()
    main = (THEME / "main.html").read_bytes()
    write_files(tmp_path, {
        "overrides/ward/article.html": article,  # copied as it is
        "overrides/main.html": main.replace(b"\n", b"\r\n"),  # copied, saved on Windows
        "overrides/partials/header.html": (THEME / "partials/header.html").read_bytes() + b"<!-- sua -->\n",  # edited
        "overrides/assets/phuong.css": b".a { color: red; }\n",  # the ward's own
        "overrides/ward/home.html": article,  # another template's text under this name: the ward's choice
    })
    log = ProblemLog()
    check_override_copies(tmp_path / "overrides", tmp_path, log)
    assert [(p.code, p.path, p.line, p.is_error) for p in log.problems] == [
        ("theme.override.copy", "overrides/main.html", None, False),
        ("theme.override.copy", "overrides/ward/article.html", None, False)]
    assert "Xóa tệp này" in log.problems[0].hint


def test_check_names_the_copies_left_from_copying_the_repository(tmp_path):
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: X\ndocs_dir: content\ntheme:\n  name: material\n  custom_dir: overrides\n"
                      "plugins:\n  - ward-news\n",
        "content/site.yml": "name: Phường X\n",
        "overrides/partials/logo.html": (THEME / "partials/logo.html").read_bytes(),
    })
    done = subprocess.run([sys.executable, "-c", "from generator.cli.main import cli; cli()", "check"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr  # a warning: nothing is blocked
    assert "overrides/partials/logo.html: cảnh báo:" in done.stdout and "[theme.override.copy]" in done.stdout
