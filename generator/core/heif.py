"""iPhone photos (HEIC/HEIF): Pillow opens them once pillow-heif registers its opener.

Its own small module: the photo rules (rules/images.py) and the photo maker (images.py) both
need it, and neither should import the other for it.
"""

from __future__ import annotations

import functools


def heif_version() -> str:
    try:
        from pillow_heif import __version__
    except ImportError:
        return "none"
    return __version__


@functools.lru_cache(maxsize=1)
def register_heif() -> bool:
    """Let Pillow open iPhone photos (HEIC); False when pillow-heif is not installed. Registering
    is a process-wide effect on Pillow, done once."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True
