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
from ..model.homework import due_label
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

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "progress": "学习进度",
        "review": "错题本",
        "handbook": "学员手册",
        "overall": "总体完成度",
        "item": "项目",
        "visited": "已浏览",
        "done": "已完成",
        "best": "最高分",
        "state": "状态",
        "attempts": "作答次数",
        "export": "导出学习进度",
        "reset": "重置学习进度",
        "progress_intro": "进度只保存在本机浏览器中：换电脑或清除浏览器数据后不会保留。可随时导出一份备份。",
        "review_intro": "这里收集各个自测中你最近一次答错的题目。在这里重做，答对后题目自动移出错题本。",
        "review_empty": "暂无错题。完成自测后，答错的题目会出现在这里。",
        "no_script": "本页需要启用浏览器的 JavaScript。",
        "handbook_intro": "本手册汇集全部课程内容、案例与作业空白页，供打印或离线阅读；不含答案与讲师备注。",
        "print": "打印 / 另存为 PDF",
        "trainee": "学员信息",
        "name": "姓名",
        "employee_id": "工号",
        "department": "部门",
        "events": "事件经过",
        "disputes": "争议焦点",
        "questions": "思考题",
        "notes": "笔记",
        "good_outcome": "目标",
        "observer_checklist": "观察清单",
        "roles": "角色",
        "steps": "流程",
        "format": "形式",
        "time_box": "时长",
        "due": "截止时间",
        "online_quiz": "本讲自测请在线完成",
    },
    "en": {
        "progress": "My progress",
        "review": "Review of mistakes",
        "handbook": "Trainee handbook",
        "overall": "Overall completion",
        "item": "Item",
        "visited": "Visited",
        "done": "Done",
        "best": "Best score",
        "state": "State",
        "attempts": "Attempts",
        "export": "Export my progress",
        "reset": "Reset my progress",
        "progress_intro": "Progress is kept only in this browser; another computer or clearing browser data loses it. Export a copy at any time.",
        "review_intro": "Every question you last answered wrongly, across all quizzes. Retry it here; once right, it leaves the list.",
        "review_empty": "No mistakes to review. Questions you answer wrongly in a quiz appear here.",
        "no_script": "This page needs JavaScript enabled in the browser.",
        "handbook_intro": "All lectures, cases and homework blanks for printing or reading offline; no answers and no facilitator notes.",
        "print": "Print / save as PDF",
        "trainee": "Trainee",
        "name": "Name",
        "employee_id": "Employee id",
        "department": "Department",
        "events": "What happened",
        "disputes": "Points in dispute",
        "questions": "Questions",
        "notes": "Notes",
        "good_outcome": "Aim",
        "observer_checklist": "Observer checklist",
        "roles": "Roles",
        "steps": "Steps",
        "format": "Format",
        "time_box": "Time",
        "due": "Due",
        "online_quiz": "Do this lecture's quiz online",
    },
}


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


def labels(ctx: RenderContext) -> dict[str, str]:
    """The site's labels plus this module's own, in the course language."""
    return {**ctx.t, **LABELS[ctx.project.course.language]}


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
    t = labels(ctx)
    source = ctx.project.source("course", ctx.project.course.id)
    progress = ctx.render("progress.md.j2", PROGRESS, lt=t, checklist=checklist)
    review = ctx.render("review.md.j2", REVIEW, lt=t, banks=_reviewed_banks(ctx, checklist), data_script=REVIEW_DATA)
    handbook = ctx.render("handbook.md.j2", HANDBOOK, lt=t, **handbook_parts(ctx))
    return [
        Page(PROGRESS, t["progress"], progress, source),
        Page(REVIEW, t["review"], review, source),
        Page(HANDBOOK, t["handbook"], handbook, source),
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
        "due_label": due_label,
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
    t = labels(ctx)
    return [(t["progress"], PROGRESS), (t["review"], REVIEW), (t["handbook"], HANDBOOK)]
