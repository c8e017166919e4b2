"""The preview's pages, passed through the studio's own origin.

The engine serves its live preview on a port of its own, which the browser never sees: the studio forwards every
request that is not its own (HTTP, and WebSocket for Zensical's live reload; MkDocs reloads by long polling, plain
HTTP) and adds its script to every page, which puts **编辑本页** on it. One origin for the pages and the editing
endpoints is what lets the studio refuse every other origin without refusing its own preview.

A page's scripts and stylesheets would be fetched again at every live reload (neither engine's preview says they may be
kept), thirty requests through the studio on a course page, most of the time from a save to the page shown. Each one
that names a file of the workspace's docs folder (every coursegen asset) gets the content's digest in its address
(:class:`Versions`), and is answered as one the browser may keep for good when what the engine served has that digest:
an unchanged asset is then not asked for again, and a changed one has a new address. The digest comes from the folder
the engine builds from, and the answer is checked against it, so the browser never keeps a file under another's
address (a broken save's overlay script included), whichever of the folder, the engine and the page is ahead.

Zensical tells a page to reload about half a second after it already serves the new page: by its path on the
live-reload WebSocket, or, when new settings restart its server (a title changed in the menu), by closing the socket,
whose script reconnects a second later and reloads then. The studio relays that WebSocket, so it reloads the page
itself: each page's socket is opened with the digest of the page as the studio served it (:data:`SHOWN`, put into
Zensical's script), and after each regeneration (:meth:`Upstream.changed`) or the engine's closing, the studio asks
the engine for that page until it has another digest, then sends the reload (the page's path). Zensical's own reload
of a page is passed on unless the engine's page is the one the browser shows (the page the studio reloaded, which
would otherwise load twice).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import posixpath
import re
import stat
from pathlib import Path
from urllib.parse import unquote, urljoin

import httpx
import websockets
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.websockets import WebSocket, WebSocketDisconnect

RETRIES = 100
RETRY_SECONDS = 0.1
"""How long a request waits for an engine that is not accepting connections (10 s): Zensical's preview restarts when
its settings change (a new lecture is a new menu entry), and the page or asset asked for meanwhile would fail."""
PAGE_SCRIPT = b'<script src="/_studio/ui/page.js" defer></script>'
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "content-length", "content-encoding", "host",
               "origin", "cookie", "referer"}
"""Headers that belong to one connection, or that would tell the engine about the studio's own origin and secret."""
VERSION = "cg-v"
"""The query parameter that carries an asset's digest (:class:`Versions`); the engine never sees it."""
KEPT = "max-age=31536000, immutable"
"""An asset whose content has the digest its address names: the browser keeps it and never asks again."""
_ASSET = re.compile(rb'(<(?:script|link)\b[^>]*?\s(?:src|href)=")([^"?#:]+)(")')
"""A script's or stylesheet's local address without a query (``../../assets/coursegen/cg-core.js``), in a page."""
SHOWN = "cg-shown"
"""The query parameter of a page's live-reload WebSocket that carries the digest of the page (the engine never sees it)."""
_RELOAD_SCRIPT = b'<script type="module">const path = '
_SOCKET_ADDRESS = b'url.hash = "";'
"""Zensical's live-reload script, added at the end of each page, and in it where the WebSocket's address is made from
the page's: :data:`SHOWN` is added after it. A Zensical whose script differs gets nothing added, and reloads its pages
itself as before."""
WATCH_SECONDS = 3.0
RESTART_SECONDS = 10.0
WATCH_EVERY = 0.25
"""How long, and how often, the studio asks the engine for a page after a regeneration, and after the engine closed
its socket to restart: Zensical serves the new page well within it; a page that did not change is left to the
engine's own reload. Asked every 50 ms, Zensical served the new page later (1.3 to 2 times the seconds, measured with
``bench/studio_bench.py``): a quarter second costs at most that much after the page is served."""


class Upstream:
    """The engine's preview at ``127.0.0.1:port``, as one HTTP client kept for the studio's life."""

    def __init__(self, port: int, *, docs: Path) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.client = httpx.AsyncClient(base_url=self.base, timeout=httpx.Timeout(10.0, read=None))
        self.versions = Versions(docs)
        self._relays: set[_Relay] = set()
        self._loop: asyncio.AbstractEventLoop | None = None

    async def http(self, request: Request) -> Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        headers["accept-encoding"] = "identity"  # pages are rewritten below
        digest = request.query_params.get(VERSION) if len(request.query_params) == 1 else None
        query = b"" if digest else request.url.query.encode("latin-1")
        url = httpx.URL(path=request.url.path, query=query)
        sent = self.client.build_request(request.method, url, headers=headers, content=await request.body())
        for _ in range(RETRIES):
            try:
                answer = await self.client.send(sent, stream=True)
                break
            except httpx.TransportError as error:
                # The engine's server restarts with new settings (Zensical): a page or asset is asked for again once
                # it is back. Anything else (a refused request, a POST) fails as it came.
                if request.method not in ("GET", "HEAD") and not isinstance(error, httpx.ConnectError):
                    return Response(status_code=502)
                await asyncio.sleep(RETRY_SECONDS)
        else:
            return Response(status_code=502)
        kept = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP}
        if answer.headers.get("content-type", "").startswith("text/html"):
            page = await answer.aread()
            body = with_shown(self.versions.named(with_page_script(page), request.url.path), _digest(page))
            await answer.aclose()
            return Response(body, status_code=answer.status_code, headers=kept)
        if digest:
            body = await answer.aread()
            await answer.aclose()
            same = answer.status_code == 200 and _digest(body) == digest
            return Response(body, status_code=answer.status_code, headers=kept | {"cache-control": KEPT if same else "no-store"})
        return StreamingResponse(answer.aiter_raw(), status_code=answer.status_code, headers=kept, background=BackgroundTask(answer.aclose))

    async def websocket(self, browser: WebSocket) -> None:
        """Relay a WebSocket (Zensical's live reload) both ways until either side closes.

        When the engine's side closes and the page stays, Zensical is restarting with new settings (a title changed in
        the menu): its script would reconnect a second later and reload then; the page is reloaded as soon as the
        engine serves it changed instead (within :data:`RESTART_SECONDS`, else as before)."""
        await browser.accept()
        self._loop = asyncio.get_running_loop()
        relay = _Relay(browser, browser.url.path, browser.query_params.get(SHOWN))
        self._relays.add(relay)
        try:
            if await self._relayed(relay):
                relay.stop_watching()
                await self._watch(relay, RESTART_SECONDS)
        finally:
            self._relays.discard(relay)
            relay.stop_watching()
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):  # the page went first: nothing to close
            await browser.close()

    async def _relayed(self, relay: _Relay) -> bool:
        """Relay ``relay``'s socket until either side closes; whether the engine's side closed while the page stayed."""
        browser = relay.browser
        try:
            async with websockets.connect("ws" + self.base.removeprefix("http") + relay.path, open_timeout=10) as engine:
                async def down() -> None:
                    async for message in engine:
                        if message == relay.path:
                            if relay.reloaded or (relay.shown is not None and await self._engine_page(relay.path) == relay.shown):
                                continue  # the browser shows the engine's page already, or is reloading
                            relay.reloaded = True
                        await (browser.send_text(message) if isinstance(message, str) else browser.send_bytes(message))

                async def up() -> None:
                    while True:
                        message = await browser.receive()
                        if message["type"] == "websocket.disconnect":
                            return
                        await engine.send(message.get("text") or message.get("bytes") or "")

                downward, upward = asyncio.ensure_future(down()), asyncio.ensure_future(up())
                await asyncio.wait([downward, upward], return_when=asyncio.FIRST_COMPLETED)
                engine_left = downward.done() and not upward.done()
                for task in (downward, upward):
                    task.cancel()
                # Collected, so that the side that ended by the other's leaving (a send to a closed socket) is not
                # reported as an error: a page that reloads or is left is how every such connection ends.
                await asyncio.gather(downward, upward, return_exceptions=True)
                return engine_left
        except (OSError, websockets.WebSocketException, WebSocketDisconnect):
            return False

    def changed(self) -> None:
        """The workspace was regenerated (from any thread): each page whose live-reload socket the studio relays is
        reloaded as soon as the engine serves it changed."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._watch_all)

    def _watch_all(self) -> None:
        for relay in self._relays:
            if relay.shown is not None and not relay.reloaded:
                relay.stop_watching()
                relay.watching = asyncio.ensure_future(self._watch(relay, WATCH_SECONDS))

    async def _watch(self, relay: _Relay, seconds: float) -> None:
        """Reload ``relay``'s page once the engine serves another than the browser shows, within ``seconds``."""
        for _ in range(round(seconds / WATCH_EVERY)):
            page = await self._engine_page(relay.path)
            if relay.reloaded or relay.shown is None:
                return
            if page is not None and page != relay.shown:
                relay.reloaded = True
                with contextlib.suppress(RuntimeError, WebSocketDisconnect):  # the page was left meanwhile
                    await relay.browser.send_text(relay.path)  # what Zensical sends: the page reloads
                return
            await asyncio.sleep(WATCH_EVERY)

    async def _engine_page(self, path: str) -> str | None:
        """The digest of the page the engine serves at ``path`` now; None when it serves none (restarting, missing).
        The engine's page as it is, not with the digests of its scripts: the workspace is written before the engine
        rebuilds, and a page told it changed by a script's digest reloaded into the engine's old page."""
        try:
            answer = await self.client.get(httpx.URL(path=path), headers={"accept-encoding": "identity"})
        except httpx.TransportError:
            return None
        return _digest(answer.content) if answer.status_code == 200 else None

    async def close(self) -> None:
        await self.client.aclose()


class _Relay:
    """One page's live-reload socket: the browser's end, the page's path, the digest of the page it shows (None when
    the engine's script did not say), the studio's wait for a new page, whether the studio reloaded it."""

    def __init__(self, browser: WebSocket, path: str, shown: str | None) -> None:
        self.browser = browser
        self.path = path
        self.shown = shown
        self.watching: asyncio.Future[None] | None = None
        self.reloaded = False

    def stop_watching(self) -> None:
        if self.watching is not None:
            self.watching.cancel()


class Versions:
    """The digests of the files in the workspace's docs folder (``docs``), which the engine serves the site's assets
    from, each read again only when the file changed (its size, modification time or inode: the generator replaces
    a file by renaming a new one over it)."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs.resolve()
        self._known: dict[str, tuple[tuple[int, int, int], str]] = {}

    def named(self, page: bytes, path: str) -> bytes:
        """``page`` (served at ``path``) with the digest added to the address of each script and stylesheet it loads
        from the docs folder."""
        def versioned(found: re.Match[bytes]) -> bytes:
            digest = self.digest(urljoin(path, unquote(found[2].decode("utf-8", errors="replace"))))
            return found[0] if digest is None else found[1] + found[2] + f"?{VERSION}={digest}".encode() + found[3]

        return _ASSET.sub(versioned, page)

    def digest(self, address: str) -> str | None:
        """The digest of the docs folder's file at the site's ``address`` (``/assets/coursegen/cg-core.js``) as it is now;
        None for an address that is no file of the folder (another server's: ``//host/…``)."""
        if address.startswith("//"):
            return None
        relative = posixpath.normpath(address).lstrip("/")
        file = os.path.join(self.docs, relative)
        try:
            info = os.stat(file)
            if not stat.S_ISREG(info.st_mode):
                return None
            stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
            known = self._known.get(relative)
            if known is None or known[0] != stamp:
                with open(file, "rb") as content:
                    known = self._known[relative] = (stamp, _digest(content.read()))
        except OSError:
            return None
        return known[1]


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:20]


def with_shown(page: bytes, digest: str) -> bytes:
    """``page`` whose live-reload socket (Zensical's, in the last script) says it shows the page of ``digest``; a
    page's own text is left alone, whatever code it quotes."""
    at = page.rfind(_RELOAD_SCRIPT)
    if at < 0:
        return page
    script = page[at:].replace(_SOCKET_ADDRESS, _SOCKET_ADDRESS + f' url.searchParams.set("{SHOWN}", "{digest}");'.encode(), 1)
    return page[:at] + script


def with_page_script(page: bytes) -> bytes:
    """``page`` with the studio's page script before ``</body>`` (at the end when there is none)."""
    at = page.rfind(b"</body>")
    return page + PAGE_SCRIPT if at < 0 else page[:at] + PAGE_SCRIPT + page[at:]
