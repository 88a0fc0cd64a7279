"""`ward-news init DIR --name "Phường ..."`: a new ward's repository, ready to check, build and publish.

The files come from `generator/scaffold/` (package data): content/ with the ward's identity, the
Mặt trận committee's usual categories, an introduction page and a first article; mkdocs.yml;
requirements.txt pinning this version of ward-news; the GitHub workflows (check on pull
requests; publish on merge and every morning, so scheduled articles appear); a pull-request
template; the officers' guide; a README in Vietnamese with the two commands.

Inside a city's repository (`ward-news init wards/<ward> --name ...`) a ward is only its content/:
the city's repository already has the workflows, the README and the pinned version.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from string import Template

import click

from .. import __version__
from ..core import city
from ..core.options import OptionError, read_repo
from ..core.problems import ProblemLog
from ..core.rules.fields import zone
from ..core.text import make_slug
from .new import article_text

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
#: Package data cannot hold dot-files reliably: stored without the dot, written with it.
_RENAMED = {"github": ".github", "gitignore": ".gitignore"}
_GUIDE = "huong-dan-can-bo.md"


def _target(relative: Path) -> Path:
    parts = [_RENAMED.get(part, part) for part in relative.parts]
    if parts == [_GUIDE]:
        parts = ["docs", _GUIDE]
    return Path(*parts)


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--name", required=True, help="Tên phường/xã, ví dụ “Phường Hòa Bình”.")
@click.option("--site-url", default="", help="Địa chỉ trang, ví dụ https://mttq.phuonghoabinh.vn/ (có thể điền sau).")
@click.option("--requirement", default=f"ward-news=={__version__}",
              help="Dòng cài ward-news trong requirements.txt (mặc định: đúng phiên bản đang chạy).")
@click.option("--repo", default="", help="Kho GitHub của trang, dạng tài-khoản/tên-kho: bật trình soạn bài ở /quan-tri/.")
def init_command(directory, name, site_url, requirement, repo):
    """Tạo kho trang tin mới cho một phường/xã: nội dung mẫu, cấu hình, quy trình kiểm tra và đăng."""
    name = " ".join(name.split())
    if not make_slug(name):
        click.echo("Tên phường/xã cần có chữ, ví dụ: --name \"Phường Hòa Bình\".", err=True)
        sys.exit(1)
    root = Path(directory)
    if root.exists() and any(root.iterdir()):
        click.echo(f"Thư mục {root} đã có tệp; hãy chọn một thư mục mới hoặc trống.", err=True)
        sys.exit(1)
    in_city = root.resolve().parent.name == city.WARDS_DIR
    if in_city:
        log = ProblemLog()
        root.joinpath("content").mkdir(parents=True, exist_ok=True)
        found = [w.slug for w in city.find_wards(root.resolve().parent.parent, log)]
        problems = [p for p in log.errors if p.path == f"{city.WARDS_DIR}/{root.name}/"]
        if problems or root.name not in found:
            root.joinpath("content").rmdir()
            root.rmdir()
            for problem in problems:
                click.echo(problem.format(), err=True)
            sys.exit(1)
    if repo:
        try:
            repo = read_repo("--repo", repo)
        except OptionError as exc:
            click.echo(str(exc).replace("mkdocs.yml, tùy chọn", "Tùy chọn"), err=True)
            sys.exit(1)
    values = {"editor_repo": repo, "name": name, "ward_in_text": _lower_first(name),
              "organisation": f"Ủy ban Mặt trận Tổ quốc Việt Nam {_lower_first(name)}",
              "site_url": site_url or "https://example.github.io/trang-tin/", "requirement": requirement}
    written = []
    for source in sorted(p for p in SCAFFOLD.rglob("*") if p.is_file()):
        relative = source.relative_to(SCAFFOLD)
        if in_city and relative.parts[0] != "content":
            continue
        target = root / _target(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if relative.name != _GUIDE:  # the officers' guide is copied as it is
            text = Template(text).safe_substitute(values)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    written.append(_first_article(root / "content", name))
    click.echo(f"Đã tạo trang tin cho {name} trong {root} ({len(written)} tệp).")
    if in_city:
        click.echo(f"Tiếp theo: ward-news check --ward {root.name} && ward-news build --ward {root.name}")
    else:
        click.echo(f"Tiếp theo: cd {root} && ward-news check && ward-news serve")


def _lower_first(name: str) -> str:
    """“Phường Hòa Bình” → “phường Hòa Bình”, as it reads after “Ủy ban MTTQ Việt Nam”."""
    first, _, rest = name.partition(" ")
    return (first.lower() + " " + rest).strip() if first.lower() in {"phường", "xã", "thị", "đặc"} else name


def _first_article(content: Path, name: str) -> Path:
    now = datetime.now(zone("Asia/Ho_Chi_Minh"))
    title = f"Ra mắt trang thông tin của Mặt trận {_lower_first(name)}"
    path = content / "news" / str(now.year) / f"{make_slug(title)}.md"
    body = (f"Từ hôm nay, tin hoạt động của Mặt trận và các đoàn thể {_lower_first(name)} được đăng tại trang này.\n\n"
            "Bà con có thể xem trên điện thoại, chia sẻ qua Zalo, Facebook và tìm lại tin cũ bất cứ lúc nào.\n")
    metadata = {"title": title, "date": now.strftime("%Y-%m-%d %H:%M"), "category": "Hoạt động Mặt trận",
                "tags": ["trang tin"]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(metadata, body), encoding="utf-8")
    return path
