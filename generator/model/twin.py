"""The pydantic twin of each course model, made from the same declarations when it is first needed.

Pydantic decides whatever the fast check of :mod:`.strict` leaves open and words every error a trainer
reads; its JSON Schemas are the ones editors use. A twin has the model's name, docstring, fields in the
same order, the same checks, methods and properties, so it validates, errs and describes itself exactly
as the model would have as a pydantic model. Importing this module imports pydantic: only a command
that meets a doubtful value, an error, or needs a schema pays for it.
"""

from __future__ import annotations

import typing
from functools import cache
from types import FunctionType, UnionType
from typing import Any

from pydantic import AnyHttpUrl, AnyUrl, BaseModel, ConfigDict, StringConstraints, TypeAdapter, model_validator
from pydantic import AwareDatetime as PydanticAwareDatetime
from pydantic import Field as PydanticField

from .fields import AwareDatetime, Field, HttpUrl, Str
from .strict import StrictModel, is_model, model_checks

_MODELS: dict[type[BaseModel], type[StrictModel]] = {}
"""Twin → model, to turn pydantic's results back into models."""

_TYPES: dict[Any, Any] = {HttpUrl: AnyHttpUrl, AwareDatetime: PydanticAwareDatetime}


@cache
def pydantic_model(cls: type[StrictModel]) -> type[BaseModel]:
    """The pydantic model that ``cls`` would have been."""
    fields = cls.model_fields
    namespace: dict[str, Any] = {
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "__annotations__": {name: pydantic_type(info.annotation) for name, info in fields.items()},
        "model_config": ConfigDict(extra="forbid", frozen=True),
    }
    namespace.update({name: PydanticField(**info.field.kwargs) for name, info in fields.items() if info.field.kwargs})
    for klass in reversed(cls.__mro__[: cls.__mro__.index(StrictModel)]):
        for name, value in vars(klass).items():
            if not name.startswith("_") and name not in fields and isinstance(value, (FunctionType, property)):
                namespace[name] = value
    for method in model_checks(cls):
        namespace[method.__name__] = model_validator(mode="after")(_after(method))
    twin = typing.cast(type[BaseModel], type(cls.__name__, (BaseModel,), namespace))
    _MODELS[twin] = cls
    return twin


def _after(method: Any) -> Any:
    def check(self: Any) -> Any:
        method(self)
        return self

    return check


def pydantic_type(tp: Any) -> Any:
    """A type hint of the models with each model replaced by its twin and each declaration by pydantic's."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return typing.Annotated[(pydantic_type(args[0]), *(_metadata(m) for m in args[1:]))]
    if origin in (typing.Union, UnionType):
        return typing.Union[tuple(pydantic_type(a) for a in args)]
    if origin is list:
        return list[pydantic_type(args[0])]  # type: ignore[misc]
    if origin is dict:
        return dict[pydantic_type(args[0]), pydantic_type(args[1])]  # type: ignore[misc]
    if is_model(tp):
        return pydantic_model(tp)
    return _TYPES.get(tp, tp)


def _metadata(meta: Any) -> Any:
    if isinstance(meta, Field):
        return PydanticField(**meta.kwargs)
    if isinstance(meta, Str):
        return StringConstraints(**meta.kwargs)
    return meta


def validate_with_pydantic(tp: Any, data: Any) -> Any:
    """``data`` validated by pydantic as ``tp``, as models; raises pydantic's ``ValidationError``."""
    plain = _plain(data)
    if is_model(tp):
        result = pydantic_model(tp).model_validate(plain)
    else:
        result = _adapter(tp).validate_python(plain)
    return _from_pydantic(result)


@cache
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(pydantic_type(tp))


def _plain(value: Any) -> Any:
    """Models inside ``data`` as the mappings they were made from (the twins validate them again)."""
    if isinstance(value, StrictModel):
        return value.model_dump()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _from_pydantic(value: Any) -> Any:
    if isinstance(value, BaseModel):
        model = object.__new__(_MODELS[type(value)])
        values = {name: _from_pydantic(getattr(value, name)) for name in type(value).model_fields}
        object.__setattr__(model, "__dict__", values)
        return model
    if isinstance(value, list):
        return [_from_pydantic(v) for v in value]
    if isinstance(value, dict):
        return {k: _from_pydantic(v) for k, v in value.items()}
    if isinstance(value, AnyUrl):
        return str(value)
    return value
