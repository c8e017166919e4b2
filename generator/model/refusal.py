"""How a model's own check refuses a value: by message key, so the loader says it in the course's language.

A model validator raises :func:`refuse` rather than ``ValueError``: pydantic keeps the error's type (the key of
``validate.rule.<key>`` in the catalogue) and its arguments, and :mod:`coursegen.load.validate` phrases them in the
trainer's language. The English fallback is only what pydantic prints when a model is used outside the loader
(a test, a script). An argument ``at`` (data keys below the model) moves the message from the model's first line
to the value that is wrong.
"""

from __future__ import annotations

from pydantic_core import PydanticCustomError


def refuse(key: str, fallback: str, /, **args: object) -> PydanticCustomError:
    """The error of the rule ``key`` (``validate.rule.<key>`` in the catalogue), with its arguments."""
    return PydanticCustomError(key, fallback, args)
