"""Front matter and YAML files, read as hostile input, with a line number for every key.

PyYAML's composer gives nodes with marks; we turn them into `YNode`s ourselves so that
every value keeps its line, aliases are refused (no "billion laughs" expansion), YAML 1.1
surprises are avoided (`no` stays a word, dates stay text for our own date parser), and
duplicate keys are reported instead of silently overwritten.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import ProblemLog

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NODES = 20_000
MAX_DEPTH = 40
MAX_YAML_CHARS = 512_000
#: Below this many characters YAML cannot nest deep enough to trouble libyaml or its (recursive,
#: C) composer: every level of nesting takes at least one character. Longer text is walked
#: event by event first (see `_too_deep`), which stops at the first level past MAX_DEPTH.
SHALLOW_YAML_CHARS = 4_000
#: A number written with more characters than this is kept as the text typed: YAML 1.1 reads
#: `0x…` and `1:2:3:…` as integers, which can grow past what Python will print or take seconds
#: to compute. No figure or field an officer writes is that long.
MAX_NUMBER_CHARS = 100

#: YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (pasted from Word or
#: the web), which would put every later line number past the officer's. Read as spaces, as
#: one-line text reads any run of whitespace, so a value is the same and the lines stay the editor's.
_YAML_ONLY_BREAKS = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})
_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$", re.M)  # searched in the whole text, from line 2
# Possessive `++`: the key's characters (spaces included) are never given back to `\s*`, which
# would retry every split of a long run of spaces (quadratic time on one long line, no colon).
_YAMLISH = re.compile(r"^(\s|-\s|-$|#|$|[\"']?[\w .\-]++[\"']?\s*:(\s|$))")


@dataclass
class YNode:
    """A YAML value with its 1-based line in the officer's file."""

    kind: str  # "scalar" | "mapping" | "sequence"
    value: Any  # plain scalar, dict[str, YNode] or list[YNode]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    end_line: int | None = None  # for front matter: the closing `---`, where a missing key belongs
    raw: str | None = None  # for scalars: the text as written (`0243766201`, not the number 243766201)

    def text(self) -> str:
        """A scalar as the officer typed it: numbers keep their leading zeros."""
        if isinstance(self.value, (int, float)) and not isinstance(self.value, bool) and self.raw is not None:
            return self.raw
        return str(self.value)

    def plain(self) -> Any:
        if self.kind == "mapping":
            return {k: v.plain() for k, v in self.value.items()}
        if self.kind == "sequence":
            return [v.plain() for v in self.value]
        return self.value

    def describe(self) -> str:
        """What an officer wrote, in words ("một danh sách"), for type errors."""
        if self.kind == "mapping":
            return "một nhóm trường con"
        if self.kind == "sequence":
            return "một danh sách"
        if self.value is None:
            return "để trống"
        if isinstance(self.value, bool):
            return "giá trị đúng/sai"
        if isinstance(self.value, (int, float)):
            return f"số {self.value}"
        return f"chữ “{self.value}”"


@dataclass(frozen=True)
class Document:
    """A Markdown file split into its front matter (or None) and its body."""

    meta: YNode | None
    body: str
    body_line: int  # 1-based line where the body starts
    has_front_matter: bool


def split_document(text: str, path: str, log: ProblemLog, lenient_keys: frozenset[str] = frozenset()) -> Document | None:
    """Split `---` front matter from the body; None (with a problem logged) when it cannot be read."""
    lines = text.split("\n")
    if not lines or not _OPEN.match(lines[0]):
        return Document(meta=None, body=text, body_line=1, has_front_matter=False)
    close = _CLOSE.search(text, len(lines[0]) + 1)  # one scan in C, not a match per line
    if close is not None:
        index = text.count("\n", 0, close.start())
        yaml_text = "\n".join(lines[1:index])
        meta = parse_yaml(yaml_text, path, log, first_line=2, lenient_keys=lenient_keys)
        if meta is None:
            return None
        if meta.kind == "scalar" and meta.value is None:
            meta = YNode("mapping", {}, 1)
        if meta.kind != "mapping":
            log.add("frontmatter.not_mapping", path, meta.line, found=meta.describe())
            return None
        meta.end_line = index + 1
        return Document(meta=meta, body="\n".join(lines[index + 1:]), body_line=index + 2, has_front_matter=True)
    log.add("frontmatter.unclosed", path, _probable_end(lines), opened=1)
    return None


def _probable_end(lines: list[str]) -> int:
    """The first line that cannot be front matter: where the closing `---` is most likely missing."""
    for index in range(1, len(lines)):
        if not _YAMLISH.match(lines[index]):
            return index + 1
    return len(lines)


def parse_yaml(
    text: str, path: str, log: ProblemLog, first_line: int = 1, lenient_keys: frozenset[str] = frozenset()
) -> YNode | None:
    """Parse one YAML document into YNodes; None with a problem logged when it cannot be used.

    `lenient_keys` are one-line text fields, read as the text the officer typed (see
    `quote_text_lines`) instead of failing or being cut short as YAML would.
    """
    offset = first_line - 1
    if len(text) > MAX_YAML_CHARS:
        log.add("yaml.too_large", path, first_line, limit=f"{MAX_YAML_CHARS:,}".replace(",", "."))
        return None
    text = text.translate(_YAML_ONLY_BREAKS)
    if lenient_keys:
        text = quote_text_lines(text, lenient_keys)
    if len(text) > SHALLOW_YAML_CHARS:
        refused = _too_deep(text)
        if refused is not None:
            code, line = refused
            limit = MAX_DEPTH if code == "yaml.too_deep" else f"{MAX_NODES:,}".replace(",", ".")
            log.add(code, path, line + 1 + offset, limit=limit)
            return None
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        _report_yaml_error(exc, text, path, log, offset)
        return None
    except (yaml.YAMLError, RecursionError) as exc:  # pragma: no cover - unmarked errors are rare
        log.add("yaml.syntax", path, first_line, problem=str(exc).split("\n")[0], hint="")
        return None
    finally:
        loader.dispose()
    if root is None:
        return YNode("scalar", None, first_line)
    builder = _Builder(loader, path, log, offset)
    try:
        return builder.build(root, depth=0)
    except _Refused:
        return None


def _too_deep(text: str) -> tuple[str, int] | None:
    """The problem code and 0-based line of the first value nested deeper than MAX_DEPTH or
    past MAX_NODES values (keys not counted, as in `_Builder.build`), read from libyaml's events
    without building anything; None when there is none, or when the YAML is broken (the
    composer then reports where).

    libyaml composes nodes recursively in C: a few tens of thousands of `[` or `- ` crash the
    interpreter (a segfault, not an exception), and its flow-level bookkeeping takes quadratic
    time in the depth. Stopping at the first value past a limit keeps both small.
    """
    count = 0
    open_collections: list[list] = []  # [is a mapping, children seen]: keys and values alternate
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                open_collections.pop()
            elif isinstance(event, yaml.NodeEvent):
                parent = open_collections[-1] if open_collections else None
                if parent is not None:
                    is_key = parent[0] and parent[1] % 2 == 0
                    parent[1] += 1
                else:
                    is_key = False
                if len(open_collections) > MAX_DEPTH:
                    return "yaml.too_deep", event.start_mark.line
                if not is_key:
                    count += 1
                    if count > MAX_NODES:
                        return "yaml.too_large", event.start_mark.line
                if isinstance(event, yaml.CollectionStartEvent):
                    open_collections.append([isinstance(event, yaml.MappingStartEvent), 0])
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


class _Refused(Exception):
    """Internal: stop building a hostile document (the problem is already logged)."""


class _Builder:
    def __init__(self, loader, path: str, log: ProblemLog, offset: int):
        self.loader, self.path, self.log, self.offset = loader, path, log, offset
        self.count = 0
        self.seen: set[int] = set()

    def line(self, node) -> int:
        return node.start_mark.line + 1 + self.offset

    def build(self, node, depth: int) -> YNode:
        self.count += 1
        if depth > MAX_DEPTH:
            self.log.add("yaml.too_deep", self.path, self.line(node), limit=MAX_DEPTH)
            raise _Refused
        if self.count > MAX_NODES:
            self.log.add("yaml.too_large", self.path, self.line(node), limit=f"{MAX_NODES:,}".replace(",", "."))
            raise _Refused
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.seen:  # the composer shares a node only through an alias
                self.log.add("yaml.alias", self.path, self.line(node))
                raise _Refused
            self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return YNode("sequence", [self.build(item, depth + 1) for item in node.value], self.line(node))
        return YNode("scalar", self.scalar(node), self.line(node), raw=node.value)

    def build_mapping(self, node, depth: int) -> YNode:
        values: dict[str, YNode] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *alias`
                self.log.add("yaml.alias", self.path, self.line(key_node))
                raise _Refused
            if not isinstance(key_node, yaml.ScalarNode):
                self.log.add("yaml.key.type", self.path, self.line(key_node), key="…")
                continue
            key = str(self.scalar(key_node)).strip()
            if key in values:
                self.log.add("yaml.key.duplicate", self.path, self.line(key_node), key=key, first_line=key_lines[key])
                continue
            key_lines[key] = self.line(key_node)
            values[key] = self.build(value_node, depth + 1)
        return YNode("mapping", values, self.line(node), key_lines)

    def scalar(self, node) -> Any:
        tag = node.tag
        raw = node.value
        if tag == "tag:yaml.org,2002:bool":
            lowered = raw.lower()
            return {"true": True, "false": False}.get(lowered, raw)  # `yes`/`no`/`on` stay words
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:null"):
            if len(raw) > MAX_NUMBER_CHARS:
                return raw
            try:
                return self.loader.construct_object(node)
            except (ValueError, yaml.YAMLError):
                return raw
        return raw  # str, timestamp (parsed by our date rules) and anything else


_SYNTAX_HINTS = [
    (
        "mapping values are not allowed",
        "dấu hai chấm “:” nằm ở chỗ không được phép",
        "Nếu giá trị có dấu hai chấm (ví dụ giờ 08:30 hoặc “Hội nghị: tổng kết”), đặt cả giá trị trong ngoặc kép.",
    ),
    ("tab character", "có ký tự Tab", "Dùng dấu cách thay cho phím Tab để thụt đầu dòng."),
    ("'\\t'", "có ký tự Tab", "Dùng dấu cách thay cho phím Tab để thụt đầu dòng."),
    ("could not find expected ':'", "thiếu dấu hai chấm “:” sau tên trường", "Mỗi dòng có dạng tên: giá trị."),
    (
        "quoted scalar",
        "dấu ngoặc kép chưa được đóng",
        "Kiểm tra mỗi giá trị mở bằng dấu ngoặc kép thì phải đóng lại bằng dấu ngoặc kép trên cùng dòng.",
    ),
    ("expected ',' or ']'", "danh sách trong ngoặc vuông chưa đóng hoặc thiếu dấu phẩy", "Ví dụ: tags: [an sinh, trao quà]"),
    ("expected ',' or '}'", "nhóm trong ngoặc nhọn chưa đóng hoặc thiếu dấu phẩy", "Ví dụ: {label: Phần quà, value: 2500}"),
    (
        "expected <block end>",
        "thụt đầu dòng không đều",
        "Các trường chính bắt đầu sát lề trái; các mục con thụt vào cùng một số dấu cách.",
    ),
    (
        "did not find expected key",
        "thụt đầu dòng không đều",
        "Các trường chính bắt đầu sát lề trái; các mục con thụt vào cùng một số dấu cách.",
    ),
    (
        "did not find expected '-' indicator",
        "thụt đầu dòng của danh sách không đều",
        "Các mục “- ” của cùng một danh sách phải thẳng hàng.",
    ),
    (
        "cannot start any token",
        "giá trị bắt đầu bằng một ký tự đặc biệt",
        "Đặt cả giá trị trong ngoặc kép, ví dụ: title: \"@Phường Hòa Bình\"",
    ),
]


_INDENTED_KEY = re.compile(r"^\s++[\w .\-\"']++:(\s|$)")  # possessive: linear on long lines


def _report_yaml_error(exc: yaml.MarkedYAMLError, text: str, path: str, log: ProblemLog, offset: int) -> None:
    problem = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        mark = exc.context_mark  # the quote that was opened, not the end of the file
        problem = "quoted scalar"
    line = (mark.line + 1 + offset) if mark is not None else offset + 1
    if "alias" in problem or "anchor" in problem:
        log.add("yaml.alias", path, line)
        return
    if mark is not None:  # a Tab in the indent, whatever YAML made of it (often "mapping values")
        source_lines = text.split("\n")
        for index in (mark.line, mark.line - 1):
            if 0 <= index < len(source_lines):
                indent = source_lines[index][: len(source_lines[index]) - len(source_lines[index].lstrip())]
                if "\t" in indent:
                    log.add("yaml.syntax", path, index + 1 + offset, problem=_SYNTAX_HINTS[1][1], hint=_SYNTAX_HINTS[1][2])
                    return
    if "mapping values are not allowed" in problem and mark is not None:
        source_lines = text.split("\n")
        if mark.line < len(source_lines) and _INDENTED_KEY.match(source_lines[mark.line]):
            problem = "expected <block end>"  # a key indented under a plain value
    if "mapping values are not allowed" in problem and mark is not None:
        quoted = _quoted_fix(text.split("\n"), mark.line)
        if quoted:
            log.add("yaml.syntax", path, line, problem=_SYNTAX_HINTS[0][1],
                    hint=f"Đặt cả giá trị trong ngoặc kép, ví dụ: {quoted}")
            return
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in problem:
            log.add("yaml.syntax", path, line, problem=message, hint=hint)
            return
    log.add(
        "yaml.syntax",
        path,
        line,
        problem=problem or "không đọc được",
        hint="Kiểm tra dấu hai chấm, dấu ngoặc kép và thụt đầu dòng ở dòng này.",
    )


# The value runs to the end of the line and is stripped in code: a lazy `.*?` before `\s*$`
# would take quadratic time on a value with a long run of spaces inside it.
_PLAIN_PAIR = re.compile(r"^(?P<key>[A-Za-z_][\w\-]*):\s+(?P<value>[^\"'\s].*)$")


def _quoted_fix(lines: list[str], index: int) -> str | None:
    """`caption: Trao quà. Ảnh: PV` → `caption: "Trao quà. Ảnh: PV"`: the fix, spelled out."""
    if index >= len(lines):
        return None
    match = _PLAIN_PAIR.match(lines[index])
    if not match:
        return None
    value = match["value"].rstrip().replace("\\", "\\\\").replace('"', '\\"')
    return f'{match["key"]}: "{value}"'


_TEXT_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w\-]*):[ \t]+(?P<value>\S.*)$")  # value stripped in code
_NEEDS_QUOTES = re.compile(r":\s|:$|\s#|^[@`%!&*|>?]|^- |^-$")


def quote_text_lines(text: str, keys: frozenset[str]) -> str:
    """Quote one-line text values that YAML would misread, keeping every line where it was.

    Officers write `image_caption: Trao quà. Ảnh: PV` (a colon), `title: Tổ dân phố #5 ra quân`
    (YAML drops everything after ` #`), `title: "Dân vận khéo" tiêu biểu` (text after a quoted
    phrase) or start a value with `@`. For the keys given, such a top-level line is rewritten as
    one double-quoted string. Flow lists (`[a, b]`) and unclosed quotes are left for the normal
    checks to report.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _TEXT_LINE.match(line)
        if not match or match["key"] not in keys:
            continue
        value = match["value"].rstrip(" \t")
        if value[0] in "[{":
            continue
        if value[0] in "\"'":
            closing = _closing_quote(value)
            if closing is None or not value[closing + 1:].strip() or value[closing + 1:].lstrip().startswith("#"):
                continue  # unclosed (reported as such) or one proper quoted string
        elif not _NEEDS_QUOTES.search(value):
            continue
        lines[index] = f"{match['key']}: {json.dumps(value, ensure_ascii=False)}"
    return "\n".join(lines)


def _closing_quote(value: str) -> int | None:
    quote = value[0]
    index = 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1:index + 2] == "'":
                index += 2  # '' is an escaped quote in single-quoted YAML
                continue
            return index
        index += 1
    return None


def article_text(metadata: dict, body: str) -> str:
    """An article file: front matter in the order given, every value on one line however long
    (the officers' guide asks for one line per field; YAML would fold a long title at 80
    columns), then the body."""
    import frontmatter  # python-frontmatter: only writers need it

    post = frontmatter.Post(body, **metadata)
    return frontmatter.dumps(post, allow_unicode=True, sort_keys=False, width=1_000_000) + "\n"
