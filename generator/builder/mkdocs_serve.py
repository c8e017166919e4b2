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
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    and the workspace as MkDocs last built it."""

    def __init__(self, config: Path) -> None:
        self.config = os.path.abspath(config)
        self.server: Any = None
        self.seen: Snapshot = {}
        self.lock = threading.Lock()


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


def written(config: Path) -> None:
    """The live preview has written the workspace of ``config``: rebuild now if anything in it changed (a no-op while
    MkDocs polls the workspace itself)."""
    serving = _serving
    if serving is None or serving.server is None or os.path.abspath(config) != serving.config:
        return
    with serving.lock:
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


def serve_with_mkdocs(config: Path, dev_addr: str, *, dirty: bool, ready: Callable[[str], None]) -> None:
    """MkDocs' live preview of the workspace whose settings are ``config``, until Ctrl-C; ``ready`` gets its address."""
    from material.plugins.search import plugin  # noqa: F401 - imports jieba (when installed), which turns its logger up
    from mkdocs.commands.serve import serve

    global _serving
    logging.getLogger("jieba").setLevel(logging.WARNING)
    _serving = _Serving(config)
    server_log = logging.getLogger("mkdocs.livereload")
    announcer = _Announcer(ready)
    level = server_log.level
    server_log.setLevel(logging.INFO)
    server_log.addHandler(announcer)
    try:
        serve(str(config), livereload=True, build_type="dirty" if dirty else None, dev_addr=dev_addr)
    finally:
        _serving = None
        server_log.removeHandler(announcer)
        server_log.setLevel(level)
