"""The report as CSV files for other tools: English column names, status codes, ISO 8601 times;
and the reminder list (催交名单) for people: headers and times in the course's language.

UTF-8 with a BOM, so Excel on Chinese Windows opens them without garbling; strings from files
are neutralised like the workbook's cells (CSV is where formula injection usually strikes).
Means are the report's (one decimal, see :func:`.figures.rounded_mean`), so a figure here is the figure on the page
and in the workbook; a tool that wants more digits has the counts: n1–n5 in survey_ratings.csv, every best score
in quiz_scores.csv. Rates and shares keep four decimals (a ratio, not a figure HR reads).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from .cells import Value, text
from .intake import Entry
from .report import Cell, ChoiceSummary, Report, SurveyStats, file_time, late_minutes, reminder_table
from .staging import Staging

CSV_FILES = ("departments.csv", "forms.csv", "detail.csv", "quiz_scores.csv", "survey_ratings.csv", "survey_choices.csv", "survey_comments.csv",
             "files.csv")


def write_csv(report: Report, folder: Path, stage: Staging | None = None) -> list[Path]:
    """Write every CSV file into ``folder`` (through ``stage``, if given: see :mod:`.staging`); returns their final paths."""
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, tuple[Sequence[str], Sequence[Sequence[Value]]]] = {
        "departments.csv": (
            ["department", "trainees", "expected", "on_time", "late", "missing", "submission_rate", "on_time_rate", "problem", "excused"],
            [[t.label, t.trainees, t.expected, t.on_time, t.late, t.missing, _ratio(t.rate), _ratio(t.on_time_rate), t.problem, t.excused]
             for t in report.departments],
        ),
        "forms.csv": (
            ["form_id", "title", "kind", "due", "expected", "on_time", "late", "missing", "submission_rate", "problem", "excused"],
            [[f.id, f.title, f.kind, f.due, t.expected, t.on_time, t.late, t.missing, _ratio(t.rate), t.problem, t.excused]
             for f, t in zip(report.forms, report.per_form)],
        ),
        "detail.csv": (
            ["employee_id", "name", "department", "form_id", "kind", "status", "self_reported", "due", "extended", "first_submitted_at", "clock",
             "last_updated_at", "late_minutes", "source_file", "sender", "time_check", "note", "grade", "grade_comment", "grade_review", "checksum"],
            [
                [c.trainee.raw_id, c.trainee.name, c.trainee.department, c.form.id, c.form.kind, c.status, _self_reported(c), c.due, int(c.extended),
                 c.first_at, c.clock.value if c.clock else "", c.last_at, late_minutes(c.late_by), c.source, c.sender, c.warning, c.note, *_grade(c),
                 c.received.sha256 if c.received else ""]
                for c in report.cells
            ],
        ),
        "quiz_scores.csv": (
            ["employee_id", "name", "department", "quiz_id", "best", "passed", "record_code"],
            [
                [row.trainee.raw_id, row.trainee.name, row.trainee.department, quiz.id, score.best, int(score.passed),
                 row.final_code if quiz.id == report.final_id else ""]
                for row in report.quiz_rows
                for quiz in report.quizzes
                if (score := row.scores.get(quiz.id)) is not None
            ],
        ),
        "survey_ratings.csv": (
            ["form_id", "item", "department", "responses", "mean", "n1", "n2", "n3", "n4", "n5"],
            [
                row
                for s in report.surveys
                for item in s.items
                for row in [
                    [s.form.id, item.label, "", item.n, item.mean, *item.distribution],
                    *([s.form.id, item.label, d, n, m, None, None, None, None, None] for d, (n, m) in item.by_department.items()),
                ]
            ],
        ),
        "survey_choices.csv": (
            ["form_id", "field", "option", "department", "count", "share"],
            [row for s in report.surveys for c in s.choices for row in _choice_rows(s, c)],
        ),
        "survey_comments.csv": (
            ["form_id", "department", "question", "text"],
            [[s.form.id, c.department, c.question, c.text] for s in report.surveys for c in s.comments],
        ),
        "files.csv": (
            ["file", "size", "bucket", "reason", "detail", "employee_id", "form_id", "handed_in_at", "clock", "file_time", "sender", "time_check"],
            [
                [e.source, e.size, e.bucket.value, e.reason.value if e.reason else "", e.detail,
                 e.received.trainee.raw_id if e.received else "", _form_id(e), *_timing_fields(e, report)]
                for e in report.files
            ],
        ),
    }
    paths = []
    for name in CSV_FILES:
        header, rows = tables[name]
        path = folder / name
        _write(stage.path(path) if stage else path, header, rows)
        paths.append(path)
    return paths


def _choice_rows(survey: SurveyStats, choice: ChoiceSummary) -> list[list[Value]]:
    """Each option of a choice question: all who answered (department empty), then each department in turn."""
    rows: list[list[Value]] = []
    for o in choice.options:
        rows.append([survey.form.id, choice.label, o.option, "", o.count, _ratio(o.share)])
        rows += [[survey.form.id, choice.label, o.option, d, o.by_department[d], _ratio(choice.share(o, d))] for d in survey.departments]
    return rows


def write_reminders(report: Report, path: Path) -> None:
    """The reminder list (催交名单) at ``path`` (a temporary name when staged): one row per trainee to chase, see :func:`reminder_table`."""
    header, rows = reminder_table(report)
    _write(path, header, rows)


def _timing_fields(entry: Entry, report: Report) -> list[Value]:
    """handed_in_at, clock, file_time, sender, time_check: the workbook's file list's facts, the clock as its code."""
    t = file_time(entry, report.zone)
    return [t.at, t.clock.value if t.clock else "", t.own_at, t.sender, t.warning]


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[Value]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(header)
        writer.writerows([_field(v) for v in row] for row in rows)


def _field(value: Value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, str):
        return text(value)
    return value


def _ratio(value: float) -> float:
    return round(value, 4)


def _form_id(entry: Entry) -> str:
    """The form a file counts for: its trainee's, or an anonymous survey's (whose files name nobody)."""
    counted = entry.received or entry.anonymous
    return counted.form.id if counted else ""


def _self_reported(cell: Cell) -> int | None:
    """1 where the status rests on the trainee's clock alone (自报时间), 0 where a channel's clock proves it; empty for a missing form."""
    return None if cell.clock is None else int(cell.self_reported)


def _grade(cell: Cell) -> list[Value]:
    """grade (as the trainer typed it), grade_comment, grade_review (1: handed in again after grading, review it): empty where ungraded."""
    grade = cell.grade
    if grade is None:
        return [None, None, None]
    return [grade.value, grade.comment, int(grade.review)]
