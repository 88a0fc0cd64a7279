"""Problems found in officers' content: collected, never raised."""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass, field

from . import messages


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def printable(text: str) -> str:
    """`text` on one line: a line break or other control character in a file name or a quoted
    value is shown as an escape (`\\n`), so no printed problem can start a line of its own (a
    line GitHub's runner would read as a workflow command, `::error ...`)."""
    if not _CONTROL_CHARACTERS.search(text):
        return text
    return _CONTROL_CHARACTERS.sub(lambda m: "\\n" if m.group() == "\n" else f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, with the line an officer should look at."""

    path: str
    line: int | None
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """`path:line: message`, then the hint on its own line, as compilers print."""
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line else path
        label = "lỗi" if self.is_error else "cảnh báo"
        text = f"{where}: {label}: {printable(self.message)} [{self.code}]"
        if self.hint:
            text += f"\n    gợi ý: {printable(self.hint)}"
        return text

    def format_github(self) -> str:
        """A GitHub Actions annotation, so the officer sees it on the pull request line."""
        kind = "error" if self.is_error else "warning"
        body = self.message + (f" Gợi ý: {self.hint}" if self.hint else "")
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        loc = f"file={_annotation_property(self.path)}" + (f",line={self.line}" if self.line else "")
        return f"::{kind} {loc},title={self.code}::{body}"

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }


def _annotation_property(value: str) -> str:
    """A value inside `::error file=...,line=...`: GitHub's toolkit escapes these five characters."""
    for char, code in (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")):
        value = value.replace(char, code)
    return value


def _sort_key(problem: Problem):
    return (problem.path, problem.line or 0, problem.code, problem.message)


class ProblemLog:
    """Collects every problem of one run; rules append and move on."""

    def __init__(self) -> None:
        self._problems: list[Problem] = []

    def add(self, code: str, path: str, line: int | None = None, **values) -> Problem:
        severity, message, hint = messages.render(code, **values)
        problem = Problem(path=path, line=line, code=code, severity=Severity(severity), message=message, hint=hint)
        self._problems.append(problem)
        return problem

    def extend(self, problems) -> None:
        self._problems.extend(problems)

    @property
    def problems(self) -> list[Problem]:
        """Sorted by path, line, then code, so two runs read the same."""
        return sorted(self._problems, key=_sort_key)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self._problems)

    def __len__(self) -> int:
        return len(self._problems)

    def to_json(self) -> str:
        return json.dumps([p.as_dict() for p in self.problems], ensure_ascii=False, indent=2)
