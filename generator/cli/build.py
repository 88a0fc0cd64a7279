"""`ward-news build`: validate, build into a staging folder with MkDocs, then swap it in."""

from __future__ import annotations

import errno
import logging
import os
import re
import sys
import time
from pathlib import Path

import click

from ..core import publish
from ..core.progress import Progress
from .city import ward_target
from .project import default_config, read_project


def run_build(config_file: str | None, content: str | None, site_dir: str | None, site_url: str | None,
              root: Path | None = None, nested: bool = False, progress: bool = False) -> int:
    """Build the site; 0 on success. The previous site is untouched unless the build completed.
    `root`: the project folder when it has no mkdocs.yml and is not the current one (a city's ward).
    `nested`: the site is a folder of a larger published site (site/<ward>/): the build's staging
    folders and lock go beside that larger site, not into it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    project = read_project(config_file, content, root)
    target = Path(site_dir).resolve() if site_dir else project.site_dir
    overrides: dict = {"site_dir": None}
    if content:
        overrides["docs_dir"] = str(project.content_dir)
    if site_url:
        overrides["site_url"] = site_url
    overlap = publish.site_dir_overlap(target, project.root, project.content_dir, project.root / ".cache")
    if overlap is not None:  # publishing would move it aside and delete it: refuse before anything moves
        click.secho(f"Không dựng trang web: {overlap}.", fg="red", err=True)
        click.echo("Chọn một thư mục riêng cho trang web, ví dụ --site-dir site (mặc định).", err=True)
        return 2
    work_dir = target.parent.parent if nested else None
    try:  # the folder beside the site: not writable, on a full disk, or under a file
        publish.sweep_stale(target, work_dir)
        staged, previous = publish.reusable_staging_dir(target, work_dir)
    except OSError as exc:
        click.secho(f"Không chuẩn bị được thư mục để dựng trang web: {_os_reason(exc)}.", fg="red", err=True)
        click.echo(f"Trang web cũ trong {target} (nếu có) vẫn được giữ nguyên.", err=True)
        return 1
    overrides["site_dir"] = str(staged)
    started = time.monotonic()
    config = None
    try:
        if project.config_file is not None:
            config = load_config(str(project.config_file), **overrides)
        else:  # a ward with only content/: the defaults a short mkdocs.yml would hold
            config = load_config(default_config(), config_file_path=str(project.root / "mkdocs.yml"), **overrides)
        # Dirty: the staging folder is new or an earlier site holding only links (publish.py
        # PreviousSite), and MkDocs skips each page the plugin linked from the page store (its
        # fingerprint unchanged); every other page is rendered as usual.
        logging.getLogger("mkdocs.commands.build").addFilter(not_dirty_warning)
        if progress and "ward-news" in config.plugins:  # a terminal: one line that moves
            config.plugins["ward-news"].progress = Progress(sys.stderr)
        config.plugins.on_startup(command="build", dirty=True)
        placed: set[str] = set()
        try:
            if previous is not None:
                if "ward-news" in config.plugins:  # the plugin writes first (on_files), MkDocs after it
                    config.plugins["ward-news"].before_writing = previous.ready
                else:
                    previous.ready()
            build(config, dirty=True)
            if "ward-news" in config.plugins:  # recorded at publish: the build after next builds in this site
                placed = config.plugins["ward-news"].cache.placed
        finally:
            config.plugins.on_shutdown()
        if previous is not None:
            previous.remove_unused(placed)
    except (Abort, PluginError, ConfigurationError) as exc:
        publish.discard(staged, *_keep_for(previous, target, work_dir))
        reason = "" if isinstance(exc, Abort) else f": {exc}"
        if config is None and isinstance(exc, Abort):  # MkDocs logged each mistake in mkdocs.yml above
            reason = ": tệp mkdocs.yml có lỗi (xem ở trên)"
        click.secho(f"Không dựng được trang web{reason}.", fg="red", err=True)
        click.echo(f"Trang web cũ trong {target} vẫn được giữ nguyên.", err=True)
        return 1
    except OSError as exc:  # a full disk, a file too large, no permission: say so, keep the old site
        publish.discard(staged, *_keep_for(previous, target, work_dir))
        click.secho(f"Không ghi được trang web mới: {_os_reason(exc)}.", fg="red", err=True)
        click.echo(f"Trang web cũ trong {target} vẫn được giữ nguyên.", err=True)
        return 1
    except BaseException:
        publish.discard(staged, *_keep_for(previous, target, work_dir))
        raise
    try:
        prefix = str(staged) + os.sep
        publish.publish(staged, target, work_dir, remove_old=publish.remove_in_background,
                        placed=(path[len(prefix):] for path in placed if path.startswith(prefix)))
    except OSError as exc:
        publish.discard(staged, *_keep_for(previous, target, work_dir))
        click.secho(f"Không thay được trang web cũ bằng trang mới: {_os_reason(exc)}.", fg="red", err=True)
        click.echo(f"Trang web cũ trong {target} vẫn được giữ nguyên.", err=True)
        return 1
    click.echo(f"Đã dựng xong trang web vào {target} trong {time.monotonic() - started:.1f} giây.")
    return 0


def _keep_for(previous: "publish.PreviousSite | None", target: Path, work_dir: Path | None) -> tuple:
    """discard()'s arguments: a failed build's folder waits as the next one's spare, unless
    taking it as a spare is what failed (then the next build starts from an empty folder)."""
    if previous is not None and previous.error is not None:
        return ()
    return target, work_dir


def _os_reason(exc: OSError) -> str:
    """What went wrong, in Vietnamese, with the file when known."""
    reasons = {
        errno.ENOSPC: "ổ đĩa đã đầy", errno.EDQUOT: "đã hết dung lượng được cấp",
        errno.EFBIG: "tệp vượt quá kích thước được phép ghi", errno.EACCES: "không có quyền ghi",
        errno.EPERM: "không có quyền ghi", errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
        errno.EEXIST: "đã có một tệp trùng tên ở chỗ cần tạo thư mục (một phần của đường dẫn là tệp, không phải "
                      "thư mục)",
    }
    reason = reasons.get(exc.errno, exc.strerror or str(exc))
    if not exc.filename:
        return reason
    # A file of the project or the site says where; one of Python's own (a full disk can fail
    # writing inside site-packages) would only mislead an officer.
    filename = os.path.abspath(os.fsdecode(exc.filename))
    if any(filename == root or filename.startswith(root + os.sep) for root in _THEIRS):
        return reason
    return f"{reason} ({filename})"


_THEIRS = tuple(os.path.abspath(p) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix,
                                             os.path.dirname(os.path.dirname(os.path.abspath(__file__)))})


@click.command("build")
@click.option("--content", type=click.Path(file_okay=False, exists=True), help="Thư mục nội dung (mặc định: content/).")
@click.option("--site-dir", type=click.Path(file_okay=False), help="Thư mục xuất trang web (mặc định: site/).")
@click.option("--site-url", help="Địa chỉ công khai của trang, ví dụ https://mttq.phuong.vn/")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), default=None, help="Tệp mkdocs.yml.")
@click.option("-q", "--quiet", is_flag=True, help="Chỉ in lỗi.")
@click.option("--ward", help="Trong kho của thành phố, quận: dựng phường wards/<WARD>/ vào site/<WARD>/.")
def build_command(content, site_dir, site_url, config_file, quiet, ward):
    """Kiểm tra rồi dựng toàn bộ trang web; trang cũ chỉ bị thay khi trang mới đã xong."""
    show_logs(quiet)
    root = None
    if ward:
        target = ward_target(ward)
        config_file, root = config_file or target.config_file, target.root
        content, site_dir = content or target.content, site_dir or target.site_dir
        site_url = site_url or target.site_url or None
    # Progress only on a terminal: CI logs get the summary line alone.
    progress = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
    code = run_build(config_file, content, site_dir, site_url, root, nested=bool(ward), progress=progress)
    # The site is published; freeing the build's objects one by one would only make the caller
    # (CI, the officer) wait: 0.7 s at 5,000 articles. Output is flushed first.
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


class _OfficerLogFilter(logging.Filter):
    """MkDocs' own INFO chatter is English and not for officers; our content warnings are, and
    where `serve` is running (in Vietnamese)."""

    def __init__(self, quiet: bool):
        super().__init__()
        self.quiet = quiet

    SERVING = re.compile(r"^(?:\[[\d:]+\] )?Serving on (\S+)")  # MkDocs prefixes the time

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        serving = self.SERVING.match(record.getMessage()) if record.name == "mkdocs.livereload" else None
        if serving:  # the one line of `serve` an officer needs: where to look, and how to stop
            record.msg, record.args = (f"Trang xem thử đang chạy tại {serving[1]} (mở địa chỉ này trong trình "
                                       "duyệt). Nhấn Ctrl+C để dừng."), ()
            return True
        return not self.quiet and record.name.startswith("mkdocs.plugins.ward-news")


class _ConfigErrorFormatter(logging.Formatter):
    """MkDocs prefixes each mkdocs.yml mistake with English (`Config value 'plugins': Plugin
    'ward-news' option 'timezone': ...`). Our own messages name the option in Vietnamese already,
    so the prefix goes; MkDocs' own mistakes keep their text under a Vietnamese prefix."""

    CONFIG_VALUE = re.compile(r"Config value '([^']*)': ")
    OUR_OPTION = re.compile(r"^Plugin 'ward-news' option '[^']*': ", re.MULTILINE)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        match = self.CONFIG_VALUE.match(text)
        if match is None:
            return text
        body = text[match.end():]
        if self.OUR_OPTION.match(body):
            return self.OUR_OPTION.sub("", body)
        return f"mkdocs.yml, mục “{match[1]}”: {body}"


def not_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave stale pages; ours are fingerprinted exactly."""
    return "'dirty' build is being performed" not in record.getMessage()


def show_logs(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_ConfigErrorFormatter("%(message)s"))
    handler.addFilter(_OfficerLogFilter(quiet))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
