"""The `submission` block of course.yml: whom, how and by when forms are handed in, as trainees read it
on the form page, in the handbook and on the blanks, and the errors a trainer gets for a wrong block."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import docx

import pytest
from pydantic import ValidationError

from coursegen.load import load_project
from coursegen.render import render_site
from coursegen.render.blanks import blank_docx, blank_markdown
from coursegen.model.handin import Handin, deadline_for, route_for
from coursegen.render.handin import deadline_text, instructions, plain_lines
from coursegen.render.strings import strings

from tests.coursefiles import COURSE, problems, write_course

ROOT = Path(__file__).resolve().parents[2]
T = strings("zh", "pages")
EN = strings("en", "pages")
CST = timezone(timedelta(hours=8))

HOMEWORK = """\
id: {id}
title: {title}
kind: {kind}
{due}fields:
  - id: answer
    type: textarea
    label: 心得
"""

SUBMISSION = """\
submission:
  to: 培训管理岗 王老师
  email: training@branch.example.com
  folder: \\\\fileserver\\培训\\作业
  deadline: 2021-03-12T18:00+08:00
  forms:
    evaluation:
      to: 培训管理岗
      url: http://forms.intranet.example.com/submit
"""


def form_file(form_id: str, kind: str = "homework", due: str = "") -> str:
    return HOMEWORK.format(id=form_id, title="作业" if kind == "homework" else "课程评估", kind=kind, due=f"due: {due}\n" if due else "")


def course_with(tmp_path: Path, submission: str = SUBMISSION, **forms: str) -> Path:
    files = {"course/course.yml": COURSE + submission}
    files.update({f"course/homework/{form_id}.yml": text for form_id, text in forms.items()})
    return write_course(tmp_path, files)


def load(root: Path):  # type: ignore[no-untyped-def]
    project, _ = load_project(root / "course", root / "quizzes")
    return project


@pytest.mark.parametrize(("when", "zh", "en"), [
    (datetime(2021, 3, 12, 13, 30, tzinfo=CST), "3月12日（周五）13:30", "Fri 12/3 13:30"),
    (datetime(2026, 3, 15, 9, 5, tzinfo=CST), "3月15日（周日）09:05", "Sun 15/3 09:05"),
    (datetime(2026, 12, 7, 0, 0, tzinfo=CST), "12月7日（周一）00:00", "Mon 7/12 00:00"),
])
def test_a_deadline_reads_with_its_weekday_in_the_zone_the_trainer_wrote(when: datetime, zh: str, en: str) -> None:
    assert deadline_text(when, T) == zh
    assert deadline_text(when, EN) == en


def test_the_course_deadline_applies_where_a_form_has_no_due_of_its_own(tmp_path: Path) -> None:
    root = course_with(tmp_path, homework=form_file("homework", due="2021-03-12T13:30:00+08:00"), evaluation=form_file("evaluation", "survey"))
    project = load(root)
    assert deadline_text(project.homework["homework"].due, T) == "3月12日（周五）13:30"
    assert deadline_text(project.homework["evaluation"].due, T) == "3月12日（周五）18:00"


def test_a_form_entry_replaces_whom_and_how_for_that_form_only(tmp_path: Path) -> None:
    root = course_with(tmp_path, homework=form_file("homework", due="2021-03-12T13:30:00+08:00"), evaluation=form_file("evaluation", "survey"))
    project = load(root)
    course = project.course
    homework = instructions(course, project.homework["homework"], T)
    evaluation = instructions(course, project.homework["evaluation"], T)
    assert homework is not None and evaluation is not None
    assert homework.to == "培训管理岗 王老师" and homework.url is None
    assert [w.text for w in homework.ways] == [
        "发邮件到 training@branch.example.com，把导出的提交文件作为附件",
        "把导出的提交文件放到共享文件夹 \\\\fileserver\\培训\\作业",
    ]
    assert evaluation.to == "培训管理岗" and evaluation.url == "http://forms.intranet.example.com/submit"
    assert [w.kind for w in evaluation.ways] == ["url"]
    assert plain_lines(homework, T) == [
        "交给：培训管理岗 王老师",
        "提交方式：发邮件到 training@branch.example.com，把导出的提交文件作为附件",
        "提交方式：把导出的提交文件放到共享文件夹 \\\\fileserver\\培训\\作业",
        "截止时间：3月12日（周五）13:30",
    ]


def test_a_course_without_the_block_keeps_the_forms_own_deadline_and_says_nothing_else(tmp_path: Path) -> None:
    root = course_with(tmp_path, "", homework=form_file("homework", due="2021-03-12T13:30:00+08:00"), evaluation=form_file("evaluation", "survey"))
    project = load(root)
    assert instructions(project.course, project.homework["evaluation"], T) is None
    info = instructions(project.course, project.homework["homework"], T)
    assert info is not None and info.to == "" and info.ways == [] and plain_lines(info, T) == ["截止时间：3月12日（周五）13:30"]


def test_route_and_deadline_resolution() -> None:
    handin = Handin.model_validate({"to": "甲", "email": "a@b.example", "deadline": "2021-03-12T18:00+08:00",
                                    "forms": {"survey": {"to": "乙", "im_group": "三月班"}}})
    assert route_for(handin, "survey").to == "乙" and route_for(handin, "other") is handin  # type: ignore[union-attr]
    assert route_for(None, "survey") is None
    own = datetime(2021, 3, 11, 9, 0, tzinfo=CST)
    assert deadline_for(handin, own) == own and deadline_for(handin, None) == handin.deadline and deadline_for(None, None) is None


@pytest.mark.parametrize("block", [
    {"to": "甲"},
    {"to": "甲", "email": "not-an-address"},
    {"to": "甲", "email": "a@b.example", "deadline": "2021-03-12T18:00"},
    {"email": "a@b.example"},
], ids=["no-way", "bad-mail", "no-zone", "no-receiver"])
def test_a_block_that_cannot_be_followed_is_refused(block: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Handin.model_validate(block)


def test_errors_point_at_the_line_of_the_mistake(tmp_path: Path) -> None:
    submission = SUBMISSION.replace("training@branch.example.com", "training-at-branch").replace("    evaluation:", "    evaluaton:")
    course_with(tmp_path, submission, evaluation=form_file("evaluation", "survey"))
    assert problems(tmp_path) == [
        "course/course.yml:10:10: `submission.email`：`training-at-branch` 不是一个邮箱地址\n"
        "    提示：只写一个邮箱地址，例如 `email: training@branch.example.com`",
    ]
    course_with(tmp_path, submission.replace("training-at-branch", "training@branch.example.com"), evaluation=form_file("evaluation", "survey"))
    assert problems(tmp_path) == ["course/course.yml:14:5: 找不到 id 为 `evaluaton` 的作业或问卷\n    提示：是不是 `evaluation`？"]


def test_a_block_without_any_way_is_one_error_at_the_block(tmp_path: Path) -> None:
    course_with(tmp_path, "submission:\n  to: 王老师\n")
    [message] = problems(tmp_path)
    assert message.startswith("course/course.yml:9:3: ") and "至少要写一种提交方式：`url`、`email`、`folder` 或 `im_group`" in message


def test_the_old_submission_url_gets_one_error_with_the_new_spelling(tmp_path: Path) -> None:
    course_with(tmp_path, "submission_url: http://forms.intranet/submit\n")
    assert problems(tmp_path) == [
        "course/course.yml:8:1: 不认识的键 `submission_url`\n"
        "    提示：`submission_url` 已经移到 `submission` 里：写 `submission:`，在它下面写 `url:`（表单服务的网址）和 `to:`（谁接收作业）"
    ]


EXAMPLE = ROOT / "course"
LINES = ["交给：培训管理岗 王老师", "提交方式：发邮件到 training@branch.example.com，把导出的提交文件作为附件", "截止时间：3月12日（周五）13:30"]


def test_the_blanks_and_the_handbook_carry_the_same_instructions() -> None:
    project, _ = load_project(EXAMPLE, ROOT / "quizzes")
    homework = project.homework["lunch-case-review"]
    text = blank_markdown(project.course, homework, T)
    assert all(f"- {line}" in text for line in LINES)
    document = docx.Document(io.BytesIO(blank_docx(project.course, homework, T)))
    paragraphs = [p.text for p in document.paragraphs]
    assert all(line in paragraphs for line in LINES)
    handbook = next(p.content for p in render_site(project).pages if p.path == "handbook.md")
    section = handbook[handbook.index('<section class="cg-handin" data-form="lunch-case-review"'):]
    section = section[: section.index("</section>")]
    assert "<dd>培训管理岗 王老师</dd>" in section and "3月12日（周五）13:30" in section and "data-cg-deadline" not in section
    evaluation = handbook[handbook.index('<section class="cg-handin" data-form="course-evaluation"'):]
    assert "<dd>培训管理岗</dd>" in evaluation and "“投诉管理培训 3 月班”群" in evaluation and "3月12日（周五）18:00" in evaluation
