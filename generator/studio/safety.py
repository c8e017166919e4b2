"""What keeps the studio from becoming a door into the trainer's computer.

The studio writes files, so every request must come from the trainer's own browser tab, opened from the address
``coursegen studio`` printed:

- it listens on 127.0.0.1 only (the CLI never offers another address);
- the ``Host`` header must name that address: a page of another site that rebinds its DNS name to 127.0.0.1
  (DNS rebinding) sends its own name, and is refused;
- a request that carries an ``Origin`` (every ``fetch`` POST and every WebSocket does) must come from the
  studio's own origin, and a POST must carry the ``X-Coursegen-Studio`` header, which a plain HTML form of
  another site cannot set;
- the secret in the printed address becomes a cookie of this port only (``HttpOnly``, ``SameSite=Strict``);
  without it nothing is served, not even the preview;
- request bodies are limited (:data:`MAX_BODY`), and every path a request names is confined (:func:`confine`).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from http.cookies import SimpleCookie
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, urlencode

from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..messages import say

MAX_BODY = 4 * 1024 * 1024
"""The largest request body accepted, in bytes: a pasted image (:data:`MAX_IMAGE`) with room to spare; a course file
a trainer writes is a few kilobytes."""
MAX_IMAGE = 2 * 1024 * 1024
"""The largest image a trainer may paste into a text, in bytes: a screenshot fits, a trainee's page stays light."""
HEADER = "x-coursegen-studio"
"""The header every POST of the studio's own pages carries."""


def new_secret() -> str:
    """The per-start secret of the studio's address."""
    return secrets.token_urlsafe(24)


class Refused(Exception):
    """A request the studio will not serve; ``status`` and a message in the course's language."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def confine(root: Path, name: str, allowed: Iterable[Path]) -> Path:
    """The file ``name`` (a path relative to the project folder ``root``, as the browser sends it) if it lies inside
    one of the ``allowed`` folders, symbolic links resolved; :class:`Refused` otherwise.

    Resolving first, then comparing, is what stops ``course/../../etc/passwd`` and a symbolic link inside
    ``course/`` that points elsewhere alike.
    """
    pure = PurePosixPath(name)
    if not name or "\\" in name or "\0" in name or pure.is_absolute() or ".." in pure.parts:
        raise Refused(403, say("studio.refused.path", file=name))
    target = (root / pure).resolve()
    if not any(target.is_relative_to(folder.resolve()) and target != folder.resolve() for folder in allowed):
        raise Refused(403, say("studio.refused.path", file=name))
    return target


class Guard:
    """ASGI middleware: the checks of this module's docstring, before any route sees a request."""

    def __init__(self, app: ASGIApp, *, port: int, secret: str, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}
        self.secret = secret
        self.cookie = f"coursegen-studio-{port}"
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal is not None:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await refusal(scope, receive, send)
            return
        if scope["type"] == "http" and (entry := self._entry(scope)) is not None:
            await entry(scope, receive, send)
            return
        await self.app(scope, _limited(receive, self.max_body), send)

    def refusal(self, scope: Scope) -> Response | None:
        """The response that refuses this request, or None when it may go on."""
        headers = _headers(scope)
        if headers.get("host") not in self.hosts:
            return PlainTextResponse(say("studio.refused.host"), status_code=403)
        origin = headers.get("origin")
        if origin is not None and origin not in self.origins:
            return PlainTextResponse(say("studio.refused.origin"), status_code=403)
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD") and HEADER not in headers:
            return JSONResponse({"message": say("studio.refused.origin")}, status_code=403)
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > self.max_body:
            return JSONResponse({"message": say("studio.refused.too_large", limit=_megabytes(self.max_body))}, status_code=413)
        if self._has_secret(scope, headers) or (scope["type"] == "http" and self._entry(scope) is not None):
            return None
        return PlainTextResponse(say("studio.refused.secret"), status_code=403)

    def _has_secret(self, scope: Scope, headers: dict[str, str]) -> bool:
        cookie = SimpleCookie(headers.get("cookie", ""))
        given = cookie[self.cookie].value if self.cookie in cookie else ""
        return hmac.compare_digest(given.encode(), self.secret.encode())

    def _entry(self, scope: Scope) -> Response | None:
        """The first visit, ``…?secret=…``: the secret becomes this port's cookie, and the address loses it (so it
        is not left in the browser's history or a screenshot)."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.pop("secret", [""])[0]
        if not given or not hmac.compare_digest(given.encode(), self.secret.encode()):
            return None
        rest = urlencode(query, doseq=True)
        response = RedirectResponse(scope["path"] + (f"?{rest}" if rest else ""), status_code=303)
        response.set_cookie(self.cookie, self.secret, httponly=True, samesite="strict", path="/")
        return response


def _headers(scope: Scope) -> dict[str, str]:
    return {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope.get("headers", [])}


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g}"


def _limited(receive: Receive, limit: int) -> Receive:
    """``receive``, stopping a body sent in chunks without a length once it passes ``limit`` bytes."""
    seen = 0

    async def guarded() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise Refused(413, say("studio.refused.too_large", limit=_megabytes(limit)))
        return message

    return guarded
