"""A Content-Security-Policy for every page, as a <meta> tag (GitHub Pages sets no headers).

Scripts run only from the site itself, plus the theme's inline scripts by their SHA-256 hash:
the theme writes a few (which differ with the page's depth), so the hashes are taken from each
finished page, but never from the page's content (from its first <article> to its last
</article>), where officers' text is. A <script> there (one that got past the sanitiser) and
every on*= handler are refused by the browser: a second wall behind nh3.

What the site needs and why:
- script-src 'self' + hashes: the theme's bundle, ward-news.js, search.js, Pagefind's module;
  'wasm-unsafe-eval' because Pagefind searches with WebAssembly (it runs no eval()).
- style-src 'self' 'unsafe-inline': the theme sets style attributes; styles cannot run code.
- img-src 'self' data: the theme's icons are data: SVG in its CSS.
- connect-src 'self': Pagefind's index chunks, the theme's sitemap.xml fetch.
- worker-src 'self': Pagefind's worker. object-src 'none', base-uri 'self', form-action 'self'
  (the search form), and nothing from another host anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
#: Types a browser runs as script; JSON-LD and the theme's JSON config are data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

BASE_POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
               "base-uri 'self'; form-action 'self'")


def _outside_content(html: str) -> str:
    lowered = html.lower()
    start, end = lowered.find("<article"), lowered.rfind("</article>")
    return html if start < 0 or end < start else html[:start] + html[end:]


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-…' of each inline script the theme wrote outside the content, in page order, no repeats."""
    hashes: dict[str, None] = {}
    for match in _SCRIPT.finditer(_outside_content(html)):
        attributes, body = match.group(1), match.group(2)
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind.group(1).lower() if kind else "") not in _SCRIPT_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes[f"'sha256-{digest}'"] = None
    return list(hashes)


def policy_for(html: str) -> str:
    hashes = inline_script_hashes(html)
    return BASE_POLICY.format(hashes="".join(" " + h for h in hashes))


def with_csp(html: str) -> str:
    """The page with its policy as the first thing after <meta charset>, before any script."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    match = _CHARSET.search(html)
    if match is None:
        return html.replace("<head>", "<head>" + tag, 1)
    return html[:match.end()] + tag + html[match.end():]
