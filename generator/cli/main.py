"""`ward-news`: build, check, serve, new, init, import, wards, hub, summary (see CONTENT.md; names and flags are a stable interface)."""

from __future__ import annotations

import os

import click

from .. import __version__
from . import click_vi
from .build import build_command
from .check import check_command
from .city import hub_command, wards_command
from .importer import import_group
from .init import init_command
from .new import new_command
from .serve import serve_command
from .summary import summary_command

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner is for developers, not officers
click_vi.install()  # Click's own messages in Vietnamese; before the decorators below, which read some of them


@click.group()
@click.version_option(__version__, prog_name="ward-news")
def cli():
    """ward-news: trang tin tức và báo cáo tổng kết của phường, dựng từ Markdown."""


cli.add_command(build_command)
cli.add_command(check_command)
cli.add_command(serve_command)
cli.add_command(new_command)
cli.add_command(init_command)
cli.add_command(import_group)
cli.add_command(wards_command)
cli.add_command(hub_command)
cli.add_command(summary_command)
click_vi.localize(cli)  # after every command is added: "[TÙY CHỌN]", "LỆNH [THAM SỐ]...", metavars
