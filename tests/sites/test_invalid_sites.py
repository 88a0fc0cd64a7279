"""One small broken site per kind of mistake, built with the real MkDocs: the build stops,
every problem comes back with code, file and line, and the previous site stays as it was."""

import hashlib

import pytest

from tests.conftest import CATEGORIES, article, build_site, make_site, to_cp1258, write_files

BROKEN = {
    "yaml-syntax": ({"content/news/a.md": "---\ntitle: \"Hội nghị\ndate: 2026-01-09\ncategory: An sinh xã hội\n---\nx\n"},
                    [("yaml.syntax", "content/news/a.md", 2)]),
    "unclosed": ({"content/news/a.md": "---\ntitle: Hội nghị\ndate: 2026-01-09\ncategory: An sinh xã hội\n\nSáng nay.\n"},
                 [("frontmatter.unclosed", "content/news/a.md", 6)]),
    "missing-title": ({"content/news/a.md": "---\ndate: 2026-01-09\ncategory: An sinh xã hội\n---\nx\n"},
                      [("field.missing", "content/news/a.md", 4)]),
    "impossible-date": ({"content/news/a.md": article(date="2026-02-30")}, [("article.date.invalid", "content/news/a.md", 3)]),
    "unknown-category": ({"content/news/a.md": article(category="An sinh")}, [("category.unknown", "content/news/a.md", 4)]),
    "list-for-text": ({"content/news/a.md": article(summary="\n  - một\n  - hai")}, [("field.type", "content/news/a.md", 5)]),
    "missing-image": ({"content/news/a.md": article(image="khong-co.jpg")}, [("image.missing", "content/news/a.md", 5)]),
    "escaping-image": ({"content/news/a.md": article(image="../../mkdocs.yml")}, [("image.outside", "content/news/a.md", 5)]),
    "duplicate-slug": ({"content/news/2025/a.md": article(), "content/news/2026/a.md": article()},
                       [("article.slug.duplicate", "content/news/2025/a.md", 2),
                        ("article.slug.duplicate", "content/news/2026/a.md", 2)]),
    "legacy-encoding": ({"content/news/a.md": to_cp1258(article(title="Hội nghị tổng kết"))},
                        [("file.encoding", "content/news/a.md", 2)]),
    "alias-bomb": ({"content/news/a.md": "---\ntags: &t [a, a]\nx: [*t, *t]\ntitle: A\ndate: 2026-01-09\ncategory: An sinh xã hội\n---\n"},
                   [("yaml.alias", "content/news/a.md", 2)]),
    "bad-categories": ({"content/news/a.md": article(), "content/categories.yml": "name: An sinh xã hội\n"},
                       [("categories.not_list", "content/categories.yml", 1),
                        ("category.unknown", "content/news/a.md", 4),
                        ("category.unknown", "content/news/tot.md", 4)]),
}


def snapshot(path):
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_site_stops_the_build_and_reports_the_line(tmp_path, kind):
    files, expected = BROKEN[kind]
    root = make_site(tmp_path, {"content/news/tot.md": article(title="Bài tốt")})
    good = build_site(root)
    assert good.ok
    before = snapshot(good.site_dir)
    write_files(root, files)
    result = build_site(root)
    assert not result.ok
    found = [(p.code, p.path, p.line) for p in result.problems if p.is_error]
    assert found == expected
    for code, path, line in expected:
        assert f"{path}:{line}: lỗi:" in result.log
    assert "Nội dung có" in result.log
    assert snapshot(good.site_dir) == before  # the published site is untouched


def test_many_mistakes_all_come_back_in_one_run(tmp_path):
    files = {}
    for files_of_kind, _ in BROKEN.values():
        for path, text in files_of_kind.items():
            if path.startswith("content/news/"):
                files[path.replace("content/news/", f"content/news/{len(files)}-")] = text
    files["content/categories.yml"] = CATEGORIES
    root = make_site(tmp_path, files)
    result = build_site(root)
    assert not result.ok
    errors = [p for p in result.problems if p.is_error]
    codes = {p.code for p in errors}
    assert codes >= {"yaml.syntax", "frontmatter.unclosed", "field.missing", "article.date.invalid", "category.unknown",
                     "field.type", "image.missing", "image.outside", "file.encoding", "yaml.alias"}
    assert len({p.path for p in errors}) >= 11
    assert f"Nội dung có {len(errors)} lỗi" in result.log
    assert not (root / "site").exists()
