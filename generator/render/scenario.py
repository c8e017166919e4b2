"""Scenario pages: the trainee walks the scenes one at a time (cg-scenario.js); the trainer sees them all.

The trainee page holds every scene, but only the first is shown and searchable: the others, the choices'
feedback and the endings are ``hidden`` sections kept out of search (``data-search-exclude``), since finding
a later scene or a debrief by searching would spoil the walk. The graph the script walks (each scene's
number, title, choices' targets and points, the best path) is JSON in an attribute, which search never reads.
The trainer page prints every scene with where each choice leads, and the whole scenario as an SVG map.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .. import site_paths as paths
from ..model.scenario import Scenario, Step, best_path, path_total
from .activities import usages
from .diagram import letter, scenario_svg
from .environment import RenderContext
from .site import Page


def scenario_pages(ctx: RenderContext) -> list[Page]:
    scenarios = ctx.project.scenarios
    return [_page(ctx, scenarios[i]) for i in ctx.project.outline_order("scenario", list(scenarios))]


def _page(ctx: RenderContext, scenario: Scenario) -> Page:
    path = paths.item_page("scenario", scenario.id)
    best = best_path(scenario)
    content = ctx.render(
        "scenario.md.j2", path, item=scenario, usages=usages(ctx, "scenario", scenario.id), letter=letter,
        best=best, best_total=path_total(scenario, best), walk=walk_data(scenario, best),
        diagram=_diagram(ctx, scenario, best) if ctx.trainer else "",
    )
    return Page(path, scenario.title, content, ctx.project.source("scenario", scenario.id), needs=("scenario",))


def _diagram(ctx: RenderContext, scenario: Scenario, best: list[Step]) -> Markup:
    """The trainer's map, kept as it is by the template: every text in it was escaped as it was drawn."""
    labels = {key: ctx.t["scenario_page." + key] for key in ("scene", "ending", "map_desc")}
    return Markup(scenario_svg(scenario, best, title=scenario.title, labels=labels))  # noqa: S704 - escaped in diagram.py


def walk_data(scenario: Scenario, best: list[Step]) -> dict[str, Any]:
    """What cg-scenario.js walks: where each choice leads and scores, and the best way, by scene id."""
    return {
        "start": scenario.first,
        "back": scenario.allow_back,
        "scenes": {
            s.id: {
                "n": scenario.number(s.id),
                "title": s.title,
                "to": [c.to for c in s.choices],
                "points": [c.points for c in s.choices],
                "score": s.ending.score if s.ending is not None else None,
            }
            for s in scenario.scenes
        },
        "best": [[step.scene, step.choice] for step in best],
        "bestTotal": path_total(scenario, best),
    }
