"""The grading workbook (批改表, ``--grading``): what each trainee handed in, readable, with room for a grade and a comment.

One sheet per homework form, named after the form (cut to Excel's 31 characters, without the characters Excel
forbids in a sheet name); surveys are not graded, and their answers stay out of a workbook that names trainees.
One row per trainee who handed the form in, showing the version the report counts: 工号, 姓名, 部门, 提交时间,
each answer in its own column under the field's label (a table one line per row, a rating one line per item),
then 成绩, 评语 and 复核 for the trainer, and last the submission's checksum, which ties the row to the file it shows
when the grades are read back (see :mod:`.grades`). Grades already read back (``--grades``) are filled in again, so
the workbook can be rewritten as trainees hand in, without losing what the trainer typed.

Written in openpyxl's write-only mode like the report; every value passes through :func:`cells.safe`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as XlsxCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from ..messages import say
from ..model.homework import Checkboxes, Choice, Homework, Rating, Table, TextArea, TextField
from .answers import answer_text
from .cells import Value, safe
from .report import Cell, Report

SHEET_NAME_LIMIT = 31
"""Excel's limit on a sheet name, in UTF-16 code units."""
FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
"""Characters Excel refuses in a sheet name, each replaced by ``_``."""
RESERVED = ("history",)
"""A sheet name Excel keeps for itself (compared ignoring case)."""
WHEN = "yyyy-mm-dd hh:mm"

_HEAD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_GRADE_FILL = PatternFill("solid", fgColor="FFF2CC")
_MUTED = Font(color="808080")
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)
_HEAD_ALIGN = Alignment(vertical="center", wrap_text=True)

_WIDTHS: dict[type, int] = {TextField: 30, TextArea: 50, Table: 50, Checkboxes: 24, Choice: 18, Rating: 26}


def sheet_name(title: str, taken: set[str], fallback: str = "_") -> str:
    """``title`` as a sheet name Excel accepts: forbidden characters replaced, no quote at either end, at most
    31 UTF-16 units (an emoji is never split), not reserved, and unlike every name in ``taken`` (ignoring case),
    which it joins."""
    name = title.translate(FORBIDDEN).strip().strip("'").strip() or fallback.translate(FORBIDDEN).strip("'") or "_"
    if name.lower() in RESERVED:
        name += "_"
    base, n = _cut(name, SHEET_NAME_LIMIT), 1
    name = base
    while name.lower() in taken:
        n += 1
        suffix = f"({n})"
        name = _cut(base, SHEET_NAME_LIMIT - len(suffix)) + suffix
    taken.add(name.lower())
    return name


def _cut(text: str, units: int) -> str:
    """``text`` cut to ``units`` UTF-16 code units without splitting a character, and without a quote left at its end."""
    encoded = text.encode("utf-16-le")
    if len(encoded) <= 2 * units:
        return text
    return encoded[: 2 * units].decode("utf-16-le", "ignore").rstrip().rstrip("'")


def graded_forms(report: Report) -> list[Homework]:
    """The forms the workbook has a sheet for: homework, not surveys."""
    return [form for form in report.forms if form.kind == "homework"]


def kept_cells(report: Report, form: Homework) -> list[Cell]:
    """Each trainee's cell for ``form`` that has a kept submission (the one the report counts), in roster order."""
    index = report.forms.index(form)
    return [cells[index] for _, cells in report.rows if cells[index].received is not None]


def write_grading(report: Report, path: Path) -> None:
    """Write the grading workbook to ``path`` (a temporary name: the report's staging moves it into place)."""
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    forms = graded_forms(report)
    for form in forms:
        _sheet(workbook, sheet_name(form.title, taken, form.id), form, kept_cells(report, form))
    if not forms:
        ws = workbook.create_sheet(say("hr.grading.no_homework_sheet"))
        ws.append([say("hr.grading.no_homework")])
    workbook.save(path)


def _sheet(workbook: Workbook, name: str, form: Homework, cells: list[Cell]) -> None:
    ws = workbook.create_sheet(name)  # a WriteOnlyWorksheet, whose stubs lack the column widths and filter it has at run time
    header = [*(say(f"hr.label.{k}") for k in ("employee_id", "name", "department", "handed_at")), *(f.label for f in form.fields),
              *(say(f"hr.label.{k}") for k in ("grade", "comment", "review", "checksum"))]
    widths = [12, 10, 16, 17, *(_WIDTHS.get(type(f), 30) for f in form.fields), 10, 40, 20, 24]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "C2"  # the header row, and who each row is, stay in view
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(cells) + 1}"
    grade_at = 4 + len(form.fields)
    ws.append([_head(ws, text, muted=i == len(header) - 1, fill=_GRADE_FILL if grade_at <= i < grade_at + 3 else _HEAD_FILL)
               for i, text in enumerate(header)])
    for cell in cells:
        received = cell.received
        assert received is not None
        grade = cell.grade
        values: list[Value] = [cell.trainee.raw_id, cell.trainee.name, cell.trainee.department, cell.last_at]
        values += [answer_text(f, received.answers.get(f.id)) for f in form.fields]
        values += [grade.value if grade else None, grade.comment if grade else None, say("hr.grading.needs_review") if grade and grade.review else None,
                   received.sha256]
        ws.append(list(_row(ws, values, grade_at)))


def _head(ws: WriteOnlyWorksheet, text: str, *, muted: bool, fill: PatternFill) -> XlsxCell:
    cell = WriteOnlyCell(ws, safe(text))
    cell.font, cell.fill, cell.alignment = (_MUTED if muted else _HEAD), fill, _HEAD_ALIGN
    return cell


def _row(ws: WriteOnlyWorksheet, values: list[Value], grade_at: int) -> Iterable[XlsxCell]:
    """Answers and the comment wrap; every cell sits at the top, so a long answer does not push the name down."""
    last = len(values) - 1
    for i, value in enumerate(values):
        cell = WriteOnlyCell(ws, safe(value))
        cell.alignment = _WRAP if 4 <= i < grade_at or i == grade_at + 1 else _TOP
        if i == 3:
            cell.number_format = WHEN
        elif i == last:
            cell.font = _MUTED
        yield cell
