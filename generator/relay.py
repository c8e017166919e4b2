"""``coursegen lrs relay``: the organisation's relay between a course site and its LRS (``auth: relay``).

A course site is public: a key written into its pages is a key handed to every trainee, who could then rewrite
anyone's records. So the site posts its statements, with no credentials, to this relay on the intranet, and the relay
adds the LRS account's ``Authorization`` (read from a file on the relay's own machine) and forwards them. Its rules:

- it listens on 127.0.0.1 unless told otherwise (``--host`` for the intranet address);
- only ``POST /statements`` is forwarded (and its CORS preflight answered): nothing can be read back through it,
  so a trainee cannot see anyone's records, nor delete or void any;
- the request must come from a page of the course site (its ``Origin`` one of ``--origin``), which also stops other
  web sites from writing through a trainee's browser; a request without an ``Origin`` (not a browser's) is refused;
- the body is JSON of at most :data:`MAX_BODY` bytes: a statement or a list of statements;
- the LRS's answer goes back as it is (200, 409, 400 …), so the site's sender knows what was stored; an LRS out of
  reach is a 502, which the sender retries.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from .errors import UserError
from .messages import say

MAX_BODY = 1024 * 1024
"""The largest batch accepted, in bytes: a hand-in carries its whole submission, a few tens of kilobytes at most."""
VERSION_HEADER = "X-Experience-API-Version"
TIMEOUT = 30.0
"""Seconds to wait for the LRS: the site's sender gives up at 30 s too, and retries."""


def read_credentials(path: Path) -> str:
    """The ``Authorization`` value for the LRS account in ``path``: one line ``key:secret`` (the Basic credentials an
    LRS issues), or a whole header value (``Basic …``, ``Bearer …``)."""
    try:
        line = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise UserError(say("xapi.relay.no_credentials", path=path, reason=exc.strerror or exc)) from exc
    if " " in line and line.split(" ", 1)[0] in ("Basic", "Bearer"):
        return line
    if ":" in line and "\n" not in line:
        return "Basic " + base64.b64encode(line.encode()).decode()
    raise UserError(say("xapi.relay.bad_credentials", path=path))


def relay_app(lrs: str, authorization: str, origins: Iterable[str], *, transport: httpx.AsyncBaseTransport | None = None) -> Starlette:
    """The relay as an ASGI application: statements posted by the course site at ``origins`` go to the LRS at ``lrs``
    (its xAPI endpoint) with ``authorization`` added. ``transport`` lets the tests stand in for the LRS."""
    allowed = frozenset(o.rstrip("/") for o in origins)
    target = lrs.rstrip("/") + "/statements"

    def cors(origin: str) -> dict[str, str]:
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}

    async def statements(request: Request) -> Response:
        origin = request.headers.get("origin", "")
        if origin not in allowed:
            return PlainTextResponse(say("xapi.relay.origin"), status_code=403)
        if request.method == "OPTIONS":
            return Response(status_code=204, headers={
                **cors(origin), "Access-Control-Allow-Methods": "POST",
                "Access-Control-Allow-Headers": f"Content-Type, {VERSION_HEADER}", "Access-Control-Max-Age": "600"})
        length = request.headers.get("content-length", "")
        if not length.isdigit() or int(length) > MAX_BODY:
            return PlainTextResponse(say("xapi.relay.too_large", limit=MAX_BODY // 1024), status_code=413, headers=cors(origin))
        body = await request.body()
        if len(body) > MAX_BODY or not _statements(body):
            return PlainTextResponse(say("xapi.relay.not_statements"), status_code=400, headers=cors(origin))
        headers = {"Authorization": authorization, "Content-Type": "application/json",
                   VERSION_HEADER: request.headers.get(VERSION_HEADER, "1.0.3")}
        try:
            async with httpx.AsyncClient(transport=transport, timeout=TIMEOUT) as client:
                answer = await client.post(target, content=body, headers=headers)
        except httpx.HTTPError:
            return PlainTextResponse(say("xapi.relay.unreachable"), status_code=502, headers=cors(origin))
        return Response(answer.content, status_code=answer.status_code, headers=cors(origin),
                        media_type=answer.headers.get("content-type"))

    return Starlette(routes=[Route("/statements", statements, methods=["POST", "OPTIONS"])])


def _statements(body: bytes) -> bool:
    """Whether ``body`` is a statement or a list of them, as far as a relay need tell: JSON objects."""
    try:
        data = json.loads(body)
    except ValueError:
        return False
    items = data if isinstance(data, list) else [data]
    return bool(items) and all(isinstance(item, dict) for item in items)
