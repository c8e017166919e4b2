"""A value the models refuse, in the trainer's words: what was expected, what was written, how to write it.

Each pydantic error type maps to a message of the catalogue's ``validate`` section and, where a fix can be shown,
a hint in the trainer's own notation: the key and a value as they would write it in YAML (``day_start: "12:00"``).
What the trainer wrote is quoted from the file's text, not from the value YAML made of it: unquoted, ``12:00`` is
the number 720 to YAML (minutes, sexagesimal), ``yes`` is true and ``2026-04-20`` a date.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from ..messages import say
from ..model.base import ID_PATTERN
from ..model.course import TIME_PATTERN
from ..model.handin import EMAIL_PATTERN

Phrased = tuple[str, str | None]
"""A message and its hint (None when the message says it all)."""


@dataclass(frozen=True)
class Written:
    """One refused value: the key it stands under (None for a list item), the value, and its text in the file."""

    key: str | None
    value: Any
    source: str

    @property
    def shown(self) -> str:
        """What the trainer wrote, as a code span: the file's text for what YAML did not keep as text."""
        text = self.value if isinstance(self.value, str) else self.source or _plain_text(self.value)
        text = text.replace("`", "'")
        return f"`{text if len(text) <= 40 else text[:39] + '…'}`"

    def example(self, value: str) -> str:
        """``value`` written where the refused one stands: ``key: value``, or the bare value for a list item."""
        return f"`{self.key}: {value}`" if self.key else f"`{value}`"


def phrase(kind: str, ctx: dict[str, Any], written: Written) -> Phrased:
    """The message and hint for a pydantic error of type ``kind`` on ``written``."""
    if written.value is None:
        return say("validate.empty"), _fill_hint(written)
    return _BY_KIND.get(kind, _other)(ctx, written)


def phrase_rule(kind: str, ctx: dict[str, Any], written: Written) -> Phrased:
    """The message and hint of a model's own rule (:func:`coursegen.model.refusal.refuse`)."""
    args = {name: listed([str(v) for v in value]) if isinstance(value, (list, tuple)) else value for name, value in ctx.items()}
    return say(f"validate.rule.{kind}.message", found=written.shown, **args), say(f"validate.rule.{kind}.hint", **args)


def listed(words: list[str]) -> str:
    """Words as code spans, in a list the language punctuates: `a`、`b` in Chinese, `a`, `b` in English."""
    return say("validate.separator").join(f"`{w}`" for w in words)



def yaml_scalar(text: str) -> str:
    """``text`` as a YAML value reads back as that text: bare if it can be, else in double quotes."""
    try:
        plain = yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain = False
    return text if plain and "\n" not in text else json.dumps(text, ensure_ascii=False)


def _fill_hint(written: Written) -> str:
    return say("validate.fill_key", key=written.key) if written.key else say("validate.fill_item")


def _text(_ctx: dict[str, Any], written: Written) -> Phrased:
    value = written.value
    read_as = _read_as(value)
    message = say("validate.text", found=written.shown, read_as=say(f"validate.read_as.{read_as}"))
    if read_as in ("list", "mapping"):
        return message, say(f"validate.text_hint.{read_as}")
    source = written.source or _plain_text(value)
    if re.fullmatch(r"\d:[0-5]\d", source):  # 9:30, a time that a timetable writes 09:30
        source = "0" + source
    return message, say("validate.quote_hint", example=written.example(json.dumps(source, ensure_ascii=False)))


def _read_as(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    return "list" if isinstance(value, list) else "mapping"


def _number(kind: str) -> Callable[[dict[str, Any], Written], Phrased]:
    def phrased(_ctx: dict[str, Any], written: Written) -> Phrased:
        value = written.value
        message = say(f"validate.numeric.{kind}", found=written.shown)
        if kind == "whole" and isinstance(value, float):
            return message, say("validate.example", example=written.example(str(round(value) or 1)))
        text = str(written.source or value)
        if set(text) <= set(_CHINESE_DIGITS):  # 二〇二六: a year written digit by digit
            text = text.translate(str.maketrans(_CHINESE_DIGITS, "0123456789"))
        digits = re.search(r"\d+(\.\d+)?" if kind == "number" else r"\d+", text)
        return message, say("validate.number_hint", example=written.example(digits.group() if digits else "60"))

    return phrased


_CHINESE_DIGITS = "〇一二三四五六七八九"


def _boolean(_ctx: dict[str, Any], written: Written) -> Phrased:
    return say("validate.boolean", found=written.shown), say("validate.example", example=written.example("true"))


def _items(kind: str) -> Callable[[dict[str, Any], Written], Phrased]:
    def phrased(ctx: dict[str, Any], written: Written) -> Phrased:
        if not isinstance(written.value, list):
            return _other(ctx, written)
        limit = ctx.get("min_length" if kind == "too_few" else "max_length")
        hint = say("validate.items_hint") if kind == "too_few" else None
        return say(f"validate.count.{kind}", limit=limit, n=len(written.value)), hint

    return phrased


def _text_too_short(_ctx: dict[str, Any], written: Written) -> Phrased:
    return say("validate.text_empty"), _fill_hint(written)


def _text_too_long(ctx: dict[str, Any], written: Written) -> Phrased:
    return say("validate.text_too_long", max=ctx["max_length"], n=len(str(written.value))), None


def _bound(kind: str) -> Callable[[dict[str, Any], Written], Phrased]:
    def phrased(ctx: dict[str, Any], written: Written) -> Phrased:
        limit = next(iter(ctx.values()))
        if isinstance(limit, float) and limit.is_integer():  # a float field's bound: "0", as the trainer writes it, not "0.0"
            limit = int(limit)
        return say(f"validate.bound.{kind}", limit=limit, found=written.shown), None

    return phrased


def _choice(ctx: dict[str, Any], written: Written) -> Phrased:
    allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    message = say("validate.choice", allowed=listed(allowed), found=written.shown)
    close = difflib.get_close_matches(str(written.value), allowed, n=1)
    if close:
        return message, say("validate.did_you_mean", word=close[0])
    return message, say("validate.example", example=written.example(allowed[0])) if allowed else None


def _pattern(ctx: dict[str, Any], written: Written) -> Phrased:
    pattern = ctx.get("pattern")
    if pattern == ID_PATTERN:
        slug = re.sub(r"[^a-z0-9]+", "-", str(written.value).lower()).strip("-")
        example = slug if re.fullmatch(ID_PATTERN, slug) else "complaint-roots"
        return say("validate.pattern.id", found=written.shown), say("validate.pattern.id_hint", example=written.example(example))
    if pattern == EMAIL_PATTERN:
        return say("validate.pattern.email", found=written.shown), say(
            "validate.pattern.email_hint", example=written.example("training@branch.example.com"))
    if pattern == TIME_PATTERN:
        return say("validate.pattern.time", found=written.shown), say("validate.pattern.time_hint", example=written.example('"09:00"'))
    return say("validate.pattern.other", found=written.shown), None


def _datetime(_ctx: dict[str, Any], written: Written) -> Phrased:
    value = written.value
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value) if "T" in value or " " in value.strip() else dt.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        message, example = say("validate.datetime_no_zone"), f"{value:%Y-%m-%dT%H:%M}+08:00"
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        message, example = say("validate.datetime_date_only"), f"{value.isoformat()}T18:00+08:00"
    else:
        message, example = say("validate.datetime", found=written.shown), "2026-04-20T18:00+08:00"
    return message, say("validate.datetime_hint", example=written.example(example))


def _date(_ctx: dict[str, Any], written: Written) -> Phrased:
    return say("validate.date", found=written.shown), say("validate.date_hint", example=written.example("2026-03-12"))


def _url(_ctx: dict[str, Any], written: Written) -> Phrased:
    text = str(written.value)
    guess = f"https://{text}" if isinstance(written.value, str) and "://" not in text and "." in text and " " not in text else None
    return say("validate.url", found=written.shown), say("validate.url_hint", example=written.example(guess or "https://forms.intranet/homework"))


def _list(_ctx: dict[str, Any], written: Written) -> Phrased:
    message = say("validate.list", found=written.shown)
    if isinstance(written.value, (dict, list)):
        return message, say("validate.items_hint")
    text = written.value if isinstance(written.value, str) else written.source or _plain_text(written.value)
    item = text if re.fullmatch(r"[^,\[\]{}#&*!|>'\"%@`:]+", text) else json.dumps(text, ensure_ascii=False)
    return message, say("validate.list_hint", example=written.example(f"[{item}]"))


def _other(_ctx: dict[str, Any], written: Written) -> Phrased:
    return say("validate.other", found=written.shown), None


def _plain_text(value: Any) -> str:
    """A value YAML made, as the trainer would write it (no Python repr)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


_BY_KIND: dict[str, Callable[[dict[str, Any], Written], Phrased]] = {
    "string_type": _text,
    **dict.fromkeys(("int_type", "int_parsing", "int_parsing_size"), _number("integer")),
    "int_from_float": _number("whole"),
    **dict.fromkeys(("float_type", "float_parsing", "finite_number"), _number("number")),
    **dict.fromkeys(("bool_type", "bool_parsing"), _boolean),
    "too_short": _items("too_few"),
    "too_long": _items("too_many"),
    "string_too_short": _text_too_short,
    "string_too_long": _text_too_long,
    **{kind: _bound(kind) for kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal")},
    **dict.fromkeys(("literal_error", "enum"), _choice),
    "string_pattern_mismatch": _pattern,
    **dict.fromkeys(("timezone_aware", "datetime_type", "datetime_parsing", "datetime_from_date_parsing",
                     "datetime_object_invalid"), _datetime),
    **dict.fromkeys(("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact",
                     "date_future", "date_past"), _date),
    **dict.fromkeys(("url_type", "url_parsing", "url_syntax_violation", "url_too_long", "url_scheme"), _url),
    "list_type": _list,
}
"""Each pydantic error type a course file can cause; any other is said in general words (``validate.other``)."""
