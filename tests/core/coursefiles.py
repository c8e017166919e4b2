"""Write small course folders for tests, from file texts."""

from __future__ import annotations

from pathlib import Path

COURSE = """\
id: t
title: 测试
background: 背景
benefits: [收益]
audience: [员工]
duration: {days: 1, hours_per_day: 1}
lectures: [lectures/one.yml]
"""

LECTURE = """\
id: one
title: 第一讲
duration_minutes: 60
sections:
  - id: s1
    title: 一节
    points: [要点]
"""


def write_course(root: Path, files: dict[str, str] | None = None) -> Path:
    """A valid one-lecture course in ``root`` with ``files`` (path → text) added or replaced."""
    texts = {"course/course.yml": COURSE, "course/lectures/one.yml": LECTURE, **(files or {})}
    for rel, text in texts.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "quizzes").mkdir(exist_ok=True)
    return root
