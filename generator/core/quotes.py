"""Typographic quotes, as Vietnamese print sets them: "…" → “…”, '…' → ‘…’, Tư's → Tư’s.

Officers type straight quotes; Word and the newspapers print curly ones. Bodies get them from
Python-Markdown's `smarty` (MARKDOWN_EXTENSIONS: quotes only, no dashes or ellipses), which already
leaves code, links' addresses and raw HTML alone; `BareAddresses` keeps a web address typed as
plain text out of its reach too. Headlines and summaries are plain text, not Markdown: they get
`curly_quotes`, which follows the same rules, once, where the loaders read them (so the page, the
teasers, the share card, the feeds and the JSON-LD all show one spelling).
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

#: The Markdown extensions that curl a body's quotes, with their settings: the plugin adds them to
#: every site's markdown_extensions (a ward's mkdocs.yml need not list them), and `check` and the
#: summaries taken from a body render with them too.
MARKDOWN_EXTENSIONS: dict[str, dict] = {
    __name__: {},  # BareAddresses, below
    "smarty": {"smart_quotes": True, "smart_dashes": False, "smart_ellipses": False, "smart_angled_quotes": False},
}

#: A web address typed as text: up to a space or a double quote (never part of an address), and
#: not ending in punctuation, so `"http://a.vn/x".` keeps its closing quote and its full stop.
_ADDRESS = r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\"'.,;:!?)\]]"
_ADDRESS_RE = re.compile(_ADDRESS)
_HIDDEN = "\ufdd0"  # an address's apostrophe while smarty works (a noncharacter: never in a body)
#: What keeps its straight quotes in plain text: `code` and web addresses.
_UNTOUCHED = re.compile(r"`[^`]*`|" + _ADDRESS)
_OPENS_AFTER = set(" \t\n([{“‘–—-/\u00a0")  # a quote after these (or at the start) opens


def curly_quotes(text: str) -> str:
    """`text` with typographic quotes; code between backticks and web addresses keep theirs."""
    if '"' not in text and "'" not in text:
        return text
    out, start = [], 0
    for kept in _UNTOUCHED.finditer(text):
        out.append(_curl(text, start, kept.start()))
        out.append(kept.group())
        start = kept.end()
    out.append(_curl(text, start, len(text)))
    return "".join(out)


def _curl(text: str, start: int, end: int) -> str:
    """The quotes in text[start:end], each decided by its neighbours in the whole `text`."""
    chars = list(text[start:end])
    for i, ch in enumerate(chars, start):
        if ch not in "\"'":
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = before in _OPENS_AFTER and not after.isspace()
        if ch == '"':
            chars[i - start] = "“" if opens else "”"
        elif before.isalnum() and after.isalnum():
            chars[i - start] = "’"  # an apostrophe: Tư's, it's
        elif opens and not re.match(r"\d\d\b", text[i + 1:i + 4]):
            chars[i - start] = "‘"
        else:
            chars[i - start] = "’"  # a closing quote, or a year cut short: '90
    return "".join(chars)


class _HideAddressQuotes(Preprocessor):
    def run(self, lines):
        return [_ADDRESS_RE.sub(lambda m: m.group().replace("'", _HIDDEN), line) for line in lines]


class _ShowAddressQuotes(Postprocessor):
    def run(self, text):
        return text.replace(_HIDDEN, "'")


class BareAddresses(Extension):
    """Web addresses typed as plain text keep their apostrophes (`smarty` would curl them).

    Before anything else reads the body, an apostrophe in an address becomes a character no
    officer's text can hold (text.decode_text refuses noncharacters); the finished HTML gets it
    back. Nothing else changes: a `"` never belongs to an address."""

    def extendMarkdown(self, md):
        md.preprocessors.register(_HideAddressQuotes(md), "wn_hide_address_quotes", 35)
        md.postprocessors.register(_ShowAddressQuotes(md), "wn_show_address_quotes", 0)


def makeExtension(**kwargs):  # noqa: N802  (Python-Markdown finds extensions by this name)
    return BareAddresses(**kwargs)
