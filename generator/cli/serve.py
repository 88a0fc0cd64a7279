"""`ward-news serve`: MkDocs' live preview with our plugin, on 127.0.0.1."""

from __future__ import annotations

import logging

import click

from .build import not_dirty_warning, show_logs
from .project import read_project


@click.command("serve")
@click.option("--content", type=click.Path(file_okay=False, exists=True), help="Thư mục nội dung.")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Địa chỉ:cổng để xem thử.")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), default=None, help="Tệp mkdocs.yml.")
def serve_command(content, dev_addr, config_file):
    """Xem thử trang web trên máy; tự dựng lại khi lưu tệp."""
    from mkdocs.commands.serve import serve

    show_logs(quiet=False)  # problems, and what each rebuild did, in Vietnamese
    # Our dirty rebuilds are exact (fingerprinted), so MkDocs' warning about them is only noise.
    logging.getLogger("mkdocs.commands.build").addFilter(not_dirty_warning)

    project = read_project(config_file, content)
    overrides = {"dev_addr": dev_addr}
    if content:
        overrides["docs_dir"] = str(project.content_dir)
    # Dirty rebuilds: only pages whose fingerprint changed are rendered again after a save.
    serve(config_file=str(project.config_file) if project.config_file else None, livereload=True,
          build_type="dirty", **overrides)
