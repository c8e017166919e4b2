"""The base class of every course model: plain Python objects, validated without importing pydantic.

Why not pydantic models: importing pydantic and declaring the models cost about 0.3 s of CPU on every
command, a tenth of a whole build of a small course. The models here read their declarations (see
:mod:`.fields`) and check the common case themselves: data exactly as YAML gives it (text, whole
numbers, true/false, lists, mappings) that satisfies every constraint. Anything else (a wrong type, a
value pydantic would convert such as ``"60"`` for a number, an address, any error at all) is handed to
the pydantic twin of the model (:mod:`.twin`). Pydantic therefore decides every doubtful case and
words every error, so messages and the JSON Schemas stay exactly pydantic's, and a build of a valid
course never imports it. The fast check may be stricter than pydantic, never looser: where it is unsure
it gives up.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from datetime import datetime
from types import NoneType, UnionType
from typing import Any, Literal, TypeVar

from .fields import MISSING, AwareDatetime, Field, Str

M = TypeVar("M", bound="StrictModel")
Check = Callable[[Any], Any]


class _GiveUp(Exception):
    """The fast check cannot vouch for this value: pydantic decides."""


class FieldInfo:
    """One field as declared: what the guide, the YAML writer and the pydantic twin read."""

    __slots__ = ("annotation", "field")

    def __init__(self, annotation: Any, field: Field) -> None:
        self.annotation = annotation
        self.field = field

    @property
    def description(self) -> str | None:
        return self.field.description

    @property
    def default(self) -> Any:
        return self.field.default

    @property
    def default_factory(self) -> Callable[[], Any] | None:
        return self.field.default_factory

    def is_required(self) -> bool:
        return self.default is MISSING and self.default_factory is None

    def get_default(self, *, call_default_factory: bool = False) -> Any:
        """The default value (None for a required field), as pydantic's ``FieldInfo.get_default``."""
        factory = self.default_factory
        if factory is not None:
            return factory() if call_default_factory else None
        return None if self.default is MISSING else self.default


class _ModelType(type):
    @property
    def model_fields(cls) -> dict[str, FieldInfo]:
        """Name → declaration, base classes' fields first (pydantic's order); read on first use."""
        fields = cls.__dict__.get("_model_fields")
        if fields is None:
            fields = {}
            for name, annotation in typing.get_type_hints(cls, include_extras=True).items():
                if name.startswith("_") or typing.get_origin(annotation) is typing.ClassVar:
                    continue
                declared = getattr(cls, name, MISSING)
                fields[name] = FieldInfo(annotation, declared if isinstance(declared, Field) else Field(declared))
            type.__setattr__(cls, "_model_fields", fields)
        return fields


class StrictModel(metaclass=_ModelType):
    """Base of every model read from a trainer's YAML: unknown keys are errors, instances are frozen.

    Constructing one (``Point(title="…")``) validates as pydantic would; the attributes are its fields.
    """

    def __init__(self, **data: Any) -> None:
        object.__setattr__(self, "__dict__", self.model_validate(data).__dict__)

    @classmethod
    def model_validate(cls: type[M], data: Any) -> M:
        """The model made from ``data``; raises pydantic's ``ValidationError`` when it is not valid."""
        return typing.cast(M, validate_value(cls, data))

    @classmethod
    def model_construct(cls: type[M], **values: Any) -> M:
        """A model from values already known to be valid, defaults filled in (pydantic's ``model_construct``):
        for the models the renderers make of a plain title, which validating again would only slow down."""
        fields = {name: values[name] if name in values else info.get_default(call_default_factory=True)
                  for name, info in cls.model_fields.items()}
        model = object.__new__(cls)
        object.__setattr__(model, "__dict__", fields)
        return model

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        from .twin import pydantic_model

        return pydantic_model(cls).model_json_schema()

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The fields as plain data (``json``: dates and times as ISO 8601 text)."""
        return {name: _dump(value, mode) for name, value in self.__dict__.items()}

    def model_copy(self: M, *, update: dict[str, Any] | None = None) -> M:
        """A copy with some fields replaced, not validated again (as pydantic's ``model_copy``)."""
        copy = object.__new__(type(self))
        object.__setattr__(copy, "__dict__", {**self.__dict__, **(update or {})})
        return copy

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: use model_copy(update=...)")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"


def _dump(value: Any, mode: str) -> Any:
    if isinstance(value, StrictModel):
        return value.model_dump(mode=typing.cast(Literal["python", "json"], mode))
    if isinstance(value, list):
        return [_dump(v, mode) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v, mode) for k, v in value.items()}
    if mode == "json" and isinstance(value, datetime):
        return value.isoformat()
    return value


def validate_value(tp: Any, data: Any) -> Any:
    """``data`` validated as the type ``tp`` (a model, or a type such as a union of models)."""
    try:
        return _checker(tp)(data)
    except _GiveUp:
        from .twin import validate_with_pydantic

        return validate_with_pydantic(tp, data)


_CHECKERS: dict[Any, Check] = {}


def _checker(tp: Any) -> Check:
    checker = _CHECKERS.get(tp)
    if checker is None:
        checker = _CHECKERS[tp] = _compile(tp, {})
    return checker


def _give_up(value: Any) -> Any:
    raise _GiveUp


def _compile(tp: Any, constraints: dict[str, Any]) -> Check:
    """A function that returns the valid value for ``tp`` or raises :class:`_GiveUp`."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        merged = dict(constraints)
        for meta in args[1:]:
            if isinstance(meta, (Field, Str)):
                merged.update(meta.kwargs)
        return _compile(args[0], merged)
    if origin in (typing.Union, UnionType):
        return _union(args, constraints)
    if origin is list:
        return _list(_compile(args[0], {}), constraints)
    if origin is dict:
        return _dict(_compile(args[1], {})) if args[0] is str else _give_up
    if origin is Literal:
        return _literal(args)
    if is_model(tp):
        return lambda value: _model_checker(tp)(value)
    simple = _SCALARS.get(tp)
    return simple(constraints) if simple else _give_up


def _union(args: tuple[Any, ...], constraints: dict[str, Any]) -> Check:
    if constraints.get("discriminator"):
        return _tagged(args, constraints["discriminator"])
    options = [a for a in args if a is not NoneType]
    nullable = len(options) < len(args)
    if len(options) == 1:
        inner = _compile(options[0], constraints)
    elif len(options) == 2 and _is_text(options[0]) and is_model(options[1]):
        # A plain title or a mapping (`Text | Point`): pydantic picks the branch by the value's kind too.
        text, model = _compile(options[0], constraints), _compile(options[1], {})

        def inner(value: Any) -> Any:
            return text(value) if type(value) is str else model(value)
    else:
        return _give_up
    if not nullable:
        return inner
    return lambda value: None if value is None else inner(value)


def _tagged(args: tuple[Any, ...], key: str) -> Check:
    """A union of models told apart by the value of ``key`` (``type: single``)."""
    members = list(args)
    by_tag = {typing.get_args(m.model_fields[key].annotation)[0]: m for m in members}

    def check(value: Any) -> Any:
        if type(value) is dict and type(tag := value.get(key)) is str:
            model = by_tag.get(tag)
            if model is not None:
                return _model_checker(model)(value)
        elif type(value) in members:
            return value
        raise _GiveUp

    return check


def _is_text(tp: Any) -> bool:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp is str


def is_model(tp: Any) -> bool:
    """Whether the type hint ``tp`` is one of the models (rather than a plain type or a union)."""
    return isinstance(tp, type) and issubclass(tp, StrictModel)


def _list(item: Check, constraints: dict[str, Any]) -> Check:
    low, high = constraints.get("min_length", 0), constraints.get("max_length")

    def check(value: Any) -> Any:
        if type(value) is not list or len(value) < low or (high is not None and len(value) > high):
            raise _GiveUp
        return [item(v) for v in value]

    return check


def _dict(item: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not dict or any(type(k) is not str for k in value):
            raise _GiveUp
        return {k: item(v) for k, v in value.items()}

    return check


def _literal(values: tuple[Any, ...]) -> Check:
    allowed = {(type(v), v) for v in values}
    kinds = {type(v) for v in values}

    def check(value: Any) -> Any:
        if type(value) not in kinds or (type(value), value) not in allowed:
            raise _GiveUp
        return value

    return check


_RUST_WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
"""What pydantic strips (Rust's ``char::is_whitespace``); Python's own ``str.strip()`` would also strip U+001C–U+001F."""


def _text(constraints: dict[str, Any]) -> Check:
    strip = constraints.get("strip_whitespace", False)
    low, high = constraints.get("min_length", 0), constraints.get("max_length")
    pattern = constraints.get("pattern")
    match = re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern).match if pattern else None

    def check(value: Any) -> Any:
        if type(value) is not str:
            raise _GiveUp
        if strip:
            value = value.strip(_RUST_WHITESPACE)
        if len(value) < low or (high is not None and len(value) > high) or (match and not match(value)):
            raise _GiveUp
        return value

    return check


def _bounds(constraints: dict[str, Any]) -> Callable[[Any], bool]:
    gt, ge, lt, le = (constraints.get(k) for k in ("gt", "ge", "lt", "le"))
    return lambda n: (gt is None or n > gt) and (ge is None or n >= ge) and (lt is None or n < lt) and (le is None or n <= le)


def _integer(constraints: dict[str, Any]) -> Check:
    within = _bounds(constraints)

    def check(value: Any) -> Any:
        if type(value) is not int or not within(value):
            raise _GiveUp
        return value

    return check


def _number(constraints: dict[str, Any]) -> Check:
    within = _bounds(constraints)

    def check(value: Any) -> Any:
        if type(value) not in (int, float) or not within(value):
            raise _GiveUp
        return float(value)

    return check


def _boolean(constraints: dict[str, Any]) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not bool:
            raise _GiveUp
        return value

    return check


_ISO_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d)\Z")


def _aware_datetime(constraints: dict[str, Any]) -> Check:
    """An aware ``datetime`` as YAML gives it, or text such as ``2021-03-12T18:00:00+08:00``."""

    def check(value: Any) -> Any:
        if type(value) is str and _ISO_DATETIME.match(value):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:  # a day or hour out of range
                raise _GiveUp from None
        if type(value) is not datetime or value.utcoffset() is None:
            raise _GiveUp
        return value

    return check


_SCALARS: dict[Any, Callable[[dict[str, Any]], Check]] = {
    str: _text,
    int: _integer,
    float: _number,
    bool: _boolean,
    AwareDatetime: _aware_datetime,
}
"""Types the fast check knows; any other (an address, for one) is always left to pydantic."""


def _model_checker(cls: type[StrictModel]) -> Check:
    checker = cls.__dict__.get("_fast_check")
    if checker is None:
        checker = _compile_model(cls)
        type.__setattr__(cls, "_fast_check", checker)
    return checker


def _compile_model(cls: type[StrictModel]) -> Check:
    fields = [
        (name, _compile(info.annotation, info.field.kwargs), info.default, info.default_factory)
        for name, info in cls.model_fields.items()
    ]
    names = frozenset(name for name, *_ in fields)
    checks = model_checks(cls)

    def check(data: Any) -> Any:
        if type(data) is not dict:
            if isinstance(data, cls):
                return data  # already a valid model (pydantic does not validate instances again)
            raise _GiveUp
        if not names.issuperset(data):
            raise _GiveUp
        values = {}
        for name, field_check, default, factory in fields:
            if name in data:
                values[name] = field_check(data[name])
            elif factory is not None:
                values[name] = factory()
            elif default is MISSING:
                raise _GiveUp
            else:
                values[name] = default
        model = object.__new__(cls)
        object.__setattr__(model, "__dict__", values)
        try:
            for model_check in checks:
                model_check(model)
        except ValueError:
            raise _GiveUp from None
        return model

    return check


def model_checks(cls: type) -> list[Callable[[Any], Any]]:
    """The methods marked with :func:`~.fields.check`, base classes' first."""
    found: dict[str, Callable[[Any], Any]] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if getattr(value, "__model_check__", False):
                found[name] = value
    return list(found.values())
