"""An outline of several days (第一天 / 第二天, Day 1 …): each lecture is on the day the outline says, in the
course files (the lecture's ``day``) and in the site's agenda (one table per day)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coursegen.importer import Imported, write_files
from coursegen.load import load_project
from coursegen.render import render_site

from .outlines import import_text

TWO_DAYS = """
    课程名称：网点服务
    课程时间：2天，6小时/天
    课程大纲：
    {one}
    第一讲 服务礼仪（60分钟）
    一、仪容仪表
    第二讲 厅堂动线（60分钟）
    一、迎候
    {two}
    第三讲 投诉处理（180分钟）
    一、受理
    第四讲 服务补救（180分钟）
    一、道歉
"""
"""Day one is short: laid out by hours alone, the third lecture would still fit on it."""


def _agenda(imported: Imported, tmp_path: Path) -> str:
    write_files(imported.files("c"), tmp_path / "course", force=False)
    project, _ = load_project(tmp_path / "course", tmp_path / "quizzes")
    return next(p for p in render_site(project).pages if p.path == "agenda.md").content


def _days(agenda: str) -> dict[str, list[str]]:
    """Day heading → the lecture titles of its table."""
    days: dict[str, list[str]] = {}
    for line in agenda.splitlines():
        if line.startswith("## "):
            days[line[3:]] = []
        elif line.startswith("| ") and "](" in line:
            days[list(days)[-1]].append(line.split("[", 1)[1].split("](")[0])
    return days


@pytest.mark.parametrize(("one", "two"), [("第一天", "第二天"), ("Day 1", "Day 2"), ("第1天：认知", "第2天：实战")])
def test_each_lecture_is_on_the_day_the_outline_says(tmp_path: Path, one: str, two: str) -> None:
    imported = import_text(tmp_path, TWO_DAYS.format(one=one, two=two))
    files = imported.files("c")
    assert [yaml.safe_load(files[f"lectures/0{n}-lecture-{n}.yml"])["day"] for n in range(1, 5)] == [1, 1, 2, 2]
    assert _days(_agenda(imported, tmp_path)) == {
        "第 1 天": ["第一讲 服务礼仪", "第二讲 厅堂动线"],
        "第 2 天": ["第三讲 投诉处理", "第四讲 服务补救"],
    }


def test_the_second_day_starts_at_the_days_start(tmp_path: Path) -> None:
    agenda = _agenda(import_text(tmp_path, TWO_DAYS.format(one="第一天", two="第二天")), tmp_path)
    day_two = agenda[agenda.index("## 第 2 天"):]
    assert "| 09:00–12:00 | [第三讲 投诉处理]" in day_two and "| 13:30–16:30 | [第四讲 服务补救]" in day_two


def test_without_day_headings_lectures_carry_no_day(tmp_path: Path) -> None:
    imported = import_text(tmp_path, TWO_DAYS.format(one="", two=""))
    assert all("day:" not in text for path, text in imported.files("c").items() if path.startswith("lectures/"))
    assert _days(_agenda(imported, tmp_path)) == {  # laid out by hours: six a day
        "第 1 天": ["第一讲 服务礼仪", "第二讲 厅堂动线", "第三讲 投诉处理"],
        "第 2 天": ["第四讲 服务补救"],
    }


def test_days_without_a_course_time_make_the_course_that_long(tmp_path: Path) -> None:
    imported = import_text(tmp_path, TWO_DAYS.format(one="第一天", two="第二天").replace("课程时间：2天，6小时/天", ""))
    assert (imported.outline.days, imported.outline.hours_per_day) == (2, 6)
    assert "没有找到课程时间，按 2 天、每天 6 小时计算" in [e.reason for e in imported.report.notes]


def test_a_lecture_without_a_day_follows_the_one_before(tmp_path: Path) -> None:
    """A trainer who adds a lecture file without ``day`` gets it after the previous lecture, on its day."""
    imported = import_text(tmp_path, TWO_DAYS.format(one="第一天", two="第二天"))
    write_files(imported.files("c"), tmp_path / "course", force=False)
    second = tmp_path / "course" / "lectures" / "02-lecture-2.yml"
    second.write_text(second.read_text(encoding="utf-8").replace("day: 1\n", ""), encoding="utf-8")
    fourth = tmp_path / "course" / "lectures" / "04-lecture-4.yml"
    fourth.write_text(fourth.read_text(encoding="utf-8").replace("day: 2\n", ""), encoding="utf-8")
    project, _ = load_project(tmp_path / "course", tmp_path / "quizzes")
    agenda = next(p for p in render_site(project).pages if p.path == "agenda.md").content
    assert _days(agenda) == {
        "第 1 天": ["第一讲 服务礼仪", "第二讲 厅堂动线"],
        "第 2 天": ["第三讲 投诉处理", "第四讲 服务补救"],
    }
