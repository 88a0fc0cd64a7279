"""The officers' web editor at `quan-tri/`: Sveltia CMS, shipped with the site, writing the same files
the content contract describes, through pull requests on the ward's GitHub repository.

Why Sveltia CMS (0.221.1) and not Decap CMS (3.16.3), both tried from npm on 2026-11-28:
- Sveltia signs in to GitHub with a personal access token, so no authentication server is needed;
  Decap's GitHub backend needs an OAuth server (Netlify's, or one of your own).
- Both have an editorial workflow on GitHub that opens a pull request per article.
- Sveltia is maintained (a release every few weeks), ships a Vietnamese interface, and is lighter:
  one 2.1 MB script against Decap's 5.2 MB plus WebAssembly.

`config.yml` is made from the site's own rules, so the editor offers what `check` accepts: the article
fields of rules/articles.py (title, date and category required), the categories of categories.yml,
dates as `YYYY-MM-DD HH:MM`, images saved next to the article, file names from the title.
Its interface is Vietnamese whatever the browser's language (locale.js, below).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import yaml

from .model import Site
from .urls import EDITOR as EDITOR_DIR
from .rules.articles import KNOWN_KEYS
from .rules.documents import DOCUMENT_FIELDS, DOCUMENT_TYPES
from .settings import Settings

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "editor"

#: Every article field (rules/articles.py), as the editor shows it. A test keeps the two in step.
ARTICLE_FIELDS = {
    "title": {"label": "Tiêu đề", "widget": "string", "hint": "Một dòng, viết hoa như câu thường."},
    "date": {"label": "Ngày đăng", "widget": "datetime", "format": "YYYY-MM-DD HH:mm",
             "hint": "Ngày giờ trong tương lai: bài hiện ra ở lần dựng trang đầu tiên sau giờ đó (mỗi sáng 06:00)."},
    "category": {"label": "Chuyên mục", "widget": "select"},
    "tags": {"label": "Thẻ", "widget": "list", "required": False, "hint": "Các từ khóa, cách nhau bằng dấu phẩy."},
    "author": {"label": "Tác giả, bút danh", "widget": "string", "required": False},
    # One line: a multi-line box would be saved as a YAML block (`|-`), which the loader reads as text.
    "summary": {"label": "Tóm tắt", "widget": "string", "required": False,
                "hint": "Một, hai câu; để trống thì lấy đoạn đầu của bài."},
    "image": {"label": "Ảnh đầu bài", "widget": "image", "required": False},
    "image_alt": {"label": "Mô tả ảnh (cho người khiếm thị)", "widget": "string", "required": False},
    "image_caption": {"label": "Chú thích ảnh", "widget": "string", "required": False,
                      "hint": "Ví dụ: Ảnh: PV"},
    "source": {"label": "Nguồn (bài đăng lại)", "widget": "string", "required": False,
               "hint": "Ví dụ: Hà Nội Mới"},
    "source_url": {"label": "Địa chỉ bài gốc", "widget": "string", "required": False,
                   "pattern": ["^https?://", "Địa chỉ phải bắt đầu bằng http:// hoặc https://"]},
    "slug": {"label": "Đường dẫn của bài (để trống: lấy từ tên tệp)", "widget": "string", "required": False},
    "updated": {"label": "Ngày sửa nội dung", "widget": "datetime", "format": "YYYY-MM-DD HH:mm",
                "required": False},
    "draft": {"label": "Bài nháp (chưa đăng)", "widget": "boolean", "required": False, "default": False},
    "featured": {"label": "Tin nổi bật (ghim ở trang chủ)", "widget": "boolean", "required": False,
                 "default": False},
    "expires": {"label": "Hết hiệu lực sau ngày (thông báo có thời hạn)", "widget": "datetime",
                "format": "YYYY-MM-DD", "required": False,
                "hint": "Lịch cắt điện, lịch tiêm chủng...: sau ngày này bài rời trang chủ và hiện dòng "
                        "“Hết hiệu lực”, nhưng vẫn giữ nguyên địa chỉ."},
}

#: The editor talks to GitHub's API and shows avatars and images from GitHub; nothing else.
EDITOR_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com; "
    "font-src 'self'; connect-src 'self' data: blob: https://api.github.com; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'self' blob:"
)


#: Sveltia CMS (0.221.1) has no configuration option for the language of its interface: it starts in
#: the `locale` of the preferences it keeps in localStorage["sveltia-cms.prefs"] (what its Settings >
#: Language writes; "auto" or none means the browser's language) and applies that preference again
#: once loaded. Officers read only Vietnamese and many ward PCs run English Windows, so the page sets
#: that preference to Vietnamese before the editor starts, at every visit: an officer who switched to
#: English by mistake gets Vietnamese back on reloading. A file, as the page's policy forbids inline scripts.
LOCALE_SCRIPT = """\
try {
  var prefs = JSON.parse(localStorage.getItem("sveltia-cms.prefs") || "{}");
  if (!prefs || typeof prefs !== "object" || Array.isArray(prefs)) prefs = {};
  if (prefs.locale !== "vi") {
    prefs.locale = "vi";
    localStorage.setItem("sveltia-cms.prefs", JSON.stringify(prefs));
  }
} catch (error) {}
"""


def editor_config(site: Site, settings: Settings) -> dict:
    """Sveltia's config.yml as data: the ward's repository, the article and page collections."""
    fields = []
    for name in KNOWN_KEYS:
        field = {"name": name, **ARTICLE_FIELDS[name]}
        if name == "category":
            field["options"] = [c.name for c in site.categories]
        fields.append(field)
    fields.append({"name": "body", "label": "Nội dung", "widget": "markdown"})
    return {
        # Token sign-in only: "Sign in with GitHub" needs an authentication server the site does not have.
        "backend": {"name": "github", "repo": settings.editor_repo, "branch": settings.editor_branch,
                    "auth_methods": ["token"],
                    "commit_messages": {"create": "Thêm bài: {{slug}}", "update": "Sửa bài: {{slug}}",
                                        "delete": "Xóa bài: {{slug}}", "uploadMedia": "Thêm ảnh: {{path}}",
                                        "deleteMedia": "Xóa ảnh: {{path}}"}},
        "publish_mode": "editorial_workflow",
        "site_url": settings.site_url or None,
        "media_folder": f"{_content_folder(settings)}/images",
        "public_folder": "images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "news", "label": "Tin bài", "label_singular": "bài",
                "description": "Tin hoạt động của Mặt trận và các đoàn thể. Mỗi bài là một yêu cầu gộp bài "
                               "(pull request) cho người duyệt.",
                "folder": f"{_content_folder(settings)}/news", "path": "{{year}}/{{slug}}", "extension": "md",
                "format": "yaml-frontmatter", "create": True, "slug": "{{slug}}",
                # Images next to the article, referenced by file name (the contract's rule).
                "media_folder": "", "public_folder": "",
                "summary": "{{title}} ({{date}})", "sortable_fields": ["date", "title"],
                "fields": fields,
            },
            {
                "name": "documents", "label": "Văn bản", "label_singular": "văn bản",
                "description": "Thông báo, kế hoạch, quyết định... kèm tệp PDF, Word hoặc Excel đã ký.",
                "folder": f"{_content_folder(settings)}/documents", "extension": "md",
                "format": "yaml-frontmatter", "create": True, "slug": "{{year}}-{{slug}}",
                # Attachments in documents/files/, referenced as files/<name> (the contract's rule).
                "media_folder": "files", "public_folder": "files",
                "summary": "{{number}} – {{title}}", "sortable_fields": ["date", "number", "title"],
                "fields": document_fields(),
            },
            {
                "name": "pages", "label": "Trang tĩnh", "label_singular": "trang",
                "folder": f"{_content_folder(settings)}/pages", "extension": "md", "format": "yaml-frontmatter",
                "create": True, "slug": "{{slug}}", "media_folder": "", "public_folder": "",
                "fields": [{"name": "title", "label": "Tiêu đề", "widget": "string"},
                           {"name": "body", "label": "Nội dung", "widget": "markdown"}],
            },
        ],
    }


_DOCUMENT_WIDGETS = {"datetime": {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False},
                     "file": {"widget": "file", "accept": ".pdf,.docx,.doc,.xlsx,.xls,.odt,.ods"}}


def document_fields() -> list[dict]:
    """The documents' form, from the one declaration of their fields (rules/documents.py)."""
    form = []
    for spec in DOCUMENT_FIELDS:
        field = {"name": spec.name, "label": spec.label, "widget": spec.widget, "required": spec.required,
                 **_DOCUMENT_WIDGETS.get(spec.widget, {})}
        if spec.hint:
            field["hint"] = spec.hint
        if spec.name == "type":
            field["options"] = list(DOCUMENT_TYPES)
        form.append(field)
    form.append({"name": "body", "label": "Nội dung tóm tắt (không bắt buộc)", "widget": "markdown",
                 "required": False})
    return form


def editor_files(site: Site, settings: Settings) -> dict[str, bytes]:
    """Every file of `quan-tri/`, by path in the site; nothing when no repository is set."""
    if not settings.editor_repo:
        return {}
    config = {k: v for k, v in editor_config(site, settings).items() if v is not None}
    files = {f"{EDITOR_DIR}/config.yml": yaml.safe_dump(config, allow_unicode=True, sort_keys=False,
                                                        width=1_000_000).encode("utf-8"),
             f"{EDITOR_DIR}/index.html": _page(site.ward.name).encode("utf-8"),
             f"{EDITOR_DIR}/locale.js": LOCALE_SCRIPT.encode("utf-8")}
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file() and path.suffix != ".md":
            files[f"{EDITOR_DIR}/{path.relative_to(ASSETS).as_posix()}"] = path.read_bytes()
    return files


def _content_folder(settings: Settings) -> str:
    """content/ as the git repository names it (the editor writes paths from the repository's root),
    whatever folder the build runs from; `content` when the folder is not in a git repository."""
    folder = Path(settings.content_dir).resolve()
    for parent in folder.parents:
        if (parent / ".git").exists():
            return folder.relative_to(parent).as_posix()
    return folder.name


def _page(ward_name: str) -> str:
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{EDITOR_POLICY}">
<title>Soạn bài – {escape(ward_name)}</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
<link rel="stylesheet" href="fonts.css">
</head>
<body>
<noscript>Trình soạn bài cần bật JavaScript.</noscript>
<script src="locale.js"></script>
<script src="sveltia-cms.js"></script>
</body>
</html>
"""
