"""Every word `ward-news` prints is Vietnamese, Click's own included (generator/cli/click_vi.py).

The catalog is checked against the installed Click's source, so a Click upgrade that adds a message
fails here, naming it; the commands are then run the ways officers get them wrong.
"""

import ast
import importlib
import re
import string
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator import __version__
from generator.cli import click_vi
from generator.cli.main import cli

CLICK_SOURCE = Path(click.__file__).parent
# `_()` calls whose argument is not a literal, and the msgid they pass: Option.get_help_record
# translates `extra["required"]`, which get_help_extra sets to "required".
NON_LITERAL = {"extra['required']": "required"}


def click_msgids():
    """The msgids in Click's source: (singular msgids, ngettext pairs, calls this test cannot read)."""
    singles, pairs, unreadable = set(), set(), []
    for path in sorted(CLICK_SOURCE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("_", "ngettext"):
                continue
            args = node.args[:2] if node.func.id == "ngettext" else node.args[:1]
            if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                if node.func.id == "_":
                    singles.add(args[0].value)
                else:
                    pairs.add((args[0].value, args[1].value))
            elif node.func.id == "_" and ast.unparse(args[0]) in NON_LITERAL:
                singles.add(NON_LITERAL[ast.unparse(args[0])])
            else:
                unreadable.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return singles, pairs, unreadable


def test_the_catalog_has_every_click_msgid():
    singles, pairs, unreadable = click_msgids()
    assert not unreadable, f"Click translates a computed string: add its msgid to NON_LITERAL: {unreadable}"
    missing = sorted(singles - click_vi.CATALOG.keys()) + sorted(map(repr, pairs - click_vi.PLURALS.keys()))
    assert not missing, f"Click msgids without Vietnamese in generator/cli/click_vi.py: {missing}"


def test_install_covers_every_click_module_that_translates():
    binding = set()
    for path in CLICK_SOURCE.glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        if any(isinstance(n, ast.ImportFrom) and n.module == "gettext" for n in tree.body):
            binding.add(path.stem)
    assert binding - {"_winconsole"} == set(click_vi.MODULES) - {"_winconsole"}
    click_vi.install()
    for name in click_vi.MODULES:
        module = importlib.import_module(f"click.{name}")
        assert module._ is click_vi.gettext
        assert getattr(module, "ngettext", click_vi.ngettext) is click_vi.ngettext


def placeholders(text):
    fields = {(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text)
              if name is not None}
    return fields, sorted(re.findall(r"%\(\w+\)s", text))


def test_translations_keep_the_placeholders():
    pairs = list(click_vi.CATALOG.items())
    for (singular, plural), (one, several) in click_vi.PLURALS.items():
        pairs += [(singular, one), (plural, several)]
    wrong = [(english, vi) for english, vi in pairs if placeholders(english) != placeholders(vi)]
    assert not wrong


def english_fragments():
    """The fixed words of Click's English messages (the text between placeholders), and the
    usage line's own words: none may reach an officer."""
    messages = [e for e, v in click_vi.CATALOG.items() if e != v]
    messages += [e for pair in click_vi.PLURALS for e in pair]
    fragments = {"[OPTIONS]", "COMMAND", "[ARGS]"}
    for message in messages:
        for literal, *_ in string.Formatter().parse(re.sub(r"%\(\w+\)s", "{}", message)):
            fragments.update(f for f in re.split(r"[\n\t]", literal.strip(" '(")) if len(f.strip()) >= 5)
    return fragments


ENGLISH = english_fragments()


def run(*args):
    result = CliRunner().invoke(cli, list(args), prog_name="ward-news")
    leaked = sorted(f for f in ENGLISH if f in result.output)
    assert not leaked, f"English in `ward-news {' '.join(args)}`: {leaked}\n{result.output}"
    return result


def test_the_fragments_catch_click_english():
    assert {"Usage:", "Show this message and exit.", "Missing option", "No such option", "for help.",
            "Options", "Commands", "Error:", "is not one of", "does not exist.", "[OPTIONS]"} <= ENGLISH


def test_group_help():
    result = run("--help")
    assert result.exit_code == 0
    for words in ("Cách dùng: ward-news [TÙY CHỌN] LỆNH [THAM SỐ]...", "Tùy chọn:", "Lệnh:",
                  "--version  Hiện phiên bản rồi thoát.", "--help     Hiện hướng dẫn này rồi thoát."):
        assert words in result.output


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_help(name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert result.output.startswith(f"Cách dùng: ward-news {name} [TÙY CHỌN]")
    assert "Tùy chọn:" in result.output and "Hiện hướng dẫn này rồi thoát." in result.output
    metavars = re.findall(r"^  (?:-\w, )?--[\w-]+ (\S+)", result.output, re.M)
    assert not [m for m in metavars if re.fullmatch(r"[A-Z]+", m)]  # TEXT, FILE, DIRECTORY...
    for param in cli.commands[name].params:
        assert param.help, f"ward-news {name}: {param.name} has no help"


def test_help_extras():
    new = run("new", "--help").output
    assert "Tham số:\n  TIÊU-ĐỀ  Tiêu đề bài viết" in new
    assert "--category CHỮ" in new and "[bắt\u00a0buộc]" in new
    assert "--content THƯ-MỤC" in new and "-f, --config-file TỆP" in new
    assert "[mặc định: text]" in run("check", "--help").output


@pytest.mark.parametrize(("args", "message"), [
    (["new", "Tiêu đề"], "Lỗi: Thiếu tùy chọn '--category'."),
    (["new", "--category", "x"], "Lỗi: Thiếu tham số 'TIÊU-ĐỀ'."),
    (["new", "a", "b", "--category", "x"], "Lỗi: Có tham số thừa (b)"),
    (["check", "--x"], "Lỗi: Không có tùy chọn '--x'."),
    (["check", "--formt", "json"], "Lỗi: Không có tùy chọn '--formt'. Có phải ý bạn là '--format'?"),
    (["check", "--format", "x"],
     "Lỗi: Giá trị không hợp lệ cho '--format': 'x' không phải một trong các giá trị 'text', 'github', 'json'."),
    (["build", "--content", "khong-co"],
     "Lỗi: Giá trị không hợp lệ cho '--content': Thư mục 'khong-co' không tồn tại."),
    (["chek"], "Lỗi: Không có lệnh 'chek'. Có phải ý bạn là 'check'?"),
])
def test_mistakes(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    command = " ".join(["ward-news", *args[:1]]) if args[0] in cli.commands else "ward-news"
    assert f"Cách dùng: {command} [TÙY CHỌN]" in result.output
    assert f"Xem '{command} --help' để biết cách dùng." in result.output
    assert message in result.output


def test_an_option_without_its_value():
    result = run("check", "--format")
    assert result.exit_code == 2 and result.output == "Lỗi: Tùy chọn '--format' cần một giá trị.\n"


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"ward-news, phiên bản {__version__}\n"


def test_interrupted():
    @click.command()
    def interrupted():
        raise KeyboardInterrupt

    result = CliRunner().invoke(interrupted)
    assert result.exit_code == 1 and result.output.strip() == "Đã hủy!"
