"""Deadlines already past, a note from ``coursegen check`` only.

A course is often run again from last year's files: a deadline left in the past shows trainees a date they cannot
meet. But an old date may be meant (an archived run, the example course keeps its outline's 2021 dates), so it is
a note for the trainer checking the course, never a warning of ``build`` or a reason for ``check --strict`` to fail.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..messages import say
from ..model.project import Project
from .problems import Problem
from .yamlfile import Loc, read_yaml


def past_deadlines(project: Project, now: datetime) -> list[Problem]:
    """A note at the course's ``submission.deadline`` and at each form's own ``due`` that is before ``now``."""
    handin = project.course.submission
    written: list[tuple[str, str, Loc, datetime | None]] = [
        ("course", project.course.id, ("submission", "deadline"), handin.deadline if handin else None),
        *(("homework", form_id, ("due",), form.due) for form_id, form in project.homework.items()),
    ]
    notes = []
    for kind, item_id, loc, due in written:
        path = project.source(kind, item_id)
        if due is None or due >= now or path is None:
            continue
        doc, _ = read_yaml(path)
        if doc is None or loc[-1] not in _mapping_at(doc.data, loc[:-1]):
            continue  # a form's `due` taken from the course's deadline: noted once, at course.yml
        later = (now.astimezone(due.tzinfo) + timedelta(days=7)).replace(hour=due.hour, minute=due.minute, second=0, microsecond=0)
        notes.append(doc.problem(
            loc, say("course.deadline.message", when=due.strftime("%Y-%m-%d %H:%M")),
            say("course.deadline.hint", key=loc[-1], example=later.isoformat(timespec="minutes")), severity="note",
        ))
    return notes


def _mapping_at(data: object, loc: Loc) -> dict[object, object]:
    for step in loc:
        data = data.get(step) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}
