"""The course outline: metadata, lectures, sections, points and where activities sit."""

from __future__ import annotations

from typing import Literal

from pydantic import AnyHttpUrl, Field, model_validator

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text


class ActivityRef(StrictModel):
    """Places one activity at this point of the outline; give exactly one of the keys."""

    case: Id | None = Field(default=None, description="Id of a case study in `cases/`.")
    discussion: Id | None = Field(default=None, description="Id of a discussion in `discussions/`.")
    drill: Id | None = Field(default=None, description="Id of a scenario drill in `drills/`.")
    homework: Id | None = Field(default=None, description="Id of a homework or survey in `homework/`.")
    quiz: Id | None = Field(default=None, description="Id of a question bank in `quizzes/`.")

    @model_validator(mode="after")
    def _exactly_one(self) -> ActivityRef:
        given = [kind for kind, ref in self.items() if ref]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of case, discussion, drill, homework, quiz "
                f"(found {len(given)}: {', '.join(given) or 'none'})"
            )
        return self

    def items(self) -> list[tuple[str, str | None]]:
        """(kind, id) pairs in a fixed order, the one given among them."""
        return [(k, getattr(self, k)) for k in ("case", "discussion", "drill", "homework", "quiz")]

    @property
    def kind(self) -> str:
        return next(k for k, ref in self.items() if ref)

    @property
    def ref(self) -> str:
        return next(ref for _, ref in self.items() if ref)


class SubPoint(StrictModel):
    """A sub-point, numbered 1) 2) in an outline."""

    title: Text
    body: Markdown | None = Field(default=None, description="Short explanation shown under the title.")


class Point(StrictModel):
    """A point, numbered 1. 2. in an outline."""

    title: Text
    body: Markdown | None = Field(default=None, description="Short explanation shown under the title.")
    points: list[Text | SubPoint] = Field(
        default_factory=list,
        description="Sub-points: a plain title, or a mapping with `title` and `body`.",
    )

    def sub_points(self) -> list[SubPoint]:
        return [p if isinstance(p, SubPoint) else SubPoint(title=p) for p in self.points]


class Section(StrictModel):
    """A section, numbered 一、 二、 in an outline."""

    id: Id
    title: Text
    body: Markdown | None = Field(default=None, description="Introduction shown before the points.")
    points: list[Text | Point] = Field(
        default_factory=list,
        description="Points: a plain title, or a mapping with `title`, `body` and `points`.",
    )
    activities: list[ActivityRef] = Field(
        default_factory=list, description="Activities placed at the end of this section, in order."
    )
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD

    def full_points(self) -> list[Point]:
        return [p if isinstance(p, Point) else Point(title=p) for p in self.points]


class Lecture(StrictModel):
    """One lecture (讲) or chapter (章): a page of the site, kept in its own file."""

    id: Id
    label: Text | None = Field(
        default=None,
        description="Ordinal label as the outline writes it, e.g. 第一章 or 第二讲. "
        "Default: 第N讲 from the lecture's position.",
    )
    title: Text
    duration_minutes: int = Field(gt=0, le=24 * 60, description="Planned time for the agenda.")
    summary: Markdown | None = Field(default=None, description="One paragraph shown at the top.")
    objectives: list[Text] = Field(default_factory=list, description="What trainees can do afterwards.")
    sections: list[Section] = Field(min_length=1)
    activities: list[ActivityRef] = Field(
        default_factory=list, description="Activities placed at the end of the lecture, in order."
    )
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD


class Duration(StrictModel):
    """Planned course time, such as 1 day × 6 hours."""

    days: float = Field(gt=0, le=60)
    hours_per_day: float = Field(gt=0, le=24)
    day_start: str = Field(default="09:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="When each day starts (HH:MM), for the agenda.")
    lunch_start: str | None = Field(default="12:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="Lunch break start (HH:MM); null for none.")
    lunch_end: str | None = Field(default="13:30", pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="Lunch break end (HH:MM).")

    @property
    def minutes(self) -> int:
        return round(self.days * self.hours_per_day * 60)


class Instructor(StrictModel):
    """The instructor's profile on the home page."""

    name: Text
    title: Text | None = Field(default=None, description="One-line description, e.g. 银行服务营销专家.")
    highlights: list[Text] = Field(default_factory=list, description="Experience and qualifications.")
    former_roles: list[Text] = Field(default_factory=list, description="曾任: earlier positions.")
    expertise: list[Text] = Field(default_factory=list, description="擅长领域: fields of expertise.")


class Closing(StrictModel):
    """The closing block of the day (总结与回顾)."""

    title: Text = "总结与回顾"
    duration_minutes: int = Field(default=0, ge=0, le=24 * 60)
    body: Markdown | None = None
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD


class DrawRule(StrictModel):
    """Draw `count` questions at random from one bank."""

    bank: Id
    count: int = Field(gt=0)


class FinalAssessment(StrictModel):
    """End-of-course assessment drawn at random from several banks for each attempt."""

    id: Id
    title: Text
    pass_mark: int = Field(ge=0, le=100, description="Percentage of points needed to pass.")
    draw: list[DrawRule] = Field(min_length=1)
    intro: Markdown | None = None


class Course(StrictModel):
    """The course file (`course.yml`): metadata and the ordered list of lecture files."""

    id: Id
    title: Text
    subtitle: Text | None = None
    language: Literal["zh", "en"] = Field(
        default="zh", description="Language of the site and of the quiz and form controls."
    )
    year: int | None = Field(default=None, ge=1990, le=2100)
    background: Markdown = Field(description="课程背景: why the course exists.")
    benefits: list[Text] = Field(min_length=1, description="课程收益: what trainees gain.")
    audience: list[Text] = Field(min_length=1, description="课程对象: who the course is for.")
    duration: Duration = Field(description="课程时间.")
    instructor: Instructor | None = None
    lectures: list[Text] = Field(
        min_length=1,
        description="Lecture files, relative to the course folder, in teaching order.",
    )
    closing: Closing | None = None
    final_assessment: FinalAssessment | None = None
    submission_url: AnyHttpUrl | None = Field(
        default=None,
        description="Where homework forms also POST their submission (e.g. an intranet form service).",
    )
    search_questions: bool = Field(
        default=False,
        description="Let the site search find a quiz by a word of its questions (prompts only, never answers). "
        "Off by default: the lectures already hold what the questions ask about, and on a course of hundreds "
        "of lectures the extra text makes every build about a tenth slower (Chinese word segmentation).",
    )
