"""The one place where problems in a trainer's files are represented and formatted.

Every problem names its file, line and column, so an editor can jump to it, and the loader
collects all of them before reporting: a trainer fixes ten typos in one round, not ten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import UserError
from ..messages import say, with_hint


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or suspicious) in one file."""

    path: Path
    line: int
    col: int
    message: str
    hint: str | None = None
    severity: Literal["error", "warning", "note"] = "error"
    """A note (a deadline past) is shown by ``check`` only: neither an error nor a warning."""

    def __str__(self) -> str:
        """``file:line:col: message`` first (editors jump on it), the hint on the next line, in this run's language."""
        where = f"{display_path(self.path)}:{self.line}:{self.col}"
        label = {"error": "", "warning": say("problem.warning"), "note": say("course.note")}[self.severity]
        text = f"{where}: {label}{self.message}"
        return with_hint(text, self.hint)


class CourseError(UserError):
    """The course cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [str(p) for p in self.problems]
        lines.append(say("problem.summary", n=len(errors)))
        return "\n".join(lines)


def display_path(path: Path) -> str:
    """A path relative to the working directory where possible, as a trainer typed it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
