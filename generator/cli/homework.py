"""Homework commands for HR: ``coursegen homework report``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import UserError
from ..hr import Bucket, make_report, read_roster
from .course import course_options, load


@click.group()
def homework() -> None:
    """Track homework and survey submission files."""


@homework.command()
@click.argument("submissions", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--roster", "roster_path", required=True, type=click.Path(path_type=Path),
              help="Class roster (.csv or .xlsx) with 工号/employee_id, 姓名/name and 部门/department columns.")
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the report (created if needed).")
@course_options
def report(submissions: Path, roster_path: Path, out_dir: Path, course_dir: Path, quizzes_dir: Path) -> None:
    """Report who handed in which homework, late or not, from the files in SUBMISSIONS (and its .zip archives).

    Writes homework-report.xlsx, homework-report.html and csv/*.csv into the output folder.
    """
    if out_dir.resolve().is_relative_to(submissions.resolve()):
        raise UserError(f"the output folder {out_dir} is inside the submissions folder {submissions}; choose another one")
    project, _ = load(course_dir, quizzes_dir)
    roster = read_roster(roster_path)
    result, outputs = make_report(submissions, roster, project, out_dir)
    counts = result.buckets
    click.echo(
        f"{len(result.files)} files: {counts[Bucket.ACCEPTED]} accepted, "
        f"{counts[Bucket.SUPERSEDED]} superseded, {counts[Bucket.REJECTED]} rejected"
    )
    total = result.total
    click.echo(
        f"{total.trainees} trainees × {len(result.forms)} forms: {total.on_time} on time, "
        f"{total.late} late, {total.missing} missing ({total.rate:.1%} handed in)"
    )
    for path in (outputs.xlsx, outputs.html):
        click.echo(f"wrote {path}")
    click.echo(f"wrote {len(outputs.csv)} CSV files in {outputs.csv[0].parent}")


@homework.command()
@click.option("--inbox", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder the envelopes are stored in (created if needed); give it to `homework report`.")
@click.option("--port", default=8750, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; 0.0.0.0 for every network of this computer.")
def receive(inbox: Path, port: int, host: str) -> None:
    """Run a small form service that stores what course sites post (`submission.url` in course.yml).

    Each submission is checked, stored in INBOX as {"received_at", "receipt", "submission"} and answered with
    the receipt; `homework report` then judges it by the service's clock. Stop it with Ctrl+C.
    """
    from ..hr.receiver import Receiver  # the HTTP server loads only for this command

    try:
        server = Receiver((host, port), inbox)
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    click.echo(f"receiving at http://{host}:{server.server_address[1]}/ into {inbox} (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.server_close()


COMMANDS = [homework]
