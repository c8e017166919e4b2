"""Every build-time check of a question bank names the trainer's file and line, with the exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coursefiles import COURSE, problems, write_course

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


def bank_errors(root: Path, bank: str, course: str = COURSE) -> list[str]:
    """Every error reported for a one-lecture course whose only bank is ``bank``."""
    write_course(root, {"course/course.yml": course, "quizzes/quiz-a.yml": bank})
    return problems(root, errors_only=True)


BAD_BANKS = [
    pytest.param(
        HEAD + GOOD_SINGLE.replace("      - text: 乙\n", "      - text: 乙\n        correct: true\n"),
        "quizzes/quiz-a.yml:5:5: `questions[0]`: a single-choice question needs exactly one option with `correct: true` (found 2)",
        id="single-choice-needs-exactly-one-right-option",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE.replace("        correct: true\n", ""),
        "quizzes/quiz-a.yml:5:5: `questions[0]`: a single-choice question needs exactly one option with `correct: true` (found 0)",
        id="single-choice-without-right-option",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE + """\
  - id: many
    type: multiple
    prompt: 哪些对？
    options:
      - text: 甲
      - text: 乙
""",
        "quizzes/quiz-a.yml:12:5: `questions[1]`: a multiple-choice question needs at least one option with `correct: true`",
        id="multiple-choice-needs-a-right-option",
    ),
    pytest.param(
        HEAD + """\
  - id: order
    type: ordering
    prompt: 排序
    items: [倾听, 记录, 倾听]
""",
        "quizzes/quiz-a.yml:8:21: 排序项 `倾听` 重复了，第 8 行已经有一个\n"
        "    提示：学员分不清两个一样的条目；删掉这一项，或者改写成不同的文字。",
        id="ordering-items-are-unique",
    ),
    pytest.param(
        HEAD + """\
  - id: match
    type: matching
    prompt: 配对
    pairs:
      - {left: 甲, right: 一}
      - {left: 乙, right: 一}
""",
        "quizzes/quiz-a.yml:10:26: 配对的右项 `一` 重复了，第 9 行已经有一个\n"
        "    提示：学员分不清两个一样的条目；删掉这一项，或者改写成不同的文字。",
        id="matching-pairs-are-one-to-one",
    ),
    pytest.param(
        HEAD + """\
  - id: match
    type: matching
    prompt: 配对
    pairs:
      - {left: 甲, right: 一}
      - left: 乙
""",
        "quizzes/quiz-a.yml:10:9: missing required key `right` in `questions[0].pairs[1]`",
        id="matching-pair-without-its-right-side",
    ),
    pytest.param(
        HEAD + """\
  - id: blank
    type: fill
    prompt: 填空____
    accept: []
""",
        "quizzes/quiz-a.yml:8:13: `questions[0].accept`: list should have at least 1 item after validation, not 0 (found a list)",
        id="fill-in-needs-accepted-answers",
    ),
    pytest.param(
        HEAD + """\
  - id: blank
    type: fill
    prompt: 填空____
    accept: [渠道, "　"]
""",
        "quizzes/quiz-a.yml:8:18: `questions[0].accept[1]`: string should have at least 1 character (found '\\u3000')",
        id="fill-in-accepted-answer-cannot-be-blank",
    ),
    pytest.param(
        HEAD + """\
  - id: essay
    type: short
    prompt: 谈谈体会。
    reference: 参考答案
    checklist: [有体会]
""",
        "quizzes/quiz-a.yml:1:1: pass_mark 60% cannot be reached: no auto-graded question carries points",
        id="pass-mark-must-be-reachable",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE + GOOD_SINGLE,
        "quizzes/quiz-a.yml:12:9: 题目 id `ok` 重复了，第 5 行已经有一个\n"
        "    提示：学员的作答按 id 保存，两个相同的 id 会互相覆盖；把这一个改成别的，例如 `id: ok-2`。",
        id="question-ids-are-unique-in-a-bank",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE.replace("    prompt:", "    explaination: 多余\n    prompt:"),
        "quizzes/quiz-a.yml:7:5: unknown key `explaination` in `questions[0]`\n    hint: did you mean `explanation`?",
        id="unknown-key-is-rejected-with-a-hint",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE.replace("type: single", "type: singel"),
        "quizzes/quiz-a.yml:6:11: `questions[0].type` must be one of: single, multiple, true_false, fill, ordering, "
        "matching, short (found `singel`)\n    hint: did you mean `single`?",
        id="unknown-question-type",
    ),
]
"""(bank text, the one error it must give): a row per check."""


@pytest.mark.parametrize(("bank", "message"), BAD_BANKS)
def test_a_bad_bank_gives_its_exact_error(tmp_path: Path, bank: str, message: str) -> None:
    assert bank_errors(tmp_path, bank) == [message]


BAD_FINAL_ASSESSMENTS = [
    pytest.param(
        """\
final_assessment:
  id: final
  title: 结业测评
  pass_mark: 60
  draw:
    - bank: quiz-a
      count: 3
""",
        "course/course.yml:14:14: 不能从题库 `quiz-a` 抽 3 道题，它只有 1 道\n    提示：把 `count` 改成 1 或更少，或者给题库加题。",
        id="final-assessment-cannot-draw-more-than-a-bank-holds",
    ),
    pytest.param(
        """\
final_assessment:
  id: final
  title: 结业测评
  pass_mark: 60
  draw:
    - bank: quiz-b
      count: 1
""",
        "course/course.yml:13:13: 找不到 id 为 `quiz-b` 的题库\n    提示：是不是 `quiz-a`？",
        id="final-assessment-names-an-existing-bank",
    ),
]
"""(the final_assessment block of course.yml, the one error it must give)."""


@pytest.mark.parametrize(("final", "message"), BAD_FINAL_ASSESSMENTS)
def test_a_bad_final_assessment_gives_its_exact_error(tmp_path: Path, final: str, message: str) -> None:
    assert bank_errors(tmp_path, HEAD + GOOD_SINGLE, COURSE + final) == [message]
