"""``coursegen studio``: the live preview with editing on.

Three parts run together: the live preview of ``coursegen serve`` (regenerating on every save, the engine serving on
a port of its own at 127.0.0.1), the studio's web application in front of it (uvicorn, on the trainer's port, on a
thread), and the watcher. The address is printed, and the browser opened, once the engine answers, so the first page
the trainer sees is the course and not a connection error.

A save made in the studio regenerates at once (:func:`regenerating_after_saves`): the file is complete when the save
answers, so the watcher's wait for the end of an editor's burst of writes (:data:`~coursegen.builder.watch.DEBOUNCE_SECONDS`)
is time the trainer would wait for nothing. Saves from an editor outside the studio go through the watcher as in
``coursegen serve``.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..builder import Paths
from ..builder.engines import Engine
from ..builder.preview import LivePreview
from ..builder.watch import Watcher, watch
from ..messages import say
from ..render.site import Edition
from .project import Project
from .proxy import Upstream
from .safety import new_secret
from .server import Studio, application

HOST = "127.0.0.1"
"""The only address the studio listens on: it writes files, so no other computer may reach it."""
WRITES = frozenset({"/_studio/api/save", "/_studio/api/undo", "/_studio/api/new"})
"""The studio's endpoints that write course files, each complete when it answers."""


def listening(port: int) -> socket.socket:
    """A socket bound to ``port`` on :data:`HOST` (0: any free port), before anything is served on it."""
    # IPPROTO_TCP named, so that asyncio sets TCP_NODELAY on every connection: with the protocol left 0 it does not,
    # and each answer after the first on a kept-alive connection waited 40 ms for the browser's delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, port))
    return sock


def run(paths: Paths, edition: Edition, engine: Engine, port: int, *, open_browser: bool, echo: Callable[[str], None],
        progress: Callable[[str], None]) -> None:
    """Serve the studio until Ctrl-C."""
    preview = LivePreview(paths, edition, echo=echo, engine=engine)
    preview.start(progress=progress)
    studio_socket = listening(port)
    port = studio_socket.getsockname()[1]
    with listening(0) as free:
        engine_port = free.getsockname()[1]  # the engine binds it itself, a moment later
    secret = new_secret()
    project = Project(Path.cwd(), paths)
    studio = Studio(project, lambda: preview.site, preview.language)
    upstream = Upstream(engine_port, docs=preview.config.parent / "docs")

    def regenerate() -> None:
        if preview.regenerate():
            progress(say("build.progress.regenerated"))
        upstream.changed()

    docs = paths.config.parent / "docs"
    watcher = watch([paths.course, paths.quizzes, docs], regenerate, ignore=paths.work, report=echo)
    app = regenerating_after_saves(application(studio, upstream, port=port, secret=secret), watcher)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", ws="websockets-sansio"))
    threading.Thread(target=server.run, kwargs={"sockets": [studio_socket]}, daemon=True).start()
    address = f"http://{HOST}:{port}/_studio/?secret={secret}"
    threading.Thread(target=_announce, args=(engine_port, address, open_browser, echo), daemon=True).start()
    try:
        engine.serve(preview.config, f"{HOST}:{engine_port}")
    finally:
        watcher.stop()
        server.should_exit = True


def regenerating_after_saves(app: ASGIApp, watcher: Watcher) -> ASGIApp:
    """``app``, regenerating the preview as soon as one of its :data:`WRITES` answers 200 (its files are written by then),
    rather than once the watcher's wait for the end of the burst is over. A refused save (403, 409, 422) wrote nothing;
    a save that changed nothing regenerates to the same workspace, which the engine does not notice."""
    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in WRITES:
            await app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                watcher.now()
            await send(message)

        await app(scope, receive, sending)

    return wrapped


def _announce(engine_port: int, address: str, open_browser: bool, echo: Callable[[str], None]) -> None:
    """Print the address (and open it) as soon as the engine's preview accepts a connection."""
    while True:
        try:
            socket.create_connection((HOST, engine_port), timeout=1).close()
            break
        except OSError:
            threading.Event().wait(0.1)
    echo(say("studio.ready", url=address))
    if open_browser and _has_desktop() and webbrowser.open(address):
        echo(say("studio.opened"))


def _has_desktop() -> bool:
    """Whether a browser window can open here: always on Windows and macOS, with a display on Linux (on a server,
    ``webbrowser`` would start a text browser in the terminal)."""
    return sys.platform in ("win32", "darwin") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
