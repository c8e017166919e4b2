"""Everything one course consists of, validated and cross-checked, with where each part came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .activities import Case, Discussion, Drill
from .course import Course, Lecture
from .homework import Homework
from .quiz import QuizBank
from .scenario import Scenario


@dataclass(frozen=True)
class Project:
    """A loaded course: the single input of every renderer."""

    course: Course
    lectures: list[Lecture]
    cases: dict[str, Case] = field(default_factory=dict)
    discussions: dict[str, Discussion] = field(default_factory=dict)
    drills: dict[str, Drill] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    homework: dict[str, Homework] = field(default_factory=dict)
    quizzes: dict[str, QuizBank] = field(default_factory=dict)
    sources: dict[tuple[str, str], Path] = field(default_factory=dict)
    """(kind, id) → the YAML file it was read from; kind is ``course``, ``lecture``, ``case``, …"""

    def source(self, kind: str, item_id: str) -> Path | None:
        return self.sources.get((kind, item_id))

    def outline_order(self, kind: str, ids: list[str]) -> list[str]:
        """``ids`` in the order the outline first places them; items placed nowhere follow, by id."""
        placed: dict[str, None] = {}
        for lecture in self.lectures:
            for refs in [*(s.activities for s in lecture.sections), lecture.activities]:
                for ref in refs:
                    if ref.kind == kind:
                        placed.setdefault(ref.ref, None)
        wanted = set(ids)
        return [i for i in placed if i in wanted] + sorted(wanted.difference(placed))

    def course_order(self) -> list[tuple[str, str]]:
        """Every lecture followed by the activities it places, each where the outline first places it, then the
        final assessment: the order a trainee walks the course in ("next" after a lecture is its own quiz)."""
        order: dict[tuple[str, str], None] = {}
        for lecture in self.lectures:
            order[("lecture", lecture.id)] = None
            for refs in [*(s.activities for s in lecture.sections), lecture.activities]:
                order.update(((ref.kind, ref.ref), None) for ref in refs if (ref.kind, ref.ref) not in order)
        if self.course.final_assessment:
            order[("quiz", self.course.final_assessment.id)] = None
        return list(order)

    def in_course_order(self, kind: str, ids: list[str]) -> list[str]:
        """``ids`` (items of one kind) where :meth:`course_order` first places them, then those it places nowhere in
        the order given: the order the home page's dashboard lists them in, and the HR report's forms and quizzes."""
        placed = {i: None for k, i in self.course_order() if k == kind}
        wanted = set(ids)
        return [i for i in placed if i in wanted] + [i for i in ids if i not in placed]

    @property
    def planned_minutes(self) -> int:
        closing = self.course.closing.duration_minutes if self.course.closing else 0
        return sum(lecture.duration_minutes for lecture in self.lectures) + closing
