"""`homework report --lrs`: the report read from a real LRS (Ralph) equals the report from the same hand-ins as files.

The hand-ins reach the LRS through the course site's own sender (cg-xapi.js, run in Node: :mod:`.site_statements`);
the statements made from the contract (:mod:`.statements`) serve the tests of merging and refusal.

A class of 24: four with a personal 延期 (on time), the rest late by about a day, one who handed in twice, one whose
hand-in was edited after it was made (rejected: 提交有问题), four who handed in nothing, quiz results for the item
analysis, survey answers. The files carry the trainee's clock; the LRS's statements its own ``stored`` clock: both
say "now", so statuses, item analysis and quiz scores agree exactly, and lateness agrees to within the seconds the
test took between making the hand-ins and storing them.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from coursegen.cli import main
from coursegen.hr import LrsSource, Report, make_report, read_roster
from coursegen.hr.timing import Clock
from coursegen.load import load_project
from tests.lrs import PASSWORD, USER, RalphLrs

from .site_statements import send_from_site
from .statements import ABSENT, PERSONS, lrs_setting, submit_statement, write_class
from .synthetic import BASICS_QUESTIONS, basics_score, report_csv, submission, write_json

pytestmark = pytest.mark.lrs

def hand_ins(now: datetime) -> list[dict[str, Any]]:
    """What the class handed in, in the order they did, each stamped ``now`` by a trainee's (correct) clock."""
    rng = random.Random(33)  # noqa: S311 - a repeatable class, not a secret
    made: list[dict[str, Any]] = []
    for index, person in enumerate(p for p in PERSONS if p not in ABSENT):
        right = {qid: rng.random() < 0.6 for qid in BASICS_QUESTIONS}
        answers = {"q1": right["q1"], "q2": 0 if right["q2"] else 2, "q3": [0, 1] if right["q3"] else [0], "q4": "倾听" if right["q4"] else "受理"}
        best = 25 * sum(right.values())
        quiz = basics_score({qid: (right[qid], answers[qid]) for qid in BASICS_QUESTIONS}, best=best, passed=best >= 75)
        made.append(submission(person, "lunch-homework", updated_at=now, quiz_scores=quiz))
        if index % 2 == 0:
            made.append(submission(person, "case-review", updated_at=now))
        if index % 3 == 0:
            made.append(submission(person, "evaluation", updated_at=now, answers={"scores": {"content": 3 + index % 3, "teacher": 5}, "recommend": "愿意"}))
    made.append(submission(PERSONS[5], "lunch-homework", updated_at=now, answers={"summary": "补充了回访记录。"}))  # handed in again
    edited = submission(ABSENT[0], "lunch-homework", updated_at=now)
    edited["answers"] = {"summary": "（手工改过）"}  # the checksum no longer holds: rejected, 提交有问题
    made.append(edited)
    return made


def summary(report: Report) -> dict[str, Any]:
    """What HR compares: each trainee × form's status, the quiz scores, the item analysis, the survey statistics."""
    return {
        "cells": {(c.trainee.employee_id, c.form.id): c.status for c in report.cells},
        "scores": {row.trainee.employee_id: row.scores for row in report.quiz_rows},
        "items": report.items,
        "surveys": report.surveys,
        "total": (report.total.on_time, report.total.late, report.total.problem, report.total.missing),
    }


@pytest.mark.node
def test_the_report_from_the_lrs_equals_the_report_from_the_same_files(lrs: RalphLrs, workdir: Path) -> None:
    started = datetime.now(UTC)
    course, quizzes, roster_path = write_class(workdir, lrs.endpoint, started)
    made = hand_ins(started)
    for number, hand_in in enumerate(made):
        write_json(workdir / "交件" / f"{number:03d}.json", hand_in)
    setting = lrs_setting(lrs.endpoint)
    sent = send_from_site(made, setting, lrs.authorization, {form.id: form.title for form in load_project(course, quizzes)[0].homework.values()})
    assert len(sent) == len(made) == len(set(sent))
    stored_by = datetime.now(UTC)
    project, _ = load_project(course, quizzes)
    roster = read_roster(roster_path)
    from_files, _ = make_report([workdir / "交件"], roster, project, workdir / "文件报告", now=stored_by)
    source = LrsSource(lrs.endpoint, lrs.authorization, setting, page=7)  # several pages: the `more` links are followed
    from_lrs, _ = make_report([], roster, project, workdir / "LRS报告", now=stored_by, lrs=source)

    assert summary(from_lrs) == summary(from_files)
    assert summary(from_lrs)["total"] == (4 + 10 + 7, 16, 1, 3 + 14 + 17)  # the class is what the test says it is
    assert from_lrs.items.questions and from_lrs.surveys[0].responses == 7
    late = {(c.trainee.employee_id, c.form.id): c.late_by for c in from_files.cells if c.late_by is not None}
    for cell in from_lrs.cells:
        if cell.late_by is not None:
            assert timedelta(0) <= cell.late_by - late[(cell.trainee.employee_id, cell.form.id)] <= stored_by - started
            assert cell.clock is Clock.LRS and not cell.self_reported
    assert {e.source.split("/")[0] for e in from_lrs.files} == {f"LRS（127.0.0.1:{lrs.port}）"}


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["homework", "report", *args], env=env)
    return result.exit_code, result.output


def test_a_folder_and_the_lrs_merge_as_two_folders_do(lrs: RalphLrs, workdir: Path) -> None:
    now = datetime.now(UTC)
    write_class(workdir, lrs.endpoint, now)
    first, second = PERSONS[6], PERSONS[7]
    both = submission(first, "case-review", updated_at=now)
    write_json(workdir / "共享" / "a.json", both)
    write_json(workdir / "共享" / "b.json", submission(second, "case-review", updated_at=now))
    setting = lrs_setting(lrs.endpoint)
    lrs.post([submit_statement(both, setting), submit_statement(submission(second, "lunch-homework", updated_at=now), setting)])

    code, output = run("共享", "--lrs", lrs.endpoint, "--roster", "名单.csv", "-o", "报告", env={"COURSEGEN_LRS_AUTH": f"{USER}:{PASSWORD}"})
    assert code == 0, output
    assert output.splitlines()[0] == "2 个文件、2 条学习记录：采用 3 个，被新版本取代 1 个，拒收 0 个"  # the copy in both counts once
    files = {row["file"].split("/")[0]: row for row in report_csv(workdir / "报告", "files.csv") if row["bucket"] == "accepted"}
    assert set(files) == {"共享", f"LRS（127.0.0.1:{lrs.port}）"}
    lrs_row = files[f"LRS（127.0.0.1:{lrs.port}）"]
    assert (lrs_row["employee_id"], lrs_row["form_id"], lrs_row["clock"]) == (second.employee_id, "lunch-homework", "lrs")
    assert lrs_row["sender"] == f"{second.name}（{second.employee_id}），身份自报"
    status = {(r["employee_id"], r["form_id"]): r["status"] for r in report_csv(workdir / "报告", "detail.csv")}
    assert (status[(first.employee_id, "case-review")], status[(second.employee_id, "lunch-homework")]) == ("submitted", "late")
    assert USER not in output and PASSWORD not in output
    label = f"LRS（127.0.0.1:{lrs.port}）/"
    html = (workdir / "报告" / "homework-report.html").read_text(encoding="utf-8")
    assert label in html and "LRS 存储时间" in html and "身份自报" in html
    workbook = load_workbook(workdir / "报告" / "homework-report.xlsx", read_only=True)
    assert any(isinstance(value, str) and value.startswith(label) for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row)


def test_a_report_from_the_lrs_alone_counts_learning_records_not_files(lrs: RalphLrs, workdir: Path) -> None:
    now = datetime.now(UTC)
    write_class(workdir, lrs.endpoint, now)
    lrs.post([submit_statement(submission(PERSONS[6], "case-review", updated_at=now), lrs_setting(lrs.endpoint))])
    code, output = run("--lrs", lrs.endpoint, "--roster", "名单.csv", "-o", "报告", env={"COURSEGEN_LRS_AUTH": f"{USER}:{PASSWORD}"})
    assert code == 0, output
    assert output.splitlines()[0] == "1 条学习记录：采用 1 个，被新版本取代 0 个，拒收 0 个"


def test_refused_credentials_say_so_and_write_nothing(lrs: RalphLrs, workdir: Path) -> None:
    write_class(workdir, lrs.endpoint, datetime.now(UTC))
    (workdir / "lrs.auth").write_text(f"{USER}:wrong-password\n", encoding="utf-8")
    code, output = run("--lrs", lrs.endpoint, "--lrs-credentials", "lrs.auth", "--roster", "名单.csv", "-o", "报告")
    assert code == 1
    assert f"LRS {lrs.endpoint} 不接受这个凭据（HTTP 401）" in output
    assert "wrong-password" not in output and not (workdir / "报告").exists()
