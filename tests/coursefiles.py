"""Small course folders for tests, written from file texts, and the exact problems the loader reports on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.load import CourseError, load_project

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


def problems(root: Path, *, errors_only: bool = False) -> list[str]:
    """Every problem ``coursegen.load`` reports for the course in ``root``, each as the trainer reads it
    (``course/lectures/one.yml:7:11: message``, paths relative to the course folder, as when run there).

    ``errors_only`` leaves warnings out. Fails the test if the course loads without a problem.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        try:
            load_project(Path("course"), Path("quizzes"))
        except CourseError as exc:
            return [str(p) for p in exc.problems if not errors_only or p.severity == "error"]
    raise AssertionError("the course loaded without errors")


def warnings(root: Path) -> list[str]:
    """The warnings ``coursegen.load`` gives for the valid course in ``root``, as the trainer reads them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        _project, found = load_project(Path("course"), Path("quizzes"))
    return [str(w) for w in found]
