"""MkDocs' private API that the live preview uses (generator/mkdocs_plugin/mkdocs_private.py) is
still there, with the same shape, in the installed MkDocs: an upgrade that moves it fails here,
naming what moved, instead of silently breaking the preview's quick path."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import tomllib
from pathlib import Path

from generator.mkdocs_plugin.mkdocs_private import PAGE_FUNCTIONS, SERVER_FIELDS

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_installed_mkdocs_is_the_pinned_one():
    pinned = next(d for d in tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["dependencies"]
                  if d.startswith("mkdocs=="))
    assert importlib.metadata.version("mkdocs") == pinned.split("==")[1], \
        "MkDocs changed: check generator/mkdocs_plugin/mkdocs_private.py against it, then this pin"


def test_the_page_functions_the_quick_path_calls_keep_their_parameters():
    for module, name, parameters in PAGE_FUNCTIONS:
        function = getattr(importlib.import_module(module), name, None)
        assert function is not None, f"{module}.{name} is gone: the live preview's quick path needs it"
        assert tuple(inspect.signature(function).parameters) == parameters, f"{module}.{name} changed"


def test_the_live_server_fields_the_native_observer_uses_exist(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        missing = [field for field in SERVER_FIELDS if not hasattr(server, field)]
        assert not missing, f"mkdocs.livereload.LiveReloadServer lost {missing}"
        assert isinstance(server._watched_paths, dict) and isinstance(server._watch_refs, dict)
        with server._rebuild_cond:  # a Condition, as the callback holds it
            assert server._want_rebuild is False
    finally:
        server.server_close()
