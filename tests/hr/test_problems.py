"""What a report says about files that name a trainee but cannot be taken (issue 29, "A report that says what it means"):
a rejected file is shown on its trainee's row as 提交有问题 with the reason, not as 未提交."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coursegen.hr import HTML_NAME, XLSX_NAME, Reason, make_report, read_roster
from coursegen.hr.report import Report
from coursegen.load import load_project
from coursegen.model.project import Project
from coursegen.hr.roster import Roster

from .synthetic import DUE, people, submission, write_course, write_json, write_roster

P = people(4)


@pytest.fixture()
def course(tmp_path: Path) -> tuple[Project, Roster]:
    course, quizzes = write_course(tmp_path)
    project, _ = load_project(course, quizzes)
    return project, read_roster(write_roster(tmp_path / "roster.csv", P))


def _report(tmp_path: Path, course: tuple[Project, Roster]) -> Report:
    project, roster = course
    report, _ = make_report([tmp_path / "inbox"], roster, project, tmp_path / "out", now=DUE + timedelta(days=3))
    return report


def _cells(report: Report, form: str = "lunch-homework") -> dict[str, object]:
    return {c.trainee.employee_id: c for c in report.cells if c.form.id == form}


def test_a_rejected_file_naming_a_trainee_shows_on_their_row_not_as_missing(tmp_path: Path, course: tuple[Project, Roster]) -> None:
    edited = submission(P[0], "lunch-homework")
    edited["answers"]["summary"] = "改过的答案"
    write_json(tmp_path / "inbox" / "edited.json", edited)
    report = _report(tmp_path, course)
    cell = _cells(report)[P[0].employee_id]
    assert cell.status == "problem"  # type: ignore[attr-defined]
    assert "edited.json" in cell.note and "校验值不符" in cell.note  # type: ignore[attr-defined]
    assert _cells(report)[P[1].employee_id].status == "missing"  # type: ignore[attr-defined]
    per_form = report.per_form[0]
    assert (per_form.problem, per_form.missing, per_form.submitted, per_form.expected) == (1, 3, 0, 4)
    assert report.files[0].reason is Reason.CHECKSUM and report.files[0].claimed == (P[0].employee_id, "lunch-homework")

    html = (tmp_path / "out" / HTML_NAME).read_text(encoding="utf-8")
    chase = html.split('<section id="chase">')[1].split("</section>")[0]
    asked = f"<td>{P[0].name}</td><td>{P[0].department}</td><td>午休作业：投诉案例梳理（提交有问题：「edited.json」校验值不符"
    assert asked in chase and "）；案例复盘；课程评估</td>" in chase  # asked for a good file, with why; chased for the others
    assert f"<td>{P[1].name}</td><td>{P[1].department}</td><td>午休作业：投诉案例梳理；案例复盘；课程评估</td>" in chase
    problems = html.split('<section id="problems">')[1].split("</section>")[0]
    assert "提交有问题（1 份）" in problems and P[0].name in problems and "校验值不符" in problems
    assert '<td class="problem"' in html

    with (tmp_path / "out" / "csv" / "detail.csv").open(encoding="utf-8-sig") as fp:
        rows = {(r["employee_id"], r["form_id"]): r for r in csv.DictReader(fp)}
    row = rows[(P[0].employee_id, "lunch-homework")]
    assert row["status"] == "problem" and "校验值不符" in row["note"] and row["source_file"] == "edited.json"

    workbook = load_workbook(tmp_path / "out" / XLSX_NAME, read_only=True)
    detail = [list(r) for r in workbook["明细"].iter_rows(values_only=True)]
    head = detail[0]
    mine = next(r for r in detail if r[0] == P[0].employee_id and r[head.index("作业")] == "午休作业：投诉案例梳理")
    assert mine[head.index("状态")] == "提交有问题" and "校验值不符" in mine[head.index("备注")]


def test_a_valid_version_beats_a_rejected_one_and_strangers_stay_unlinked(tmp_path: Path, course: tuple[Project, Roster]) -> None:
    edited = submission(P[0], "lunch-homework")
    edited["answers"]["summary"] = "改过的答案"
    write_json(tmp_path / "inbox" / "edited.json", edited)
    write_json(tmp_path / "inbox" / "good.json", submission(P[0], "lunch-homework"))
    no_form = submission(P[1], "no-such-form")
    write_json(tmp_path / "inbox" / "no-form.json", no_form)
    wrong_course = submission(P[2], "lunch-homework", course_id="another-course")
    write_json(tmp_path / "inbox" / "other-course.json", wrong_course)
    report = _report(tmp_path, course)
    cells = _cells(report)
    assert cells[P[0].employee_id].status == "submitted"  # type: ignore[attr-defined]
    assert cells[P[1].employee_id].status == "missing" and cells[P[2].employee_id].status == "missing"  # type: ignore[attr-defined]
    assert report.total.problem == 0


def test_an_empty_file_is_said_to_be_empty_not_a_parser_message(tmp_path: Path, course: tuple[Project, Roster]) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "E0001.json").write_bytes(b"")
    report = _report(tmp_path, course)
    entry = report.files[0]
    assert (entry.reason, entry.detail) == (Reason.EMPTY, "0 字节，没有内容：请学员重新导出提交文件")
    assert entry.reason.label == "空文件"
    html = (tmp_path / "out" / HTML_NAME).read_text(encoding="utf-8")
    assert "空文件" in html and "Expecting value" not in html


def test_a_name_that_differs_from_the_roster_is_a_visible_warning_in_the_html(tmp_path: Path, course: tuple[Project, Roster]) -> None:
    write_json(tmp_path / "inbox" / "a.json", submission(P[0], "lunch-homework", name="<b>王小明</b>"))
    write_json(tmp_path / "inbox" / "b.json", submission(P[1], "lunch-homework"))
    report = _report(tmp_path, course)
    cells = _cells(report)
    assert cells[P[0].employee_id].declared_name == "<b>王小明</b>" and cells[P[1].employee_id].declared_name == ""  # type: ignore[attr-defined]
    html = (tmp_path / "out" / HTML_NAME).read_text(encoding="utf-8")
    assert "⚠ 文件里的姓名是「&lt;b&gt;王小明&lt;/b&gt;」" in html  # in the trainee's cell, escaped
    names = html.split('<section id="names">')[1].split("</section>")[0]
    assert "姓名与名单不符（1 份）" in names and P[0].name in names and P[1].name not in names
    assert "<b>" not in html


def test_no_name_section_when_every_name_agrees(tmp_path: Path, course: tuple[Project, Roster]) -> None:
    write_json(tmp_path / "inbox" / "b.json", submission(P[1], "lunch-homework"))
    _report(tmp_path, course)
    assert 'id="names"' not in (tmp_path / "out" / HTML_NAME).read_text(encoding="utf-8")
