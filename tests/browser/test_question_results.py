"""Per-question results from the quiz to the submission file to the HR report, in a real browser.

The SCORM tests' two-lecture course, with ``results: questions``: a trainee answers the quiz with every
auto-graded type, tries again with another answer, and hands in the homework; the file carries the first
try of each question under the quiz's content hash, validates, and the HR report reads it back.
The same course has an anonymous survey: its page asks nothing personal, and its file (format version 2)
names no one and carries no quiz results, whatever the course's ``results`` says; HR counts it in the totals only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, UTC
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from coursegen.hr import make_report, read_roster
from coursegen.load import load_project
from coursegen.model import Submission
from coursegen.model.submission import ANONYMOUS_VERSION, checksum
from playwright.sync_api import expect
from tests.browser.conftest import serve_built_with_site_url, submit_quiz
from tests.browser.test_a11y import violations
from tests.browser.test_scorm import answer_every_type
from tests.conftest import ROOT
from tests.jstools import js_tool
from tests.scorm.course_factory import write_course

pytestmark = pytest.mark.browser

SCHEMA = ROOT / "schemas" / "submission.schema.json"
IDENTITY = {"name": "李晓明", "employee_id": "A10086", "department": "城东支行营业部"}
ANONYMOUS_SURVEY = """\
id: opinion
title: 匿名课程评估
kind: survey
anonymous: true
fields:
  - id: scores
    label: 请为本课程打分
    type: rating
    items:
      - {id: content, label: 课程内容}
  - id: comments
    label: 意见与建议
    type: textarea
"""


@pytest.fixture(scope="module")
def course_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("question-results")
    write_course(root, final=False)
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")  # a site, not a package: Chinese search
    with (root / "course" / "course.yml").open("a", encoding="utf-8") as config:
        config.write("results: questions\n")
    (root / "course" / "homework" / "opinion.yml").write_text(ANONYMOUS_SURVEY, encoding="utf-8")
    (root / "out").mkdir()
    return root


@pytest.fixture(scope="module")
def results_url(course_root: Path) -> Iterator[str]:
    yield from serve_built_with_site_url(course_root, course_root / "out")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_first_try_of_each_question_reaches_the_hr_report(browser: Any, results_url: str, course_root: Path, tmp_path: Path, width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{results_url}/homework/reflection/")
    assert page.get_by_text("以及你在各测验的最高分、是否及格和每道题第一次作答的结果").is_visible()
    page.goto(f"{results_url}/quizzes/quiz-respond/")
    expect(page.get_by_text("和每道题第一次作答的结果（答对与否、所选答案）")).to_be_attached()  # the quiz's note says the same

    page.goto(f"{results_url}/quizzes/quiz-respond/")
    shown = answer_every_type(page)
    page.get_by_role("button", name="再做一次").click()
    first = page.locator(".cg-q").first
    first.get_by_label("转给主管", exact=True).check()  # wrong this time: the file keeps the first try
    submit_quiz(page)
    page.get_by_role("button", name="再做一次").wait_for()

    page.goto(f"{results_url}/homework/reflection/")
    for key, value in IDENTITY.items():
        page.locator(f'[data-identity="{key}"]').fill(value)
    page.get_by_label("心得").fill("先倾听，再复述诉求。")
    with page.expect_download() as info:
        page.locator(".cg-form__export").click()
    raw = Path(info.value.path()).read_bytes()
    data = json.loads(raw)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    Submission.model_validate(data)
    assert checksum(data) == data["sha256"]

    score = data["quiz_scores"]["quiz-respond"]
    assert score["hash"] == page.evaluate("coursegenVersions['quiz-respond']")
    questions = score.pop("questions")
    assert sorted(questions) == ["blank", "drag", "first-step", "good-habits", "minutes", "pairs", "spot", "steps", "tf", "words"]  # not the self-checked one
    assert questions["spot"] == {"correct": True, "answer": [77, 30]}  # the board chosen from the list: its own point
    assert questions["first-step"] == {"correct": True, "answer": 1}
    assert questions["good-habits"] == {"correct": False, "answer": [0, 1]}
    assert questions["blank"] == {"correct": True, "answer": "复述"}
    assert questions["tf"] == {"correct": True, "answer": False}
    assert questions["steps"]["correct"] is False and sorted(questions["steps"]["answer"]) == [0, 1, 2]
    assert questions["pairs"]["correct"] is False and questions["pairs"]["answer"][0] != questions["pairs"]["answer"][1]
    assert questions["words"] == {"correct": False, "answer": ["倾听", "解释"]}
    assert questions["minutes"] == {"correct": True, "answer": "14.5 分钟"}
    assert questions["drag"]["correct"] is False and len(questions["drag"]["answer"]) == 2
    assert errors == []
    context.close()

    # HR reads the file back: the answers are told in the bank's own words.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "reflection.json").write_bytes(raw)
    roster = tmp_path / "roster.csv"
    roster.write_text("工号,姓名,部门\nA10086,李晓明,城东支行营业部\n", encoding="utf-8")
    project, _ = load_project(course_root / "course", course_root / "quizzes")
    report, _ = make_report([inbox], read_roster(roster), project, tmp_path / "out", now=datetime.now(UTC))
    items = {q.question_id: q for q in report.items.questions}
    assert report.items.trainees == 1 and set(items) == set(questions)
    assert items["first-step"].correct == 1 and items["good-habits"].wrong_answer == "A. 复述诉求；B. 打断客户"
    assert items["steps"].wrong_answer == " → ".join(shown)
    assert items["pairs"].wrong_answer == "倾听 → 客户感到被尊重；复述 → 客户不再追问"  # a distractor, in the bank's words
    assert items["words"].wrong_answer == "倾听；解释"
    assert items["drag"].wrong_answer == "复述；倾听"
    assert (items["spot"].attempts, items["spot"].correct) == (1, 1)


@pytest.mark.node("axe-core")
@pytest.mark.parametrize("width", [1280, 375])
def test_an_anonymous_survey_asks_nothing_personal_and_its_file_names_no_one(
    browser: Any, results_url: str, course_root: Path, tmp_path: Path, width: int,
) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    # A trainee who gave their identity on another form and has a quiz result: neither may reach this file.
    page.goto(f"{results_url}/homework/reflection/")
    for key, value in IDENTITY.items():
        page.locator(f'[data-identity="{key}"]').fill(value)
    page.evaluate("""() => {
      const quiz = coursegenCourse.items.find(q => q.kind === 'quiz');
      const state = {v: 1, hash: coursegenVersions[quiz.id], best: 90, passed: true, attempts: 1, first: {}};
      localStorage.setItem('coursegen:' + coursegenConfig.courseId + ':quiz:' + quiz.id, JSON.stringify(state));
    }""")

    page.goto(f"{results_url}/homework/opinion/")
    page.locator("form.cg-form").wait_for()
    expect(page.locator("[data-identity], .cg-identity")).to_have_count(0)
    expect(page.locator(".cg-form__hint--carries")).to_have_text(
        "这是匿名问卷：不填写姓名、工号和部门，提交文件里只有下面填写的内容和填写时间，没有测验成绩；培训负责人只看到全班的汇总。")
    page.locator('.cg-rating[data-item="content"] input[value="5"]').check()
    page.get_by_label("意见与建议").fill("案例贴近柜面。")
    page.get_by_role("button", name="提交前预览").click()
    preview = page.locator(".cg-handin-preview")
    expect(preview).to_contain_text("匿名（不含姓名、工号和部门）")
    expect(preview).to_contain_text("不含测验成绩")
    expect(preview).to_contain_text("课程内容：5 分")
    assert "李晓明" not in preview.inner_text()
    assert violations(page, js_tool("axe-core/axe.min.js")) == []  # the anonymous form with its preview open
    with page.expect_download() as info:
        page.locator(".cg-form__export").click()
    name, raw = info.value.suggested_filename, Path(info.value.path()).read_bytes()
    data = json.loads(raw)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    Submission.model_validate(data)
    assert checksum(data) == data["sha256"]
    assert data["format_version"] == ANONYMOUS_VERSION and "trainee" not in data and data["quiz_scores"] == {}
    assert data["answers"] == {"scores": {"content": 5}, "comments": "案例贴近柜面。"}
    assert not any(value in raw.decode("utf-8") + name for value in IDENTITY.values())
    expect(page.locator(".cg-receipt")).to_contain_text("匿名（不含姓名、工号和部门）")
    context.close()

    # HR counts it in the survey's totals and on no one's row.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes(raw)
    roster = tmp_path / "roster.csv"
    roster.write_text("工号,姓名,部门\nA10086,李晓明,城东支行营业部\n", encoding="utf-8")
    project, _ = load_project(course_root / "course", course_root / "quizzes")
    report, _ = make_report([inbox], read_roster(roster), project, tmp_path / "out", now=datetime.now(UTC))
    (survey,) = report.surveys
    assert (survey.responses, survey.anonymous) == (1, 1)
    assert all(cell.form.id != "opinion" for cell in report.cells)
