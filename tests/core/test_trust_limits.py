"""Every input ends as pages or problems: what used to give a traceback, or take minutes, is a
Vietnamese problem at its file and line, found by `check` as by `build`, in seconds."""

from __future__ import annotations

import os

import pytest

from tests.cli.test_cli import ward_news
from tests.conftest import article, make_site
from tests.core.test_load import load

REPORT_HEAD = "---\ntitle: Báo cáo năm 2025\nyear: 2025\ndate: 2026-01-10\nindicators:\n  - group: An sinh\n    items:\n"

#: name -> (files under content/, the problem code expected, the path and line it is at)
CASES = {
    "expires at the end of the calendar": (
        {"news/2026/a.md": article(expires="9999-12-31")}, None, None),
    "a figure that is not a number (.nan)": (
        {"reports/2025.md": REPORT_HEAD + "      - {label: Quà, value: 10, previous: .nan}\n---\nVăn bản.\n"},
        "report.item.number", ("reports/2025.md", 8)),
    "a target of infinity (.inf)": (
        {"reports/2025.md": REPORT_HEAD + "      - {label: Quà, value: .inf}\n---\nVăn bản.\n"},
        "report.item.number", ("reports/2025.md", 8)),
    "U+FFFF in a body": (
        {"news/2026/a.md": article(body="Đoạn một.\n\nĐoạn \uffff hai.")}, "file.binary", ("news/2026/a.md", 8)),
    "U+FFFE in a title": (
        {"news/2026/a.md": article(title="Hội nghị \ufffe")}, "file.binary", ("news/2026/a.md", 2)),
    "a 2 MB body": (
        {"news/2026/a.md": article(body=("Đoạn văn dài. " * 60 + "\n\n") * 2500)}, "file.too_large",
        ("news/2026/a.md", 1)),
    "a title with 3,000 combining marks": (
        {"news/2026/a.md": article(title="Tin" + "\u0301" * 3000)}, "text.combining", ("news/2026/a.md", 2)),
    "a list nested 250 deep": (
        {"news/2026/a.md": article(body="\n".join("    " * n + "- mục" for n in range(250)))}, "text.nesting",
        ("news/2026/a.md", 23)),
    "quotations nested 250 deep": (
        {"news/2026/a.md": article(body=">" * 250 + " trích")}, "text.nesting", ("news/2026/a.md", 6)),
    "one line of 12,000 [": (
        {"news/2026/a.md": article(body="[" * 12_000)}, "text.line_too_long", ("news/2026/a.md", 6)),
    "one line of 5,000 [": (
        {"news/2026/a.md": article(body="[" * 5_000)}, "text.markup_dense", ("news/2026/a.md", 6)),
    "10,000 unclosed <img": (
        {"news/2026/a.md": article(body="<img \n" * 10_000)}, "text.raw_images", ("news/2026/a.md", 306)),
    "3,000 tags": (
        {"news/2026/a.md": article(tags="".join(f"\n  - thẻ {n}" for n in range(3000)))},
        "article.tags.too_many", ("news/2026/a.md", 5)),
    "a slug of 300 characters": (
        {"news/2026/a.md": article(slug="a" * 300)}, "article.slug.too_long", ("news/2026/a.md", 5)),
}


@pytest.mark.parametrize("name", CASES)
def test_each_hostile_input_is_a_problem_at_its_line_never_a_traceback(tmp_path, name):
    files, code, where = CASES[name]
    result = load(tmp_path, files)
    found = {(p.code, p.path, p.line) for p in result.problems.problems}
    if code is None:
        assert result.ok and not result.problems.has_errors, found
    else:
        assert (code, "content/" + where[0], where[1]) in found, found


@pytest.mark.parametrize("name", ["U+FFFF in a body", "a title with 3,000 combining marks", "a list nested 250 deep",
                                  "one line of 12,000 [", "3,000 tags", "expires at the end of the calendar"])
def test_check_and_build_agree_on_each_and_neither_gives_a_traceback(tmp_path, name):
    files, code, where = CASES[name]
    (tmp_path / "ward").mkdir()
    root = make_site(tmp_path / "ward", {f"content/{rel}": text for rel, text in files.items()})
    check = ward_news("check", cwd=root)
    build = ward_news("build", cwd=root)
    for result in (check, build):
        output = result.stdout + result.stderr
        assert "Traceback" not in output, output[-3000:]
        assert result.returncode == (0 if code is None else 1), output[-3000:]
        if code is not None:
            assert f"[{code}]" in output
    if code is None:
        assert (root / "site/tin-tuc/a/index.html").is_file()


def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "ward").mkdir()
    root = make_site(tmp_path / "ward", {"content/news/2026/a.md": article()})
    with open(os.path.join(os.fsencode(root / "content/news/2026"), b"h\xf4i-ngh\xec.md"), "w") as handle:
        handle.write(article(title="Tên tệp Windows-1258"))
    result = ward_news("check", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "file.name_encoding" in result.stdout and "h\ufffdi-ngh\ufffd.md" in result.stdout


def test_a_dangling_link_and_a_loop_are_reported_in_vietnamese(tmp_path):
    content = {"news/2026/a.md": article()}
    (tmp_path / "content/news/2026").mkdir(parents=True)
    os.symlink(tmp_path / "content/news/2026/da-xoa.md", tmp_path / "content/news/2026/mat.md")
    os.symlink(tmp_path / "content/news/2026/vong.md", tmp_path / "content/news/2026/vong.md")
    result = load(tmp_path, content)
    messages = {p.path: p.message for p in result.problems.problems if p.code == "file.unreadable"}
    assert "tệp không còn ở đó" in messages["content/news/2026/mat.md"]
    assert "trỏ vòng quanh" in messages["content/news/2026/vong.md"]


def test_no_printed_problem_can_start_a_workflow_command_line(tmp_path):
    (tmp_path / "ward").mkdir()
    root = make_site(tmp_path / "ward", {"content/news/2026/a.md": article(),
                                         "content/news/2026/x\n::error file=pwn::owned.md": "---\ntitle: [\n"})
    for command in (("check",), ("check", "--format", "github"), ("build",)):
        result = ward_news(*command, cwd=root)
        lines = (result.stdout + result.stderr).splitlines()
        assert not any(line.startswith("::error file=pwn") for line in lines), lines


def test_images_in_every_form_the_build_reads_are_checked(tmp_path):
    body = ('Mở đầu.\n\n<image src="mot.jpg">\n\n![Lễ [2025] ở phường](hai.jpg)\n\n'
            "- Mục một\n\n    ![Ảnh ba][ba]\n\n    [ba]: ba.jpg\n")
    result = load(tmp_path, {"news/2026/a.md": article(body=body)})
    missing = sorted(p.message for p in result.problems.problems if p.code == "image.missing")
    assert len(missing) == 3 and all(any(n in m for m in missing) for n in ("mot.jpg", "hai.jpg", "ba.jpg")), missing


@pytest.mark.parametrize("front", ["title: Hội nghị\n \tsummary: Tổng kết năm", "title: Hội nghị\n\tdate: 2026-01-09"])
def test_a_tab_in_the_indent_is_named_as_a_tab(front):
    from generator.core.frontmatter import split_document
    from generator.core.problems import ProblemLog

    log = ProblemLog()
    split_document(f"---\n{front}\n---\nVăn bản.\n", "content/news/a.md", log)
    [problem] = log.problems
    assert (problem.code, problem.line) == ("yaml.syntax", 3) and "Tab" in problem.message, problem.format()
