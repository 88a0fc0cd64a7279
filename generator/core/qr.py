"""QR codes for the printed noticeboard sheet (segno), as small 1-bit PNG files."""

from __future__ import annotations

import io

import segno
from PIL import Image

#: A fixed mask pattern: every mask gives a valid code that phones read; choosing the "best" one
#: costs segno five times as long (10 ms against 2 ms a code), which thousands of articles feel.
_MASK = 2
#: Pixels a module: a version-4 code is 41 modules with its quiet zone, 164 px, 120 dpi at the
#: sheet's 35 mm, printed unsmoothed (image-rendering: pixelated), so each module is a crisp
#: 0.85 mm square. Four pixels pack a 1-bit row into half bytes: ~400 bytes a code, where 10 px
#: (300 dpi) took 840 and the SVG path before them 2 KB, on every article, report and document.
SCALE = 4
SUFFIX = ".png"


def qr_png(url: str) -> bytes:
    """A QR code for `url`, error correction M (a smudged or creased sheet still scans)."""
    code = segno.make(url, error="m", micro=False, mask=_MASK, boost_error=False)
    rows = [bytes(0 if dark else 255 for dark in row) for row in code.matrix_iter(scale=1, border=4)]
    side = len(rows)
    # Scaled and encoded by Pillow's C code: segno's own PNG writer takes twice as long.
    image = Image.frombytes("L", (side, side), b"".join(rows)).convert("1", dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.resize((side * SCALE, side * SCALE), Image.Resampling.NEAREST).save(out, "PNG")
    return out.getvalue()
