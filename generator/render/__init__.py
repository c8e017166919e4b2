"""Rendering: a loaded :class:`~coursegen.model.project.Project` → a :class:`~coursegen.render.site.Site`.

Pure functions over the model; nothing here imports MkDocs, so any builder that reads
``mkdocs.yml`` can consume the result.
"""

from __future__ import annotations

from ..model.project import Project
from .. import site_paths as paths
from .activities import case_pages, discussion_pages, drill_pages
from .assets import static_assets
from .forms import homework_downloads, homework_pages
from .environment import RenderContext
from .learner import learner_assets, learner_nav, learner_pages
from .outline import agenda_page, home_page, lecture_label, lecture_pages
from .quiz import quiz_assets, quiz_pages
from .site import Edition, NavEntry, Page, Site
from .theme import site_theme

__all__ = ["Edition", "Page", "Site", "render_site"]

MENU_GROUP = 20
"""Entries per sub-menu once a menu group is longer than :data:`MENU_LIMIT`."""
MENU_LIMIT = 30
"""Material renders the open menu group into every page: a course library of hundreds of lectures
would make every page carry hundreds of links, and the build slow down with the square of the course.
Sub-menus of :data:`MENU_GROUP` keep each page's menu short (with ``navigation.prune``, only the open
sub-menu is rendered), in the same order, so "next" and "previous" still walk the whole course."""


def render_site(project: Project, edition: Edition = "trainee", *, lms: bool = False) -> Site:
    """Every generated page and asset of the course, plus its navigation; ``lms`` adds the SCORM runtime."""
    ctx = RenderContext(project, edition)
    pages = [home_page(ctx), agenda_page(ctx), *lecture_pages(ctx), *quiz_pages(ctx)]
    pages += [*case_pages(ctx), *discussion_pages(ctx), *drill_pages(ctx), *homework_pages(ctx)]
    pages += learner_pages(ctx, pages)
    assets = static_assets(ctx, lms=lms) + quiz_assets(ctx) + learner_assets(ctx, pages) + homework_downloads(ctx)
    return Site(
        pages=pages,
        assets=assets,
        nav=navigation(ctx, pages),
        extra_css=[a.path for a in assets if a.every_page and a.path.endswith(".css")],
        extra_javascript=[a.path for a in assets if a.every_page and a.path.endswith(".js")],
        edition=edition,
        theme=site_theme(ctx),
    )


def navigation(ctx: RenderContext, pages: list[Page]) -> list[NavEntry]:
    """Outline order: home, agenda, lectures, then one group per kind of activity that has pages."""
    t = ctx.t
    by_path = {p.path: p for p in pages}
    nav: list[NavEntry] = [(t["home"], paths.HOME), (t["agenda"], paths.AGENDA)]
    lectures = [(lecture_label(ctx, i, lecture), paths.item_page("lecture", lecture.id)) for i, lecture in enumerate(ctx.project.lectures)]
    lectures = [(label, p) for label, p in lectures if p in by_path]
    nav.append((t["lectures"], _grouped([(by_path[p].title, p) for _, p in lectures], [label for label, _ in lectures])))
    groups = [
        ("cases", "case", [paths.CASES_INDEX] if paths.CASES_INDEX in by_path else [], ctx.project.cases),
        ("discussions", "discussion", [], ctx.project.discussions),
        ("drills", "drill", [], ctx.project.drills),
        ("homeworks", "homework", [], ctx.project.homework),
        ("quizzes", "quiz", [], ctx.project.quizzes),
    ]
    for label, kind, extra, items in groups:
        ordered = ctx.project.outline_order(kind, list(items))
        entries = [(by_path[p].title, p) for p in _paths(ctx, kind, ordered, by_path)]
        if kind == "quiz" and ctx.project.course.final_assessment:
            final = paths.item_page("quiz", ctx.project.course.final_assessment.id)
            if final in by_path:
                entries.append((by_path[final].title, final))
        if entries or extra:
            numbers = [str(n) for n in range(1, len(entries) + 1)]
            nav.append((t[label], [(by_path[p].title, p) for p in extra] + _grouped(entries, numbers)))
    nav += [entry for entry in learner_nav(ctx) if entry[1] in by_path]
    return nav


def _grouped(entries: list[NavEntry], labels: list[str]) -> list[NavEntry]:
    """``entries`` as they are, or in sub-menus named by the labels of their first and last entries (第一讲–第二十讲, 21–40)."""
    if len(entries) <= MENU_LIMIT:
        return entries
    return [
        (f"{labels[start]}–{labels[min(start + MENU_GROUP, len(entries)) - 1]}", entries[start : start + MENU_GROUP])
        for start in range(0, len(entries), MENU_GROUP)
    ]


def _paths(ctx: RenderContext, kind: str, ids: list[str], by_path: dict[str, Page]) -> list[str]:
    return [p for p in (paths.item_page(kind, i) for i in ids) if p in by_path]
