"""The survey section for every field kind (rating, choice, multiple choice, table, text) in the form's order, means
rounded half up to one decimal, forms and quizzes in course order and the late count on each department's line,
checked in the report model and in each output against figures worked out by hand for a class of six."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from coursegen.hr import make_report, read_roster
from coursegen.hr.grading import write_grading
from coursegen.hr.figures import rounded_mean
from coursegen.hr.report import ChoiceSummary, RatingSummary, Report, TextSummary
from coursegen.load import load_project

from . import synthetic
from .conftest import NOW
from .synthetic import DUE, people, report_csv, submission, write_json

SURVEY_YML = synthetic.SURVEY_YML.replace("  - id: comments\n", """\
  - id: topics
    label: 最有收获的内容
    type: checkboxes
    options: [投诉处理, 情绪安抚, 回访]
  - id: cases
    label: 工作中遇到的案例
    type: table
    columns:
      - {id: case, label: 案例}
      - {id: action, label: 处理}
  - id: comments
""")
"""The demo class's survey (a rating, a choice and a text) with a checkboxes and a table question before its text."""
EXTRA_YML = """\
id: extra
title: 课前热身
questions:
  - id: q1
    type: true_false
    prompt: 倾听是处理投诉的第一步。
    answer: true
"""
LECTURE_YML = synthetic.LECTURE_YML.replace(
    "[{quiz: basics}]", "[{quiz: extra}, {homework: evaluation}, {quiz: basics}, {homework: case-review}]")
"""The course order: 课前热身, 课程评估, 基础自测, 案例复盘; the lunch homework is placed nowhere, so it comes last."""

FORMS_IN_COURSE_ORDER = ["evaluation", "case-review", "lunch-homework"]
FORM_TITLES = ["课程评估", "案例复盘", "午休作业：投诉案例梳理"]
QUIZZES_IN_COURSE_ORDER = ["extra", "basics"]

E_CITY_EAST, E_CITY_WEST, E_PERSONAL, _, _, E_CITY_EAST_2 = range(6)
"""people(6): E0001 城东支行, E0002 城西支行, E0003 个人金融部, E0004 运营管理部, E0005 营业部, E0006 城东支行."""

ANSWERS: dict[int, dict[str, Any]] = {
    E_CITY_EAST: {"scores": {"content": 4, "teacher": 5}, "recommend": "愿意", "topics": ["投诉处理", "回访"],
                  "cases": [{"case": "客户投诉排队久", "action": "增开窗口"}], "comments": "很实用"},
    E_CITY_WEST: {"scores": {"content": 5, "teacher": 4}, "recommend": "视情况而定", "topics": ["投诉处理"], "cases": [], "comments": ""},
    E_PERSONAL: {"scores": {"content": 4, "teacher": 5}, "recommend": "愿意", "topics": ["情绪安抚", "投诉处理", "舆情应对"]},
    E_CITY_EAST_2: {"scores": {"content": 4, "teacher": 4}, "recommend": "", "topics": [],  # skipped both questions
                    "cases": [{"case": "理财纠纷", "action": ""}, {"case": "", "action": " "}], "comments": "  "},
}
"""Four of the six answer the survey; 舆情应对 is an option the form no longer has."""

BEST = {E_CITY_EAST: 80, E_CITY_WEST: 85, E_PERSONAL: 86, E_CITY_EAST_2: 90}
"""基础自测 best scores: (80 + 85 + 86 + 90) / 4 = 85.25, shown 85.3 (Python's round would give 85.2)."""

LUNCH_HOURS = {E_CITY_EAST: -2, E_CITY_WEST: 2, E_PERSONAL: -1, E_CITY_EAST_2: 1}
"""Hours after the due time each hands in the lunch homework: 城西支行 and the second 城东支行 trainee are late."""


def _report(tmp_path: Path) -> tuple[Report, Path]:
    course, quizzes = synthetic.write_course(tmp_path)
    (course / "homework" / "survey.yml").write_text(SURVEY_YML, encoding="utf-8")
    (course / "lecture-1.yml").write_text(LECTURE_YML, encoding="utf-8")
    (quizzes / "extra.yml").write_text(EXTRA_YML, encoding="utf-8")
    persons = people(6)
    roster = read_roster(synthetic.write_roster(tmp_path / "roster.csv", persons))
    inbox = tmp_path / "inbox"
    for k, answers in ANSWERS.items():
        person = persons[k]
        write_json(inbox / f"{person.employee_id}-survey.json", submission(person, "evaluation", answers=answers))
        scores = {"basics": {"best": BEST[k], "passed": BEST[k] >= 85}, "extra": {"best": 100, "passed": True}}
        write_json(inbox / f"{person.employee_id}-lunch.json",
                   submission(person, "lunch-homework", updated_at=DUE + timedelta(hours=LUNCH_HOURS[k]), quiz_scores=scores))
    project, _ = load_project(course, quizzes)
    report, _ = make_report([inbox], roster, project, tmp_path / "out", now=NOW)
    return report, tmp_path / "out"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    return _report(tmp_path_factory.mktemp("survey"))



def _html(out: Path) -> str:
    return (out / "homework-report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("values", "shown"),
    [([4, 5, 4, 4], 4.3), ([80, 85, 86, 90], 85.3), ([5] * 7 + [4] * 13, 4.4), ([4, 5, 4, 4, 4, 4, 4, 4], 4.1), ([1, 2], 1.5), ([3], 3.0), ([], None)],
)
def test_means_round_half_up_to_one_decimal(values: list[int], shown: float | None) -> None:
    """4.25 → 4.3 and 85.25 → 85.3 where Python's round gives 4.2 and 85.2; 4.35 (87 / 20) → 4.4, not 4.3 from 4.3499…;
    4.125 → 4.1."""
    assert rounded_mean(values) == shown


def test_every_field_is_summarised_in_the_form_s_order(made: tuple[Report, Path]) -> None:
    (survey,) = made[0].surveys
    assert survey.responses == 4
    assert [(type(f).__name__, f.label) for f in survey.fields] == [
        ("RatingSummary", "请为本课程打分"), ("ChoiceSummary", "是否愿意向同事推荐本课程？"), ("ChoiceSummary", "最有收获的内容"),
        ("TextSummary", "工作中遇到的案例"), ("TextSummary", "意见与建议"),
    ]


def test_a_choice_counts_each_option_in_the_form_s_order_and_leaves_out_who_skipped_it(made: tuple[Report, Path]) -> None:
    recommend = made[0].surveys[0].fields[1]
    assert isinstance(recommend, ChoiceSummary) and not recommend.multiple
    assert recommend.answered == 3  # of 4 responses: the second 城东支行 trainee left it blank
    assert [(o.option, o.count, round(o.share, 4)) for o in recommend.options] == [("愿意", 2, 0.6667), ("视情况而定", 1, 0.3333), ("不愿意", 0, 0.0)]
    assert recommend.answered_by_department == {"城东支行": 1, "城西支行": 1, "个人金融部": 1}
    assert recommend.options[0].by_department == {"城东支行": 1, "城西支行": 0, "个人金融部": 1}


def test_a_multiple_choice_counts_each_trainee_once_per_option_ticked(made: tuple[Report, Path]) -> None:
    topics = made[0].surveys[0].fields[2]
    assert isinstance(topics, ChoiceSummary) and topics.multiple
    assert topics.answered == 3  # nothing ticked is not an answer
    assert [(o.option, o.count) for o in topics.options] == [("投诉处理", 3), ("情绪安抚", 1), ("回访", 1), ("舆情应对", 1)]
    assert topics.options[0].share == 1.0


def test_table_and_text_answers_are_listed_as_the_grading_workbook_shows_them(made: tuple[Report, Path]) -> None:
    cases, comments = made[0].surveys[0].fields[3:]
    assert isinstance(cases, TextSummary) and isinstance(comments, TextSummary)
    assert [(c.department, c.text) for c in cases.answers] == [("城东支行", "1. 案例：客户投诉排队久；处理：增开窗口"), ("城东支行", "1. 案例：理财纠纷")]
    assert [(c.department, c.text) for c in comments.answers] == [("城东支行", "很实用")]  # blank answers left out


def test_rating_means_are_rounded_half_up_overall_and_by_department(made: tuple[Report, Path]) -> None:
    scores = made[0].surveys[0].fields[0]
    assert isinstance(scores, RatingSummary)
    content, teacher = scores.items
    assert (content.n, content.mean, content.distribution) == (4, 4.3, (0, 0, 0, 3, 1))  # 17 / 4 = 4.25
    assert (teacher.mean, teacher.by_department["城东支行"]) == (4.5, (2, 4.5))
    assert made[0].quiz_summary[1].mean_best == 85.3


def test_every_output_shows_the_rounded_means(made: tuple[Report, Path]) -> None:
    _, out = made
    ratings = {(r["item"], r["department"]): r["mean"] for r in report_csv(out, "survey_ratings.csv")}
    assert ratings[("课程内容", "")] == "4.3" and ratings[("课程内容", "城东支行")] == "4.0"
    page = _html(out)
    assert '<th scope="row">课程内容</th><td>4</td><td>4.3</td>' in page
    assert '<th scope="row">基础自测</th><td>4</td><td>85.3</td>' in page
    workbook = load_workbook(out / "homework-report.xlsx")
    content = next(row for row in workbook["课程评估"].iter_rows() if row[0].value == "课程内容")
    assert (content[2].value, content[2].number_format) == (4.3, "0.0")
    quiz = next(row for row in workbook["汇总"].iter_rows() if row[0].value == "基础自测")
    assert (quiz[2].value, quiz[2].number_format) == (85.3, "0.0")


def test_survey_choices_csv_has_every_option_overall_and_by_department(made: tuple[Report, Path]) -> None:
    text = (made[1] / "csv" / "survey_choices.csv").read_text(encoding="utf-8-sig")
    recommend, topics = "evaluation,是否愿意向同事推荐本课程？", "evaluation,最有收获的内容"
    assert text.splitlines() == [
        "form_id,field,option,department,count,share",
        f"{recommend},愿意,,2,0.6667", f"{recommend},愿意,城东支行,1,1.0", f"{recommend},愿意,城西支行,0,0.0", f"{recommend},愿意,个人金融部,1,1.0",
        f"{recommend},视情况而定,,1,0.3333", f"{recommend},视情况而定,城东支行,0,0.0", f"{recommend},视情况而定,城西支行,1,1.0",
        f"{recommend},视情况而定,个人金融部,0,0.0",
        f"{recommend},不愿意,,0,0.0", f"{recommend},不愿意,城东支行,0,0.0", f"{recommend},不愿意,城西支行,0,0.0", f"{recommend},不愿意,个人金融部,0,0.0",
        f"{topics},投诉处理,,3,1.0", f"{topics},投诉处理,城东支行,1,1.0", f"{topics},投诉处理,城西支行,1,1.0", f"{topics},投诉处理,个人金融部,1,1.0",
        f"{topics},情绪安抚,,1,0.3333", f"{topics},情绪安抚,城东支行,0,0.0", f"{topics},情绪安抚,城西支行,0,0.0", f"{topics},情绪安抚,个人金融部,1,1.0",
        f"{topics},回访,,1,0.3333", f"{topics},回访,城东支行,1,1.0", f"{topics},回访,城西支行,0,0.0", f"{topics},回访,个人金融部,0,0.0",
        f"{topics},舆情应对,,1,0.3333", f"{topics},舆情应对,城东支行,0,0.0", f"{topics},舆情应对,城西支行,0,0.0", f"{topics},舆情应对,个人金融部,1,1.0",
    ]


def test_the_page_draws_a_bar_per_option_and_says_how_many_answered(made: tuple[Report, Path]) -> None:
    page = _html(made[1])
    survey = page[page.index('<section id="surveys">') : page.index('<section id="files">')]
    assert "3 人作答（共 4 份）" in survey and "可多选：比例按作答人数计，合计可超过 100%。" in survey
    assert ('<th scope="row">愿意</th><td>2</td><td>66.7%</td>\n        <td title="愿意：2 人，66.7%"><span class="dist">'
            '<span class="share" style="width:66.7%"></span></span></td>') in survey
    assert "<h4>工作中遇到的案例（2 条）</h4>" in survey and "1. 案例：客户投诉排队久；处理：增开窗口" in survey
    # the fields in the form's order: rating, choice, multiple choice, table, text
    headings = ["<h4>请为本课程打分</h4>", "<h4>是否愿意向同事推荐本课程？</h4>", "<h4>最有收获的内容</h4>", "<h4>工作中遇到的案例", "<h4>意见与建议"]
    assert [survey.index(h) for h in headings] == sorted(survey.index(h) for h in headings)


def test_the_workbook_has_a_table_per_choice_question_and_lists_table_answers(made: tuple[Report, Path]) -> None:
    rows = [list(row) for row in load_workbook(made[1] / "homework-report.xlsx")["课程评估"].iter_rows(values_only=True)]
    at = rows.index(next(r for r in rows if r[0] == "是否愿意向同事推荐本课程？（3 人作答，共 4 份）"))
    assert rows[at + 1][:6] == ["选项", "选择人数", "比例", "城东支行", "城西支行", "个人金融部"]
    assert rows[at + 2][:6] == ["愿意", 2, pytest.approx(2 / 3), 1, 0, 1]
    assert ["部门", "问题", "内容"] in [r[:3] for r in rows]
    assert ["城东支行", "工作中遇到的案例", "1. 案例：客户投诉排队久；处理：增开窗口"] in [r[:3] for r in rows]


def test_forms_and_quizzes_follow_the_course_order_in_every_output(made: tuple[Report, Path], tmp_path: Path) -> None:
    report, out = made
    assert [f.id for f in report.forms] == FORMS_IN_COURSE_ORDER
    assert [q.id for q in report.quizzes] == QUIZZES_IN_COURSE_ORDER
    assert [r["form_id"] for r in report_csv(out, "forms.csv")] == FORMS_IN_COURSE_ORDER
    assert [r["form_id"] for r in report_csv(out, "detail.csv") if r["employee_id"] == "E0001"] == FORMS_IN_COURSE_ORDER
    assert [r["quiz_id"] for r in report_csv(out, "quiz_scores.csv") if r["employee_id"] == "E0001"] == QUIZZES_IN_COURSE_ORDER
    workbook = load_workbook(out / "homework-report.xlsx")
    summary = [row[0] for row in workbook["汇总"].iter_rows(values_only=True)]
    assert [t for t in summary if t in FORM_TITLES] == FORM_TITLES
    assert [t for t in summary if t in ("课前热身", "基础自测")] == ["课前热身", "基础自测"]
    assert [row[3] for row in workbook["明细"].iter_rows(min_row=2, values_only=True) if row[0] == "E0001"] == FORM_TITLES
    assert next(workbook["测验成绩"].iter_rows(values_only=True))[3:] == ("课前热身（最高分）", "课前热身（通过）", "基础自测（最高分）", "基础自测（通过）")
    page = _html(out)
    forms = page[page.index('<section id="forms">') : page.index('<section id="chase">')]
    assert sorted(FORM_TITLES, key=forms.index) == FORM_TITLES
    quizzes = page[page.index('<section id="quizzes">') : page.index('<section id="items">')]
    assert quizzes.index("<th>课前热身</th>") < quizzes.index("<th>基础自测</th>")
    write_grading(report, tmp_path / "批改表.xlsx")
    assert load_workbook(tmp_path / "批改表.xlsx").sheetnames == ["案例复盘", "午休作业：投诉案例梳理"]


def test_each_department_s_line_says_how_many_came_late(made: tuple[Report, Path]) -> None:
    page = _html(made[1])
    # 城东支行: 2 trainees × 3 forms; both handed in the lunch homework (one an hour late) and the survey
    assert "<summary>城东支行 · 2 人 · 提交率 66.7% · 迟交 1 份 · 未交 2 份</summary>" in page
    assert "<summary>个人金融部 · 1 人 · 提交率 66.7% · 未交 1 份</summary>" in page  # nothing late: no late count
