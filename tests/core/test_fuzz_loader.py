"""Fuzzing the loader and validator (issue 10, "Trust").

Whatever bytes reach content/ (a half-saved file, a legacy Windows-1258 file, YAML written by
hand or pasted from anywhere), each file ends as a loaded page or as problems: every problem
has the file, a line number that exists in it and a Vietnamese message. Never a traceback,
and never minutes or gigabytes for one file.

The seed is fixed (`derandomize=True`, no example database), so CI runs the same inputs every
time. Most tests call the per-file path of `load_site` on bytes in memory; one goes through
`load_site` on a real content folder. The module prints how many inputs it ran and how long
they took (see `_tally`).
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
import time
import tracemalloc
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.core.frontmatter import MAX_DEPTH, parse_yaml
from generator.core.load import PAGE_TEXT_KEYS, REPORT_TEXT_KEYS, _ArticleChecker, _Reader, load_site
from generator.core.model import Category
from generator.core.problems import Problem, ProblemLog
from generator.core.rules.articles import KNOWN_KEYS
from generator.core.rules.categories import check_authors, check_categories
from generator.core.rules.crossfile import check_pages
from generator.core.rules.pages import check_page
from generator.core.rules.reports import check_report
from generator.core.rules.site_file import TEXT_KEYS as SITE_KEYS, check_site_file
from generator.core.settings import Settings
from generator.core.text import fold
from tests.conftest import CATEGORIES, article, to_cp1258

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)

#: One generated example may take this long (the slowest seen on two busy cores is far below).
DEADLINE = timedelta(seconds=2)
#: Examples per test; the module's total must stay at or above MIN_INPUTS (a test checks it).
RUNS = {
    "article_bytes": 500,
    "article_structures": 1200,
    "article_yaml_text": 800,
    "article_unicode": 400,
    "article_mutations": 800,
    "article_fields": 600,
    "report": 500,
    "yaml_files": 600,
    "page": 200,
    "load_site": 60,
}
MIN_INPUTS = 5_000


def fuzz(name: str):
    return settings(
        max_examples=RUNS[name], derandomize=True, database=None, deadline=DEADLINE, print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                               HealthCheck.large_base_example],
    )


# --- the fast path: one file's bytes through the same code load_site runs for it ---------------

_ROOT = Path(tempfile.mkdtemp(prefix="ward-news-fuzz-"))
for _folder in ("news/2026", "reports", "pages"):  # as on a real site: a missing folder hides some errors
    (_ROOT / "content" / _folder).mkdir(parents=True)
atexit.register(shutil.rmtree, _ROOT, True)
_SETTINGS = Settings(content_dir=_ROOT / "content", display_root=_ROOT)
_STATS = {"inputs": 0, "seconds": 0.0}


def _lookup() -> dict[str, Category]:
    log = ProblemLog()
    categories = check_categories(parse_yaml(CATEGORIES, "content/categories.yml", log), "content/categories.yml", log)
    assert not log.problems
    lookup = {}
    for category in categories:
        lookup[fold(category.name)] = category
        lookup[category.slug] = category
    return lookup


_CATEGORIES = _lookup()


@pytest.fixture(scope="module", autouse=True)
def _tally(request):
    """Counts every input fed to the loader and reports the total once the module is done."""
    started = time.perf_counter()
    yield
    _STATS["seconds"] = time.perf_counter() - started
    line = f"test_fuzz_loader: {_STATS['inputs']} inputs in {_STATS['seconds']:.1f} s"
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:  # pragma: no cover - pytest without its terminal
        print(line)
        return
    with capture.global_and_fixture_disabled():  # shown even when the output is captured
        reporter.ensure_newline()
        reporter.write_line(line)


def _reader(log: ProblemLog) -> _Reader:
    return _Reader(_SETTINGS, log)


def run_article(data: bytes, src_uri: str = "news/2026/bai-viet.md"):
    """(Article or None, problems, path): the per-file check load_site runs for news/**.md."""
    _STATS["inputs"] += 1
    reader = _reader(ProblemLog())
    checked = _ArticleChecker(reader, _CATEGORIES, TZ, None)._check(src_uri, data)
    return checked.article, checked.problems, reader.display(src_uri)


def run_report(data: bytes, src_uri: str = "reports/2025.md"):
    _STATS["inputs"] += 1
    log = ProblemLog()
    reader = _reader(log)
    path = reader.display(src_uri)
    doc = reader.document(src_uri, REPORT_TEXT_KEYS, data)
    report = check_report(src_uri, path, doc, log, TZ, _SETTINGS.content_dir) if doc is not None else None
    return report, log.problems, path


def run_page(data: bytes, src_uri: str = "pages/gioi-thieu.md"):
    _STATS["inputs"] += 1
    log = ProblemLog()
    reader = _reader(log)
    path = reader.display(src_uri)
    doc = reader.document(src_uri, PAGE_TEXT_KEYS, data)
    page = check_page(src_uri, path, doc, log) if doc is not None else None
    if page is not None:
        (page,) = check_pages([page], log) or (None,)
    return page, log.problems, path


def run_yaml_file(data: bytes, name: str):
    """site.yml, categories.yml or authors.yml: (what was read, problems, path)."""
    _STATS["inputs"] += 1
    log = ProblemLog()
    reader = _reader(log)
    path = reader.display(name)
    text = reader.text(name, data)
    root = parse_yaml(text, path, log) if text is not None else None
    if name == "site.yml":
        return check_site_file(root, path, _SETTINGS.content_dir, log), log.problems, path
    if name == "categories.yml":
        return check_categories(root, path, log), log.problems, path
    return check_authors(root, path, log), log.problems, path


# --- the invariant --------------------------------------------------------------------------------

_VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def line_count(data: bytes) -> int:
    return len(re.split(rb"\r\n|\r|\n", data))


def assert_outcome(data: bytes, outcome, problems: list[Problem], path: str, *, none_means_error: bool = True):
    """Loaded, or refused with reasons: each at this file, on a line it has, said in Vietnamese."""
    last = line_count(data) + 1  # a missing closing `---` is reported just past the last line
    for problem in problems:
        assert problem.path == path, problem
        assert isinstance(problem.line, int) and 1 <= problem.line <= last, (problem, last)
        assert problem.message.strip() and _VIETNAMESE.search(problem.message), problem
        assert problem.hint is None or problem.hint.strip(), problem
        assert problem.format().startswith(f"{path}:{problem.line}: ")
    errors = [p for p in problems if p.is_error]
    if none_means_error and outcome is None:
        assert errors, "refused without saying why"
    return errors


def assert_article(data: bytes, src_uri: str = "news/2026/bai-viet.md"):
    article, problems, path = run_article(data, src_uri)
    assert_outcome(data, article, problems, path)
    # (An article can come back beside an error the YAML reader found, a key written twice:
    # every field is still checked so that one run reports everything, and load_site refuses
    # the whole site on any error, so it is never published.)
    if article is not None:
        assert article.title and article.slug and article.category and article.date.tzinfo is not None
    return article, problems


def codes(problems) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in problems]


# --- ways to write bytes --------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "latin-1", "cp1252", "utf-32"]
NEWLINES = ["\n", "\r\n", "\r"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "cp1258":
        try:
            return to_cp1258(text)
        except UnicodeEncodeError:
            return text.encode("cp1258", errors="replace")
    return text.encode(encoding, errors="replace" if encoding in ("latin-1", "cp1252") else "surrogatepass")


@st.composite
def written(draw, text: str) -> bytes:
    """`text` as some officer's editor might have saved it."""
    newline = draw(st.sampled_from(NEWLINES + ["mixed"]))
    if newline == "mixed":
        lines = text.split("\n")
        text = "".join(line + draw(st.sampled_from(NEWLINES)) for line in lines[:-1]) + lines[-1]
    else:
        text = text.replace("\n", newline)
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ENCODINGS + ["mixed"]))
    if encoding == "mixed":  # one stretch re-saved in a legacy code page inside a UTF-8 file
        cut = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))
        legacy = draw(st.sampled_from(["cp1258", "latin-1", "utf-16-le"]))
        return text[: cut[0]].encode() + encode(text[cut[0]:cut[1]], legacy) + text[cut[1]:].encode()
    return encode(text, encoding)


def dump(value, **options) -> str:
    """YAML text of a generated value, by libyaml's emitter (the Python one is the slow part)."""
    return yaml.dump(value, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), **options)


# --- what officers write -------------------------------------------------------------------------

CATEGORY_NAMES = ["An sinh xã hội", "Chuyển đổi số", "Hoạt động Mặt trận", "hoat-dong", "an sinh xa hoi", "Khác"]
DATE_STRINGS = [
    "2026-01-09", "2026-01-09 08:30", "2026-01-09T08:30:00+07:00", "2026-1-9", "2026-02-30", "2025-13-01",
    "0000-01-01", "0001-01-01 00:00+14:00", "9999-12-31 23:59-14:00", "99999-01-01", "09/01/2026", "9.1.2026",
    "2026-01-09 25:00", "2026-01-09 08:30+15:00", "", " ", "hôm qua", "2026-01-09Z", "20260109",
]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40), st.sampled_from(DATE_STRINGS),
    st.dates(), st.datetimes(), st.binary(max_size=8), st.sampled_from(CATEGORY_NAMES),
    st.sampled_from(["yes", "no", "on", "off", "~", "null", "true", "False", ".inf", "-.nan", "0x1F", "0o17",
                     "1:30:00", "1_000", "2.500", "1,5", "250 triệu", "0243766201", "@PV", "*x", "&a", "!tag"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6) | st.sampled_from(KNOWN_KEYS),
                                                                       children, max_size=3),
    max_leaves=5,
)


def _good(key: str):
    """A value that is right for `key`, so that generated front matter often gets far."""
    return {
        "title": st.text(min_size=1, max_size=30), "date": st.sampled_from(DATE_STRINGS[:3]) | st.dates(),
        "category": st.sampled_from(CATEGORY_NAMES), "tags": st.lists(st.text(max_size=12), max_size=4),
        "draft": st.booleans(), "featured": st.booleans(),
        "slug": st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True),
        "source_url": st.sampled_from(["https://hanoimoi.vn/bai", "hanoimoi.vn", "javascript:alert(1)"]),
        "image": st.sampled_from(["anh.jpg", "../../etc/passwd", "/tmp/x.png", "https://x.vn/a.jpg", "C:\\anh.jpg"]),
    }.get(key, st.text(max_size=60))


OPTIONAL_KEYS = [key for key in KNOWN_KEYS if key not in ("title", "date", "category")] + ["tiêu đề", "tag", ""]


@st.composite
def front_matter(draw) -> dict:
    """The three required keys (usually right) and a few others (right or anything)."""
    meta = {key: draw(_good(key) | VALUES) for key in ("title", "date", "category")}
    for key in draw(st.lists(st.sampled_from(OPTIONAL_KEYS), max_size=4, unique=True)):
        meta[key] = draw(_good(key) | VALUES)
    if draw(st.integers(0, 9)) == 0:
        meta.pop(draw(st.sampled_from(["title", "date", "category"])))
    return meta


FRONT_MATTER = front_matter()
BODIES = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from([
        "Sáng 9/1, Ủy ban MTTQ phường đã trao 150 phần quà.", "", "# Tiêu đề", "## Mục", "![ảnh](anh.jpg)",
        "<script>alert(1)</script>", "<b onclick=x>đậm</b>", "[liên kết](javascript:alert(1))", "```", "---",
        "- mục", "1. mục", "| a | b |", "> trích", "\t thụt lề", "&amp; &#0; &#x110000;", "*" * 50, "[" * 50,
    ]), max_size=12).map("\n".join),
)


@st.composite
def article_texts(draw) -> str:
    meta = draw(FRONT_MATTER)
    dumped = dump(
        meta, allow_unicode=draw(st.booleans()), sort_keys=False,
        default_flow_style=draw(st.sampled_from([False, True, None])), width=draw(st.sampled_from([20, 80, 10**6])),
    )
    opener, closer = draw(st.sampled_from([("---", "---"), ("---", "..."), ("--- ", "---\t"), ("---", None),
                                           ("", "---"), ("\n---", "---")]))
    text = opener + "\n" + dumped + (closer + "\n" if closer is not None else "") + draw(BODIES)
    return text


YAML_PIECES = st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?~ \t\n.0123456789aố\u00a0\u2028\ufeff\x85")
                              + ["title", "date", ": ", "- ", "  ", "&a ", "*a", "<<", "!!str ", "\\u00e1"])


def yaml_text(max_size: int):
    return st.lists(YAML_PIECES, max_size=max_size).map("".join)


YAML_LINES = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(KNOWN_KEYS + ["x", "- x", "  - y", "? z"]), yaml_text(30))
        .map(lambda kv: f"{kv[0]}: {kv[1]}"),
        yaml_text(40),
        st.sampled_from(["---", "...", "- ", "  ", "\t", "&a [x]", "*a", "<<: *a", "!!binary |", "%YAML 1.1", "|",
                         ">-"]),
    ),
    max_size=14,
).map("\n".join)

VALID = article(tags="[an sinh, Tết]", author="CHÍ NGUYÊN")


# --- explicit inputs: each was asked for by the issue, some found crashes or hangs ------------------

TEN_MB = 10 * 1024 * 1024


def fm(*lines: str, body: str = "Nội dung bài.\n") -> str:
    return "---\n" + "\n".join(lines) + "\n---\n" + body


BASE = ("title: Trao quà Tết", "date: 2026-01-09", "category: An sinh xã hội")


def with_field(key: str, value: str) -> bytes:
    lines = [line for line in BASE if not line.startswith(f"{key}:")] + [f"{key}:{value}"]
    return fm(*lines).encode()


# --- the tests: articles ---------------------------------------------------------------------------

@fuzz("article_bytes")
@given(st.binary(max_size=600) | st.binary(max_size=200).map(lambda b: b"---\n" + b) |
       st.binary(max_size=200).map(lambda b: VALID.encode()[:60] + b + VALID.encode()[60:]))
@example(b"")
@example(b"\x00")
@example(b"---\n\x00title: a\n---\n")
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00-\x00-\x00-")
@example(VALID.encode("utf-16"))
@example(VALID.encode("utf-16-le"))
@example(VALID.encode("utf-16-be"))
@example(VALID.encode("utf-32"))
@example(to_cp1258(VALID))
@example(VALID.encode("latin-1", errors="replace"))
@example(VALID.encode()[:40] + to_cp1258("Phường Hòa Bình") + VALID.encode()[40:])
@example(b"\xef\xbb\xbf" + VALID.encode())
@example(b"\xef\xbb\xbf\xef\xbb\xbf" + VALID.encode())
@example(VALID.replace("\n", "\r\n").encode())
@example(VALID.replace("\n", "\r").encode())
@example(b"---\r\ntitle: a\rdate: 2026-01-09\r\n---\r")
def test_any_bytes_end_as_an_article_or_problems(data):
    assert_article(data)


@fuzz("article_structures")
@given(article_texts().flatmap(written))
@example(fm(*BASE, "tags:\n  - &a x\n  - *a").encode())
@example(fm(*BASE, "extra: &a {x: 1}", "more: *a").encode())
@example(fm(*BASE, "<<: {title: x}").encode())
@example(fm(*BASE, "tags: [*undefined]").encode())
@example(fm(*BASE, "\tsummary: tab").encode())
@example(fm("title:\tTrao quà", "date: 2026-01-09", "category:\tAn sinh xã hội").encode())
@example(fm(*BASE, "tags: !!python/object:os.system [ls]").encode())
@example(fm(*BASE, "draft: 0x" + "f" * 5000).encode())  # crashed: str() of a 6,000-digit int
@example(fm(*BASE, "0x" + "f" * 900 + ": x").encode())  # crashed: the same, as a key
@example(fm(*BASE, "summary: 1" + ":1" * 200_000).encode())  # took seconds: YAML 1.1 base-60 integers
def test_generated_front_matter_ends_as_an_article_or_problems(data):
    assert_article(data)


@fuzz("article_yaml_text")
@given(st.tuples(YAML_LINES, BODIES).map(lambda parts: "---\n" + parts[0] + "\n---\n" + parts[1]).flatmap(written))
@example(b"---\ntitle: a\n")  # never closed
@example(b"---\n")
@example(b"---")
@example(b"---\n---\n")
@example(b"---\n...\n")
@example(b"---\n- a\n- b\n---\n")
@example(b"---\njust text\n---\n")
@example(b"---\n\"unclosed\n---\n")
@example(b"---\n? [a, b]\n: c\n---\n")
@example(b"---\n[a, b]: c\n---\n")
@example(b"---\ntitle: a\ntitle: b\n---\n")
@example(b"---\n%YAML 1.1\n---\n---\n")
@example(b"---\ntitle: a\n---\nx\n---\n")
@example(("---\ntitle: a" + " " * 30_000 + "b\n---\n").encode())  # took seconds: lazy value regex
@example(("---\nsource: a" + " " * 30_000 + "b: c\n---\n").encode())  # the same, in the colon hint
@example(("---\na" + " " * 30_000 + "\n").encode())  # took seconds: looking for the missing `---`
@example(("---\ntitle: a\n" + " " * 20_000 + "a" * 20_000 + "+: c\n---\n").encode())  # indentation hint
@example(("---\ntitle: a\u2028date: 2026-01-09\n---\n").encode())
@example(("---\ntitle: a\x85b\n---\n").encode())
def test_yaml_as_typed_ends_as_an_article_or_problems(data):
    assert_article(data)


@fuzz("article_unicode")
@given(st.text(max_size=400) | st.text(max_size=300).map(lambda t: f"---\n{t}\n---\n{t}") |
       st.text(max_size=200).map(lambda t: fm(*BASE, f"title: {t}", body=t)) |
       st.text(max_size=200).map(lambda t: fm(f"title: {t}", "date: 2026-01-09", "category: An sinh xã hội", body=t)))
@example(fm("title: " + "Ư" * 10_000, *BASE[1:]))
@example(fm("title: \"" + "ệ" * 10_000 + "\"", *BASE[1:]))
@example(fm("title: 𝔗𝔯𝔞𝔬 🎉 ‮quà‬ \u200b\ufeff", *BASE[1:]))
@example(fm(*BASE, body="# " + "Trao quà Tết" + " " * 30_000 + "x\n"))  # took minutes: heading regex
@example(fm(*BASE, body="\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")))
def test_any_unicode_ends_as_an_article_or_problems(text):
    assert_article(text.encode("utf-8", errors="surrogatepass"))


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from([VALID, VALID.replace("\n", "\r\n"), fm(*BASE, "tags:\n  - a\n  - b")]))
                     .encode())
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "flip", "repeat"]))
        if action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=6) |
                                     st.sampled_from([b"---\n", b"\n", b":", b" #", b"\t", b"\"", b"[", b"{", b"\x00",
                                                      b"\xef\xbb\xbf", b"\xe1\xbb", b"\r"]))
        elif action == "delete":
            del data[where:where + draw(st.integers(1, 30))]
        elif action == "flip" and where < len(data):
            data[where] ^= 1 << draw(st.integers(0, 7))
        else:
            data[where:where] = data[where:where + draw(st.integers(1, 40))] * draw(st.integers(1, 5))
    return bytes(data)


@fuzz("article_mutations")
@given(mutated())
def test_damaged_articles_end_as_an_article_or_problems(data):
    assert_article(data)


@fuzz("article_fields")
@given(st.sampled_from(KNOWN_KEYS + ["tiêu đề", "Title", "date "]), st.one_of(
    VALUES.map(lambda v: " " + dump(v, allow_unicode=True, default_flow_style=True).rstrip("\n").removesuffix("\n...")),
    yaml_text(30).map(lambda t: " " + t),
    st.text(max_size=40).map(lambda t: " " + t),
))
def test_any_value_in_any_field(key, value):
    assert_article(with_field(key, value))


# --- the values the issue lists one by one, with what an officer is told -----------------------------

@pytest.mark.parametrize("value, expected", [
    (" an sinh, Tết", None),  # one line with commas: accepted as two tags
    (" 2025", None),  # a number is a word
    (" {a: 1}", "field.type"),
    (" [{a: 1}, b]", "field.type"),
    (" ~", None),
    ("", None),
    (" [[a]]", "field.type"),
    (" true", "field.type"),
    (" [true, null, 1.5]", "field.type"),
    (" " + ", ".join(["x"] * 10_000), None),
])
def test_tags_of_every_shape(value, expected):
    article, problems = assert_article(with_field("tags", value))
    errors = [p for p in problems if p.is_error]
    if expected is None:
        assert article is not None and not errors, problems
    else:
        assert article is None and {p.code for p in errors} == {expected}
        assert {p.line for p in errors} == {5}  # the tags line (flow lists stay on it)


@pytest.mark.parametrize("value, expected", [
    (" 2026-01-09", None),  # a YAML date: read by our own parser, as text
    (" 2026-01-09 08:30", None),
    (" 2026-01-09T08:30:00+07:00", None),  # a YAML timestamp
    (" \"2026-01-09\"", None),
    (" 20260109", "article.date.invalid"),  # int
    (" 2026.0109", "article.date.invalid"),  # float
    (" .nan", "article.date.invalid"),
    (" 1e400", "article.date.invalid"),
    (" true", "field.type"),  # bool
    (" null", "field.empty"),
    (" ~", "field.empty"),
    ("", "field.empty"),
    (" [2026-01-09]", "field.type"),
    (" {năm: 2026}", "field.type"),
    (" 2026-02-30", "article.date.invalid"),
    (" 0000-01-01", "article.date.invalid"),
    (" 0001-01-01 00:00+14:00", None),
    (" 9999-12-31 23:59-14:00", None),
    (" 99999-01-01", "article.date.invalid"),
    (" 1" + "0" * 5000 + "-01-01", "article.date.invalid"),
    (" 0x7EA", "article.date.invalid"),
    (" 1:30:00", "article.date.invalid"),  # YAML 1.1 base 60
    (" &d 2026-01-09", None),
    (" !!timestamp 2026-01-09", None),
    (" !!str 2026-01-09", None),
    (" 2026-01-09 08:30+15:00", "article.date.invalid"),
])
def test_dates_of_every_yaml_type(value, expected):
    article, problems = assert_article(with_field("date", value))
    errors = [p for p in problems if p.is_error]
    if expected is None:
        assert article is not None and not errors, problems
    else:
        assert article is None and {p.code for p in errors} == {expected}, problems
        assert {p.line for p in errors} == {4}  # the date line


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_pasted_line_separators_do_not_shift_line_numbers(separator):
    """Word and web pages paste U+2028; YAML (and str.splitlines) count it as a new line, the
    officer's editor does not."""
    data = fm(f"title: Trao{separator}quà", "date: 2026-01-32", "category: An sinh xã hội",
              body=f"ÄÄÛ{separator}ÄÄ\n").encode()
    article, problems = assert_article(data)
    assert article is None and codes(problems) == [("article.date.invalid", 3), ("file.garbled", 6)]
    data = fm(*BASE, f"title: Trao{separator}quà").encode()
    assert codes(assert_article(data)[1]) == [("yaml.key.duplicate", 5)]


@pytest.mark.parametrize("where", ["image", "body"])
def test_an_image_name_too_long_for_the_disk_is_a_problem(where):
    name = "ảnh-" * 100 + ".jpg"
    data = fm(*BASE, f"image: {name}").encode() if where == "image" else fm(*BASE, body=f"![ảnh]({name})\n").encode()
    article, problems = assert_article(data)
    assert article is None and [code for code, _ in codes(problems)] == ["image.missing"]


@pytest.mark.parametrize("data, expected", [
    (VALID.encode("utf-16"), ("file.utf16", 1)),  # with its BOM (Notepad's "Unicode")
    (VALID.encode("utf-16-le"), ("file.utf16", 1)),  # without
    (VALID.encode("utf-16-be"), ("file.utf16", 1)),
    (VALID.encode("utf-32"), ("file.utf16", 1)),
    (to_cp1258(VALID), ("file.encoding", 2)),  # the title is the first line with a Vietnamese letter
    (VALID.encode("latin-1", errors="replace"), ("file.encoding", 2)),
    (VALID.encode()[:60] + to_cp1258("Phường") + VALID.encode()[60:], ("file.encoding", 3)),  # UTF-8 and cp1258
    (VALID.encode()[:60] + b"\x00" + VALID.encode()[60:], ("file.binary", 3)),
    (b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode(), None),  # BOM and CRLF: fine
    (VALID.replace("\n", "\r").encode(), None),  # old Mac line ends: fine
    (unicodedata.normalize("NFD", VALID).encode(), None),
])
def test_encodings_are_named(data, expected):
    article, problems = assert_article(data)
    if expected is None:
        assert article is not None and not problems
    else:
        assert article is None and codes(problems) == [expected]


def test_a_date_with_year_zero_says_so():
    _, problems = assert_article(with_field("date", " 0000-01-01"))
    assert "năm 0" in problems[0].message


def test_a_file_name_without_letters_is_named_not_dropped():
    """`---.md` gave no slug and no problem: the article silently went missing from the site."""
    article, problems = assert_article(VALID.encode(), "news/---.md")
    assert article is None and codes(problems) == [("article.slug.from_name", 1)]
    assert assert_article(VALID.encode(), "news/🎉.md")[0] is None
    assert assert_article(VALID.encode(), "news/ảnh-đẹp.md")[0].slug == "anh-dep"


# --- hostile sizes and shapes ---------------------------------------------------------------------

def bounded(data: bytes, run=run_article, *, seconds: float = 6.0, megabytes: float = 250):
    """Runs one input, asserting the outcome and that time and memory stay bounded. Ten
    megabytes take under two seconds and 150 MB at most; tracemalloc slows the run down up to
    three times and CI machines are shared, so `seconds` is generous."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        outcome, problems, path = run(data)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_outcome(data, outcome, problems, path)
    assert elapsed < seconds, f"{elapsed:.1f} s"
    assert peak < megabytes * 1024 * 1024, f"{peak / 1024 / 1024:.0f} MB for {len(data) / 1024 / 1024:.0f} MB"
    return outcome, problems


@pytest.mark.parametrize("shape", ["one line", "many keys", "unclosed", "spaces", "list"])
def test_ten_megabytes_of_front_matter(shape):
    filler = {
        "one line": "title: " + "Trao quà " * (TEN_MB // 9),
        "many keys": "".join(f"k{i}: giá trị {i}\n" for i in range(TEN_MB // 20)),
        "unclosed": "title: " + "a" * TEN_MB,
        "spaces": "title: a" + " " * TEN_MB + "b",
        "list": "tags:\n" + "  - thẻ\n" * (TEN_MB // 9),
    }[shape]
    data = ("---\n" + filler + ("\n" if shape == "unclosed" else "\n---\nNội dung.\n")).encode()
    assert len(data) >= TEN_MB
    _, problems = bounded(data)
    assert [p.code for p in problems if p.is_error] == ["file.too_large"]  # bounded before it is decoded
    # Under the file's bound, the front matter has its own (rules/limits.py, frontmatter.py).
    small = ("---\n" + filler[:600_000] + ("\n" if shape == "unclosed" else "\n---\nNội dung.\n")).encode()
    _, problems = bounded(small)
    expected = "frontmatter.unclosed" if shape == "unclosed" else "yaml.too_large"
    assert [p.code for p in problems if p.is_error] == [expected]


@pytest.mark.parametrize("opener, closer", [("[", "]"), ("{", "}"), ("{a: ", "}"), ("- ", ""), ("[a: ", "]")])
@pytest.mark.parametrize("levels", [10_000, 100_000])
def test_deeply_nested_yaml_is_refused(opener, closer, levels):
    """100,000 `[` crashed the interpreter (libyaml composes recursively in C: a segfault)."""
    nested = opener * levels + "x" + closer * levels
    value = ("\n" if opener == "- " else " ") + nested  # a block list starts on the next line
    line = 6 if opener == "- " else 5
    for data in (fm(*BASE, "tags:" + value).encode(), fm(*BASE, "tags:" + value[: levels * len(opener)]).encode()):
        article, problems = bounded(data)
        assert article is None and codes(problems) == [("yaml.too_deep", line)]
    report, problems = bounded(("---\ntitle: Báo cáo\nyear: 2025\nindicators:" + value + "\n---\n").encode(),
                               run_report)
    assert report is None and codes(problems) == [("yaml.too_deep", line - 1)]
    _, problems = bounded(nested.encode(), lambda d: run_yaml_file(d, "categories.yml"))
    assert codes(problems) == [("yaml.too_deep", 1)]


@pytest.mark.parametrize("padding", ["", "summary: " + "Nội dung " * 600], ids=["short", "long"])
def test_nesting_just_within_the_limit_is_read(padding):
    """The same limit whether libyaml's events are walked first (long front matter) or not."""
    lines = [*BASE, padding] if padding else list(BASE)
    nested = "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1)  # the front matter itself is one level
    _, problems = bounded(fm(*lines, "tags: " + nested).encode())
    assert codes(problems) == [("field.type", len(lines) + 2)]  # a list of lists: a type mistake
    _, problems = bounded(fm(*lines, "tags: [" + nested + "]").encode())
    assert codes(problems) == [("yaml.too_deep", len(lines) + 2)]


def test_aliases_cannot_multiply_a_small_file():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    article, problems = bounded(fm(*BASE, *lines).encode(), seconds=1)
    assert article is None and [code for code, line in codes(problems) if line in (5, 6)] == ["yaml.alias"]


# --- reports, site.yml, categories.yml, authors.yml, pages ------------------------------------------

REPORT = """\
---
title: Tổng kết công tác Mặt trận năm 2025
year: 2025
date: 2026-01-09
indicators:
  - group: An sinh xã hội
    items:
      - {label: Phần quà vận động, value: 2500, unit: phần, previous: 2100, target: 2000}
      - {label: Giá trị quà, value: 250000000, unit: VND, note: gần}
---
Năm 2025, Mặt trận phường đã...
"""
ITEM = st.fixed_dictionaries(
    {"label": st.text(max_size=20) | VALUES},
    optional={"value": st.integers() | st.floats() | VALUES | st.sampled_from(["2.500", "1,5", "250 triệu"]),
              "unit": st.sampled_from(["VND", "%", "phần", "triệu", "vnđ", "percent"]) | VALUES,
              "previous": SCALARS, "target": SCALARS, "note": SCALARS, "màu": SCALARS},
)
GROUP = st.fixed_dictionaries({"group": st.text(max_size=20) | VALUES},
                               optional={"items": st.lists(ITEM | VALUES, max_size=4) | VALUES})
REPORT_META = st.fixed_dictionaries(
    {"title": st.text(max_size=40) | VALUES, "year": st.sampled_from([2025, "2025", 2024, 0, "0000", 25]) | VALUES,
     "indicators": st.lists(GROUP | VALUES, max_size=3) | VALUES},
    optional={"date": st.sampled_from(DATE_STRINGS) | VALUES, "summary": VALUES, "extra": VALUES},
)


@st.composite
def report_files(draw):
    if draw(st.integers(0, 4)) == 0:
        text = draw(st.tuples(YAML_LINES, BODIES).map(lambda parts: "---\n" + parts[0] + "\n---\n" + parts[1]))
    else:
        meta = dump(draw(REPORT_META), allow_unicode=True, sort_keys=False,
                    default_flow_style=draw(st.sampled_from([False, None])))
        text = "---\n" + meta + "---\n" + draw(BODIES)
    name = draw(st.sampled_from(["reports/2025.md", "reports/0000.md", "reports/9999.md", "reports/tong-ket.md",
                                 "reports/2025/2025.md"]))
    return draw(written(text)), name


@fuzz("report")
@given(report_files())
@example((REPORT.encode(), "reports/2025.md"))
@example((b"---\ntitle: T\nyear: 0000\nindicators:\n  - group: G\n    items: [{label: a, value: 1}]\n---\n",
          "reports/0000.md"))  # crashed: datetime(0, 12, 31) for the report's default date
@example((REPORT.replace("2500", "0x" + "f" * 5000).encode(), "reports/2025.md"))  # crashed: printing that int
@example((REPORT.replace("value: 2500", "value: 1" + ":1" * 100_000).encode(), "reports/2025.md"))
@example((b"---\nyear: 2025\nindicators: [[[[]]]]\n---\n", "reports/2025.md"))
@example((b"---\nyear: 2025\nindicators:\n  - &g {group: a, items: [{label: b, value: 1}]}\n  - *g\n---\n",
          "reports/2025.md"))
def test_any_report_ends_as_a_report_or_problems(case):
    data, src_uri = case
    report, problems, path = run_report(data, src_uri)
    assert_outcome(data, report, problems, path)


SITE_META = st.dictionaries(st.sampled_from(SITE_KEYS + ["social", "ten", ""]) | st.text(max_size=6),
                            VALUES | st.dictionaries(st.sampled_from(["facebook", "zalo", "x"]), SCALARS), max_size=6)
LIST_FILE = st.lists(st.text(max_size=20) | st.fixed_dictionaries(
    {"name": st.text(max_size=20) | VALUES}, optional={"slug": st.text(max_size=10) | VALUES, "description": VALUES,
                                                       "bio": VALUES}) | VALUES, max_size=6)


@st.composite
def yaml_files(draw):
    name = draw(st.sampled_from(["site.yml", "categories.yml", "authors.yml"]))
    how = draw(st.integers(0, 5))
    if how == 0:
        text = draw(YAML_LINES)
    elif how == 1:
        text = draw(st.text(max_size=200))
    else:
        value = draw(SITE_META if name == "site.yml" else LIST_FILE) if how > 2 else draw(VALUES)
        text = dump(value, allow_unicode=draw(st.booleans()), sort_keys=False,
                              default_flow_style=draw(st.sampled_from([False, True, None])))
    return draw(written(text)), name


@fuzz("yaml_files")
@given(yaml_files())
@example((b"", "site.yml"))
@example((b"", "categories.yml"))
@example((b"\x00", "authors.yml"))
@example((b"name: &n a\norganisation: *n\n", "site.yml"))
@example((b"social: {facebook: *x}\n", "site.yml"))
@example((b"social:\n  1: https://x.vn\n  null: ftp://y\n", "site.yml"))
@example((b"logo: ../../../etc/passwd\n", "site.yml"))
@example((b"- name: A\n  slug: 0x" + b"f" * 5000 + b"\n", "categories.yml"))
@example((b"- [a]\n- {name: [b]}\n- ~\n- true\n", "categories.yml"))
@example((b"- 1.5\n- .nan\n- 0x10\n", "authors.yml"))
@example((("- " + "x" * 10_000 + "\n").encode("utf-16"), "categories.yml"))
@example((b"title: \xe2\x80\xa8.", "site.yml"))  # U+2028: YAML's line 3 of a one-line file
@example((b"title: \xe2\x80\xa8\xe2\x80\xa8\ntitle: ", "authors.yml"))
def test_site_categories_and_authors_files(case):
    data, name = case
    read, problems, path = run_yaml_file(data, name)
    assert_outcome(data, read, problems, path, none_means_error=False)
    assert read is not None


@fuzz("page")
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode),
                 st.tuples(YAML_LINES, BODIES).map(lambda p: ("---\n" + p[0] + "\n---\n" + p[1]).encode())))
@example(b"# " + b" " * 30_000 + b"x\n")  # took minutes: the heading regex
@example(b"#\n\nGi\xe1\xbb\x9bi thi\xe1\xbb\x87u\n")
@example(b"\xe2\x80\xa8\xe2\x80\xa8\xc3\x84\xc3\x84\xc3\x9b")  # a garbled-text warning on line 3 of 1
@example(b"---\ntitle: [a]\n---\n# Trang\n")
def test_any_page_ends_as_a_page_or_problems(data):
    page, problems, path = run_page(data)
    assert_outcome(data, page, problems, path)


def test_a_page_heading_keeps_the_lines_below_it_in_place():
    page, problems, _ = run_page("# Giới thiệu\n\nĐoạn một.\n".encode())
    assert page.title == "Giới thiệu" and page.body.split("\n")[2] == "Đoạn một." and not problems


# --- the whole loader, on a real folder ----------------------------------------------------------

FILE_NAMES = st.sampled_from(["bai-viet", "Trao quà Tết", "---", "🎉", "a.b", "x" * 200, "2026/bai", "CON", "a b"])


@st.composite
def content_folders(draw) -> dict[str, bytes]:
    files = {"categories.yml": draw(st.sampled_from([CATEGORIES.encode()]) | yaml_files().map(lambda c: c[0]))}
    if draw(st.booleans()):
        files["site.yml"] = draw(yaml_files())[0]
    if draw(st.booleans()):
        files["authors.yml"] = draw(yaml_files())[0]
    for _ in range(draw(st.integers(1, 3))):
        data = draw(st.one_of(st.just(VALID.encode()), mutated(), article_texts().flatmap(written)))
        files[f"news/{draw(FILE_NAMES)}.md"] = data
    if draw(st.booleans()):
        data, name = draw(report_files())
        files[name] = data
    if draw(st.booleans()):
        files["pages/gioi-thieu.md"] = draw(st.binary(max_size=100) | st.just("# Giới thiệu\n".encode()))
    return files


@fuzz("load_site")
@given(content_folders())
@example({"categories.yml": CATEGORIES.encode(), "news/bai-viet.md": VALID.encode(),
          "reports/2025.md": REPORT.encode(), "site.yml": "name: Phường Hòa Bình\n".encode()})
@example({"categories.yml": b"- [" * 50_000, "news/---.md": VALID.encode(), "reports/0000.md": b"---\nyear: 0\n---\n"})
def test_load_site_on_a_folder(files):
    """Through `load_site` itself: ok exactly when no error was found, every problem in a file."""
    _STATS["inputs"] += 1
    with tempfile.TemporaryDirectory(prefix="ward-news-fuzz-site-") as tmp:
        root = Path(tmp)
        for rel, data in files.items():
            path = root / "content" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        result = load_site(Settings(content_dir=root / "content", display_root=root), NOW)
    problems = result.problems.problems
    by_path = {f"content/{rel}": data for rel, data in files.items()}
    for problem in problems:
        assert problem.path in by_path, problem
        assert_outcome(by_path[problem.path], None, [problem], problem.path, none_means_error=False)
    assert result.ok == (not result.problems.has_errors)
    if result.ok:
        site = result.site
        loaded = len(site.articles) + len(site.unpublished)
        assert loaded == sum(1 for rel in files if rel.startswith("news/")), problems


# --- the budget ----------------------------------------------------------------------------------

def test_the_fuzzing_budget_is_at_least_five_thousand_inputs():
    assert sum(RUNS.values()) >= MIN_INPUTS
