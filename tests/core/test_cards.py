"""Share cards drawn for real: opened with Pillow, compared pixel by pixel, read back by Tesseract."""

import difflib
import math
import os
import statistics
import subprocess
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from generator.core.cache import DiskCache
from generator.core.cards import HEIGHT, WIDTH, CardSpec, draw_cards, headline_box, layout_headline, render_card
from generator.core.cards.render import MARGIN, MAX_BYTES, PHOTO_WIDTH, _font, draw_card

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "content/news/2025/chu-nhat-xanh-ra-quan.jpg"
LOGO = REPO / "content/images/logo.png"
WARD, ORGANISATION = "Phường Hòa Bình", "Ủy ban Mặt trận Tổ quốc Việt Nam phường Hòa Bình"
HEADLINES = [
    "Trao 120 suất quà Tết cho hộ nghèo và gia đình chính sách",
    "Ra quân dọn vệ sinh kênh Nhiêu Lộc – Thị Nghè sau mưa lớn",
    "Hội nghị tổng kết công tác Mặt trận năm 2025: quỹ Vì người nghèo đạt gần 1,2 tỷ đồng",
]
LONG_TITLE = ("Ủy ban Mặt trận Tổ quốc Việt Nam phường phối hợp các đoàn thể trao 150 phần quà Tết, "
              "30 thẻ bảo hiểm y tế và 12 suất học bổng cho hộ cận nghèo, gia đình chính sách, người cao tuổi")


def card(title=HEADLINES[0], **extra) -> CardSpec:
    fields = dict(kicker="An sinh xã hội", date_text="09/01/2026", ward_name=WARD, organisation=ORGANISATION)
    return CardSpec(title=title, **{**fields, **extra})


def opened(data: bytes) -> Image.Image:
    from io import BytesIO

    image = Image.open(BytesIO(data))
    image.load()
    return image


@pytest.fixture
def noisy_photo(tmp_path):
    """A photo as hard to compress as they come: coloured noise."""
    path = tmp_path / "noise.png"
    channels = [Image.effect_noise((1600, 1200), sigma) for sigma in (90, 70, 110)]
    Image.merge("RGB", channels).save(path)
    return path


@pytest.mark.parametrize("extra", [
    {},
    {"logo": str(LOGO)},
    {"photo": str(PHOTO), "logo": str(LOGO)},
    {"figures": (("1,2 tỷ đồng", "Quỹ Vì người nghèo"), ("1.250", "suất quà Tết"), ("98,6%", "hộ văn hóa"))},
], ids=["plain", "logo", "photo", "figures"])
def test_card_is_a_1200x630_palette_png_under_80_kb(extra):
    spec = card(**extra)
    data = render_card(spec)
    image = opened(data)
    assert image.format == "PNG" and image.mode == "P" and image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert len(data) <= MAX_BYTES == 80_000
    assert len(data) <= (60_000 if "photo" in extra else 30_000)
    # The headline is drawn in white on the ward's red, and the palette keeps both exactly.
    colours = image.convert("RGB").getcolors(1 << 20)
    assert sum(n for n, c in colours if c == (255, 255, 255)) > 5_000
    assert sum(n for n, c in colours if c == (163, 21, 26)) > 100_000
    # ... and the letters' anti-aliased edges as drawn (45 dB: no difference to see), the photo close.
    drawn, _ = draw_card(spec)
    assert psnr(drawn, image, headline_box(spec)) >= 45
    if "photo" in extra:
        assert psnr(drawn, image, (WIDTH - PHOTO_WIDTH, 0, WIDTH, HEIGHT - 12)) >= 32


def psnr(expected: Image.Image, got: Image.Image, box: tuple[int, int, int, int]) -> float:
    """How close `got` is to `expected` inside `box`, in dB (40 and more: no visible difference)."""
    difference = ImageChops.difference(expected.crop(box), got.convert("RGB").crop(box))
    mean_square = sum(rms * rms for rms in ImageStat.Stat(difference).rms) / 3
    return math.inf if mean_square == 0 else 10 * math.log10(255 ** 2 / mean_square)


def test_a_noisy_photo_still_fits_80_kb(noisy_photo):
    data = render_card(card(photo=str(noisy_photo)))
    assert len(data) <= MAX_BYTES and opened(data).size == (1200, 630)


@pytest.fixture(scope="module")
def sample_cards():
    """Every distinct card of the sample ward (content/), drawn: [(spec, PNG bytes)]."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from generator.core.load import load_site
    from generator.core.plan import build_plan
    from generator.core.settings import Settings

    settings = Settings(content_dir=REPO / "content", display_root=REPO, site_url="https://phuong.example.vn/")
    result = load_site(settings, datetime(2026, 11, 23, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
    specs = {page.card.key(): page.card for page in build_plan(result.site, settings).cards}
    return [(spec, render_card(spec)) for spec in specs.values()]


def test_sample_ward_cards_fit_the_upload_budget(sample_cards):
    """A city of 100 wards publishes every card to GitHub Pages (1 GB in all): 25 KB is typical."""
    sizes = sorted(len(data) for _, data in sample_cards)
    photo_sizes = sorted(len(data) for spec, data in sample_cards if spec.photo)
    assert len(sizes) > 40 and len(photo_sizes) >= 5  # tags and years show the home card
    assert statistics.median(sizes) <= 25_000 and sizes[-1] <= 80_000
    assert statistics.median(photo_sizes) <= 50_000 and photo_sizes[-1] <= 60_000
    for _, data in sample_cards:
        with Image.open(BytesIO(data)) as image:
            assert (image.format, image.mode, image.size) == ("PNG", "P", (1200, 630))


def test_decomposed_title_draws_the_same_pixels_as_composed():
    nfc = card(title=HEADLINES[1], kicker="Hoạt động Mặt trận")
    nfd = card(title=unicodedata.normalize("NFD", HEADLINES[1]), kicker=unicodedata.normalize("NFD", "Hoạt động Mặt trận"),
               ward_name=unicodedata.normalize("NFD", WARD))
    assert nfd.title == HEADLINES[1] and nfd.key() == nfc.key()
    a, b = opened(render_card(nfc)), opened(render_card(nfd))
    assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


def test_rendering_is_deterministic():
    spec = card(photo=str(PHOTO), logo=str(LOGO))
    assert render_card(spec) == render_card(spec)


def test_long_titles_fit_in_four_lines_with_an_ellipsis():
    width = WIDTH - 2 * MARGIN
    for title in (LONG_TITLE + " " + LONG_TITLE, "X" * 120, "Quàtết" * 40):
        assert len(title) >= 120
        layout = layout_headline(title, width, 4, 350)
        assert 1 <= len(layout.lines) <= 4
        font = _font("Bold", layout.size)
        assert all(font.getlength(line) <= width for line in layout.lines)
        if len(title) > 200:
            assert layout.lines[-1].endswith("…")


@pytest.mark.parametrize("title", [(LONG_TITLE + " " + LONG_TITLE)[:200], "Đ" * 120],
                         ids=["200-characters", "120-character-word"])
def test_long_titles_stay_inside_the_card(title):
    spec = card(title=title)
    left, top, right, bottom = headline_box(spec)
    assert right <= WIDTH - MARGIN and bottom <= HEIGHT - 12
    image = opened(render_card(spec)).convert("RGB")
    # Nothing white spills into the right margin.
    margin = image.crop((WIDTH - 40, 0, WIDTH, HEIGHT - 12))
    assert (255, 255, 255) not in {c for _, c in margin.getcolors(1 << 20)}
    # And the headline was drawn: its box holds plenty of white.
    assert sum(n for n, c in image.crop((left, top, right, bottom)).getcolors(1 << 20) if c == (255, 255, 255)) > 20_000


def test_report_figures_leave_the_headline_three_lines_at_most():
    figures = (("1.234.567.890 đồng", "Quỹ Vì người nghèo năm 2025 của toàn phường"), ("1.250", "suất quà"), ("98,6%", "hộ"))
    spec = card(title=LONG_TITLE, figures=figures)
    left, top, right, bottom = headline_box(spec)
    assert bottom <= HEIGHT - 58 - 128  # above the figure boxes
    assert layout_headline(spec.title, right - left, 3, bottom - top).lines[-1].endswith("…")
    assert opened(render_card(spec)).size == (1200, 630)


def test_a_missing_photo_draws_the_card_without_one(tmp_path):
    gone = card(photo=str(tmp_path / "khong-co.jpg"))
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"not a jpeg")
    assert headline_box(gone) == headline_box(card(photo=str(broken))) == headline_box(card())
    assert render_card(gone) == render_card(card())
    assert gone.key() != card().key()  # "missing" is hashed: the card redraws once the photo appears


def test_short_titles_are_drawn_large():
    assert layout_headline("Chủ nhật xanh", 1072, 4, 350).size >= 72


def test_key_follows_what_is_drawn(tmp_path):
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(PHOTO.read_bytes())
    base = card(photo=str(photo))
    key = base.key()
    assert card(title="Khác", photo=str(photo)).key() != key
    assert card(photo=str(photo), figures=(("1", "hộ"),)).key() != key
    os.utime(photo, ns=(1_000_000_000, 1_000_000_000))  # touched, same bytes
    assert card(photo=str(photo)).key() == key
    photo.write_bytes(PHOTO.read_bytes() + b"\0")  # new bytes, same path
    assert card(photo=str(photo)).key() != key


def test_hostile_text_is_drawn_literally():
    data = render_card(card(title='<script>alert("x")</script> & "quotes" {{ 7*7 }}'))
    assert opened(data).size == (1200, 630) and b"<script>" not in data


def test_draw_cards_reuses_the_cache(tmp_path):
    cache = DiskCache(tmp_path, "cards")
    specs = [card(title=f"Tin số {n}") for n in range(7)] + [card(title="Tin số 0")]
    stats, paths = draw_cards(specs, cache, workers=2)
    assert (stats.drawn, stats.reused) == (7, 0) and len(paths) == 7
    first = {key: path.read_bytes() for key, path in paths.items()}
    assert all(opened(data).size == (1200, 630) for data in first.values())
    again = DiskCache(tmp_path, "cards")
    stats, paths = draw_cards(specs, again, workers=2)
    assert (stats.drawn, stats.reused) == (0, 7)
    assert {key: path.read_bytes() for key, path in paths.items()} == first
    # Pruning keeps what was used and removes the rest.
    third = DiskCache(tmp_path, "cards")
    draw_cards(specs[:2], third, workers=1)
    assert third.prune() == 5 and len(list((tmp_path / "cards").iterdir())) == 2


def ocr(image: Image.Image) -> str:
    """Tesseract's reading of an image, Vietnamese model, as one line of NFC text."""
    result = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "6"], input=_png(image),
                            capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFC", result.stdout.decode("utf-8")).split())


def _png(image: Image.Image) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def similarity(expected: str, got: str) -> float:
    return difflib.SequenceMatcher(None, expected, got).ratio()


def test_tesseract_reads_the_headline_back():
    ratios = []
    for title in HEADLINES:
        for photo in (None, str(PHOTO)):
            spec = card(title=title, photo=photo, logo=str(LOGO))
            image = opened(render_card(spec)).convert("RGB")
            got = ocr(image.crop(headline_box(spec)))
            ratios.append((similarity(title, got), title + (" [ảnh]" if photo else ""), got))
    print()
    for ratio, title, got in ratios:
        print(f"OCR {ratio:.3f}  {title!r} -> {got!r}")
    worst = min(ratios)
    print(f"OCR similarity of card headlines: min {worst[0]:.3f} over {len(ratios)} cards")
    assert worst[0] >= 0.9, worst


def test_prune_with_grace_keeps_recently_used_entries_of_other_sites(tmp_path):
    import time

    cache = DiskCache(tmp_path, "cards")
    old, recent = cache.put("old", ".png", b"1"), cache.put("recent", ".png", b"2")
    os.utime(old, (time.time() - 8 * 86400,) * 2)
    this_build = DiskCache(tmp_path, "cards")
    assert this_build.prune(grace_seconds=7 * 86400) == 1
    assert not old.exists() and recent.exists()
