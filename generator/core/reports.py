"""A report page as data: the officers' figures formatted, the figures the site counts itself,
and the charts of both. Templates only lay this out."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from . import charts, urls, vi
from .model import Category, Indicator, Report, Site
from .text import heading_id

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
