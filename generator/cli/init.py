"""`ward-news init DIR --name "Phường ..."`: a new ward's repository, ready to check, build and publish.

The files come from `generator/scaffold/` (package data): content/ with the ward's identity, the
Mặt trận committee's usual categories, an introduction page and a first article; mkdocs.yml;
requirements.txt pinning this installation of ward-news, so it installs elsewhere (`requirement.py`);
the GitHub workflows (check on pull requests; publish on merge and every morning, so scheduled
articles appear); a pull-request template; the officers' guide; a README in Vietnamese with the two commands.

Inside a city's repository (`ward-news init wards/<ward> --name ...`) a ward is only its content/:
the city's repository already has the workflows, the README and the pinned version.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from string import Template

import click

from ..core import city, contract
from ..core.frontmatter import article_text
from ..core.options import OptionError, read_repo
from ..core.problems import ProblemLog
from ..core.rules.fields import zone
from ..core.text import make_slug
from . import address
from .requirement import RequirementError, install_requirement

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
@click.argument("directory", metavar="THƯ-MỤC", type=click.Path(file_okay=False), help="Thư mục mới (hoặc trống) để tạo kho.")
@click.option("--name", required=True, help="Tên phường/xã, ví dụ “Phường Hòa Bình”.")
@click.option("--site-url", default="", help="Địa chỉ trang, ví dụ https://mttq.phuonghoabinh.vn/ (có thể điền sau).")
@click.option("--requirement", default="",
              help="Dòng cài ward-news trong requirements.txt. Mặc định: đúng bản đang chạy, “ward-news==X.Y.Z” "
                   "nếu cài từ PyPI, “ward-news @ git+https://…@<commit>” nếu cài từ kho git.")
@click.option("--repo", default="", help="Kho GitHub của trang, dạng tài-khoản/tên-kho: bật trình soạn bài ở /quan-tri/.")
def init_command(directory, name, site_url, requirement, repo):
    """Tạo kho trang tin mới cho một phường/xã: nội dung mẫu, cấu hình, quy trình kiểm tra và đăng."""
    name = " ".join(name.split())
    if not make_slug(name):
        click.echo("Tên phường/xã cần có chữ, ví dụ: --name \"Phường Hòa Bình\".", err=True)
        sys.exit(1)
    root = Path(directory)
    # A fresh clone of the ward's empty GitHub repository holds only .git: that is where init belongs.
    if root.exists() and any(p.name != ".git" for p in root.iterdir()):
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
    if not requirement and not in_city:  # a city's ward has no requirements.txt of its own
        try:
            requirement = install_requirement(warn=lambda message: click.echo(message, err=True))
        except RequirementError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    if not site_url and not in_city:  # a city's wards are published under the hub's address
        site_url = _site_url(root, repo)
    values = {"editor_repo": repo, "name": name, "ward_in_text": _lower_first(name),
              "organisation": f"Ủy ban Mặt trận Tổ quốc Việt Nam {_lower_first(name)}",
              "site_url": site_url or address.PLACEHOLDER, "requirement": requirement, "contract": contract.CURRENT}
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


def _site_url(root: Path, repo: str) -> str:
    """GitHub Pages' address of `--repo`, or of the repository `root` is a clone of; "" (and a
    note saying what to do) when neither is known."""
    repo = repo or address.remote_repo(root) or ""
    if repo:
        url = address.pages_url(repo)
        click.echo(f"Địa chỉ trang: {url} (GitHub Pages của kho {repo}; tên miền riêng thì sửa site_url trong "
                   "mkdocs.yml).")
        return url
    click.echo("Chưa biết địa chỉ trang: mkdocs.yml ghi địa chỉ mẫu. Ghi địa chỉ thật vào dòng site_url: (hoặc "
               "chạy init với --site-url, --repo). Khi đăng bằng GitHub Actions, địa chỉ của GitHub Pages được "
               "dùng thay.", err=True)
    return ""


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
