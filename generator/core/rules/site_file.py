"""site.yml: the ward's identity (name, organisation, contacts, social links, logo)."""

from __future__ import annotations

from pathlib import Path

from ..frontmatter import YNode
from ..model import SocialLink, WardInfo
from ..problems import ProblemLog
from .. import contract
from . import fields
from .images import resolve_image

TEXT_KEYS = ["name", "organisation", "tagline", "description", "address", "phone", "email", "responsible", "logo"]
SOCIAL_LABELS = {"facebook": "Facebook", "zalo": "Zalo", "youtube": "YouTube", "tiktok": "TikTok", "website": "Website"}


def check_site_file(root: YNode | None, path: str, content_dir: Path, log: ProblemLog,
                    default_name: str = WardInfo.name) -> WardInfo:
    if root is None or (root.kind == "scalar" and root.value is None):
        return WardInfo(name=default_name)
    if root.kind != "mapping":
        log.add("site.not_mapping", path, root.line)
        return WardInfo(name=default_name)
    if not _read_contract(root, path, log):  # newer rules: none of its keys are ours to judge
        return WardInfo(name=default_name)
    values: dict[str, str] = {}
    for key in TEXT_KEYS:
        node = root.value.get(key)
        if node is None:
            continue
        if node.kind != "scalar" or isinstance(node.value, bool):
            log.add("site.field.type", path, root.key_lines[key], field=key, expected="một dòng chữ")
            continue
        if node.value is not None:
            values[key] = " ".join(node.text().split())
    social = _read_social(root, path, log)
    known = TEXT_KEYS + ["social", "contract"]
    for key, line in root.key_lines.items():
        if key not in known:
            hint = fields.did_you_mean(fields.suggest(key, known)) or \
                "Các trường dùng được: " + ", ".join(known) + "."
            log.add("field.unknown", path, line, field=key, hint=hint)
    logo = ""
    if values.get("logo"):
        logo = resolve_image(values["logo"], "site.yml", content_dir, path, root.key_lines["logo"], log) or ""
    return WardInfo(
        name=values.get("name", default_name),
        organisation=values.get("organisation", ""),
        tagline=values.get("tagline", ""),
        description=values.get("description", ""),
        address=values.get("address", ""),
        phone=values.get("phone", ""),
        email=values.get("email", ""),
        responsible=values.get("responsible", ""),
        social=tuple(social),
        logo=logo,
    )


def _read_social(root: YNode, path: str, log: ProblemLog) -> list[SocialLink]:
    node = root.value.get("social")
    if node is None or node.value is None:
        return []
    if node.kind != "mapping":
        log.add("site.field.type", path, root.key_lines["social"], field="social",
                expected="các dòng “tên: địa chỉ”, ví dụ facebook: https://…")
        return []
    links = []
    for key, child in node.value.items():
        url = str(child.value or "").strip() if child.kind == "scalar" else ""
        if not url.startswith(("http://", "https://")):
            log.add("article.source_url.invalid", path, node.key_lines[key], value=url or key)
            continue
        links.append(SocialLink(SOCIAL_LABELS.get(key.lower(), key), url))
    return links


def _read_contract(root: YNode, path: str, log: ProblemLog) -> bool:
    """`contract: N` (core/contract.py); False when the folder follows rules newer than ours."""
    node = root.value.get("contract")
    if node is None or node.value is None:
        return True
    value = node.value
    if node.kind != "scalar" or isinstance(value, bool) or not isinstance(value, int) or value < 1:
        log.add("site.contract.invalid", path, root.key_lines["contract"], value=node.text() if node.kind == "scalar"
                else "…", current=contract.CURRENT)
        return True
    if value > contract.CURRENT:
        log.add("site.contract.newer", path, root.key_lines["contract"], found=value, current=contract.CURRENT,
                version=contract.GENERATOR_VERSION)
        return False
    return True
