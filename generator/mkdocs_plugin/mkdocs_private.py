"""Every use of MkDocs' private API, in one place (mkdocs 1.6.1, pinned in pyproject.toml).

The live preview's quick path renders one page again with MkDocs' own page functions, and
watches files with the system's notifications instead of MkDocs' polling. Neither is offered
by MkDocs' public API. What they touch is listed here and checked by
tests/cli/test_mkdocs_private.py, which fails loudly, naming what moved, when the pinned MkDocs
changes it: upgrade MkDocs only together with this module.
"""

from __future__ import annotations

from typing import Callable

#: (module, function, its parameters in order): what `render_pages_again` calls.
PAGE_FUNCTIONS = (
    ("mkdocs.commands.build", "_populate_page", ("page", "config", "files", "dirty")),
    ("mkdocs.commands.build", "_build_page", ("page", "config", "doc_files", "nav", "env", "dirty", "excluded")),
)
#: Attributes of mkdocs.livereload.LiveReloadServer that `use_observer` reads or replaces.
SERVER_FIELDS = ("_watched_paths", "_watch_refs", "_rebuild_cond", "_want_rebuild", "shutdown_delay", "observer",
                 "builder")


def render_pages_again(pages, config, files, nav, env) -> None:
    """Render (File, Markdown, fingerprint) again with a finished build's MkDocs objects, through
    MkDocs' own page functions: hooks, templates and writing exactly as in a whole build."""
    from mkdocs.commands.build import _build_page, _populate_page

    documentation_pages = files.documentation_pages()
    for file in pages:
        _populate_page(file.page, config, files, dirty=True)
        _build_page(file.page, config, documentation_pages, nav, env, dirty=True)


def use_observer(server, observer, changes_something: Callable[[object], bool], handler_factory) -> None:
    """Swap the server's polling observer (not started yet) for `observer`, watching the same
    paths, and ask the server for a rebuild on each event that `changes_something`."""
    watched = dict(server._watched_paths)
    server.observer = observer

    def callback(event) -> None:
        if changes_something(event):
            with server._rebuild_cond:
                server._want_rebuild = True
                server._rebuild_cond.notify_all()

    for path in watched:
        server._watch_refs[path] = server.observer.schedule(handler_factory(callback), path, recursive=True)
