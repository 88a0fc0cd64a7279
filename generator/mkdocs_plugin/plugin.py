"""WardNewsPlugin: MkDocs hooks that forward to generator.core. No content rules live here."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Callable

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.toc import get_toc

from ..core.csp import with_csp
from ..core.buildcache import BuildCache
from ..core.notfound import portable_not_found
from ..core.outputs import OutputStats, SiteOutputs, refresh_texts
from ..core.pagestore import Bodies
from ..core.pipeline import prepare_site
from ..core.quotes import MARKDOWN_EXTENSIONS as QUOTE_EXTENSIONS
from ..core.progress import Progress
from ..core.rendered import publishable_body
from ..core.plan import SitePlan
from ..core.rules.fields import parse_date, zone
from ..core.reuse import body_edits, reuse_pages
from ..core.search import BackgroundIndexer
from ..core.text import heading_id
from . import context
from .config import WardNewsConfig, to_settings
from .files import PlannedFile, nav_entries, omit_reused_pages, plan_files, shared_fingerprint
from .quick import QuickPreview, render_again
from .theme import fix_material_markup, template_cache, use_packaged_theme

log = logging.getLogger("mkdocs.plugins.ward-news")


class WardNewsPlugin(BasePlugin[WardNewsConfig]):
    def __init__(self):
        self.plan: SitePlan | None = None
        self.problems = None
        self.serving = False  # `serve`: the build cache (its memo, checked articles) stays in memory
        self.cache: BuildCache | None = None  # the build cache (core/buildcache.py), one per build
        self.indexer: BackgroundIndexer | None = None  # serve: the search index is written after each rebuild
        self.rendered: dict[str, str] = {}  # dest path -> fingerprint of the page written there
        self.planned_dests: set[str] = set()  # dest paths of the pages this build plans
        self.shared = ""  # fingerprint of what every page shows
        self.settings = None
        self.now: datetime | None = None
        self.outputs: SiteOutputs | None = None
        self.stats: OutputStats | None = None  # what the last build produced besides pages
        self.bodies = Bodies()  # src_uri -> sanitised body HTML, for the feeds and search
        self.dirty = False  # MkDocs skips pages that are not modified (`ward-news build`, `serve`)
        self.rendered_now = 0  # pages this build rendered
        self.progress = Progress()  # the command line sets one that writes to a terminal
        # The command line's, when site_dir is an earlier site being emptied (core/publish.py
        # PreviousSite.ready): waits until it may be written, and returns the folders it has.
        self.before_writing: Callable[[], set[str]] = set
        # The last whole build's MkDocs objects, for the live preview's quick path (quick.py).
        self._built: tuple | None = None  # (config, files, nav, env), set once a build completed
        self._files = self._nav = self._env = None

    # on_startup: its presence keeps this instance across `serve` rebuilds, so the article cache
    # and the fingerprints of written pages survive from one save to the next.
    # `dirty` (ward-news build, serve): a page whose fingerprint has a stored rendering is linked
    # from the page store, and MkDocs skips it.
    def on_startup(self, *, command, dirty):
        self.dirty = dirty
        self.serving = command == "serve"
        self.indexer = BackgroundIndexer() if command == "serve" else None

    # on_config: load and validate every officer file *before* MkDocs cleans site_dir, so a
    # content error aborts while the previous site is still in place. Runs last (-100) so the
    # theme and other plugins have settled docs_dir and site_url. The packaged theme joins Material's
    # search path here: MkDocs builds the Jinja loader and collects theme files only after on_config.
    @event_priority(-100)
    def on_config(self, config):
        self._built = None  # until this build completes, the quick path has nothing to build on
        use_packaged_theme(config.theme)
        settings = to_settings(self.config, config)
        tz = zone(settings.timezone)
        now = datetime.now(tz)
        if self.config.now:
            parsed, _ = parse_date(self.config.now, tz)
            if parsed is None:
                raise PluginError(f"ward-news: 'now' is not a date: {self.config.now!r}")
            now = parsed
        self.cache = self._build_cache(settings)
        custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        prepared = prepare_site(settings, now, self.cache, custom_dir=custom_dir, progress=self.progress)
        self.problems = prepared.problems
        for problem in prepared.problems.warnings:
            log.info(problem.format())
        if not prepared.ok:
            for problem in prepared.problems.errors:
                log.error(problem.format())
            count = len(prepared.problems.errors)
            raise PluginError(f"Nội dung có {count} lỗi; trang web chưa được dựng lại. Sửa các lỗi ở trên rồi thử lại.")
        self.plan = prepared.plan
        images = self.plan.images
        result = prepared.result
        self.settings, self.now = settings, now
        ward = result.site.ward
        config.site_name = escape(ward.name)  # officer text: Material prints site_name unescaped
        if ward.tagline:
            config.site_description = escape(ward.tagline)
        if images.icons:  # the logo, resized for the header; icons for tabs and home screens
            config.theme["logo"] = images.icons.header_logo
            config.theme["favicon"] = images.icons.icons[0][0]
        config.nav = nav_entries(self.plan)
        # Heading ids: one readable rule for the whole site (core/text.py heading_id keeps đ as d).
        config.mdx_configs.setdefault("toc", {})["slugify"] = heading_id
        # Typographic quotes in every body, as in headlines (core/quotes.py), whatever mkdocs.yml lists.
        for name, settings in QUOTE_EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
                config.mdx_configs.setdefault(name, dict(settings))
        # MkDocs' own sitemap renders a template over every page; outputs.py writes ours instead.
        config.theme.static_templates.discard("sitemap.xml")
        self.shared = shared_fingerprint(self.plan, config, self.cache.code, "serve" if self.serving else "build")
        self.store = self.cache.pages  # pages rendered by earlier builds (core/pagestore.py)
        self.rendered_now = 0
        return config

    def _build_cache(self, settings) -> BuildCache:
        """A build cache for this build; the live preview keeps its own from one save to the next."""
        kept = self.cache
        if self.serving and kept is not None and kept.persistent == (settings.cache_dir is not None) and \
                (not kept.persistent or kept.root == Path(settings.cache_dir)) and \
                kept.content_dir == Path(settings.content_dir):
            kept.start_build()
            return kept
        if kept is not None:
            kept.close()
        cache = BuildCache(settings.cache_dir, settings.content_dir, settings.cache_key_file)
        cache.load()
        return cache

    # on_files: the plan decides which pages exist and where; officers' raw files are not
    # handed to MkDocs. Runs late so theme files are already in the collection.
    @event_priority(-100)
    def on_files(self, files, *, config):
        folders = self.before_writing()
        if self.store is not None:
            self.store.folders |= folders
        files = plan_files(self.plan, files, config, self.shared, self.rendered)
        self._files = files
        planned = [f for f in files if isinstance(f, PlannedFile)]
        self.planned_dests = {f.abs_dest_path for f in planned}
        if self.dirty and self.store is not None:  # core/reuse.py: the page store's policy
            reuse_pages(planned, self.plan, self.store, self.bodies, self.rendered, self.cache.memo)
            if not self.serving:  # `ward-news build`: the live preview keeps every Page for its quick path
                omit_reused_pages(planned)
        # Cards and QR codes need only the plan: draw them on the other core while pages render.
        self.progress.start("pages", sum(1 for f in planned if f.is_modified()))
        self.outputs = SiteOutputs(self.plan, self.settings, self.cache, self.progress)
        self.outputs.start()
        return files

    # on_pre_page: a page about to be rendered may sit in the site as a link to a stored page
    # (an earlier rebuild of the live preview); unlink it so that writing never goes through.
    def on_pre_page(self, page, *, config, files):
        if isinstance(page.file, PlannedFile):
            with contextlib.suppress(FileNotFoundError):
                os.remove(page.file.abs_dest_path)
        return page

    # on_env: Vietnamese formatting filters and the site model for the theme's templates.
    # Compiled templates are kept in the cache: compiling Material's and ours costs every process
    # half a second. Jinja checks each template's source against its entry.
    def on_env(self, env, *, config, files):
        self._env = env
        if self.cache is not None and self.cache.templates_folder is not None:
            env.bytecode_cache = template_cache(env, self.cache.templates_folder)
        env.filters.update(context.FILTERS)
        env.globals.update(context.env_globals(self.plan))
        return env

    # on_nav: kept for the live preview's quick path, which renders pages with this navigation.
    def on_nav(self, nav, *, config, files):
        self._nav = nav
        return nav

    # on_serve: the live preview re-renders a page whose body alone changed without a whole
    # rebuild (quick.py); runs last, after other plugins added their watched paths.
    @event_priority(-100)
    def on_serve(self, server, *, config, builder):
        QuickPreview(server, builder, config.docs_dir, self._quick_update)
        return server

    def _quick_update(self, src_uris: list[str]) -> bool:
        """Render again the pages of articles whose body alone changed; False when the edit
        needs the whole rebuild (core/load.py reload_body_edits decides)."""
        if self._built is None or self.indexer is None:
            return False
        config, files, nav, env = self._built
        changed = body_edits(self.plan, self.settings, src_uris, self.now, self.shared, self.cache.memo)
        if changed is None:
            return False
        render_again(changed, config, files, nav, env)
        refresh_texts(self.plan, self.cache, config.site_dir, self.bodies, self.now, self.indexer)
        log.info(f"Đã dựng lại {len(changed)} trang (chỉ nội dung bài thay đổi).")
        return True

    # on_page_markdown: give Material an escaped title (it prints page titles as HTML) and
    # hide the sidebars that news pages do not need.
    def on_page_markdown(self, markdown, *, page, config, files):
        planned = self.plan.lookup(page.file.src_uri)
        if planned is not None:
            page.meta["title"] = context.html_title(planned.title)
            page.meta["hide"] = ["navigation", "toc"]
        return markdown

    # on_page_content: officers' raw HTML goes through the sanitiser after Markdown rendering,
    # so nothing the Markdown produced can escape it either. Runs last to see every change.
    # The table of contents is hidden on our pages; emptying it also keeps Material from writing
    # a drawer label that points at the missing toggle.
    @event_priority(-100)
    def on_page_content(self, html, *, page, config, files):
        planned = self.plan.lookup(page.file.src_uri)
        if planned is not None:
            page.toc = get_toc([])
            html = publishable_body(self.plan, planned, html)
            if page.file.src_uri in self.plan.body_sources:
                self.bodies[page.file.src_uri] = html
            return html
        return html

    # on_post_build: every page is rendered, so the feeds (which carry article bodies) can be
    # written, and the cards drawn meanwhile copied in. In a live preview (dirty rebuilds) a
    # deleted or renamed article's old page would linger; remove every page we wrote before
    # that the plan no longer has.
    def on_post_build(self, *, config):
        if self.store is not None:
            self.store.link_written()
        outputs, self.outputs = self.outputs, None
        try:
            self.stats = outputs.finish(config.site_dir, self.bodies, self.now, self.indexer,
                                        self.store.folders if self.store is not None else None)
        except RuntimeError as exc:  # Pagefind failed, or the store changed (messages in Vietnamese)
            raise PluginError(str(exc)) from exc
        self.cache.prune()
        if not self.serving:  # the live preview keeps its memo and checked articles in memory
            self.cache.save()
        self.stats = dataclasses.replace(self.stats, pages_rendered=self.rendered_now,
                                         pages_reused=len(self.planned_dests) - self.rendered_now)
        self.progress.close()
        log.info(self.stats.summary())
        self._built = (config, self._files, self._nav, self._env)
        if not self.serving:
            self.bodies = Bodies()
            self.cache.close()
            return
        for stale in set(self.rendered) - self.planned_dests:
            with contextlib.suppress(OSError):
                os.remove(stale)
            del self.rendered[stale]

    # on_build_error: a failed build must not leave the drawing thread and its workers behind.
    def on_build_error(self, *, error):
        self._built = None
        if self.outputs is not None:
            self.outputs.close()
            self.outputs = None
        if self.cache is not None and not self.serving:
            self.cache.close()

    # on_post_page: remember what each page was rendered from, for the next dirty rebuild; fix
    # the theme's markup; add the Content-Security-Policy (core/csp.py), hashed from the finished
    # page. Not in the live preview: its server injects an inline reload script per request.
    def on_post_page(self, output, *, page, config):
        html = self._finish_html(fix_material_markup(output))
        fingerprint = getattr(page.file, "fingerprint", "")
        if fingerprint:
            self.rendered[page.file.abs_dest_path] = fingerprint
            self.rendered_now += 1
            self.progress.advance("pages")
            if self.store is not None:  # the bytes MkDocs writes, for the next build to link
                body = self.bodies.get(page.file.src_uri) if page.file.src_uri in self.plan.body_sources else None
                self.store.keep(fingerprint, html.encode("utf-8", errors="xmlcharrefreplace"), body,
                                None if self.serving else page.file.abs_dest_path)
        return html

    # on_post_template: static theme pages (404.html) get the same treatment as content pages.
    def on_post_template(self, output_content, *, template_name, config):
        if not template_name.endswith(".html"):
            return output_content
        html = fix_material_markup(output_content)
        if template_name == "404.html":  # shown at every missing address, at any depth
            html = portable_not_found(html, config.site_url or "")
        return self._finish_html(html)

    def _finish_html(self, html: str) -> str:
        return html if self.serving else with_csp(html)

    def on_page_context(self, ctx, *, page, config, nav):
        planned = self.plan.lookup(page.file.src_uri)
        if planned is not None:
            ctx["wn"] = context.page_context(planned, self.plan)
        return ctx
