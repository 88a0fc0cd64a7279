"""Rebuild the sample ward and retake docs/screenshots/: home, article, listing, 404, the
documents, a document, an expired notice, the organisation and English pages at 390 px and 1280 px, light theme, default text size, in Debian's Chromium (never a downloaded browser);
then the example city (examples/city/): its hub's home and one ward's page in the hub.

    .venv/bin/python docs/screenshots/make_screenshots.py

Screenshots are full pages cut at 1,800 px and reduced to 128 colours (Pillow) to stay small.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from tests.conftest import served  # noqa: E402  (the tests' static server, gzip like a host)

PAGES = {"home": "", "article": "tin-tuc/ban-giao-nha-dai-doan-ket-cho-ho-can-ngheo-o-to-dan-pho-so-9/",
         "listing": "tin-tuc/", "404": "404.html",
         # The public body's pages: documents, one document, an expired notice, the organisation.
         "documents": "van-ban/", "document": "van-ban/2026-212-cv-ubnd-tiem-chung-soi-dot-2/",
         "expired": "tin-tuc/thong-bao-thu-gom-rac-cong-kenh-ngay-25-10/", "organisation": "to-chuc/",
         "english": "en/"}
HUB_PAGES = {"hub-home": "", "hub-ward": "don-vi/thanh-ha/"}
WIDTHS = (390, 1280)
MAX_HEIGHT = 1800
CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        subprocess.run([*CLI, "build", "--site-dir", str(site)], cwd=REPO, check=True, capture_output=True)
        shoot(site, PAGES)
        city = Path(scratch) / "city"
        shutil.copytree(REPO / "examples" / "city", city, ignore=shutil.ignore_patterns("site", ".cache"))
        for ward in subprocess.run([*CLI, "wards"], cwd=city, check=True, capture_output=True, text=True).stdout.split():
            subprocess.run([*CLI, "build", "--ward", ward], cwd=city, check=True, capture_output=True)
        subprocess.run([*CLI, "hub"], cwd=city, check=True, capture_output=True)
        shoot(city / "site", HUB_PAGES)


def shoot(site: Path, pages: dict[str, str]) -> None:
    out = Path(__file__).parent
    with served(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light")
            page = context.new_page()
            for name, path in pages.items():
                page.goto(server.url + path, wait_until="networkidle")
                png = page.screenshot(full_page=True)
                image = Image.open(io.BytesIO(png)).convert("RGB")
                image = image.crop((0, 0, image.width, min(image.height, MAX_HEIGHT)))
                target = out / f"{name}-{width}.png"
                image.quantize(128, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
                print(target.relative_to(REPO), image.size)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
