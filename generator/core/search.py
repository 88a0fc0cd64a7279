"""Static search with Pagefind: an index the browser queries in chunks, with no server.

Readers type without diacritics as often as with them ("chuyen doi so", "phu dinh"), and
Pagefind folds combining accents but keeps "đ" apart from "d". So the index holds each page's
words folded the way `text.fold` folds them (accents and case gone, đ → d), and the search
page folds the query with the same rule (assets/javascripts/search.js, tested against
`fold`). What a reader sees, the headline, date, category and excerpt, is the original
text, kept in the record's metadata.

The headline is indexed with a higher weight than the body, so headline matches rank first.
Only articles, reports and plain pages are indexed: listings only repeat them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Mapping

from . import urls, vi
from .plan import SitePlan
from .reports import REPORT_LABEL
from .text import fold

SEARCH_DIR = "pagefind"  # the bundle's folder in the built site (Pagefind's own default)
SEARCHABLE_KINDS = ("article", "report", "page")
TITLE_WEIGHT = 10  # Pagefind's scale: h1 is 7 by default, body text 1


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, e.g. "tin-tuc/trao-qua/"
    title: str
    text: str  # the page's text, plain, as written
    date: str = ""  # "09/01/2026", or "" for pages without a date
    section: str = ""  # the category, "Báo cáo tổng kết", or ""


def search_records(plan: SitePlan, bodies: Mapping[str, str]) -> list[SearchRecord]:
    """A record per searchable planned page, its text taken from the page's rendered body."""
    dated = {a.src_uri: (a.date, a.category.name) for a in plan.site.articles}
    dated.update({r.src_uri: (r.date, REPORT_LABEL) for r in plan.site.reports})
    records = []
    for page in plan.pages:
        if page.kind not in SEARCHABLE_KINDS:
            continue
        text = plain_text(bodies.get(page.src_uri, "")) or page.description
        when, section = dated.get(page.src_uri, (None, ""))
        records.append(SearchRecord(url=page.url, title=page.title, text=text,
                                    date=vi.format_date_short(when) if when else "", section=section))
    return records


def record_html(record: SearchRecord) -> str:
    """The document Pagefind indexes for a record: folded words to match, original text as meta.

    Meta sits in ignored elements (Pagefind still reads meta there) so it is shown, not matched."""
    meta = "".join(f'<span data-pagefind-meta="{key}">{escape(value)}</span>'
                   for key, value in (("title", record.title), ("date", record.date),
                                      ("section", record.section), ("text", record.text)) if value)
    return (f'<!doctype html><html lang="vi"><body><main data-pagefind-body>'
            f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{escape(fold(record.title))}</h1>'
            f'<p>{escape(fold(record.text))}</p>'
            f'<div data-pagefind-ignore>{meta}</div></main></body></html>')


#: Pagefind's own ready-made interfaces: the search page has its own (search.js), so these
#: would only be published, never loaded.
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                       "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def write_search_index(records: Iterable[SearchRecord], site_dir: Path) -> int:
    """Write the Pagefind bundle (index, fragments, pagefind.js) into site_dir/pagefind/.

    Each record becomes a small HTML file in a scratch folder that Pagefind's binary indexes
    in one run (its Python API costs a round trip of ~0.1 s per record: 8 minutes at 5,000)."""
    output = Path(site_dir).resolve() / SEARCH_DIR
    shutil.rmtree(output, ignore_errors=True)  # a live preview must not keep fragments of old pages
    count = 0
    with tempfile.TemporaryDirectory(prefix="ward-news-search-") as scratch:
        for record in records:
            target = Path(scratch) / urls.dest_path(record.url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record_html(record), encoding="utf-8")
            count += 1
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(output),
                                 "--force-language", "vi", "--silent"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind không tạo được chỉ mục tìm kiếm: {result.stderr or result.stdout}")
    for name in UNUSED_BUNDLE_FILES:
        (output / name).unlink(missing_ok=True)
    return count


def plain_text(html: str) -> str:
    """The words of a sanitised body, paragraphs separated by a space."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


class _TextParser(HTMLParser):
    _BREAKS = {"p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "figcaption", "blockquote", "div"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self._BREAKS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)
