"""Printing problems for people (grouped by file, Vietnamese) and for GitHub Actions."""

from __future__ import annotations

import click

from ..core.problems import Problem


def print_text(problems: list[Problem]) -> None:
    current = None
    for problem in problems:
        if problem.path != current:
            if current is not None:
                click.echo()
            current = problem.path
        click.secho(problem.format(), fg="red" if problem.is_error else "yellow", err=False)
    click.echo(summary(problems))


def print_github(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format_github())


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if not problems:
        return "Không tìm thấy lỗi nào. Nội dung sẵn sàng để đăng."
    parts = [f"{errors} lỗi"] + ([f"{warnings} cảnh báo"] if warnings else [])
    tail = " Trang web chưa thể đăng cho đến khi sửa hết lỗi." if errors else ""
    return f"Tìm thấy {' và '.join(parts)} trong {files} tệp.{tail}"
