"""Draw one share card with Pillow: 1200×630, big bold headline, the ward's identity, the photo.

Text is laid out by RAQM (HarfBuzz), so Vietnamese tone marks sit on the right letters; Pillow's
basic layout misplaces them. A preview is seen small, in a chat, often by older readers: the
headline is as large as fits in four lines, white on the ward's deep red. A photo goes beside the
text, never under it, so the contrast never depends on the picture.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont, ImageOps, features

from .spec import FONTS_DIR, CardSpec

WIDTH, HEIGHT = 1200, 630
MAX_BYTES = 200_000
MARGIN = 64
PHOTO_WIDTH = 460
RED = (163, 21, 26)
YELLOW = (242, 201, 76)
WHITE = (255, 255, 255)
PALE = (250, 222, 222)

HEADLINE_SIZES = range(76, 39, -4)  # largest first
HEADLINE_LEADING = 1.2
HEADLINE_TOP = 218
BOTTOM = HEIGHT - 58
FIGURES_HEIGHT = 128
ELLIPSIS = "…"


class LayoutUnavailable(RuntimeError):
    """Pillow cannot shape text here: cards would put tone marks on the wrong letters."""


@functools.lru_cache(maxsize=64)
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    if not features.check_feature("raqm"):  # Pillow would silently fall back to its basic layout
        raise LayoutUnavailable(
            "Không vẽ được ảnh chia sẻ: Pillow thiếu bộ sắp chữ RAQM nên dấu tiếng Việt sẽ đặt sai chỗ. "
            "Cài thư viện FriBiDi (Debian/Ubuntu: apt-get install libfribidi0) rồi dựng lại.")
    return ImageFont.truetype(str(FONTS_DIR / f"BeVietnamPro-{weight}.ttf"), size,
                              layout_engine=ImageFont.Layout.RAQM)


@dataclass(frozen=True)
class Headline:
    size: int
    lines: tuple[str, ...]
    line_height: int


def layout_headline(text: str, width: int, max_lines: int, height: int) -> Headline:
    """The largest size at which `text` wraps into `max_lines` lines of `width` within `height`;
    at the smallest size, the first lines and an ellipsis."""
    for size in HEADLINE_SIZES:
        line_height = round(size * HEADLINE_LEADING)
        lines_fit = min(max_lines, height // line_height)
        font = _font("Bold", size)
        lines = _wrap(text, font, width)
        if len(lines) <= lines_fit:
            return Headline(size, tuple(_balance(text, font, width, len(lines))), line_height)
    size = HEADLINE_SIZES[-1]
    font = _font("Bold", size)
    line_height = round(size * HEADLINE_LEADING)
    lines_fit = min(max_lines, height // line_height)
    lines = _wrap(text, font, width)
    kept = lines[:lines_fit]
    kept[-1] = _with_ellipsis(" ".join(lines[lines_fit - 1:]), font, width)
    return Headline(size, tuple(kept), line_height)


def _balance(text: str, font: ImageFont.FreeTypeFont, width: int, count: int) -> list[str]:
    """The same number of lines, as even as they go: no lone word left on the last line."""
    low, high = width // count, width
    while high - low > 4:  # the narrowest width that still needs only `count` lines
        middle = (low + high) // 2
        if len(_wrap(text, font, middle)) <= count:
            high = middle
        else:
            low = middle
    return _wrap(text, font, high)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy wrapping at spaces, by measured width; a word wider than a line is cut into pieces."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while font.getlength(word) > width:
            cut = _longest_prefix(word, font, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def _longest_prefix(word: str, font: ImageFont.FreeTypeFont, width: int) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _with_ellipsis(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """`text` cut so that it and "…" fit in `width`, at a word when the line keeps most of itself."""
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis after it
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    head = text[:low].rstrip()
    at_word = head.rsplit(" ", 1)[0] if " " in head else head
    if len(at_word) >= len(head) * 0.6:
        head = at_word
    return head.rstrip(" ,.;:–-") + ELLIPSIS


def _text_width(spec: CardSpec) -> int:
    return WIDTH - 2 * MARGIN - (PHOTO_WIDTH if spec.photo else 0)


def _headline_area(spec: CardSpec) -> tuple[int, int]:
    """Top and bottom of the headline's box: figures take the bottom of the card when present."""
    bottom = BOTTOM - (FIGURES_HEIGHT + 24 if spec.figures else 0)
    top = HEADLINE_TOP if (spec.kicker or spec.date_text) else HEADLINE_TOP - 52
    return top, bottom


def headline_box(spec: CardSpec) -> tuple[int, int, int, int]:
    """Where the headline is drawn (left, top, right, bottom): for tests that read it back."""
    top, bottom = _headline_area(spec)
    layout = layout_headline(spec.title, _text_width(spec), 4, bottom - top)
    return MARGIN, top, MARGIN + _text_width(spec), top + layout.line_height * len(layout.lines)


def render_card(spec: CardSpec) -> bytes:
    """The card as PNG bytes: deterministic (same spec, same bytes) and at most 200 KB."""
    card = _background()
    if spec.photo:
        _paste_photo(card, spec.photo)
    draw = ImageDraw.Draw(card)
    _draw_identity(card, draw, spec)
    if spec.kicker or spec.date_text:
        _draw_kicker(draw, spec)
    top, bottom = _headline_area(spec)
    layout = layout_headline(spec.title, _text_width(spec), 4, bottom - top)
    font = _font("Bold", layout.size)
    for number, line in enumerate(layout.lines):
        draw.text((MARGIN, top + number * layout.line_height), line, font=font, fill=WHITE)
    if spec.figures:
        _draw_figures(card, spec)
    draw.rectangle((0, HEIGHT - 12, WIDTH, HEIGHT), fill=YELLOW)
    return _encode(card, bool(spec.photo))


def _background() -> Image.Image:
    """The ward's red, flat: a gradient would band once the card is reduced to a palette."""
    return Image.new("RGB", (WIDTH, HEIGHT), RED)


def _paste_photo(card: Image.Image, path: str) -> None:
    try:
        with Image.open(path) as source:
            source.draft("RGB", (PHOTO_WIDTH, HEIGHT))  # JPEG: decode at a fraction of full size
            photo = ImageOps.exif_transpose(source).convert("RGB")
    except OSError:
        return  # the loader has already reported a missing or broken photo
    photo = ImageOps.fit(photo, (PHOTO_WIDTH, HEIGHT - 12), Image.Resampling.LANCZOS)
    card.paste(photo, (WIDTH - PHOTO_WIDTH, 0))
    ImageDraw.Draw(card).rectangle((WIDTH - PHOTO_WIDTH - 8, 0, WIDTH - PHOTO_WIDTH - 1, HEIGHT), fill=YELLOW)


def _draw_identity(card: Image.Image, draw: ImageDraw.ImageDraw, spec: CardSpec) -> None:
    """Logo, ward name and organisation across the top."""
    x, top = MARGIN, 44
    if spec.logo:
        logo = _logo(spec.logo, 68)
        if logo is not None:
            backing = Image.new("L", (84, 84), 0)
            ImageDraw.Draw(backing).rounded_rectangle((0, 0, 83, 83), radius=16, fill=255)
            card.paste(WHITE, (x, top, x + 84, top + 84), backing)
            card.paste(logo, (x + 8 + (68 - logo.width) // 2, top + 8 + (68 - logo.height) // 2), logo)
            x += 84 + 22
    width = _text_width(spec) - (x - MARGIN)
    name_font = _font("SemiBold", 34)
    draw.text((x, top + 2), _fit(spec.ward_name, name_font, width), font=name_font, fill=WHITE)
    if spec.organisation:
        org_font = _font("Regular", 23)
        draw.text((x, top + 48), _fit(spec.organisation, org_font, width), font=org_font, fill=PALE)


def _logo(path: str, box: int) -> Image.Image | None:
    try:
        with Image.open(path) as source:
            logo = ImageOps.exif_transpose(source).convert("RGBA")
    except OSError:
        return None
    logo.thumbnail((box, box), Image.Resampling.LANCZOS)
    return logo


def _draw_kicker(draw: ImageDraw.ImageDraw, spec: CardSpec) -> None:
    font = _font("SemiBold", 26)
    parts = [spec.kicker.upper()] if spec.kicker else []
    if spec.date_text:
        parts.append(spec.date_text)
    y = HEADLINE_TOP - 56
    draw.rectangle((MARGIN, y + 6, MARGIN + 6, y + 32), fill=YELLOW)
    draw.text((MARGIN + 20, y), _fit("  ·  ".join(parts), font, _text_width(spec) - 20), font=font, fill=YELLOW)


def _draw_figures(card: Image.Image, spec: CardSpec) -> None:
    """Up to three key figures in boxes along the bottom: the value large, its label under it."""
    count = len(spec.figures)
    gap = 20
    box_width = (_text_width(spec) - gap * (count - 1)) // count
    top = BOTTOM - FIGURES_HEIGHT
    overlay = Image.new("RGBA", card.size, (0, 0, 0, 0))
    shade = ImageDraw.Draw(overlay)
    for index in range(count):
        left = MARGIN + index * (box_width + gap)
        shade.rounded_rectangle((left, top, left + box_width, BOTTOM), radius=14, fill=(0, 0, 0, 70))
    card.paste(Image.alpha_composite(card.convert("RGBA"), overlay).convert("RGB"))
    draw = ImageDraw.Draw(card)
    for index, (value, label) in enumerate(spec.figures):
        left = MARGIN + index * (box_width + gap) + 20
        inner = box_width - 40
        value_font = _fit_font(value, "Bold", inner, 50, 28)
        draw.text((left, top + 14), value, font=value_font, fill=YELLOW)
        label_font = _font("Regular", 22)
        draw.text((left, top + 82), _fit(label, label_font, inner), font=label_font, fill=WHITE)


def _fit_font(text: str, weight: str, width: int, largest: int, smallest: int) -> ImageFont.FreeTypeFont:
    for size in range(largest, smallest - 1, -2):
        font = _font(weight, size)
        if font.getlength(text) <= width:
            return font
    return _font(weight, smallest)


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """One line of `text`, cut with an ellipsis when wider than `width`."""
    if font.getlength(text) <= width:
        return text
    return _with_ellipsis(text, font, width)


def _encode(card: Image.Image, has_photo: bool) -> bytes:
    """PNG without metadata. Text on flat colour stays full colour (exact, ~80 KB, quick at a
    low compression level). A photo card goes to a dithered 256-colour palette, giving up
    dithering, then colours, only if it would still exceed 200 KB."""
    if not has_photo:
        data = _png(card, level=3)
        if len(data) <= MAX_BYTES:
            return data
    for colours, dither in ((256, Image.Dither.FLOYDSTEINBERG), (256, Image.Dither.NONE), (64, Image.Dither.NONE),
                            (16, Image.Dither.NONE)):
        data = _png(card.quantize(colours, method=Image.Quantize.FASTOCTREE, dither=dither))
        if len(data) <= MAX_BYTES:
            return data
    return data


def _png(image: Image.Image, level: int = 6) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=level)
    return buffer.getvalue()
