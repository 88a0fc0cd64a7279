"""What a resident's phone downloads: the right photo width, nothing that jumps, and a first
view that fits the page budget written in the README (measured in Chromium, gzip as hosts send)."""

from __future__ import annotations


import pytest
from PIL import Image

from tests.conftest import build_site, copy_sample, served


ARTICLE = "tin-tuc/ban-giao-nha-dai-doan-ket-cho-ho-can-ngheo-o-to-dan-pho-so-9/"
# A listing whose first items carry photos (the news index now opens with text-only notices).
LISTING = "chuyen-muc/an-sinh-xa-hoi/"  # with thumbnails (a tag's or a year's list is of headlines alone)
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
ARTICLE_BUDGET = 100 * 1024  # first view at 390 px, photos aside: HTML, CSS, JS, fonts, logo
LISTING_BUDGET = 200 * 1024  # first view at 390 px with its thumbnails


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = copy_sample(tmp_path_factory.mktemp("photos"))
    result = build_site(root)
    assert result.ok, result.log
    return result


def first_view(chromium, site_dir, path, **context):
    """Every response of the first view (no scrolling) with its size on the wire."""
    with served(site_dir, gzip=True) as server:
        page = chromium.new_context(**context).new_page()
        responses = []
        page.on("requestfinished", lambda request: responses.append(request))
        page.goto(server.url + path, wait_until="networkidle")
        page.wait_for_timeout(300)
        sizes = {r.url[len(server.url):]: r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                 for r in responses}
        page.context.close()
    return sizes


def is_photo(url: str) -> bool:
    return url.startswith("anh/") and not url.startswith("anh/logo-")


def test_article_first_view_fits_the_budget_and_loads_one_photo_of_the_right_width(chromium, sample):
    sizes = first_view(chromium, sample.site_dir, ARTICLE, **PHONE)
    photos = [url for url in sizes if is_photo(url)]
    assert len(photos) == 1 and photos[0].endswith("-960.webp"), photos  # 390 px × 2 → the 960 px WebP
    assert not any(url.startswith(("news/", "images/")) for url in sizes)  # originals are never fetched
    total = sum(size for url, size in sizes.items() if not is_photo(url))
    assert total <= ARTICLE_BUDGET, sorted(sizes.items(), key=lambda item: -item[1])


def test_listing_first_view_with_thumbnails_fits_the_budget(chromium, sample):
    sizes = first_view(chromium, sample.site_dir, LISTING, **PHONE)
    thumbnails = [url for url in sizes if is_photo(url)]
    assert thumbnails and all(url.endswith("-480.webp") for url in thumbnails), thumbnails
    assert sum(sizes.values()) <= LISTING_BUDGET, sorted(sizes.items(), key=lambda item: -item[1])


@pytest.mark.parametrize("width, scale, expected", [(390, 1, "-480.webp"), (1280, 1, "-960.webp"), (1280, 2, "-1200.webp")])
def test_the_browser_picks_the_width_the_screen_needs(chromium, sample, width, scale, expected):
    with served(sample.site_dir) as server:
        page = chromium.new_context(viewport={"width": width, "height": 900}, device_scale_factor=scale).new_page()
        page.goto(server.url + ARTICLE, wait_until="networkidle")
        chosen = page.eval_on_selector(".wn-lead-image img", "img => [img.currentSrc, img.naturalWidth, img.complete]")
        page.context.close()
    assert chosen[0].endswith(expected) and chosen[2], chosen


def test_photos_take_their_place_before_they_load(chromium, sample):
    """width/height on every <img>: the text does not jump when a photo arrives (no layout shift)."""
    with served(sample.site_dir) as server:
        page = chromium.new_context(**PHONE).new_page()
        page.add_init_script("""
            window.__shift = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
              .observe({type: 'layout-shift', buffered: true});""")
        page.route("**/anh/*", lambda route: (page.wait_for_timeout(400), route.continue_()))
        page.goto(server.url + ARTICLE, wait_until="networkidle")
        page.wait_for_timeout(300)
        shift = page.evaluate("window.__shift")
        missing = page.eval_on_selector_all("img", "imgs => imgs.filter(i => !i.getAttribute('width') || !i.getAttribute('height')).map(i => i.src)")
        page.context.close()
    assert missing == [] and shift < 0.01, (missing, shift)


def wide_logo() -> bytes:
    import io

    out = io.BytesIO()
    Image.new("RGB", (300, 100), (163, 21, 26)).save(out, "PNG")
    return out.getvalue()


def test_every_form_of_body_image_is_published_as_a_picture_and_the_manifest_names_the_ward(tmp_path):
    import json
    import re

    from bs4 import BeautifulSoup

    from tests.conftest import article, make_site
    from tests.fixtures.unseen_ward import phone_photo

    # Officers name files as they speak: accents and spaces (MkDocs percent-encodes those links).
    body = ("Mở đầu.\n\n![Ảnh một][mot]\n\n<p><img src=\"hai.jpg\" alt=\"Ảnh hai\"></p>\n\n"
            "![Ảnh ba](<ảnh lễ hội.jpg>)\n\n[mot]: mot.jpg \"Tiêu đề\"\n")
    photos = {f"content/news/2026/{name}.jpg": phone_photo(900 + i * 100, 600)
              for i, name in enumerate(["mot", "hai", "ảnh lễ hội"])}
    root = make_site(tmp_path, {"content/news/2026/bai.md": article(body=body), **photos,
                                "content/site.yml": "name: Xã Tân Phú\nlogo: logo.png\n",
                                "content/logo.png": wide_logo()})
    result = build_site(root)
    assert result.ok, result.log
    page = BeautifulSoup((result.site_dir / "tin-tuc/bai/index.html").read_text("utf-8"), "lxml")
    pictures = page.select(".wn-article__body picture")
    assert [p.img["alt"] for p in pictures] == ["Ảnh một", "Ảnh hai", "Ảnh ba"]
    for picture, width in zip(pictures, (600, 600, 600)):  # portrait once upright: 600 px wide
        img = picture.img
        assert img["width"] == str(width) and re.fullmatch(r"\.\./\.\./anh/[0-9a-f]{20}-\d+\.jpg", img["src"])
        assert picture.source["type"] == "image/webp"
        assert (result.site_dir / "tin-tuc/bai" / img["src"]).is_file()
    # No lead image: the first body photo is the one at the top, so it loads first; the rest lazily.
    assert [p.img.get("loading") or p.img.get("fetchpriority") for p in pictures] == ["high", "lazy", "lazy"]
    assert (result.stats.images_made, result.stats.images_reused) == (4, 0)
    assert not any((result.site_dir / "news/2026" / f"{n}.jpg").exists() for n in ("mot", "hai", "ảnh lễ hội"))
    manifest = json.loads((result.site_dir / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["name"] == "Xã Tân Phú" and manifest["lang"] == "vi" and manifest["start_url"] == "./"
    for icon in manifest["icons"]:
        with Image.open(result.site_dir / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
    head = BeautifulSoup((result.site_dir / "index.html").read_text("utf-8"), "lxml")
    logo = head.select_one(".md-header .md-logo img")  # 300x100: drawn 144x48 from a 288x96 file
    assert (logo["width"], logo["height"]) == ("144", "48")
    with Image.open(result.site_dir / logo["src"]) as header_logo:
        assert header_logo.size == (288, 96)
    assert head.find("link", rel="manifest")["href"] == "manifest.webmanifest"
    assert (result.site_dir / head.find("link", rel="apple-touch-icon")["href"]).is_file()
