"""The MkDocs preview rebuilds when the live preview says it wrote a change, not when MkDocs' polling finds it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import jinja2
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
    mkdocs_serve.written(config, whole=False)
    assert not _wants_rebuild(server), "a regeneration that wrote nothing new rebuilt"
    (config.parent / "docs" / "index.md").write_text("# B\n", encoding="utf-8")
    mkdocs_serve.written(config, whole=False)
    assert _wants_rebuild(server)
    server._want_rebuild = False
    mkdocs_serve.written(config, whole=False)
    assert not _wants_rebuild(server), "the same change rebuilt twice"
    config.write_text("site_name: b\n", encoding="utf-8")
    mkdocs_serve.written(config, whole=False)
    assert _wants_rebuild(server), "a changed mkdocs.yml (a new menu entry) did not rebuild"


def test_any_other_mkdocs_serve_of_a_workspace_keeps_polling(served: tuple[LiveReloadServer, Path], tmp_path: Path) -> None:
    server, _config = served
    other = tmp_path / "other" / "mkdocs.yml"
    mkdocs_serve.on_serve(server, SimpleNamespace(config_file_path=str(other), docs_dir=str(other.parent / "docs")))
    assert len(server._watched_paths) == 2


def test_a_rebuild_compiles_only_the_templates_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rebuild has a new template environment (MkDocs loads the settings again); they share the compiled
    templates, and an override the trainer edited shows in the next rebuild."""
    (tmp_path / "main.html").write_text("{{ title }} one", encoding="utf-8")

    def environment() -> jinja2.Environment:
        return mkdocs_serve.on_env(jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), autoescape=True, auto_reload=False))

    assert environment().get_template("main.html").render(title="A") == "A one"
    again = environment()
    monkeypatch.setattr(again, "compile", _compiled_again)
    assert again.get_template("main.html").render(title="B") == "B one"
    (tmp_path / "main.html").write_text("{{ title }} two", encoding="utf-8")
    monkeypatch.undo()
    assert environment().get_template("main.html").render(title="C") == "C two"


def _compiled_again(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("an unchanged template was compiled again")


class _Jieba:
    """jieba as far as Material's search calls it: cut a sentence (here, into characters), counted."""

    def __init__(self) -> None:
        self.cuts = 0
        self.dictionary = ""

    def cut(self, sentence: bytes) -> Iterator[str]:
        self.cuts += 1
        return iter(sentence.decode("utf-8"))

    def set_dictionary(self, path: str) -> None:
        self.dictionary = path


def test_while_serving_a_sentence_is_cut_into_words_once_until_the_dictionary_changes() -> None:
    jieba = _Jieba()
    words = mkdocs_serve._RememberedWords(jieba)
    assert words.cut("保存".encode()) == ["保", "存"]
    assert words.cut("保存".encode()) == ["保", "存"] and jieba.cuts == 1
    assert words.cut("预览".encode()) == ["预", "览"] and jieba.cuts == 2
    words.set_dictionary("dict.txt")
    assert jieba.dictionary == "dict.txt"
    assert words.cut("保存".encode()) == ["保", "存"] and jieba.cuts == 3, "words cut with the old dictionary were kept"
