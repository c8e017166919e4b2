"""Case studies, discussions and scenario drills: one YAML file each."""

from __future__ import annotations

from pydantic import Field

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text


class CaseQuestion(StrictModel):
    """A question the trainee answers before the debrief unfolds."""

    id: Id
    prompt: Markdown
    options: list[Text] = Field(
        default_factory=list, description="Choices to pick from; leave out for a written answer."
    )


class Case(StrictModel):
    """案例分析: a fictionalised case the trainee analyses."""

    id: Id
    title: Text
    background: Markdown = Field(description="背景: the situation before things happened.")
    events: list[Markdown] = Field(min_length=1, description="经过: the course of events, in order.")
    disputes: list[Text] = Field(default_factory=list, description="争议焦点: the points in dispute.")
    questions: list[CaseQuestion] = Field(min_length=1, description="思考题: questions for the trainee.")
    debrief: Markdown = Field(description="案例解析: the analysis, folded until the trainee has answered.")
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD


class _GroupActivity(StrictModel):
    id: Id
    title: Text
    time_minutes: int = Field(gt=0, le=600, description="Time box.")
    good_outcome: list[Text] = Field(min_length=1, description="What a good outcome looks like.")
    observer_checklist: list[Text] = Field(default_factory=list, description="What an observer ticks off.")
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD


class Discussion(_GroupActivity):
    """互动讨论: a prompt the group discusses."""

    prompt: Markdown
    questions: list[Text] = Field(default_factory=list, description="Guiding questions.")
    format: Text | None = Field(default=None, description="How the group works, e.g. 4–6 人一组.")


class Role(StrictModel):
    name: Text
    brief: Markdown = Field(description="What this role knows and wants.")


class Drill(_GroupActivity):
    """分组场景模拟演练: a role-play scenario."""

    scenario: Markdown
    roles: list[Role] = Field(min_length=2)
    steps: list[Text] = Field(default_factory=list, description="How the drill runs, in order.")
