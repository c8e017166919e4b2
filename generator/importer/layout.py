"""Complete the parsed outline so it validates: ids, corrected lecture labels, times, stand-ins for missing fields.

Every stand-in is marked 待补充 (to be filled in) and every correction is noted in the report, so the
trainer sees what the importer decided instead of the outline.
"""

from __future__ import annotations

import math

from pydantic import ValidationError

from ..load.standins import stand_in
from .metadata import DEFAULT_HOURS_PER_DAY
from ..model import Duration
from ..messages import say
from ..numerals import chinese_number
from .patterns import written_minutes
from .report import Report
from .tree import LectureNode, Node, Outline

CLOSING_MINUTES = 30
"""Time given to 总结与回顾 when the outline has one, at most a tenth of the course."""
MAX_LECTURE_MINUTES = 24 * 60


def lay_out(outline: Outline, report: Report) -> None:
    """Fill ids, labels, minutes and stand-ins in place; note each decision in ``report``."""
    for n, lecture in enumerate(outline.lectures, 1):
        lecture.id = f"lecture-{n}"
        lecture.label = _label(lecture, n, report)
        lecture.title, written = written_minutes(lecture.title)
        lecture.minutes = min(written or lecture.minutes, MAX_LECTURE_MINUTES)  # else the timetable's, if any
        if not lecture.title:
            lecture.title = stand_in("讲次标题")
            report.note(lecture.line, lecture.label or "", say("import.untitled_lecture"))
        _sections(lecture, report)
    _metadata(outline, report)
    _minutes(outline, report)


def _metadata(outline: Outline, report: Report) -> None:
    for field, label, value in (
        ("title", "课程标题", stand_in("课程标题")),
        ("background", "课程背景", [stand_in("课程背景")]),
        ("benefits", "课程收益", [stand_in("课程收益")]),
        ("audience", "课程对象", [stand_in("课程对象")]),
    ):
        if not getattr(outline, field):
            setattr(outline, field, value)
            report.note(0, "", say("import.missing", label=label))
    if (outline.days is None or outline.hours_per_day is None) and outline.timed:
        _timetable_duration(outline, report)
    if outline.days is None or outline.hours_per_day is None:
        outline.days, outline.hours_per_day = float(max(1, outline.day_headings)), DEFAULT_HOURS_PER_DAY  # 第一天, 第二天: 2 days
        report.note(0, "", say("import.no_duration", days=f"{outline.days:g}", hours=f"{DEFAULT_HOURS_PER_DAY:g}"))
    try:
        Duration(days=outline.days, hours_per_day=outline.hours_per_day)
    except ValidationError:
        report.note(0, "", say("import.duration_range", days=f"{outline.days:g}", hours=f"{outline.hours_per_day:g}", default=f"{DEFAULT_HOURS_PER_DAY:g}"))
        outline.days, outline.hours_per_day = 1.0, DEFAULT_HOURS_PER_DAY
    if outline.instructor and not outline.instructor.name:
        report.note(outline.instructor.line, "", say("import.nameless_instructor"))
        outline.instructor = None


def _timetable_duration(outline: Outline, report: Report) -> None:
    """Days from the timetable's day headings, hours per day from its rows: the sessions' and the
    closing's time (breaks are not course time), spread evenly over the days."""
    days = max(1, outline.day_headings)
    total = sum(lecture.minutes for lecture in outline.lectures) + outline.closing_minutes
    hours = round(total / days / 60, 2)
    if hours <= 0:
        return
    outline.days, outline.hours_per_day = float(days), hours
    report.note(0, "", say("import.timetable_duration", days=days, hours=f"{hours:g}"))


def _label(lecture: LectureNode, n: int, report: Report) -> str | None:
    """The lecture's label with its number corrected to its position: 第三讲 for a heading that lost its ordinal."""
    heading = lecture.heading
    if heading is None:
        return None
    numeral = str(n) if heading.arabic else chinese_number(n)
    label = f"第{numeral}{heading.unit}" if heading.prefixed else f"{heading.unit}{numeral}"
    if heading.number is None:
        report.note(lecture.line, lecture.title, say("import.label_missing", label=label))
    elif heading.number != n:
        report.note(lecture.line, lecture.title, say("import.label_renumbered", number=heading.number, n=n, label=label))
    elif not heading.regular:
        report.note(lecture.line, lecture.title, say("import.label_without_di", label=label))
    return label


def _sections(lecture: LectureNode, report: Report) -> None:
    """A lecture needs sections: unnumbered lines under it become sections, else a stand-in."""
    if not lecture.sections and lecture.summary:
        lecture.sections = [Node(text, lecture.line) for text in lecture.summary]
        lecture.summary = []
    if not lecture.sections:
        lecture.sections = [Node(stand_in("小节标题"), lecture.line)]
        report.note(lecture.line, lecture.title, say("import.no_sections"))


def _minutes(outline: Outline, report: Report) -> None:
    """Times written after headings (服务前置（90分钟）, already in ``minutes``) are kept; the rest of the
    course time is split over the other lectures in proportion to their size, in 5-minute steps where possible."""
    budget = round((outline.days or 1) * (outline.hours_per_day or DEFAULT_HOURS_PER_DAY) * 60)
    if outline.closing_title:
        outline.closing_title, written = written_minutes(outline.closing_title)
        default = outline.closing_minutes or min(CLOSING_MINUTES, budget // 50 * 5)  # the timetable's, if any
        outline.closing_minutes = min(written or default, MAX_LECTURE_MINUTES)
    free = [lecture for lecture in outline.lectures if not lecture.minutes]
    available = budget - outline.closing_minutes - sum(lecture.minutes for lecture in outline.lectures)
    step = 5 if available % 5 == 0 else 1
    for lecture, count in zip(free, _shares(max(0, available // step), [lecture.size() for lecture in free])):
        lecture.minutes = min(count * step, MAX_LECTURE_MINUTES)
    planned = sum(lecture.minutes for lecture in outline.lectures) + outline.closing_minutes
    times = say("import.separator").join(str(lecture.minutes) for lecture in outline.lectures)
    closing = say("import.closing_minutes", title=outline.closing_title, minutes=outline.closing_minutes) if outline.closing_title else ""
    if planned == budget:
        report.note(0, "", say("import.times_split", times=times, closing=closing))
    else:
        report.note(0, "", say("import.times_mismatch", times=times, closing=closing, planned=planned, budget=budget),
                    say("import.times_mismatch_hint", budget=budget))


def _shares(units: int, weights: list[int]) -> list[int]:
    """``units`` split in proportion to ``weights`` (largest remainder), at least 1 each."""
    if not weights:
        return []
    exact = [units * w / sum(weights) for w in weights]
    counts = [max(1, math.floor(e)) for e in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - math.floor(exact[i]), reverse=True)
    for i in by_remainder[: max(0, units - sum(counts))]:
        counts[i] += 1
    while sum(counts) > units and max(counts) > 1:
        counts[counts.index(max(counts))] -= 1
    return counts
