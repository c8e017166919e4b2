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
    assert duration == {
        "days": 2, "hours_per_day": 5.5, "day_start": "09:00", "lunch_start": "12:00", "lunch_end": "13:30",
        "breaks": [{"start": "10:30", "end": "10:45", "title": "茶歇"}, {"start": "15:00", "end": "15:15", "title": "茶歇"}],
    }
    assert '  day_start: "09:00"\n' in timetable.files("t")["course.yml"]  # quoted: a bare 10:30 is a number in YAML 1.1


def test_breaks_become_agenda_rows_and_sign_in_and_half_days_are_reported(timetable: Imported) -> None:
    skipped = [(e.number, e.text) for e in timetable.report.skipped]
    assert skipped == [(5, "08:30-09:00 学员签到"), (6, "上午"), (17, "下午"), (32, "12:00-13:30 午餐")]
    notes = [(e.number, e.reason) for e in timetable.report.notes]
    assert (11, "作为课程安排中的休息（10:30–10:45）") in notes and (29, "作为课程安排中的休息（10:30–10:45）") in notes
    assert (16, "作为课程安排中的午休（12:00–13:30）") in notes
    assert (4, "课程安排的第 1 天从这里开始") in notes
    assert (25, "课程安排的第 2 天从这里开始") in notes
    assert (33, "带时间的活动行，单独作为一讲，活动放在这一讲里") in notes
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
    assert (4, "结束时间早于开始时间（10:30–09:45），这一行的时间没有采用") in [(e.number, e.reason) for e in imported.report.notes]


def test_the_sites_agenda_has_the_outlines_days_breaks_and_times(timetable: Imported, tmp_path: Path) -> None:
    """The rendered agenda matches the outline row by row: one table per day, tea and lunch breaks as rows."""
    from coursegen.importer import write_files
    from coursegen.load import load_project
    from coursegen.render import render_site

    write_files(timetable.files("t"), tmp_path / "course", force=False)
    project, _ = load_project(tmp_path / "course", tmp_path / "quizzes")
    agenda = next(p for p in render_site(project).pages if p.path == "agenda.md").content
    rows = [line.split(" | ")[:2] for line in agenda.splitlines() if line.startswith("| 0") or line.startswith("| 1")]
    assert [f"{when[2:]} {what.split('](')[0].lstrip('[')}" for when, what in rows] == [
        "09:00–10:30 第一讲 投诉的成因与类型", "10:30–10:45 茶歇", "10:45–12:00 第二讲 客户情绪的识别与安抚",
        "12:00–13:30 午休", "13:30–15:00 第三讲 投诉处理的基本流程", "15:00–15:15 茶歇", "15:15–16:30 第四讲 投诉记录与复盘",
        "09:00–10:30 第五讲 服务补救的方法", "10:30–10:45 茶歇", "10:45–12:00 第六讲 投诉升级的预防",
        "12:00–13:30 午休", "13:30–15:00 第七讲 情景演练：网点投诉处理全流程", "15:00–15:15 茶歇",
        "15:15–16:00 第八讲 投诉预防的日常机制", "16:00–16:30 总结与答疑",
    ]
    assert agenda.index("## 第 1 天") < agenda.index("09:00–10:30 | [第一讲") < agenda.index("## 第 2 天") < agenda.index("09:00–10:30 | [第五讲")
