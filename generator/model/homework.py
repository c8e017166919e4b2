"""Homework and survey templates (`homework/*.yml`): forms trainees fill in online."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, model_validator

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text, first_duplicate


class _Field(StrictModel):
    id: Id
    label: Text
    hint: Text | None = Field(default=None, description="Help shown under the label.")
    required: bool = False


class TextField(_Field):
    """One line of text."""

    type: Literal["text"]
    max_length: int = Field(default=200, gt=0, le=10_000)


class TextArea(_Field):
    """Several lines of text, with a length hint."""

    type: Literal["textarea"]
    min_length: int = Field(default=0, ge=0, le=50_000)
    max_length: int = Field(default=5_000, gt=0, le=50_000)

    @model_validator(mode="after")
    def _bounds(self) -> TextArea:
        if self.min_length > self.max_length:
            raise ValueError(f"min_length {self.min_length} is larger than max_length {self.max_length}")
        return self


class Column(StrictModel):
    id: Id
    label: Text
    hint: Text | None = None


class Table(_Field):
    """A repeatable table: one row per item, e.g. one complaint case per row."""

    type: Literal["table"]
    columns: list[Column] = Field(min_length=1)
    min_rows: int = Field(default=1, ge=0, le=100, description="Rows needed when the field is required.")
    max_rows: int = Field(default=20, gt=0, le=200)

    @model_validator(mode="after")
    def _bounds(self) -> Table:
        if (dupe := first_duplicate(c.id for c in self.columns)) is not None:
            raise ValueError(f"column id {dupe!r} is used twice in this table")
        if self.min_rows > self.max_rows:
            raise ValueError(f"min_rows {self.min_rows} is larger than max_rows {self.max_rows}")
        return self


class Checkboxes(_Field):
    """Several options, any number ticked."""

    type: Literal["checkboxes"]
    options: list[Text] = Field(min_length=1)


class Choice(_Field):
    """Several options, one picked."""

    type: Literal["choice"]
    options: list[Text] = Field(min_length=2)


class RatingItem(StrictModel):
    id: Id
    label: Text


class Rating(_Field):
    """Survey items each rated on a 1–5 scale."""

    type: Literal["rating"]
    items: list[RatingItem] = Field(min_length=1)
    low_label: Text = "很不满意"
    high_label: Text = "非常满意"


FormField = Annotated[
    TextField | TextArea | Table | Checkboxes | Choice | Rating,
    Field(discriminator="type"),
]


class Homework(StrictModel):
    """A homework (作业) or a course survey (课程评估): a form exported as a submission file."""

    id: Id
    title: Text
    kind: Literal["homework", "survey"] = "homework"
    intro: Markdown | None = None
    due: AwareDatetime | None = Field(
        default=None, description="Due time with its UTC offset, e.g. 2021-03-12T18:00:00+08:00."
    )
    fields: list[FormField] = Field(min_length=1)
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD

    @model_validator(mode="after")
    def _unique_ids(self) -> Homework:
        if (dupe := first_duplicate(f.id for f in self.fields)) is not None:
            raise ValueError(f"field id {dupe!r} is used twice in this form")
        return self


def due_label(due: datetime | None) -> str:
    """The due time as a trainee reads it, in the offset the trainer wrote."""
    return due.strftime("%Y-%m-%d %H:%M") if due else ""
