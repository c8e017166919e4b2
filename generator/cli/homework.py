"""Homework commands for HR: ``coursegen homework report``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from ..errors import UserError
from ..hr import Bucket, make_report, read_grades, read_roster
from ..hr.lrs import source as lrs_source
from ..hr.intake import Entry
from ..hr.timing import Clock
from ..hr.items import MIN_ANSWERS
from ..messages import say, with_hint
from .course import course_options, load
from .speaking import ExistingPath, Group


@click.group(cls=Group)
def homework() -> None:
    """Track homework and survey submission files."""


@homework.command()
@click.argument("submissions", nargs=-1, type=ExistingPath(file_okay=False))
@click.option("--lrs", "lrs_url", metavar="URL")
@click.option("--lrs-credentials", "lrs_credentials", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--roster", "roster_path", required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--service-key", "key_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--grading", "grading_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--grades", "grades_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--min-answers", "min_answers", default=MIN_ANSWERS, show_default=True, type=click.IntRange(min=1))
@course_options
def report(submissions: tuple[Path, ...], lrs_url: str | None, lrs_credentials: Path | None, roster_path: Path, out_dir: Path, key_path: Path | None,
           grading_path: Path | None, grades_path: Path | None, min_answers: int, course_dir: Path, quizzes_dir: Path) -> None:
    """Report who handed in which homework, late or not, from the files in the SUBMISSIONS folders (and their .zip archives
    and mail exports): one folder or several, e.g. the shared folder and the form service's inbox; and/or, with --lrs,
    from the course's submit statements in a Learning Record Store (credentials from --lrs-credentials or COURSEGEN_LRS_AUTH).

    Writes homework-report.xlsx, homework-report.html, csv/*.csv and the reminder list (催交名单.csv: who to chase, with
    their contacts) into the output folder; with --grading, a
    grading workbook for the trainer as well (kept apart from the report, which is rewritten on every run).
    """
    if not submissions and lrs_url is None:
        raise click.UsageError(say("hr.lrs.nothing_to_read"))
    if (inbox := _holder(out_dir, submissions)) is not None:
        raise UserError(say("hr.cli.inside", out=out_dir, submissions=inbox))
    if grading_path is not None:
        _check_grading(grading_path, grades_path, submissions)
    key = _key(key_path) if key_path is not None else None
    project, _ = load(course_dir, quizzes_dir)
    lrs = lrs_source(lrs_url, lrs_credentials, project.course.lrs) if lrs_url is not None else None  # checked before any reading
    roster = read_roster(roster_path)
    grades = read_grades(grades_path) if grades_path is not None else None
    result, outputs = make_report(submissions, roster, project, out_dir, service_key=key, grades=grades, grading=grading_path, min_answers=min_answers,
                                  lrs=lrs)
    counts = result.buckets
    click.echo(say("hr.cli.files", what=_read(result.files, folders=bool(submissions), lrs=lrs is not None), accepted=counts[Bucket.ACCEPTED],
                   superseded=counts[Bucket.SUPERSEDED], rejected=counts[Bucket.REJECTED]))
    total = result.total
    click.echo(say("hr.cli.forms", trainees=total.trainees, forms=len(result.forms), on_time=total.on_time, late=total.late,
                   missing=total.missing, problem=say("hr.cli.forms_problem", n=total.problem) if total.problem else "",
                   rate=f"{total.rate:.1%}"))
    for path in (outputs.xlsx, outputs.html):
        click.echo(say("hr.cli.wrote", path=path))
    click.echo(say("hr.cli.wrote_csv", n=len(outputs.csv), folder=outputs.csv[0].parent))
    click.echo(say("hr.cli.wrote", path=outputs.reminders))
    if outputs.grading is not None:
        click.echo(say("hr.cli.wrote", path=outputs.grading))
    grading = result.grading
    if grading is not None:
        click.echo(say("hr.grading.read", path=grading.path, graded=len(grading.grades), review=grading.to_review, refused=len(grading.refused)))
        for line in grading.refusal_lines():
            click.echo(line, err=True)
    unchecked = sum(entry.unchecked for entry in result.files)
    if unchecked:  # HR forgot the key: say it once, not only file by file in the report
        click.echo(with_hint(say("hr.cli.no_key", n=unchecked), say("hr.cli.no_key_hint")), err=True)


def _read(files: Sequence[Entry], folders: bool, lrs: bool) -> str:
    """What the report read, counted as HR would: files from the folders, learning records from the LRS (a statement is
    not a file HR could look for in a folder); each only when its source was given."""
    statements = sum(1 for entry in files if entry.channel is not None and entry.channel.clock is Clock.LRS)
    parts = {"files": say("hr.cli.what_files", n=len(files) - statements) if folders else None,
             "statements": say("hr.cli.what_statements", n=statements) if lrs else None}
    if parts["files"] is not None and parts["statements"] is not None:
        return say("hr.cli.what_both", **parts)
    return parts["files"] or parts["statements"] or ""


def _holder(path: Path, folders: tuple[Path, ...]) -> Path | None:
    """The submissions folder ``path`` is inside, if any: the next report would read what is written there as a submission."""
    return next((folder for folder in folders if path.resolve().is_relative_to(folder.resolve())), None)


def _check_grading(path: Path, grades: Path | None, submissions: tuple[Path, ...]) -> None:
    """Refuse to write the grading workbook where the next report would read it as a submission, or over a workbook the
    trainer may have filled in (unless its grades are read, ``--grades``, and so carried into the new one)."""
    if (inbox := _holder(path, submissions)) is not None:
        raise UserError(say("hr.grading.inside", path=path, submissions=inbox))
    if path.exists() and (grades is None or not grades.exists() or not path.samefile(grades)):
        raise UserError(with_hint(say("hr.grading.exists", path=path), say("hr.grading.exists_hint", path=path)))


def _key(path: Path) -> bytes:
    from ..hr.seal import read_key

    try:
        return read_key(path)
    except OSError as exc:
        raise UserError(say("hr.cli.bad_key", path=path, reason=exc.strerror or exc)) from exc
    except ValueError as exc:
        raise UserError(say("hr.cli.bad_key", path=path, reason=say("hr.cli.not_a_key"))) from exc


@homework.command()
@click.option("--inbox", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--port", default=8750, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True)
def receive(inbox: Path, port: int, host: str) -> None:
    """Run a small form service that stores what course sites post (`submission.url` in course.yml).

    Each submission is checked, stored in INBOX as {"received_at", "receipt", "submission", "seal"} and answered
    with the receipt; `homework report --service-key INBOX.key` then judges it by the service's clock. The key is
    made on first start, beside INBOX (never inside it). Stop it with Ctrl+C.
    """
    from ..hr.receiver import Receiver  # the HTTP server loads only for this command
    from ..hr.seal import key_path

    try:
        server = Receiver((host, port), inbox)
    except ValueError as exc:
        raise UserError(say("hr.cli.bad_key", path=key_path(inbox), reason=say("hr.cli.not_a_key"))) from exc
    except OSError as exc:
        raise UserError(say("hr.cli.cannot_listen", host=host, port=port, reason=exc.strerror or exc)) from exc
    click.echo(say("hr.cli.key", path=key_path(inbox)))
    click.echo(say("hr.cli.receiving", host=host, port=server.server_address[1], inbox=inbox))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo(say("hr.cli.stopped"))

    finally:
        server.server_close()


COMMANDS = [homework]
