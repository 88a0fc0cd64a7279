"""Annual reports (reports/<year>.md): the year, the title and every figure, each at its own line.

Figures are where a typo turns into a wrong number read out at the ward's conference, so a
value is accepted only when it is unambiguously a number: `2.500` (a Vietnamese thousands dot
that YAML would read as 2,5), `2,500` (which YAML splits into 2 and a key 500) and `250 triệu`
are refused with the way to write them. Money may carry its scale in the unit (`value: 1185,
unit: triệu đồng`), so nobody counts zeros.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, tzinfo
from pathlib import Path

from ..frontmatter import Document, YNode
from ..model import Indicator, IndicatorGroup, Report
from ..problems import ProblemLog
from ..quotes import curly_quotes
from ..text import fold
from ..vi import MONEY_UNIT, PERCENT_UNIT
from . import fields
from .articles import DESCRIPTION_MAX, first_paragraph, shorten
from .body import check_body

KNOWN_KEYS = ["title", "year", "date", "summary", "indicators"]
ITEM_KEYS = ("label", "value", "unit", "previous", "target", "note")
_YEAR_FILE = re.compile(r"^([1-9]\d{3})\.md$")  # 0000.md is no year (and no date can be made of it)
_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")  # 2.500 or 1.250.000: Vietnamese thousands dots
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")  # 1,5: a Vietnamese decimal comma
#: Units officers type for money and percentages, folded, with what to write instead.
_UNIT_FIXES = {
    "vnd": MONEY_UNIT, "vnđ": MONEY_UNIT, "đ": MONEY_UNIT, "d": MONEY_UNIT, "dong": MONEY_UNIT, "đong": MONEY_UNIT,
    "đồng": MONEY_UNIT, "trieu": "triệu đồng (ví dụ value: 250, unit: triệu đồng)",
    "ty": "tỷ đồng (ví dụ value: 1.2, unit: tỷ đồng)",
    "percent": f'"{PERCENT_UNIT}"',
    "phan tram": f'"{PERCENT_UNIT}"', "pt": f'"{PERCENT_UNIT}"',
}


#: Money units that carry their scale, so nobody counts zeros (value: 1185, unit: triệu đồng).
_SCALED_MONEY = {"trieu dong": 1_000_000, "ty dong": 1_000_000_000, "nghin dong": 1_000, "ngan dong": 1_000}
_IMPLAUSIBLE_MONEY = 10 ** 14  # 100 nghìn tỷ đồng: no ward's figure; the full number typed with a scale


def _plain(number: float | int) -> str:
    return f"{number:.10g}" if isinstance(number, float) else str(number)


def check_report(src_uri: str, path: str, doc: Document, log: ProblemLog, tz: tzinfo,
                 content_dir: Path) -> Report | None:
    name = src_uri.rsplit("/", 1)[-1]
    match = _YEAR_FILE.match(name)
    if match is None:
        log.add("report.name", path, 1, name=name)
        return None
    file_year = int(match.group(1))
    if doc.meta is None:
        log.add("report.frontmatter.missing", path, 1)
        return None
    meta = doc.meta
    errors_before = len(log.errors)
    for key in meta.value:
        if key not in KNOWN_KEYS:
            log.add("field.unknown", path, meta.key_lines.get(key), field=key,
                    hint="Các trường của báo cáo: " + ", ".join(KNOWN_KEYS) + ".")
    title = fields.read_text(meta, "title", path, log, required=True, label="tên báo cáo",
                             example=f"title: Tổng kết công tác Mặt trận năm {file_year}")
    year = _read_year(meta, path, log, file_year)
    date = fields.read_date(meta, "date", path, log, tz, required=False)
    summary = fields.read_text(meta, "summary", path, log) or ""
    groups = _read_groups(meta, path, log)
    check_body(doc.body, doc.body_line, src_uri, content_dir, path, log)
    if len(log.errors) > errors_before or title is None or year is None:
        return None
    title, summary = curly_quotes(title), curly_quotes(summary)
    lead = summary or first_paragraph(doc.body)
    return Report(
        src_uri=src_uri, path=path, year=year, title=title,
        date=date or datetime(year, 12, 31, tzinfo=tz), summary=summary, body=doc.body, body_line=doc.body_line,
        groups=groups, description=shorten(lead, DESCRIPTION_MAX) or title,
    )


def check_duplicate_years(reports: list[Report], log: ProblemLog) -> list[Report]:
    seen: dict[int, Report] = {}
    for report in reports:
        if report.year in seen:
            log.add("report.duplicate_year", report.path, 1, year=report.year, other=seen[report.year].path)
        else:
            seen[report.year] = report
    return list(seen.values())


def _read_year(meta: YNode, path: str, log: ProblemLog, file_year: int) -> int | None:
    node = meta.value.get("year")
    line = meta.key_lines.get("year")
    if node is None:
        log.add("field.missing", path, fields.missing_line(meta), field="year", label="năm báo cáo",
                example=f"year: {file_year}")
        return None
    raw = node.text().strip() if node.kind == "scalar" and node.value is not None else ""
    if not re.fullmatch(r"\d{4}", raw):
        log.add("report.year.invalid", path, line, value=raw or node.describe(), file_year=file_year)
        return None
    if int(raw) != file_year:
        log.add("report.year.mismatch", path, line, year=raw, file_year=file_year)
        return None
    return file_year


def _read_groups(meta: YNode, path: str, log: ProblemLog) -> tuple[IndicatorGroup, ...]:
    node = meta.value.get("indicators")
    if node is None or (node.kind == "scalar" and node.value is None):
        log.add("report.indicators.missing", path, meta.key_lines.get("indicators") or fields.missing_line(meta))
        return ()
    if node.kind != "sequence":
        log.add("report.indicators.type", path, meta.key_lines.get("indicators"), field="indicators",
                expected="một danh sách nhóm", found=node.describe(),
                hint="Mỗi nhóm bắt đầu bằng “- group: Tên nhóm”, xuống dòng “items:”.")
        return ()
    groups: list[IndicatorGroup] = []
    first_lines: dict[str, int] = {}
    for group_node in node.value:
        if group_node.kind != "mapping":
            log.add("report.indicators.type", path, group_node.line, field="indicators", expected="một nhóm",
                    found=group_node.describe(), hint="Ví dụ: - group: An sinh xã hội")
            continue
        name = fields.read_text(group_node, "group", path, log)
        if not name:
            if "group" not in group_node.value:
                log.add("report.group.name", path, group_node.line)
            continue
        if fold(name) in first_lines:
            log.add("report.group.duplicate", path, group_node.key_lines.get("group"), group=name,
                    first_line=first_lines[fold(name)])
            continue
        first_lines[fold(name)] = group_node.key_lines.get("group", group_node.line)
        items = _read_items(group_node, name, path, log)
        if items:
            groups.append(IndicatorGroup(name=name, items=items))
    return tuple(groups)


def _read_items(group_node: YNode, group: str, path: str, log: ProblemLog) -> tuple[Indicator, ...]:
    node = group_node.value.get("items")
    line = group_node.key_lines.get("items", group_node.line)
    if node is None or (node.kind == "scalar" and node.value is None) or (node.kind == "sequence" and not node.value):
        log.add("report.group.empty", path, line, group=group)
        return ()
    if node.kind != "sequence":
        log.add("report.indicators.type", path, line, field="items", expected="một danh sách chỉ tiêu",
                found=node.describe(), hint="Mỗi chỉ tiêu là một dòng bắt đầu bằng “- ”.")
        return ()
    items: list[Indicator] = []
    first_lines: dict[str, int] = {}
    for item in node.value:
        indicator = _read_item(item, path, log)
        if indicator is None:
            continue
        if fold(indicator.label) in first_lines:
            log.add("report.item.duplicate", path, indicator.line, group=group, label=indicator.label,
                    first_line=first_lines[fold(indicator.label)])
            continue
        first_lines[fold(indicator.label)] = indicator.line
        items.append(indicator)
    return tuple(items)


def _read_item(item: YNode, path: str, log: ProblemLog) -> Indicator | None:
    if item.kind != "mapping":
        log.add("report.indicators.type", path, item.line, field="items", expected="một chỉ tiêu",
                found=item.describe(), hint="Ví dụ: - {label: Phần quà vận động, value: 2500, unit: phần}")
        return None
    label = fields.read_text(item, "label", path, log)
    if not label:
        if "label" not in item.value:
            log.add("report.item.label", path, item.line)
        return None
    line = item.key_lines.get("label", item.line)
    ok = True
    keys = list(item.value)
    for index, key in enumerate(keys):
        if _split_by_comma(item, keys, index, label, path, line, log):
            ok = False  # `value: 2,500` read as value 2 and a key 500: never publish the 2
        elif key not in ITEM_KEYS:
            log.add("report.item.unknown", path, item.key_lines.get(key, line), field=key, label=label)
    value = _read_number(item, "value", label, path, log)
    if value is None:
        ok = False
        if "value" not in item.value:
            log.add("report.item.value.missing", path, line, label=label)
    previous = target = None
    if "previous" in item.value:
        previous = _read_number(item, "previous", label, path, log)
        ok = ok and previous is not None
    if "target" in item.value:
        target = _read_number(item, "target", label, path, log)
        ok = ok and target is not None
    unit = fields.read_text(item, "unit", path, log) or ""
    fix = _UNIT_FIXES.get(fold(unit)) if unit not in (MONEY_UNIT, PERCENT_UNIT) else None
    if fix:
        log.add("report.item.unit", path, item.key_lines.get("unit", line), unit=unit, label=label, suggestion=fix)
        ok = False
    scale = _SCALED_MONEY.get(fold(unit))
    if scale is not None and isinstance(value, (int, float)) and abs(value) * scale >= _IMPLAUSIBLE_MONEY:
        # 250000000 with unit: triệu đồng is 250 nghìn tỷ: the full number written with a scaled unit
        log.add("report.item.unit", path, item.key_lines.get("unit", line), unit=unit, label=label,
                suggestion=f"VND (giữ value: {_plain(value)}), hoặc value: {_plain(value / 1_000_000)}, "
                           f"unit: triệu đồng")
        ok = False
    note = fields.read_text(item, "note", path, log) or ""
    if not ok:
        return None
    return Indicator(label=label, value=value, unit=unit, previous=previous, target=target, note=note, line=line)


def _split_by_comma(item: YNode, keys: list, index: int, label: str, path: str, line: int, log: ProblemLog) -> bool:
    """Whether key `index` is the rest of a number a comma split: in `{label: Quà, value: 2,500}`
    YAML reads `value: 2` and a key `500` (and `value: 1,5`, one and a half, as 1 and `5`).
    Logged as an error at the line, with the fix for that exact number."""
    stray = str(keys[index])
    match = re.fullmatch(r"(\d+)\s*(\D*)", stray.strip())
    if match is None or index == 0 or item.value[keys[index]].value is not None:
        return False
    digits, words = match.group(1), match.group(2).strip()
    field = str(keys[index - 1])
    before = item.value[keys[index - 1]]
    written = (before.raw or "").strip() if before.kind == "scalar" else ""
    if field not in ("value", "previous", "target") or not re.fullmatch(r"-?\d+", written):
        return False
    typed = f"{written},{stray}"
    decimal = f"{written}.{digits.rstrip('0') or '0'}"
    if words:  # 1,2 tỷ: a number with its unit inside the value
        unit = {"ty": "tỷ đồng", "ty dong": "tỷ đồng", "trieu": "triệu đồng", "trieu dong": "triệu đồng"}.get(
            fold(words), words)
        hint = f"Số viết bằng dấu chấm thập phân, đơn vị ghi riêng: {field}: {decimal}, unit: {unit}."
    elif len(digits) == 3:  # 2,500: a thousands comma (or, in Vietnamese, 2,5 with zeros)
        hint = (f"Viết số không có dấu phẩy: {field}: {written}{digits}. Nếu là số thập phân "
                f"({written} phẩy {digits.rstrip('0') or '0'}), viết {field}: {decimal}.")
    else:  # 1,5: the Vietnamese decimal comma
        hint = f"Số thập phân viết bằng dấu chấm: {field}: {decimal} (trang web vẫn hiện {written},{digits})."
    log.add("report.item.number", path, item.key_lines.get(keys[index - 1], line), field=field, label=label,
            found=f"“{typed}” (dấu phẩy tách nó thành hai phần)", hint=hint)
    return True


def _read_number(item: YNode, key: str, label: str, path: str, log: ProblemLog) -> float | int | None:
    node = item.value.get(key)
    if node is None:
        return None
    line = item.key_lines.get(key, item.line)
    if node.kind == "scalar" and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        raw = (node.raw or "").strip()
        if _THOUSANDS.match(raw):  # YAML read 2.500 as two and a half
            log.add("report.item.number", path, line, field=key, label=label, found=f"“{raw}”",
                    hint=f"Viết số không có dấu chấm ngăn cách hàng nghìn: {key}: {raw.replace('.', '')}")
            return None
        if not math.isfinite(node.value):  # YAML's .nan and .inf: no figure ("NaN%" on the page)
            log.add("report.item.number", path, line, field=key, label=label, found=f"“{raw}”",
                    hint=f"Chỉ viết chữ số, ví dụ {key}: 2500.")
            return None
        return node.value
    found = node.describe()
    raw = node.text().strip() if node.kind == "scalar" and node.value is not None else ""
    if _DECIMAL_COMMA.match(raw):
        hint = f"Số thập phân viết bằng dấu chấm: {key}: {raw.replace(',', '.')} (trang web sẽ hiện {raw})."
    elif raw and re.match(r"^[\d.,]+\s*(triệu|tỷ|ty|trieu|nghìn|ngàn)", raw, re.I):
        hint = "Viết đủ con số, không dùng chữ: 250 triệu là 250000000, 1,2 tỷ là 1200000000."
    else:
        hint = f"Chỉ viết chữ số, ví dụ {key}: 2500. Từ như “gần”, “hơn” ghi vào note:, đơn vị ghi vào unit:."
    log.add("report.item.number", path, line, field=key, label=label, found=found, hint=hint)
    return None
