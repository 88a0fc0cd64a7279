"""Annual reports: validation at the offending line, counted figures, accessible SVG charts."""

from datetime import datetime
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

from generator.core.load import load_site
from generator.core.reports import build_report_view
from generator.core.settings import Settings
from tests.conftest import CATEGORIES, article, write_files

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)
SVG = "{http://www.w3.org/2000/svg}"

REPORT = """\
---
title: Tổng kết công tác Mặt trận năm 2025
year: 2025
date: 2026-01-09
indicators:
  - group: An sinh xã hội
    items:
      - {label: Phần quà, value: 2500, unit: phần, previous: 2100, target: 2000, note: hơn}
      - {label: Giá trị quà, value: 250000000, unit: VND, note: gần}
  - group: Đô thị văn minh
    items:
      - {label: "Tổ dân phố có hương ước, quy ước", value: 100, unit: "%", previous: 92}
---
Năm 2025, Mặt trận phường hoàn thành các chỉ tiêu.
"""


def load(tmp_path, reports, articles=None):
    files = {"content/categories.yml": CATEGORIES, **{f"content/reports/{k}": v for k, v in reports.items()},
             **{f"content/news/{k}": v for k, v in (articles or {}).items()}}
    write_files(tmp_path, files)
    return load_site(Settings(content_dir=tmp_path / "content", display_root=tmp_path), NOW)


def problems(result):
    return [(p.code, p.path, p.line) for p in result.problems.problems]


def test_a_valid_report_is_loaded_with_its_figures(tmp_path):
    result = load(tmp_path, {"2025.md": REPORT})
    assert problems(result) == []
    (report,) = result.site.reports
    assert (report.year, report.title) == (2025, "Tổng kết công tác Mặt trận năm 2025")
    assert [g.name for g in report.groups] == ["An sinh xã hội", "Đô thị văn minh"]
    gifts = report.groups[0].items[0]
    assert (gifts.value, gifts.previous, gifts.target, gifts.note, gifts.line) == (2500, 2100, 2000, "hơn", 8)
    assert report.description == "Năm 2025, Mặt trận phường hoàn thành các chỉ tiêu."


def test_each_bad_figure_is_reported_at_its_own_line_all_at_once(tmp_path):
    bad = (REPORT.replace("value: 2500,", "value: hai nghìn,")
           .replace("value: 250000000, unit: VND", "value: 250000000, unit: triệu đồng")
           .replace("previous: 92", "previous: 9.200"))
    result = load(tmp_path, {"2025.md": bad})
    assert problems(result) == [
        ("report.item.number", "content/reports/2025.md", 8),
        ("report.item.unit", "content/reports/2025.md", 9),
        ("report.item.number", "content/reports/2025.md", 12),
    ]
    messages = [p.message + " " + (p.hint or "") for p in result.problems.problems]
    assert "chữ “hai nghìn”" in messages[0] and "value: 2500" in messages[0]
    assert "9200" in messages[2]  # 9.200 is a Vietnamese thousands dot, not nine point two
    assert result.site is None


def test_structure_problems(tmp_path):
    text = """\
---
title: Tổng kết
year: 2024
indicators:
  - group: An sinh
    items:
      - {label: Phần quà, value: 1}
      - {label: phần quà, value: 2}
  - group: Trống
    items: []
  - group: An sinh
    items:
      - {label: Khác, value: 3}
---
"""
    result = load(tmp_path, {"2025.md": text, "bao-cao.md": "---\ntitle: x\n---\n",
                             "2023.md": "---\nyear: 2023\nindicators:\n  - group: A\n    items:\n      - {label: B, value: 1}\n---\n"})
    assert problems(result) == [
        ("field.missing", "content/reports/2023.md", 7),
        ("report.year.mismatch", "content/reports/2025.md", 3),
        ("report.item.duplicate", "content/reports/2025.md", 8),
        ("report.group.empty", "content/reports/2025.md", 10),
        ("report.group.duplicate", "content/reports/2025.md", 11),
        ("report.name", "content/reports/bao-cao.md", 1),
    ]


def test_counted_figures_are_the_articles_of_that_year(tmp_path):
    articles = {
        "2025/a.md": article(title="A", date="2025-01-05"),
        "2025/b.md": article(title="B", date="2025-01-20", category="Chuyển đổi số"),
        "2025/c.md": article(title="C", date="2025-07-01"),
        "2025/d.md": article(title="D", date="2025-09-01", draft="true"),
        "2024/e.md": article(title="E", date="2024-12-31"),
    }
    result = load(tmp_path, {"2025.md": REPORT}, articles)
    assert problems(result) == []
    view = build_report_view(result.site.reports[0], result.site)
    counted = view.counted
    assert counted.total == 3 == sum(counted.by_month)  # the draft and 2024's article do not count
    assert counted.by_month[0] == 2 and counted.by_month[6] == 1
    assert [(c.name, n) for c, n in counted.by_category] == [("An sinh xã hội", 2), ("Chuyển đổi số", 1)]
    assert counted.archive_url == "luu-tru/2025/"
    assert [f.text for f in view.headline] == ["hơn 2.500 phần", "100%"]
    assert view.groups[0].figures[0].change == "▲ 19% so với năm 2024"
    assert view.groups[0].figures[0].attainment == "đạt 125% chỉ tiêu"


def test_charts_are_accessible_svg(tmp_path):
    result = load(tmp_path, {"2025.md": REPORT}, {"2025/a.md": article(title="A", date="2025-03-05")})
    view = build_report_view(result.site.reports[0], result.site)
    charts = [g.chart for g in view.groups] + [view.counted.chart]
    assert all(charts)
    for chart in charts:
        svg = ElementTree.fromstring(chart)
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title.text and desc.text.endswith(".")
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    texts = [t.text for t in ElementTree.fromstring(charts[0]).iter(f"{SVG}text")]
    assert "2.500 phần" in texts and "2.100 phần" in texts and "Năm 2024" in texts
    assert "tổng cộng 1 bài; nhiều nhất tháng 3 với 1 bài." in view.counted.chart
