"""Files a form service received: stored in its sealed envelope ``{"received_at", "receipt", "submission", "seal"}``,
the report (given the service's key) judges them by the service's clock (表单服务), flags a file whose own time does not fit it, and turns away an
envelope whose time cannot be read or whose submission was edited."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from coursegen.hr import Bucket, Reason, make_report, read_roster
from coursegen.hr.seal import seal
from coursegen.hr.timing import Clock
from coursegen.load import load_project

from .synthetic import DUE, people, submission, write_course, write_json, write_roster

P = people(4)


KEY = bytes(range(32))


def envelope(data: dict[str, Any], received_at: object, receipt: str = "HJ-0001") -> dict[str, Any]:
    """An envelope as the receiver seals it (see test_forged_time for ones it did not)."""
    sealed: dict[str, Any] = {"received_at": received_at, "receipt": receipt, "submission": data}
    sealed["seal"] = seal(sealed, KEY)
    return sealed


@pytest.fixture()
def course(tmp_path: Path):  # type: ignore[no-untyped-def]
    course, quizzes = write_course(tmp_path)
    project, _ = load_project(course, quizzes)
    return project, read_roster(write_roster(tmp_path / "roster.csv", P))


def test_the_services_time_decides_and_a_file_that_does_not_fit_it_is_flagged(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    project, roster = course
    inbox = tmp_path / "inbox"
    on_time = submission(P[0], "lunch-homework", updated_at=DUE - timedelta(hours=1))
    write_json(inbox / "service" / "a.json", envelope(on_time, (DUE - timedelta(minutes=58)).isoformat()))
    back_dated = submission(P[1], "lunch-homework", updated_at=DUE - timedelta(hours=1))
    write_json(inbox / "service" / "b.json", envelope(back_dated, (DUE + timedelta(days=2)).isoformat()))
    ahead = submission(P[2], "lunch-homework", updated_at=DUE - timedelta(minutes=10))
    write_json(inbox / "service" / "c.json", envelope(ahead, (DUE - timedelta(hours=2)).isoformat()))
    report, _ = make_report([inbox], roster, project, tmp_path / "out", now=DUE + timedelta(days=3), service_key=KEY)
    cells = {c.trainee.employee_id: c for c in report.cells if c.form.id == "lunch-homework"}
    first = cells[P[0].employee_id]
    assert (first.status, first.clock, first.first_at, first.warning) == ("submitted", Clock.FORM_SERVICE, DUE - timedelta(minutes=58), "")
    late = cells[P[1].employee_id]
    assert (late.status, late.clock, late.late_by) == ("late", Clock.FORM_SERVICE, timedelta(days=2))
    assert late.warning.startswith("文件自带时间比表单服务时间早 2天1小时")
    early = cells[P[2].employee_id]
    assert early.status == "submitted" and early.warning.startswith("文件自带时间比表单服务时间晚 1小时50分钟")
    assert cells[P[3].employee_id].status == "missing"

    with (tmp_path / "out" / "csv" / "detail.csv").open(encoding="utf-8-sig") as fp:
        rows = {row["employee_id"]: row for row in csv.DictReader(fp) if row["form_id"] == "lunch-homework"}
    assert (rows[P[0].employee_id]["clock"], rows[P[0].employee_id]["self_reported"]) == ("form_service", "0")
    html = (tmp_path / "out" / "homework-report.html").read_text(encoding="utf-8")
    assert "表单服务" in html


@pytest.mark.parametrize("received_at", ["2021-03-12 17:00", "昨天", None, 1615539600])
def test_an_envelope_without_a_readable_aware_time_is_rejected_with_the_reason(tmp_path: Path, course, received_at: object) -> None:  # type: ignore[no-untyped-def]
    project, roster = course
    write_json(tmp_path / "inbox" / "a.json", envelope(submission(P[0], "lunch-homework"), received_at))
    report, _ = make_report([tmp_path / "inbox"], roster, project, tmp_path / "out", now=DUE)
    [entry] = report.files
    assert (entry.bucket, entry.reason) == (Bucket.REJECTED, Reason.INVALID)
    assert entry.detail.startswith("表单服务信封的 received_at 不是带时区的时间")


def test_an_edited_submission_inside_an_envelope_fails_its_checksum(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    project, roster = course
    data = submission(P[0], "lunch-homework")
    data["answers"]["summary"] = "改过的内容"
    write_json(tmp_path / "inbox" / "a.json", envelope(data, DUE.isoformat()))
    report, _ = make_report([tmp_path / "inbox"], roster, project, tmp_path / "out", now=DUE)
    assert [(e.bucket, e.reason) for e in report.files] == [(Bucket.REJECTED, Reason.CHECKSUM)]
