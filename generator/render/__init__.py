"""Rendering: a loaded :class:`~coursegen.model.project.Project` → a :class:`~coursegen.render.site.Site`, the one
description of the site every engine and build path reads.

Pure functions over the model and the trainer's site settings; nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..choices import LmsRuntime
from ..load.siteconfig import SiteSettings
from ..model.project import Project
from .. import site_paths as paths
from .activities import case_pages, discussion_pages, drill_pages
from .assets import every_page, package, static_assets, with_page_files
from .forms import homework_downloads, homework_pages
from .environment import RenderContext
from .learner import home_page, learner_assets, learner_nav, learner_pages
from .outline import agenda_page, course_steps, lecture_label, lecture_pages
from .quiz import quiz_assets, quiz_pages
from .scenario import scenario_pages
from .settings import site_settings
from .site import Edition, NavEntry, Page, Settings, Site
from .theme import site_theme

__all__ = ["Edition", "Page", "Settings", "Site", "render_site"]

MENU_GROUP = 20
"""Lectures (each with its activities) or entries per sub-menu once a menu group is longer than :data:`MENU_LIMIT`."""
MENU_LIMIT = 30
"""Material renders the open menu group into every page: a course library of hundreds of lectures
would make every page carry hundreds of links, and the build slow down with the square of the course.
Sub-menus of :data:`MENU_GROUP` keep each page's menu short (with ``navigation.prune``, only the open
sub-menu is rendered), in the same order, so "next" and "previous" still walk the whole course."""


def render_site(project: Project, edition: Edition = "trainee", *, lms: LmsRuntime | None = None, user: SiteSettings | None = None) -> Site:
    """Every generated page and asset of the course, its navigation and its settings over the trainer's ``user``
    (none: a course rendered on its own); ``lms`` adds that LMS's runtime."""
    ctx = RenderContext(project, edition, lms=lms)
    pages = [agenda_page(ctx), *lecture_pages(ctx), *quiz_pages(ctx)]
    pages += [*case_pages(ctx), *discussion_pages(ctx), *drill_pages(ctx), *scenario_pages(ctx), *homework_pages(ctx)]
    pages = [home_page(ctx, pages), *pages]
    pages += learner_pages(ctx, pages)
    kit = package()
    pages = [replace(p, content=with_page_files(p.content, kit, p.needs, ctx)) if p.needs else p for p in pages]
    every = [paths.asset(name) for name in kit.files(every_page(ctx))]
    assets = static_assets(ctx, kit) + quiz_assets(ctx) + learner_assets(ctx, pages, every) + homework_downloads(ctx)
    theme = site_theme(ctx)
    return Site(
        pages=pages,
        assets=assets,
        nav=navigation(ctx, pages),
        extra_css=[a.path for a in assets if a.every_page and a.path.endswith(".css")],
        extra_javascript=[a.path for a in assets if a.every_page and a.path.endswith(".js")],
        edition=edition,
        theme=theme,
        settings=site_settings(user or SiteSettings(), edition, theme),
    )


def navigation(ctx: RenderContext, pages: list[Page]) -> list[NavEntry]:
    """Course order: home, agenda, then each lecture followed by the activities it places, so that Material's
    "previous / next" walks the course as it is taught (a lecture's quiz right after the lecture); activities
    no lecture places keep a group per kind."""
    t = ctx.t
    by_path = {p.path: p for p in pages}
    nav: list[NavEntry] = [(t["home"], paths.HOME), (t["agenda"], paths.AGENDA)]
    labels = {l.id: lecture_label(ctx, i, l) for i, l in enumerate(ctx.project.lectures)}
    units: list[list[NavEntry]] = []
    unit_labels: list[str] = []
    placed: set[tuple[str, str]] = set()
    for step in course_steps(ctx):
        if step.path not in by_path:
            continue
        placed.add((step.kind, step.id))
        if step.kind == "lecture" or not units:  # not units: a final assessment in a course of no lecture page
            units.append([(step.title, step.path)])
            unit_labels.append(labels.get(step.id, step.title) if step.kind == "lecture" else step.title)
        else:
            units[-1].append((step.label(ctx), step.path))
    nav.append((t["lectures"], _grouped(units, unit_labels)))
    groups: list[tuple[str, str, list[str], Mapping[str, object]]] = [
        ("cases", "case", [paths.CASES_INDEX] if paths.CASES_INDEX in by_path else [], ctx.project.cases),
        ("discussions", "discussion", [], ctx.project.discussions),
        ("drills", "drill", [], ctx.project.drills),
        ("scenarios", "scenario", [], ctx.project.scenarios),
        ("homeworks", "homework", [], ctx.project.homework),
        ("quizzes", "quiz", [], ctx.project.quizzes),
    ]
    for label, kind, extra, items in groups:
        ordered = [i for i in ctx.project.outline_order(kind, list(items)) if (kind, i) not in placed]
        entries = [(by_path[p].title, p) for p in _paths(ctx, kind, ordered, by_path)]
        if entries or extra:
            numbers = [str(n) for n in range(1, len(entries) + 1)]
            nav.append((t[label], [(by_path[p].title, p) for p in extra] + _grouped([[e] for e in entries], numbers)))
    nav += [entry for entry in learner_nav(ctx) if entry[1] in by_path]
    return nav


def _grouped(units: list[list[NavEntry]], labels: list[str]) -> list[NavEntry]:
    """The units' entries as they are, or, past :data:`MENU_LIMIT` entries, in sub-menus of :data:`MENU_GROUP`
    units named by the labels of their first and last units (第一讲–第二十讲, 21–40); a lecture's unit is the
    lecture and its activities, never split."""
    entries = [entry for unit in units for entry in unit]
    if len(entries) <= MENU_LIMIT:
        return entries
    return [
        (
            f"{labels[start]}–{labels[min(start + MENU_GROUP, len(units)) - 1]}",
            [entry for unit in units[start : start + MENU_GROUP] for entry in unit],
        )
        for start in range(0, len(units), MENU_GROUP)
    ]


def _paths(ctx: RenderContext, kind: str, ids: list[str], by_path: dict[str, Page]) -> list[str]:
    return [p for p in (paths.item_page(kind, i) for i in ids) if p in by_path]
