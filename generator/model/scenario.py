"""Branching scenarios (情景模拟): scenes a trainee walks one at a time, each choice leading to another scene.

The model holds what a trainer writes; whether the scenes form a walkable whole (every ``to`` names a scene,
every scene is reached and leads on to an ending) is checked by the loader (:mod:`coursegen.load.scenario`),
which knows the lines. :func:`best_path` is the one answer to "which way through scores best", read by the
trainee page (shown at the end), the trainer page and the handbook alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from .base import FACILITATOR_FIELD, FacilitatorNotes, Id, Markdown, StrictModel, Text


class SceneChoice(StrictModel):
    """一个选项：学员在这一幕可以做的一种选择，选了就转到另一幕。"""

    text: Text = Field(description="选项：学员会怎么说、怎么做。")
    to: Id = Field(description="选了之后转到的那一幕的 id。")
    feedback: Markdown | None = Field(default=None, description="点评：学员选了之后，在下一幕开头看到。")
    points: int = Field(default=0, ge=-100, le=100, description="这个选择的得分，可以是负数；不写为 0。")


class Ending(StrictModel):
    """结局：走到这一幕，情景模拟就结束了。"""

    outcome: Text = Field(description="结局：一句话说明结果，例如 客户放下手机，同意到洽谈区继续沟通。")
    score: int = Field(default=0, ge=-100, le=1000, description="结局的得分，与一路上选项的得分相加；不写为 0。")
    debrief: Markdown | None = Field(default=None, description="结局点评：为什么会走到这个结局，可以怎么做得更好。")


class Scene(StrictModel):
    """一幕：发生了什么、客户说了什么，以及学员的选项；结局幕不写选项，写 `ending`。"""

    id: Id = Field(description="这一幕的标识，在本情景模拟内不能重复；选项的 `to` 写它。")
    title: Text = Field(description="这一幕的标题，例如 客户在大堂拿出手机。")
    situation: Markdown = Field(description="发生了什么：这一幕的情形。")
    says: Text | None = Field(default=None, description="客户（或对方）说的话，不写引号。")
    choices: list[SceneChoice] = Field(default_factory=list, description="学员的选项；结局幕不写。")
    ending: Ending | None = Field(default=None, description="写了它，这一幕就是结局（`outcome`、`score`、`debrief`）。")


class Scenario(StrictModel):
    """情景模拟：一幕一幕往下走，学员的每个选择决定下一幕，直到某个结局。"""

    id: Id
    title: Text = Field(description="情景模拟的标题。")
    intro: Markdown | None = Field(default=None, description="开场说明：学员扮演谁、在什么场合。")
    start: Id | None = Field(default=None, description="第一幕的 id；不写就从 `scenes` 的第一幕开始。")
    allow_back: bool = Field(default=False, description="是否允许学员退回上一步重新选择。")
    scenes: list[Scene] = Field(min_length=2, description="各幕，按编号顺序（第 1 幕、第 2 幕……）。")
    facilitator: FacilitatorNotes | None = FACILITATOR_FIELD

    @property
    def first(self) -> str:
        """The id of the scene a trainee starts at."""
        return self.start or self.scenes[0].id

    def scene(self, scene_id: str) -> Scene:
        return next(s for s in self.scenes if s.id == scene_id)

    def number(self, scene_id: str) -> int:
        """The scene's number as every page and the handbook print it (第 n 幕): its place in ``scenes``."""
        return next(i for i, s in enumerate(self.scenes, 1) if s.id == scene_id)


@dataclass(frozen=True)
class Step:
    """One step of a way through: the scene, and the choice taken there (``None`` at the ending)."""

    scene: str
    choice: int | None


def best_path(scenario: Scenario) -> list[Step]:
    """The way from the start to an ending with the highest total (each choice's points plus the ending's
    score), the shorter on a tie; no scene twice, so a loop back never scores. Scenarios are a handful of
    scenes, so every loop-free way is tried; empty if no ending can be reached (the loader reports that)."""
    best: tuple[int, int] | None = None
    found: list[Step] = []

    def walk(scene_id: str, path: list[Step], total: int) -> None:
        nonlocal best, found
        scene = next((s for s in scenario.scenes if s.id == scene_id), None)
        if scene is None or any(step.scene == scene_id for step in path):
            return
        if scene.ending is not None:
            key = (total + scene.ending.score, -len(path))
            if best is None or key > best:
                best, found = key, [*path, Step(scene_id, None)]
            return
        for i, choice in enumerate(scene.choices):
            walk(choice.to, [*path, Step(scene_id, i)], total + choice.points)

    walk(scenario.first, [], 0)
    return found


def path_total(scenario: Scenario, path: list[Step]) -> int:
    """The score of a way through: its choices' points and its ending's score."""
    total = 0
    for step in path:
        scene = scenario.scene(step.scene)
        if step.choice is not None:
            total += scene.choices[step.choice].points
        elif scene.ending is not None:
            total += scene.ending.score
    return total
