"""A value the models refuse is told in the trainer's words, at its own line and column, with a fix that works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.load import load_project
from coursegen.messages import speaking

from tests.coursefiles import COURSE, LECTURE, problems, write_course

C, L = "course/course.yml", "course/lectures/one.yml"
DURATION = "duration: {days: 1, hours_per_day: 1}"
HANDIN = "submission:\n  to: 王老师\n  email: training@branch.example.com\n"
BANK = "id: q\ntitle: 测验\nquestions:\n"
CASE = """\
id: pond
title: 池子
background: 背景
events: [经过]
questions:
  - id: q
    prompt: 问
    options: [甲方, 乙方]
    answer: 丙方
debrief: 解析
"""
FORM = "id: hw\ntitle: 作业\nfields:\n  - {id: a, type: textarea, label: 甲, min_length: 60, max_length: 50}\n"

CASES = {
    "unquoted-time-is-minutes": (
        {C: COURSE.replace(DURATION, "duration: {days: 1, hours_per_day: 1, day_start: 12:00}")},
        "course/course.yml:6:50: `duration.day_start`：这里要写文字，但 `12:00` 会被读成数字\n"
        '    提示：加上引号，写成 `day_start: "12:00"`',
    ),
    "time-not-hours-minutes": (
        {C: COURSE.replace(DURATION, 'duration: {days: 1, hours_per_day: 1, day_start: "9点"}')},
        "course/course.yml:6:50: `duration.day_start`：`9点` 不是“时:分”的写法\n"
        '    提示：24 小时制，时和分都写两位，加上引号，例如 `day_start: "09:00"`',
    ),
    "list-items-count-from-one": (
        {L: LECTURE.replace("points: [要点]", "points: [要点, yes]")},
        "course/lectures/one.yml:7:18: `sections[1].points[2]`：这里要写文字，但 `yes` 会被读成对错值（true/false）\n"
        '    提示：加上引号，写成 `"yes"`',
    ),
    "deadline-with-a-date-only": (
        {C: COURSE + HANDIN + "  deadline: 2026-04-20\n"},
        "course/course.yml:11:13: `submission.deadline`：只写了日期，还要写时刻和时区\n"
        "    提示：写成 年-月-日T时:分+时区，例如 `deadline: 2026-04-20T18:00+08:00`（+08:00 是北京时间）",
    ),
    "deadline-without-zone": (
        {C: COURSE + HANDIN + "  deadline: 2026-04-20 13:30\n"},
        "course/course.yml:11:13: `submission.deadline`：还要写时区\n"
        "    提示：写成 年-月-日T时:分+时区，例如 `deadline: 2026-04-20T13:30+08:00`（+08:00 是北京时间）",
    ),
    "address-without-scheme": (
        {C: COURSE + "submission:\n  to: 王老师\n  url: forms.intranet\n"},
        "course/course.yml:10:8: `submission.url`：`forms.intranet` 不是一个网址\n"
        "    提示：写完整的网址，以 `https://` 或 `http://` 开头，例如 `url: https://forms.intranet`",
    ),
    "one-item-not-a-list": (
        {C: COURSE.replace("benefits: [收益]", "benefits: 收益")},
        "course/course.yml:4:11: `benefits`：这里要写一个列表，写的是 `收益`\n    提示：只有一项也要写成列表，例如 `benefits: [收益]`",
    ),
    "empty-list": (
        {C: COURSE.replace("audience: [员工]", "audience: []")},
        "course/course.yml:5:11: `audience`：至少要写 1 项，现在有 0 项\n    提示：每项单独一行，以 `- ` 开头",
    ),
    "language-not-offered": (
        {C: COURSE + "language: zn\n"},
        "course/course.yml:8:11: `language`：只能写 `zh`、`en` 中的一个，写的是 `zn`\n    提示：例如 `language: zh`",
    ),
    "year-in-chinese-numerals": (
        {C: COURSE + "year: 二〇二六\n"},
        "course/course.yml:8:7: `year`：这里要写整数，写的是 `二〇二六`\n    提示：只写阿拉伯数字，不带单位，例如 `year: 2026`",
    ),
    "yes-no-in-chinese": (
        {C: COURSE + "search_questions: 是\n"},
        "course/course.yml:8:19: `search_questions`：这里只能写 `true` 或 `false`，写的是 `是`\n"
        "    提示：例如 `search_questions: true`",
    ),
    "question-results-replaced": (
        {C: COURSE + "question_results: true\n"},
        "course/course.yml:8:1: 不认识的键 `question_results`\n"
        "    提示：`question_results` 已经由 `results` 取代：原来写 `question_results: true` 的，改写 `results: questions`（成绩加逐题结果）；"
        "原来写 `false` 的，删掉这一行（默认 `results: none`，提交文件不带测验结果）",
    ),
    "results-level-misspelt": (
        {C: COURSE + "results: all\n"},
        "course/course.yml:8:10: `results`：只能写 `none`、`scores`、`questions` 中的一个，写的是 `all`\n    提示：例如 `results: none`",
    ),
    "nothing-written": (
        {C: COURSE.replace("title: 测试", "title:")},
        "course/course.yml:2:7: `title`：这里没有写内容\n    提示：在 `title:` 后面写上内容",
    ),
    "negative-minutes": (
        {L: LECTURE.replace("duration_minutes: 60", "duration_minutes: -5")},
        "course/lectures/one.yml:3:19: `duration_minutes`：要大于 0，写的是 `-5`",
    ),
    "mapping-expected": (
        {C: COURSE.replace(DURATION, "duration: 1天")},
        "course/course.yml:6:11: `duration`：这里要在下面几行写“键: 值”，写的是 `1天`\n"
        "    提示：在 `duration:` 下面缩进两格，一行写一个键，可以写的键：`days`、`hours_per_day`、`day_start`、`lunch_start`、`lunch_end`、`breaks`",
    ),
    "id-with-capitals": (
        {L: LECTURE.replace("id: one", "id: Lecture One")},
        "course/lectures/one.yml:1:5: `id`：`Lecture One` 不能用作 id\n    提示：id 只用小写字母、数字和 -，例如 `id: lecture-one`",
    ),
    "case-answer-not-an-option-at-answer": (
        {"course/cases/pond.yml": CASE},
        "course/cases/pond.yml:9:13: 参考选项 `丙方` 不是这道题的选项\n"
        "    提示：照抄其中一个选项，例如 `answer: 甲方`。",
    ),
    "case-answer-without-options": (
        {"course/cases/pond.yml": CASE.replace("    options: [甲方, 乙方]\n", "")},
        "course/cases/pond.yml:8:13: `questions[1].answer`：只有带 `options` 的选择题才写 `answer`\n"
        "    提示：加上 `options`，或删掉 `answer`",
    ),
    "activity-with-two-keys": (
        {L: LECTURE + "    activities:\n      - {case: a, quiz: b}\n"},
        "course/lectures/one.yml:9:9: `sections[1].activities[1]`：每项活动只写 `case`、`discussion`、`drill`、`scenario`、`homework`、`quiz` "
        "中的一个键，这里写了 2 个\n    提示：例如 `- case: chizi-event`；两项活动分成两项写",
    ),
    "hand-in-without-a-way": (
        {C: COURSE + "submission:\n  to: 王老师\n"},
        "course/course.yml:9:3: `submission`：至少要写一种提交方式：`url`、`email`、`folder` 或 `im_group`\n"
        "    提示：例如 `email: training@branch.example.com`",
    ),
    "form-bounds-at-the-upper-bound": (
        {"course/homework/hw.yml": FORM},
        "course/homework/hw.yml:4:67: `fields[1].max_length`：`max_length`（50）不能小于 `min_length`（60）\n"
        "    提示：把 `max_length` 改大，或把 `min_length` 改小",
    ),
    "anonymous-homework": (
        {"course/homework/hw.yml": "id: hw\ntitle: 作业\nanonymous: true\nfields:\n  - {id: a, type: textarea, label: 甲}\n"},
        "course/homework/hw.yml:3:12: `anonymous`：只有问卷（`kind: survey`）可以匿名：作业要按人批改\n"
        "    提示：删掉 `anonymous: true`，或写 `kind: survey`",
    ),
    "single-choice-at-its-options": (
        {"quizzes/q.yml": BANK + "  - id: a\n    type: single\n    prompt: 问\n    options:\n      - {text: 甲}\n      - {text: 乙}\n"},
        "quizzes/q.yml:8:7: `questions[1].options`：单选题要恰好一个选项写 `correct: true`，现在有 0 个\n"
        "    提示：只在正确的那个选项下面写 `correct: true`",
    ),
    "unreachable-pass-mark-at-pass-mark": (
        {"quizzes/q.yml": "id: q\ntitle: 测验\npass_mark: 80\nquestions:\n  - {id: a, type: short, prompt: 问, reference: 答, checklist: [x]}\n"},
        "quizzes/q.yml:3:12: `pass_mark`：及格线 80% 达不到：没有一道自动评分的题有分值\n    提示：给题目写上 `points`，或写 `pass_mark: 0`",
    ),
    "question-type-misspelt": (
        {"quizzes/q.yml": BANK + "  - {id: a, type: singel, prompt: 问}\n"},
        "quizzes/q.yml:4:19: `questions[1].type`：只能写 `single`、`multiple`、`true_false`、`fill`、`ordering`、`matching`、`cloze`、`numeric`、`dragwords`、`short`、`hotspot` "
        "中的一个，写的是 `singel`\n    提示：是不是想写 `single`？",
    ),
    "unknown-key-lists-the-keys": (
        {L: LECTURE.replace("    title: 一节\n", "    title: 一节\n    colour: red\n")},
        "course/lectures/one.yml:7:5: `sections[1]` 里有不认识的键 `colour`\n"
        "    提示：这里能写的键：`id`、`title`、`body`、`points`、`activities`、`facilitator`",
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_each_refused_value_gets_its_message_in_chinese(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    write_course(tmp_path, files)
    assert problems(tmp_path) == [expected]


ENGLISH = {
    "unquoted-time-is-minutes": (
        "course/course.yml:6:50: `duration.day_start`: text is expected here, but `12:00` is read as a number\n"
        '    hint: put it in quotes: `day_start: "12:00"`'
    ),
    "deadline-with-a-date-only": (
        "course/course.yml:11:13: `submission.deadline`: only a date is written; a time and a time zone are needed too\n"
        "    hint: write year-month-dayThours:minutes+zone, e.g. `deadline: 2026-04-20T18:00+08:00` (+08:00 is China Standard Time)"
    ),
    "case-answer-not-an-option-at-answer": (
        "course/cases/pond.yml:9:13: the reference answer `丙方` is not one of the question's options\n"
        "    hint: copy one of the options exactly, e.g. `answer: 甲方`"
    ),
    "list-items-count-from-one": (
        "course/lectures/one.yml:7:18: `sections[1].points[2]`: text is expected here, but `yes` is read as true/false\n"
        '    hint: put it in quotes: `"yes"`'
    ),
}


@pytest.mark.parametrize("case", ENGLISH)
def test_an_english_course_gets_them_in_english(tmp_path: Path, case: str) -> None:
    files = {C: COURSE, **CASES[case][0]}
    files[C] += "language: en\n"  # last, so every line keeps its number
    write_course(tmp_path, files)
    with speaking("en"):
        assert problems(tmp_path) == [ENGLISH[case]]


def test_the_check_command_speaks_the_course_language(workdir: Path) -> None:
    write_course(workdir, {C: COURSE.replace(DURATION, "duration: {days: 1, hours_per_day: 1, day_start: 12:00}") + "language: en\n"})
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "course/course.yml:6:50: `duration.day_start`: text is expected here, but `12:00` is read as a number\n" in result.output
    assert '    hint: put it in quotes: `day_start: "12:00"`' in result.output


FIXES = ["unquoted-time-is-minutes", "time-not-hours-minutes", "list-items-count-from-one", "deadline-with-a-date-only",
         "deadline-without-zone", "address-without-scheme", "one-item-not-a-list", "language-not-offered",
         "year-in-chinese-numerals", "yes-no-in-chinese", "id-with-capitals", "case-answer-not-an-option-at-answer"]


@pytest.mark.parametrize("case", FIXES)
def test_the_fix_a_hint_shows_makes_the_course_load(tmp_path: Path, case: str) -> None:
    """The hint's example, written over the value at the message's line and column, is accepted."""
    files, expected = CASES[case]
    found = re.match(r"(\S+?):(\d+):(\d+): [^\n]*\n.*`([^`]+)`", expected, re.S)
    assert found is not None
    path, line, col, example = found[1], int(found[2]), int(found[3]), found[4]
    value = example.split(": ", 1)[1] if re.match(r"[a-z_]+: ", example) else example
    text = {C: COURSE, L: LECTURE, **files}[path]
    lines = text.split("\n")
    rest = lines[line - 1][col - 1:]
    lines[line - 1] = lines[line - 1][: col - 1] + value + rest[len(re.split(r"\s#|[,\]}]", rest)[0].rstrip()):]
    write_course(tmp_path, {**files, path: "\n".join(lines)})
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        load_project(Path("course"), Path("quizzes"))
