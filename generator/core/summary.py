"""A pull request explained in Vietnamese, for the reviewer (often one volunteer): which articles it
adds, changes or removes, with their headlines, where to see each one in the preview, their share
cards, and every problem `check` found. Printed as Markdown into the GitHub job summary.

Changes come from `git diff --name-status` (`A`, `M`, `D`, `R100 old new`), paths relative to the
repository; `content_prefix` is where content/ sits in it (`content/`, or `wards/x/content/`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import urls, vi
from .plan import SitePlan
from .problems import Problem

_STATUS = {"A": "added", "M": "changed", "D": "removed", "T": "changed", "C": "added"}
_HEADINGS = {"added": "Bài mới", "changed": "Bài sửa", "removed": "Bài xóa"}
_VERBS = {"added": "Thêm", "changed": "Sửa", "removed": "Xóa"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # what could start emphasis, a link, a cell or code


@dataclass(frozen=True)
class Change:
    status: str  # added · changed · removed
    path: str  # relative to the repository


def read_changes(lines: list[str]) -> list[Change]:
    """`git diff --name-status` output; a rename is the old file removed and the new one added."""
    changes = []
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        code = parts[0][0]
        if code == "R" and len(parts) == 3:
            changes += [Change("removed", parts[1]), Change("added", parts[2])]
        elif code in _STATUS:
            changes.append(Change(_STATUS[code], parts[-1]))
    return changes


def render_summary(changes: list[Change], problems: list[Problem], plan: SitePlan | None, content_prefix: str,
                   preview_url: str = "") -> str:
    """The job summary's Markdown. `plan` is None when the content has errors (nothing was built)."""
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    if errors:
        head = f"## ❌ Bài chưa đăng được: {len(errors)} lỗi" + (f", {len(warnings)} cảnh báo" if warnings else "")
    elif warnings:
        head = f"## ⚠️ Bài đăng được, có {len(warnings)} cảnh báo nên xem"
    else:
        head = "## ✅ Không có lỗi: bài sẵn sàng để duyệt"
    out = [head, ""]
    articles = {}
    if plan is not None:
        articles = {content_prefix + a.src_uri: plan.lookup(a.src_uri) for a in plan.site.articles}
    news = f"{content_prefix}news/"
    groups: dict[str, list[Change]] = {"added": [], "changed": [], "removed": []}
    others = []
    for change in changes:
        if change.path.startswith(news) and change.path.endswith(".md"):
            groups[change.status].append(change)
        elif change.path.startswith(content_prefix):
            others.append(change)
    for status, items in groups.items():
        if not items:
            continue
        out += [f"### {_HEADINGS[status]} ({len(items)})", ""]
        if status == "removed":
            out += [f"- `{_code(c.path)}`" for c in items] + [""]
            continue
        out += ["| Bài | Chuyên mục | Ngày đăng | Xem thử | Ảnh chia sẻ |", "|---|---|---|---|---|"]
        for change in items:
            page = articles.get(change.path)
            if page is None:  # not built: errors, a draft, or dated in the future
                out.append(f"| `{_code(change.path)}` | | | chưa dựng (xem lỗi bên dưới, hoặc bài nháp, "
                           f"hẹn giờ) | |")
                continue
            article = page.data.article
            out.append(f"| {_text(article.title)}<br>`{_code(change.path)}` | {_text(article.category.name)} | "
                       f"{vi.format_date_short(article.date)} | {_path(page.url)} | "
                       f"{_path(page.card_url) if page.card_url else ''} |")
        out.append("")
    if others:
        out += [f"### Tệp khác trong nội dung ({len(others)})", ""]
        out += [f"- {_VERBS[c.status]} `{_code(c.path)}`" for c in others]
        out.append("")
    if problems:
        out += ["### Lỗi và cảnh báo", ""]
        for problem in problems:
            where = f"{problem.path}:{problem.line}" if problem.line else problem.path
            label = "**lỗi**" if problem.is_error else "cảnh báo"
            line = f"- `{_code(where)}` {label}: {_text(problem.message)} (`{problem.code}`)"
            if problem.hint:
                line += f"<br>Gợi ý: {_text(problem.hint)}"
            out.append(line)
        out.append("")
    if plan is not None:
        where = f"[bản xem thử]({preview_url})" if preview_url else "bản xem thử (mục Artifacts của lần chạy này)"
        out.append(f"Tải {where}, giải nén, rồi mở các đường dẫn ở cột “Xem thử” (mỗi đường dẫn là một thư mục có "
                   "`index.html`).")
    return "\n".join(out).rstrip() + "\n"


def _path(url: str) -> str:
    """Where a page or card sits in the preview folder."""
    return f"`{_code(urls.dest_path(url))}`"


def _text(text: str) -> str:
    """Officer text inside Markdown: every Markdown character escaped, no HTML."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """A path inside `code`: a backtick would end it, a pipe would end the table cell."""
    return text.replace("`", "'").replace("|", "¦").replace("\n", " ")
