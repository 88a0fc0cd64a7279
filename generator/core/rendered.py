"""What a page's rendered body becomes before it is published: officers' raw HTML sanitised, and
every photo it shows as a responsive <picture> of the web-ready copies (core/images.py)."""

from __future__ import annotations

import html as html_module
import posixpath
from urllib.parse import unquote

from . import urls
from .images import WebImage, responsive_body
from .plan import PlannedPage, SitePlan
from .rules.assets import file_part, relative_src_uri
from .sanitize import sanitize_html


def publishable_body(plan: SitePlan, page: PlannedPage, html: str) -> str:
    """The body as the page shows it (and feeds and search carry it). The first photo loads
    eagerly when the page has no lead photo above it."""
    page_url = page.url
    return responsive_body(sanitize_html(html), _photo_finder(plan, page), lambda url: urls.relative(url, page_url),
                           eager_first=page.lead_image is None)


def _photo_finder(plan: SitePlan, page: PlannedPage):
    """An `src` in a rendered body -> its WebImage. Markdown images were rewritten relative to the
    page's URL (MkDocs percent-encodes them: `%E1%BA%A3nh.jpg` for `ảnh.jpg`); raw `<img>` kept
    the path as written, relative to the source file."""
    images, page_dir = plan.images, posixpath.dirname(urls.dest_path(page.url))

    def find(src: str) -> WebImage | None:
        src = file_part(html_module.unescape(src))
        return images.get(posixpath.normpath(posixpath.join(page_dir, unquote(src)))) or \
            images.get(relative_src_uri(page.src_uri, src))
    return find
