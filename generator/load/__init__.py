"""Reading a trainer's YAML: line-numbered parsing, validation, cross-file checks."""

from __future__ import annotations

from .problems import CourseError, Problem
from .project import load_project

__all__ = ["CourseError", "Problem", "load_project"]
