"""Validate a YAML document against a model and translate pydantic's errors into trainer's terms.

Pydantic reports a location such as ``('sections', 0, 'points', 1, 'Point', 'title')``: data keys
mixed with the names of union branches. We walk that location through the data to find the line,
drop the errors of union branches that cannot apply to the value written (a mapping is never the
plain-text branch), and phrase each error as what was expected.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..model import Course
from ..model.base import ID_PATTERN
from ..model.handin import EMAIL_PATTERN
from .problems import Problem
from .yamlfile import Loc, YamlDoc

M = TypeVar("M", bound=BaseModel)

_MOVED: dict[Loc, str] = {
    ("submission_url",): "`submission_url` has moved into the `submission` block: write `submission:` with `url:` "
    "(the form service) and `to:` (who receives the hand-ins) under it",
}
"""Top-level keys a later version moved: an old course file gets one error saying the new spelling."""

_PATTERN_HINTS = {
    ID_PATTERN: "ids use lower-case letters, digits and '-', e.g. `complaint-roots`",
    EMAIL_PATTERN: "write one mail address, e.g. `training@branch.example.com`",
}

_SCALAR_BRANCHES = {"str", "int", "float", "bool", "constrained-str", "function-after[", "literal["}


def validate(doc: YamlDoc, model: type[M]) -> tuple[M | None, list[Problem]]:
    """The model built from ``doc``, or None and the problems that prevent it."""
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), f"expected a mapping of keys to values at the top of the file, found {_kind(doc.data)}")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = _translate(doc, model, exc.errors(include_url=False))
        return None, problems


def _translate(doc: YamlDoc, model: type[BaseModel], errors: list[Any]) -> list[Problem]:
    problems: dict[tuple[int, int, str], Problem] = {}
    errors = _without_misspelt_keys(doc.data, model, errors)
    for err in errors:
        data_loc, branches = _split_loc(doc.data, err)
        if not _branch_applies(doc.data, data_loc, branches, err):
            continue
        problem = _phrase(doc, model, err, data_loc, branches)
        problems.setdefault((problem.line, problem.col, problem.message), problem)
    if not problems:  # every error belonged to a union branch we hid: show them all rather than none
        for err in errors:
            data_loc, branches = _split_loc(doc.data, err)
            problem = _phrase(doc, model, err, data_loc, branches)
            problems.setdefault((problem.line, problem.col, problem.message), problem)
    return list(problems.values())


def _without_misspelt_keys(data: Any, model: type[BaseModel], errors: list[Any]) -> list[Any]:
    """A misspelt key is one mistake: `titel` is reported as unknown (with its did-you-mean), and the
    "missing `title`" it causes in the same mapping is dropped."""
    unknown: dict[tuple[Any, ...], list[str]] = {}
    for err in errors:
        if err["type"] == "extra_forbidden":
            unknown.setdefault(tuple(err["loc"][:-1]), []).append(str(err["loc"][-1]))
    if not unknown:
        return errors

    def explained(err: Any) -> bool:
        if err["type"] != "missing":
            return False
        key, parent = str(err["loc"][-1]), tuple(err["loc"][:-1])
        return any(_closest(typo, _fields_at(model, err["loc"])) == key for typo in unknown.get(parent, ()))

    return [err for err in errors if not explained(err)]


def _closest(word: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _split_loc(data: Any, err: Any) -> tuple[Loc, list[tuple[int, str]]]:
    """Separate the keys that exist in the data from union-branch tags; the last key may be missing."""
    loc = err["loc"]
    names_key = err["type"] in ("missing", "extra_forbidden")
    path: list[str | int] = []
    branches: list[tuple[int, str]] = []
    node = data
    for i, step in enumerate(loc):
        if isinstance(node, dict) and step in node:
            path.append(step)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            path.append(step)
            node = node[step]
        elif names_key and i == len(loc) - 1 and isinstance(node, dict):
            path.append(step)  # a missing or unknown key
        else:
            branches.append((len(path), str(step)))
    return tuple(path), branches


def _branch_applies(data: Any, loc: Loc, branches: list[tuple[int, str]], err: Any) -> bool:
    for depth, tag in branches:
        value = _get(data, loc[:depth])
        is_scalar_branch = any(tag.startswith(s) for s in _SCALAR_BRANCHES)
        if isinstance(value, (dict, list)) and is_scalar_branch:
            return False
        if not isinstance(value, (dict, list)) and not is_scalar_branch and tag[:1].isupper():
            return False
    return True


def _get(data: Any, loc: Loc) -> Any:
    for step in loc:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _phrase(doc: YamlDoc, model: type[BaseModel], err: Any, loc: Loc, branches: list[tuple[int, str]]) -> Problem:
    kind = err["type"]
    where = _dotted(loc)
    if kind == "missing":
        parent = loc[:-1]
        return doc.problem(parent, f"missing required key `{loc[-1]}`" + (f" in `{_dotted(parent)}`" if parent else ""))
    if kind == "extra_forbidden":
        allowed = _fields_at(model, err["loc"])
        close = _closest(str(loc[-1]), allowed)
        hint = _MOVED.get(tuple(loc)) if model is Course else None
        hint = hint or _choice_answer_hint(_get(doc.data, loc[:-1]), str(loc[-1])) or (
            f"did you mean `{close}`?" if close else (f"allowed keys: {', '.join(allowed)}" if allowed else None))
        return doc.problem(loc, f"unknown key `{loc[-1]}`" + (f" in `{_dotted(loc[:-1])}`" if loc[:-1] else ""), hint, key=True)
    if kind == "union_tag_invalid":
        expected = err["ctx"]["expected_tags"].replace("'", "")
        tags = [t.strip() for t in expected.split(",")]
        matches = difflib.get_close_matches(str(err["ctx"]["tag"]), tags, n=1)
        hint = f"did you mean `{matches[0]}`?" if matches else None
        return doc.problem((*loc, err["ctx"]["discriminator"].strip("'")),
                           f"`{where}.{err['ctx']['discriminator'].strip(chr(39))}` must be one of: {expected} (found `{err['ctx']['tag']}`)", hint)
    if kind == "union_tag_not_found":
        return doc.problem(loc, f"missing required key `{err['ctx']['discriminator'].strip(chr(39))}` in `{where}`")
    value = _get(doc.data, loc)
    message = _expected(err, value)
    hint = None
    if kind == "string_type" and isinstance(value, (int, float, bool)):
        hint = f"put the value in quotes (\"{value}\") if it is meant as text"
    elif kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(err.get("ctx", {}).get("pattern"))
    return doc.problem(loc, f"`{where}`: {message}" if where else message, hint)


def _choice_answer_hint(mapping: Any, key: str) -> str | None:
    """`answer: B` on a choice question (the habit of exam spreadsheets) is one mistake with two symptoms:
    the unknown key, and no option marked right. One message says both."""
    if key != "answer" or not isinstance(mapping, dict) or mapping.get("type") not in ("single", "multiple"):
        return None
    options = mapping.get("options")
    marked = isinstance(options, list) and any(isinstance(o, dict) and o.get("correct") is True for o in options)
    hint = "a choice question has no `answer`: mark each right option with `correct: true` under `options`"
    return hint if marked else f"{hint} (no option is marked yet)"


def _expected(err: Any, value: Any) -> str:
    msg: str = err["msg"]
    if msg.startswith("Value error, "):
        return msg.removeprefix("Value error, ")
    return f"{msg[0].lower()}{msg[1:]} (found {_kind(value)})"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _dotted(loc: Loc) -> str:
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model that owns the last key of a pydantic error location."""
    current: Any = model
    for step in loc[:-1]:
        current = _step(current, step)
        if current is None:
            return []
    return list(current.model_fields) if _is_model(current) else []


def _step(tp: Any, step: Any) -> Any:
    tp = _unwrap(tp)
    if _is_model(tp):
        field = tp.model_fields.get(step) if isinstance(step, str) else None
        return field.annotation if field else None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (list, tuple) and isinstance(step, int):
        return args[0] if args else None
    if origin is dict:
        return args[1] if len(args) == 2 else None
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            arg = _unwrap(arg)
            if _is_model(arg) and (arg.__name__ == step or _tag_of(arg) == step):
                return arg
        models = [a for a in map(_unwrap, args) if _is_model(a)]
        return _step(models[0], step) if len(models) == 1 else None
    return None


def _unwrap(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 1:
        return _unwrap(args[0])
    return tp


def _tag_of(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("type")
    if field is None:
        return None
    args = typing.get_args(field.annotation)
    return str(args[0]) if args else None


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)
