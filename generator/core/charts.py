"""Static SVG charts for report pages: drawn at build time, readable without JavaScript.

Each chart is an <svg role="img"> with a <title> and a one-sentence <desc>, and its page shows
the same numbers in a table. The drawing is sized for a phone (viewBox 360 wide, text 13–14
units, so about 1:1 at 390 px) and scales up on a desktop. This year is the ward's dark red,
last year a light grey with a darker outline: the two differ in lightness, so they stay apart
for colour-blind readers and on a black-and-white printout, and every bar carries its number.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Sequence

WIDTH = 360
CURRENT = "#a3151a"
PREVIOUS_FILL, PREVIOUS_STROKE = "#d9d9d9", "#595959"
TEXT = "#1a1a1a"
_CHAR_WIDTH = 0.62  # average advance of a Vietnamese letter, in em, for wrapping labels


@dataclass(frozen=True)
class Bar:
    """One row of a comparison: this year's value against last year's, with their texts."""

    label: str
    value: float
    value_text: str
    previous: float
    previous_text: str


def comparison_chart(chart_id: str, title: str, description: str, bars: Sequence[Bar], year: int) -> str:
    """Horizontal bars, one pair per figure. Figures have different units, so each pair is
    scaled on its own (the description says so): the chart shows the change, the table the units."""
    label_size, value_size, bar_height = 13, 12, 16
    bar_left, bar_room = 0, 236
    y = 26
    parts = [_legend(year)]
    for bar in bars:
        for line in _wrap(bar.label, label_size, WIDTH):
            y += label_size + 3
            parts.append(f'<text x="0" y="{y}" font-size="{label_size}" font-weight="600">{escape(line)}</text>')
        y += 6
        top = max(bar.value, bar.previous) or 1
        for value, text, fill, stroke in ((bar.value, bar.value_text, CURRENT, CURRENT),
                                          (bar.previous, bar.previous_text, PREVIOUS_FILL, PREVIOUS_STROKE)):
            length = max(2.0, bar_room * value / top)
            parts.append(f'<rect x="{bar_left}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{fill}" '
                         f'stroke="{stroke}" stroke-width="1"/>')
            parts.append(f'<text x="{bar_left + length + 6:.1f}" y="{y + bar_height - 4}" font-size="{value_size}">'
                         f'{escape(text)}</text>')
            y += bar_height + 4
        y += 12
    return _svg(chart_id, title, description, y, parts)


def column_chart(chart_id: str, title: str, description: str, labels: Sequence[str], values: Sequence[int]) -> str:
    """Vertical columns with their numbers on top, e.g. articles per month."""
    count = len(values)
    left, bottom, plot_height = 4, 176, 130
    step = (WIDTH - left) / count
    width = step * 0.7
    top = max(values, default=0) or 1
    parts = [f'<line x1="{left}" y1="{bottom}" x2="{WIDTH}" y2="{bottom}" stroke="{PREVIOUS_STROKE}" stroke-width="1"/>']
    for index, (label, value) in enumerate(zip(labels, values)):
        x = left + index * step + (step - width) / 2
        height = plot_height * value / top
        if value:
            parts.append(f'<rect x="{x:.1f}" y="{bottom - height:.1f}" width="{width:.1f}" height="{height:.1f}" '
                         f'fill="{CURRENT}"/>')
        centre = x + width / 2
        parts.append(f'<text x="{centre:.1f}" y="{bottom - height - 5:.1f}" font-size="12" '
                     f'text-anchor="middle">{value}</text>')
        parts.append(f'<text x="{centre:.1f}" y="{bottom + 16}" font-size="12" text-anchor="middle">'
                     f'{escape(label)}</text>')
    return _svg(chart_id, title, description, bottom + 24, parts)


def _legend(year: int) -> str:
    return (f'<rect x="0" y="4" width="14" height="14" fill="{CURRENT}"/>'
            f'<text x="20" y="16" font-size="13">Năm {year}</text>'
            f'<rect x="100" y="4" width="14" height="14" fill="{PREVIOUS_FILL}" stroke="{PREVIOUS_STROKE}"/>'
            f'<text x="120" y="16" font-size="13">Năm {year - 1}</text>')


def _svg(chart_id: str, title: str, description: str, height: float, parts: list[str]) -> str:
    chart_id = escape(chart_id)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wn-chart" id="{chart_id}" role="img" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="system-ui, -apple-system, Roboto, Arial, sans-serif" fill="{TEXT}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        + "".join(parts) + "</svg>"
    )


def _wrap(text: str, size: int, width: int) -> list[str]:
    """Label lines that fit `width` at `size`, estimated from an average letter width."""
    per_line = max(8, int(width / (size * _CHAR_WIDTH)))
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) > per_line and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines
