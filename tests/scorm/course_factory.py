"""A two-lecture course for the SCORM tests, written into a temporary folder.

Its final assessment draws from a bank of true/false statements that are all true, so a browser
test passes it by choosing 对 everywhere and fails it by choosing 错. The second lecture has a quiz with
every auto-graded question type, an image hotspot among them (and a self-graded one, which the LMS is not told of) and a homework
with a text field, for the interaction and draft tests.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from coursegen.builder import Paths
from coursegen.package import package_scorm

MKDOCS = """\
site_name: "投诉处理入门 & 实务"
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
  features: [navigation.instant]
plugins: [search]
markdown_extensions: [attr_list, md_in_html, admonition]
"""

COURSE = """\
id: 2024-complaints
title: 投诉处理入门 & 实务
subtitle: <两讲>
background: 用于测试 SCORM 包的小课程。
benefits: [掌握投诉处理的基本步骤]
audience: [一线员工]
duration: {days: 1, hours_per_day: 2}
lectures: [lectures/01-listen.yml, lectures/02-respond.yml]
"""

FINAL = """\
final_assessment:
  id: final-assessment
  title: 结业测评
  pass_mark: 60
  draw:
    - bank: quiz-listen
      count: 2
"""

LECTURES = {
    "01-listen.yml": "id: listen\ntitle: 倾听客户\nduration_minutes: 50\nsections:\n  - id: why\n    title: 为什么倾听\n    points: [先听完再回应]\n",
    "02-respond.yml": (
        "id: respond\ntitle: 回应客户\nduration_minutes: 50\nsections:\n  - id: how\n    title: 怎样回应\n"
        "    points: [复述客户的诉求]\nactivities:\n  - quiz: quiz-respond\n  - homework: reflection\n"
    ),
}

EVERY_TYPE = """\
id: quiz-respond
title: 回应自测
questions:
  - id: first-step
    type: single
    points: 2
    prompt: 客户投诉时，<b>第一步</b>应当怎样做？
    options:
      - text: 立刻解释规定
      - {text: 先倾听, correct: true}
      - text: 转给主管
  - id: good-habits
    type: multiple
    points: 3
    prompt: 以下哪些是好的回应习惯？
    options:
      - {text: 复述诉求, correct: true}
      - text: 打断客户
      - {text: 表达理解, correct: true}
  - id: blank
    type: fill
    prompt: 回应前先____客户的诉求。
    accept: [复述, 重复]
  - id: steps
    type: ordering
    points: 3
    prompt: 请排序：回应的步骤。
    items: [倾听, 复述, 解决]
  - id: pairs
    type: matching
    points: 2
    prompt: 将做法与效果配对：
    pairs:
      - {left: 倾听, right: 客户感到被尊重}
      - {left: 复述, right: 确认理解无误}
    distractors: [客户不再追问]
  - id: tf
    type: true_false
    prompt: 回应时可以承诺做不到的事。
    answer: false
  - id: words
    type: cloze
    prompt: 补全：先{{倾听}}，再{{复述|重复}}。
    text: 先{{倾听}}，再{{复述|重复}}。
  - id: minutes
    type: numeric
    prompt: 回应时限是几分钟？
    answer: 15
    tolerance: 1
    unit: 分钟
  - id: drag
    type: dragwords
    points: 2
    prompt: 把词语放进空里。
    text: 先[[倾听]]，再[[复述]]。
    distractors: [争辩]
  - id: spot
    type: hotspot
    prompt: 在柜台图上点出公告栏。
    image: images/counter.svg
    alt: 柜台正面：左边叫号屏，右边公告栏。
    areas:
      - {shape: rect, at: [62, 10, 30, 40], label: 公告栏}
    distractor_areas:
      - {shape: rect, at: [5, 10, 25, 25], label: 叫号屏}
  - id: summary
    type: short
    prompt: 用一句话总结回应的要点。
    reference: 先倾听，再复述，后解决。
    checklist: [提到倾听]
"""

PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="250"><rect width="400" height="250" fill="#eee"/></svg>\n'
"""The hotspot question's picture: any picture will do, its areas are percent of it."""

HOMEWORK = """\
id: reflection
title: 回应心得
intro: 写下你对回应客户的体会。
fields:
  - id: thoughts
    type: textarea
    label: 心得
    required: true
"""

BANK = """\
id: quiz-listen
title: 倾听自测
questions:
  - {id: t1, type: true_false, prompt: 倾听时应让客户把话说完。, answer: true}
  - {id: t2, type: true_false, prompt: 复述诉求可以确认理解是否准确。, answer: true}
  - {id: t3, type: true_false, prompt: 回应前先表达对客户感受的理解。, answer: true}
"""


RULE = """\
completion:
  required:
    - lecture: respond
"""
"""A completion rule beyond the default: the final assessment passed (the default, with one) and the second
lecture marked done."""


def write_course(root: Path, *, final: bool = True, rule: bool = False) -> Paths:
    """Write the course into ``root``; without ``final`` it has no final assessment (status: completed); with
    ``rule`` it declares :data:`RULE`."""
    files = {
        "mkdocs.yml": MKDOCS,
        "course/course.yml": COURSE + (FINAL if final else "") + (RULE if rule else ""),
        "quizzes/quiz-listen.yml": BANK,
        "quizzes/quiz-respond.yml": EVERY_TYPE,
        "course/homework/reflection.yml": HOMEWORK,
        "docs/images/counter.svg": PICTURE,
        **{f"course/lectures/{name}": text for name, text in LECTURES.items()},
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Paths(config=root / "mkdocs.yml", course=root / "course", quizzes=root / "quizzes", work=root / ".coursegen")


PACKAGES = {"graded": ("1.2", True), "plain": ("1.2", False), "graded2004": ("2004", True), "plain2004": ("2004", False),
            "ruled": ("1.2", True)}
"""Each test package's SCORM version and whether its course has a final assessment; ``ruled`` also declares
:data:`RULE`."""


def built_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every package of PACKAGES as a zip, built once per test session: ``graded`` and ``plain`` are
    SCORM 1.2 with and without the final assessment, ``graded2004`` and ``plain2004`` the same in 2004, ``ruled``
    SCORM 1.2 with the final assessment and a completion rule of its own."""
    return _build(tmp_path_factory.getbasetemp() / "scorm-packages")


@functools.cache
def _build(root: Path) -> dict[str, Path]:
    return {
        name: package_scorm(write_course(root / name, final=final, rule=name == "ruled"), root / f"{name}.zip", version=version).output
        for name, (version, final) in PACKAGES.items()
    }
