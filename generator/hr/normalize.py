"""Employee ids as people type them → one canonical form, so a file and a roster row can meet.

Trainees type their id on a phone or a Chinese IME (full-width ``Ａ００１２``), with spaces
(``A 0012``), and rosters exported from Excel turn ``1001`` into the number ``1001.0``.
All of these must match the same roster row.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")


def employee_id(raw: object) -> str:
    """The canonical form of an employee id: NFKC (full-width → ASCII), no spaces, upper case.

    Numbers read from a spreadsheet cell lose their ``.0``; an empty or blank id becomes ``""``.
    """
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = unicodedata.normalize("NFKC", str(raw))
    return _INVISIBLE.sub("", text).upper()


def label(raw: object) -> str:
    """A name or department as shown and grouped: full-width spaces folded, runs of spaces collapsed."""
    if raw is None:
        return ""
    text = str(raw).replace("\u3000", " ").replace("\ufeff", "")
    return " ".join(text.split())
