"""Stand-ins: text the trainer must still write, marked （待补充：…）: the importer's, where it could not take the
text from the outline, and the studio's, in a new lecture, case, bank or form made from a template.

Written by :mod:`coursegen.importer` and looked for by the loader, which warns about every one still left,
so an unfinished course is caught by `coursegen check` and not by a trainee reading "待补充" on the site.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .yamlfile import Loc

OPEN = "（待补充："
CLOSE = "）"


def stand_in(what: str) -> str:
    """The one marking of text the trainer must still write, e.g. （待补充：案例背景）."""
    return f"{OPEN}{what}{CLOSE}"


def stand_ins(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """(where, the stand-in) for every stand-in left in the data of one file, in reading order."""
    if isinstance(data, str):
        start = data.find(OPEN)
        if start >= 0:
            end = data.find(CLOSE, start + len(OPEN))
            yield loc, data[start:end + 1] if end >= 0 else data[start:]
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from stand_ins(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from stand_ins(value, (*loc, i))
