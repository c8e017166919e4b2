"""Home, agenda and lecture pages: the course outline as a trainee reads it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..model import Case, Discussion, Drill, Homework, Lecture, QuizBank, Scenario
from ..model.course import ActivityRef
from .. import site_paths as paths
from ..numerals import chinese_number
from .environment import RenderContext
from .site import Page

def lecture_label(ctx: RenderContext, index: int, lecture: Lecture) -> str:
    if lecture.label:
        return lecture.label
    if ctx.project.course.language == "zh":
        return ctx.t["lecture_label"].format(n=chinese_number(index + 1))
    return ctx.t["lecture_label"].format(n=index + 1)


def lecture_heading(ctx: RenderContext, index: int, lecture: Lecture) -> str:
    sep = " " if ctx.project.course.language == "zh" else ": "
    return f"{lecture_label(ctx, index, lecture)}{sep}{lecture.title}"


@dataclass(frozen=True)
class Card:
    """An activity as announced on a lecture page: a labelled link to its own page."""

    kind: str
    label: str
    title: str
    path: str
    summary: str


@dataclass(frozen=True)
class Link:
    title: str
    path: str


def activity_card(ctx: RenderContext, ref: ActivityRef) -> Card:
    project = ctx.project
    kind, item_id = ref.kind, ref.ref
    if kind == "quiz":
        bank = project.quizzes[item_id]
        return Card(kind, ctx.t["quiz"], bank.title, paths.item_page(kind, item_id), "")
    items: dict[str, Mapping[str, Case | Discussion | Drill | Scenario | Homework]] = {
        "case": project.cases,
        "discussion": project.discussions,
        "drill": project.drills,
        "scenario": project.scenarios,
        "homework": project.homework,
    }
    item = items[kind][item_id]
    label = ctx.t["survey"] if getattr(item, "kind", "") == "survey" else ctx.t[kind]
    text = getattr(item, "background", None) or getattr(item, "prompt", None) or getattr(item, "scenario", None) or getattr(item, "intro", None) or ""
    return Card(kind, label, item.title, paths.item_page(kind, item_id), first_sentence(text))


def first_sentence(text: str, limit: int = 80) -> str:
    """The opening of a Markdown text, cut after its first sentence, for a card's teaser."""
    line = next((l.strip() for l in text.strip().splitlines() if l.strip()), "")
    for stop in "。！？!?":
        if stop in line:
            line = line[: line.index(stop) + 1]
            break
    return line if len(line) <= limit else line[: limit - 1] + "…"


GROUP_LABELS = {"case": "cases", "discussion": "discussions", "drill": "drills", "scenario": "scenarios", "homework": "homeworks", "quiz": "quizzes"}
"""An activity kind → the catalogue's word for its group (案例, 自测练习…), which names it in the menu and the pager."""


@dataclass(frozen=True)
class Step:
    """One page of the course as a trainee walks it: a lecture, or an activity a lecture places."""

    kind: str
    id: str
    title: str
    """The page's title (a lecture's with its number)."""
    path: str

    def label(self, ctx: RenderContext) -> str:
        """How the menu names it, and so the lecture's pager: an activity with its kind (案例 · 池子事件)."""
        return self.title if self.kind == "lecture" else f"{ctx.t[GROUP_LABELS[self.kind]]} · {self.title}"


def course_steps(ctx: RenderContext) -> list[Step]:
    """Every lecture and placed activity in course order (:meth:`Project.course_order`): the menu's order, which
    Material's footer (下一页) follows, and so the order the pager at a lecture's end follows too."""
    project = ctx.project
    numbers = {lecture.id: i for i, lecture in enumerate(project.lectures)}
    final = project.course.final_assessment
    items: dict[str, Mapping[str, Case | Discussion | Drill | Scenario | Homework | QuizBank]] = {
        "case": project.cases, "discussion": project.discussions, "drill": project.drills, "scenario": project.scenarios,
        "homework": project.homework, "quiz": project.quizzes}
    steps = []
    for kind, item_id in project.course_order():
        if kind == "lecture":
            title = lecture_heading(ctx, numbers[item_id], project.lectures[numbers[item_id]])
        elif kind == "quiz" and final is not None and item_id == final.id:
            title = final.title
        else:
            title = items[kind][item_id].title
        steps.append(Step(kind, item_id, title, paths.item_page(kind, item_id)))
    return steps


def lecture_pages(ctx: RenderContext) -> list[Page]:
    """Each lecture's page; its pager leads to the steps before and after it in course order (its own case or quiz
    next, not the next lecture), as the footer's 下一页 does."""
    steps = course_steps(ctx)
    lectures = {lecture.id: lecture for lecture in ctx.project.lectures}
    pages = []
    for i, step in enumerate(steps):
        if step.kind != "lecture":
            continue
        lecture = lectures[step.id]
        cards = {s.id: [activity_card(ctx, r) for r in s.activities] for s in lecture.sections}
        cards[""] = [activity_card(ctx, r) for r in lecture.activities]
        content = ctx.render(
            "lecture.md.j2",
            step.path,
            lecture=lecture,
            heading=step.title,
            section_numbers=[chinese_number(n + 1) if ctx.project.course.language == "zh" else str(n + 1) for n in range(len(lecture.sections))],
            cards=cards,
            previous=Link(steps[i - 1].label(ctx), steps[i - 1].path) if i > 0 else None,
            next=Link(steps[i + 1].label(ctx), steps[i + 1].path) if i + 1 < len(steps) else None,
        )
        pages.append(Page(step.path, step.title, content, ctx.project.source("lecture", lecture.id)))
    return pages


@dataclass(frozen=True)
class Slot:
    """One row of the agenda."""

    day: int
    start: str
    end: str
    title: str
    path: str | None
    minutes: int


def agenda_slots(ctx: RenderContext) -> list[Slot]:
    """Lay the lectures out over the course days, from the day's start, around the lunch break and the other breaks
    (each day has them all): a pause comes before the lecture whose middle would pass its start. A lecture that
    says its ``day`` starts that day; one that does not follows the one before, on the next day once a day is full."""
    course = ctx.project.course
    schedule = course.duration
    day_minutes = round(schedule.hours_per_day * 60)
    items: list[tuple[str, str | None, int, int | None]] = [
        (lecture_heading(ctx, i, l), paths.item_page("lecture", l.id), l.duration_minutes, l.day)
        for i, l in enumerate(ctx.project.lectures)
    ]
    if course.closing and course.closing.duration_minutes:
        items.append((course.closing.title, None, course.closing.duration_minutes, None))
    slots: list[Slot] = []
    pauses = sorted(
        [(_at(b.start), _at(b.end), b.title) for b in schedule.breaks]
        + ([(_at(schedule.lunch_start), _at(schedule.lunch_end), ctx.t["lunch"])] if schedule.lunch_start and schedule.lunch_end else [])
    )
    day, used, waiting = 1, 0, list(pauses)
    clock = _at(schedule.day_start)
    for title, path, minutes, wanted in items:
        if wanted is None and used and used + minutes > day_minutes:
            wanted = day + 1
        if wanted is not None and wanted > day:  # a lecture's own day, or the next when this one is full
            day, used, waiting, clock = wanted, 0, list(pauses), _at(schedule.day_start)
        while waiting and clock + timedelta(minutes=minutes / 2) > waiting[0][0]:
            start, stop, name = waiting.pop(0)
            if clock < stop:  # a pause the day's lectures already ran past is not in the agenda
                slots.append(Slot(day, _hm(max(clock, start)), _hm(stop), name, None, 0))
                clock = stop
        end = clock + timedelta(minutes=minutes)
        slots.append(Slot(day, _hm(clock), _hm(end), title, path, minutes))
        clock, used = end, used + minutes
    return slots


def _at(hhmm: str) -> datetime:
    return datetime.strptime(hhmm, "%H:%M")


def _hm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def agenda_page(ctx: RenderContext) -> Page:
    content = ctx.render("agenda.md.j2", paths.AGENDA, slots=agenda_slots(ctx), project=ctx.project)
    return Page(paths.AGENDA, ctx.t["agenda"], content, ctx.project.source("course", ctx.project.course.id))
