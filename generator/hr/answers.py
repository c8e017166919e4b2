"""An answer to a form's field as a person reads it: the grading workbook shows each answer so, and the survey summary
lists table answers so, beside the texts."""

from __future__ import annotations

from ..messages import say
from ..model.homework import FormField, Rating, Table
from ..model.submission import Answer


def answer_text(form_field: FormField, answer: Answer | None) -> str:
    """One answer as the trainer reads it: text as written, choices by their labels one per line, a table one line
    per row (``1. 列标题：值；列标题：值``), a rating one line per item (``项目：4 分``)."""
    if answer is None:
        return ""
    if isinstance(form_field, Table) and isinstance(answer, list):
        return _table(form_field, answer)
    if isinstance(form_field, Rating) and isinstance(answer, dict):
        labels = {item.id: item.label for item in form_field.items}
        order = [*labels, *(k for k in answer if k not in labels)]
        return "\n".join(say("hr.grading.rating", item=labels.get(k, k), n=answer[k]) for k in order if k in answer)
    return _plain(answer)


def _table(form_field: Table, rows: list[str] | list[dict[str, str]]) -> str:
    labels = {column.id: column.label for column in form_field.columns}
    lines = []
    for row in rows:
        if not isinstance(row, dict):
            lines.append(_plain(row))
            continue
        order = [*labels, *(k for k in row if k not in labels)]
        cells = [say("hr.grading.table_cell", label=labels.get(k, k), value=str(row[k]).strip()) for k in order if str(row.get(k) or "").strip()]
        if cells:
            lines.append(say("hr.grading.table_row", n=len(lines) + 1, cells=say("hr.grading.cell_separator").join(cells)))
    return "\n".join(lines)


def _plain(answer: object) -> str:
    if isinstance(answer, list):
        return "\n".join(_plain(a) for a in answer)
    if isinstance(answer, dict):
        return "\n".join(say("hr.grading.table_cell", label=k, value=_plain(v)) for k, v in answer.items())
    return str(answer)
