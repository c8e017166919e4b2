"""The blank template of a homework as Markdown text: readable as is, in any editor."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from jinja2 import Environment

from ...model import Course, Homework
from ...templating import new_environment
from .docx import blank_rows, field_notes, handin_lines


@cache
def _environment() -> Environment:
    """Plain-text templates; separate from the page environment so this package needs no renderer."""
    return new_environment(autoescape=False)


def blank_markdown(course: Course, homework: Homework, t: Mapping[str, str]) -> str:
    """Every field of ``homework`` in order, with space (or a table, or check marks) to answer."""
    template = _environment().get_template("homework_blank.md.j2")
    return template.render(
        course=course,
        homework=homework,
        t=t,
        handin=handin_lines(course, homework, t),
        notes={field.id: field_notes(field, t) for field in homework.fields},
        rows={field.id: blank_rows(field) for field in homework.fields if field.type == "table"},
    )
