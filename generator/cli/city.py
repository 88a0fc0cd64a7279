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


def ward_project(config_file: str | None, content: str | None, ward: str | None):
    """The project a command works on: the lone ward here, or a city's `wards/<ward>/` with `--ward`."""
    root = None
    if ward:
        target = ward_target(ward)
        config_file, root, content = config_file or target.config_file, target.root, content or target.content
    return read_project(config_file, content, root)


@click.command("wards")
@click.argument("built", nargs=-1, metavar="[PHƯỜNG]...", help="Các phường vừa được đăng (dùng với --record).")
@click.option("--changed", is_flag=True,
              help="Chỉ các phường bị ảnh hưởng bởi các tệp đã đổi (mỗi dòng một đường dẫn, đọc từ đầu vào chuẩn, "
                   "ví dụ từ git diff --name-only).")
@click.option("--since", "since", type=click.Path(dir_okay=False),
              help="Chỉ các phường đã đổi so với lần đăng được ghi trong tệp này (tệp không có: mọi phường).")
@click.option("--record", "record", type=click.Path(dir_okay=False),
              help="Ghi vào tệp này dấu vân tay hiện tại của các phường BUILT vừa được đăng (giữ các phường khác).")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON (cho ma trận GitHub Actions).")
@click.option("--strict", is_flag=True, help="Thoát với mã 1 khi có thư mục phường đặt tên sai.")
def wards_command(built, changed, since, record, as_json, strict):
    """Liệt kê các phường trong wards/ (mỗi dòng một phường).

    Thư mục phường đặt tên sai được báo rồi bỏ qua: một phường không bao giờ làm dừng lần dựng hằng ngày
    của thành phố; với `--strict` (yêu cầu gộp bài) thì đó là lỗi."""
    log = ProblemLog()
    repo = Path.cwd()
    wards = city.find_wards(repo, log)
    for problem in log.problems:
        click.echo(problem.format(), err=True)
    slugs = [w.slug for w in wards]
    if changed:
        slugs = city.wards_touched(wards, sys.stdin.read().splitlines())
    if since:
        slugs = [s for s in city.wards_to_build(city.ward_fingerprints(repo, wards), _read_state(Path(since)))
                 if s in slugs]
    if record:
        _record_state(Path(record), city.ward_fingerprints(repo, wards), built)
    click.echo(json.dumps(slugs) if as_json else "\n".join(slugs))
    sys.exit(1 if strict and log.has_errors else 0)


def _read_state(path: Path) -> dict[str, str]:
    """The fingerprints recorded at the last publication; none (build every ward) when unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("fingerprints", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _record_state(path: Path, current: dict[str, str], built: tuple[str, ...]) -> None:
    """Keep the recorded fingerprint of every ward still present, with the newly published ones now."""
    state = {slug: fp for slug, fp in _read_state(path).items() if slug in current}
    unknown = [slug for slug in built if slug not in current]
    if unknown:
        click.echo(f"Không có phường: {', '.join(unknown)}", err=True)
        sys.exit(2)
    state.update({slug: current[slug] for slug in built})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"fingerprints": dict(sorted(state.items()))}, indent=1) + "\n", encoding="utf-8")


@click.command("hub")
@click.option("--site-dir", type=click.Path(file_okay=False), default=city.SITE_DIR, show_default=True,
              help="Thư mục chứa các phường đã dựng; trang tổng hợp được ghi vào đây.")
def hub_command(site_dir):
    """Dựng trang tổng hợp của thành phố, quận từ bản tin của các phường đã dựng."""
    started = time.monotonic()
    repo, site = Path.cwd(), Path(site_dir).resolve()
    log = ProblemLog()
    hub = city.read_hub(repo, log)
    wards = [read_ward_feed(site, ward, hub, log) for ward in city.find_wards(repo, log)]
    for problem in log.problems:  # a ward's problem leaves that ward out; the others are published
        click.echo(problem.format())
    if any(p.is_error and p.path == city.HUB_FILE for p in log.problems):  # the hub's own identity is wrong
        click.secho("Chưa dựng trang tổng hợp; trang cũ (nếu có) vẫn được giữ nguyên.", fg="red", err=True)
        sys.exit(1)
    plan = plan_hub(hub, [w for w in wards if w is not None])
    build_hub(plan, repo, site, repo / ".cache" / "ward-news")
    click.echo(f"Đã dựng trang tổng hợp của {len(plan.wards)} phường, xã ({len(plan.latest)} tin) vào {site} "
               f"trong {time.monotonic() - started:.1f} giây.")
