"""`ward-news new "Tiêu đề" --category NAME`: a correctly named article with its front matter."""

from __future__ import annotations

import sys
from datetime import datetime

import click

from ..core.frontmatter import article_text, parse_yaml
from ..core.problems import ProblemLog
from ..core.rules.categories import check_categories
from ..core.rules.fields import did_you_mean, suggest, zone
from ..core.rules.unfinished import BODY_PLACEHOLDER
from ..core.text import decode_text, fold, make_slug
from .project import read_project


@click.command("new")
@click.argument("title", metavar="TIÊU-ĐỀ", help="Tiêu đề bài viết, đặt trong ngoặc kép.")
@click.option("--category", required=True, help="Tên (hoặc slug) chuyên mục trong categories.yml.")
@click.option("--author", default="", help="Tên hoặc bút danh tác giả.")
@click.option("--content", type=click.Path(file_okay=False, exists=True), help="Thư mục nội dung.")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), default=None, help="Tệp mkdocs.yml.")
def new_command(title, category, author, content, config_file):
    """Tạo tệp bài viết mới, đặt đúng tên và điền sẵn phần thông tin đầu bài."""
    project = read_project(config_file, content)
    for error in project.errors:
        click.echo(error, err=True)
    if project.errors:
        sys.exit(1)
    title = " ".join(title.split())
    slug = make_slug(title)
    if not slug:
        click.echo("Tiêu đề cần có ít nhất một chữ cái hoặc chữ số.", err=True)
        sys.exit(1)
    match = resolve_category(project, category)
    now = datetime.now(zone(project.timezone))
    path = project.content_dir / "news" / str(now.year) / f"{slug}.md"
    if path.exists():
        click.echo(f"Đã có tệp {path}; hãy đổi tiêu đề hoặc sửa tệp đó.", err=True)
        sys.exit(1)
    metadata = {"title": title, "date": now.strftime("%Y-%m-%d %H:%M"), "category": match.name, "tags": []}
    if author:
        metadata["author"] = author
    metadata["summary"] = ""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A sample sentence `check` refuses until it is replaced: nothing unfinished is published.
    path.write_text(article_text(metadata, BODY_PLACEHOLDER + "\n"), encoding="utf-8")
    click.echo(str(path))


def resolve_category(project, category: str):
    """The category of categories.yml that `category` names (its name, accents or not, or its
    slug); otherwise a Vietnamese message with the nearest names, and exit 1."""
    categories_file = project.content_dir / "categories.yml"
    log = ProblemLog()
    categories = []
    if categories_file.is_file():
        text = decode_text(categories_file.read_bytes())
        if isinstance(text, str):
            categories = check_categories(parse_yaml(text, str(categories_file), log), str(categories_file), log)
    match = next((c for c in categories if fold(c.name) == fold(category) or c.slug == category), None)
    if match is None:
        names = [c.name for c in categories]
        hint = did_you_mean(suggest(category, names))
        click.echo(f"Không có chuyên mục “{category}” trong {categories_file}. {hint}", err=True)
        if names:
            click.echo("Các chuyên mục hiện có: " + ", ".join(names), err=True)
        sys.exit(1)
    return match
