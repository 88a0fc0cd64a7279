"""One check for every body an officer writes, whatever its kind (article, page, report, document).

Every kind's rule calls `check_body`, and the build walks the same references over
`model.Site.bodied()`: what `check` accepts in a body is what the build publishes.
"""

from __future__ import annotations

from pathlib import Path

from ..problems import ProblemLog
from .body_html import check_body_html
from .images import check_body_attachments, check_body_images
from .unfinished import check_body_text


def check_body(body: str, body_line: int, src_uri: str, content_dir: Path, path: str, log: ProblemLog) -> None:
    """Sample text left in, raw HTML, every image and every download link of a body, each at its own line."""
    check_body_text(body, body_line, path, log)
    check_body_html(body, body_line, path, log)
    check_body_images(body, body_line, src_uri, content_dir, path, log)
    check_body_attachments(body, body_line, src_uri, content_dir, path, log)
