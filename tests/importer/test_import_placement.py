"""No text is dropped silently: every line ends up in a course file or in the report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursegen.importer import import_outline
from coursegen.importer.tokens import KEYS

from .outlines import FIXTURES, SEED

_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_STRUCTURE = re.compile(
    "|".join(sorted((w for words in KEYS.values() for w in words), key=len, reverse=True))
    + r"|^第?[一二三四五六七八九十]*[讲章]|^第[一二三四五六七八九十]+天|模块[一二三四五六七八九十]|老师|曾任|擅长领域|分钟|小时"
)
"""Headings, labels and units: structure the importer turns into fields (a day heading, the lectures' ``day``),
so they need not reappear as text."""


@pytest.mark.parametrize("path", [SEED, FIXTURES / "messy.txt"], ids=["seed", "messy"])
def test_every_line_is_in_the_course_files_or_in_the_report(path: Path) -> None:
    imported = import_outline(path)
    written = "".join(imported.files("c").values())
    reported = {e.number for e in imported.report.unplaced + imported.report.skipped}
    missing = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        runs = [run.removesuffix("等") for run in _RUN.findall(_STRUCTURE.sub(" ", line))]
        if number not in reported and any(run not in written for run in runs):
            missing.append((number, line))
    assert missing == []


def test_the_messy_outline_reports_what_it_could_not_place(tmp_path: Path) -> None:
    imported = import_outline(FIXTURES / "messy.txt")
    assert [(e.number, e.text) for e in imported.report.unplaced] == [(8, "授课方式：讲授、案例研讨、情景演练")]
    assert (12, "课程安排的第 1 天从这里开始") in [(e.number, e.reason) for e in imported.report.notes]
