""""Nghe đọc": what a page's reading voice needs from the build.

The browser reads the page aloud itself (theme/assets/javascripts/listen.js, vi-speech.js), so
the only thing the build adds is how to say the abbreviations the page uses: "BHYT" is said
"bảo hiểm y tế", as the synonym dictionary (core/synonyms.py) has it. Each page carries only
its own few, never the whole dictionary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from .plan import PlannedPage
from .related import ArticleLink
from .synonyms import Synonyms


def spoken_abbreviations(page: PlannedPage, synonyms: Synonyms) -> dict[str, str]:
    """The abbreviations the voice may meet on `page`, with how each is said: those in its
    headline, its body and its item's own fields (a document's issuer, a report's figures)."""
    text = "\n".join([page.title, page.body, *_texts(page.data)])
    return synonyms.abbreviations_in(text)


def _texts(value) -> Iterator[str]:
    """Every piece of text in a page's data. Links to other pages (related articles, the one
    before and after) are not read aloud; fields left out of repr() are bookkeeping (line numbers)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, ArticleLink):
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.repr:
                yield from _texts(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)
