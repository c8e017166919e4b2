"""The validated course model: pydantic only, no I/O.

These classes are the one source of truth: the loader validates against them, the JSON Schema that
editors use is exported from them, and the trainer's guide reference is generated from them.
"""

from __future__ import annotations

from .activities import Case, CaseQuestion, Discussion, Drill, Role
from .course import ActivityRef, Course, Duration, FinalAssessment, Instructor, Lecture, Point, Section, SubPoint
from .homework import Homework
from .quiz import QuizBank
from .scenario import Ending, Scenario, Scene, SceneChoice
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
    "Scenario",
    "Scene",
    "SceneChoice",
    "Ending",
    "Role",
    "Section",
    "SubPoint",
    "Submission",
]
