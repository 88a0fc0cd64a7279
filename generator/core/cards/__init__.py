"""Share cards: the 1200×630 PNG a link preview on Zalo or Facebook shows for a page.

`CardSpec` says what a card shows, `render_card` draws it, `draw_cards` draws only the cards the
on-disk cache does not already hold, on every core.
"""

from .draw import CardStats, draw_cards
from .render import HEIGHT, WIDTH, headline_box, layout_headline, render_card
from .spec import LAYOUT_VERSION, CardSpec

__all__ = ["CardSpec", "CardStats", "HEIGHT", "LAYOUT_VERSION", "WIDTH", "draw_cards", "headline_box",
           "layout_headline", "render_card"]
