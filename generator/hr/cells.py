"""Text from trainees' files, made safe for a spreadsheet cell (xlsx and CSV alike).

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
programs skip before looking) is a formula to Excel: a trainee could type ``=HYPERLINK(...)`` as
their name. Such text gets a leading ``'`` so it is stored and shown as text, never evaluated.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..messages import say

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_LIMIT = 32_767
"""Excel's limit, in UTF-16 code units (an emoji counts twice)."""
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters no output may carry raw: control characters (an xlsx file cannot hold them, an HTML parser
rejects them, a CSV should not carry them), lone surrogates (UTF-8 cannot encode them) and U+FFFE/U+FFFF
(not XML). Tab, line feed and carriage return are text."""

Value = str | int | float | datetime | None


def visible(value: str) -> str:
    """``value`` with each character of :data:`_INVISIBLE` shown as U+FFFD: the one rule for xlsx, CSV and HTML."""
    return _INVISIBLE.sub("\ufffd", value)


def text(value: str) -> str:
    """``value`` as inert text: no formula trigger at the start, no control characters, within Excel's limit."""
    value = visible(value)
    if value.startswith(FORMULA_TRIGGERS):
        value = "'" + value
    return within_cell(value)


def within_cell(value: str) -> str:
    """``value`` if it fits an Excel cell, else cut to fit with a note of the cut (``hr.cell_cut``) at the end.

    Excel would cut a longer text silently (or call the workbook damaged); a cut HR cannot see would
    pass for a whole answer, so the note says the text goes on (in the HTML report, in full). The cut never splits an emoji.
    """
    if len(value) <= EXCEL_CELL_LIMIT // 2:  # no character is more than two UTF-16 units: the common case costs nothing
        return value
    units = value.encode("utf-16-le")
    if len(units) <= 2 * EXCEL_CELL_LIMIT:
        return value
    marker = say("hr.cell_cut", n=len(value))
    return units[: 2 * (EXCEL_CELL_LIMIT - len(marker))].decode("utf-16-le", "ignore") + marker


def safe(value: Value) -> Value:
    """Any cell value: strings neutralised (an empty one left out), numbers kept, times without zone (as Excel wants)."""
    if isinstance(value, str):
        return text(value) if value else None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return value
