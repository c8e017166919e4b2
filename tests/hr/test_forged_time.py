"""Lateness that cannot be forged: only an envelope the form service sealed is the service's clock, a time
that rests on the trainee's clock alone never beats a channel's, copies that contradict each other are flagged
时间存疑 and never settled in the trainee's favour, and every status resting on the trainee's clock is marked 自报时间."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from coursegen.hr import Bucket, make_report, read_roster
from coursegen.hr.buckets import Limits
from coursegen.hr.receiver import Receiver
from coursegen.hr.report import Cell, Report
from coursegen.hr.seal import key_path, read_key, seal
from coursegen.hr.timing import Clock
from coursegen.load import load_project
from coursegen.messages import speaking

from .mails import mail, submission_bytes, write_eml
from .synthetic import DUE, people, submission, write_course, write_json, write_roster

P = people(3)
KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
LATE = DUE + timedelta(hours=3)
FORGED = DUE - timedelta(hours=1)


def sealed(data: dict[str, Any], received_at: datetime, key: bytes = KEY) -> dict[str, Any]:
    envelope: dict[str, Any] = {"received_at": received_at.isoformat(), "receipt": "R-1", "submission": data}
    envelope["seal"] = seal(envelope, key)
    return envelope


@pytest.fixture()
def course(tmp_path: Path):  # type: ignore[no-untyped-def]
    course, quizzes = write_course(tmp_path / "project")
    project, _ = load_project(course, quizzes)
    return project, read_roster(write_roster(tmp_path / "roster.csv", P))


def run(tmp_path: Path, course: Any, key: bytes | None = KEY, now: datetime = DUE + timedelta(days=3)) -> Report:
    project, roster = course
    report, _ = make_report([tmp_path / "inbox"], roster, project, tmp_path / "out", now=now, service_key=key)
    return report


def lunch(report: Report, person: int = 0) -> Cell:
    return next(c for c in report.cells if c.trainee.employee_id == P[person].employee_id and c.form.id == "lunch-homework")


def test_a_hand_made_envelope_without_a_seal_is_the_trainees_own_file(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    envelope = {"received_at": FORGED.isoformat(), "receipt": "R-1", "submission": submission(P[0], "lunch-homework", updated_at=LATE)}
    write_json(tmp_path / "inbox" / "shared" / "forged.json", envelope)
    cell = lunch(run(tmp_path, course))
    assert (cell.status, cell.clock, cell.first_at, cell.self_reported) == ("late", Clock.TRAINEE, LATE, True)
    assert "没有签名" in cell.warning and "按学员自报的时间处理" in cell.warning


def test_an_envelope_sealed_with_another_key_is_not_the_services(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    write_json(tmp_path / "inbox" / "forged.json", sealed(submission(P[0], "lunch-homework", updated_at=LATE), FORGED, OTHER_KEY))
    cell = lunch(run(tmp_path, course))
    assert (cell.status, cell.clock, cell.first_at) == ("late", Clock.TRAINEE, LATE)
    assert "签名不符" in cell.warning


@pytest.mark.parametrize("tamper", ["time", "answers"])
def test_a_sealed_envelope_changed_afterwards_is_not_the_services(tmp_path: Path, course, tamper: str) -> None:  # type: ignore[no-untyped-def]
    genuine = sealed(submission(P[0], "lunch-homework", updated_at=LATE), LATE + timedelta(minutes=1))
    if tamper == "time":
        genuine["received_at"] = FORGED.isoformat()
    else:  # the trainee rewrote the answers and the checksum, and kept the seal
        genuine["submission"] = submission(P[0], "lunch-homework", updated_at=LATE, answers={"summary": "改过的答案"})
    write_json(tmp_path / "inbox" / "tampered.json", genuine)
    cell = lunch(run(tmp_path, course))
    assert (cell.status, cell.clock, cell.self_reported) == ("late", Clock.TRAINEE, True)
    assert cell.first_at is not None and cell.first_at >= LATE
    assert "签名不符" in cell.warning


def test_without_the_key_a_genuine_envelope_counts_from_the_later_of_its_times(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    """No key, nothing proved: neither the envelope's time nor the file's own is taken in the trainee's favour."""
    write_json(tmp_path / "inbox" / "a.json", sealed(submission(P[0], "lunch-homework", updated_at=FORGED), LATE))
    cell = lunch(run(tmp_path, course, key=None))
    assert (cell.status, cell.clock, cell.first_at) == ("late", Clock.TRAINEE, LATE)
    assert "没有给出 --service-key" in cell.warning


def test_a_forged_earlier_copy_beside_the_real_later_one_changes_nothing(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    mailed = LATE + timedelta(minutes=2)
    real = submission(P[0], "lunch-homework", updated_at=LATE)
    write_eml(tmp_path / "inbox" / "mail.eml", mail(f"{P[0].name} <p1@x>", {"hw.json": submission_bytes(real)}, received=mailed))
    write_json(tmp_path / "inbox" / "shared" / "early.json", submission(P[0], "lunch-homework", updated_at=FORGED))  # same answers, back-dated
    # an "earlier" draft with other answers, dropped in the shared folder: a time the trainee's clock alone gives
    write_json(tmp_path / "inbox" / "shared" / "draft.json",
               submission(P[0], "lunch-homework", updated_at=FORGED - timedelta(hours=1), answers={"summary": "草稿"}))
    cell = lunch(run(tmp_path, course))
    assert (cell.status, cell.clock, cell.first_at, cell.self_reported) == ("late", Clock.MAIL_SERVER, mailed, False)
    assert "「shared/early.json」与更晚的「mail.eml › hw.json」" in cell.warning and "内容相同" in cell.warning
    assert "「shared/draft.json」的自报时间" in cell.warning and "早于邮件服务器记录的" in cell.warning


def test_two_self_reported_copies_of_one_revision_count_from_the_later(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    write_json(tmp_path / "inbox" / "late.json", submission(P[0], "lunch-homework", updated_at=LATE))
    write_json(tmp_path / "inbox" / "early.json", submission(P[0], "lunch-homework", updated_at=FORGED))
    cell = lunch(run(tmp_path, course))
    assert (cell.status, cell.first_at, cell.self_reported) == ("late", LATE, True)
    assert "时间存疑" in cell.warning


def test_a_genuine_earlier_version_by_a_trusted_clock_still_counts(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    """The rules above take nothing from a trainee whose first version a channel timed."""
    write_json(tmp_path / "inbox" / "v1.json", sealed(submission(P[0], "lunch-homework", updated_at=FORGED), FORGED + timedelta(minutes=1)))
    write_json(tmp_path / "inbox" / "v2.json", sealed(submission(P[0], "lunch-homework", updated_at=LATE), LATE + timedelta(minutes=1)))
    cell = lunch(run(tmp_path, course))
    assert (cell.status, cell.clock, cell.first_at, cell.warning) == ("submitted", Clock.FORM_SERVICE, FORGED + timedelta(minutes=1), "")


def test_an_unsealed_envelope_by_mail_counts_by_the_mail_server(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    mailed = DUE + timedelta(days=1)
    forged = {"received_at": FORGED.isoformat(), "receipt": "R-1", "submission": submission(P[0], "lunch-homework", updated_at=FORGED)}
    write_eml(tmp_path / "inbox" / "mail.eml", mail("p1@x", {"hw.json": json.dumps(forged).encode()}, received=mailed))
    sealed_late = sealed(submission(P[1], "lunch-homework", updated_at=LATE), LATE)
    write_eml(tmp_path / "inbox" / "forwarded.eml", mail("p2@x", {"hw.json": json.dumps(sealed_late).encode()}, received=mailed))
    report = run(tmp_path, course)
    cell = lunch(report)
    assert (cell.status, cell.clock, cell.first_at, cell.late_by) == ("late", Clock.MAIL_SERVER, mailed, timedelta(days=1))
    assert "没有签名" in cell.warning
    forwarded = lunch(report, 1)  # a sealed envelope forwarded by mail: the service's time still rules
    assert (forwarded.status, forwarded.clock, forwarded.first_at) == ("late", Clock.FORM_SERVICE, LATE)


def test_a_declared_time_later_than_the_mail_servers_is_flagged(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    mailed = DUE - timedelta(hours=2)
    forged = {"received_at": LATE.isoformat(), "receipt": "R-1", "submission": submission(P[0], "lunch-homework", updated_at=mailed)}
    write_eml(tmp_path / "inbox" / "mail.eml", mail("p1@x", {"hw.json": json.dumps(forged).encode()}, received=mailed))
    cell = lunch(run(tmp_path, course))
    assert (cell.status, cell.clock) == ("submitted", Clock.MAIL_SERVER)
    assert "晚于邮件服务器的" in cell.warning


def test_a_file_edited_before_it_was_created_is_flagged(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    data = submission(P[0], "lunch-homework", updated_at=FORGED)
    data["created_at"] = LATE.isoformat()
    from coursegen.model.submission import checksum

    data["sha256"] = checksum(data)
    write_json(tmp_path / "inbox" / "a.json", data)
    cell = lunch(run(tmp_path, course))
    assert "早于它第一次保存的时间" in cell.warning


def test_the_receivers_own_envelope_is_the_service_clock_with_its_key(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    inbox = tmp_path / "inbox"
    server = Receiver(("127.0.0.1", 0), inbox, Limits())
    try:
        made = datetime.now().astimezone().replace(microsecond=0) - timedelta(minutes=1)
        answer = server.store(submission_bytes(submission(P[0], "lunch-homework", updated_at=made)))
    finally:
        server.server_close()
    received_at = datetime.fromisoformat(answer["received_at"])
    key = read_key(key_path(inbox))
    assert not any(p.suffix == ".key" for p in inbox.rglob("*"))  # the key is never in the inbox
    cell = lunch(run(tmp_path, course, key=key, now=received_at + timedelta(days=1)))
    assert (cell.clock, cell.first_at, cell.warning, cell.self_reported) == (Clock.FORM_SERVICE, received_at, "", False)
    again = Receiver(("127.0.0.1", 0), inbox, Limits())  # a restart keeps its key: yesterday's envelopes still check
    again.server_close()
    assert read_key(key_path(inbox)) == key
    unkeyed = lunch(run(tmp_path, course, key=None, now=received_at + timedelta(days=1)))
    assert unkeyed.clock is Clock.TRAINEE and "--service-key" in unkeyed.warning


def test_every_output_marks_a_status_resting_on_the_trainees_clock(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    write_json(tmp_path / "inbox" / "own.json", submission(P[0], "lunch-homework", updated_at=FORGED))
    write_json(tmp_path / "inbox" / "service.json", sealed(submission(P[1], "lunch-homework", updated_at=FORGED), FORGED))
    report = run(tmp_path, course)
    assert [lunch(report, i).self_reported for i in range(3)] == [True, False, False]
    with (tmp_path / "out" / "csv" / "detail.csv").open(encoding="utf-8-sig") as fp:
        rows = {r["employee_id"]: r for r in csv.DictReader(fp) if r["form_id"] == "lunch-homework"}
    assert [rows[p.employee_id]["self_reported"] for p in P] == ["1", "0", ""]
    sheet = load_workbook(tmp_path / "out" / "homework-report.xlsx").worksheets[1]
    header = [c.value for c in sheet[1]]
    status = header.index("状态")
    assert header[status + 1] == "自报时间"
    title = lunch(report).form.title
    marks = {row[0]: row[status + 1] for row in sheet.iter_rows(min_row=2, values_only=True) if row[header.index("作业")] == title}
    assert [marks[p.employee_id] for p in P] == ["自报时间", None, None]
    html = (tmp_path / "out" / "homework-report.html").read_text(encoding="utf-8")
    assert '<span class="status">已提交</span> <span class="self">自报时间</span>' in html


def test_the_reasons_are_in_english_for_an_english_course(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    envelope = {"received_at": FORGED.isoformat(), "receipt": "R-1", "submission": submission(P[0], "lunch-homework", updated_at=LATE)}
    write_json(tmp_path / "inbox" / "forged.json", envelope)
    with speaking("en"):
        cell = lunch(run(tmp_path, course))
        assert "has no signature" in cell.warning and "self-reported" in cell.warning
        assert [e.bucket for e in run(tmp_path, course).files] == [Bucket.ACCEPTED]
