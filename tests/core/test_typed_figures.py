"""Figures as officers really type them: each row gives the right number, or an error at the
item's line with the fix for that exact figure. A report's figure is read out at the ward's
conference: `value: 2,500` published as "2" is the failure this table guards against."""

from __future__ import annotations

import pytest

from tests.core.test_load import load

HEAD = "---\ntitle: Báo cáo năm 2025\nyear: 2025\ndate: 2026-01-10\nindicators:\n  - group: An sinh\n    items:\n"
ITEM_LINE = 8

#: (the item as typed, the number published or None, the problem code, a piece of its hint)
ROWS = [
    ("{label: Phần quà, value: 2500, unit: phần}", 2500, None, None),
    ("{label: Phần quà, value: 2,500, unit: phần}", None, "report.item.number", "value: 2500"),
    ("{label: Phần quà, value: 2.500, unit: phần}", None, "report.item.number", "value: 2500"),
    ("{label: Gạo, value: 1.5, unit: tấn}", 1.5, None, None),
    ("{label: Gạo, value: 1,5, unit: tấn}", None, "report.item.number", "value: 1.5"),
    ("{label: Gạo, value: \"1,5\", unit: tấn}", None, "report.item.number", "value: 1.5"),
    ("{label: Phần quà, value: hai nghìn, unit: phần}", None, "report.item.number", "value: 2500"),
    ("{label: Phần quà, value: 2500 phần}", None, "report.item.number", "unit:"),
    ("{label: Quỹ, value: 1,2 tỷ}", None, "report.item.number", "value: 1.2, unit: tỷ đồng"),
    ("{label: Quỹ, value: 1185, unit: triệu đồng}", 1185, None, None),
    ("{label: Quỹ, value: 1.2, unit: tỷ đồng}", 1.2, None, None),
    ("{label: Quỹ, value: 250, unit: triệu}", None, "report.item.unit", "triệu đồng"),
    ("{label: Quỹ, value: 250000000, unit: triệu đồng}", None, "report.item.unit", "value: 250, unit: triệu đồng"),
    ("{label: Quỹ, value: 1185000000, unit: VND}", 1185000000, None, None),
    ("{label: Quà, value: 100, previous: 1,250}", None, "report.item.number", "previous: 1250"),
    ("{label: Quà, value: 100, target: 2,5}", None, "report.item.number", "target: 2.5"),
    ("{label: Quà, value: .nan}", None, "report.item.number", "value: 2500"),
    ("{label: \"Tổ dân phố có hương ước, quy ước\", value: 92, unit: \"%\"}", 92, None, None),
]


@pytest.mark.parametrize("typed, number, code, hint", ROWS, ids=[row[0] for row in ROWS])
def test_every_typed_figure_is_the_right_number_or_an_error_at_its_line(tmp_path, typed, number, code, hint):
    result = load(tmp_path, {"reports/2025.md": HEAD + "      - " + typed + "\n---\nNăm 2025 đạt kết quả tốt.\n"})
    errors = [p for p in result.problems.problems if p.is_error]
    if code is None:
        assert not errors and result.ok, [p.format() for p in result.problems.problems]
        [item] = [i for group in result.site.reports[0].groups for i in group.items]
        assert item.value == number and type(item.value) is type(number)
    else:
        assert [(p.code, p.line) for p in errors] == [(code, ITEM_LINE)], [p.format() for p in errors]
        assert hint in errors[0].hint, errors[0].hint
        assert not result.ok  # nothing is published: never the "2" of "2,500"
