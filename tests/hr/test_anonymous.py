"""Anonymous course evaluations (a survey with ``anonymous: true``, submission format version 2) in the HR report:
counted in the class's totals, never on a person's row, never chased, never in a department's figures; the report
says how many it counted. Files are made as the site makes them (synthetic.anonymous_submission mirrors cg-form.js)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coursegen.hr import make_report, read_roster
from coursegen.hr.buckets import Bucket, Reason
from coursegen.hr.report import ChoiceSummary, RatingSummary, Report, TextSummary
from coursegen.load import load_project

from . import synthetic
from .conftest import NOW
from .synthetic import anonymous_submission, people, report_csv, submission, write_json

ANONYMOUS_SURVEY = synthetic.SURVEY_YML.replace("kind: survey\n", "kind: survey\nanonymous: true\n")
EVALUATIONS = [
    {"scores": {"content": 5, "teacher": 4}, "recommend": "愿意", "comments": "案例很贴近柜面"},
    {"scores": {"content": 3, "teacher": 4}, "recommend": "不愿意", "comments": ""},
    {"scores": {"content": 4, "teacher": 5}, "recommend": "愿意", "comments": "希望多些演练"},
]


def _report(root: Path) -> tuple[Report, Path]:
    course, quizzes = synthetic.write_course(root)
    (course / "homework" / "survey.yml").write_text(ANONYMOUS_SURVEY, encoding="utf-8")
    persons = people(3)
    roster = read_roster(synthetic.write_roster(root / "roster.csv", persons))
    inbox = root / "inbox"
    for k, answers in enumerate(EVALUATIONS):
        write_json(inbox / f"evaluation-{k}.json", anonymous_submission("evaluation", answers))
    (inbox / "mail").mkdir()
    shutil.copy(inbox / "evaluation-0.json", inbox / "mail" / "evaluation-0.json")  # the same file twice counts once
    # Written before the form became anonymous: it counts, but not as 张三's.
    write_json(inbox / "named.json", submission(persons[0], "evaluation", answers={"scores": {"content": 2, "teacher": 2}, "recommend": "愿意"}))
    write_json(inbox / "lunch.json", submission(persons[1], "lunch-homework"))
    personal = anonymous_submission("evaluation", EVALUATIONS[0])
    personal["trainee"] = {"name": persons[2].name, "employee_id": persons[2].employee_id, "department": persons[2].department}
    personal["sha256"] = synthetic.checksum(personal)
    write_json(inbox / "edited.json", personal)
    project, _ = load_project(course, quizzes)
    report, _ = make_report([inbox], roster, project, root / "out", now=NOW)
    return report, root / "out"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    return _report(tmp_path_factory.mktemp("anonymous"))



def test_anonymous_evaluations_count_in_the_class_totals(made: tuple[Report, Path]) -> None:
    (survey,) = made[0].surveys
    assert (survey.responses, survey.anonymous) == (4, 4)
    ratings = survey.fields[0]
    assert isinstance(ratings, RatingSummary)
    assert [(i.label, i.n, i.mean) for i in ratings.items] == [("课程内容", 4, 3.5), ("讲师表现", 4, 3.8)]
    recommend = survey.fields[1]
    assert isinstance(recommend, ChoiceSummary) and recommend.answered == 4
    assert [(o.option, o.count) for o in recommend.options] == [("愿意", 3), ("视情况而定", 0), ("不愿意", 1)]
    comments = survey.fields[2]
    assert isinstance(comments, TextSummary)
    assert [(c.department, c.text) for c in comments.answers] == [("匿名", "案例很贴近柜面"), ("匿名", "希望多些演练")]


def test_no_one_s_row_holds_an_anonymous_evaluation_and_no_one_is_chased_for_it(made: tuple[Report, Path]) -> None:
    report, out = made
    assert sorted(f.id for f in report.forms) == ["case-review", "lunch-homework"]
    assert all(cell.form.id != "evaluation" for cell in report.cells)
    assert all("evaluation" not in {c.form.id for c in r.cells} for r in report.reminders)
    assert report.surveys[0].departments == []
    assert not [row for row in report_csv(out, "detail.csv") if row["form_id"] == "evaluation"]
    assert {row["department"] for row in report_csv(out, "survey_ratings.csv")} == {""}  # class totals only, no department line


def test_each_file_is_accounted_for(made: tuple[Report, Path]) -> None:
    files = {row["file"]: row for row in report_csv(made[1], "files.csv")}
    assert files["evaluation-1.json"]["bucket"] == Bucket.ACCEPTED.value
    assert (files["evaluation-1.json"]["form_id"], files["evaluation-1.json"]["employee_id"]) == ("evaluation", "")
    assert files["evaluation-1.json"]["detail"] == "匿名评估：只计入问卷的全班汇总"
    assert {files["evaluation-0.json"]["bucket"], files["mail/evaluation-0.json"]["bucket"]} == {Bucket.ACCEPTED.value, Bucket.SUPERSEDED.value}
    assert files["named.json"]["bucket"] == Bucket.ACCEPTED.value and files["named.json"]["employee_id"] == ""
    assert files["named.json"]["detail"] == "问卷“课程评估”是匿名问卷：这份文件写了提交人，报告不记录提交人，只把回答计入全班汇总"
    assert (files["edited.json"]["bucket"], files["edited.json"]["reason"]) == (Bucket.REJECTED.value, Reason.INVALID.value)
    assert files["edited.json"]["detail"] == "格式版本 2 是匿名问卷的文件，却写了 trainee：文件被改动过，或不是课程网站导出的"


def test_the_report_says_how_many_anonymous_evaluations_it_counted(made: tuple[Report, Path]) -> None:
    said = "其中匿名评估 4 份：只计入全班的汇总，不计入任何人名下，也不计入各部门的统计。"
    assert said in (made[1] / "homework-report.html").read_text(encoding="utf-8")
    sheet = load_workbook(made[1] / "homework-report.xlsx")["课程评估"]
    assert said in [row[0] for row in sheet.iter_rows(values_only=True)]


def test_an_anonymous_file_for_a_survey_that_names_its_trainees_is_refused(tmp_path: Path) -> None:
    course, quizzes = synthetic.write_course(tmp_path)
    roster = read_roster(synthetic.write_roster(tmp_path / "roster.csv", people(2)))
    write_json(tmp_path / "inbox" / "anonymous.json", anonymous_submission("evaluation", EVALUATIONS[0]))
    project, _ = load_project(course, quizzes)
    report, _ = make_report([tmp_path / "inbox"], roster, project, tmp_path / "out", now=NOW)
    (entry,) = report.files
    assert (entry.bucket, entry.reason) == (Bucket.REJECTED, Reason.INVALID)
    assert entry.detail == "问卷“课程评估”不是匿名问卷，这份匿名文件不计入：请学员在课程网站上填写姓名、工号和部门后重新提交"
    assert report.surveys[0].responses == 0
