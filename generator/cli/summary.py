"""`ward-news summary`: what a pull request changes, in Vietnamese Markdown for the job summary.

    git diff --name-status --no-renames BASE HEAD | ward-news summary >> "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import sys
from datetime import datetime

import click

from ..core.load import load_site
from ..core.settings import display_prefix
from ..core.plan import build_plan
from ..core.rules.fields import zone
from ..core.summary import read_changes, render_summary
from .city import ward_project
from .project import settings_for


@click.command("summary")
@click.option("--content", type=click.Path(file_okay=False), help="Thư mục nội dung (mặc định: content/).")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), default=None, help="Tệp mkdocs.yml.")
@click.option("--ward", help="Trong kho của thành phố, quận: phường wards/<WARD>/.")
@click.option("--preview-url", default="", help="Địa chỉ tải bản xem thử (artifact) của lần chạy này.")
def summary_command(content, config_file, ward, preview_url):
    """Tóm tắt yêu cầu gộp bài (đọc `git diff --name-status` từ đầu vào chuẩn) dạng Markdown."""
    project = ward_project(config_file, content, ward)
    if project.errors:  # nothing can be checked with a broken mkdocs.yml: say so, never "no errors"
        click.echo("## ❌ Tệp cấu hình mkdocs.yml có lỗi, chưa kiểm tra được bài\n")
        click.echo("\n".join(f"- {error}" for error in project.errors))
        sys.exit(0)
    settings = settings_for(project)
    result = load_site(settings, datetime.now(zone(settings.timezone)))
    plan = build_plan(result.site, settings) if result.ok else None
    prefix = display_prefix(settings)
    changes = read_changes(sys.stdin.read().splitlines())
    click.echo(render_summary(changes, result.problems.problems, plan, prefix, preview_url), nl=False)
    sys.exit(0)
