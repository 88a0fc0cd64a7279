"""A city's repository from the command line: `--ward` for build and check, `wards`, `hub`."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click

from ..core import city
from ..core.hub import build_hub, plan_hub, read_ward_feed
from ..core.problems import ProblemLog
from . import report
from .project import read_project


@dataclass(frozen=True)
class WardTarget:
    """What `build`/`check --ward X` use in place of the lone ward's defaults."""

    root: Path
    config_file: str | None
    content: str
    site_dir: str
    site_url: str


def ward_target(slug: str, repo: Path | None = None) -> WardTarget:
    """wards/<slug>/ of the repository in the current folder; exits with a Vietnamese message when
    there is no such ward (or the folder's name cannot be one)."""
    repo = repo or Path.cwd()
    log = ProblemLog()
    wards = {w.slug: w for w in city.find_wards(repo, log)}
    if slug not in wards:
        for problem in log.errors:
            click.echo(problem.format(), err=True)
        known = ", ".join(wards) or "chưa có phường nào"
        click.echo(f"Không có phường “{slug}” trong {city.WARDS_DIR}/ (các phường: {known}).", err=True)
        sys.exit(2)
    ward = wards[slug]
    hub = city.read_hub(repo, log)
    for problem in log.errors:  # hub.yml gives every ward its address: a mistake there is every ward's
        click.echo(problem.format(), err=True)
    if log.has_errors:
        sys.exit(2)
    config_file = str(ward.config_file) if ward.config_file else None
    own_url = read_project(config_file, root=ward.root).site_url  # a ward on its own domain keeps it
    return WardTarget(root=ward.root, config_file=config_file, content=str(ward.content_dir),
                      site_dir=str(repo / city.SITE_DIR / slug), site_url=own_url or city.ward_site_url(hub, slug))


@click.command("wards")
@click.option("--changed", is_flag=True,
              help="Chỉ các phường bị ảnh hưởng bởi các tệp đã đổi (mỗi dòng một đường dẫn, đọc từ đầu vào chuẩn, "
                   "ví dụ từ git diff --name-only).")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON (cho ma trận GitHub Actions).")
def wards_command(changed, as_json):
    """Liệt kê các phường trong wards/ (mỗi dòng một phường)."""
    log = ProblemLog()
    wards = city.find_wards(Path.cwd(), log)
    for problem in log.problems:
        click.echo(problem.format(), err=True)
    slugs = [w.slug for w in wards]
    if changed:
        slugs = city.wards_touched(wards, sys.stdin.read().splitlines())
    click.echo(json.dumps(slugs) if as_json else "\n".join(slugs))
    sys.exit(1 if log.has_errors else 0)


@click.command("hub")
@click.option("--site-dir", type=click.Path(file_okay=False), default=city.SITE_DIR, show_default=True,
              help="Thư mục chứa các phường đã dựng; trang tổng hợp được ghi vào đây.")
def hub_command(site_dir):
    """Dựng trang tổng hợp của thành phố, quận từ bản tin của các phường đã dựng."""
    started = time.monotonic()
    repo, site = Path.cwd(), Path(site_dir).resolve()
    log = ProblemLog()
    hub = city.read_hub(repo, log)
    wards = [read_ward_feed(site, ward, log) for ward in city.find_wards(repo, log)]
    if log.problems:
        report.print_text(log.problems)
    if log.has_errors:
        click.secho("Chưa dựng trang tổng hợp; trang cũ (nếu có) vẫn được giữ nguyên.", fg="red", err=True)
        sys.exit(1)
    plan = plan_hub(hub, [w for w in wards if w is not None])
    build_hub(plan, repo, site, repo / ".cache" / "ward-news")
    click.echo(f"Đã dựng trang tổng hợp của {len(plan.wards)} phường, xã ({len(plan.latest)} tin) vào {site} "
               f"trong {time.monotonic() - started:.1f} giây.")
