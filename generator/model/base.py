"""Shared building blocks of every course model.

Every model forbids unknown keys: a trainer's typo must be an error with a hint,
never a silently ignored field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=64),
    Field(
        description="Stable identifier: lower-case letters, digits and '-'. "
        "Used in page addresses and in the keys under which the browser stores progress, "
        "so change it only when you mean to start afresh.",
    ),
]
"""An id (slug) that survives edits of titles and reordering."""

Markdown = Annotated[str, Field(description="Text in Markdown.")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-empty line of plain text."""


class StrictModel(BaseModel):
    """Base of every model read from a trainer's YAML.

    ``defer_build``: pydantic builds a model's validator when it first validates, not at import. Nested
    models (a point, an option) are only ever validated inside their file's model, so their own
    validators are never built, and every command that validates nothing starts faster.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True)


class FacilitatorNotes(StrictModel):
    """Notes that only the trainer edition shows."""

    notes: Markdown = Field(description="How to run this part: timing, prompts, what to watch for.")
    expected_answers: list[Markdown] = Field(
        default_factory=list,
        description="Answers the trainer hopes to hear; never shown on the trainee site.",
    )


FACILITATOR_FIELD = Field(
    default=None,
    description="Facilitator notes (trainer edition only). The trainee site never contains them.",
)


def first_duplicate(values: Iterable[str]) -> str | None:
    """The first value seen twice, in one pass (banks and forms can be long)."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None
