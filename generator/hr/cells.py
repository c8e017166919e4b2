"""Text from trainees' files, made safe for a spreadsheet cell (xlsx and CSV alike).

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
programs skip before looking) is a formula to Excel: a trainee could type ``=HYPERLINK(...)`` as
their name. Such text gets a leading ``'`` so it is stored and shown as text, never evaluated.
"""

from __future__ import annotations

import re
from datetime import datetime

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_LIMIT = 32_767
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters an xlsx file cannot hold (openpyxl refuses them) and a CSV should not carry."""

Value = str | int | float | datetime | None


def text(value: str) -> str:
    """``value`` as inert text: no formula trigger at the start, no control characters, within Excel's limit."""
    value = _CONTROL.sub("\ufffd", value)
    if value.startswith(FORMULA_TRIGGERS):
        value = "'" + value
    return value[:EXCEL_CELL_LIMIT]


def safe(value: Value) -> Value:
    """Any cell value: strings neutralised (an empty one left out), numbers kept, times without zone (as Excel wants)."""
    if isinstance(value, str):
        return text(value) if value else None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return value
