"""The completion record's check code in HR's report: a trainee's completion record (结业证明, cg-record.js) resting on
the final assessment prints a code HR finds in the report only when a handed-in file carries that very score: the
same code in the workbook's 测验成绩, the HTML report and quiz_scores.csv; detail.csv carries each hand-in's checksum,
the code of a record resting on a hand-in."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

from openpyxl import load_workbook

from coursegen.hr import make_report, read_roster
from coursegen.hr.report import final_record_code
from coursegen.load import load_project
from coursegen.model.submission import QuizScore
from tests.hr import synthetic
from tests.hr.conftest import NOW

FINAL = "final_assessment:\n  id: exam\n  title: 结业测评\n  pass_mark: 60\n  draw: [{bank: basics, count: 2}]\n"


def test_the_report_carries_the_code_of_the_best_final_score_handed_in(tmp_path: Path) -> None:
    course, quizzes = synthetic.write_course(tmp_path)
    with (course / "course.yml").open("a", encoding="utf-8") as fp:
        fp.write(FINAL)
    passed, never = synthetic.people(2)
    inbox = tmp_path / "inbox"
    early = synthetic.submission(passed, "lunch-homework", quiz_scores={"exam": {"best": 70, "passed": True}},
                                 employee_id="e 0001")  # as typed: the code uses the roster's canonical id
    later = synthetic.submission(passed, "case-review", updated_at=synthetic.DUE, quiz_scores={"exam": {"best": 90, "passed": True}})
    synthetic.write_json(inbox / "a.json", early)
    synthetic.write_json(inbox / "b.json", later)
    synthetic.write_json(inbox / "c.json", synthetic.submission(never, "lunch-homework", updated_at=synthetic.DUE - timedelta(hours=1)))
    project, _ = load_project(course, quizzes)
    out = tmp_path / "out"
    report, _ = make_report([inbox], read_roster(synthetic.write_roster(tmp_path / "roster.csv", [passed, never])), project, out, now=NOW)

    code = final_record_code(synthetic.COURSE_ID, "exam", QuizScore(best=90, passed=True), "E0001")
    assert {row.trainee.employee_id: row.final_code for row in report.quiz_rows} == {"E0001": code, "E0002": ""}
    assert code != final_record_code(synthetic.COURSE_ID, "exam", QuizScore(best=70, passed=True), "E0001")

    sheet = [list(row) for row in load_workbook(out / "homework-report.xlsx")["测验成绩"].iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(sheet) if "结业记录校验码" in row)
    column = sheet[header].index("结业记录校验码")
    assert [row[column] for row in sheet[header + 1:]] == [code, None]
    assert code in (out / "homework-report.html").read_text(encoding="utf-8")
    with (out / "csv" / "quiz_scores.csv").open(encoding="utf-8-sig") as fp:
        codes = {(r["employee_id"], r["quiz_id"]): r["record_code"] for r in csv.DictReader(fp)}
    assert codes == {("E0001", "exam"): code}
    with (out / "csv" / "detail.csv").open(encoding="utf-8-sig") as fp:
        checksums = {(r["employee_id"], r["form_id"]): r["checksum"] for r in csv.DictReader(fp)}
    assert checksums[("E0001", "case-review")] == later["sha256"] and checksums[("E0002", "case-review")] == ""
