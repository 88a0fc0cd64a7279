"""The 404 page, at whatever address it is shown.

A static host shows 404.html for every missing address, at any depth, so its links cannot be
relative to where the file lies: MkDocs writes them from the root of `site_url`'s path
(`/trang-tin/assets/...`). When the site is published under another path (a repository renamed,
a site_url left as `init`'s placeholder) the page would lose its styles and every link.

So the page's own links are made relative to a `<base>` that a tiny script in <head> sets
before anything loads: the configured path when the address is under it; otherwise, on GitHub
Pages (`*.github.io`, where a repository's site lives under `/<repository>/`), the address's
first folder, and elsewhere (a custom domain serves a site from its root) `/`. The theme's scripts are told the same base.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_CONFIG_END = re.compile(r'(<script id="__config" type="application/json">.*?</script>)', re.DOTALL)
#: Sets the document's base before any link or script is read (CSP allows it by its hash).
_BASE_SCRIPT = ('<script>(function(d,b){{var p=location.pathname,f=p.split("/")[1];'
                'if(p.indexOf(b)!==0)b=f&&/\\.github\\.io$/.test(location.hostname)?"/"+f+"/":"/";'
                'var e=d.createElement("base");e.href=b;d.head.appendChild(e)}})(document,{base})</script>')
#: Material reads its base and search worker from __config; resolved against the document's base.
_CONFIG_SCRIPT = ('<script>(function(e){var c=JSON.parse(e.textContent),b=document.baseURI;'
                  'c.base=new URL(c.base||".",b).href;c.search=new URL(c.search,b).href;'
                  'e.textContent=JSON.stringify(c)})(document.getElementById("__config"))</script>')


def base_path(site_url: str) -> str:
    """`https://o.github.io/trang-tin/` → `/trang-tin/`; no address → `/`."""
    path = urlsplit(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def portable_not_found(html: str, site_url: str) -> str:
    """The 404 page with its links relative to a base found where it is shown."""
    base = base_path(site_url)
    quoted = re.escape(base)
    html = re.sub(r'\b(href|src)="' + quoted + r"(?!/)", r'\1="', html)
    html = html.replace(f'new URL("{base}",location)', 'new URL(".",document.baseURI)')
    html = re.sub(r'("(?:base|search)": ")' + quoted + r"(?!/)", r"\1", html)
    html = _CONFIG_END.sub(lambda m: m[1] + _CONFIG_SCRIPT, html, count=1)
    script = _BASE_SCRIPT.format(base=json.dumps(base).replace("<", "\\u003c"))
    match = _CHARSET.search(html)
    at = match.end() if match else html.lower().find("<head>") + len("<head>")
    return html[:at] + script + html[at:]
