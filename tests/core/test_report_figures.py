"""Report figures as Vietnamese readers expect them: one table of cases per rule (core/vi.py)."""

import pytest

from generator.core import vi


@pytest.mark.parametrize("amount, text", [
    (250_000_000, "250 triệu đồng"),
    (1_200_000_000, "1,2 tỷ đồng"),
    (1_185_000_000, "1,18 tỷ đồng"),  # cut, not rounded up: "gần 1,19 tỷ" would overstate
    (1_999_999_999, "1,99 tỷ đồng"),
    (614_500_000, "614,5 triệu đồng"),
    (1_000_000, "1 triệu đồng"),
    (850_000, "850.000 đồng"),
    (0, "0 đồng"),
    (2_500_000_000_000, "2.500 tỷ đồng"),
])
def test_money(amount, text):
    assert vi.format_money(amount) == text


@pytest.mark.parametrize("value, unit, text", [
    (2500, "phần", "2.500 phần"),
    (10000, "người", "10.000 người"),
    (1.5, "tấn", "1,5 tấn"),
    (2_000_000, "lượt", "2 triệu lượt"),
    (2_300_000, "lượt", "2,3 triệu lượt"),
    (2_345_678, "lượt", "2.345.678 lượt"),
    (0, "hộ", "0 hộ"),
    (61, "", "61"),
])
def test_counts(value, unit, text):
    assert vi.format_count(value, unit) == text


@pytest.mark.parametrize("value, unit, note, text", [
    (100, "%", "", "100%"),
    (98.6, "%", "", "98,6%"),
    (250_000_000, "VND", "gần", "gần 250 triệu đồng"),
    (10_000, "lượt", "hơn", "hơn 10.000 lượt"),
    (1, "tấn", "trên", "trên 1 tấn"),
])
def test_figures_with_qualifiers(value, unit, note, text):
    assert vi.format_figure(value, unit, note) == text


@pytest.mark.parametrize("value, previous, unit, text", [
    (2500, 2100, "phần", "▲ 19% so với năm 2024"),
    (413, 468, "hộ", "▼ 12% so với năm 2024"),
    (20, 20, "chiếc", "bằng năm 2024"),
    (3, 0, "hộ", "▲ từ 0 năm 2024"),
    (0, 3, "hộ", "▼ 100% so với năm 2024"),
    (1001, 1000, "", "▲ 0,1% so với năm 2024"),
    (100, 92, "%", "▲ 8 điểm % so với năm 2024"),
    (5, None, "", ""),
])
def test_change_against_last_year(value, previous, unit, text):
    assert vi.format_change(value, previous, 2024, unit) == text


@pytest.mark.parametrize("value, target, text", [
    (2500, 2000, "đạt 125% chỉ tiêu"),
    (99.6, 100, "đạt 99% chỉ tiêu"),
    (2, 2, "đạt 100% chỉ tiêu"),
    (5, None, ""),
    (5, 0, ""),
])
def test_attainment(value, target, text):
    assert vi.format_attainment(value, target) == text
