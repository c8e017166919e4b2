"""coursegen studio regenerates the preview as soon as its own save has written the file, not after the watcher's wait
for an editor's burst of writes to end."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, cast

import pytest

from coursegen.builder.watch import Watcher
from coursegen.studio.run import regenerating_after_saves


class Now:
    def __init__(self) -> None:
        self.calls = 0

    def now(self) -> None:
        self.calls += 1


def _answer(status: int) -> Any:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})
    return app


def _request(path: str, status: int, method: str = "POST") -> int:
    watcher = Now()
    wrapped = regenerating_after_saves(_answer(status), cast(Watcher, watcher))
    sent: list[Any] = []

    async def send(message: Any) -> None:
        sent.append(message)

    async def receive() -> Any:
        return {"type": "http.request", "body": b""}

    # On a thread of its own: a browser test's Playwright, earlier in the same run, keeps an event loop in this one.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, wrapped({"type": "http", "method": method, "path": path}, receive, send)).result()
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]  # the answer itself goes through
    return watcher.calls


@pytest.mark.parametrize("path", ["/_studio/api/save", "/_studio/api/undo", "/_studio/api/new"])
def test_a_write_that_succeeded_regenerates_at_once(path: str) -> None:
    assert _request(path, 200) == 1


@pytest.mark.parametrize("status", [403, 409, 422])
def test_a_refused_save_wrote_nothing_and_regenerates_nothing(status: int) -> None:
    assert _request("/_studio/api/save", status) == 0


@pytest.mark.parametrize(("path", "method"), [("/_studio/api/check", "POST"), ("/_studio/api/file", "GET"),
                                              ("/lectures/intro/", "GET"), ("/_studio/api/upload", "POST")])
def test_anything_else_is_left_to_the_watcher(path: str, method: str) -> None:
    assert _request(path, 200, method) == 0
