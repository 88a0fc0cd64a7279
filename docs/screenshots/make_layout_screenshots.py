"""Retake the phone layout's screenshots: the home page, a category, an article and the search page
(a query typed into the header's search) at 360, 390 and 1280 px, from the sample ward, light
theme, default text size, in Debian's Chromium (never a downloaded browser). Also says how wide
each page is at 360 px: none may be wider than the screen.

    .venv/bin/python docs/screenshots/make_layout_screenshots.py

Full pages cut at 1,800 px and reduced to 128 colours (Pillow), as make_screenshots.py does.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from tests.conftest import served  # noqa: E402  (the tests' static server)

PAGES = {"trang-chu": "", "chuyen-muc": "chuyen-muc/an-sinh-xa-hoi/",
         "bai-viet": "tin-tuc/phat-dong-thang-cao-diem-vi-nguoi-ngheo-nam-2026/",
         "tim-kiem": "tim-kiem/?q=trao+qua+te"}
#: Checked for width at 360 px, besides PAGES: every other kind of page a resident opens.
MORE_PAGES = {"the": "the/hoc-sinh/", "nam": "luu-tru/2025/", "van-ban": "van-ban/2026-212-cv-ubnd-tiem-chung-soi-dot-2/",
              "bao-cao": "bao-cao/2025/", "to-chuc": "to-chuc/"}
WIDTHS = (360, 390, 1280)
QUERY = "trao qua te"
MAX_HEIGHT = 1800
CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]
#: Photos further down load when scrolled to; a full-page screenshot does not scroll.
LOAD_LAZY_PHOTOS = """() => Promise.all([...document.images].map(img => {
  img.loading = "eager";
  return img.decode().catch(() => null);
}))"""


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        subprocess.run([*CLI, "build", "--site-dir", str(site)], cwd=REPO, check=True, capture_output=True)
        shoot(site)


def shoot(site: Path) -> None:
    out = Path(__file__).parent
    with served(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for width in WIDTHS:
            phone = width < 720
            context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme="light",
                                          has_touch=phone, is_mobile=phone)
            page = context.new_page()
            for name, path in {**PAGES, **(MORE_PAGES if width == 360 else {})}.items():
                page.goto(server.url + path, wait_until="networkidle")
                page.evaluate(LOAD_LAZY_PHOTOS)
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                print(f"{name}-{width}: scrollWidth {scroll_width}" + ("  TOO WIDE" if scroll_width > width else ""))
                if name not in PAGES:
                    continue
                if name == "tim-kiem":  # the header's search (search.js puts the query there), typed into again
                    page.wait_for_selector(".wn-search[data-state=done]")
                    page.tap("header #wn-search-q") if phone else page.click("header #wn-search-q")
                    page.fill("header #wn-search-q", "")
                    page.keyboard.type(QUERY)
                page.wait_for_timeout(500)  # Material's header and tabs ease in (.25 s)
                save(page.screenshot(full_page=True), out / f"{name}-{width}.png")
            context.close()
        browser.close()


def save(png: bytes, target: Path) -> None:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.crop((0, 0, image.width, min(image.height, MAX_HEIGHT)))
    image.quantize(128, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    print(" ", target.relative_to(REPO), image.size)


if __name__ == "__main__":
    main()
