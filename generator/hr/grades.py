"""Grades read back from the grading workbook (批改表, see :mod:`.grading`) and tied to the submissions the report counts.

Each row is tied to a submission by its checksum (the ``sha256`` of the file it shows), never by its position or
its name: a row edited to name another trainee, or copied from another class's workbook, points at no submission
this report counts, and is refused with its sheet and row number. So is a row whose 工号 is not the trainee whose
submission its checksum names. Refusals are collected, not raised: the rest of the workbook is still used.

A trainee who hands in again after being graded keeps the grade, marked for review (已重新提交，需复核): the row's
checksum is then that of a version the newest one superseded. In a grading workbook written after that, the row
shows the newest version with the grade carried over and its 复核 cell filled in; the trainer clears that cell
once the grade is checked, and until then the mark stays.

A workbook that cannot be read at all, or has no sheet with the grading columns, is an input error like a bad
roster (:class:`GradesError`): it is found before the submissions are read, and no report is written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..catalogue import LANGUAGES
from ..errors import UserError
from ..load.problems import display_path
from ..messages import catalogue, say, with_hint
from .buckets import Bucket
from .cells import FORMULA_TRIGGERS
from .intake import Intake
from .roster import COLUMNS, HEADER_SEARCH_ROWS, Roster

GradeValue = str | int | float
"""A grade as the trainer typed it: a number stays a number (85, 92.5), text stays text (优秀, 通过)."""

SUFFIXES = (".xlsx", ".xlsm")
COLUMN_KEYS = ("employee_id", "grade", "comment", "review", "checksum")
"""The grading workbook's columns the grades are read from (``hr.label.<key>``); every other column is for reading."""
REQUIRED = ("employee_id", "grade", "comment", "checksum")


class GradesError(UserError):
    """The grading workbook given to ``--grades`` cannot be used at all; no report is written."""


@dataclass(frozen=True)
class Grade:
    """The trainer's grade for one trainee × one form."""

    value: GradeValue | None
    """``None``: a comment without a grade."""
    comment: str
    carried: bool
    """Given to a version of the submission that a newer one has since replaced."""
    review: bool
    """已重新提交，需复核: carried, or carried earlier and not yet cleared by the trainer."""
    sheet: str
    row: int

    @property
    def shown(self) -> str:
        """The grade as text, as typed (``85``, ``92.5``, ``优秀``); empty for a comment alone."""
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class GradeRow:
    """A row of the grading workbook that holds a grade or a comment."""

    sheet: str
    row: int
    employee_id: str
    checksum: str
    value: GradeValue | None
    comment: str
    review: bool


@dataclass(frozen=True)
class GradeBook:
    """What a grading workbook says, not yet matched to the submissions."""

    path: Path
    rows: list[GradeRow]


@dataclass(frozen=True)
class Refusal:
    sheet: str
    row: int
    reason: str


@dataclass(frozen=True)
class Grading:
    """The grades that count, by (employee id, form id), and the rows refused."""

    path: Path
    grades: dict[tuple[str, str], Grade]
    refused: list[Refusal]

    @property
    def to_review(self) -> int:
        return sum(g.review for g in self.grades.values())

    def refusal_lines(self) -> list[str]:
        """Each refused row as HR reads it on the terminal: the file, the sheet, the row and why."""
        where = display_path(self.path)
        return [say("hr.grading.refused", path=where, sheet=r.sheet, row=r.row, reason=r.reason) for r in self.refused]


def read_grades(path: Path) -> GradeBook:
    """Read every graded row of the workbook at ``path``; raises :class:`GradesError` if it is not a grading workbook."""
    where = display_path(path)
    if not path.is_file():
        raise GradesError(say("hr.grading.not_found", path=where))
    if path.suffix.lower() not in SUFFIXES:
        raise GradesError(say("hr.grading.suffix", path=where))
    from openpyxl import load_workbook  # imported here: a report without grades does not pay for reading them

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and XML errors for a damaged or foreign file
        raise GradesError(say("hr.grading.bad_workbook", path=where, reason=exc)) from exc
    rows: list[GradeRow] = []
    found = False
    try:
        for sheet in workbook.worksheets:
            table = [list(r) for r in sheet.iter_rows(values_only=True)]
            header = _find_header(table)
            if header is None:
                continue  # a sheet of the trainer's own (notes, a summary): not for grades
            index, columns, seen = header
            missing = [say(f"hr.label.{key}") for key in REQUIRED if key not in columns]
            if missing:
                raise GradesError(say("hr.grading.missing_columns", path=where, sheet=sheet.title, row=index + 1, found=seen,
                                      missing=say("hr.grading.separator").join(missing)))
            found = True
            rows += _graded_rows(sheet.title, table, index, columns)
    except GradesError:
        raise
    except Exception as exc:  # a damaged sheet inside a readable zip
        raise GradesError(say("hr.grading.bad_workbook", path=where, reason=exc)) from exc
    finally:
        workbook.close()
    if not found:
        names = say("hr.grading.separator").join(say(f"hr.label.{key}") for key in REQUIRED)
        raise GradesError(with_hint(say("hr.grading.no_columns", path=where, columns=names), say("hr.grading.no_columns_hint")))
    return GradeBook(path, rows)


def match_grades(book: GradeBook, intake: Intake, roster: Roster) -> Grading:
    """Tie each graded row to a submission by its checksum: the kept one, else an older version of the same trainee's form."""
    kept = {handed.received.sha256: key for key, handed in intake.handed.items()}
    older: dict[str, tuple[str, str]] = {}
    for entry in intake.entries:
        if entry.bucket is Bucket.SUPERSEDED and entry.received is not None:
            older.setdefault(entry.received.sha256, (entry.received.trainee.employee_id, entry.received.form.id))
    grades: dict[tuple[str, str], Grade] = {}
    refused: list[Refusal] = []
    for row in book.rows:
        if not row.checksum:
            refused.append(Refusal(row.sheet, row.row, say("hr.grading.no_checksum")))
            continue
        carried = row.checksum not in kept
        key = older.get(row.checksum) if carried else kept[row.checksum]
        if key is None:
            refused.append(Refusal(row.sheet, row.row, say("hr.grading.unknown_checksum")))
            continue
        received = intake.handed[key].received
        written = roster.find(row.employee_id) if row.employee_id else None
        if written is None or written.employee_id != received.trainee.employee_id:
            refused.append(Refusal(row.sheet, row.row, say("hr.grading.wrong_trainee", written=row.employee_id or say("hr.roster.nothing"),
                                                            id=received.trainee.raw_id, name=received.trainee.name, form=received.form.title)))
            continue
        grade = Grade(row.value, row.comment, carried, carried or row.review, row.sheet, row.row)
        earlier = grades.get(key)
        if earlier is None or (earlier.carried and not carried):  # a grade given to the newest version beats one carried over
            grades[key] = grade
            if earlier is not None:
                refused.append(Refusal(earlier.sheet, earlier.row, say("hr.grading.duplicate", sheet=grade.sheet, row=grade.row)))
        else:
            refused.append(Refusal(row.sheet, row.row, say("hr.grading.duplicate", sheet=earlier.sheet, row=earlier.row)))
    refused.sort(key=lambda r: (r.sheet, r.row))
    return Grading(book.path, grades, refused)


def _key(header: object) -> str:
    """A header as compared: full-width folded, lower case, letters and digits only (``校验值（请勿修改）`` → ``校验值请勿修改``)."""
    text = unicodedata.normalize("NFKC", str(header or "")).lower()
    return "".join(ch for ch in text if ch.isalnum())


def _aliases() -> dict[str, set[str]]:
    """Each column's headers in every language coursegen speaks (a workbook written in one may be read in another)."""
    aliases = {key: {_key(catalogue(language)[f"hr.label.{key}"]) for language in LANGUAGES} for key in COLUMN_KEYS}
    aliases["employee_id"] |= {_key(a) for a in COLUMNS["employee_id"]}
    return aliases


def _find_header(table: Sequence[Sequence[object]]) -> tuple[int, dict[str, int], str] | None:
    """The header row (index from 0), its grading columns, and a grading header seen (for a message); ``None`` without any."""
    aliases = _aliases()
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for i, header in enumerate(row):
            key = _key(header)
            for column, names in aliases.items():
                if key in names and column not in columns:
                    columns[column] = i
        graded = [c for c in ("grade", "comment", "checksum") if c in columns]
        if graded:
            return index, columns, str(row[columns[graded[0]]])
    return None


def _graded_rows(sheet: str, table: Sequence[Sequence[object]], header: int, columns: dict[str, int]) -> list[GradeRow]:
    rows = []
    for index in range(header + 1, len(table)):
        cells = table[index]
        value = _grade(_at(cells, columns["grade"]))
        comment = _text(_at(cells, columns["comment"]))
        if value is None and not comment:
            continue  # not graded yet
        review = "review" in columns and bool(_text(_at(cells, columns["review"])))
        rows.append(GradeRow(sheet, index + 1, _text(_at(cells, columns["employee_id"])), _text(_at(cells, columns["checksum"])).lower(), value,
                             comment, review))
    return rows


def _at(cells: Sequence[object], index: int) -> object:
    return cells[index] if index < len(cells) else None


def _grade(value: object) -> GradeValue | None:
    """A grade cell as typed: numbers stay numbers (92.0 is 92), text is stripped, an empty cell is no grade."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, int):
        return value
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return _unquoted(str(value).strip()) or None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _unquoted(str(value).strip())


def _unquoted(text: str) -> str:
    """Text without the ``'`` the workbook put before a formula trigger (:func:`cells.text`): ``'-`` reads back as ``-``."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS) else text
