"""Retake the "Nghe đọc" screenshots: a sample article at 360, 390 and 1280 px, first with its
button under the headline (nghe-doc-<width>.png), then while reading, a paragraph highlighted and
the controls at the bottom of the screen (nghe-doc-dang-doc-<width>.png).

    .venv/bin/python docs/screenshots/make_listen_screenshots.py

Debian's Chromium has no voices, so the tests' stand-in voice (tests/sites/test_listen.py) is
installed before the page's scripts: it offers a vi-VN voice and speaks nothing. Screenshots are
the visible screen (the controls are what matters), reduced to 128 colours (Pillow).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from tests.conftest import served  # noqa: E402
from tests.sites.test_listen import FAKE_SPEECH, VI_VOICE  # noqa: E402

ARTICLE = "tin-tuc/ban-giao-nha-dai-doan-ket-cho-ho-can-ngheo-o-to-dan-pho-so-9/"
WIDTHS = (360, 390, 1280)
CLI = [sys.executable, "-c", "from generator.cli.main import cli; cli()"]
BLOCKS_READ = 4  # the headline, the lede, the photo's caption, then into the body


def main() -> None:
    out = Path(__file__).parent
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        subprocess.run([*CLI, "build", "--site-dir", str(site)], cwd=REPO, check=True, capture_output=True)
        with served(site) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu"])
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 760 if width < 1000 else 900},
                                              color_scheme="light")
                page = context.new_page()
                options = {"voices": [VI_VOICE], "auto": False, "late": False, "missing": False}
                page.add_init_script(FAKE_SPEECH.replace("__OPTIONS__", json.dumps(options)))
                page.goto(server.url + ARTICLE, wait_until="networkidle")
                save(page, out / f"nghe-doc-{width}.png")
                page.click(".wn-listen__play")
                for _ in range(BLOCKS_READ):
                    page.wait_for_function("() => window.__speech.current")
                    page.evaluate("window.__speech.finish()")
                page.wait_for_timeout(800)  # the gentle scroll to the paragraph being read
                save(page, out / f"nghe-doc-dang-doc-{width}.png")
                context.close()
            browser.close()


def save(page, target: Path) -> None:
    image = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    image.quantize(128, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
    print(target.relative_to(REPO), image.size)


if __name__ == "__main__":
    main()
