"""Agenda lines (times, breaks, meals, 签到, 答疑) are never course content: not an activity's text, not a title."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coursegen.importer.agenda import agenda_kind, timetable_row
from coursegen.load.problems import display_path
from coursegen.model import Duration

from .outlines import import_text


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("茶歇", "break"), ("茶歇（15分钟）", "break"), ("课间休息", "break"),
        ("午餐", "meal"), ("午餐及午休", "meal"), ("午餐/午休", "meal"),
        ("签到", "arrival"), ("学员签到", "arrival"), ("签到、开班仪式", "arrival"),
    ],
)
def test_agenda_lines(line: str, kind: str) -> None:
    assert agenda_kind(line) == kind


@pytest.mark.parametrize("line", ["午休作业打卡：总结近半年的投诉", "午餐时间客户较多怎么办", "休息区的客户引导", "签到率"])
def test_lines_that_only_mention_a_break_are_not_agenda(line: str) -> None:
    assert agenda_kind(line) is None


@pytest.mark.parametrize(
    ("line", "times", "rest"),
    [
        ("09:00-10:30 投诉的成因", "09:00–10:30", "投诉的成因"),
        ("9:00—10:30：投诉的成因", "09:00–10:30", "投诉的成因"),
        ("09：00～10：30 投诉的成因", "09:00–10:30", "投诉的成因"),
        ("14:00至15:30 情景演练", "14:00–15:30", "情景演练"),
        ("上午 09:00-12:00 服务礼仪", "09:00–12:00", "服务礼仪"),
        ("下午：服务流程", None, "服务流程"),
    ],
)
def test_timetable_rows(line: str, times: str | None, rest: str) -> None:
    row = timetable_row(line)
    assert row is not None and (str(row.times) if row.times else None, row.rest) == (times, rest)


@pytest.mark.parametrize("line", ["下午茶的准备", "2021年3月15日", "3.15前后", "1:1 还原现场"])
def test_lines_that_are_not_timetable_rows(line: str) -> None:
    assert timetable_row(line) is None


def test_breaks_and_meals_after_activities_do_not_become_their_text(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 投诉的成因
        一、客户期望
        案例分析：排队高峰
        午餐
        情景演练：客户要求插队
        茶歇
        互动讨论：哪些承诺不能随口说
        签到
        第二讲 投诉的处理
        一、倾听
    """)
    files = imported.files("c")
    assert yaml.safe_load(files["cases/case-1.yml"])["background"] == "（待补充：案例背景，即事情发生前的情况）"
    assert yaml.safe_load(files["drills/drill-1.yml"])["scenario"] == "（待补充：演练情境）"
    assert yaml.safe_load(files["discussions/discussion-1.yml"])["prompt"] == "哪些承诺不能随口说"
    assert [(e.number, e.text) for e in imported.report.skipped] == [(4, "午餐"), (6, "茶歇"), (8, "签到")]
    assert "午餐" not in "".join(files.values()).replace("# ", "")


def test_a_timed_closing_after_a_discussion_is_the_course_closing(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        09:00-12:00 投诉的处理
        一、倾听
        互动讨论：哪些承诺不能随口说
        16:00-16:30 总结与答疑
    """)
    outline = imported.outline
    assert (outline.closing_title, outline.closing_minutes) == ("总结与答疑", 30)
    assert outline.activities()[0].details == []
    assert yaml.safe_load(imported.files("c")["discussions/discussion-1.yml"])["prompt"] == "哪些承诺不能随口说"


def test_a_q_and_a_slot_inside_the_course_is_reported_not_content(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        案例：乙
        答疑
        第二讲 丙
        一、节
        总结与回顾
    """)
    assert imported.outline.activities()[0].details == []
    assert [(e.number, e.reason) for e in imported.report.skipped] == [
        (4, "课程中间的总结或答疑时段；课程只有一个结尾环节，放在最后"),
    ]
    assert imported.outline.closing_title == "总结与回顾"


def test_a_line_taken_as_an_activitys_description_is_listed_as_a_guess(tmp_path: Path) -> None:
    imported = import_text(tmp_path, """
        第一讲 甲
        一、节
        案例：小王的汇报
        小王在季度会上汇报时被领导打断。
        总结
        第二讲 丙
        一、节
    """)
    case = imported.outline.activities()[0]
    assert case.details == ["小王在季度会上汇报时被领导打断。"]  # the lecture's own 总结 ends the case
    assert (4, "作为上面活动 case-1 的说明", "如果它其实是大纲内容，请在大纲里把它移到活动那一行的前面再导入。") in [
        (e.number, e.reason, e.hint) for e in imported.report.notes
    ]
    assert imported.outline.lectures[0].sections[0].body == ["总结"]


def test_report_entries_that_need_a_fix_give_it_on_the_next_line_as_errors_do(tmp_path: Path) -> None:
    """The fix is printed under the entry after 提示：, as under an error; the break hint's YAML really works."""
    imported = import_text(tmp_path, """
        课程时间：看情况
        第一讲 投诉的成因（30分钟）
        一、客户期望
        茶歇
    """)
    printed = imported.report.format().splitlines()
    where = display_path(tmp_path / "outline.txt")
    at = printed.index(f"  {where}:4:1: “茶歇”：没有写时间的休息，课程安排按时间排列，没有采用")
    hint = printed[at + 1]
    assert hint.startswith("    提示：在大纲里写上时间再导入，例如 `10:30-10:45 茶歇`；或者在 course.yml 的 `duration` 下写 `breaks: ")
    snippet = hint.split("`")[-2]
    duration = Duration.model_validate({"days": 1, "hours_per_day": 6, **yaml.safe_load(snippet)})
    assert [(b.start, b.end, b.title) for b in duration.breaks] == [("10:30", "10:45", "茶歇")]
    at = printed.index(f"  {where}:1:1: “课程时间：看情况”：读不出课程时间")
    assert printed[at + 1] == "    提示：在大纲里写成 `课程时间：2天，6小时/天` 这样再导入。"
    mismatch = next(i for i, line in enumerate(printed) if "但课程共 360 分钟" in line)
    assert printed[mismatch + 1] == "    提示：改各讲文件里的 `duration_minutes`（例如 `duration_minutes: 90`），让合计等于 360 分钟。"
