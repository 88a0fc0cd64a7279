"""`ward-news check`: load and validate with the core only; print every problem; exit 1 on any error."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import click

from ..core.compliance import check_compliance
from ..core.images import prepare_site_images
from ..core.load import display_path, load_site_cached
from ..core.overrides import check_override_copies
from ..core.rules.fields import zone
from . import report
from .city import ward_project
from .project import settings_for


@click.command("check")
@click.option("--content", "content", type=click.Path(file_okay=False), help="Thư mục nội dung (mặc định: docs_dir trong mkdocs.yml).")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text", show_default=True)
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), default=None, help="Tệp mkdocs.yml.")
@click.option("--ward", help="Trong kho của thành phố, quận: kiểm tra phường wards/<WARD>/.")
def check_command(content, fmt, config_file, ward):
    """Kiểm tra nội dung, in mọi lỗi cùng lúc; thoát với mã 1 nếu có lỗi."""
    project = ward_project(config_file, content, ward)
    for error in project.errors:  # a wrong timezone would misdate every article: nothing to check yet
        click.echo(error, err=True)
    if project.errors:
        sys.exit(2)
    if not project.content_dir.is_dir():
        click.echo(f"Không tìm thấy thư mục nội dung: {project.content_dir}", err=True)
        sys.exit(2)
    settings = settings_for(project)
    result = load_site_cached(settings, datetime.now(zone(settings.timezone)))
    if project.custom_dir is not None:
        check_override_copies(project.custom_dir, settings.display_root, result.problems)
    if result.ok:  # a photo that is cut off is only found by decoding it: as the build would
        with tempfile.TemporaryDirectory(prefix="ward-news-check-") as scratch:
            prepare_site_images(result.site, settings, result.problems, settings.cache_dir or Path(scratch))
        check_compliance(result.site, display_path(settings, "site.yml"), result.problems)
    problems = result.problems.problems
    if fmt == "json":
        click.echo(result.problems.to_json())
    elif fmt == "github":
        report.print_github(problems)
    else:
        report.print_text(problems)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            report.print_github(problems)
    sys.exit(1 if result.problems.has_errors else 0)
