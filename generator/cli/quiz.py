"""``coursegen quiz import|export``: question banks in and out of Excel 题库 and Moodle (GIFT, Moodle XML)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..errors import UserError
from ..exchange import FORMATS, export_bank, format_for, import_bank
from ..exchange.common import TYPE_NAMES
from ..exchange.existing import Existing
from ..exchange.report import ExchangeError, Report, Severity
from ..exchange.yamlbank import dump_bank, load_bank
from ..load.problems import display_path
from ..messages import say
from .speaking import ExistingPath, Group

_FORMAT_CHOICE = click.Choice(list(FORMATS))


@click.group(cls=Group)
def quiz() -> None:
    """Move question banks in and out of Excel and Moodle (GIFT, Moodle XML)."""


@quiz.command("import")
@click.argument("source", type=ExistingPath(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "bank_id")
@click.option("--title")
@click.option("--format", "fmt", type=_FORMAT_CHOICE)
@click.option("--skip-bad", is_flag=True)
@click.option("--force", is_flag=True)
def import_(source: Path, output: Path, bank_id: str | None, title: str | None, fmt: str | None, skip_bad: bool, force: bool) -> None:
    """Read the question bank SOURCE (.xlsx, GIFT or Moodle XML) into a YAML bank.

    Every question or row that cannot be read is listed with its line or row number, and nothing is
    written unless --skip-bad is given; what the bank cannot hold is listed as lost.
    """
    if output.exists() and not force:
        raise UserError(say("exchange.cli.exists", path=display_path(output)))
    if title is not None and not title.strip():
        raise UserError(say("exchange.cli.empty_title"))
    existing = Existing.read(output)
    bank, report = import_bank(source, format_for(source, fmt), bank_id=bank_id, default_id=output.stem, title=title, replacing=existing)
    errors = len(report.errors)
    if bank is None:
        raise ExchangeError(report, say("exchange.cli.nothing_read"))
    if errors and not skip_bad:
        raise ExchangeError(report, say("exchange.cli.errors", errors=_count("error", errors), good=len(bank.questions)))
    text = dump_bank(bank, None if existing is None else existing.document)
    reports = [report] if existing is None else [report, existing.losses(text)]
    _echo_notes(reports)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    kinds = Counter(q.type for q in bank.questions)
    by_type = say("exchange.cli.and").join(say("exchange.cli.by_type", n=n, type=TYPE_NAMES[t]) for t, n in kinds.items())
    click.echo(say("exchange.cli.imported", output=display_path(output), questions=_count("question", len(bank.questions)), by_type=by_type,
                   source=display_path(source), tally=_tally(reports)))


@quiz.command("export")
@click.argument("bank_file", type=ExistingPath(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=_FORMAT_CHOICE)
@click.option("--strict", is_flag=True)
def export(bank_file: Path, output: Path, fmt: str | None, strict: bool) -> None:
    """Write the YAML question bank BANK_FILE as an Excel 题库, GIFT or Moodle XML file.

    What the format cannot hold (GIFT has no ordering questions and no points, for instance) is
    listed question by question.
    """
    bank = load_bank(bank_file)
    data, report = export_bank(bank, format_for(output, fmt), output)
    if strict and report.notes:
        raise ExchangeError(report, say("exchange.cli.strict", problems=_count("problem", len(report.notes))))
    _echo_notes([report])
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(say("exchange.cli.exported", output=display_path(output), bank=bank.id, tally=_tally([report])))


def _echo_notes(reports: list[Report]) -> None:
    for report in reports:
        for line in report.lines():
            click.echo(line, err=True)


def _tally(reports: list[Report]) -> str:
    """`` (2 errors, 1 loss listed above)``: how many notes of each kind were printed, nothing if none."""
    severities: tuple[Severity, ...] = ("error", "loss", "warning")
    counts = {s: sum(r.count(s) for r in reports) for s in severities}
    parts = [_count(s, n) for s, n in counts.items() if n]
    return say("exchange.cli.tally", parts=say("exchange.cli.and").join(parts)) if parts else ""


def _count(word: str, n: int) -> str:
    """``1 error``, ``5 errors``, ``5 处错误``: a number and what it counts, in this run's language."""
    return say(f"exchange.count.{word}.{'one' if n == 1 else 'many'}", n=n)


COMMANDS = [quiz]
