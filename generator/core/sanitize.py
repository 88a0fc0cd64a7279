"""Rendered body HTML through a real sanitiser (nh3, Ammonia), so officers' raw HTML is harmless.

The allow-list, and why (README, "What officers may write"):
- Kept: what Markdown itself produces (paragraphs, headings, lists, quotes, code, tables with
  alignment, links, images), plus the few tags officers paste from Word or type for emphasis
  (u, mark, small, sub/sup, abbr, details/summary, figure/figcaption). `id`, `class`, `title`
  and `lang` on any of them: harmless, and headings need their anchors.
- Links only to http(s), mailto: and tel: (a phone number officers want tapped).
- Removed: <script>, <style>, style= (it could hide or fake content), every on*= handler,
  javascript:/data:/vbscript: links, iframes, video and other embeds (the site loads nothing
  from another host, and a Facebook or YouTube player would track every reader: officers link
  to the video instead), forms, SVG and MathML, and HTML comments.

`removed_parts` says what `sanitize_html` would take out of a piece of HTML, by comparing its
input with its output: `check` warns from that, so a warning is given exactly when something
is removed, never from a second set of rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
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
_ATTRIBUTES["details"] = {"open"}

#: Where the theme's element ids live: Material's ("__config", "__drawer", "__search"...), ours
#: ("wn-..."), and "md-" kept for Material's. A test checks every id the packaged templates
#: write. An officer's id there (a heading "## __config", `<div id="wn-report">`) would replace
#: the theme's element: it is moved into the officers' own namespace, OFFICER_ID_PREFIX.
THEME_ID_PREFIXES = ("__", "wn-", "md-")
OFFICER_ID_PREFIX = "nd-"  # nội dung


def officer_id(value: str) -> str:
    """An id from a body, out of the theme's namespace (and a same-page link to it, likewise)."""
    return OFFICER_ID_PREFIX + value if value.startswith(THEME_ID_PREFIXES) else value


def _own_ids(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return officer_id(value)
    if tag == "a" and attribute == "href" and value.startswith("#"):
        return "#" + officer_id(value[1:])
    return value


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_own_ids,
    )


def absolutize_urls(html: str, base: str) -> str:
    """Links and images resolved against `base`: for copies of a page read elsewhere (feeds).

    Runs the same sanitiser again, so the result is exactly as safe as the page itself.
    """

    def resolve(tag: str, attribute: str, value: str) -> str | None:
        value = _own_ids(tag, attribute, value)
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


@dataclass(frozen=True)
class Removed:
    """One thing the sanitiser took out: a tag, an attribute, a link's scheme, or a comment."""

    kind: str  # "tag", "attribute", "scheme", "comment"
    name: str  # "script", "onclick", "javascript", ""

    def describe(self) -> str:
        if self.kind == "tag":
            return f"thẻ <{self.name}>"
        if self.kind == "attribute":
            return f"thuộc tính {self.name}=…"
        if self.kind == "scheme":
            return f"liên kết {self.name}:"
        return "ghi chú <!-- … -->"


class _Inventory(HTMLParser):
    """Every tag, attribute and comment in a piece of HTML, counted."""

    def __init__(self, html: str, own_ids: bool = False):
        super().__init__(convert_charrefs=True)
        self.own_ids = own_ids  # count ids as the sanitiser writes them (moved, not removed)
        self.items: Counter = Counter()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        tag = "img" if tag == "image" else tag  # the HTML parser in nh3 reads <image> as <img>
        self.items[("tag", tag, "")] += 1
        for name, value in attrs:
            value = (value or "").strip()
            if self.own_ids:
                value = _own_ids(tag, name, value)
            self.items[("attribute", f"{tag} {name}", value)] += 1

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.items[("comment", "", "")] += 1

    def handle_pi(self, data):  # <?...>: read as a comment, and removed like one
        self.items[("comment", "", "")] += 1

    def unknown_decl(self, data):  # <![CDATA[...]]>
        self.items[("comment", "", "")] += 1


_URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "xlink:href", "background", "poster"}


def removed_parts(html: str) -> list[Removed]:
    """What `sanitize_html(html)` removes, in a stable order, each once. Empty: nothing removed."""
    before = _Inventory(html, own_ids=True).items
    after = _Inventory(sanitize_html(html)).items
    found: dict[Removed, None] = {}
    for (kind, name, value), count in before.items():
        if after.get((kind, name, value), 0) >= count:
            continue
        if kind == "attribute":
            tag, attribute = name.split(" ", 1)
            scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
            if tag not in _TAGS:
                found[Removed("tag", tag)] = None
            elif tag == "a" and attribute == "rel":
                continue  # rewritten to "noopener noreferrer", not removed
            elif attribute in _URL_ATTRIBUTES and scheme.isascii() and scheme.isalpha() and scheme not in _SCHEMES:
                found[Removed("scheme", scheme)] = None
            else:
                found[Removed("attribute", attribute)] = None
        else:
            found[Removed(kind, name)] = None
    return list(found)
