"""categories.yml and authors.yml: lists of named things."""

from __future__ import annotations

from ..frontmatter import YNode
from ..model import Author, Category
from ..problems import ProblemLog
from ..text import fold, is_slug, make_slug


def check_categories(root: YNode | None, path: str, log: ProblemLog) -> list[Category]:
    if root is None:
        return []
    if root.kind != "sequence":
        log.add("categories.not_list", path, root.line)
        return []
    categories: list[Category] = []
    seen: dict[str, int] = {}
    for item in root.value:
        name, description, slug = _named_item(item)
        if not name:
            log.add("categories.item.invalid", path, item.line)
            continue
        line = item.key_lines.get("name", item.line) if item.kind == "mapping" else item.line
        if slug is not None and not is_slug(slug):
            log.add("article.slug.invalid", path, item.key_lines.get("slug", line), value=slug,
                    suggestion=make_slug(slug) or make_slug(name))
            continue
        slug = slug or make_slug(name)
        if slug in seen or fold(name) in seen:
            log.add("categories.duplicate", path, line, name=name, slug=slug,
                    other_line=seen.get(slug) or seen.get(fold(name)))
            continue
        seen[slug] = seen[fold(name)] = line
        categories.append(Category(name=name, slug=slug, description=description))
    return categories


def check_authors(root: YNode | None, path: str, log: ProblemLog) -> list[Author]:
    if root is None:
        return []
    if root.kind != "sequence":
        log.add("authors.not_list", path, root.line)
        return []
    authors = []
    seen: dict[str, int] = {}
    for item in root.value:
        name, bio, _ = _named_item(item, text_key="bio")
        if not name:
            log.add("authors.item.invalid", path, item.line)
            continue
        line = item.key_lines.get("name", item.line) if item.kind == "mapping" else item.line
        slug = make_slug(name)
        # Bylines are matched by fold(name) and pages are named by slug: either clash would
        # give one byline two authors, or two authors one page. The first entry wins.
        if fold(name) in seen or (slug and slug in seen):
            log.add("authors.duplicate", path, line, name=name, other_line=seen.get(fold(name)) or seen.get(slug))
            continue
        seen[fold(name)] = line
        if slug:
            seen[slug] = line
        authors.append(Author(name=name, bio=bio, slug=slug))
    return authors


def author_index(authors) -> dict[str, Author]:
    """Known authors by the folded name a byline must match (case, accents and dashes ignored,
    as category names are matched): `author: Chí Nguyên` names `CHÍ NGUYÊN`."""
    return {fold(a.name): a for a in authors if a.slug}


def _named_item(item: YNode, text_key: str = "description") -> tuple[str, str, str | None]:
    """`- Tên` or `- name: Tên` (+ description/bio, slug): the forms officers write."""
    if item.kind == "scalar" and item.value is not None and not isinstance(item.value, bool):
        return " ".join(item.text().split()), "", None
    if item.kind != "mapping":
        return "", "", None
    values = {k: v.text() for k, v in item.value.items() if v.kind == "scalar" and v.value is not None}
    name = " ".join(str(values.get("name", "")).split())
    text = " ".join(str(values.get(text_key, "")).split())
    slug = values.get("slug")
    return name, text, (str(slug) if slug is not None else None)
