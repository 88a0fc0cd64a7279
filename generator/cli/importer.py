"""`ward-news import facebook EXPORT --category NAME` and `ward-news import feed SOURCE --category NAME`:
a ward's archive (its Facebook Page, an old portal) as articles, once, then `check` as usual."""

from __future__ import annotations

import sys
import urllib.request
from pathlib import Path

import click

from ..core.archive.facebook import read_facebook_export
from ..core.archive.feeds import read_feed
from ..core.archive.posts import ExportError
from ..core.archive.writer import ImportReport, write_posts
from ..core.rules.fields import zone
from .new import resolve_category
from .project import read_project

_COMMON = [
    click.option("--category", required=True, help="Chuyên mục của các bài nhập vào (tên hoặc slug trong categories.yml)."),
    click.option("--content", type=click.Path(file_okay=False, exists=True), help="Thư mục nội dung."),
    click.option("-f", "--config-file", type=click.Path(dir_okay=False), default=None, help="Tệp mkdocs.yml."),
]


def _common(command):
    for option in reversed(_COMMON):
        command = option(command)
    return command


@click.group("import")
def import_group():
    """Đưa bài cũ lên trang: bài trên Trang Facebook, hoặc nguồn tin RSS của cổng thông tin cũ."""


def _target(config_file, content, category):
    """The project imported into and the category's name, or a Vietnamese message and exit."""
    project = read_project(config_file, content)
    for error in project.errors:
        click.echo(error, err=True)
    if project.errors:
        sys.exit(2)
    return project, resolve_category(project, category).name


def _read(reader):
    """What `reader()` found in the archive; an archive that cannot be read says why, exit 1."""
    try:
        return reader()
    except ExportError as exc:
        click.secho(str(exc), fg="red", err=True)
        sys.exit(1)


@import_group.command("facebook")
@click.argument("export", metavar="BẢN-TẢI-VỀ", type=click.Path(exists=True),
                help="Tệp .zip tải về từ Facebook (định dạng JSON), hoặc thư mục đã giải nén.")
@click.option("--source", default="Facebook", show_default=True, help="Ghi vào trường source: của mỗi bài.")
@_common
def facebook_command(export, source, category, content, config_file):
    """Nhập mọi bài có chữ của Trang Facebook thành bài viết (chạy lại không nhập trùng)."""
    project, category = _target(config_file, content, category)
    found = _read(lambda: read_facebook_export(Path(export), zone(project.timezone), source))
    report = write_posts(found.posts, project.content_dir, category)
    click.echo(f"Đọc {found.files} tệp bài đăng: {len(found.posts) + len(found.without_text)} mục.")
    _print(report, project.content_dir)
    if found.without_text:
        dates = ", ".join(f"{d:%d/%m/%Y %H:%M}" for d in sorted(found.without_text)[:10])
        more = f" và {len(found.without_text) - 10} mục khác" if len(found.without_text) > 10 else ""
        click.echo(f"Bỏ qua {len(found.without_text)} mục không có chữ (chỉ có ảnh, hoặc cập nhật trang): "
                   f"{dates}{more}.")
    for name in found.refused:
        click.secho(f"Không đọc “{name}”: đường dẫn ra ngoài bản tải về.", fg="yellow", err=True)
    _next()


@import_group.command("feed")
@click.argument("source", metavar="NGUỒN", help="Địa chỉ (http/https) hoặc tệp của nguồn tin RSS, Atom, hoặc tệp "
                                                  "xuất WordPress (.xml).")
@click.option("--source-name", default="", help="Ghi vào trường source: của mỗi bài (mặc định: tên của nguồn tin).")
@_common
def feed_command(source, source_name, category, content, config_file):
    """Nhập các bài của cổng thông tin cũ (RSS, Atom, WordPress) thành bài viết, tải cả ảnh về."""
    project, category = _target(config_file, content, category)
    try:
        data = Path(source).read_bytes() if Path(source).is_file() else fetch(source, MAX_FEED_BYTES)
    except (OSError, ValueError) as exc:
        click.secho(f"Không đọc được nguồn tin “{source}”: {exc}.", fg="red", err=True)
        sys.exit(1)
    found = _read(lambda: read_feed(data, zone(project.timezone), fetch, source_name))
    report = write_posts(found.posts, project.content_dir, category)
    click.echo(f"Nguồn tin “{found.title}”: {len(found.posts)} bài.")
    _print(report, project.content_dir)
    if found.not_posts:
        click.echo(f"Bỏ qua {found.not_posts} mục không phải bài đã đăng (trang, tệp đính kèm, bản nháp).")
    for title in found.undated:
        click.secho(f"Bỏ qua “{title}”: không có ngày đăng.", fg="yellow", err=True)
    _next()


def _print(report: ImportReport, content_dir: Path) -> None:
    years = ", ".join(f"{year}: {count}" for year, count in sorted(report.years.items()))
    click.echo(f"Đã nhập {len(report.written)} bài vào {content_dir / 'news'}" + (f" ({years})" if years else "")
               + f", {report.photos} ảnh.")
    if report.already:
        click.echo(f"Bỏ qua {report.already} bài đã nhập ở lần trước.")
    for problem in report.photo_problems:
        click.secho(f"Không lấy được ảnh: {problem}.", fg="yellow", err=True)


def _next() -> None:
    click.echo("Tiếp theo: ward-news check (kiểm tra), rồi xem lại tiêu đề và ảnh trước khi gửi lên.")


MAX_FEED_BYTES = 64 * 1024 * 1024


def fetch(url: str, limit: int) -> bytes:
    """An http(s) address's bytes, at most `limit`, with a 30-second timeout."""
    if not url.startswith(("http://", "https://")):
        raise ValueError("địa chỉ phải bắt đầu bằng http:// hoặc https://")
    request = urllib.request.Request(url, headers={"User-Agent": "ward-news import"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (http(s) only, checked above)
        data = response.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"tệp quá lớn (hơn {limit // (1024 * 1024)} MB)")
    return data
