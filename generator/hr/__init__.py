"""HR homework tracking: submission files + roster → who handed in what, when, and how the class rated the course.

Flow: :mod:`.roster` reads the class list, :mod:`.intake` sorts every file (found by :mod:`.sources`,
parsed on every core by :mod:`.pool`, checked by :mod:`.check`) into accepted / superseded / rejected,
:mod:`.report` joins them into one model, and :mod:`.xlsx`, :mod:`.html` and :mod:`.csvfiles` render it.
On request :mod:`.grading` writes the trainer's grading workbook (批改表), and :mod:`.grades` reads its grades back
into the model, tied to submissions by checksum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..messages import say
from ..model.project import Project
from .buckets import Bucket, Limits, Reason
from .csvfiles import write_csv, write_reminders
from .grades import GradeBook, GradesError, read_grades
from .grading import write_grading
from .html import render_html
from .intake import collect
from .items import MIN_ANSWERS
from .lrs import LrsError, LrsSource
from .pool import start_forked
from .report import Report, build_report
from .roster import Roster, RosterError, read_roster
from .staging import OutputError, Staging
from .xlsx import write_xlsx

__all__ = ["HTML_NAME", "XLSX_NAME", "Bucket", "GradeBook", "GradesError", "Limits", "LrsError", "LrsSource", "OutputError", "Outputs", "Reason",
           "Report", "Roster", "RosterError", "make_report", "read_grades", "read_roster"]

XLSX_NAME = "homework-report.xlsx"
HTML_NAME = "homework-report.html"
CSV_FOLDER = "csv"


@dataclass(frozen=True)
class Outputs:
    xlsx: Path
    html: Path
    csv: list[Path]
    reminders: Path
    """催交名单.csv: the trainees to chase, for HR to paste into a mail (named in the course's language)."""
    grading: Path | None = None
    """The grading workbook, when one was asked for."""


def make_report(
    submissions: Sequence[Path],
    roster: Roster,
    project: Project,
    out_dir: Path,
    *,
    now: datetime | None = None,
    limits: Limits | None = None,
    service_key: bytes | None = None,
    grades: GradeBook | None = None,
    grading: Path | None = None,
    min_answers: int = MIN_ANSWERS,
    lrs: LrsSource | None = None,
) -> tuple[Report, Outputs]:
    """Read every file under each of the ``submissions`` folders (a shared folder and the form service's inbox, say),
    build the report and write it (xlsx, HTML, CSV, reminder list) into ``out_dir``.

    ``min_answers``: how many answers a question needs to be ranked in the item analysis. ``grades``: the trainer's
    grades (:func:`read_grades`), put into every output. ``grading``: where to write the grading workbook (see
    :mod:`.grading`); only then are homework answers kept in memory. ``lrs``: read the course's submit statements from
    this Learning Record Store as well (see :mod:`.lrs`); an LRS that cannot be read raises :class:`LrsError` before anything is written.
    All outputs are written under temporary names and renamed together at the end (see :mod:`.staging`):
    a run that fails leaves the previous report (and grading workbook) as it was, and raises :class:`OutputError`.
    """
    intake = collect(submissions, project, roster, limits, service_key=service_key, answers=grading is not None, lrs=lrs)
    report = build_report(project, roster, intake, now or datetime.now(UTC), grades, min_answers)
    xlsx, html, reminders = out_dir / XLSX_NAME, out_dir / HTML_NAME, out_dir / say("hr.reminder.file")
    with Staging() as stage:
        xlsx_part = stage.path(xlsx)
        child = start_forked(write_xlsx, report, xlsx_part)
        try:
            stage.path(html).write_text(render_html(report), encoding="utf-8")
            csv = write_csv(report, out_dir / CSV_FOLDER, stage)
            write_reminders(report, stage.path(reminders))
            if grading is not None:
                write_grading(report, stage.path(grading))
        finally:  # the child is done with its temporary file before the staging removes or renames it
            if child is not None:
                child.join()
        if child is None or child.exitcode != 0:  # a failed child is retried here, where its error surfaces
            write_xlsx(report, xlsx_part)
    return report, Outputs(xlsx, html, csv, reminders, grading)
