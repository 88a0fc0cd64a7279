"""Vietnamese formatting on Babel: dates, numbers, money. Explicit patterns, no two-digit years."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "vi"


def format_date_short(value: date | datetime) -> str:
    """`09/01/2026`."""
    return format_date(_as_date(value), "dd/MM/yyyy", locale=LOCALE)


def format_date_weekday(value: date | datetime) -> str:
    """`Thứ Sáu, 09/01/2026`: how the article header shows its date."""
    return format_date(_as_date(value), "EEEE, dd/MM/yyyy", locale=LOCALE)


def format_date_long(value: date | datetime) -> str:
    """`ngày 9 tháng 1 năm 2026`: for prose."""
    return format_date(_as_date(value), "'ngày' d 'tháng' M 'năm' y", locale=LOCALE)


def format_number(value: float | int) -> str:
    """`2.500`, `1,5`."""
    return format_decimal(value, locale=LOCALE)


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
