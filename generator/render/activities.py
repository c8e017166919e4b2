"""Case, discussion and drill pages, and the index of cases.

Each activity page links back to the lecture sections that use it, so a trainee who arrives from the
navigation still sees where the activity belongs in the day.
"""

from __future__ import annotations

from ..model import Case, Discussion, Drill
from .. import site_paths as paths
from .environment import RenderContext
from .outline import Link, first_sentence, lecture_heading
from .site import Page


def usages(ctx: RenderContext, kind: str, item_id: str) -> list[Link]:
    """Every lecture section (or lecture end) that places this activity, in teaching order."""
    links = []
    for i, lecture in enumerate(ctx.project.lectures):
        page = paths.item_page("lecture", lecture.id)
        heading = lecture_heading(ctx, i, lecture)
        for section in lecture.sections:
            if any(ref.kind == kind and ref.ref == item_id for ref in section.activities):
                links.append(Link(f"{heading} › {section.title}", f"{page}#{section.id}"))
        if any(ref.kind == kind and ref.ref == item_id for ref in lecture.activities):
            links.append(Link(heading, page))
    return links


def case_pages(ctx: RenderContext) -> list[Page]:
    """One page per case, plus the cases index when there is any case."""
    cases = [ctx.project.cases[i] for i in ctx.project.outline_order("case", list(ctx.project.cases))]
    if not cases:
        return []
    pages = [_case_page(ctx, case) for case in cases]
    entries = [
        (Link(case.title, paths.item_page("case", case.id)), first_sentence(case.background), usages(ctx, "case", case.id))
        for case in cases
    ]
    content = ctx.render("cases_index.md.j2", paths.CASES_INDEX, entries=entries)
    return [Page(paths.CASES_INDEX, ctx.t["all_cases"], content), *pages]


def _case_page(ctx: RenderContext, case: Case) -> Page:
    path = paths.item_page("case", case.id)
    content = ctx.render("case.md.j2", path, case=case, usages=usages(ctx, "case", case.id), index=paths.CASES_INDEX)
    return Page(path, case.title, content, ctx.project.source("case", case.id), needs=("case",))


def discussion_pages(ctx: RenderContext) -> list[Page]:
    return [_group_page(ctx, "discussion", item) for item in ctx.project.discussions.values()]


def drill_pages(ctx: RenderContext) -> list[Page]:
    return [_group_page(ctx, "drill", item) for item in ctx.project.drills.values()]


def _group_page(ctx: RenderContext, kind: str, item: Discussion | Drill) -> Page:
    path = paths.item_page(kind, item.id)
    content = ctx.render(f"{kind}.md.j2", path, item=item, kind=kind, usages=usages(ctx, kind, item.id))
    return Page(path, item.title, content, ctx.project.source(kind, item.id), needs=("case",))  # observer checklists
