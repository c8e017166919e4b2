"""Every build-time check of a question bank names the trainer's file and line, with the exact message."""

from __future__ import annotations

import os
from pathlib import Path

from generator.load import CourseError, load_project

from ..core.coursefiles import COURSE, write_course

HEAD = """\
id: quiz-a
title: 自测
pass_mark: 60
questions:
"""

GOOD_SINGLE = """\
  - id: ok
    type: single
    prompt: 对的是？
    options:
      - text: 甲
        correct: true
      - text: 乙
"""


def problems(root: Path, bank: str, course: str = COURSE) -> list[str]:
    """Every problem reported for a one-lecture course whose only bank is ``bank``."""
    write_course(root, {"course/course.yml": course, "quizzes/quiz-a.yml": bank})
    cwd = os.getcwd()
    os.chdir(root)
    try:
        load_project(Path("course"), Path("quizzes"))
    except CourseError as exc:
        return [str(p) for p in exc.problems if p.severity == "error"]
    finally:
        os.chdir(cwd)
    raise AssertionError("the course loaded without errors")


def test_single_choice_needs_exactly_one_right_option(tmp_path: Path) -> None:
    bank = HEAD + GOOD_SINGLE.replace("      - text: 乙\n", "      - text: 乙\n        correct: true\n")
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:5:5: `questions[0]`: a single-choice question needs exactly one option with `correct: true` (found 2)"
    ]


def test_single_choice_without_right_option(tmp_path: Path) -> None:
    bank = HEAD + GOOD_SINGLE.replace("        correct: true\n", "")
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:5:5: `questions[0]`: a single-choice question needs exactly one option with `correct: true` (found 0)"
    ]


def test_multiple_choice_needs_a_right_option(tmp_path: Path) -> None:
    bank = HEAD + GOOD_SINGLE + """\
  - id: many
    type: multiple
    prompt: 哪些对？
    options:
      - text: 甲
      - text: 乙
"""
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:12:5: `questions[1]`: a multiple-choice question needs at least one option with `correct: true`"
    ]


def test_ordering_items_are_unique(tmp_path: Path) -> None:
    bank = HEAD + """\
  - id: order
    type: ordering
    prompt: 排序
    items: [倾听, 记录, 倾听]
"""
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:5:5: `questions[0]`: ordering items must be unique; '倾听' appears twice"
    ]


def test_matching_pairs_are_one_to_one(tmp_path: Path) -> None:
    bank = HEAD + """\
  - id: match
    type: matching
    prompt: 配对
    pairs:
      - {left: 甲, right: 一}
      - {left: 乙, right: 一}
"""
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:5:5: `questions[0]`: matching pairs must be one-to-one; right side repeats '一'"
    ]


def test_matching_pair_without_its_right_side(tmp_path: Path) -> None:
    bank = HEAD + """\
  - id: match
    type: matching
    prompt: 配对
    pairs:
      - {left: 甲, right: 一}
      - left: 乙
"""
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:10:9: missing required key `right` in `questions[0].pairs[1]`"
    ]


def test_fill_in_needs_accepted_answers(tmp_path: Path) -> None:
    bank = HEAD + """\
  - id: blank
    type: fill
    prompt: 填空____
    accept: []
"""
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:8:13: `questions[0].accept`: list should have at least 1 item after validation, not 0 (found a list)"
    ]


def test_fill_in_accepted_answer_cannot_be_blank(tmp_path: Path) -> None:
    bank = HEAD + """\
  - id: blank
    type: fill
    prompt: 填空____
    accept: [渠道, "　"]
"""
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:8:18: `questions[0].accept[1]`: string should have at least 1 character (found '\\u3000')"
    ]


def test_pass_mark_must_be_reachable(tmp_path: Path) -> None:
    bank = HEAD + """\
  - id: essay
    type: short
    prompt: 谈谈体会。
    reference: 参考答案
    checklist: [有体会]
"""
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:1:1: pass_mark 60% cannot be reached: no auto-graded question carries points"
    ]


def test_question_ids_are_unique_in_a_bank(tmp_path: Path) -> None:
    assert problems(tmp_path, HEAD + GOOD_SINGLE + GOOD_SINGLE) == [
        "quizzes/quiz-a.yml:1:1: question id 'ok' is used twice in this bank"
    ]


def test_unknown_key_is_rejected_with_a_hint(tmp_path: Path) -> None:
    bank = HEAD + GOOD_SINGLE.replace("    prompt:", "    explaination: 多余\n    prompt:")
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:7:5: unknown key `explaination` in `questions[0]`\n    hint: did you mean `explanation`?"
    ]


def test_unknown_question_type(tmp_path: Path) -> None:
    bank = HEAD + GOOD_SINGLE.replace("type: single", "type: singel")
    assert problems(tmp_path, bank) == [
        "quizzes/quiz-a.yml:6:11: `questions[0].type` must be one of: single, multiple, true_false, fill, ordering, "
        "matching, short (found `singel`)\n    hint: did you mean `single`?"
    ]


def test_final_assessment_cannot_draw_more_than_a_bank_holds(tmp_path: Path) -> None:
    course = COURSE + """\
final_assessment:
  id: final
  title: 结业测评
  pass_mark: 60
  draw:
    - bank: quiz-a
      count: 3
"""
    assert problems(tmp_path, HEAD + GOOD_SINGLE, course) == [
        "course/course.yml:14:14: cannot draw 3 questions from bank `quiz-a`: it holds 1"
    ]


def test_final_assessment_names_an_existing_bank(tmp_path: Path) -> None:
    course = COURSE + """\
final_assessment:
  id: final
  title: 结业测评
  pass_mark: 60
  draw:
    - bank: quiz-b
      count: 1
"""
    assert problems(tmp_path, HEAD + GOOD_SINGLE, course) == [
        "course/course.yml:13:13: no question bank with id `quiz-b`\n    hint: did you mean `quiz-a`?"
    ]
