"""``coursegen serve`` on MkDocs: its preview server, with the terminal saying where the preview is, and nothing else's noise.

MkDocs announces its address through its logger, at a level nobody shows in coursegen, so the trainer saw no address
at all (Zensical prints its own). Material's search plugin meanwhile imports jieba, which sets its own logger to
print every step of loading its dictionary ("Building prefix dict…") on the terminal. Here MkDocs' announcement is
caught and said in the course's language by the caller, and jieba's steps are kept quiet (its warnings still show).

MkDocs finds changed files by polling the docs folder every half second, then waits a tenth of a second more for
the writes to end; on a small course that was half of the time from a save to the page. Only the live preview writes
the workspace, and it knows when it is done: :func:`on_serve` (run by the workspace's hooks) stops MkDocs' polling of the
workspace's docs folder and ``mkdocs.yml`` for the preview served here (it polls the theme folder instead), and :func:`written` asks for the rebuild the
moment the preview has written a change. What counts as a change is what MkDocs' polling compared (each file's
size, modification time and inode), so a regeneration that wrote nothing new rebuilds nothing, as before. Should
MkDocs' server lack the means to be asked (its rebuild condition), its polling is left as it was.

Each rebuild loads the settings again, and with them a new template environment: MkDocs compiled Material's forty
templates again every time (a fifth of a rebuild of the example course). :func:`on_env` (another of the workspace's
hooks) gives every environment of the process one :class:`CompiledTemplates`, which keeps each template's compiled
code for as long as its source is the same. Material's search meanwhile cuts every Chinese sentence of every page into
words with jieba at every rebuild (another fifth); while serving, the words of a sentence are remembered
(:class:`_RememberedWords`), so a rebuild cuts only the sentences that changed.

A save rebuilds only the pages it changed, unless it changed what every page shows (:func:`rebuild`): the live preview
says which with each write (:func:`written`, from :func:`coursegen.builder.preview.site_menu`). The same edit of one
lecture's text took MkDocs' full rebuild of a 200-lecture course 5.2 s to show, against 1.1 s for the dirty
rebuild ``coursegen serve --dirty`` made, which left every other page's menu stale after a new lecture title; now
no flag is needed and no menu goes stale.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:
    from types import CodeType

    from mkdocs.config.defaults import MkDocsConfig

SERVING = re.compile(r"\bServing on (\S+)")
"""MkDocs' line once its server listens: ``[09:30:00] Serving on http://127.0.0.1:8000/``."""


class _Announcer(logging.Handler):
    """Hands the address in MkDocs' "Serving on" record to ``ready``; other records pass by."""

    def __init__(self, ready: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self.ready = ready

    def emit(self, record: logging.LogRecord) -> None:
        found = SERVING.search(record.getMessage())
        if found:
            self.ready(found[1])


Snapshot = dict[str, tuple[int, int, int]]
"""A folder's files → (size, modification time in ns, inode)."""


class _Serving:
    """The one MkDocs preview this process serves: its workspace config, MkDocs' server once :func:`on_serve` got it,
    the workspace as MkDocs last built it, and whether the next rebuild must be a whole one."""

    def __init__(self, config: Path) -> None:
        self.config = os.path.abspath(config)
        self.server: Any = None
        self.seen: Snapshot = {}
        self.lock = threading.Lock()
        self.whole = True
        """The next rebuild renders every page: the first one, and one after a save that changed the menu."""
        self.theme: Snapshot | None = None
        """The workspace's theme folder as the last rebuild saw it: a changed template is in every page."""
        self.search_index: Any = None
        """Material's search index as the last rebuild wrote it: a dirty rebuild adds the sections of its pages."""

    def next_build_is_whole(self) -> bool:
        """Whether the rebuild starting now must render every page (and the next need not, unless told again)."""
        theme = _snapshot(os.path.join(os.path.dirname(self.config), "theme"), self.config)
        with self.lock:
            whole = self.whole or theme != self.theme
            self.whole, self.theme = False, theme
        return whole


_serving: _Serving | None = None


def on_serve(server: Any, config: Any) -> Any:
    """MkDocs' ``on_serve`` event (from the workspace's hooks): for the preview :func:`serve_with_mkdocs` serves, polling
    of the workspace gives way to :func:`written`; any other ``mkdocs serve`` of a workspace keeps its polling."""
    serving = _serving
    if serving is None or os.path.abspath(str(config.config_file_path or "")) != serving.config:
        return server
    if not hasattr(server, "_rebuild_cond") or not hasattr(server, "_want_rebuild"):
        return server  # a MkDocs whose server cannot be asked: it keeps polling
    docs = os.path.abspath(config.docs_dir)
    theme = os.path.join(os.path.dirname(serving.config), "theme")
    with serving.lock:
        serving.seen = _snapshot(docs, serving.config)
        # MkDocs puts its live-reload script into pages only while it watches something: it keeps polling the
        # workspace's theme folder (the trainer's theme overrides, which it did not watch before), nothing else.
        server.watch(theme)
        server.build_delay = 0  # its wait for more writes: the preview asks once it has written them all
        for path in (docs, serving.config):
            if path in getattr(server, "_watched_paths", {}):
                server.unwatch(path)
        serving.server = server
    return server


def written(config: Path, *, whole: bool) -> None:
    """The live preview has written the workspace of ``config``: rebuild now if anything in it changed (a no-op while
    MkDocs polls the workspace itself); ``whole``: every page, as the menu changed, rather than the files written."""
    serving = _serving
    if serving is None or os.path.abspath(config) != serving.config:
        return
    with serving.lock:
        serving.whole = serving.whole or whole
        if serving.server is None:
            return
        now = _snapshot(os.path.join(os.path.dirname(serving.config), "docs"), serving.config)
        if now == serving.seen:
            return
        serving.seen = now
        server = serving.server
    with server._rebuild_cond:  # what MkDocs' own file watcher does on a change
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def _snapshot(docs: str, config: str) -> Snapshot:
    """What MkDocs' polling compared, of the docs folder's files and of ``config``."""
    found: Snapshot = {}
    todo = [docs]
    while todo:
        try:
            entries = list(os.scandir(todo.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    todo.append(entry.path)
                else:
                    info = entry.stat(follow_symlinks=False)
                    found[entry.path] = (info.st_size, info.st_mtime_ns, info.st_ino)
            except OSError:  # gone meanwhile: the next snapshot says so
                continue
    try:
        info = os.stat(config)
        found[config] = (info.st_size, info.st_mtime_ns, info.st_ino)
    except OSError:
        pass
    return found


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by template and file, with the checksum of the source they were compiled from
    (Jinja compiles a template again when it changed: a theme override the trainer edited) and the environment's
    extensions (which change what a template compiles to)."""

    def __init__(self) -> None:
        self._code: dict[tuple[str, tuple[str, ...]], tuple[str, CodeType]] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with self._lock:
            kept = self._code.get(_key(bucket))
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            with self._lock:
                self._code[_key(bucket)] = (bucket.checksum, bucket.code)


def _key(bucket: jinja2.bccache.Bucket) -> tuple[str, tuple[str, ...]]:
    return bucket.key, tuple(sorted(bucket.environment.extensions))


_compiled = CompiledTemplates()


def on_env(env: jinja2.Environment) -> jinja2.Environment:
    """MkDocs' ``on_env`` event (from the workspace's hooks): the process's compiled templates for ``env``."""
    env.bytecode_cache = _compiled
    return env


REMEMBERED = 200_000
"""Sentences whose words :class:`_RememberedWords` keeps (a few times a large course's)."""


class _RememberedWords:
    """jieba, as Material's search plugin calls it, remembering the words of each sentence it cut (up to
    :data:`REMEMBERED` sentences, then from scratch: an afternoon's edits never grow it without end)."""

    def __init__(self, jieba: Any) -> None:
        self.jieba = jieba
        self.words: dict[bytes, list[str]] = {}

    def cut(self, sentence: bytes) -> list[str]:
        words = self.words.get(sentence)
        if words is None:
            if len(self.words) >= REMEMBERED:
                self.words.clear()
            words = self.words[sentence] = list(self.jieba.cut(sentence))
        return words

    def set_dictionary(self, path: str) -> None:
        """The search settings' own dictionary (set again at every rebuild): the words cut with another are forgotten."""
        self.words.clear()
        self.jieba.set_dictionary(path)

    def load_userdict(self, path: str) -> None:
        self.words.clear()
        self.jieba.load_userdict(path)


def rebuild(config: MkDocsConfig, *, serve_url: str | None = None, dirty: bool = False) -> None:
    """One build of the preview :func:`serve_with_mkdocs` serves, in place of MkDocs' own (``dirty`` is what ``mkdocs
    serve`` asks for: not used). Every page when :meth:`_Serving.next_build_is_whole` says so, else MkDocs' dirty build,
    which renders only the pages whose Markdown the workspace sync rewrote (newer than their HTML) and copies only the
    files it rewrote; Material's search then adds their sections to the last index (:func:`before_search_index`).

    The last index is kept here, not in Material's plugin, which MkDocs keeps for the whole process: a ``coursegen
    build`` later in it (the studio's) must not merge an old preview's index into its own."""
    from mkdocs.commands.build import build

    serving = _serving
    assert serving is not None, "only the preview serve_with_mkdocs serves is rebuilt here"
    whole = serving.next_build_is_whole()
    _listing_kept(config, (tuple(config.theme.dirs), tuple(config.theme.static_templates), repr(serving.theme)))
    search = _material_search(config)
    if search is not None:
        search.search_index_prev = None if whole else serving.search_index
    try:
        build(config, serve_url=serve_url, dirty=not whole)
    except BaseException:
        with serving.lock:
            serving.whole = serving.whole or whole  # the pages it did not write are still to be rebuilt
        raise
    finally:
        if search is not None:
            search.search_index_prev = None
    serving.search_index = None if search is None else search.search_index


THEME_FILES = "Files.add_files_from_theme.<locals>.filter"
"""The filter MkDocs lists the theme's static files with (``mkdocs.structure.files``), the one listing kept."""
_listings: dict[tuple[object, ...], list[str]] = {}
"""The theme's static files by theme folders, static templates and the workspace theme folder's snapshot."""


def _listing_kept(config: MkDocsConfig, key: tuple[object, ...]) -> None:
    """The theme's list of static files, which MkDocs makes anew at every build by walking Material's ten thousand
    icons (two fifths of a one-page rebuild of a 200-lecture course), made once per ``key``: the same folders, static
    templates and workspace theme folder list the same files."""
    theme = config.theme
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        listed = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or getattr(filter_func, "__qualname__", "") != THEME_FILES:
                return listed(extensions, filter_func)  # another caller's list, made as MkDocs makes it
            if key not in _listings:
                _listings.clear()  # a changed theme folder: the last listing is no use any more
                _listings[key] = listed(extensions, filter_func)
            return list(_listings[key])

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def before_search_index(config: MkDocsConfig) -> None:
    """MkDocs' ``on_post_build`` event (from the workspace's hooks), before Material's search writes its index: after a
    dirty build, the last index loses the entries of every page rebuilt now (Material itself drops those of the first
    page only, so a second one, the handbook, would be listed twice)."""
    search = _material_search(config)
    previous = None if search is None else search.search_index_prev
    if search is None or previous is None:
        return
    rebuilt = {_page_of(entry["location"]) for entry in search.search_index.entries}
    previous.entries = [entry for entry in previous.entries if _page_of(entry["location"]) not in rebuilt]


def _page_of(location: str) -> str:
    return location.partition("#")[0]


def _material_search(config: MkDocsConfig) -> Any:
    """Material's search plugin in ``config``, if the site has it."""
    from material.plugins.search.plugin import SearchPlugin

    return next((p for p in config.plugins.values() if isinstance(p, SearchPlugin)), None)


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns at every dirty build that menus may be stale: here the build is dirty only when the menu is not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def serve_with_mkdocs(config: Path, dev_addr: str, *, ready: Callable[[str], None]) -> None:
    """MkDocs' live preview of the workspace whose settings are ``config``, until Ctrl-C; ``ready`` gets its address.

    Each rebuild is :func:`rebuild`: the pages a save changed, or every page when it changed the menu."""
    from material.plugins.search import plugin as material_search  # imports jieba (when installed), which turns its logger up
    from mkdocs.commands import serve as mkdocs_serve

    global _serving
    logging.getLogger("jieba").setLevel(logging.WARNING)
    _serving = _Serving(config)
    server_log = logging.getLogger("mkdocs.livereload")
    build_log = logging.getLogger("mkdocs.commands.build")
    announcer = _Announcer(ready)
    quiet = _NoDirtyWarning()
    level = server_log.level
    server_log.setLevel(logging.INFO)
    server_log.addHandler(announcer)
    build_log.addFilter(quiet)
    jieba = material_search.jieba
    if jieba is not None:
        material_search.jieba = _RememberedWords(jieba)
    mkdocs_build = mkdocs_serve.build
    mkdocs_serve.build = rebuild  # serve's builder calls the build function it imported: the one place to decide
    try:
        mkdocs_serve.serve(str(config), livereload=True, dev_addr=dev_addr)
    finally:
        mkdocs_serve.build = mkdocs_build
        material_search.jieba = jieba
        _serving = None
        build_log.removeFilter(quiet)
        server_log.removeHandler(announcer)
        server_log.setLevel(level)
