"""Question banks (`quizzes/*.yml`): the seven question types and their build-time checks.

Scoring rules, shown to trainees on the quiz page:
- single choice, true/false, fill in the blank: all points or none;
- multiple choice: partial credit, points × max(0, (right ticks − wrong ticks) / number of right options);
- ordering: points × share of items in their right place;
- matching: points × share of pairs matched right;
- short answer: self-graded against a checklist and counted apart from the score.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text, first_duplicate


class Option(StrictModel):
    """One option of a choice question."""

    text: Text
    correct: bool = False
    feedback: Markdown | None = Field(default=None, description="Shown when the trainee picks this option.")


class _Question(StrictModel):
    id: Id
    prompt: Markdown = Field(description="The question as the trainee reads it.")
    points: int = Field(default=1, ge=0, le=100)
    explanation: Markdown | None = Field(default=None, description="Shown once the question is answered.")
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD

    @property
    def auto_graded(self) -> bool:
        return True


class SingleChoice(_Question):
    """Exactly one right option."""

    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_right(self) -> SingleChoice:
        right = sum(o.correct for o in self.options)
        if right != 1:
            raise ValueError(f"a single-choice question needs exactly one option with `correct: true` (found {right})")
        return self


class MultipleChoice(_Question):
    """One or more right options; partial credit."""

    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _some_right(self) -> MultipleChoice:
        if not any(o.correct for o in self.options):
            raise ValueError("a multiple-choice question needs at least one option with `correct: true`")
        return self


class TrueFalse(_Question):
    """A statement that is true or false."""

    type: Literal["true_false"]
    answer: bool
    feedback_true: Markdown | None = Field(default=None, description="Shown when the trainee answers 对/true.")
    feedback_false: Markdown | None = Field(default=None, description="Shown when the trainee answers 错/false.")


class FillBlank(_Question):
    """A blank filled with free text, compared ignoring case, outer spaces and full/half width."""

    type: Literal["fill"]
    accept: list[Text] = Field(min_length=1, description="Accepted answers; any one of them is right.")


class Ordering(_Question):
    """Items the trainee puts in order; listed here in the right order."""

    type: Literal["ordering"]
    items: list[Text] = Field(min_length=2, description="The items in their right order.")

    @model_validator(mode="after")
    def _unique(self) -> Ordering:
        if (dupe := first_duplicate(self.items)) is not None:
            raise ValueError(f"ordering items must be unique; {dupe!r} appears twice")
        return self


class Pair(StrictModel):
    left: Text
    right: Text


class Matching(_Question):
    """Left items matched to right items; listed here as the right pairs."""

    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2)

    @model_validator(mode="after")
    def _complete(self) -> Matching:
        for side in ("left", "right"):
            if (dupe := first_duplicate(getattr(p, side) for p in self.pairs)) is not None:
                raise ValueError(f"matching pairs must be one-to-one; {side} side repeats {dupe!r}")
        return self


class ShortAnswer(_Question):
    """Free answer the trainee checks against a reference and a checklist (self-graded)."""

    type: Literal["short"]
    reference: Markdown = Field(description="Model answer shown after the trainee has written theirs.")
    checklist: list[Text] = Field(min_length=1, description="Points the trainee ticks when their answer covers them.")

    @property
    def auto_graded(self) -> bool:
        return False


Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | FillBlank | Ordering | Matching | ShortAnswer,
    Field(discriminator="type"),
]


class QuizBank(StrictModel):
    """A question bank: one file in `quizzes/`."""

    id: Id
    title: Text
    intro: Markdown | None = None
    pass_mark: int = Field(default=60, ge=0, le=100, description="Percentage of the auto-graded points needed to pass.")
    shuffle: bool = Field(default=False, description="Shuffle questions and options on each attempt.")
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _checks(self) -> QuizBank:
        if (dupe := first_duplicate(q.id for q in self.questions)) is not None:
            raise ValueError(f"question id {dupe!r} is used twice in this bank")
        if self.pass_mark > 0 and self.max_points == 0:
            raise ValueError(
                f"pass_mark {self.pass_mark}% cannot be reached: no auto-graded question carries points"
            )
        return self

    @property
    def max_points(self) -> int:
        return sum(q.points for q in self.questions if q.auto_graded)
