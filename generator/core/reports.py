"""A report page as data: the officers' figures formatted, the figures the site counts itself,
and the charts of both. Templates only lay this out."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from dataclasses import dataclass

from . import charts, urls, vi
from .model import Category, Indicator, Report, Site
from .text import fold, heading_id

REPORT_LABEL = "Báo cáo tổng kết"  # the kind of page: card kicker, feed category, index title
MONTHS = tuple(f"T{m}" for m in range(1, 13))


@dataclass(frozen=True)
class Figure:
    """One indicator as readers see it."""

    label: str
    text: str  # "gần 1,18 tỷ đồng"
    previous_text: str  # "980 triệu đồng", or ""
    change: str  # "▲ 21% so với năm 2024", or ""
    attainment: str  # "đạt 125% chỉ tiêu", or ""
    target_text: str  # "2.000 phần", or ""


@dataclass(frozen=True)
class FigureGroup:
    name: str
    anchor: str
    figures: tuple[Figure, ...]
    chart: str  # inline SVG comparing this year with last year, or "" when no figure has `previous`


@dataclass(frozen=True)
class CountedFigures:
    """What the site itself published that year: never typed, always counted."""

    year: int
    total: int
    by_category: tuple[tuple[Category, int], ...]  # most first
    by_month: tuple[int, ...]  # January..December
    archive_url: str
    chart: str  # inline SVG: articles per month


@dataclass(frozen=True)
class ReportView:
    report: Report
    groups: tuple[FigureGroup, ...]
    headline: tuple[Figure, ...]  # up to three, for the top of the page, the index and the card
    counted: CountedFigures
    previous_url: str  # the report of the year before, or ""
    next_url: str


def build_report_view(report: Report, site: Site) -> ReportView:
    years = {r.year for r in site.reports}
    groups = tuple(_group(report, index, group) for index, group in enumerate(report.groups, start=1))
    seen: set[str] = set()
    for index, group in enumerate(groups):  # two groups of one name: the second's anchor numbered
        if group.anchor in seen:
            groups = (*groups[:index], dataclasses.replace(group, anchor=f"{group.anchor}-{index + 1}"),
                      *groups[index + 1:])
        seen.add(groups[index].anchor)
    return ReportView(
        report=report,
        groups=groups,
        headline=tuple(format_indicator(i, report.year) for i in report.headline_figures),
        counted=count_articles(site, report.year),
        previous_url=urls.report_url(report.year - 1) if report.year - 1 in years else "",
        next_url=urls.report_url(report.year + 1) if report.year + 1 in years else "",
    )


def format_indicator(indicator: Indicator, year: int) -> Figure:
    unit, previous = indicator.unit, indicator.previous
    return Figure(
        label=indicator.label,
        text=vi.format_figure(indicator.value, unit, indicator.note),
        previous_text=vi.format_figure(previous, unit) if previous is not None else "",
        change=vi.format_change(indicator.value, previous, year - 1, unit),
        attainment=vi.format_attainment(indicator.value, indicator.target),
        target_text=vi.format_figure(indicator.target, unit) if indicator.target is not None else "",
    )


def count_articles(site: Site, year: int) -> CountedFigures:
    articles = [a for a in site.articles if a.date.year == year]
    by_category: dict[str, int] = {}
    months = [0] * 12
    for article in articles:
        by_category[article.category.slug] = by_category.get(article.category.slug, 0) + 1
        months[article.date.month - 1] += 1
    categories = sorted(((c, by_category[c.slug]) for c in site.categories if c.slug in by_category),
                        key=lambda pair: (-pair[1], pair[0].name))
    busiest = max(range(12), key=lambda m: months[m]) if articles else 0
    description = (f"Biểu đồ cột: số tin bài trang đăng mỗi tháng năm {year}, tổng cộng {len(articles)} bài"
                   + (f"; nhiều nhất tháng {busiest + 1} với {months[busiest]} bài." if articles else "."))
    chart = charts.column_chart(f"wn-bieu-do-tin-bai-{year}", f"Tin bài đăng trên trang theo tháng, năm {year}",
                                description, MONTHS, months)
    return CountedFigures(year=year, total=len(articles), by_category=tuple(categories), by_month=tuple(months),
                          archive_url=urls.year_url(year), chart=chart)


def _group(report: Report, index: int, group) -> FigureGroup:
    figures = tuple(format_indicator(i, report.year) for i in group.items)
    compared = [(i, f) for i, f in zip(group.items, figures) if i.previous is not None]
    chart = ""
    if compared:
        bars = [charts.Bar(label=i.label, value=float(i.value), value_text=vi.format_figure(i.value, i.unit),
                           previous=float(i.previous), previous_text=f.previous_text) for i, f in compared]
        ups = sum(1 for i, _ in compared if i.value > i.previous)
        downs = sum(1 for i, _ in compared if i.value < i.previous)
        description = (f"Biểu đồ thanh so sánh {len(compared)} chỉ tiêu nhóm {group.name} năm {report.year} với năm "
                       f"{report.year - 1}, mỗi chỉ tiêu một cặp thanh theo thang riêng: {ups} chỉ tiêu tăng, "
                       f"{downs} chỉ tiêu giảm, {len(compared) - ups - downs} chỉ tiêu giữ nguyên.")
        chart = charts.comparison_chart(f"wn-bieu-do-nhom-{index}", f"{group.name}: năm {report.year} so với năm "
                                        f"{report.year - 1}", description, bars, report.year)
    # In the theme's namespace (wn-), apart from the narrative's headings, which may name the same subject.
    return FigureGroup(name=group.name, anchor=f"wn-so-lieu-{heading_id(group.name)}", figures=figures, chart=chart)


@dataclass(frozen=True)
class RecurringFigure:
    """One figure that several reports carry (same label and unit), year by year."""

    label: str
    texts: tuple[str, ...]  # one per year of ReportIndex.years, "" where that report lacks it


@dataclass(frozen=True)
class ReportIndex:
    """bao-cao/: every report (newest first) and the figures that recur across them."""

    views: tuple[ReportView, ...]
    years: tuple[int, ...]  # oldest first: the columns of the multi-year table
    recurring: tuple[RecurringFigure, ...]

    def __iter__(self):  # the template lists the reports
        return iter(self.views)


def build_report_index(views: tuple[ReportView, ...]) -> ReportIndex:
    """The figures found (by label, diacritics and case aside, and unit) in at least two reports,
    in the order the newest report gives them: e.g. the gifts and the near-poor households."""
    years = tuple(sorted(v.report.year for v in views))
    by_key: dict[tuple[str, str], dict[int, Indicator]] = {}
    labels: dict[tuple[str, str], str] = {}
    for view in views:  # newest first: the newest report's wording and order win
        for group in view.report.groups:
            for item in group.items:
                key = (fold(item.label), item.unit)
                by_key.setdefault(key, {})[view.report.year] = item
                labels.setdefault(key, item.label)
    recurring = tuple(
        RecurringFigure(labels[key], tuple(vi.format_figure(found[y].value, found[y].unit, found[y].note)
                                           if y in found else "" for y in years))
        for key, found in by_key.items() if len(found) > 1)
    return ReportIndex(views=views, years=years, recurring=recurring)


# --- open data: a report's figures as CSV and JSON -------------------------------------------

DATA_COLUMNS = ("nhom", "chi_tieu", "gia_tri", "don_vi", "nam_truoc", "ke_hoach", "ghi_chu")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def report_data_files(reports) -> dict[str, bytes]:
    """Site path -> bytes: each report's figures as CSV (UTF-8 with a BOM, so Excel on a ward
    office's Windows opens Vietnamese right) and JSON, for whoever wants the numbers as numbers."""
    files: dict[str, bytes] = {}
    for report in reports:
        rows = [(group.name, item.label, item.value, item.unit, item.previous, item.target, item.note)
                for group in report.groups for item in group.items]
        files[urls.report_data_url(report.year, "csv")] = _csv(rows)
        data = {"nam": report.year, "tieu_de": report.title, "ngay": report.date.date().isoformat(),
                "nhom": [{"ten": group.name, "chi_tieu": [
                    {"ten": item.label, "gia_tri": item.value, "don_vi": item.unit, "nam_truoc": item.previous,
                     "ke_hoach": item.target, "ghi_chu": item.note} for item in group.items]}
                    for group in report.groups]}
        files[urls.report_data_url(report.year, "json")] = (
            json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files


def _csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(DATA_COLUMNS)
    for row in rows:
        writer.writerow(["" if cell is None else _cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value) -> str:
    """A number as written in the file (1.5, 2500), officers' text never read as a formula: a
    spreadsheet runs `=HYPERLINK(...)` typed in a label, so such text starts with an apostrophe."""
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
