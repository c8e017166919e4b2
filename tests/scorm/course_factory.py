"""A two-lecture course for the SCORM tests, written into a temporary folder.

Its final assessment draws from a bank of true/false statements that are all true, so a browser
test passes it by choosing 对 everywhere and fails it by choosing 错.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from coursegen.builder import Paths
from coursegen.package import package_scorm12

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
    "02-respond.yml": "id: respond\ntitle: 回应客户\nduration_minutes: 50\nsections:\n  - id: how\n    title: 怎样回应\n    points: [复述客户的诉求]\n",
}

BANK = """\
id: quiz-listen
title: 倾听自测
questions:
  - {id: t1, type: true_false, prompt: 倾听时应让客户把话说完。, answer: true}
  - {id: t2, type: true_false, prompt: 复述诉求可以确认理解是否准确。, answer: true}
  - {id: t3, type: true_false, prompt: 回应前先表达对客户感受的理解。, answer: true}
"""


def write_course(root: Path, *, final: bool = True) -> Paths:
    """Write the course into ``root``; without ``final`` it has no final assessment (status: completed)."""
    files = {
        "mkdocs.yml": MKDOCS,
        "course/course.yml": COURSE + (FINAL if final else ""),
        "quizzes/quiz-listen.yml": BANK,
        **{f"course/lectures/{name}": text for name, text in LECTURES.items()},
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Paths(config=root / "mkdocs.yml", course=root / "course", quizzes=root / "quizzes", work=root / ".coursegen")


def built_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``graded`` (with the final assessment) and ``plain`` (without) as zips, built once per test session."""
    return _build(tmp_path_factory.getbasetemp() / "scorm-packages")


@functools.cache
def _build(root: Path) -> dict[str, Path]:
    return {
        name: package_scorm12(write_course(root / name, final=final), root / f"{name}.zip").output
        for name, final in (("graded", True), ("plain", False))
    }
