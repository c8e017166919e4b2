"""The trainee's own pages: progress (学习进度), review of mistakes (错题本) and the printable handbook.

Progress and mistakes live only in the trainee's browser (localStorage). The two pages are static
frames — one row per lecture, quiz and form, with links MkDocs resolves for any URL scheme — that
``cg-progress.js`` fills in. What counts towards completion is listed once, in :func:`tracked`, and
shipped to every page as the small cached script ``cg-course.js`` for the indicator in the navigation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.course import ActivityRef
from . import paths
from .environment import RenderContext
from .handin import instructions
from .assets import data_script, js_value
from .outline import activity_card, chinese_number, lecture_heading
from .quiz import quiz_payloads
from .site import Asset, Page

PROGRESS = "progress.md"
REVIEW = "review.md"
HANDBOOK = "handbook.md"
MANIFEST = paths.asset("cg-course.js")
REVIEW_DATA = "cg-review.js"
"""Every bank's questions for the review page, which alone loads it: a 1,000-bank course's review data is
megabytes that no other page needs, and as a script (not JSON) it loads from file:// and inside an LMS too."""

@dataclass(frozen=True)
class Tracked:
    """One thing a trainee completes: a lecture (marked done), a quiz (passed) or a form (exported)."""

    id: str
    title: str
    path: str


@dataclass(frozen=True)
class Checklist:
    lectures: list[Tracked]
    quizzes: list[Tracked]
    homework: list[Tracked]


def _reviewed_banks(ctx: RenderContext, checklist: Checklist) -> list[Tracked]:
    """The question banks the review of mistakes covers: the final assessment's questions are reviewed
    under the banks they were drawn from, so it has no block of its own."""
    return [t for t in checklist.quizzes if t.id in ctx.project.quizzes]


def tracked(ctx: RenderContext, pages: list[Page]) -> Checklist:
    """Lectures, quizzes and forms in teaching order; only those that have a page can be completed."""
    project = ctx.project
    titles = {p.path: p.title for p in pages}
    lectures = [
        Tracked(l.id, lecture_heading(ctx, i, l), paths.item_page("lecture", l.id)) for i, l in enumerate(project.lectures)
    ]
    quiz_ids = _in_outline_order(ctx, "quiz", list(project.quizzes))
    quizzes = [Tracked(q, project.quizzes[q].title, paths.item_page("quiz", q)) for q in quiz_ids]
    final = project.course.final_assessment
    if final:
        quizzes.append(Tracked(final.id, final.title, paths.item_page("quiz", final.id)))
    homework = [
        Tracked(h, project.homework[h].title, paths.item_page("homework", h))
        for h in _in_outline_order(ctx, "homework", list(project.homework))
    ]
    return Checklist(*([t for t in group if t.path in titles] for group in (lectures, quizzes, homework)))


def _in_outline_order(ctx: RenderContext, kind: str, ids: list[str]) -> list[str]:
    """Where the outline first places each item; items placed nowhere follow in file order."""
    placed: dict[str, None] = {}  # ordered, with constant-time lookups: a course library has a thousand banks
    for lecture in ctx.project.lectures:
        refs: list[ActivityRef] = [r for s in lecture.sections for r in s.activities] + list(lecture.activities)
        placed.update((r.ref, None) for r in refs if r.kind == kind)
    return [*placed, *(i for i in ids if i not in placed)]


def learner_pages(ctx: RenderContext, pages: list[Page]) -> list[Page]:
    """The progress, review and handbook pages for a site whose other pages are ``pages``."""
    checklist = tracked(ctx, pages)
    lt = ctx.strings("learner")
    source = ctx.project.source("course", ctx.project.course.id)
    progress = ctx.render("progress.md.j2", PROGRESS, lt=lt, checklist=checklist)
    review = ctx.render("review.md.j2", REVIEW, lt=lt, banks=_reviewed_banks(ctx, checklist), data_script=REVIEW_DATA)
    handbook = ctx.render("handbook.md.j2", HANDBOOK, lt=lt, **handbook_parts(ctx))
    return [
        Page(PROGRESS, lt["progress"], progress, source),
        Page(REVIEW, lt["review"], review, source),
        Page(HANDBOOK, lt["handbook"], handbook, source),
    ]


def handbook_parts(ctx: RenderContext) -> dict[str, object]:
    """What the handbook prints, in teaching order: lectures, then each activity once."""
    project = ctx.project
    order = {kind: _in_outline_order(ctx, kind, list(items)) for kind, items in (
        ("case", project.cases), ("discussion", project.discussions),
        ("drill", project.drills), ("homework", project.homework),
    )}
    zh = project.course.language == "zh"
    return {
        "numeral": lambda n: chinese_number(n) if zh else str(n),
        "card": lambda ref: activity_card(ctx, ref),
        "handin": lambda form: instructions(project.course, form, ctx.t),
        "lectures": [(lecture_heading(ctx, i, l), l) for i, l in enumerate(project.lectures)],
        "cases": [project.cases[i] for i in order["case"]],
        "discussions": [project.discussions[i] for i in order["discussion"]],
        "drills": [project.drills[i] for i in order["drill"]],
        "forms": [project.homework[i] for i in order["homework"]],
    }


def learner_assets(ctx: RenderContext, pages: list[Page]) -> list[Asset]:
    """``cg-course.js``: what counts towards completion, for the navigation indicator on every page;
    ``cg-review.js``: the reviewed banks' payloads, for the review page alone.

    Quizzes carry their content hash, so progress stored against an older version of a quiz is not
    counted, and the final assessment is flagged: its question ids read ``<bankId>/<questionId>``.
    """
    checklist = tracked(ctx, pages)
    payloads = quiz_payloads(ctx)
    final = ctx.project.course.final_assessment
    data = {
        "lectures": [t.id for t in checklist.lectures],
        "quizzes": [
            {"id": t.id, "hash": payloads[t.id]["hash"], "final": bool(final and t.id == final.id)}
            for t in checklist.quizzes
        ],
        "homework": [t.id for t in checklist.homework],
    }
    review = {b.id: payloads[b.id] for b in _reviewed_banks(ctx, checklist)}
    return [
        _script(MANIFEST, "coursegenCourse", data),
        data_script(REVIEW_DATA, review),
    ]


def _script(path: str, name: str, data: object) -> Asset:
    """Data every page needs, as a script that sets ``window[name]``: unlike a JSON file it also loads from file://."""
    return Asset(path, f"window.{name} = {js_value(data)};\n".encode("utf-8"))


def learner_nav(ctx: RenderContext) -> list[tuple[str, str]]:
    """Navigation entries, after the course content."""
    lt = ctx.strings("learner")
    return [(lt["progress"], PROGRESS), (lt["review"], REVIEW), (lt["handbook"], HANDBOOK)]
