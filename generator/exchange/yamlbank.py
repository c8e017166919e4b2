"""Question banks as YAML files: read through the course loader, written for people to edit.

Reading goes through the same line-numbered loader as ``coursegen check``, so a typo in a bank that is
being exported is reported as ``file:line:col``. Writing goes through coursegen's one YAML writer
(:mod:`coursegen.yamledit`). A new bank is written in the style of the hand-written banks: Chinese as is,
block style, multi-line text as ``|`` blocks, default values left out, and keys in the model's order except
that a question reads as the hand-written banks do: ``id, type, points, prompt``, then its type's own fields,
then ``hint``, ``explanation`` and ``facilitator``. A bank that replaces an existing file is that file changed only where
the banks differ, so the trainer's comments, key order and quoting survive wherever nothing changed.
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
from ..yamledit import Document, dump_new


def load_bank(path: Path) -> QuizBank:
    """The bank in ``path``; raises :class:`CourseError` with every problem found."""
    doc, problems = read_yaml(path)
    if doc is None or problems:
        raise CourseError(problems)
    bank, problems = validate(doc, QuizBank)
    if bank is None or (problems := repeats(doc, bank)):  # two questions with one id would export as one
        raise CourseError(problems)
    return bank


def dump_bank(bank: QuizBank, over: Document | None = None) -> str:
    """The YAML text of ``bank``; reading it back gives an equal bank. ``over``: the bank file it replaces, which is
    changed to say ``bank`` (:meth:`Document.apply`) and whose text is returned."""
    if over is None:
        return dump_new(_plain(bank))
    over.apply(_plain(bank, over.data()))
    return over.dump()


_QUESTION_HEAD = ("id", "type", "points", "prompt")
_QUESTION_TAIL = ("hint", "explanation", "facilitator")


def _plain(value: Any, like: Any = None) -> Any:
    """Models as dicts in field order without defaults; question keys in reading order.

    ``like`` is the same part of the bank file being replaced (a question is the one with its id), whose way of
    writing a value that did not change is kept: a default it writes out (``points: 1``), and a text whose line
    breaks and spaces around it are all that differ (no format keeps them, and Markdown ignores them).
    """
    if isinstance(value, str):
        return like if isinstance(like, str) and like.strip() == value.strip() else value
    if isinstance(value, BaseModel):
        old = like if isinstance(like, dict) else {}
        data: dict[str, Any] = {}
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            default = info.get_default(call_default_factory=True)
            if (item is None or (name != "type" and item == default)) and not (name in old and old[name] == item):
                continue
            data[name] = _plain(item, old.get(name))
        if "type" in data:
            head = {k: data.pop(k) for k in _QUESTION_HEAD if k in data}
            tail = {k: data.pop(k) for k in _QUESTION_TAIL if k in data}
            data = {**head, **data, **tail}
        return data
    if isinstance(value, list):
        olds = like if isinstance(like, list) else []
        ids = {old.get("id"): old for old in olds if isinstance(old, dict)}
        return [_plain(v, ids.get(v.id) if hasattr(v, "id") else olds[i] if i < len(olds) else None) for i, v in enumerate(value)]
    return value

