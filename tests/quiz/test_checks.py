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
        "quizzes/quiz-a.yml:9:7: `questions[1].options`：单选题要恰好一个选项写 `correct: true`，现在有 2 个\n    提示：只在正确的那个选项下面写 `correct: true`",
        id="single-choice-needs-exactly-one-right-option",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE.replace("        correct: true\n", ""),
        "quizzes/quiz-a.yml:9:7: `questions[1].options`：单选题要恰好一个选项写 `correct: true`，现在有 0 个\n    提示：只在正确的那个选项下面写 `correct: true`",
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
        "quizzes/quiz-a.yml:16:7: `questions[2].options`：多选题至少要有一个选项写 `correct: true`\n    提示：在每个正确的选项下面写 `correct: true`",
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
      - {left: 乙, right: 二}
    distractors: [三, 一]
""",
        "quizzes/quiz-a.yml:11:22: 配对的右项 `一` 重复了，第 9 行已经有一个\n"
        "    提示：学员分不清两个一样的条目；删掉这一项，或者改写成不同的文字。",
        id="a-distractor-is-no-pair-s-right-side",
    ),
    pytest.param(
        HEAD + """\
  - id: match
    type: matching
    prompt: 配对
    pairs:
      - {left: 甲, right: 一}
      - {left: 乙, right: 二}
    distractors:
      - 三
      - 三
""",
        "quizzes/quiz-a.yml:13:9: 配对的右项 `三` 重复了，第 12 行已经有一个\n"
        "    提示：学员分不清两个一样的条目；删掉这一项，或者改写成不同的文字。",
        id="distractors-are-not-repeated",
    ),
    pytest.param(
        HEAD + """\
  - id: hot
    type: hotspot
    prompt: 点出公告栏
    image: images/counter.svg
    alt: 柜台正面
    areas:
      - {shape: rect, at: [62, 10, 40, 40], label: 公告栏}
""",
        "quizzes/quiz-a.yml:11:27: `questions[1].areas[1].at`：矩形 `[x, y, 宽, 高]` 超出了图片：宽和高要大于 0，x + 宽、y + 高都不能超过 100，这里是 102 和 50\n"
        "    提示：位置都按图片宽、高的百分比写，例如 `at: [62, 10, 30, 40]` 是从左边 62%、上边 10% 起，宽 30%、高 40%",
        id="a-hotspot-rectangle-stays-on-the-picture",
    ),
    pytest.param(
        HEAD + """\
  - id: hot
    type: hotspot
    prompt: 点出公告栏
    image: images/counter.svg
    alt: 柜台正面
    areas:
      - {shape: rect, at: [60, 10, 30, 40], label: 公告栏}
    distractor_areas:
      - {shape: polygon, points: [[70, 20], [80, 20], [75, 30]], label: 通知}
""",
        "quizzes/quiz-a.yml:13:9: `questions[1].distractor_areas[1]`：干扰区域“通知”的中心落在正确区域“公告栏”里：用键盘选它的学员会被判为答对\n"
        "    提示：把干扰区域移开，让它的中心不在任何正确区域里",
        id="a-distractor-area-is-not-inside-a-right-one",
    ),
    pytest.param(
        HEAD + """\
  - id: hot
    type: hotspot
    prompt: 点出公告栏
    image: images/counter.svg
    alt: 柜台正面
    areas:
      - {shape: rect, at: [60, 10, 30, 40], label: 公告栏}
    distractor_areas:
      - {shape: rect, at: [0, 0, 10, 10], label: 公告栏}
""",
        "quizzes/quiz-a.yml:13:50: 选项 `公告栏` 重复了，第 11 行已经有一个\n"
        "    提示：学员分不清两个一样的条目；删掉这一项，或者改写成不同的文字。",
        id="hotspot-area-labels-are-unique",
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
        "quizzes/quiz-a.yml:10:9: `questions[1].pairs[2]` 里缺少必填的键 `right`\n    提示：加上一行 `right: …`，写上它的内容",
        id="matching-pair-without-its-right-side",
    ),
    pytest.param(
        HEAD + """\
  - id: blank
    type: fill
    prompt: 填空____
    accept: []
""",
        "quizzes/quiz-a.yml:8:13: `questions[1].accept`：至少要写 1 项，现在有 0 项\n    提示：每项单独一行，以 `- ` 开头",
        id="fill-in-needs-accepted-answers",
    ),
    pytest.param(
        HEAD + """\
  - id: blank
    type: fill
    prompt: 填空____
    accept: [渠道, "　"]
""",
        "quizzes/quiz-a.yml:8:18: `questions[1].accept[2]`：这里不能是空的\n    提示：写上内容，或删掉这一项",
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
        "quizzes/quiz-a.yml:3:12: `pass_mark`：及格线 60% 达不到：没有一道自动评分的题有分值\n    提示：给题目写上 `points`，或写 `pass_mark: 0`",
        id="pass-mark-must-be-reachable",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE + GOOD_SINGLE,
        "quizzes/quiz-a.yml:12:9: 题目 id `ok` 重复了，第 5 行已经有一个\n"
        "    提示：学员的作答按 id 保存，两个相同的 id 会互相覆盖；把这一个改成别的，例如 `id: ok-2`。",
        id="question-ids-are-unique-in-a-bank",
    ),
    pytest.param(
        HEAD + "  - id: essay\n    type: short\n    prompt: 谈谈做法。\n    hint: 从倾听说起。\n    reference: 先倾听。\n    checklist: [倾听]\n",
        "quizzes/quiz-a.yml:8:11: `questions[1].hint`：简答题不写 `hint`：它没有对错要检查，参考答案和要点在学员写完后才显示\n"
        "    提示：把写作的提示写进 `prompt`，或删掉 `hint`",
        id="a-short-answer-takes-no-hint",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE.replace("    prompt:", "    explaination: 多余\n    prompt:"),
        "quizzes/quiz-a.yml:7:5: `questions[1]` 里有不认识的键 `explaination`\n    提示：是不是想写 `explanation`？",
        id="unknown-key-is-rejected-with-a-hint",
    ),
    pytest.param(
        HEAD + GOOD_SINGLE.replace("type: single", "type: singel"),
        "quizzes/quiz-a.yml:6:11: `questions[1].type`：只能写 `single`、`multiple`、`true_false`、`fill`、`ordering`、"
        "`matching`、`cloze`、`numeric`、`dragwords`、`short`、`hotspot` 中的一个，写的是 `singel`\n    提示：是不是想写 `single`？",
        id="unknown-question-type",
    ),
    pytest.param(
        HEAD + "  - id: c\n    type: cloze\n    prompt: 补全。\n    text: 投诉应在受理后答复。\n",
        "quizzes/quiz-a.yml:8:11: `questions[1].text`：多空填空题的文字里没有空\n    提示：把要填的地方写成 `{{答案}}`，例如 `投诉应在{{受理}}后答复`",
        id="a-cloze-needs-a-blank",
    ),
    pytest.param(
        HEAD + "  - id: c\n    type: cloze\n    prompt: 补全。\n    text: 投诉应在{{受理}}后{{ | }}答复。\n",
        "quizzes/quiz-a.yml:8:11: `questions[1].text`：有一个空 `{{}}` 里没有写答案\n    提示：在 `{{ }}` 里写上可接受的答案，几种答案用 `|` 分开，例如 `{{受理|登记}}`",
        id="a-cloze-blank-needs-an-answer",
    ),
    pytest.param(
        HEAD + "  - id: c\n    type: cloze\n    prompt: 补全。\n    text: 投诉应在{{受理}}后{{5个工作日内答复。\n",
        "quizzes/quiz-a.yml:8:11: `questions[1].text`：有一个空只写了 `{{`，没有写 `}}`\n    提示：每个空写成 `{{答案}}`，两头都要写",
        id="a-cloze-blank-must-be-closed",
    ),
    pytest.param(
        HEAD + "  - id: n\n    type: numeric\n    prompt: 几天？\n    answer: 15\n    tolerance: -1\n",
        "quizzes/quiz-a.yml:9:16: `questions[1].tolerance`：不能小于 0，写的是 `-1`",
        id="a-tolerance-is-not-negative",
    ),
    pytest.param(
        HEAD + "  - id: n\n    type: numeric\n    prompt: 几天？\n    answer: 十五\n",
        "quizzes/quiz-a.yml:8:13: `questions[1].answer`：这里要写数字，写的是 `十五`\n    提示：只写阿拉伯数字，不带单位，例如 `answer: 60`",
        id="a-numeric-answer-is-a-number",
    ),
    pytest.param(
        HEAD + "  - id: d\n    type: dragwords\n    prompt: 放词。\n    text: 先倾听，再核实。\n    distractors: [争辩]\n",
        "quizzes/quiz-a.yml:8:11: `questions[1].text`：拖放填词题的文字里没有空\n    提示：把要放词语的地方写成 `[[词语]]`，例如 `先[[倾听]]，再[[核实]]`",
        id="drag-the-words-needs-a-blank",
    ),
    pytest.param(
        HEAD + "  - id: d\n    type: dragwords\n    prompt: 放词。\n    text: 先[[倾听]]，再[[核实]]。\n    distractors: [争辩, 倾听]\n",
        "quizzes/quiz-a.yml:9:23: `questions[1].distractors[2]`：词语“倾听”出现了两次：每个词语在可选词语里只能有一个\n    提示：删掉重复的一个，或者换一个词语",
        id="a-drag-word-is-offered-once",
    ),
    pytest.param(
        HEAD + "  - id: d\n    type: dragwords\n    prompt: 放词。\n    text: 先[[倾听]]，再[[倾听]]。\n",
        "quizzes/quiz-a.yml:8:11: `questions[1].text`：词语“倾听”出现了两次：每个词语在可选词语里只能有一个\n    提示：删掉重复的一个，或者换一个词语",
        id="a-drag-word-fills-one-blank",
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
