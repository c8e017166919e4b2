"""Timetable outlines (09:00-10:30 rows, 上午/下午, 第一天/第二天, no numbering): rows become lectures with their times."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coursegen.importer import Imported, import_outline

from .outlines import FIXTURES, import_text, shape

TIMETABLE = FIXTURES / "timetable.txt"


@pytest.fixture(scope="module")
def timetable() -> Imported:
    return import_outline(TIMETABLE)


def test_each_session_row_is_a_lecture_timed_by_its_range(timetable: Imported) -> None:
    lectures = timetable.outline.lectures
    assert [(l.title, l.minutes) for l in lectures] == [
        ("投诉的成因与类型", 90),
        ("客户情绪的识别与安抚", 75),
        ("投诉处理的基本流程", 90),
        ("投诉记录与复盘", 75),
        ("服务补救的方法", 90),
        ("投诉升级的预防", 75),
        ("情景演练：网点投诉处理全流程", 90),
        ("投诉预防的日常机制", 45),
    ]
    assert all(l.label is None for l in lectures)  # the site numbers them 第N讲
    assert shape(timetable.outline)[2] == ("投诉处理的基本流程", [("倾听与确认", []), ("提出解决方案", []), ("跟进与回访", [])])


def test_the_closing_row_keeps_its_time_and_is_not_swallowed(timetable: Imported) -> None:
    outline = timetable.outline
    assert (outline.closing_title, outline.closing_minutes) == ("总结与答疑", 30)
    assert [a.details for a in outline.activities()] == [[], [], [], [], []]


def test_the_course_time_day_start_and_lunch_come_from_the_timetable(timetable: Imported) -> None:
    outline = timetable.outline
    assert (outline.days, outline.hours_per_day) == (2, 5.5)
    assert (outline.day_start, outline.lunch) == ("09:00", ("12:00", "13:30"))
    duration = yaml.safe_load(timetable.files("c")["course.yml"])["duration"]
    assert duration == {"days": 2, "hours_per_day": 5.5, "day_start": "09:00", "lunch_start": "12:00", "lunch_end": "13:30"}


def test_breaks_sign_in_and_half_days_are_dropped_and_reported(timetable: Imported) -> None:
    skipped = [(e.number, e.text) for e in timetable.report.skipped]
    assert skipped == [
        (5, "08:30-09:00 学员签到"), (6, "上午"), (11, "10:30-10:45 茶歇"), (17, "下午"), (23, "15:00-15:15 茶歇"),
        (29, "10:30-10:45 茶歇"), (32, "12:00-13:30 午餐"), (34, "15:00-15:15 茶歇"),
    ]
    notes = [(e.number, e.reason) for e in timetable.report.notes]
    assert (16, "taken as the agenda's lunch break (12:00–13:30)") in notes
    assert (4, "day 1 of the timetable; counted in duration.days") in notes
    assert (25, "day 2 of the timetable; counted in duration.days") in notes
    assert (33, "a timed activity row; made a lecture of its own that holds the activity") in notes
    assert timetable.report.unplaced == []


def test_a_timed_activity_row_is_its_own_lecture_holding_the_activity(timetable: Imported) -> None:
    lecture = timetable.outline.lectures[6]
    assert [(a.kind, a.title) for a in lecture.activities] == [("drill", "网点投诉处理全流程")]


def test_written_course_time_wins_over_the_timetable_and_a_mismatch_is_reported(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        课程时间：1天，6小时/天
        上午 09:00-12:00 服务礼仪
        1.仪容仪表
        下午：13:30—16:30 服务流程
        1.迎候
    """)
    outline = imported.outline
    assert (outline.days, outline.hours_per_day) == (1, 6)
    assert [(l.title, l.minutes) for l in outline.lectures] == [("服务礼仪", 180), ("服务流程", 180)]
    assert outline.day_start == "09:00" and outline.lunch is None


def test_a_time_alone_takes_its_title_from_the_next_line_and_wrong_times_are_ignored(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        09:00-10:30
        服务礼仪
        • 仪容仪表
        10:30-09:45 服务流程
    """)
    assert [l.title for l in imported.outline.lectures] == ["服务礼仪", "服务流程"]
    assert imported.outline.lectures[0].minutes == 90
    assert (4, "ends before it starts (10:30–09:45); its times were ignored") in [(e.number, e.reason) for e in imported.report.notes]
