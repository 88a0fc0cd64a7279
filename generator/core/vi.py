"""Vietnamese formatting on Babel: dates, numbers, money. Explicit patterns, no two-digit years."""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import ROUND_DOWN, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "vi"


def format_date_short(value: date | datetime) -> str:
    """`09/01/2026`."""
    return _date_short(_as_date(value))


@functools.lru_cache(maxsize=8192)
def _date_short(day: date) -> str:  # a card and a listing line per article: Babel is slow at 5,000
    return format_date(day, "dd/MM/yyyy", locale=LOCALE)


def format_date_weekday(value: date | datetime) -> str:
    """`Thứ Sáu, 09/01/2026`: how the article header shows its date."""
    return format_date(_as_date(value), "EEEE, dd/MM/yyyy", locale=LOCALE)


def format_date_long(value: date | datetime) -> str:
    """`ngày 9 tháng 1 năm 2026`: for prose."""
    return format_date(_as_date(value), "'ngày' d 'tháng' M 'năm' y", locale=LOCALE)


def format_number(value: float | int) -> str:
    """`2.500`, `1,5`."""
    return format_decimal(value, locale=LOCALE)


def format_file_size(size: int) -> str:
    """A download's size as residents read it: “245 KB”, “1,2 MB” (Vietnamese decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{format_decimal(round(size / (1024 * 1024), 1), locale='vi_VN')} MB"


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


# --- Figures in annual reports -------------------------------------------------------------
#
# The rules, as the press and ward reports write them (decided here, tested in test_vi.py):
# - Money (unit VND) is written in the largest of tỷ (10⁹) and triệu (10⁶) that the amount
#   reaches, with at most two decimals, cut (never rounded up: "hơn 614,5 triệu" must stay true):
#   250.000.000 → "250 triệu đồng", 1.185.000.000 → "1,18 tỷ đồng". Below a million: in full,
#   "850.000 đồng".
# - Counts are written in full with "." between thousands ("2.500 phần"), except whole or
#   one-decimal millions, which read better in words: 2.000.000 → "2 triệu lượt",
#   2.300.000 → "2,3 triệu lượt", 2.345.678 → "2.345.678 lượt".
# - Percentages: "100%", "98,6%" (no space, as in Vietnamese print).
# - The qualifier (gần, hơn, trên...) goes before the number: "gần 250 triệu đồng".

MONEY_UNIT = "VND"
PERCENT_UNIT = "%"
_SCALES = ((1_000_000_000, "tỷ"), (1_000_000, "triệu"))


def format_money(amount: float | int) -> str:
    """`250 triệu đồng`, `1,2 tỷ đồng`, `850.000 đồng`."""
    for size, word in _SCALES:
        if abs(amount) >= size:
            return f"{_cut(Decimal(str(amount)) / size, 2)} {word} đồng"
    return f"{format_number(_whole_if_integral(amount))} đồng"


def format_count(value: float | int, unit: str = "") -> str:
    """`2.500 phần`, `1,5 tấn`, `2 triệu lượt`."""
    millions = value / 1_000_000
    if abs(value) >= 1_000_000 and round(millions, 1) * 1_000_000 == value:
        text = f"{format_number(_whole_if_integral(round(millions, 1)))} triệu"
    else:
        text = format_number(_whole_if_integral(value))
    return f"{text} {unit}".strip()


def format_percent(value: float | int) -> str:
    """`100%`, `98,6%`."""
    return f"{format_number(_whole_if_integral(round(value, 2)))}%"


def format_figure(value: float | int, unit: str = "", note: str = "") -> str:
    """A report figure as a reader expects it, qualifier first: `gần 250 triệu đồng`."""
    if unit == MONEY_UNIT:
        text = format_money(value)
    elif unit == PERCENT_UNIT:
        text = format_percent(value)
    else:
        text = format_count(value, unit)
    return f"{note} {text}" if note else text


def format_change(value: float | int, previous: float | int | None, previous_year: int, unit: str = "") -> str:
    """Against last year: `▲ 19% so với năm 2024`, `▼ 5%…`, `bằng năm 2024`; percentages move
    in points (`▲ 2 điểm %`); from zero there is no ratio (`▲ từ 0 năm 2024`). "" without previous."""
    if previous is None:
        return ""
    if value == previous:
        return f"bằng năm {previous_year}"
    arrow = "▲" if value > previous else "▼"
    if unit == PERCENT_UNIT:
        points = format_number(_whole_if_integral(round(abs(value - previous), 1)))
        return f"{arrow} {points} điểm % so với năm {previous_year}"
    if previous == 0:
        return f"{arrow} từ 0 năm {previous_year}"
    ratio = abs(value - previous) / abs(previous) * 100
    shown = round(ratio) if ratio >= 1 else round(ratio, 1)
    return f"{arrow} {format_number(_whole_if_integral(shown))}% so với năm {previous_year}"


def format_attainment(value: float | int, target: float | int | None) -> str:
    """`đạt 125% chỉ tiêu` (whole percent, cut: 99,6% is not yet 100%). "" without a target."""
    if not target:
        return ""
    return f"đạt {format_number(int(value * 100 / target))}% chỉ tiêu"


def _cut(value: Decimal, decimals: int) -> str:
    """At most `decimals` decimals, cut towards zero, trailing zeros dropped: 1,185 → "1,18".
    Decimal, not float: 1,2 tỷ must not come out as 1,19."""
    cut = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN).normalize()
    return format_number(cut)


def _whole_if_integral(value: float | int) -> float | int:
    return int(value) if float(value).is_integer() else value
