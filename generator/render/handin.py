"""The hand-in instructions as a trainee reads them: to whom, which way, and the deadline with its weekday.

One wording for every place that shows them (the form page, the handbook, the printable blanks in
Markdown and Word), so a trainee never reads two versions. Pure functions of the model and the
strings; the time left ("还剩 2 天", "已逾期") is not here: it depends on when the page is read, so
``cg-handin.js`` computes it in the browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ..model import Course, Homework
from ..model.handin import Route, route_for
from .dates import people_date


@dataclass(frozen=True)
class Way:
    """One way to hand in: ``kind`` is ``url``, ``email``, ``folder`` or ``im_group``; ``text`` the sentence shown."""

    kind: str
    value: str
    text: str


@dataclass(frozen=True)
class Instructions:
    """What a trainee must know to hand one form in; ``to`` is empty when the course names no receiver."""

    to: str
    ways: list[Way]
    note: str | None
    deadline: datetime | None
    deadline_text: str
    url: str | None
    """The form service, when the form is posted in one click."""


def instructions(course: Course, form: Homework, t: Mapping[str, str]) -> Instructions | None:
    """The form's hand-in instructions, or ``None`` when the course says neither how nor by when."""
    route = route_for(course.submission, form.id)
    if route is None and form.due is None:
        return None
    return Instructions(
        to=route.to if route else "",
        ways=ways(route, t) if route else [],
        note=route.note if route else None,
        deadline=form.due,
        deadline_text=deadline_text(form.due, t) if form.due else "",
        url=str(route.url) if route and route.url else None,
    )


def ways(route: Route, t: Mapping[str, str]) -> list[Way]:
    """Each way the route gives, worded, in the order a trainee should try them."""
    wording = {
        "url": t["handin_url"],
        "email": t["handin_email"],
        "folder": t["handin_folder"],
        "im_group": t["handin_im_group"],
    }
    return [Way(kind, value, wording[kind].format(value=value)) for kind, value in route.channels]


def deadline_text(when: datetime, t: Mapping[str, str]) -> str:
    """``3月12日（周五）13:30``: in the time zone the trainer wrote, which is the trainees' own."""
    return people_date(when, t, "deadline_format")


def plain_lines(info: Instructions, t: Mapping[str, str]) -> list[str]:
    """The instructions as lines of plain text, for the Word blank (no links, no markup)."""
    lines = [f"{t['handin_to']}：{info.to}"] if info.to else []
    lines += [f"{t['handin_how']}：{way.text}" for way in info.ways]
    if info.deadline_text:
        lines.append(f"{t['due']}：{info.deadline_text}")
    return lines


def script_data(info: Instructions | None) -> dict[str, object] | None:
    """What ``cg-handin.js`` and ``cg-form.js`` need: where to post, whom to name, the deadline to count down to."""
    if info is None:
        return None
    return {
        "to": info.to,
        "url": info.url,
        "deadline": info.deadline.isoformat() if info.deadline else None,
        "deadlineText": info.deadline_text,
    }
