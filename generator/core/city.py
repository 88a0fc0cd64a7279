"""A city's or district's repository: many wards side by side, and the hub that gathers them.

```
hub.yml                    the hub's name, organisation, description, public address, logo
wards/<ward>/content/      one ward's content, the same contract as a lone ward's content/
wards/<ward>/mkdocs.yml    optional, as in a lone ward's repository (and wards/<ward>/overrides/)
```
Each ward is built on its own into `site/<ward>/`, at `<hub site_url><ward>/`, so a CI matrix can
build only the wards a change touches; `ward-news hub` then writes the hub into `site/` around them.
The folder name is the ward's URL part, so it must be one.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

from slugify import slugify

from .frontmatter import parse_yaml
from .problems import ProblemLog
from .rules import fields
from .text import DecodeError, decode_text

WARDS_DIR = "wards"
HUB_FILE = "hub.yml"
SITE_DIR = "site"
HUB_WARD_PAGES = "don-vi"  # the hub's page about each ward: don-vi/<ward>/

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Top-level names the hub writes in site/: a ward's folder may not take one.
HUB_NAMES = frozenset({HUB_WARD_PAGES, "the-chia-se", "assets", "anh", "404", "feed", "atom", "sitemap", "sitemaps",
                       "robots"})
HUB_KEYS = ["name", "organisation", "description", "site_url", "logo"]
#: Files outside wards/ that do not change how a ward is built.
_DOCUMENTATION = re.compile(r"^(?:[^/]+\.md|docs/.*|\.github/pull_request_template\.md)$")


@dataclass(frozen=True)
class WardFolder:
    slug: str  # the folder's name: the ward's URL part under the hub
    root: Path  # wards/<slug>/

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def config_file(self) -> Path | None:
        """The ward's own mkdocs.yml, when it has one (else the defaults of a ward without one)."""
        path = self.root / "mkdocs.yml"
        return path if path.is_file() else None


@dataclass(frozen=True)
class HubInfo:
    name: str = "Tin tức các phường, xã"
    organisation: str = ""
    description: str = ""
    site_url: str = ""  # with a trailing slash, or "" when unknown
    logo: str = ""  # path relative to the repository, or ""


def is_city(repo: Path) -> bool:
    return (repo / WARDS_DIR).is_dir()


def find_wards(repo: Path, log: ProblemLog) -> list[WardFolder]:
    """Every folder under wards/ that holds a content/ folder, by name; a name that cannot be a URL
    part, or that the hub uses, is a problem at that folder."""
    wards = []
    base = repo / WARDS_DIR
    folders = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")) if base.is_dir() else []
    for folder in folders:
        display = f"{WARDS_DIR}/{folder.name}/"
        if not (folder / "content").is_dir():
            log.add("city.ward.no_content", display, None)
            continue
        if not _SLUG.match(folder.name):
            log.add("city.ward.slug", display, None, name=folder.name, slug=slugify(folder.name) or "phuong-moi")
            continue
        if folder.name in HUB_NAMES:
            log.add("city.ward.reserved", display, None, name=folder.name)
            continue
        wards.append(WardFolder(folder.name, folder))
    return wards


def wards_touched(wards: Iterable[WardFolder], changed: Iterable[str]) -> list[str]:
    """The wards a change touches, from paths relative to the repository (`git diff --name-only`).
    A change outside wards/ (the generator's version, hub.yml with the address every ward is built
    at, a workflow) touches every ward, except documentation."""
    slugs = [ward.slug for ward in wards]
    touched = set()
    for path in changed:
        parts = PurePosixPath(path.strip()).parts
        if not parts:
            continue
        if parts[0] == WARDS_DIR:
            if len(parts) > 2 and parts[1] in slugs:  # a file inside a ward (a deleted ward is gone)
                touched.add(parts[1])
            continue
        if not _DOCUMENTATION.match(path.strip()):
            return slugs
    return [slug for slug in slugs if slug in touched]


def ward_fingerprints(repo: Path, wards: Iterable[WardFolder]) -> dict[str, str]:
    """What each ward's site is built from, as one hash: the ward's own files and the repository's
    shared ones (what `wards_touched` counts as touching every ward). CI compares them with the
    fingerprints recorded when each ward was last published, so a ward is rebuilt until it has
    been published as it is now, whatever happened to the runs in between (cancelled, failed),
    and renames or names with diacritics need no care."""
    shared = hashlib.sha256()
    for path in _input_files(repo, top=True):
        rel = path.relative_to(repo).as_posix()
        if not _DOCUMENTATION.match(rel):
            shared.update(f"{rel}\0{_file_hash(path)}\n".encode())
    prints = {}
    for ward in wards:
        digest = hashlib.sha256(shared.digest())
        for path in _input_files(ward.root, top=False):
            digest.update(f"{path.relative_to(ward.root).as_posix()}\0{_file_hash(path)}\n".encode())
        prints[ward.slug] = digest.hexdigest()
    return prints


def _input_files(root: Path, top: bool) -> list[Path]:
    """Files a build reads. Never dot-files or dot-folders (caches, git, locks; `.github/` at the
    top excepted: a new workflow rebuilds every ward); at the top of the repository, not the built
    `site/`, nor `wards/` (each ward hashes its own folder)."""
    found = []
    for folder, dirs, files in os.walk(root):
        at_top = top and Path(folder) == root
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and (not d.startswith(".") or (at_top and d == ".github"))
                         and not (at_top and d in (SITE_DIR, WARDS_DIR)))
        found += [Path(folder) / name for name in sorted(files) if not name.startswith(".")]
    return found


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wards_to_build(current: dict[str, str], published: dict[str, str]) -> list[str]:
    """The wards whose inputs differ from what was last published (or never were)."""
    return [slug for slug, fingerprint in current.items() if published.get(slug) != fingerprint]


def ward_site_url(hub: HubInfo, slug: str) -> str:
    """Where a ward of the hub is published: `<hub>/<ward>/`, or "" when the hub's address is unknown."""
    return f"{hub.site_url}{slug}/" if hub.site_url else ""


def read_hub(repo: Path, log: ProblemLog) -> HubInfo:
    """hub.yml, every mistake at its line; defaults where it says nothing."""
    path = repo / HUB_FILE
    if not path.is_file():
        return HubInfo()
    text = decode_text(path.read_bytes())
    if isinstance(text, DecodeError):
        log.add(text.code, HUB_FILE, text.line, column=text.column, char=text.char)
        return HubInfo()
    root = parse_yaml(text, HUB_FILE, log)
    if root is None or root.value is None:
        return HubInfo()
    if root.kind != "mapping":
        log.add("site.not_mapping", HUB_FILE, root.line)
        return HubInfo()
    values: dict[str, str] = {}
    for key, line in root.key_lines.items():
        node = root.value[key]
        if key not in HUB_KEYS:
            hint = (fields.did_you_mean(fields.suggest(key, HUB_KEYS))
                    or "Các trường dùng được: " + ", ".join(HUB_KEYS) + ".")
            log.add("field.unknown", HUB_FILE, line, field=key, hint=hint)
        elif node.kind != "scalar" or isinstance(node.value, bool):
            log.add("site.field.type", HUB_FILE, line, field=key, expected="một dòng chữ")
        elif node.value is not None:
            values[key] = " ".join(node.text().split())
    site_url = values.get("site_url", "")
    if site_url and not site_url.startswith(("http://", "https://")):
        log.add("article.source_url.invalid", HUB_FILE, root.key_lines["site_url"], value=site_url)
        site_url = ""
    logo = values.get("logo", "")
    if logo:
        target, inside = (repo / logo).resolve(), repo.resolve()
        if inside not in target.parents or ":" in logo.split("/", 1)[0]:
            log.add("image.outside", HUB_FILE, root.key_lines["logo"], value=logo)
            logo = ""
        elif not target.is_file():
            log.add("image.missing", HUB_FILE, root.key_lines["logo"], value=logo, looked=logo)
            logo = ""
        else:
            logo = target.relative_to(inside).as_posix()
    return HubInfo(
        name=values.get("name", HubInfo.name),
        organisation=values.get("organisation", ""),
        description=values.get("description", ""),
        site_url=site_url.rstrip("/") + "/" if site_url else "",
        logo=logo,
    )
