"""Ids and entries that must differ within one file, each repeat reported at its own line, naming the first's.

A trainee's answers are saved in the browser by id (a case's questions, a form's fields, a table's columns, a
rating's items, a bank's questions) and ticks by their text (an observer checklist): two equal ids or entries
share one saved answer, and one silently replaces the other after a reload. Options, role names, ordering items
and matching sides that repeat cannot be told apart on the page. The model accepts all of these; the loader
reports them here, where it knows the lines a trainer wrote them on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from pydantic import BaseModel

from ..messages import say
from ..model import Case, Discussion, Drill, Homework, Lecture, QuizBank, Scenario
from ..model.homework import Checkboxes, Choice, Rating, Table
from ..model.quiz import Hotspot, Matching, MultipleChoice, Ordering, SingleChoice
from .problems import Problem
from .yamlfile import Loc, YamlDoc

Entries = Iterator[tuple[str, Loc, Iterable[str], Loc]]
"""(what repeats, the list's place, its values in order, where in an entry the value is written)."""

Spread = Iterator[tuple[str, list[tuple[Loc, str]]]]
"""(what repeats, each value with its own place): entries that must differ across two lists of one item."""

IDS = {"case_question", "quiz_question", "field", "column", "rating_item", "section", "scene"}
"""The entries that are ids: their hint is to rename one (the others' is to reword or delete)."""


def repeats(doc: YamlDoc, item: BaseModel) -> list[Problem]:
    """An error at every id or entry of ``item`` (read from ``doc``) that an earlier one in its list already has."""
    problems = []
    lists = ((what, [((*where, i, *tail), v) for i, v in enumerate(values)]) for what, where, values, tail in _lists(item))
    for what, entries in chain(lists, _spread(item)):
        first: dict[str, Loc] = {}
        for loc, value in entries:
            if value not in first:
                first[value] = loc
                continue
            line, _ = doc.where(first[value])
            hint = say("course.repeat.id_hint", value=value) if what in IDS else say("course.repeat.text_hint")
            problems.append(doc.problem(loc, say("course.repeat.message", what=say(f"course.what.{what}"), value=value, line=line), hint))
    return problems


def _lists(item: BaseModel) -> Entries:
    """Every list in ``item`` whose entries must differ."""
    if isinstance(item, Case):
        yield "case_question", ("questions",), [q.id for q in item.questions], ("id",)
        for i, question in enumerate(item.questions):
            yield "option", ("questions", i, "options"), question.options, ()
    if isinstance(item, (Discussion, Drill)):
        yield "checklist", ("observer_checklist",), item.observer_checklist, ()
    if isinstance(item, Drill):
        yield "role", ("roles",), [role.name for role in item.roles], ("name",)
    if isinstance(item, Scenario):
        yield "scene", ("scenes",), [scene.id for scene in item.scenes], ("id",)
        for i, scene in enumerate(item.scenes):
            yield "option", ("scenes", i, "choices"), [choice.text for choice in scene.choices], ("text",)
    if isinstance(item, Homework):
        yield from _form(item)
    if isinstance(item, QuizBank):
        yield from _bank(item)
    if isinstance(item, Lecture):
        yield "section", ("sections",), [s.id for s in item.sections], ("id",)


def _form(form: Homework) -> Entries:
    yield "field", ("fields",), [f.id for f in form.fields], ("id",)
    for i, field in enumerate(form.fields):
        if isinstance(field, Table):
            yield "column", ("fields", i, "columns"), [c.id for c in field.columns], ("id",)
        elif isinstance(field, Rating):
            yield "rating_item", ("fields", i, "items"), [r.id for r in field.items], ("id",)
        elif isinstance(field, (Checkboxes, Choice)):
            yield "option", ("fields", i, "options"), field.options, ()


def _bank(bank: QuizBank) -> Entries:
    yield "quiz_question", ("questions",), [q.id for q in bank.questions], ("id",)
    for i, question in enumerate(bank.questions):
        where = ("questions", i)
        if isinstance(question, (SingleChoice, MultipleChoice)):
            yield "option", (*where, "options"), [o.text for o in question.options], ("text",)
        elif isinstance(question, Ordering):
            yield "ordering_item", (*where, "items"), question.items, ()
        elif isinstance(question, Matching):
            yield "matching_left", (*where, "pairs"), [p.left for p in question.pairs], ("left",)


def _spread(item: BaseModel) -> Spread:
    """A matching question's right-hand column: its pairs' right sides and its distractors, shown as one list;
    a hotspot question's area labels, right and distractor, shown as one list of choices."""
    if not isinstance(item, QuizBank):
        return
    for i, question in enumerate(item.questions):
        where = ("questions", i)
        if isinstance(question, Hotspot):
            yield "option", [((*where, side, j, "label"), area.label)
                             for side in ("areas", "distractor_areas") for j, area in enumerate(getattr(question, side))]
        if isinstance(question, Matching):
            rights: list[tuple[Loc, str]] = [((*where, "pairs", j, "right"), p.right) for j, p in enumerate(question.pairs)]
            rights += [((*where, "distractors", j), d) for j, d in enumerate(question.distractors)]
            yield "matching_right", rights
