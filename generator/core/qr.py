"""QR codes for the printed noticeboard sheet (segno), as small SVG files."""

from __future__ import annotations

import io

import segno

#: A fixed mask pattern: every mask gives a valid code that phones read; choosing the "best" one
#: costs segno five times as long (10 ms against 2 ms a code), which thousands of articles feel.
_MASK = 2


def qr_svg(url: str) -> bytes:
    """An SVG QR code for `url`, error correction M (a smudged or creased sheet still scans)."""
    code = segno.make(url, error="m", micro=False, mask=_MASK, boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=4, border=4, dark="#000", light="#fff", xmldecl=False, svgclass=None,
              lineclass=None, title="Mã QR")
    return out.getvalue()
