"""One submit statement read as a hand-in, and the LRS's address and credentials checked before anything is read.

No LRS is needed here: what a statement says is judged by itself (tests/hr/test_lrs.py reads a real one)."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from click.testing import CliRunner

from coursegen.cli import main
from coursegen.hr.buckets import Reason
from coursegen.hr.lrs import AUTH_ENV, LrsError, as_found, authorization, source, statements
from coursegen.hr.timing import Clock
from coursegen.messages import speaking

from tests.serving import free_port

from .statements import lrs_setting, submit_statement, write_class
from .synthetic import people, submission

LRS = lrs_setting("https://lrs.example.com/xAPI/")
PERSON = people(1)[0]
STORED = "2026-12-07T10:15:30.123456+00:00"


def stored(statement: dict[str, Any]) -> dict[str, Any]:
    """The statement as the LRS hands it back: with its own ``stored`` time."""
    return {**statement, "stored": STORED}


def test_a_statement_is_its_submission_timed_by_the_lrs_and_marked_self_reported() -> None:
    hand_in = submission(PERSON, "lunch-homework")
    statement = stored(submit_statement(hand_in, LRS))
    with speaking("zh"):
        found = as_found(statement, LRS, "LRS（lrs.example.com）")
    assert found.rejected is None
    assert found.source == f"LRS（lrs.example.com）/{statement['id']}"
    assert found.channel is not None
    assert (found.channel.clock, found.channel.at) == (Clock.LRS, datetime(2026, 12, 7, 10, 15, 30, 123456, tzinfo=UTC))
    assert found.channel.sender == f"{PERSON.name}（{PERSON.employee_id}），身份自报"
    assert Clock.LRS.trusted


def test_a_launched_statement_names_its_sender_without_the_self_reported_mark() -> None:
    statement = stored(submit_statement(submission(PERSON, "lunch-homework"), LRS, self_reported=False))
    with speaking("zh"):
        found = as_found(statement, LRS, "LRS")
    assert found.channel is not None and found.channel.sender == f"{PERSON.name}（{PERSON.employee_id}）"


@pytest.mark.parametrize(("change", "reason", "words"), [
    (lambda s: s["result"]["extensions"].pop(LRS.extension("submission")), Reason.NOT_SUBMISSION, "没有带提交内容"),
    (lambda s: s["result"]["extensions"].__setitem__(LRS.extension("checksum"), "0" * 64), Reason.CHECKSUM, "校验码"),
    (lambda s: s["object"].__setitem__("id", LRS.activity("form", "case-review")), Reason.UNKNOWN_HOMEWORK, "不是所带提交的表单"),
    (lambda s: s["actor"]["account"].__setitem__("name", "E0002"), Reason.INVALID, "发送人工号 E0002 与提交里填写的工号 E0001 不一致"),
])
def test_a_statement_that_contradicts_its_submission_is_rejected_and_names_its_trainee(change: Callable[[dict[str, Any]], object], reason: Reason,
                                                                                      words: str) -> None:
    statement = stored(submit_statement(submission(PERSON, "lunch-homework"), LRS))
    change(statement)
    with speaking("zh"):
        found = as_found(statement, LRS, "LRS")
    assert found.rejected is not None
    assert found.rejected.reason is reason
    assert words in found.rejected.detail
    if reason is not Reason.NOT_SUBMISSION:  # HR sees 提交有问题 on that trainee's row, not 未提交
        assert found.rejected.claim is not None and found.rejected.claim.employee_id == PERSON.employee_id


def test_without_a_stored_time_the_submission_counts_by_its_own_time() -> None:
    statement = submit_statement(submission(PERSON, "lunch-homework"), LRS)
    found = as_found(statement, LRS, "LRS")
    assert found.channel is not None and found.channel.at is None  # timing() then takes the trainee's clock: 自报时间


@pytest.mark.parametrize(("given", "header"), [
    ("hr-reader:s3cret:with-colon", "Basic " + base64.b64encode(b"hr-reader:s3cret:with-colon").decode()),
    ("Basic aHI6eA==", "Basic aHI6eA=="),
    ("Bearer abc.def", "Bearer abc.def"),
    ("abc.def", "Bearer abc.def"),
])
def test_credentials_are_a_user_and_password_or_a_token(given: str, header: str) -> None:
    assert authorization(given) == header


def test_credentials_come_from_the_file_before_the_environment(tmp_path: Path) -> None:
    secret = tmp_path / "lrs.auth"
    secret.write_text("hr-reader:from-file\n", encoding="utf-8")
    read = source("https://lrs.example.com/xAPI", secret, LRS, environ={AUTH_ENV: "hr-reader:from-env"})
    assert read.authorization == authorization("hr-reader:from-file")
    assert read.endpoint == "https://lrs.example.com/xAPI/"
    assert source("https://lrs.example.com/xAPI/", None, LRS, environ={AUTH_ENV: "hr-reader:from-env"}).authorization == authorization("hr-reader:from-env")


@pytest.mark.parametrize(("url", "credentials", "setting", "words"), [
    ("https://lrs.example.com/xAPI/", None, LRS, AUTH_ENV),
    ("https://hr:pw@lrs.example.com/xAPI/", None, LRS, "不能写用户名和密码"),
    ("lrs.example.com/xAPI/", None, LRS, "不是以 http:// 或 https:// 开头"),
    ("https://lrs.example.com/xAPI/", None, None, "没有 lrs 设置"),
    ("https://lrs.example.com/xAPI/", "missing.auth", LRS, "凭据文件 missing.auth 读不出来"),
])
def test_a_wrong_address_or_missing_credentials_is_said_before_anything_is_read(url: str, credentials: str | None, setting: object, words: str,
                                                                               workdir: Path) -> None:
    with speaking("zh"), pytest.raises(LrsError) as raised:
        source(url, Path(credentials) if credentials else None, setting, environ={})  # type: ignore[arg-type]
    assert words in str(raised.value)
    assert "pw" not in str(raised.value)


def test_an_lrs_that_does_not_answer_is_said_plainly_and_nothing_is_written(workdir: Path) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}/xAPI/"  # nothing listens there
    write_class(workdir, endpoint, datetime.now(UTC))
    result = CliRunner().invoke(main, ["homework", "report", "--lrs", endpoint, "--roster", "名单.csv", "-o", "报告"], env={AUTH_ENV: "hr:secret"})
    assert result.exit_code == 1
    assert f"连不上 LRS {endpoint}" in result.output and "Traceback" not in result.output
    assert "secret" not in result.output and not (workdir / "报告").exists()


def test_neither_a_folder_nor_an_lrs_is_a_usage_error(workdir: Path) -> None:
    result = CliRunner().invoke(main, ["homework", "report", "--roster", "名单.csv", "-o", "报告"])
    assert result.exit_code == 2 and "没有要读的提交" in result.output


class _Lrs(BaseHTTPRequestHandler):
    """An LRS whose filters work, in two pages; ``more`` of the last page leads to ``server.last_more``."""

    server: Any

    def do_GET(self) -> None:  # the standard library's naming
        self.server.asked.append(self.path)
        assert self.headers["Authorization"] == "Basic aHI6eA==" and self.headers["X-Experience-API-Version"] == "1.0.3"
        first = "verb=" in self.path and "search_after" not in self.path
        page = self.server.pages[0 if first else 1]
        body = json.dumps({"statements": page, "more": "/xAPI/statements?search_after=1" if first else self.server.last_more}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet: the test says what matters."""


@pytest.fixture
def stub_lrs() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Lrs)
    server.asked, server.last_more = [], ""  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_an_lrs_whose_filters_work_is_read_page_by_page_and_only_this_courses_submit_statements_are_kept(stub_lrs: ThreadingHTTPServer) -> None:
    endpoint = f"http://127.0.0.1:{stub_lrs.server_address[1]}/xAPI/"
    ours = [stored(submit_statement(submission(p, "lunch-homework"), LRS)) for p in people(3)]
    other = lrs_setting("https://lrs.example.com/xAPI/").model_copy(update={"activity_id": "https://learning.example.com/courses/another"})
    stub_lrs.pages = [[ours[0], stored(submit_statement(submission(PERSON, "lunch-homework"), other))], ours[1:]]  # type: ignore[attr-defined]
    read = list(statements(source(endpoint, None, LRS, environ={AUTH_ENV: "Basic aHI6eA=="})))
    assert [s["id"] for s in read] == [s["id"] for s in ours]
    asked = stub_lrs.asked  # type: ignore[attr-defined]
    assert len(asked) == 2 and "related_activities=true" in asked[0] and asked[1] == "/xAPI/statements?search_after=1"


def test_a_next_page_on_another_server_is_never_asked_for_with_the_credentials(stub_lrs: ThreadingHTTPServer) -> None:
    endpoint = f"http://127.0.0.1:{stub_lrs.server_address[1]}/xAPI/"
    page = [stored(submit_statement(submission(PERSON, "lunch-homework"), LRS))]
    stub_lrs.pages, stub_lrs.last_more = [page, page], "http://collector.example/steal"  # type: ignore[attr-defined]
    with pytest.raises(LrsError) as raised:
        list(statements(source(endpoint, None, LRS, environ={AUTH_ENV: "Basic aHI6eA=="})))
    assert "http://collector.example/steal" in str(raised.value) and "凭据不能发给别的服务器" in str(raised.value)
