"""The reference form service (`coursegen homework receive`): CORS for a site on another origin, a receipt
for a genuine submission, an envelope the report reads by the service's clock, and nothing stored for a
body that is too big or not a submission."""

from __future__ import annotations

import json
import stat
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coursegen.hr import Bucket, make_report, read_roster
from coursegen.hr.buckets import Limits
from coursegen.hr.receiver import Receiver
from coursegen.hr.seal import key_path, read_key
from coursegen.hr.timing import Clock
from coursegen.load import load_project
from coursegen.messages import choose

from .synthetic import DUE, people, submission, write_course, write_roster

P = people(2)


@pytest.fixture()
def service(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    inbox = tmp_path / "inbox"
    server = Receiver(("127.0.0.1", 0), inbox, Limits(max_file_bytes=64 * 1024))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/submit", inbox
    server.shutdown()
    server.server_close()


def post(url: str, body: bytes) -> tuple[int, dict[str, str], dict[str, str]]:
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"{}")


def test_the_preflight_allows_a_site_on_another_origin(service: tuple[str, Path]) -> None:
    url, _ = service
    request = urllib.request.Request(url, method="OPTIONS", headers={"Origin": "http://intranet.example", "Access-Control-Request-Method": "POST"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "Content-Type" in response.headers["Access-Control-Allow-Headers"] and "POST" in response.headers["Access-Control-Allow-Methods"]


def test_a_submission_is_stored_in_an_envelope_the_report_judges_by_the_services_clock(service: tuple[str, Path], tmp_path: Path) -> None:
    url, inbox = service
    data = submission(P[0], "lunch-homework", updated_at=DUE - timedelta(hours=1))
    body = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    before = datetime.now().astimezone().replace(microsecond=0)
    status, headers, answer = post(url, body)
    assert status == 201 and headers["Access-Control-Allow-Origin"] == "*"
    received_at = datetime.fromisoformat(answer["received_at"])
    assert received_at.tzinfo is not None and before <= received_at <= datetime.now().astimezone()
    [stored] = inbox.iterdir()
    assert stored.name.startswith(answer["receipt"]) and stored.name.endswith(f"-lunch-homework-{P[0].employee_id}.json")
    envelope = json.loads(stored.read_text(encoding="utf-8"))
    assert envelope == {"received_at": answer["received_at"], "receipt": answer["receipt"], "submission": data, "seal": envelope["seal"]}
    key = key_path(inbox)
    assert key.parent == inbox.parent and stat.S_IMODE(key.stat().st_mode) == 0o600  # beside the inbox, not in it; the owner's only

    course, quizzes = write_course(tmp_path / "project")
    project, _ = load_project(course, quizzes)
    roster = read_roster(write_roster(tmp_path / "roster.csv", P))
    report, _ = make_report([inbox], roster, project, tmp_path / "out", now=received_at + timedelta(days=1), service_key=read_key(key))
    [entry] = report.files
    assert entry.bucket is Bucket.ACCEPTED and entry.timing is not None
    assert (entry.timing.clock, entry.timing.at) == (Clock.FORM_SERVICE, received_at)


@pytest.mark.parametrize(("body", "status", "error"), [
    (b"{not json", 400, "不是有效的 JSON 文件"),
    (json.dumps({"format": "other"}).encode(), 400, "不是作业提交文件"),
    (b"x" * (64 * 1024 + 1), 413, "at most 65536"),
], ids=["not-json", "not-a-submission", "too-big"])
def test_what_is_not_a_submission_is_refused_and_nothing_is_stored(service: tuple[str, Path], body: bytes, status: int, error: str) -> None:
    url, inbox = service
    got, _, answer = post(url, body)
    assert got == status and error in answer["error"]
    assert not inbox.exists() or list(inbox.iterdir()) == []


def test_an_edited_file_is_refused_with_the_reason(service: tuple[str, Path]) -> None:
    url, inbox = service
    data = submission(P[1], "lunch-homework")
    data["answers"]["summary"] = "改过"
    got, _, answer = post(url, json.dumps(data).encode())
    assert got == 400 and "sha256" in answer["error"]
    assert not inbox.exists() or list(inbox.iterdir()) == []


def get(url: str, method: str = "GET") -> tuple[int, dict[str, str], str]:
    with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as response:
        return response.status, dict(response.headers), response.read().decode("utf-8")


def test_a_browser_opening_the_address_is_told_what_the_service_is(service: tuple[str, Path]) -> None:
    url, inbox = service
    status, headers, page = get(url)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="zh-CN">' in page and "作业收件服务" in page and "只接受课程网站发来的提交（POST）" in page
    assert headers["Content-Security-Policy"] == "default-src 'none'"
    status, _, body = get(url.rsplit("/", 1)[0] + "/", "HEAD")
    assert (status, body) == (200, "")
    assert not inbox.exists() or not any(inbox.iterdir())  # nothing stored


def test_the_page_is_in_the_language_of_the_run(service: tuple[str, Path]) -> None:
    url, _ = service
    choose("en")
    try:
        _, _, page = get(url)
    finally:
        choose(None)
    assert '<html lang="en">' in page and "Hand-in service" in page and "only takes submissions the course site sends (POST)" in page
