"""Timetable rows: time ranges (09:00-10:30), half-day words (上午/下午) and the agenda lines that are never content.

Many outlines are written as a day's timetable rather than numbered chapters. Their breaks, meals and
sign-in rows are schedule, not teaching: read as text they end up as a case's background or a drill's
scenario. This module only recognises them; the parser decides what a row becomes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import written_minutes


@dataclass(frozen=True)
class TimeRange:
    """A row's time, in minutes after midnight, as the outline writes it."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        """The row's length; zero or less when the outline's times are wrong (10:30-09:00)."""
        return self.end - self.start

    @staticmethod
    def hhmm(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    def __str__(self) -> str:
        return f"{self.hhmm(self.start)}–{self.hhmm(self.end)}"


_CLOCK = r"([01]?\d|2[0-3])\s?[:：]\s?([0-5]\d)"
_RANGE = re.compile(rf"^{_CLOCK}\s?(?:[-—–~～至到－]{{1,2}})\s?{_CLOCK}[\s:：、,，|｜]*")
_HALF_DAY = re.compile(r"^(上午|下午|中午|晚上)(?=$|[\s:：(（0-9０-９])[\s:：]*")

BREAK_TITLE = "茶歇"
"""A break row's title when the outline writes only its time."""
BREAKS = ("课间休息", "中场休息", "茶歇", "茶点", "休息")
MEALS = ("午餐", "午饭", "午宴", "午休", "用餐", "早餐", "晚餐", "晚宴")
ARRIVAL = ("学员签到", "签到", "报到", "入场", "开班仪式", "开班", "开营仪式", "开营", "合影留念", "合影")
QUESTIONS = ("答疑", "问答", "Q&A")
"""Agenda words; a line made only of these (and 与/和/、) is an agenda row, never content.
午休作业打卡 is not one: 作业打卡 is not an agenda word, so the line stays an activity."""

_WORDS = sorted((*BREAKS, *MEALS, *ARRIVAL), key=len, reverse=True)
_AGENDA = re.compile(rf"^(?:{'|'.join(map(re.escape, _WORDS))}|[与和及、/&\s])+$", re.IGNORECASE)
_AGENDA_MAX = 16
"""An agenda row is short (茶歇, 午餐及午休); a longer line naming a meal is prose."""
_MEAL = re.compile("|".join(MEALS))
_QUESTIONS = re.compile("|".join(map(re.escape, QUESTIONS)), re.IGNORECASE)


@dataclass(frozen=True)
class Row:
    """What a line's timetable prefix says: its half-day word, its time range and the text after them."""

    half_day: str | None
    times: TimeRange | None
    rest: str


def timetable_row(text: str) -> Row | None:
    """The half-day word and time range that start ``text`` (上午 09:00-10:30 投诉的成因), or None if neither does."""
    half = _HALF_DAY.match(text)
    rest = text[half.end():] if half else text
    m = _RANGE.match(rest)
    if not half and not m:
        return None
    times = None
    if m:
        times = TimeRange(int(m[1]) * 60 + int(m[2]), int(m[3]) * 60 + int(m[4]))
        rest = rest[m.end():]
    return Row(half[1] if half else None, times, rest.strip())


def agenda_kind(text: str) -> str | None:
    """``"meal"``, ``"break"`` or ``"arrival"`` for a line that is only an agenda row (茶歇（15分钟）, 午餐及午休, 签到)."""
    core = written_minutes(text)[0].strip("。.:：;；,，")
    if not core or len(core) > _AGENDA_MAX or not _AGENDA.match(core):
        return None
    if _MEAL.search(core):
        return "meal"
    return "arrival" if any(word in core for word in ARRIVAL) else "break"


def asks_questions(text: str) -> bool:
    """True for a summary line that is a Q&A slot (总结与答疑): agenda, never a lecture's text."""
    return bool(_QUESTIONS.search(text))
