"""How a model's fields are declared: the words of pydantic, without importing it.

The course models are written as pydantic models are (``title: Text``, ``Field(gt=0, description=…)``,
``Annotated[str, Str(pattern=…)]``) but are plain classes at run time (see :mod:`.strict`): a build
never pays pydantic's import. These declarations carry pydantic's own argument names, so the pydantic
twin of each model (:mod:`.twin`, for error messages and JSON Schemas) is made by passing them on as is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

MISSING: Any = object()
"""No default given: the field is required."""


class Field:
    """A field's default and constraints: the arguments of ``pydantic.Field``."""

    __slots__ = ("kwargs",)

    def __init__(self, default: Any = MISSING, **kwargs: Any) -> None:
        self.kwargs = kwargs if default is MISSING else {"default": default, **kwargs}

    @property
    def default(self) -> Any:
        return self.kwargs.get("default", MISSING)

    @property
    def default_factory(self) -> Callable[[], Any] | None:
        return self.kwargs.get("default_factory")

    @property
    def description(self) -> str | None:
        return self.kwargs.get("description")


class Str:
    """Constraints of a string type: the arguments of ``pydantic.StringConstraints``."""

    __slots__ = ("kwargs",)

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs


class HttpUrl:
    """An http(s) address; pydantic's ``AnyHttpUrl`` checks and normalises it (the model then holds the text)."""


class AwareDatetime:
    """A date and time with its UTC offset (pydantic's ``AwareDatetime``); the model holds a ``datetime``."""


F = TypeVar("F", bound=Callable[..., Any])


def check(method: F) -> F:
    """Marks a method that checks a whole model once its fields are valid (pydantic's after-validator).

    It raises ``ValueError`` with the message a trainer reads; its return value is ignored.
    """
    method.__model_check__ = True  # type: ignore[attr-defined]
    return method
