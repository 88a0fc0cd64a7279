"""mkdocs.yml's `site_url`: the address every canonical link, share card, feed and QR code is
built on. A placeholder (the `example.github.io` that `init` writes when it cannot know the
address, or any domain reserved for examples) publishes links that lead nowhere and cards Zalo and
Facebook cannot fetch: a warning on an officer's machine, an error on CI, where sites are published."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import ProblemLog
from ..settings import Settings

#: `init`'s placeholder and the second-level domains RFC 2606 reserves for examples (their subdomains too).
PLACEHOLDER_DOMAINS = ("example.github.io", "example.com", "example.net", "example.org")
#: Top-level domains RFC 2606 reserves: never a published site.
PLACEHOLDER_TLDS = ("example", "invalid")
_SITE_URL_LINE = re.compile(r"^site_url\s*:", re.MULTILINE)


def is_placeholder(url: str) -> bool:
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    if not host:
        return False
    return host.rsplit(".", 1)[-1] in PLACEHOLDER_TLDS or any(
        host == domain or host.endswith("." + domain) for domain in PLACEHOLDER_DOMAINS)


def check_site_url(settings: Settings, log: ProblemLog) -> None:
    if not is_placeholder(settings.site_url):
        return
    path, line = _where(settings.config_file, settings.display_root)
    code = "site_url.placeholder_on_ci" if settings.on_ci else "site_url.placeholder"
    log.add(code, path, line, value=settings.site_url)


def _where(config_file: Path | None, display_root: Path) -> tuple[str, int | None]:
    """mkdocs.yml as officers see it, and the line of `site_url:` in it (when it is written there)."""
    if config_file is None:
        return "mkdocs.yml", None
    try:
        shown = Path(config_file).resolve().relative_to(Path(display_root).resolve()).as_posix()
    except ValueError:
        shown = Path(config_file).as_posix()
    try:
        text = Path(config_file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return shown, None
    match = _SITE_URL_LINE.search(text)
    return shown, (text.count("\n", 0, match.start()) + 1) if match else None
