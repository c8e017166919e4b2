"""The validated course model: declarations and checks, no I/O.

These classes are the one source of truth: the loader validates against them (:mod:`.strict`, with
their pydantic twins of :mod:`.twin` for doubtful values and error messages), the JSON Schema that
editors use is exported from them, and the trainer's guide reference is generated from them.
"""

from __future__ import annotations

from .activities import Case, CaseQuestion, Discussion, Drill, Role
from .course import ActivityRef, Course, Duration, FinalAssessment, Instructor, Lecture, Point, Section, SubPoint
from .homework import Homework
from .quiz import QuizBank
from .submission import Submission

__all__ = [
    "ActivityRef",
    "Case",
    "CaseQuestion",
    "Course",
    "Discussion",
    "Drill",
    "Duration",
    "FinalAssessment",
    "Homework",
    "Instructor",
    "Lecture",
    "Point",
    "QuizBank",
    "Role",
    "Section",
    "SubPoint",
    "Submission",
]
