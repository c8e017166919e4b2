"""The MkDocs preview rebuilds when the live preview says it wrote a change, not when MkDocs' polling finds it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.livereload import LiveReloadServer

from coursegen.builder import mkdocs_serve


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[LiveReloadServer, Path]]:
    """A workspace and MkDocs' server for it as ``mkdocs serve`` sets it up (watching docs and the config), not started,
    with the workspace registered as the one ``serve_with_mkdocs`` serves."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# A\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: a\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(docs))
    server.watch(str(config))
    mkdocs_serve._serving = mkdocs_serve._Serving(config)
    try:
        yield server, config
    finally:
        mkdocs_serve._serving = None
        server.server_close()


def _wants_rebuild(server: LiveReloadServer) -> bool:
    return bool(server._want_rebuild)


def test_the_served_workspace_is_rebuilt_when_written_and_only_if_it_changed(served: tuple[LiveReloadServer, Path]) -> None:
    server, config = served
    mkdocs_serve.on_serve(server, SimpleNamespace(config_file_path=str(config), docs_dir=str(config.parent / "docs")))
    assert list(server._watched_paths) == [str(config.parent / "theme")], "MkDocs still polls what the preview tells it about"
    mkdocs_serve.written(config)
    assert not _wants_rebuild(server), "a regeneration that wrote nothing new rebuilt"
    (config.parent / "docs" / "index.md").write_text("# B\n", encoding="utf-8")
    mkdocs_serve.written(config)
    assert _wants_rebuild(server)
    server._want_rebuild = False
    mkdocs_serve.written(config)
    assert not _wants_rebuild(server), "the same change rebuilt twice"
    config.write_text("site_name: b\n", encoding="utf-8")
    mkdocs_serve.written(config)
    assert _wants_rebuild(server), "a changed mkdocs.yml (a new menu entry) did not rebuild"


def test_any_other_mkdocs_serve_of_a_workspace_keeps_polling(served: tuple[LiveReloadServer, Path], tmp_path: Path) -> None:
    server, _config = served
    other = tmp_path / "other" / "mkdocs.yml"
    mkdocs_serve.on_serve(server, SimpleNamespace(config_file_path=str(other), docs_dir=str(other.parent / "docs")))
    assert len(server._watched_paths) == 2
