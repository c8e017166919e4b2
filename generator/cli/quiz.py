"""``coursegen quiz import|export``: question banks in and out of Excel 题库 and Moodle (GIFT, Moodle XML)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..errors import UserError
from ..exchange import FORMATS, export_bank, format_for, import_bank
from ..exchange.common import TYPE_NAMES
from ..exchange.report import ExchangeError, Report
from ..exchange.yamlbank import dump_bank, load_bank
from ..load.problems import display_path

_FORMAT_CHOICE = click.Choice(list(FORMATS))


@click.group()
def quiz() -> None:
    """Move question banks in and out of Excel and Moodle (GIFT, Moodle XML)."""


@quiz.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The bank to write, e.g. quizzes/complaint-basics.yml.")
@click.option("--id", "bank_id", help="The bank's id (default: the id in the file, else the output file's name).")
@click.option("--title", help="The bank's title (default: the title in the file, else the input file's name).")
@click.option("--format", "fmt", type=_FORMAT_CHOICE, help="Format of SOURCE (default: from its suffix: .xlsx, .gift or .txt, .xml).")
@click.option("--skip-bad", is_flag=True, help="Write the questions that could be read even when others could not (all are still listed).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def import_(source: Path, output: Path, bank_id: str | None, title: str | None, fmt: str | None, skip_bad: bool, force: bool) -> None:
    """Read the question bank SOURCE (.xlsx, GIFT or Moodle XML) into a YAML bank.

    Every question or row that cannot be read is listed with its line or row number, and nothing is
    written unless --skip-bad is given; what the bank cannot hold is listed as lost.
    """
    if output.exists() and not force:
        raise UserError(f"{display_path(output)} exists; pass --force to overwrite it")
    if title is not None and not title.strip():
        raise UserError("--title must not be empty")
    bank, report = import_bank(source, format_for(source, fmt), bank_id=bank_id, default_id=output.stem, title=title)
    errors = len(report.errors)
    if bank is None:
        raise ExchangeError(report, "no question could be read; nothing was written.")
    if errors and not skip_bad:
        raise ExchangeError(report, f"{_plural(errors, 'error')}; nothing was written. "
                                    f"Fix them, or pass --skip-bad to write the {len(bank.questions)} questions that could be read.")
    _echo_notes(report)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(dump_bank(bank), encoding="utf-8")
    kinds = Counter(q.type for q in bank.questions)
    by_type = ", ".join(f"{n} {TYPE_NAMES[t]}" for t, n in kinds.items())
    click.echo(f"{display_path(output)}: {_plural(len(bank.questions), 'question')} ({by_type}) from {display_path(source)}{_tally(report)}")


@quiz.command("export")
@click.argument("bank_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The file to write, e.g. 题库.xlsx, bank.gift, bank.xml.")
@click.option("--format", "fmt", type=_FORMAT_CHOICE, help="Format to write (default: from the suffix of OUTPUT).")
@click.option("--strict", is_flag=True, help="Write nothing if anything would be lost or changed.")
def export(bank_file: Path, output: Path, fmt: str | None, strict: bool) -> None:
    """Write the YAML question bank BANK_FILE as an Excel 题库, GIFT or Moodle XML file.

    What the format cannot hold (GIFT has no ordering questions and no points, for instance) is
    listed question by question.
    """
    bank = load_bank(bank_file)
    data, report = export_bank(bank, format_for(output, fmt), output)
    if strict and report.notes:
        raise ExchangeError(report, f"{_plural(len(report.notes), 'problem')} with --strict; nothing was written.")
    _echo_notes(report)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(f"{display_path(output)}: bank {bank.id!r} exported{_tally(report)}")


def _echo_notes(report: Report) -> None:
    for line in report.lines():
        click.echo(line, err=True)


def _tally(report: Report) -> str:
    parts = [_plural(report.count(s), s) for s in ("error", "loss", "warning") if report.count(s)]
    return f" ({', '.join(parts)} listed above)" if parts else ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}{'es' if word.endswith('s') else 's'}"


COMMANDS = [quiz]
