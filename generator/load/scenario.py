"""A scenario's scenes must form a walkable whole: checked here, where the lines are known.

A trainee walks a scenario from its first scene, one choice at a time, until an ending. A ``to`` that names no
scene is a button leading nowhere; a scene no way reaches is text nobody reads; a scene that is not an ending
and offers no choice, or from which every way loops without reaching an ending, leaves the trainee stuck. Each
mistake is reported once, at the line of the scene (or ``to``) it is about. The later checks assume every ``to``
names a scene, so they wait until those are right; scenes already reported stuck do not make the scenes leading
to them reported again.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..messages import say
from ..model import Scenario
from .problems import Problem
from .yamlfile import YamlDoc


def scenario_problems(doc: YamlDoc, scenario: Scenario) -> list[Problem]:
    """Every mistake in how ``scenario``'s scenes lead into one another, each once at its line."""
    unknown = _unknown_targets(doc, scenario)
    if unknown:
        return unknown
    index = {scene.id: i for i, scene in enumerate(scenario.scenes)}
    problems = []
    for i, scene in enumerate(scenario.scenes):
        if scene.ending is not None and scene.choices:
            problems.append(doc.problem(("scenes", i, "choices"), say("scenario.ending_choices", scene=scene.id),
                                        say("scenario.ending_choices_hint"), key=True))
    stuck = {s.id for s in scenario.scenes if s.ending is None and not s.choices}
    reached = _reachable(scenario, [scenario.first])
    for scene in scenario.scenes:
        loc = ("scenes", index[scene.id], "id")
        if scene.id in stuck:
            problems.append(doc.problem(loc, say("scenario.dead_end", scene=scene.id), say("scenario.dead_end_hint")))
        elif scene.id not in reached:
            message = (say("scenario.ending_unreached", scene=scene.id) if scene.ending is not None
                       else say("scenario.unreached", scene=scene.id))
            problems.append(doc.problem(loc, message, say("scenario.unreached_hint", scene=scene.id)))
    finishing = _finishing(scenario, stuck)
    for scene in scenario.scenes:
        if scene.id in reached and scene.id not in stuck and scene.id not in finishing:
            problems.append(doc.problem(("scenes", index[scene.id], "id"), say("scenario.no_way_out", scene=scene.id),
                                        say("scenario.no_way_out_hint")))
    return problems


def _unknown_targets(doc: YamlDoc, scenario: Scenario) -> list[Problem]:
    """An error at every ``start`` or ``to`` that names no scene, with the id it was probably meant to be."""
    ids = [scene.id for scene in scenario.scenes]
    problems = []
    if scenario.start is not None and scenario.start not in ids:
        problems.append(doc.problem(("start",), say("scenario.unknown", id=scenario.start), _did_you_mean(scenario.start, ids)))
    for i, scene in enumerate(scenario.scenes):
        for j, choice in enumerate(scene.choices):
            if choice.to not in ids:
                problems.append(doc.problem(("scenes", i, "choices", j, "to"), say("scenario.unknown", id=choice.to),
                                            _did_you_mean(choice.to, ids)))
    return problems


def _did_you_mean(word: str, ids: list[str]) -> str:
    close = difflib.get_close_matches(word, ids, n=1, cutoff=0.5)
    if close:
        return say("scenario.did_you_mean", id=close[0])
    return say("scenario.known", ids=say("course.separator").join(f"`{i}`" for i in ids))


def _reachable(scenario: Scenario, starts: Iterable[str]) -> set[str]:
    """The scenes some sequence of choices leads to from ``starts`` (themselves included)."""
    seen: set[str] = set()
    todo = list(starts)
    while todo:
        scene_id = todo.pop()
        if scene_id in seen:
            continue
        seen.add(scene_id)
        todo += [choice.to for choice in scenario.scene(scene_id).choices]
    return seen


def _finishing(scenario: Scenario, stuck: set[str]) -> set[str]:
    """The scenes from which some way leads to an ending, or to a scene already reported as stuck (whose own
    error says what to fix): walked backwards from those."""
    leads_to: dict[str, set[str]] = {scene.id: set() for scene in scenario.scenes}
    for scene in scenario.scenes:
        for choice in scene.choices:
            leads_to[choice.to].add(scene.id)
    done: set[str] = set()
    todo = [s.id for s in scenario.scenes if s.ending is not None or s.id in stuck]
    while todo:
        scene_id = todo.pop()
        if scene_id not in done:
            done.add(scene_id)
            todo += leads_to[scene_id]
    return done
