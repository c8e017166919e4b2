"""The SCORM tests' two-lecture course (tests/scorm/course_factory.py) with an ``lrs`` setting, packaged for cmi5.

Its final assessment is passed by choosing 对 everywhere and failed by choosing 错, as in the SCORM tests.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from coursegen.builder import Paths
from coursegen.choices import EngineName
from coursegen.package.cmi5 import package_cmi5
from tests.scorm.course_factory import write_course

ACTIVITY_ID = "https://learning.example.com/courses/2024-complaints"
LRS = f"lrs:\n  endpoint: https://lrs.example.com/xAPI/\n  activity_id: {ACTIVITY_ID}\n"


def write_cmi5_course(root: Path, *, final: bool = True, lrs: bool = True) -> Paths:
    """The SCORM tests' course in ``root``, with :data:`LRS` unless ``lrs`` is false."""
    paths = write_course(root, final=final)
    if lrs:
        course = paths.course / "course.yml"
        course.write_text(course.read_text(encoding="utf-8") + LRS, encoding="utf-8")
    return paths


def cmi5_package(tmp_path_factory: pytest.TempPathFactory, engine: EngineName = "mkdocs", *, final: bool = True) -> Path:
    """The course as a cmi5 zip built with ``engine``, once per test session (with or without its final assessment)."""
    return _build(tmp_path_factory.getbasetemp() / "cmi5-packages", engine, final)


@functools.cache
def _build(root: Path, engine: EngineName, final: bool) -> Path:
    name = f"{engine}-{'graded' if final else 'plain'}"
    return package_cmi5(write_cmi5_course(root / name, final=final), root / f"{name}.zip", engine=engine).output
