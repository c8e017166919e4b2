"""Validate a YAML document against a model and translate pydantic's errors into trainer's terms.

Pydantic reports a location such as ``('sections', 0, 'points', 1, 'Point', 'title')``: data keys
mixed with the names of union branches. We walk that location through the data to find the line,
drop the errors of union branches that cannot apply to the value written (a mapping is never the
plain-text branch), and phrase each error from the catalogue's ``validate`` section, in the course's language
(:mod:`coursegen.load.wording` for the values, here for keys and union tags).

A message names the value it is about by its path, as in both languages: ``sections[2].points[1].title``. List
items count from 1, as a trainer counts them (the second section is ``sections[2]``), never from 0.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..messages import say
from ..model import Course
from .problems import Problem
from .wording import Phrased, Written, listed, phrase, phrase_rule
from .yamlfile import Loc, YamlDoc

M = TypeVar("M", bound=BaseModel)

_MOVED = {"submission_url", "question_results"}
"""Top-level keys of ``course.yml`` a later version moved (``validate.moved.<key>``): an old course file gets one
error saying the new spelling."""

_SCALAR_BRANCHES = {"str", "int", "float", "bool", "constrained-str", "function-after[", "literal["}


def validate(doc: YamlDoc, model: type[M]) -> tuple[M | None, list[Problem]]:
    """The model built from ``doc``, or None and the problems that prevent it."""
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), say("validate.not_mapping"), say("validate.not_mapping_hint"))]
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
    "missing `title`" it causes in the same mapping is dropped. So is `answer: B` on a choice question (the habit of
    exam spreadsheets): its message says how right options are marked, and "no option is marked right" goes."""
    unknown: dict[tuple[Any, ...], list[str]] = {}
    for err in errors:
        if err["type"] == "extra_forbidden":
            unknown.setdefault(tuple(err["loc"][:-1]), []).append(str(err["loc"][-1]))
    if not unknown:
        return errors

    def explained(err: Any) -> bool:
        if err["type"] in ("single_right", "multiple_right"):  # reported at the question's `options`
            return "answer" in unknown.get(tuple(err["loc"][:-1]), ())
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
    kind, ctx = err["type"], dict(err.get("ctx") or {})
    if kind == "missing":
        return _missing(doc, loc[:-1], str(loc[-1]))
    if kind == "extra_forbidden":
        return doc.problem(loc, *_unknown(doc, model, err, loc), key=True)
    if kind == "union_tag_invalid":
        return _tag_invalid(doc, loc, ctx)
    if kind == "union_tag_not_found":
        return _missing(doc, loc, ctx["discriminator"].strip("'"))
    loc = (*loc, *ctx.pop("at", ()))
    written = Written(loc[-1] if loc and isinstance(loc[-1], str) else None, _get(doc.data, loc), source_text(doc, loc))
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        message, hint = _mapping(model, err, written)
    elif kind == "value_error":  # a check that does not yet say its message by key
        message, hint = str(ctx["error"]), None
    elif kind in _RULES:
        message, hint = phrase_rule(kind, ctx, written)
    else:
        message, hint = phrase(kind, ctx, written)
    return doc.problem(loc, say("validate.at", where=dotted(loc), message=message) if loc else message, hint)


_RULES = ("one_activity", "one_required", "needs_options", "single_right", "multiple_right",
          "no_channel", "max_below_min", "pass_mark_unreachable", "short_hint", "anonymous_homework", "lrs_secret",
          "cloze.no_blank", "cloze.empty_blank", "cloze.open_blank",
          "dragwords.no_blank", "dragwords.empty_blank", "dragwords.open_blank", "dragwords.repeated",
          "hotspot.rect", "hotspot.overlap")
"""The models' own rules (:func:`coursegen.model.refusal.refuse`), each ``validate.rule.<name>`` in the catalogue."""


def _missing(doc: YamlDoc, parent: Loc, key: str) -> Problem:
    message = say("validate.missing_in", key=key, parent=dotted(parent)) if parent else say("validate.missing", key=key)
    return doc.problem(parent, message, say("validate.missing_hint", key=key))


def _unknown(doc: YamlDoc, model: type[BaseModel], err: Any, loc: Loc) -> Phrased:
    key = str(loc[-1])
    message = say("validate.unknown_in", key=key, parent=dotted(loc[:-1])) if loc[:-1] else say("validate.unknown", key=key)
    allowed = _fields_at(model, err["loc"])
    close = _closest(key, allowed)
    if model is Course and len(loc) == 1 and key in _MOVED:
        return message, say(f"validate.moved.{key}")
    if (answer := _choice_answer_hint(_get(doc.data, loc[:-1]), key)) is not None:
        return message, answer
    if close:
        return message, say("validate.did_you_mean", word=close)
    return message, say("validate.allowed_keys", keys=listed(allowed)) if allowed else None


def _tag_invalid(doc: YamlDoc, loc: Loc, ctx: dict[str, Any]) -> Problem:
    key = ctx["discriminator"].strip("'")
    tags = re.findall(r"'([^']*)'", ctx["expected_tags"])
    at = (*loc, key)
    written = Written(key, _get(doc.data, at), source_text(doc, at))
    matches = difflib.get_close_matches(str(ctx["tag"]), tags, n=1)
    message = say("validate.choice", allowed=listed(tags), found=written.shown)
    hint = say("validate.did_you_mean", word=matches[0]) if matches else say("validate.example", example=written.example(tags[0]))
    return doc.problem(at, say("validate.at", where=dotted(at), message=message), hint)


def _mapping(model: type[BaseModel], err: Any, written: Written) -> Phrased:
    """A value where a mapping of keys belongs (``duration: 1天``): the keys that go there."""
    allowed = _fields_at(model, (*err["loc"], ""))
    hint = say("validate.mapping_hint", key=written.key or "-", keys=listed(allowed)) if allowed else None
    return say("validate.mapping", found=written.shown), hint


def _choice_answer_hint(mapping: Any, key: str) -> str | None:
    """`answer: B` on a choice question (the habit of exam spreadsheets) is one mistake with two symptoms:
    the unknown key, and no option marked right. One message says both."""
    if key != "answer" or not isinstance(mapping, dict) or mapping.get("type") not in ("single", "multiple"):
        return None
    options = mapping.get("options")
    marked = isinstance(options, list) and any(isinstance(o, dict) and o.get("correct") is True for o in options)
    return say("validate.choice_answer") if marked else say("validate.choice_answer_unmarked")


def source_text(doc: YamlDoc, loc: Loc) -> str:
    """What the trainer wrote at ``loc`` (read for the values YAML did not keep as text), on its first line: a scalar
    up to a comment or the end of its flow item; a list or mapping as far as its first line goes (``…`` when it goes
    on). Empty if ``loc`` was not written."""
    mark = doc.value_marks.get(loc)
    if mark is None or doc.text is None:
        return ""
    lines = re.split(r"\r\n|[\n\r\x85\u2028\u2029]", doc.text)
    rest = lines[mark[0] - 1][mark[1] - 1:] if mark[0] <= len(lines) else ""
    value = _get(doc.data, loc)
    if isinstance(value, (dict, list)):
        text = re.split(r"\s#", rest)[0].rstrip()
        return text if text[:1] in "[{" else f"{text} …"
    return re.split(r"\s#|[,\]}]", rest)[0].strip()


def dotted(loc: Loc) -> str:
    """The path a message names, list items counted from 1: ``sections[2].title`` is the second section's title."""
    out = ""
    for step in loc:
        out += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if out else str(step))
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
