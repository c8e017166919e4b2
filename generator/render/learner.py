"""The trainee's own pages: progress (学习进度), the completion record (结业证明), review of mistakes (错题本) and the
printable handbook.

Progress and mistakes live only in the trainee's browser (localStorage). The progress page and the home
page's dashboard are static frames — one row per lecture, case, discussion, drill, quiz and form, with links
MkDocs resolves for any URL scheme — that ``cg-progress-pages.js`` fills in. What counts towards completion is listed
once, in course order, in :func:`tracked`, and shipped to every page as the small cached script ``cg-course.js``
for the dashboard, the menu's marks and the indicator in the navigation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.course import ActivityRef
from .. import site_paths as paths
from ..numerals import chinese_number
from ..site_paths import COMPLETION, HANDBOOK, PROGRESS, REVIEW
from .environment import RenderContext
from .forms import identity_limits
from .handin import deadline_text, instructions
from .assets import RULE_SCRIPT, TITLES_SCRIPT, VERSIONS_SCRIPT, data_script, js_value, question_parts
from .diagram import letter
from .outline import Link, activity_card, lecture_heading
from .quiz import content_hash, lrs_notes, quiz_note, quiz_payloads
from .site import Asset, Page

MANIFEST = paths.asset("cg-course.js")
REVIEW_DATA = "cg-review.js"
"""Every bank's questions for the review page, which alone loads it: a 1,000-bank course's review data is
megabytes that no other page needs, and as a script (not JSON) it loads from file:// and inside an LMS too."""

@dataclass(frozen=True)
class Tracked:
    """One thing a trainee completes: a lecture (marked done), a case (answered), a discussion or drill (opened,
    its observer checklist ticked), a quiz (passed) or a form (exported)."""

    kind: str
    id: str
    title: str
    path: str
    estimate: str = ""
    """How long or how much, as the dashboard shows it: "45 分钟", "5 题"."""
    due: str = ""
    """A form's deadline, as its page shows it."""
    checks: int = 0
    """A discussion's or drill's observer checklist: it is done once all of them are ticked."""


ACTIVITY_KINDS = ("case", "discussion", "drill", "scenario")


@dataclass(frozen=True)
class Checklist:
    ordered: list[Tracked]
    """Everything, in course order: each lecture, then the activities it places."""

    def of(self, *kinds: str) -> list[Tracked]:
        """The items of these kinds, in course order."""
        return [t for t in self.ordered if t.kind in kinds]

    @property
    def lectures(self) -> list[Tracked]:
        return self.of("lecture")

    @property
    def activities(self) -> list[Tracked]:
        return self.of(*ACTIVITY_KINDS)

    @property
    def quizzes(self) -> list[Tracked]:
        return self.of("quiz")

    @property
    def homework(self) -> list[Tracked]:
        return self.of("homework")


def _reviewed_banks(ctx: RenderContext, checklist: Checklist) -> list[Tracked]:
    """The question banks the review of mistakes covers: the final assessment's questions are reviewed
    under the banks they were drawn from, so it has no block of its own."""
    return [t for t in checklist.quizzes if t.id in ctx.project.quizzes]


def reviewed_parts(ctx: RenderContext, checklist: Checklist) -> tuple[str, ...]:
    """The question types' parts the review page loads: those of the questions its banks hold."""
    return question_parts(q.type for t in _reviewed_banks(ctx, checklist) for q in ctx.project.quizzes[t.id].questions)


def tracked(ctx: RenderContext, pages: list[Page]) -> Checklist:
    """Everything a trainee completes, in course order (items no lecture places follow, kind by kind);
    only those that have a page can be completed."""
    project = ctx.project
    titles = {p.path: p.title for p in pages}
    order = project.course_order()
    for kind, items in (("case", project.cases), ("discussion", project.discussions), ("drill", project.drills),
                        ("scenario", project.scenarios), ("homework", project.homework), ("quiz", project.quizzes)):
        placed = {i for k, i in order if k == kind}
        order += [(kind, i) for i in project.in_course_order(kind, list(items)) if i not in placed]
    numbers = {lecture.id: i for i, lecture in enumerate(project.lectures)}
    entries = [_item(ctx, kind, item_id, numbers) for kind, item_id in order]
    return Checklist([item for item in entries if item.path in titles])


def _item(ctx: RenderContext, kind: str, item_id: str, numbers: dict[str, int]) -> Tracked:
    """One item as the dashboard lists it; ``numbers`` gives each lecture's place in the course."""
    project, t, path = ctx.project, ctx.t, paths.item_page(kind, item_id)
    if kind == "lecture":
        index = numbers[item_id]
        lecture = project.lectures[index]
        return Tracked(kind, item_id, lecture_heading(ctx, index, lecture), path, t["minutes"].format(n=lecture.duration_minutes))
    if kind == "quiz":
        final = project.course.final_assessment
        if final and item_id == final.id:
            return Tracked(kind, item_id, final.title, path, t["question_count"].format(n=sum(d.count for d in final.draw)))
        bank = project.quizzes[item_id]
        return Tracked(kind, item_id, bank.title, path, t["question_count"].format(n=len(bank.questions)))
    if kind == "homework":
        form = project.homework[item_id]
        return Tracked(kind, item_id, form.title, path, due=deadline_text(form.due, t) if form.due else "")
    if kind == "case":
        case = project.cases[item_id]
        return Tracked(kind, item_id, case.title, path, t["question_count"].format(n=len(case.questions)))
    if kind == "scenario":
        scenario = project.scenarios[item_id]
        return Tracked(kind, item_id, scenario.title, path, t["scenario_page.count"].format(n=len(scenario.scenes)))
    group = project.discussions[item_id] if kind == "discussion" else project.drills[item_id]
    return Tracked(kind, item_id, group.title, path, t["minutes"].format(n=group.time_minutes), checks=len(group.observer_checklist))


def home_page(ctx: RenderContext, pages: list[Page]) -> Page:
    """The course's home page, opening on the trainee's dashboard: where to continue and the state of every
    item of the course, in course order (cg-progress-pages.js fills both in from this browser's storage)."""
    project = ctx.project
    lectures = [Link(lecture_heading(ctx, i, l), paths.item_page("lecture", l.id)) for i, l in enumerate(project.lectures)]
    checklist = tracked(ctx, pages)
    content = ctx.render(
        "home.md.j2", paths.HOME, lectures=lectures, project=project, lt=ctx.strings("learner"),
        items=checklist.ordered, kind_label=lambda item: _kind_label(ctx, item), required=completion_rule(ctx, checklist),
    )
    return Page(paths.HOME, ctx.t["home"], content, project.source("course", project.course.id), needs=("progress-pages",))


def _kind_label(ctx: RenderContext, item: Tracked) -> str:
    """What an item is, as its own page's label says (讲次, 案例分析, 课程评估 …)."""
    if item.kind == "homework" and ctx.project.homework[item.id].kind == "survey":
        return ctx.t["survey"]
    return ctx.t[item.kind] if item.kind != "lecture" else ctx.t["lecture_kind"]


def _in_outline_order(ctx: RenderContext, kind: str, ids: list[str]) -> list[str]:
    """Where the outline first places each item; items placed nowhere follow in file order."""
    placed: dict[str, None] = {}  # ordered, with constant-time lookups: a course library has a thousand banks
    for lecture in ctx.project.lectures:
        refs: list[ActivityRef] = [r for s in lecture.sections for r in s.activities] + list(lecture.activities)
        placed.update((r.ref, None) for r in refs if r.kind == kind)
    return [*placed, *(i for i in ids if i not in placed)]


def learner_pages(ctx: RenderContext, pages: list[Page]) -> list[Page]:
    """The progress, completion record, review and handbook pages for a site whose other pages are ``pages``."""
    checklist = tracked(ctx, pages)
    lt = ctx.strings("learner")
    source = ctx.project.source("course", ctx.project.course.id)
    required = completion_rule(ctx, checklist)
    progress = ctx.render("progress.md.j2", PROGRESS, lt=lt, checklist=checklist, required=required, intro=progress_intro(ctx))
    review = ctx.render("review.md.j2", REVIEW, lt=lt, banks=_reviewed_banks(ctx, checklist), data_script=REVIEW_DATA)
    handbook = ctx.render("handbook.md.j2", HANDBOOK, lt=lt, **handbook_parts(ctx))
    completion = ctx.render("completion.md.j2", COMPLETION, lt=lt, identity_limits=identity_limits(), required=required)
    return [
        Page(PROGRESS, lt["progress"], progress, source, needs=("backup",)),
        Page(COMPLETION, lt["completion.title"], completion, source, needs=("record",)),
        Page(REVIEW, lt["review"], review, source, needs=("review", *reviewed_parts(ctx, checklist), "quiz")),
        Page(HANDBOOK, lt["handbook"], handbook, source, needs=("progress-pages", "handin")),
    ]


def progress_intro(ctx: RenderContext) -> list[str]:
    """The progress page's opening paragraphs: where its records are kept (this browser, or in a SCORM package the
    LMS; a cmi5 package keeps progress in the browser and says what the LMS is told), then the quiz pages' own note
    on the results (:func:`.quiz.quiz_note`) and on the LRS, so both pages promise the same."""
    kept = {"scorm": ctx.strings("privacy")["progress_lms"], "cmi5": ctx.strings("privacy")["cmi5.progress"],
            None: ctx.strings("learner")["progress_intro"]}[ctx.lms]
    return [kept, quiz_note(ctx), *lrs_notes(ctx)]


def handbook_parts(ctx: RenderContext) -> dict[str, object]:
    """What the handbook prints, in teaching order: lectures, then each activity once."""
    project = ctx.project
    order = {kind: _in_outline_order(ctx, kind, list(items)) for kind, items in (
        ("case", project.cases), ("discussion", project.discussions),
        ("drill", project.drills), ("scenario", project.scenarios), ("homework", project.homework),
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
        "scenarios": [project.scenarios[i] for i in order["scenario"]],
        "letter": letter,
        "forms": [project.homework[i] for i in order["homework"]],
    }


def learner_assets(ctx: RenderContext, pages: list[Page], every: list[str]) -> list[Asset]:
    """The course's contents for the pages' scripts, each a small cached script: ``cg-course.js``, the items that
    count towards completion in course order, for the menu's marks and the progress indicator on every page;
    ``cg-titles.js``, their titles, for the pages that name them (the dashboard, a hand-in, the LRS's statements);
    ``cg-versions.js``, each quiz's content hash, for the pages that tell a result stored against an older version
    of a quiz apart (kept as the quiz's earlier record, cg-quiz-state.js); ``cg-rule.js``, the completion rule, for
    the pages that evaluate it; ``cg-review.js``, the reviewed banks' payloads, for the review page alone. Each of
    the parts "titles", "versions" and "completion-rule" is on every page only where ``every``, the files every
    page loads, has it: with an LMS runtime or an LRS; a lecture page of a 200-lecture course carries 1.2 KiB of
    contents, not 4.2.

    The final assessment is flagged (``final``): its question ids read ``<bankId>/<questionId>``. ``version``
    fingerprints the whole list, hashes, titles and pages included; an exported progress file carries it for
    whoever reads the file, and a file of another version still imports. Each item's page is its page's path
    without ``.md``, the same for every item of a kind (``pages``, with the item's ``{id}``): the script fills it
    in (coursegen.course()) and turns it into the page's address.
    """
    checklist = tracked(ctx, pages)
    payloads = quiz_payloads(ctx)
    final = ctx.project.course.final_assessment
    items, versions, named = [], {}, []
    for t in checklist.ordered:
        item: dict[str, object] = {"kind": t.kind, "id": t.id}
        is_final = t.kind == "quiz" and bool(final and t.id == final.id)
        if is_final:
            item["final"] = True
        if t.checks:
            item["checks"] = t.checks
        items.append(item)
        # The fingerprint reads each item as it did when the hashes were in it: saved progress keeps its version.
        quiz = {"hash": payloads[t.id]["hash"], "final": is_final} if t.kind == "quiz" else {}
        if quiz:
            versions[t.id] = quiz["hash"]
        named.append({**item, **quiz, "title": t.title, "page": t.path.removesuffix(".md")})
    # The rule stays out of the items' version: a changed rule does not make progress saved before it foreign.
    required = [{"kind": t.kind, "id": t.id, "need": need} for t, need in completion_rule(ctx, checklist)]
    kinds = dict.fromkeys(t.kind for t in checklist.ordered)
    data = {
        "version": content_hash(named), "items": items,
        "pages": {kind: paths.item_page(kind, "{id}").removesuffix(".md") for kind in kinds},
    }
    review = {b.id: payloads[b.id] for b in _reviewed_banks(ctx, checklist)}
    return [
        _script(MANIFEST, "coursegenCourse", data),
        *(
            _script(path, name, value, every_page=path in every)
            for path, name, value in (
                (paths.asset(TITLES_SCRIPT), "coursegenTitles", [t.title for t in checklist.ordered]),
                (paths.asset(VERSIONS_SCRIPT), "coursegenVersions", versions),
                (paths.asset(RULE_SCRIPT), "coursegenRule", required),
            )
        ),
        data_script(REVIEW_DATA, review),
    ]


def completion_rule(ctx: RenderContext, checklist: Checklist) -> list[tuple[Tracked, str]]:
    """The course's completion rule as the pages list it and cg-completion.js evaluates it: the required items in
    course order, each with what it needs ("done"; "passed" for a quiz, and for the final assessment under
    ``final: pass``; "taken" under ``final: take``). Defaults are filled in here, once
    (:meth:`Course.completion_rule`), so the script has none."""
    course = ctx.project.course
    rule = course.completion_rule()
    final_id = course.final_assessment.id if course.final_assessment else None
    named = {(r.kind, r.ref) for r in rule.required}
    entries = []
    for t in checklist.ordered:
        if t.kind == "quiz" and t.id == final_id and rule.final != "none":
            entries.append((t, "passed" if rule.final == "pass" else "taken"))
        elif (t.kind, t.id) in named or (t.kind == "lecture" and rule.lectures == "all"):
            entries.append((t, "passed" if t.kind == "quiz" else "done"))
    return entries


def _script(path: str, name: str, data: object, *, every_page: bool = True) -> Asset:
    """Data for the pages' scripts, as a script that sets ``window[name]``: unlike a JSON file it also loads from
    file://. Every page's, unless ``every_page`` is false (the pages that need it name it)."""
    return Asset(path, f"window.{name} = {js_value(data)};\n".encode(), every_page=every_page)


def learner_nav(ctx: RenderContext) -> list[tuple[str, str]]:
    """Navigation entries, after the course content."""
    lt = ctx.strings("learner")
    return [(lt["progress"], PROGRESS), (lt["completion.title"], COMPLETION), (lt["review"], REVIEW), (lt["handbook"], HANDBOOK)]
