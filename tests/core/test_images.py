"""Photos as officers send them, and as residents get them: upright, small, without a trace of
where they were taken; every bad photo refused at its line."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from generator.core.buildcache import BuildCache
from generator.core.images import WIDTHS, widths_for
from generator.core.pipeline import prepare_site_images
from generator.core.load import load_site
from generator.core.problems import ProblemLog
from generator.core.rules.images import MAX_PIXELS
from generator.core.settings import Settings
from tests.conftest import CATEGORIES, article, write_files

NOW = datetime(2026, 11, 20, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))

RED, BLUE = (220, 20, 20), (20, 40, 220)


def phone_photo(width=2400, height=1800, orientation=6) -> bytes:
    """A JPEG as a phone stores it: sensor-sized, sideways with an EXIF orientation, with GPS,
    camera make and an ICC profile. Red marks the stored image's top-left corner."""
    image = Image.new("RGB", (width, height), BLUE)
    image.paste(RED, (0, 0, width // 4, height // 4))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Samsung"
    exif[0x0110] = "Galaxy A54"
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 10.0)})
    from PIL import ImageCms
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif, icc_profile=icc)
    return out.getvalue()


def site_with(tmp_path, files, body="Nội dung bài.", **front):
    write_files(tmp_path, {"content/categories.yml": CATEGORIES,
                           "content/news/2026/bai.md": article(body=body, **front), **files})
    settings = Settings(content_dir=tmp_path / "content", display_root=tmp_path, workers=2)
    return settings, load_site(settings, NOW)


def prepare(tmp_path, settings, result):
    assert result.ok, [p.format() for p in result.problems.problems]
    log = ProblemLog()
    images = prepare_site_images(result.site, settings, log, BuildCache(tmp_path / "cache", settings.content_dir))
    return images, log


def test_phone_photo_comes_out_upright_small_and_without_any_metadata(tmp_path):
    original = phone_photo()
    settings, result = site_with(tmp_path, {"content/news/2026/anh.jpg": original}, image="anh.jpg")
    images, log = prepare(tmp_path, settings, result)
    assert not log.problems
    photo = images.get("news/2026/anh.jpg")
    assert (photo.width, photo.height) == (1800, 2400)  # orientation 6: stored landscape, shown portrait
    assert [r.width for r in photo.renditions] == [480, 960, 1600]  # never the original 1800 px
    assert (photo.fallback.width, photo.fallback.height) == (480, 640)  # the one JPEG
    assert sorted(photo.files()) == sorted(images.files) and len(images.files) == 4
    for rendition in [*photo.renditions, photo.fallback]:
        url = rendition.url
        data = images.files[url].read_bytes()
        assert data != original
        with Image.open(io.BytesIO(data)) as published:
            assert published.format == ("WEBP" if url.endswith(".webp") else "JPEG")
            assert published.size == (rendition.width, rendition.height) and published.height > published.width
            assert not published.getexif() and "exif" not in published.info
            assert "icc_profile" not in published.info and "xmp" not in published.info
            assert b"Samsung" not in data and b"GPS" not in data
            # The stored top-left (red) is the top-right once turned upright (orientation 6).
            rgb = published.convert("RGB")
            top_right = rgb.getpixel((published.width - 5, 5))
            top_left = rgb.getpixel((5, 5))
            assert top_right[0] > 150 and top_right[2] < 100, top_right
            assert top_left[2] > 150 and top_left[0] < 100, top_left


def test_second_build_reuses_every_photo_and_a_changed_photo_is_made_again(tmp_path):
    settings, result = site_with(tmp_path, {"content/news/2026/anh.jpg": phone_photo(1200, 900, 1)}, image="anh.jpg")
    first, _ = prepare(tmp_path, settings, result)
    second, _ = prepare(tmp_path, settings, result)
    assert (first.made, first.reused, second.made, second.reused) == (1, 0, 0, 1)
    assert first.images == second.images
    (tmp_path / "content/news/2026/anh.jpg").write_bytes(phone_photo(1000, 800, 1))
    third, _ = prepare(tmp_path, settings, load_site(settings, NOW))
    assert (third.made, third.reused) == (1, 0) and third.images != first.images
    assert [r.width for r in third.get("news/2026/anh.jpg").renditions] == [480, 960, 1000]


def test_iphone_heic_is_accepted_and_published_as_webp_and_jpeg(tmp_path):
    import pillow_heif

    pillow_heif.register_heif_opener()
    heic = io.BytesIO()
    Image.new("RGB", (1000, 750), BLUE).save(heic, "HEIF", quality=70)
    settings, result = site_with(tmp_path, {"content/news/2026/iphone.heic": heic.getvalue()}, image="iphone.heic")
    images, log = prepare(tmp_path, settings, result)
    photo = images.get("news/2026/iphone.heic")
    assert not log.problems and (photo.width, photo.height) == (1000, 750)
    assert photo.largest.url.endswith("-1000.webp") and photo.fallback.url.endswith("-480.jpg")
    with Image.open(images.files[photo.largest.url]) as published:
        assert published.format == "WEBP" and published.size == (1000, 750)
    with Image.open(images.files[photo.fallback.url]) as published:
        assert published.format == "JPEG" and published.size == (480, 360)


def test_transparent_logo_keeps_its_transparency_as_png_and_gets_icons(tmp_path):
    logo = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    logo.paste((200, 0, 0, 255), (100, 50, 200, 150))
    data = io.BytesIO()
    logo.save(data, "PNG")
    settings, result = site_with(tmp_path, {"content/logo.png": data.getvalue(), "content/site.yml": "name: Xã Thử\nlogo: logo.png\n"})
    images, log = prepare(tmp_path, settings, result)
    published = images.get("logo.png")
    assert published.fallback_type == "image/png" and published.fallback.url.endswith("-300.png")
    sizes = {size for _, size in images.icons.icons}
    assert sizes == {32, 180, 192, 512}
    for url, size in images.icons.icons:
        with Image.open(images.files[url]) as icon:
            assert icon.size == (size, size)
            if url.endswith("apple-touch-icon.png"):
                assert icon.mode == "RGB" and icon.getpixel((2, 2)) == (255, 255, 255)  # iOS shows no transparency
            else:
                assert icon.getpixel((1, 1))[3] == 0
    with Image.open(images.files[images.icons.header_logo]) as header:
        assert header.height == 96 and header.width == 144


@pytest.mark.parametrize("width, expected", [(300, [300]), (480, [480]), (1200, [480, 960, 1200]), (4032, list(WIDTHS))])
def test_widths_never_exceed_the_original(width, expected):
    assert widths_for(width) == expected


# --- bad photos: each a problem at its line -------------------------------------------------------

def gif_animation() -> bytes:
    frames = [Image.new("RGB", (60, 40), colour) for colour in (RED, BLUE, (20, 160, 20))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def bomb_png() -> bytes:
    """A small PNG whose header claims 30,000 × 30,000 pixels (900 megapixels)."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")


BAD_BODY = """Ảnh đầu.

![không phải ảnh](giay-moi.jpg)

![ảnh động](dong.gif)

![bom](bom.png)

![quá nặng](nang.jpg)
"""


def test_each_bad_photo_is_refused_at_its_own_line(tmp_path):
    heavy = phone_photo(200, 100, 1) + b"\0" * (31 * 1024 * 1024)  # a real JPEG with 31 MB behind it
    settings, result = site_with(tmp_path, {
        "content/news/2026/giay-moi.jpg": b"%PDF-1.7\n" + b"x" * 500,
        "content/news/2026/dong.gif": gif_animation(),
        "content/news/2026/bom.png": bomb_png(),
        "content/news/2026/nang.jpg": heavy,
    }, body=BAD_BODY)
    found = {(p.code, p.line) for p in result.problems.problems}
    # front matter is 5 lines (---, title, date, category, ---): the body starts on line 6
    assert found == {("image.not_image", 8), ("image.animated", 10), ("image.too_large", 12), ("image.too_large", 14)}
    messages = {p.code: p.format() for p in result.problems.problems}
    assert "không phải là ảnh" in messages["image.not_image"] and "ảnh động" in messages["image.animated"]
    assert f"{MAX_PIXELS // 1_000_000} triệu điểm ảnh" in messages["image.too_large"]


def test_truncated_jpeg_is_found_when_decoded_and_reported_where_it_is_used(tmp_path):
    whole = phone_photo(1600, 1200, 1)
    settings, result = site_with(tmp_path, {"content/news/2026/cut.jpg": whole[: len(whole) // 3]},
                                 body="Mở đầu.\n\n![ảnh bị cắt](cut.jpg)\n", image="cut.jpg")
    images, log = prepare(tmp_path, settings, result)
    assert {(p.code, p.line) for p in log.problems} == {("image.broken", 5), ("image.broken", 9)}
    assert images.get("news/2026/cut.jpg") is None and not images.files


def test_heic_without_pillow_heif_says_how_to_send_a_jpeg(tmp_path, monkeypatch):
    import generator.core.heif as heif_module

    monkeypatch.setattr(heif_module, "register_heif", lambda: False)
    settings, result = site_with(tmp_path, {"content/news/2026/iphone.heic": b"\0\0\0\x18ftypheic" + b"\0" * 64},
                                 image="iphone.heic")
    [problem] = result.problems.problems
    assert (problem.code, problem.line) == ("image.heic_unsupported", 5)
    assert "Tương thích nhất" in problem.format()


def test_a_12_megapixel_landscape_photo_is_decoded_at_half_scale_and_still_makes_1600_px(tmp_path):
    settings, result = site_with(tmp_path, {"content/news/2026/rong.jpg": phone_photo(4000, 3000, 1)}, image="rong.jpg")
    images, log = prepare(tmp_path, settings, result)
    photo = images.get("news/2026/rong.jpg")
    assert [(r.width, r.height) for r in photo.renditions] == [(480, 360), (960, 720), (1600, 1200)]
    with Image.open(images.files[photo.largest.url]) as published:
        assert published.size == (1600, 1200) and not published.getexif()
        assert published.convert("RGB").getpixel((5, 5))[0] > 150  # red stays top-left: no turn


def detailed_photo(kind: str, orientation: int, width=4000, height=3000) -> bytes:
    """A phone-sized photo with detail that a softening (or aliasing) resize would change: line
    gratings of 8 to 24 px a period, fine grain, a gradient. Red marks the stored top-left; GPS
    and the orientation are in its EXIF, and a JPEG has a comment (Pillow would copy it over)."""
    import random

    from PIL import ImageDraw

    rng = random.Random(7)
    image = Image.blend(Image.linear_gradient("L").resize((width, height)).convert("RGB"),
                        Image.new("RGB", (width, height), (90, 120, 160)), 0.6)
    grain = Image.frombytes("RGB", (width // 4, height // 4), rng.randbytes(width * height * 3 // 16))
    image = Image.blend(image, grain.resize((width, height), Image.Resampling.BICUBIC), 0.08)
    draw = ImageDraw.Draw(image)
    for i, period in enumerate((8, 12, 16, 24)):
        left = 1100 + i * 700
        for x in range(left, left + 600, period):
            draw.rectangle((x, 300, x + period // 2 - 1, 1300), fill=(240, 235, 220))
        for y in range(1600, 2600, period):
            draw.rectangle((left, y, left + 599, y + period // 2 - 1), fill=(30, 30, 30))
    draw.rectangle((0, 0, width // 4, height // 4), fill=RED)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 10.0)})
    out = io.BytesIO()
    options = {"quality": 90, "comment": b"Galaxy A54 21.0245N"} if kind == "JPEG" else {"compress_level": 1}
    image.save(out, kind, exif=exif, **options)
    return out.getvalue()


def mean_difference(a, b) -> float:
    from PIL import ImageChops, ImageStat

    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def detail(image) -> float:
    """Edge energy: less when a photo is softened, more when fine lines alias into coarse ones."""
    from PIL import ImageFilter, ImageStat

    return ImageStat.Stat(image.convert("L").filter(ImageFilter.FIND_EDGES)).mean[0]


@pytest.mark.parametrize("name, orientation, red_corner", [
    ("doc.jpg", 6, "top-right"),  # portrait: decoded at 1/2 scale, its widest file as decoded
    ("ngang.jpg", 1, "top-left"),  # decoded at 1/2 scale (2000 px), then bicubic to 1600
    ("ngang.png", 3, "bottom-right"),  # no draft for a PNG (or a HEIC): reduce() by 2, then bicubic
])
def test_the_fast_path_looks_like_lanczos_from_the_whole_photo_upright_and_without_gps(
        tmp_path, name, orientation, red_corner):
    """The shortcuts (a JPEG's draft, reduce(), each width from the one before, the colour
    profile applied after resizing) stay within what the encoder itself changes: each file is
    compared with the whole photo resized straight to its size and encoded the same way."""
    from PIL import ImageOps

    from generator.core.images import JPEG_QUALITY, WEBP_METHOD, WEBP_QUALITY

    original = detailed_photo("PNG" if name.endswith(".png") else "JPEG", orientation)
    settings, result = site_with(tmp_path, {f"content/news/2026/{name}": original}, image=name)
    images, log = prepare(tmp_path, settings, result)
    photo = images.get(f"news/2026/{name}")
    assert not log.problems and len(photo.renditions) == 3
    with Image.open(io.BytesIO(original)) as opened:
        whole = ImageOps.exif_transpose(opened).convert("RGB")
    webps = [(r, r.url, "WEBP", {"quality": WEBP_QUALITY, "method": WEBP_METHOD}) for r in photo.renditions]
    for rendition, url, kind, options in [*webps, (photo.fallback, photo.fallback.url, "JPEG", {"quality": JPEG_QUALITY})]:
        straight = whole.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
        data = images.files[url].read_bytes()
        with Image.open(io.BytesIO(data)) as published:
            assert published.size == (rendition.width, rendition.height)
            assert not published.getexif() and "exif" not in published.info and b"GPS" not in data
            assert "comment" not in published.info and b"21.0245N" not in data
            made = published.convert("RGB")
        encoded = io.BytesIO()
        straight.save(encoded, kind, **options)
        with Image.open(encoded) as reopened:
            expected = reopened.convert("RGB")
        assert mean_difference(made, expected) < 3.5, (url, rendition.width)
        assert 0.93 < detail(made) / detail(expected) < 1.1, (url, rendition.width)  # not softer, no aliasing
        w, h = made.size
        corners = {"top-left": (5, 5), "top-right": (w - 5, 5), "bottom-right": (w - 5, h - 5)}
        for corner, xy in corners.items():
            red = made.getpixel(xy)[0] > 150 and made.getpixel(xy)[2] < 100
            assert red == (corner == red_corner), (url, corner, made.getpixel(xy))


@pytest.mark.parametrize("profile", ["Display P3", "sRGB"])
def test_colours_are_converted_from_the_photos_profile_to_srgb(tmp_path, profile):
    """An iPhone tags its photos Display P3: the same numbers mean more saturated colours than in
    sRGB, so they are converted (after resizing, on fewer pixels); an sRGB photo keeps its numbers."""
    from PIL import ImageCms

    from tests.bench.bench_photos import display_p3

    srgb = ImageCms.createProfile("sRGB")
    icc = display_p3() if profile == "Display P3" else ImageCms.ImageCmsProfile(srgb).tobytes()
    colour = (200, 100, 100)
    original = io.BytesIO()
    Image.new("RGB", (4000, 3000), colour).save(original, "JPEG", quality=95, icc_profile=icc)
    settings, result = site_with(tmp_path, {"content/news/2026/mau.jpg": original.getvalue()}, image="mau.jpg")
    images, log = prepare(tmp_path, settings, result)
    assert not log.problems
    expected = ImageCms.profileToProfile(Image.new("RGB", (1, 1), colour), ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                                         srgb).getpixel((0, 0))
    assert (expected != colour) == (profile == "Display P3")
    for url in images.get("news/2026/mau.jpg").files():
        with Image.open(images.files[url]) as published:
            assert "icc_profile" not in published.info
            made = published.convert("RGB").getpixel((published.width // 2, published.height // 2))
        assert all(abs(a - b) <= 3 for a, b in zip(made, expected)), (url, made, expected)


def test_a_long_phone_screenshot_is_published_in_widths_webp_can_hold(tmp_path):
    """1080 × 20000 (a notice captured from Zalo): a 960 px copy would be 17,778 px tall, past WebP's limit."""
    tall = io.BytesIO()
    Image.new("RGB", (1080, 20000), BLUE).save(tall, "PNG")
    settings, result = site_with(tmp_path, {"content/news/2026/thong-bao.png": tall.getvalue()}, image="thong-bao.png")
    images, log = prepare(tmp_path, settings, result)
    photo = images.get("news/2026/thong-bao.png")
    assert not log.problems and [r.width for r in photo.renditions] == [480, 884]
    assert all(r.height <= 16383 for r in photo.renditions)


def test_16_bit_greyscale_and_a_transparent_colour_survive(tmp_path):
    grey = io.BytesIO()
    Image.new("I;16", (400, 300), 30000).save(grey, "PNG")
    keyed = Image.new("RGB", (400, 300), (255, 255, 255))
    keyed.paste((200, 0, 0), (100, 100, 300, 200))
    keyed_png = io.BytesIO()
    keyed.save(keyed_png, "PNG", transparency=(255, 255, 255))  # white marked transparent (tRNS)
    settings, result = site_with(tmp_path, {"content/news/2026/xam.png": grey.getvalue(),
                                            "content/news/2026/logo.png": keyed_png.getvalue()},
                                 body="![xám](xam.png)\n\n![logo](logo.png)\n")
    images, _ = prepare(tmp_path, settings, result)
    with Image.open(images.files[images.get("news/2026/xam.png").fallback.url]) as out:
        assert 100 < out.convert("L").getpixel((5, 5)) < 135  # 30000/65535 of white, not clipped to 255
    logo = images.get("news/2026/logo.png")
    assert logo.fallback_type == "image/png"
    with Image.open(images.files[logo.fallback.url]) as out:
        assert out.convert("RGBA").getpixel((5, 5))[3] == 0 and out.convert("RGBA").getpixel((200, 150))[3] == 255


def test_a_half_deleted_cache_entry_is_made_again_in_the_same_build(tmp_path):
    settings, result = site_with(tmp_path, {"content/news/2026/anh.jpg": phone_photo(1200, 900, 1)}, image="anh.jpg")
    first, _ = prepare(tmp_path, settings, result)
    next(p for p in (tmp_path / "cache/images").glob("*-480.jpg")).unlink()
    second, _ = prepare(tmp_path, settings, result)
    assert (second.made, second.reused) == (1, 0)
    assert all(path.is_file() for path in second.files.values())


def test_a_query_or_fragment_after_the_file_name_still_finds_the_photo(tmp_path):
    body = "![a](anh.jpg?v=2)\n\n<img src=\"anh.jpg#top\" alt=\"b\">\n"
    settings, result = site_with(tmp_path, {"content/news/2026/anh.jpg": phone_photo(800, 600, 1)}, body=body)
    images, log = prepare(tmp_path, settings, result)
    assert not log.problems and list(images.images) == ["news/2026/anh.jpg"]


def test_a_card_draws_the_smallest_web_ready_copy_that_fills_its_panel_upright(tmp_path):
    """Not the original again (an 8 MP JPEG decodes in 40 ms, a HEIC in 200; a 960 px WebP in
    5): the copy already upright and in sRGB, and still at least the panel's size."""
    from generator.core.cards import render_card
    from generator.core.cards.render import PHOTO_PANEL, PHOTO_WIDTH, WIDTH
    from generator.core.plan import build_plan

    original = detailed_photo("JPEG", 6)  # 4000×3000 stored sideways: 3000×4000 upright
    settings, result = site_with(tmp_path, {"content/news/2026/anh.jpg": original}, image="anh.jpg")
    images, _ = prepare(tmp_path, settings, result)
    (page,) = [p for p in build_plan(result.site, settings, images).pages if p.card and p.card.photo]
    chosen = images.files[images.get("news/2026/anh.jpg").renditions[0].url]  # 480×640 fills 460×618
    assert page.card.photo == str(chosen)
    with Image.open(chosen) as copy:
        assert copy.width >= PHOTO_PANEL[0] and copy.height >= PHOTO_PANEL[1]
    with Image.open(io.BytesIO(render_card(page.card))) as card:
        panel = card.convert("RGB").crop((WIDTH - PHOTO_WIDTH, 0, WIDTH, PHOTO_PANEL[1]))
    # detailed_photo's red quarter is top-left before the EXIF turn: top-right once upright.
    off_red = lambda xy: max(abs(a - b) for a, b in zip(panel.getpixel(xy), RED))
    assert off_red((PHOTO_WIDTH - 5, 5)) < 40 < off_red((5, PHOTO_PANEL[1] - 5))
    bigger = build_plan(result.site, settings).pages  # without web-ready copies: the original
    assert next(p.card.photo for p in bigger if p.card and p.card.photo).endswith("anh.jpg")
