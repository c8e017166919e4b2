"""Dates as a trainee reads them: one formatter for every date a page shows, from the catalogue's strings.

A date is written with its weekday ("3月12日（周四）"), since 2026-03-12 names none and a trainee plans by the
week. The course date and the deadlines differ only in their format string (``date_format``,
``deadline_format``); the weekday names and the placeholders are the same, and ``cg-handin.js`` fills the
very same ones in the browser (its ``handin.dateFormat`` and ``handin.weekdays`` are aliases of these texts in
the catalogue), so a deadline reads alike on the page and in the trainee's receipt.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Literal

DateFormat = Literal["date_format", "deadline_format"]
"""The ``pages`` keys holding a date's format: ``{year} {month} {day} {weekday} {time}`` (``time``: HH:MM, or empty for a day)."""


def people_date(when: date, t: Mapping[str, str], key: DateFormat = "date_format") -> str:
    """``when`` as people say it, with its weekday, in the format ``t[key]`` (``t``: the course language's page labels).

    A datetime is read in the time zone it carries: the trainer's, which is the trainees' own.
    """
    return t[key].format(**date_fields(when, t["weekdays"]))


def date_fields(when: date, weekdays: str) -> dict[str, object]:
    """The placeholders every date format fills (``{year} {month} {day} {weekday} {time}``), ``weekdays`` being the
    language's names from Monday: for the pages above, and for HR's report, whose formats are messages."""
    time = f"{when:%H:%M}" if isinstance(when, datetime) else ""
    return {"year": when.year, "month": when.month, "day": when.day, "weekday": weekdays.split()[when.weekday()], "time": time}
