"""Per-question messages of an import or export: what could not be read, what was lost, what changed.

Exchange formats hold less than a coursegen bank (GIFT has no points, Moodle no facilitator notes) and
spreadsheets hold typing mistakes. A trainer must learn about every one of them, question by question,
so each reader and writer records its findings here and the CLI prints them all; nothing is dropped
quietly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import UserError
from ..messages import say

Severity = Literal["error", "loss", "warning"]
"""``error``: a row or question could not be read; ``loss``: something the target format cannot hold
was left out; ``warning``: carried over, but changed or suspicious."""

Unit = Literal["line", "row"]


@dataclass(frozen=True)
class Note:
    """One finding about one question (or about the whole file when ``question`` is None)."""

    severity: Severity
    message: str
    question: str | None = None
    line: int | None = None


@dataclass
class Report:
    """Findings about one file: ``source`` is the name the trainer knows it by.

    ``unit`` says what ``Note.line`` counts: lines of a text file, or rows of a spreadsheet.
    """

    source: str
    unit: Unit = "line"
    notes: list[Note] = field(default_factory=list)

    def error(self, message: str, *, question: str | None = None, line: int | None = None) -> None:
        self.notes.append(Note("error", message, question, line))

    def loss(self, message: str, *, question: str | None = None, line: int | None = None) -> None:
        self.notes.append(Note("loss", message, question, line))

    def warn(self, message: str, *, question: str | None = None, line: int | None = None) -> None:
        self.notes.append(Note("warning", message, question, line))

    @property
    def errors(self) -> list[Note]:
        return [n for n in self.notes if n.severity == "error"]

    def count(self, severity: Severity) -> int:
        return sum(n.severity == severity for n in self.notes)

    def format(self, note: Note) -> str:
        """``题库.xlsx 第 12 行: 错误：q3：…`` or ``bank.gift:40: loss: q3: …``: the file first, as compilers do, so
        an editor jumps to a text file's line; the labels in this run's language."""
        if note.line is None:
            where = self.source
        elif self.unit == "row":
            where = say("exchange.where.row", source=self.source, row=note.line)
        else:
            where = f"{self.source}:{note.line}"
        who = say("exchange.where.who", question=note.question) if note.question else ""
        return f"{where}: {say(f'exchange.severity.{note.severity}')}{who}{note.message}"


    def lines(self) -> list[str]:
        """Every note, errors first, then in the order of the file."""
        order = {"error": 0, "loss": 1, "warning": 2}
        notes = sorted(self.notes, key=lambda n: (order[n.severity], n.line or 0))
        return [self.format(n) for n in notes]


class ExchangeError(UserError):
    """An import or export that cannot go ahead; carries the report so every problem is shown at once."""

    def __init__(self, report: Report, conclusion: str) -> None:
        self.report = report
        super().__init__("\n".join([*report.lines(), conclusion]))
