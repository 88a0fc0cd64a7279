"""What `check` accepts is exactly what the build publishes: for every content kind with a body
(article, page, report, document) and every way a body can reference a file (Markdown,
reference style, raw HTML; photos and downloads), a referenced file is either a problem at its
line or on the page and in the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.load import load_site
from generator.core.settings import Settings
from tests.conftest import article, build_site, make_site
from tests.core.test_documents import PDF, document
from tests.core.test_load import NOW
from tests.fixtures.unseen_ward import phone_photo

#: Every form a body can reference a photo or a download in, as "{name}" templates; each kind's
#: body uses each form for a file of its own (`<kind>-<form>.jpg` / `.pdf`).
PHOTO_FORMS = {
    "inline": "![Ảnh {name}]({name}.jpg)",
    "reference": "![Ảnh {name}][{name}]\n\n[{name}]: {name}.jpg",
    "raw": '<p><img src="{name}.jpg" alt="Ảnh {name}"></p>',
}
FILE_FORMS = {
    "inline-link": "[Tải {name}]({name}.pdf)",
    "reference-link": "[Tải {name}][{name}]\n\n[{name}]: {name}.pdf",
}
REPORT_HEAD = ("---\ntitle: Báo cáo tổng kết năm 2025\nyear: 2025\ndate: 2026-01-10\n"
               "indicators:\n  - group: An sinh\n    items:\n      - {label: Phần quà, value: 10, unit: phần}\n---\n")
#: kind -> (folder of its file inside content/, its file name, its text around a body, its page URL)
KINDS = {
    "article": ("news/2026", "bai.md", lambda body: article(body=body), "tin-tuc/bai/"),
    "page": ("pages", "trang.md", lambda body: f"---\ntitle: Trang riêng\n---\n{body}\n", "trang/"),
    "report": ("reports", "2025.md", lambda body: REPORT_HEAD + body + "\n", "bao-cao/2025/"),
    "document": ("documents", "vb.md", lambda body: document(body=body), "van-ban/vb/"),
}


def body_of(kind: str) -> str:
    forms = [template.format(name=f"{kind}-{form}") for form, template in {**PHOTO_FORMS, **FILE_FORMS}.items()]
    return "Mở đầu.\n\n" + "\n\n".join(forms) + "\n"


def content(with_files: bool) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for kind, (folder, name, wrap, _) in KINDS.items():
        files[f"content/{folder}/{name}"] = wrap(body_of(kind))
        if not with_files:
            continue
        for form in PHOTO_FORMS:
            files[f"content/{folder}/{kind}-{form}.jpg"] = phone_photo(640, 480)
        for form in FILE_FORMS:
            files[f"content/{folder}/{kind}-{form}.pdf"] = PDF
    files["content/documents/files/125.pdf"] = PDF  # the document's own `file:`
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_site(make_site(tmp_path_factory.mktemp("refs"), content(with_files=True)))
    assert result.ok, result.log
    assert "WARNING" not in result.log, result.log  # MkDocs never finds what we did not
    return result


@pytest.mark.parametrize("kind", KINDS)
def test_every_photo_a_body_shows_is_on_its_page_and_in_the_site(built, kind):
    page = built.html(KINDS[kind][3])
    shown = {img["alt"]: img for img in page.select("picture img")}
    for form in PHOTO_FORMS:
        img = shown.get(f"Ảnh {kind}-{form}")
        assert img is not None, (kind, form, sorted(shown))
        assert (built.file(KINDS[kind][3]).parent / img["src"]).resolve().is_file(), (kind, form, img["src"])


@pytest.mark.parametrize("kind", KINDS)
def test_every_file_a_body_links_is_published_where_the_link_points(built, kind):
    page = built.html(KINDS[kind][3])
    links = {a.get_text(): a["href"] for a in page.select("a[href]")}
    for form in FILE_FORMS:
        href = links.get(f"Tải {kind}-{form}")
        assert href is not None, (kind, form)
        target = (built.file(KINDS[kind][3]).parent / href).resolve()
        assert target.is_file() and target.read_bytes() == PDF, (kind, form, href)


def test_every_missing_reference_of_every_kind_is_a_problem_at_its_line(tmp_path):
    root = make_site(tmp_path, content(with_files=False))
    result = load_site(Settings(content_dir=root / "content", display_root=root), NOW)
    found = {(p.code, p.path, p.line) for p in result.problems.errors}
    expected = set()
    for kind, (folder, name, wrap, _) in KINDS.items():
        lines = wrap(body_of(kind)).split("\n")
        for form in (*PHOTO_FORMS, *FILE_FORMS):
            suffix = ".jpg" if form in PHOTO_FORMS else ".pdf"
            target = f"{kind}-{form}{suffix}"
            # the line that holds the target: `](x)`, `]: x` or `src="x"`
            line = next(n for n, text in enumerate(lines, start=1)
                        if f"({target})" in text or f"]: {target}" in text or f'"{target}"' in text)
            code = "image.missing" if suffix == ".jpg" else "attachment.missing"
            expected.add((code, f"content/{folder}/{name}", line))
    assert expected <= found, sorted(expected - found)
    assert not Path(root / "site").exists()
