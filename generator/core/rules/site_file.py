"""site.yml: the ward's identity (name, organisation, contacts, social links, logo) and the
organisation page (`about:`)."""

from __future__ import annotations

import re
from pathlib import Path

from ..frontmatter import YNode
from ..model import About, Contact, SocialLink, WardInfo
from ..problems import ProblemLog
from ..synonyms import MAX_GROUPS, MAX_PHRASE, phrase_words
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
    about = read_about(root, path, log)
    synonyms = _read_synonyms(root, path, log)
    known = TEXT_KEYS + ["social", "contract", "about", "synonyms"]
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
        about=about,
        synonyms=synonyms,
    )


def _read_synonyms(root: YNode, path: str, log: ProblemLog) -> tuple[tuple[str, ...], ...]:
    """`synonyms:`: groups of words that mean the same to the ward's residents, each a list of at
    least two (`- [chợ Hòa Bình, chợ cóc]`), added to the built-in ones (core/synonyms.py).
    A wrong group is reported at its line and left out; the others still count."""
    node = root.value.get("synonyms")
    if node is None or node.value is None:
        return ()
    example = "synonyms:\n  - [nhà văn hóa tổ 5, NVH tổ 5]\n  - [chợ Hòa Bình, chợ cóc]"
    if node.kind != "sequence":
        log.add("site.synonyms.invalid", path, root.key_lines["synonyms"],
                problem="phải là một danh sách các nhóm từ", example=example)
        return ()
    groups = []
    for item in node.value:
        phrases = [child for child in item.value] if item.kind == "sequence" else []
        texts = [" ".join(c.text().split()) for c in phrases if c.kind == "scalar" and c.value is not None
                 and not isinstance(c.value, bool)]
        if len(texts) < 2 or len(texts) != len(phrases):
            log.add("site.synonyms.invalid", path, item.line,
                    problem="mỗi nhóm là một danh sách từ hai cụm từ trở lên, trong ngoặc vuông", example=example)
        elif any(not phrase_words(t) or len(t) > MAX_PHRASE for t in texts):
            log.add("site.synonyms.invalid", path, item.line,
                    problem=f"mỗi cụm từ cần có chữ và dài không quá {MAX_PHRASE} ký tự", example=example)
        elif len(groups) == MAX_GROUPS:
            log.add("site.synonyms.invalid", path, item.line,
                    problem=f"chỉ dùng được {MAX_GROUPS} nhóm đầu tiên", example=example)
            break
        else:
            groups.append(tuple(texts))
    return tuple(groups)


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


# --- about: the organisation page ------------------------------------------------------------

ABOUT_LISTS = {"duties": "chức năng, nhiệm vụ", "members": "các tổ chức thành viên",
               "groups": "các tổ dân phố, khu dân cư"}
ABOUT_TEXTS = {"hours": "giờ làm việc", "map": "địa chỉ bản đồ", "english_name": "tên tiếng Anh",
               "english_summary": "giới thiệu bằng tiếng Anh"}
ABOUT_KEYS = [*ABOUT_LISTS, "contacts", *ABOUT_TEXTS, "portals"]
CONTACT_KEYS = ["name", "title", "phone", "email"]
#: Linked from every organisation page unless the ward lists its own portals.
NATIONAL_PORTAL = SocialLink("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn")
_PHONE = re.compile(r"^\+?[0-9][0-9 .()-]{6,18}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def read_about(root: YNode, path: str, log: ProblemLog) -> About | None:
    """site.yml's `about:` block, or None when the ward has not written one."""
    node = root.value.get("about")
    if node is None or node.value is None:
        return None
    if node.kind != "mapping":
        log.add("site.about.invalid", path, root.key_lines["about"], field="about",
                expected="các dòng “tên: giá trị” thụt vào bên dưới",
                hint="Ví dụ:\nabout:\n  hours: Thứ Hai – Thứ Sáu, 8:00–17:00")
        return None
    lists = {key: _text_list(node, key, label, path, log) for key, label in ABOUT_LISTS.items()}
    texts = {}
    for key, label in ABOUT_TEXTS.items():
        child = node.value.get(key)
        if child is None or child.value is None:
            continue
        if child.kind != "scalar" or isinstance(child.value, bool):
            log.add("site.about.invalid", path, node.key_lines[key], field=key, expected="một dòng chữ",
                    hint=f"Ví dụ: {key}: …")
            continue
        texts[key] = " ".join(child.text().split())
    map_url = texts.get("map", "")
    if map_url and not map_url.startswith(("http://", "https://")):
        log.add("site.url.invalid", path, node.key_lines["map"], value=map_url)
        map_url = ""
    for key, line in node.key_lines.items():
        if key not in ABOUT_KEYS:
            hint = fields.did_you_mean(fields.suggest(key, ABOUT_KEYS)) or \
                "Các mục dùng được trong about: " + ", ".join(ABOUT_KEYS) + "."
            log.add("field.unknown", path, line, field=key, hint=hint)
    portals = _portals(node, path, log)
    return About(duties=lists["duties"], members=lists["members"], groups=lists["groups"],
                 contacts=_contacts(node, path, log), hours=texts.get("hours", ""), map_url=map_url,
                 portals=portals if portals is not None else (NATIONAL_PORTAL,),
                 english_name=texts.get("english_name", ""), english_summary=texts.get("english_summary", ""))


def _text_list(node: YNode, key: str, label: str, path: str, log: ProblemLog) -> tuple[str, ...]:
    child = node.value.get(key)
    if child is None or child.value is None:
        return ()
    items = child.value if child.kind == "sequence" else None
    if items is None or any(i.kind != "scalar" or i.value is None or isinstance(i.value, bool) for i in items):
        log.add("site.about.invalid", path, node.key_lines[key], field=key,
                expected=f"một danh sách {label}, mỗi dòng bắt đầu bằng “- ”",
                hint=f"Ví dụ:\n  {key}:\n    - …\n    - …")
        return ()
    return tuple(" ".join(i.text().split()) for i in items)


def _contacts(node: YNode, path: str, log: ProblemLog) -> tuple[Contact, ...]:
    child = node.value.get("contacts")
    if child is None or child.value is None:
        return ()
    if child.kind != "sequence":
        log.add("site.contact.invalid", path, node.key_lines["contacts"])
        return ()
    contacts = []
    for item in child.value:
        if item.kind != "mapping" or not isinstance(item.value.get("name"), YNode) or \
                item.value["name"].kind != "scalar" or not str(item.value["name"].value or "").strip():
            log.add("site.contact.invalid", path, item.line)
            continue
        values = {}
        for key, value in item.value.items():
            line = item.key_lines.get(key, item.line)
            if key not in CONTACT_KEYS:
                log.add("field.unknown", path, line, field=key,
                        hint=fields.did_you_mean(fields.suggest(key, CONTACT_KEYS)) or
                        "Mỗi người liên hệ có: " + ", ".join(CONTACT_KEYS) + ".")
                continue
            if value.kind != "scalar" or isinstance(value.value, bool):
                log.add("site.about.invalid", path, line, field=key, expected="một dòng chữ", hint=f"Ví dụ: {key}: …")
                continue
            values[key] = " ".join(value.text().split()) if value.value is not None else ""
        phone, email = values.get("phone", ""), values.get("email", "")
        if phone and not _PHONE.match(phone):
            log.add("site.phone.invalid", path, item.key_lines.get("phone", item.line), value=phone)
            phone = ""
        if email and not _EMAIL.match(email):
            log.add("site.email.invalid", path, item.key_lines.get("email", item.line), value=email)
            email = ""
        contacts.append(Contact(values["name"], values.get("title", ""), phone, email))
    return tuple(contacts)


def _portals(node: YNode, path: str, log: ProblemLog) -> tuple[SocialLink, ...] | None:
    """`portals:` as `- label: …, url: …` items; None when not written (the national portal is used)."""
    child = node.value.get("portals")
    if child is None:
        return None
    if child.value is None:
        return ()
    if child.kind != "sequence":
        log.add("site.about.invalid", path, node.key_lines["portals"], field="portals",
                expected="một danh sách cổng thông tin", hint=_PORTAL_EXAMPLE)
        return ()
    portals = []
    for item in child.value:
        label = item.value.get("label") if item.kind == "mapping" else None
        url = item.value.get("url") if item.kind == "mapping" else None
        if label is None or url is None or label.kind != "scalar" or url.kind != "scalar":
            log.add("site.about.invalid", path, item.line, field="portals", expected="“label:” và “url:”",
                    hint=_PORTAL_EXAMPLE)
            continue
        address = str(url.value or "").strip()
        if not address.startswith(("http://", "https://")):
            log.add("site.url.invalid", path, url.line, value=address)
            continue
        portals.append(SocialLink(" ".join(label.text().split()), address))
    return tuple(portals)


_PORTAL_EXAMPLE = ("Ví dụ:\n  portals:\n    - label: Cổng Dịch vụ công quốc gia\n      url: https://dichvucong.gov.vn")
