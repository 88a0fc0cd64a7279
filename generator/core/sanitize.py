"""Rendered article HTML through a real sanitiser (nh3, Ammonia), so officers' raw HTML is harmless.

Allowed: the formatting Markdown produces, figures, tables, and our own heading anchors.
Removed: <script>, <style>, every on*= handler, javascript: and data: links, iframes and other
embeds (the site never loads anything from another host).
"""

from __future__ import annotations

from urllib.parse import urljoin

import nh3

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def absolutize_urls(html: str, base: str) -> str:
    """Links and images resolved against `base`: for copies of a page read elsewhere (feeds).

    Runs the same sanitiser again, so the result is exactly as safe as the page itself.
    """

    def resolve(tag: str, attribute: str, value: str) -> str | None:
        if (tag, attribute) in {("a", "href"), ("img", "src")}:
            return urljoin(base, value)
        return value

    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=resolve,
    )
