"""Question banks in and out of spreadsheets and learning management systems.

Three formats, each a reader and a writer that report, question by question, what they could not
read or carry (see :mod:`.report`): Excel 题库 workbooks (:mod:`.xlsx`), GIFT (:mod:`.gift`) and
Moodle XML (:mod:`.moodle_xml`). The trainer-facing description is ``GUIDE.md`` in this folder.
"""

from __future__ import annotations

from collections.abc import Callable
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import UserError
from ..load.problems import display_path
from ..messages import say
from ..model.base import ID_PATTERN
from ..model.quiz import QuizBank
from . import gift, moodle_xml, xlsx
from .common import Draft, finish
from .existing import Existing
from .report import Report, Unit

MAX_IMPORT_BYTES = 20_000_000
"""A question bank larger than this is a mistake (a whole course backup, a video), not a bank."""


@dataclass(frozen=True)
class Format:
    """One exchange format: how files of it are recognised, read and written."""

    name: str
    suffixes: tuple[str, ...]
    unit: Unit
    read: Callable[[bytes, Report], Draft]
    write: Callable[[QuizBank, Report], bytes]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("xlsx", (".xlsx", ".xlsm"), "row", xlsx.read, xlsx.write),
        Format("gift", (".gift", ".txt"), "line", gift.read, gift.write),
        Format("moodle-xml", (".xml",), "line", moodle_xml.read, moodle_xml.write),
    )
}


def format_for(path: Path, name: str | None) -> Format:
    """The format ``name``, or the one ``path``'s suffix stands for."""
    if name:
        return FORMATS[name]
    suffix = path.suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    if suffix in (".xls", ".et", ".wps"):
        raise UserError(say("exchange.format.old_excel", path=display_path(path)))
    known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
    if not suffix:
        raise UserError(say("exchange.format.no_suffix", path=display_path(path), known=known))
    raise UserError(say("exchange.format.unknown", path=display_path(path), suffix=suffix, known=known))


def import_bank(path: Path, fmt: Format, *, bank_id: str | None, default_id: str, title: str | None,
                replacing: Existing | None = None) -> tuple[QuizBank | None, Report]:
    """The bank read from ``path`` (None if no question could be read) and the report of the reading.

    Settings the file does not hold come from the bank file being ``replacing``, if any, so a re-import keeps them.

    The id is ``bank_id``, else ``default_id`` (the output file's name, as banks are named after their
    id), else the one the file holds; the title ``title``, else the file's own, else the file name. A
    workbook copied as a template thus never brings the id of the bank it was exported from.
    """
    report = Report(display_path(path), fmt.unit)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise UserError(say("exchange.file.too_large", path=display_path(path), size=f"{size:,}", limit=f"{MAX_IMPORT_BYTES:,}"))
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(say("exchange.file.unreadable", path=display_path(path), reason=exc.strerror)) from None
    draft = fmt.read(data, report)
    if not draft.questions:
        return None, report
    chosen = bank_id or (default_id if _is_id(default_id) else None) or draft.id or default_id
    if not _is_id(chosen):
        raise UserError(say("exchange.bank.bad_id", id=chosen))
    if draft.id and draft.id != chosen:
        report.warn(say("exchange.bank.renamed", found=draft.id, chosen=chosen))
    if replacing is not None:
        replacing.keep_settings(draft, report)
    try:
        return finish(draft,
 chosen, title or draft.title or path.stem, report), report
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}" for e in exc.errors())
        raise UserError(say("exchange.bank.invalid", path=display_path(path), problems=problems)) from None



def _is_id(text: str) -> bool:
    return bool(re.match(ID_PATTERN, text)) and len(text) <= 64


def export_bank(bank: QuizBank, fmt: Format, target: Path) -> tuple[bytes, Report]:
    """The file contents of ``bank`` in ``fmt`` and the report of what the format could not hold."""
    report = Report(display_path(target), fmt.unit)
    return fmt.write(bank, report), report
