from generator.core.frontmatter import parse_yaml, split_document
from generator.core.problems import ProblemLog


def split(text, lenient=frozenset()):
    log = ProblemLog()
    doc = split_document(text, "content/news/a.md", log, lenient)
    return doc, [(p.code, p.line) for p in log.problems], log


def test_every_key_keeps_its_line_in_the_file():
    doc, problems, _ = split("---\ntitle: A\n\ndate: 2026-01-09\ntags:\n  - x\n---\nBody\n")
    assert problems == []
    assert doc.meta.key_lines == {"title": 2, "date": 4, "tags": 5}
    assert doc.meta.value["tags"].value[0].line == 6
    assert doc.body == "Body\n" and doc.body_line == 8


def test_dates_and_yes_no_stay_text():
    doc, _, _ = split("---\ndate: 2025-13-01\ndraft: no\nok: true\nn: 12\n---\n")
    assert doc.meta.plain() == {"date": "2025-13-01", "draft": "no", "ok": True, "n": 12}


def test_yaml_syntax_error_reports_its_own_line():
    _, problems, log = split("---\ntitle: A\ncategory: x\nsummary: \"không đóng\ndate: 2026-01-01\n---\n")
    assert problems == [("yaml.syntax", 4)]
    assert "ngoặc kép" in log.problems[0].message


def test_tab_indentation_is_named():
    _, problems, log = split("---\ntitle: A\n\tdate: 1\n---\n")
    assert problems == [("yaml.syntax", 3)] and "Tab" in log.problems[0].message


def test_colon_in_a_value_gets_the_fixed_line_as_hint():
    _, problems, log = split("---\ntitle: A\nimage_caption: Trao quà. Ảnh: PV\n---\n")
    assert problems == [("yaml.syntax", 3)]
    assert log.problems[0].hint.endswith('image_caption: "Trao quà. Ảnh: PV"')


def test_colon_in_a_one_line_text_field_is_read_as_text_when_allowed():
    doc, problems, _ = split("---\ntitle: A\nimage_caption: Trao quà. Ảnh: PV\n---\n", frozenset({"image_caption"}))
    assert problems == [] and doc.meta.value["image_caption"].value == "Trao quà. Ảnh: PV"
    assert doc.meta.key_lines["image_caption"] == 3


def test_unclosed_front_matter_points_where_the_body_starts():
    _, problems, _ = split("---\ntitle: A\ndate: 2026-01-01\n\nSáng nay phường tổ chức hội nghị.\n")
    assert problems == [("frontmatter.unclosed", 5)]


def test_duplicate_key_is_an_error_on_the_second_line():
    _, problems, log = split("---\ntitle: A\ndate: 1\ntitle: B\n---\n")
    assert problems == [("yaml.key.duplicate", 4)] and "dòng 2" in log.problems[0].message


def test_alias_bomb_is_refused_without_expanding():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    text = "\n".join(lines)  # 10**9 items if expanded, in under 1 KB
    assert len(text) < 1024
    log = ProblemLog()
    assert parse_yaml(text, "x.yml", log) is None
    assert [p.code for p in log.problems] == ["yaml.alias"]


def test_merge_keys_are_refused():
    log = ProblemLog()
    assert parse_yaml("a: &a {x: 1}\nb:\n  <<: *a\n", "x.yml", log) is None
    assert [p.code for p in log.problems] == ["yaml.alias"]


def test_huge_documents_are_refused():
    log = ProblemLog()
    text = "items:\n" + "".join(f"  - {i}\n" for i in range(30_000))
    assert parse_yaml(text, "x.yml", log) is None
    assert [p.code for p in log.problems] == ["yaml.too_large"]


def test_front_matter_must_be_a_mapping():
    _, problems, _ = split("---\n- a\n- b\n---\n")
    assert problems == [("frontmatter.not_mapping", 2)]


def test_file_without_front_matter_is_all_body():
    doc, problems, _ = split("# Giới thiệu\n\nNội dung")
    assert problems == [] and doc.meta is None and not doc.has_front_matter


TEXT_KEYS = frozenset({"title", "summary", "image_caption", "author"})


def test_one_line_text_is_read_as_typed():
    doc, problems, _ = split(
        "---\ntitle: \"Dân vận khéo\" tiêu biểu năm 2025\nsummary: Tổ dân phố #5 ra quân: dọn vệ sinh\n"
        "author: @PV\nimage_caption: \"Ảnh: PV\"\n---\n", TEXT_KEYS)
    assert problems == []
    assert doc.meta.plain() == {"title": "\"Dân vận khéo\" tiêu biểu năm 2025",
                                "summary": "Tổ dân phố #5 ra quân: dọn vệ sinh", "author": "@PV",
                                "image_caption": "Ảnh: PV"}
    assert doc.meta.key_lines == {"title": 2, "summary": 3, "author": 4, "image_caption": 5}


def test_unclosed_quote_and_flow_lists_are_still_reported():
    _, problems, _ = split("---\ntitle: \"Hội nghị\ndate: 1\n---\n", TEXT_KEYS)
    assert problems == [("yaml.syntax", 2)]
    doc, problems, _ = split("---\ntitle: [a, b]\n---\n", TEXT_KEYS)
    assert problems == [] and doc.meta.value["title"].kind == "sequence"


def test_numbers_keep_the_digits_as_written():
    doc, _, _ = split("---\nphone: 0243766201\nyear: 2025\n---\n")
    assert doc.meta.value["phone"].text() == "0243766201" and doc.meta.value["year"].value == 2025
