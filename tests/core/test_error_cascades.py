"""One mistake, one message: a broken file reports its own errors and nothing that follows from them."""

from __future__ import annotations

import os
from pathlib import Path

from tests.coursefiles import COURSE, LECTURE, problems, warnings, write_course

BANK = """\
id: quiz-front
title: 前台自测
questions:
  - id: q1
    type: single
    prompt: 哪一项正确？
    options:
      - {text: 甲, correct: true}
      - {text: 乙}
"""

CASE = "id: pond\ntitle: 池子\nbackground: 背景\nevents: [经过]\nquestions: [{id: q, prompt: 问}]\ndebrief: 解析\n"

USES_BOTH = LECTURE + "    activities: [{quiz: quiz-front}, {case: pond}]\n"


def test_a_broken_quiz_file_yields_exactly_its_own_error(tmp_path: Path) -> None:
    write_course(tmp_path, {
        "course/course.yml": COURSE + "final_assessment: {id: final, title: 结业, pass_mark: 60, draw: [{bank: quiz-front, count: 1}]}\n",
        "course/lectures/one.yml": USES_BOTH,
        "course/cases/pond.yml": CASE,
        "quizzes/front.yml": BANK.replace("    prompt: 哪一项正确？\n", ""),
    })
    assert problems(tmp_path) == ["quizzes/front.yml:4:5: `questions[1]` 里缺少必填的键 `prompt`\n    提示：加上一行 `prompt: …`，写上它的内容"]


def test_a_case_file_that_does_not_parse_yields_only_its_syntax_error(tmp_path: Path) -> None:
    write_course(tmp_path, {
        "course/lectures/one.yml": USES_BOTH,
        "course/cases/pond.yml": CASE.replace("title: 池子", "title: [池子"),
        "quizzes/front.yml": BANK,
    })
    [message] = problems(tmp_path)
    assert message.startswith("course/cases/pond.yml:2:8: `[` 没有配对的 `]`。\n")


def test_a_reference_to_an_id_no_file_defines_is_still_reported(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": USES_BOTH, "course/cases/pond.yml": CASE,
                            "quizzes/front.yml": BANK.replace("quiz-front", "quiz-back")})
    assert problems(tmp_path) == [
        "course/lectures/one.yml:8:25: 找不到 id 为 `quiz-front` 的题库\n    提示：是不是 `quiz-back`？"
    ]


def test_a_misspelt_key_is_one_message_with_its_correction(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("    title: 一节", "    titel: 一节")})
    assert problems(tmp_path) == [
        "course/lectures/one.yml:6:5: `sections[1]` 里有不认识的键 `titel`\n    提示：是不是想写 `title`？"
    ]


def test_answer_on_a_choice_question_says_how_choices_are_marked(tmp_path: Path) -> None:
    bank = BANK.replace("      - {text: 甲, correct: true}\n", "      - {text: 甲}\n").replace("    options:", "    answer: A\n    options:")
    write_course(tmp_path, {"quizzes/front.yml": bank})
    assert problems(tmp_path) == [
        "quizzes/front.yml:7:5: `questions[1]` 里有不认识的键 `answer`\n"
        "    提示：选择题不写 `answer`：在 `options` 里给正确的选项写 `correct: true`（现在还没有一个选项这样写）"
    ]


def test_duplicate_lecture_ids_name_both_files(tmp_path: Path) -> None:
    write_course(tmp_path, {
        "course/course.yml": COURSE.replace("lectures: [lectures/one.yml]", "lectures: [lectures/one.yml, lectures/two.yml]"),
        "course/lectures/two.yml": LECTURE.replace("title: 第一讲", "title: 第二讲"),
    })
    assert problems(tmp_path) == [
        "course/lectures/two.yml:1:5: 讲次 id `one` 已经在 course/lectures/one.yml:1 用过了\n"
        "    提示：每个 id 只能用一次，网页地址和学员保存的进度都靠它区分；把这一个改成别的，例如 `id: one-2`。"
    ]


def test_nesting_hundreds_of_levels_deep_is_one_clear_error(tmp_path: Path) -> None:
    flow = LECTURE.replace("points: [要点]", "points: " + "[" * 500 + "要点" + "]" * 500)
    block = LECTURE.replace("    points: [要点]\n", "    points:\n" + "".join(" " * (6 + 2 * i) + "-\n" for i in range(1200)) + " " * 2406 + "要点\n")
    for text in (flow, block):
        write_course(tmp_path, {"course/lectures/one.yml": text})
        [message] = problems(tmp_path)
        assert ": 这里的列表和键值嵌套超过了 50 层。\n" in message
        assert message.startswith("course/lectures/one.yml:")


def test_a_lecture_listed_through_a_symlink_loop_says_so(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/course.yml": COURSE.replace("lectures/one.yml", "lectures/loop.yml")})
    os.symlink("loop.yml", tmp_path / "course/lectures/loop.yml")
    assert problems(tmp_path) == [
        "course/course.yml:7:12: 讲次文件 `lectures/loop.yml` 是一个快捷方式（符号链接），但它指向的文件不存在\n"
        "    提示：让快捷方式指向讲次文件，或者直接把讲次文件放在这里。"
    ]


def test_a_bank_no_lecture_uses_is_a_warning(tmp_path: Path) -> None:
    write_course(tmp_path, {"quizzes/front.yml": BANK})
    assert warnings(tmp_path) == [
        "quizzes/front.yml:1:5: 警告：题库 `quiz-front` 没有放在任何一讲里，结业测评也没有从中抽题\n"
        "    提示：在某一讲的 `activities` 里放上它（`- quiz: quiz-front`），或者删掉这个文件。"
    ]


def test_every_stand_in_left_by_the_importer_is_a_warning_at_its_line(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("points: [要点]", "points: [要点, （待补充：要点）]")
                            + "objectives: [（待补充：学习目标）]\n"})
    assert warnings(tmp_path) == [
        "course/lectures/one.yml:7:18: 警告：这里还是待补充的占位文字（待补充：要点）\n"
        "    提示：换成课程自己的内容。",
        "course/lectures/one.yml:8:14: 警告：这里还是待补充的占位文字（待补充：学习目标）\n"
        "    提示：换成课程自己的内容。",
    ]


def test_a_pipe_with_a_course_files_name_is_refused_not_waited_on(tmp_path: Path) -> None:
    write_course(tmp_path)
    os.mkfifo(tmp_path / "quizzes" / "stuck.yml")
    assert problems(tmp_path) == [
        "quizzes/stuck.yml:1:1: 这不是一个普通文件：课程文件的名字被一个文件夹、管道或设备占用了。\n"
        "    提示：给它改个名字，或者把课程文件本身放在这里。"
    ]
