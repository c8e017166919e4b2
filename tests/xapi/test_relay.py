"""``coursegen lrs relay``'s safety rules: it forwards only the course site's statement posts, with the credentials
added on the relay's side; everything else is refused before the LRS is asked."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from coursegen.errors import UserError
from coursegen.relay import MAX_BODY, read_credentials, relay_app

SITE = "https://learning.example.com"
LRS = "https://lrs.example.com/xAPI/"
KEY = "Basic " + base64.b64encode(b"key:secret").decode()
STATEMENT = {"actor": {"mbox": "mailto:a@example.com"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
             "object": {"id": "https://learning.example.com/c"}}


class FakeLrs:
    """Stands in for the LRS: records what reached it, answers ``status``."""

    def __init__(self, status: int = 200, down: bool = False) -> None:
        self.seen: list[httpx.Request] = []
        self.status, self.down = status, down

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("refused", request=request)
        self.seen.append(request)
        return httpx.Response(self.status, json=["id-1"])


def client(lrs: FakeLrs) -> TestClient:
    return TestClient(relay_app(LRS, KEY, [SITE], transport=httpx.MockTransport(lrs)), base_url="http://relay.intranet")


def post(lrs: FakeLrs, body: object = STATEMENT, origin: str | None = SITE, path: str = "/statements") -> httpx.Response:
    headers = {"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3"}
    if origin:
        headers["Origin"] = origin
    return client(lrs).post(path, content=json.dumps(body).encode(), headers=headers)


def test_a_statement_from_the_site_reaches_the_lrs_with_the_credentials_added() -> None:
    lrs = FakeLrs()
    answer = post(lrs, [STATEMENT])
    assert answer.status_code == 200 and answer.json() == ["id-1"]
    assert answer.headers["access-control-allow-origin"] == SITE
    [request] = lrs.seen
    assert str(request.url) == LRS + "statements" and request.method == "POST"
    assert request.headers["authorization"] == KEY and request.headers["x-experience-api-version"] == "1.0.3"
    assert json.loads(request.content) == [STATEMENT]


def test_the_lrs_answer_goes_back_as_it_is_so_the_sender_knows_a_known_id() -> None:
    assert post(FakeLrs(status=409)).status_code == 409


@pytest.mark.parametrize("origin", ["https://evil.example.com", None])
def test_another_site_or_no_browser_at_all_is_refused(origin: str | None) -> None:
    lrs = FakeLrs()
    assert post(lrs, origin=origin).status_code == 403
    assert lrs.seen == []


def test_nothing_can_be_read_or_deleted_through_it() -> None:
    lrs = FakeLrs()
    relay = client(lrs)
    assert relay.get("/statements", headers={"Origin": SITE}).status_code == 405
    assert relay.delete("/statements", headers={"Origin": SITE}).status_code == 405
    assert post(lrs, path="/activities/state").status_code == 404
    assert lrs.seen == []


def test_only_json_statements_within_the_size_limit_are_forwarded() -> None:
    lrs = FakeLrs()
    assert post(lrs, "x" * (MAX_BODY + 1)).status_code == 413
    assert post(lrs, ["not a statement"]).status_code == 400
    assert post(lrs, []).status_code == 400
    assert lrs.seen == []


def test_the_preflight_allows_the_site_the_xapi_headers() -> None:
    answer = client(FakeLrs()).options("/statements", headers={
        "Origin": SITE, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert answer.status_code == 204
    assert "X-Experience-API-Version" in answer.headers["access-control-allow-headers"]


def test_an_lrs_out_of_reach_is_a_502_the_sender_retries() -> None:
    answer = post(FakeLrs(down=True))
    assert answer.status_code == 502 and "LRS" in answer.text


def test_credentials_are_a_key_and_secret_or_a_whole_header(tmp_path: Path) -> None:
    file = tmp_path / "lrs.key"
    file.write_text("key:secret\n", encoding="utf-8")
    assert read_credentials(file) == KEY
    file.write_text("Bearer abc\n", encoding="utf-8")
    assert read_credentials(file) == "Bearer abc"
    file.write_text("secret\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"lrs\.key"):
        read_credentials(file)
    with pytest.raises(UserError, match="missing"):
        read_credentials(tmp_path / "missing")
