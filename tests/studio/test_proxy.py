"""The preview's pages through the studio: an unchanged script is not fetched again at each live reload, and a changed
one never comes from the browser's cache (the engine's preview here is a plain HTTP server of a built folder); a
Zensical page is reloaded by the studio as soon as the engine serves it changed, and once only."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import uvicorn
from starlette.testclient import TestClient
from websockets.http11 import Request as WsRequest
from websockets.http11 import Response as WsResponse
from websockets.sync.client import ClientConnection, connect
from websockets.sync.server import ServerConnection, serve

from coursegen.studio.project import Project
from coursegen.studio.proxy import KEPT, Upstream
from coursegen.studio.run import listening
from coursegen.studio.server import Studio, application
from tests.studio.conftest import PORT, SECRET, STUDIO

PAGE = """<html><head><link rel="stylesheet" href="../../assets/coursegen/cg-core.css">
<link rel="stylesheet" href="../../assets/stylesheets/main.css"><link rel="canonical" href="http://127.0.0.1/lectures/a/">
</head><body><h1>A</h1><pre>url.hash = "";</pre><script src="../../assets/coursegen/cg-core.js"></script>
<script src="https://cdn.example/x.js"></script></body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[tuple[int, Path, Path]]:
    """An engine's preview serving ``site/`` (built from the workspace's ``docs/``, where coursegen's assets are)."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    for folder, text in ((site, "one"), (docs, "one")):
        (folder / "assets" / "coursegen").mkdir(parents=True)
        (folder / "assets" / "coursegen" / "cg-core.js").write_text(text, encoding="utf-8")
        (folder / "assets" / "coursegen" / "cg-core.css").write_text("h1 {}", encoding="utf-8")
    (site / "assets" / "stylesheets").mkdir()
    (site / "assets" / "stylesheets" / "main.css").write_text("theme", encoding="utf-8")  # the theme's: not in docs
    (site / "lectures" / "a").mkdir(parents=True)
    (site / "lectures" / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1], site, docs
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def studio(project: Project, engine: tuple[int, Path, Path]) -> Iterator[TestClient]:
    port, _site, docs = engine
    app = application(Studio(project, lambda: None, "zh"), Upstream(port, docs=docs), port=PORT, secret=SECRET)
    with TestClient(app, base_url=STUDIO) as client:
        client.get(f"/_studio/?secret={SECRET}", follow_redirects=False)
        yield client


def _script(page: str) -> str:
    found = re.search(r'<script src="(\.\./\.\./assets/coursegen/cg-core\.js[^"]*)"', page)
    assert found, page
    return found[1]


def test_a_script_of_the_workspace_is_kept_by_the_browser_until_it_changes(studio: TestClient, engine: tuple[int, Path, Path]) -> None:
    _port, site, docs = engine
    page = studio.get("/lectures/a/").text
    assert '<script src="/_studio/ui/page.js" defer></script></body>' in page
    script = _script(page)
    assert "?cg-v=" in script and 'cg-core.css?cg-v=' in page
    assert 'href="../../assets/stylesheets/main.css"' in page, "a file the workspace does not hold got an address of its own"
    assert 'href="http://127.0.0.1/lectures/a/"' in page and 'src="https://cdn.example/x.js"' in page
    assert '<pre>url.hash = "";</pre>' in page, "a page's own text was taken for Zensical's reload script"
    kept = studio.get("/lectures/a/" + script)
    assert kept.text == "one" and kept.headers["cache-control"] == KEPT
    assert "cache-control" not in studio.get("/assets/stylesheets/main.css").headers

    for folder in (site, docs):  # a save: the workspace and then the engine's site hold a new script
        (folder / "assets" / "coursegen" / "cg-core.js").write_text("two", encoding="utf-8")
    changed = _script(studio.get("/lectures/a/").text)
    assert changed != script, "the reloaded page names the script the browser kept"
    assert studio.get("/lectures/a/" + changed).text == "two"


def test_an_asset_asked_for_by_an_old_name_is_never_kept_under_it(studio: TestClient, engine: tuple[int, Path, Path]) -> None:
    """The workspace is ahead of the engine (a rebuild under way) or behind it: what is kept is what the name says."""
    _port, site, docs = engine
    (docs / "assets" / "coursegen" / "cg-core.js").write_text("two", encoding="utf-8")
    script = _script(studio.get("/lectures/a/").text)
    served = studio.get("/lectures/a/" + script)
    assert served.text == "one" and served.headers["cache-control"] == "no-store"
    (site / "assets" / "coursegen" / "cg-core.js").write_text("two", encoding="utf-8")
    assert studio.get("/lectures/a/" + script).headers["cache-control"] == KEPT


ZENSICAL_PAGE = """<html><body><h1>{title}</h1></body></html><script type="module">const path = "/lectures/a/";
(() => {{ function connect() {{ const url = new URL(window.location.href); url.hash = ""; }} }})()</script>"""
"""A page as Zensical's preview serves it, with (the start of) its live-reload script."""


class _Zensical:
    """Zensical's preview as the studio sees it: pages and the live-reload WebSocket on one port; the test says what
    the page is and sends the socket's messages."""

    def __init__(self) -> None:
        self.title = "A"
        self.sockets: list[ServerConnection] = []
        self.connected = threading.Event()
        self.server = serve(self._socket, "127.0.0.1", 0, process_request=self._page)
        self.port = self.server.socket.getsockname()[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _page(self, connection: ServerConnection, request: WsRequest) -> WsResponse | None:
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return None
        answer = connection.respond(HTTPStatus.OK, ZENSICAL_PAGE.format(title=self.title))
        del answer.headers["Content-Type"]
        answer.headers["Content-Type"] = "text/html; charset=utf-8"
        return answer

    def _socket(self, connection: ServerConnection) -> None:
        self.sockets.append(connection)
        self.connected.set()
        for _ in connection:
            pass


@pytest.fixture
def zensical(project: Project, tmp_path: Path) -> Iterator[tuple[_Zensical, Upstream, str]]:
    """The real studio server (uvicorn, as ``coursegen studio`` runs it) in front of :class:`_Zensical`; its address."""
    engine = _Zensical()
    upstream = Upstream(engine.port, docs=tmp_path / "docs")
    sock = listening(0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(application(Studio(project, lambda: None, "zh"), upstream, port=port, secret=SECRET),
                                           log_level="warning", ws="websockets-sansio"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            thread.join(0.01)
        yield engine, upstream, f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        engine.server.shutdown()


def _opened(zensical: tuple[_Zensical, Upstream, str]) -> ClientConnection:
    """The page's live-reload socket as the browser opens it: with what the page's script says it shows."""
    engine, _upstream, address = zensical
    port = address.rsplit(":", 1)[1]
    cookie = f"coursegen-studio-{port}={SECRET}"
    page = httpx.get(f"http://{address}/lectures/a/", headers={"cookie": cookie}).text
    shown = re.search(r'url\.searchParams\.set\("cg-shown", "(\w+)"\);', page)
    assert shown, page
    engine.connected.clear()
    socket = connect(f"ws://{address}/lectures/a/?cg-shown={shown[1]}", additional_headers={"cookie": cookie, "origin": f"http://{address}"})
    assert engine.connected.wait(10)
    return socket


def test_the_studio_reloads_a_zensical_page_once_the_engine_serves_it_changed(zensical: tuple[_Zensical, Upstream, str]) -> None:
    engine, upstream, _address = zensical
    with _opened(zensical) as socket:
        upstream.changed()  # a regeneration that did not change the page: no reload
        engine.title = "B"
        upstream.changed()
        assert socket.recv(timeout=10) == "/lectures/a/"
        engine.sockets[-1].send("/lectures/a/")  # Zensical's own reload, later: the page is reloading already
        engine.sockets[-1].send("assets/coursegen/cg-core.js")
        assert socket.recv(timeout=10) == "assets/coursegen/cg-core.js"


def test_zensicals_reload_reaches_a_page_only_when_it_is_behind(zensical: tuple[_Zensical, Upstream, str]) -> None:
    engine, _upstream, _address = zensical
    with _opened(zensical) as socket:  # loaded after the engine's change: Zensical's late reload would load it twice
        engine.sockets[-1].send("/lectures/a/")
        engine.sockets[-1].send("assets/coursegen/cg-core.js")
        assert socket.recv(timeout=10) == "assets/coursegen/cg-core.js"
        engine.title = "B"
        engine.sockets[-1].send("/lectures/a/")
        assert socket.recv(timeout=10) == "/lectures/a/"


def test_a_zensical_restart_reloads_the_page_as_soon_as_the_engine_serves_it_changed(zensical: tuple[_Zensical, Upstream, str]) -> None:
    """New settings (a title in the menu) restart Zensical's server, which closes the socket; its script would reload
    a second after reconnecting."""
    engine, _upstream, _address = zensical
    with _opened(zensical) as socket:
        engine.title = "B"
        engine.sockets[-1].close()
        assert socket.recv(timeout=10) == "/lectures/a/"


def test_a_page_that_does_not_say_what_it_shows_gets_zensicals_reload(zensical: tuple[_Zensical, Upstream, str]) -> None:
    engine, _upstream, address = zensical
    port = address.rsplit(":", 1)[1]
    engine.connected.clear()
    with connect(f"ws://{address}/lectures/a/", additional_headers={"cookie": f"coursegen-studio-{port}={SECRET}",
                                                                     "origin": f"http://{address}"}) as socket:
        assert engine.connected.wait(10)
        engine.sockets[-1].send("/lectures/a/")
        assert socket.recv(timeout=10) == "/lectures/a/"
