"""Small corrections to the markup Material itself writes (not officers' content)."""

from __future__ import annotations

import re

# Material puts autocomplete="off" on its checkbox toggles; HTML allows it only on text-like
# inputs, so the Nu HTML Checker flags every page.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def fix_material_markup(html: str) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
