"""Fingerprints of the generator's own code: what every cache key carries besides its input.

A cached value is right only for the code that computed it. Version numbers are not enough: an
edit in a checkout (or a release that forgot a bump) would leave derived values stale. So each
key carries a hash of the *source* of the module that computes the value and of every
`generator` module it imports, directly or not (found by reading their imports, not by a list
kept by hand), plus the versions of the libraries whose output ends up in the value.

`code_fingerprint()` with no argument covers the whole package (templates, assets, code): the
key of what depends on everything, like a rendered page or the memo of derived values.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import os
import threading
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # generator/
PACKAGE = PACKAGE_ROOT.name

#: Libraries whose output ends up in what the caches hold: a new version may change it.
LIBRARIES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "MarkupSafe", "nh3",
             "Babel", "Pygments", "pillow", "pillow-heif", "deflate", "segno", "feedgen", "PyYAML")


def _module_file(module: str) -> Path | None:
    parts = module.split(".")[1:]
    base = PACKAGE_ROOT.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(module: str, path: Path) -> set[str]:
    """The `generator` modules `path` imports, absolute names, anywhere in the file (imports inside
    functions included: they run too)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != PACKAGE:
                continue
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # `from . import urls`
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == PACKAGE)
    return found


def module_closure(module: str) -> list[Path]:
    """The source files of `module` and of every `generator` module it imports, sorted."""
    seen: dict[str, Path] = {}
    pending = [module]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        path = _module_file(name)
        if path is None:  # a name imported from a module, not a module
            continue
        seen[name] = path
        pending.extend(_imports(name, path))
        parts = name.split(".")
        pending.extend(".".join(parts[:n]) for n in range(2, len(parts)))  # parents' __init__ run first
    return sorted(set(seen.values()))


def _digest_files(paths) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(os.path.relpath(path, PACKAGE_ROOT).encode() + b"\0")
        with open(path, "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()


def library_versions(names=LIBRARIES) -> str:
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}=")
    return ",".join(versions)


def forget_code() -> None:
    """Read the code from disk again at the next `code_fingerprint` (each build starts with this:
    core/buildcache.py), so a build after an edit in the same process sees the edit."""
    with _READING:
        _code_fingerprint.cache_clear()


#: One thread at a time reads the code: the card thread, the search thread and the main one all
#: ask, and CPython 3.11's ast.parse is not safe in two threads at once ("AST constructor
#: recursion depth mismatch", a SystemError). The others wait for the first one's answer.
_READING = threading.RLock()


def code_fingerprint(module: str | None = None) -> str:
    """A hash of the code behind `module` (a dotted name in this package), or of the whole package
    (every file under generator/, templates and assets included) when None, with the versions
    of the libraries that shape the output. Read once per build (`forget_code`): keys of cards
    and photos ask for it thousands of times."""
    with _READING:
        return _code_fingerprint(module)


@functools.lru_cache(maxsize=None)
def _code_fingerprint(module: str | None) -> str:
    if module is None:
        paths = []
        for folder, dirnames, names in os.walk(PACKAGE_ROOT):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            paths += [os.path.join(folder, name) for name in sorted(names) if not name.endswith(".pyc")]
    else:
        paths = module_closure(module)
    return hashlib.sha256(f"{_digest_files(paths)}|{library_versions()}".encode()).hexdigest()
