"""`ward-news check`: load and validate with the core only; print every problem; exit 1 on any error."""

from __future__ import annotations

import dataclasses
import os
import sys
from datetime import datetime

import click

from ..core.buildcache import BuildCache
from ..core.pipeline import prepare_site
from ..core.rules.fields import zone
from . import report
from .city import ward_project
from .project import settings_for


@click.command("check")
@click.option("--content", "content", type=click.Path(file_okay=False), help="Thư mục nội dung (mặc định: docs_dir trong mkdocs.yml).")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text", show_default=True,
              help="Cách in kết quả: text (để người đọc), github (chú thích trên GitHub Actions), json (cho máy đọc).")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), default=None, help="Tệp mkdocs.yml.")
@click.option("--ward", help="Trong kho của thành phố, quận: kiểm tra phường wards/<WARD>/.")
@click.option("--site-url", help="Địa chỉ công khai của trang, như khi dựng với build --site-url (thay site_url "
                                 "của mkdocs.yml).")
def check_command(content, fmt, config_file, ward, site_url):
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
    if site_url:
        settings = dataclasses.replace(settings, site_url=site_url)
    # What the build does before it writes anything (photos decoded, as the build would), and
    # the advice about what a state body's site should carry.
    cache = BuildCache(settings.cache_dir, settings.content_dir, settings.cache_key_file)
    try:
        cache.load()
        prepared = prepare_site(settings, datetime.now(zone(settings.timezone)), cache,
                                custom_dir=project.custom_dir, advice=True, plan=False)
        cache.save()
    finally:
        cache.close()
    log = prepared.problems
    problems = log.problems
    if fmt == "json":
        click.echo(log.to_json())
    elif fmt == "github":
        report.print_github(problems)
    else:
        report.print_text(problems)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            report.print_github(problems)
    sys.exit(1 if log.has_errors else 0)
