"""The preview's pages, passed through the studio's own origin.

The engine serves its live preview on a port of its own, which the browser never sees: the studio forwards every
request that is not its own (HTTP, and WebSocket for Zensical's live reload; MkDocs reloads by long polling, plain
HTTP) and adds its script to every page, which puts **编辑本页** on it. One origin for the pages and the editing
endpoints is what lets the studio refuse every other origin without refusing its own preview.
"""

from __future__ import annotations

import asyncio
import contextlib

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


class Upstream:
    """The engine's preview at ``127.0.0.1:port``, as one HTTP client kept for the studio's life."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.client = httpx.AsyncClient(base_url=self.base, timeout=httpx.Timeout(10.0, read=None))

    async def http(self, request: Request) -> Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        headers["accept-encoding"] = "identity"  # pages are rewritten below
        url = httpx.URL(path=request.url.path, query=request.url.query.encode("latin-1"))
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
            body = with_page_script(await answer.aread())
            await answer.aclose()
            return Response(body, status_code=answer.status_code, headers=kept)
        return StreamingResponse(answer.aiter_raw(), status_code=answer.status_code, headers=kept, background=BackgroundTask(answer.aclose))

    async def websocket(self, browser: WebSocket) -> None:
        """Relay a WebSocket (Zensical's live reload) both ways until either side closes."""
        await browser.accept()
        target = "ws" + self.base.removeprefix("http") + browser.url.path
        try:
            async with websockets.connect(target, open_timeout=10) as engine:
                async def down() -> None:
                    async for message in engine:
                        await (browser.send_text(message) if isinstance(message, str) else browser.send_bytes(message))

                async def up() -> None:
                    while True:
                        message = await browser.receive()
                        if message["type"] == "websocket.disconnect":
                            return
                        await engine.send(message.get("text") or message.get("bytes") or "")

                tasks = [asyncio.ensure_future(down()), asyncio.ensure_future(up())]
                await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                for task in tasks:
                    task.cancel()
                # Collected, so that the side that ended by the other's leaving (a send to a closed socket) is not
                # reported as an error: a page that reloads or is left is how every such connection ends.
                await asyncio.gather(*tasks, return_exceptions=True)
        except (OSError, websockets.WebSocketException, WebSocketDisconnect):
            pass
        with contextlib.suppress(RuntimeError):
            await browser.close()

    async def close(self) -> None:
        await self.client.aclose()


def with_page_script(page: bytes) -> bytes:
    """``page`` with the studio's page script before ``</body>`` (at the end when there is none)."""
    at = page.rfind(b"</body>")
    return page + PAGE_SCRIPT if at < 0 else page[:at] + PAGE_SCRIPT + page[at:]
