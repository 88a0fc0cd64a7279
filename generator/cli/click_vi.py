"""Click's own words in Vietnamese: officers read only Vietnamese, and Click prints English ("Usage:", "Error: ...").

Click marks its messages with gettext (`_()` and `ngettext()`, bound as module globals when each module is
imported) but ships no Vietnamese catalog, and gettext would pick a language from the officer's locale
anyway. `install()` rebinds those names to lookups in the catalog below; `localize()` translates what Click
builds without gettext (the usage line's "[OPTIONS]", the types' metavars such as TEXT). A msgid missing
from the catalog falls back to Click's English; tests/cli/test_click_vietnamese.py fails on one.
"""

from __future__ import annotations

import importlib
import sys

import click


class _Noun(str):
    """A path kind ("thư mục"): Click writes `name.title()` at the start of a sentence
    ("Directory 'x' does not exist."), which in Vietnamese must capitalise only the first syllable."""

    def title(self) -> str:
        return self[:1].upper() + self[1:]


CATALOG: dict[str, str] = {
    # Help pages and the usage line.
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "required": "bắt\u00a0buộc",  # a no-break space: "[bắt buộc]" must not wrap across two lines
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tính khi chạy)",
    "deprecated": "lỗi thời",
    "Confirm the action without prompting.": "Xác nhận luôn, không hỏi lại.",
    "Do you want to continue?": "Bạn có muốn tiếp tục không?",
    # Mistakes on the command line.
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem '{command} {option}' để biết cách dùng.",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu lệnh.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} nhận {nargs} giá trị.",
    "Invalid start character for option ({option})": "Ký tự đầu của tùy chọn không hợp lệ ({option})",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "unknown error": "lỗi không xác định",
    "Aborted!": "Đã hủy!",
    # Values the types reject.
    "file": _Noun("tệp"),
    "directory": _Noun("thư mục"),
    "path": _Noun("đường dẫn"),
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Choice({choices})": "Choice({choices})",  # a Python repr, for developers
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ ({number_type}).",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải là giá trị đúng/sai hợp lệ. Các giá trị được chấp nhận: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải là UUID hợp lệ.",
    # Prompts, the editor, the terminal.
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị vừa nhập không khớp nhau.",
    "Error: invalid input": "Lỗi: nhập không hợp lệ",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "{editor}: Editing failed": "{editor}: sửa không thành công",
    "{editor}: Editing failed: {e}": "{editor}: sửa không thành công: {e}",
    "d": " ngày",  # the progress bar's days left: "2 ngày 03:04:05"
    "Unknown color {colour!r}": "Không có màu {colour!r}",
    "Unknown standard stream '{name}'": "Không có luồng chuẩn '{name}'",
    "Windows error: {error}": "Lỗi Windows: {error}",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Không xác định được phiên bản Bash, không hỗ trợ tự điền lệnh.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Không hỗ trợ tự điền lệnh cho Bash cũ hơn 4.4.",
    # Deprecations and mistakes in the code, for developers.
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Cảnh báo: lệnh {name!r} đã lỗi thời.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Cảnh báo: {param_type} {name!r} đã lỗi thời.{extra_message}",
    "Could not determine name for option with declarations {decls!r}":
        "Không xác định được tên của tùy chọn khai báo bằng {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?":
        "Không khai báo tùy chọn nào nhưng lại có tên ({name}). Có phải ý bạn là khai báo một tham số? "
        "Hay ý bạn là '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Tham số chỉ nhận đúng một khai báo, nhưng có {length}: {decls}.",
    "Name '{name}' defined twice": "Tên '{name}' bị khai báo hai lần",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Tùy chọn bật/tắt {decl!r} không thể dùng cùng một cờ cho cả bật và tắt.",
}

# ngettext: (singular, plural) -> (Vietnamese for one, Vietnamese for several).
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Có tham số thừa ({args})", "Có các tham số thừa ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Có phải ý bạn là {possibility}?", "(Có phải ý bạn là một trong: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("Tùy chọn {name!r} cần một giá trị.", "Tùy chọn {name!r} cần {nargs} giá trị."),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Cần {nargs} giá trị nhưng chỉ có 1.", "Cần {nargs} giá trị nhưng có {len}."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} không phải là {choice}.", "{value!r} không phải một trong các giá trị {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} không đúng định dạng {format}.", "{value!r} không đúng định dạng nào trong {formats}."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("Cần {len_type} giá trị, nhưng có {len_value}.", "Cần {len_type} giá trị, nhưng có {len_value}."),
}

# What Click writes without gettext: the defaults of `options_metavar` and `subcommand_metavar`,
# and the metavar of an option's type (`type.name.upper()`).
USAGE_METAVARS = {
    "[OPTIONS]": "[TÙY CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [THAM SỐ]...",
    "[COMMAND] [ARGS]...": "[LỆNH] [THAM SỐ]...",
    "COMMAND1 [ARGS]... [COMMAND2 [ARGS]...]...": "LỆNH1 [THAM SỐ]... [LỆNH2 [THAM SỐ]...]...",
    "[COMMAND1] [ARGS]... [COMMAND2 [ARGS]...]...": "[LỆNH1] [THAM SỐ]... [LỆNH2 [THAM SỐ]...]...",
}
TYPE_METAVARS = {"text": "CHỮ", "integer": "SỐ-NGUYÊN", "float": "SỐ"}

# The Click modules that bind `_` (and some `ngettext`); _winconsole imports only on Windows.
MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion", "termui", "types",
           "utils", "_termui_impl") + (("_winconsole",) if sys.platform == "win32" else ())


def gettext(message: str) -> str:
    return CATALOG.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    one, several = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else several


def install() -> None:
    """Make Click speak Vietnamese. Call it before `version_option` runs: it looks its message and help up
    when the command is declared (so does click.Path its name, which `localize()` then fixes)."""
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


def localize(command: click.Command) -> None:
    """Vietnamese usage line and metavars for a command and its subcommands (Click takes them from
    attributes, not gettext). Also translates click.Path names declared before `install()` ran."""
    command.options_metavar = USAGE_METAVARS.get(command.options_metavar, command.options_metavar)
    if isinstance(command, click.Group):
        command.subcommand_metavar = USAGE_METAVARS.get(command.subcommand_metavar, command.subcommand_metavar)
        for subcommand in command.commands.values():
            localize(subcommand)
    for param in command.params:
        if isinstance(param.type, click.Path):
            param.type.name = gettext(param.type.name)
        if isinstance(param, click.Option) and param.metavar is None and not param.is_flag:
            if isinstance(param.type, click.Path):
                param.metavar = param.type.name.upper().replace(" ", "-")  # THƯ-MỤC, as git's Vietnamese
            elif param.type.name in TYPE_METAVARS:
                param.metavar = TYPE_METAVARS[param.type.name]
