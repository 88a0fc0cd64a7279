"""One article file: front matter to an Article, every mistake logged with its line."""

from __future__ import annotations

import html
import re
from datetime import tzinfo
from pathlib import Path

import markdown

from ..frontmatter import Document, YNode
from ..model import Article, Category, Image, Tag
from ..problems import ProblemLog
from ..quotes import MARKDOWN_EXTENSIONS as QUOTE_EXTENSIONS, curly_quotes
from ..text import fold, make_slug
from . import fields
from . import unfinished
from .body import check_body
from .images import resolve_image
from .limits import MAX_TAGS

KNOWN_KEYS = [
    "title", "date", "category", "tags", "author", "summary", "image", "image_alt", "image_caption",
    "source", "source_url", "slug", "updated", "draft", "featured", "expires",
]
#: A teaser's summary when none is written. A phone clamps it to three lines (about 140 characters);
#: a wide screen shows two lines of 200. The rest of 300 was downloaded and never seen.
SUMMARY_MAX = 200
DESCRIPTION_MAX = 160  # what search results and link previews show before cutting
#: Text fields where a colon is ordinary prose ("Ảnh: PV"), accepted without quotes.
ONE_LINE_TEXT_KEYS = frozenset({"title", "summary", "author", "image_alt", "image_caption", "source"})



def check_article(
    src_uri: str, path: str, doc: Document, categories: dict[str, Category], content_dir: Path, tz: tzinfo,
    log: ProblemLog,
) -> Article | None:
    """An Article when the file is good enough to publish; None when an error was logged."""
    if not doc.has_front_matter:
        log.add("frontmatter.missing", path, 1)
        return None
    meta = doc.meta
    assert meta is not None
    errors_before = len(log.errors)

    title = fields.read_text(meta, "title", path, log, required=True, label="tiêu đề",
                             example="title: Hội nghị tổng kết công tác Mặt trận năm 2025")
    date = fields.read_date(meta, "date", path, log, tz, required=True)
    category = _read_category(meta, path, categories, log)
    tags = list(_unique_tags(Tag(name, make_slug(name)) for name in fields.read_text_list(meta, "tags", path, log)))
    if len(tags) > MAX_TAGS:  # each makes an archive page: 3,000 made 9,011 files
        log.add("article.tags.too_many", path, meta.key_lines.get("tags"), count=len(tags), limit=MAX_TAGS)
        tags = tags[:MAX_TAGS]
    author = fields.read_text(meta, "author", path, log) or ""
    summary = fields.read_text(meta, "summary", path, log)
    for field, value in (("title", title), ("summary", summary)):
        unfinished.check_field(field, value, meta.key_lines.get(field), path, log)
    image_value = fields.read_text(meta, "image", path, log)
    image_alt = fields.read_text(meta, "image_alt", path, log) or ""
    image_caption = fields.read_text(meta, "image_caption", path, log) or ""
    source = fields.read_text(meta, "source", path, log) or ""
    source_url = fields.read_text(meta, "source_url", path, log) or ""
    updated = fields.read_date(meta, "updated", path, log, tz, required=False)
    draft = fields.read_bool(meta, "draft", path, log,
                             hint="Viết draft: true để giữ bài ở dạng nháp, hoặc xóa dòng này để đăng bài.")
    featured = fields.read_bool(meta, "featured", path, log,
                                hint="Viết featured: true để ghim bài lên đầu trang chủ (tin nổi bật), "
                                     "hoặc xóa dòng này.")
    slug = fields.read_slug(meta, src_uri, path, log, example="hoi-nghi-tong-ket-2025")
    expires = fields.read_expires(meta, path, log, tz)

    if date and expires and expires < date:
        log.add("field.expires.before_date", path, meta.key_lines.get("expires"),
                expires=meta.value["expires"].text(), date=meta.value["date"].text())
    if source_url and not source_url.startswith(("http://", "https://")):
        log.add("article.source_url.invalid", path, meta.key_lines.get("source_url"), value=source_url)
    if date and updated and updated < date:
        log.add("article.updated.before_date", path, meta.key_lines.get("updated"),
                updated=meta.value["updated"].value, date=meta.value["date"].value)
    image = None
    if image_value:
        image_src = resolve_image(image_value, src_uri, content_dir, path, meta.key_lines.get("image"), log)
        if image_src:
            image = Image(image_src, image_alt, image_caption)
    _warn_unknown_keys(meta, path, log)

    body = _strip_repeated_title(doc.body, title or "")
    if not body.strip():
        log.add("article.body.empty", path, doc.body_line)
    check_body(body, doc.body_line, src_uri, content_dir, path, log)

    if len(log.errors) > errors_before or not (title and date and category and slug):
        return None
    lead = "" if summary else first_paragraph(body)  # its quotes curled as the body's are
    title, summary = curly_quotes(title), curly_quotes(summary or "")
    return Article(
        src_uri=src_uri, path=path, slug=slug, title=title, date=date, category=category, body=body,
        body_line=doc.body_line, summary=summary or shorten(lead, SUMMARY_MAX), lede=summary or "",
        description=summary or shorten(lead, DESCRIPTION_MAX), tags=tuple(_unique_tags(tags)),
        author=author, image=image, source=source, source_url=source_url, updated=updated, draft=draft,
        featured=featured, expires=expires, lines=dict(meta.key_lines),
    )


def _read_category(meta: YNode, path: str, categories: dict[str, Category], log: ProblemLog) -> Category | None:
    value = fields.read_text(meta, "category", path, log, required=True, label="chuyên mục",
                             example="category: An sinh xã hội")
    if value is None:
        return None
    found = categories.get(fold(value)) or categories.get(value)
    if found:
        return found
    names = sorted({c.name for c in categories.values()})
    nearest = fields.suggest(value, names)
    hint = fields.did_you_mean(nearest)
    hint = (hint + " " if hint else "") + "Các chuyên mục hiện có: " + ", ".join(names) + "." if names else \
        "Thêm chuyên mục vào content/categories.yml trước."
    log.add("category.unknown", path, meta.key_lines.get("category"), value=value, hint=hint)
    return None


def _warn_unknown_keys(meta: YNode, path: str, log: ProblemLog) -> None:
    for key, line in meta.key_lines.items():
        if key not in KNOWN_KEYS:
            nearest = fields.suggest(key, KNOWN_KEYS, fields.KEY_ALIASES)
            hint = fields.did_you_mean(nearest) or "Các trường dùng được: " + ", ".join(KNOWN_KEYS) + "."
            log.add("field.unknown", path, line, field=key, hint=hint)


def _unique_tags(tags: list[Tag]):
    seen = set()
    for tag in tags:
        if tag.slug and tag.slug not in seen:
            seen.add(tag.slug)
            yield tag


# The closing `#`s are stripped in code: `(.*?)\s*#*\s*$` takes cubic time on a heading
# with a long run of spaces inside it (minutes for one line of 20,000 spaces).
_HEADING = re.compile(r"^#\s+(.*)$")


def _strip_repeated_title(body: str, title: str) -> str:
    """Officers often repeat the headline as `# Title`; the page already shows it as its <h1>."""
    lines = body.split("\n")
    for index, text in enumerate(lines):
        if not text.strip():
            continue
        match = _HEADING.match(text)
        if match and fold(match.group(1).rstrip().rstrip("#")) == fold(title):
            lines[index] = ""  # keep line count, so later lines keep their numbers
            return "\n".join(lines)
        break
    return body


_TAGS = re.compile(r"<[^>]+>")
_SKIP_PARAGRAPH = re.compile(r"^\s*(#|!\[|<|\||>|```|---|\*\*\*|[-*+]\s|\d+\.\s)")


# One instance, reset per use: building one costs more than converting. Quotes curled as in the body.
_INLINE_MARKDOWN = markdown.Markdown(extensions=list(QUOTE_EXTENSIONS), extension_configs=QUOTE_EXTENSIONS)


def summarize(body: str, limit: int = SUMMARY_MAX) -> str:
    """The summary when none is written: the first prose paragraph, as plain text, cut at a word."""
    return shorten(first_paragraph(body), limit)


def first_paragraph(body: str) -> str:
    """The first prose paragraph (not a heading, image, list, table or quote) as plain text."""
    for paragraph in re.split(r"\n\s*\n", body):
        paragraph = paragraph.strip()
        if not paragraph or _SKIP_PARAGRAPH.match(paragraph):
            continue
        text = html.unescape(_TAGS.sub("", _INLINE_MARKDOWN.reset().convert(paragraph)))
        text = " ".join(text.split())
        if text:
            return text
    return ""


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + "…"
