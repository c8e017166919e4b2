"""Question banks as YAML files: read through the course loader, written for people to edit.

Reading goes through the same line-numbered loader as ``coursegen check``, so a typo in a bank that is
being exported is reported as ``file:line:col``. Writing produces the style of the hand-written banks:
Chinese as is, block style, multi-line text as ``|`` blocks, default values left out, and keys in the
model's order except that a question reads as the hand-written banks do: ``id, type, points, prompt``,
then its type's own fields, then ``explanation`` and ``facilitator``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..load.problems import CourseError
from ..load.unique import repeats
from ..load.validate import validate
from ..load.yamlfile import read_yaml
from ..model.quiz import QuizBank
from ..yamlout import dump_yaml


def load_bank(path: Path) -> QuizBank:
    """The bank in ``path``; raises :class:`CourseError` with every problem found."""
    doc, problems = read_yaml(path)
    if doc is None or problems:
        raise CourseError(problems)
    bank, problems = validate(doc, QuizBank)
    if bank is None or (problems := repeats(doc, bank)):  # two questions with one id would export as one
        raise CourseError(problems)
    return bank


def dump_bank(bank: QuizBank) -> str:
    """The YAML text of ``bank``; reading it back gives an equal bank."""
    return dump_yaml(_plain(bank))


_QUESTION_HEAD = ("id", "type", "points", "prompt")
_QUESTION_TAIL = ("explanation", "facilitator")


def _plain(value: Any) -> Any:
    """Models as dicts in field order without defaults; question keys in reading order."""
    if isinstance(value, BaseModel):
        data: dict[str, Any] = {}
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            default = info.get_default(call_default_factory=True)
            if item is None or (name != "type" and item == default):
                continue
            data[name] = _plain(item)
        if "type" in data:
            head = {k: data.pop(k) for k in _QUESTION_HEAD if k in data}
            tail = {k: data.pop(k) for k in _QUESTION_TAIL if k in data}
            data = {**head, **data, **tail}
        return data
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value

