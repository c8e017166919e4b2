"""A scenario drawn as an SVG map for the trainer edition: every scene a box, every choice an arrow.

Drawn here, at build time, from the model alone: no system tool (Graphviz), no outside request, no script on the
page, so the map shows offline and in print. The layout is layered: a scene's column is how many choices it
takes at least to reach it from the start (breadth first), its row its order among the scenes of that column in
the file; the endings share the last column, so every way into an ending runs forward. An arrow to a later column
curves across the gap, one to a scene above or below in the same column runs straight up or down, and any other
(back to an earlier column, or past a column) runs in the free channels: the gaps between columns and a lane of
its own below every box, so no arrow crosses a box. Each arrow's letter sits at its middle. Text is wrapped by
display width, a Chinese character counted twice a Latin one, so titles wrap between characters as Chinese does.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

from ..model.scenario import Scenario, Step

BOX_W = 150
BOX_H = 66
GAP_X = 60
GAP_Y = 24
PAD = 12
FONT = 13
LINE = 17
LANE = 10
"""Pixels between the lanes below the boxes that arrows going back or past a column run in."""
WRAP = 20
"""Display columns of text per line in a box: ten Chinese characters at :data:`FONT` px fit :data:`BOX_W`."""


@dataclass(frozen=True)
class Box:
    scene_id: str
    x: int
    y: int


def letter(i: int) -> str:
    """A choice's letter as every page prints it: A, B, C …"""
    return chr(ord("A") + i)


def layout(scenario: Scenario) -> dict[str, Box]:
    """Each scene's box: column by its distance from the start, row by its order in the file within the column;
    scenes no way reaches (the loader refuses them) would take a column after the last."""
    depth = {scenario.first: 0}
    queue = [scenario.first]
    for scene_id in queue:
        for choice in scenario.scene(scene_id).choices:
            if choice.to not in depth:
                depth[choice.to] = depth[scene_id] + 1
                queue.append(choice.to)
    last = max((d for scene_id, d in depth.items() if scenario.scene(scene_id).ending is None), default=0) + 1
    rows: dict[int, int] = {}
    boxes = {}
    for scene in scenario.scenes:
        column = last if scene.ending is not None or scene.id not in depth else depth[scene.id]
        row = rows.get(column, 0)
        rows[column] = row + 1
        boxes[scene.id] = Box(scene.id, PAD + column * (BOX_W + GAP_X), PAD + row * (BOX_H + GAP_Y))
    return boxes


def wrap(text: str, width: int = WRAP, lines: int = 2) -> list[str]:
    """``text`` in lines of at most ``width`` display columns, at most ``lines`` of them (the last ends in …)."""
    out: list[str] = []
    current, used = "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width:
            out.append(current)
            current, used = "", 0
        current += ch
        used += w
    out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], out[lines - 1][:-1] + "…"]
    return out


def scenario_svg(scenario: Scenario, best: list[Step], *, title: str, labels: dict[str, str]) -> str:
    """The map as one ``<svg>`` element; ``best`` (its arrows drawn bold) and ``labels``: ``scene`` (第 {n} 幕),
    ``ending`` (结局) and ``map_desc`` (the text a screen reader reads instead of the picture)."""
    boxes = layout(scenario)
    width = max(b.x for b in boxes.values()) + BOX_W + PAD
    arrows = [(scene, i, choice) for scene in scenario.scenes for i, choice in enumerate(scene.choices)]
    routed = [a for a in arrows if not _direct(boxes[a[0].id], boxes[a[2].to])]
    bottom = max(b.y for b in boxes.values()) + BOX_H
    lanes = {(scene.id, i): bottom + LANE * (k + 1) for k, (scene, i, _) in enumerate(routed)}
    height = bottom + LANE * (len(routed) + 1) + PAD
    on_best = {(s.scene, s.choice) for s in best}
    parts = [
        f'<svg class="cg-scenario-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" role="img" aria-labelledby="cg-map-{scenario.id}-title cg-map-{scenario.id}-desc">',
        f'<title id="cg-map-{scenario.id}-title">{escape(title)}</title>',
        f'<desc id="cg-map-{scenario.id}-desc">{escape(labels["map_desc"])}</desc>',
        '<defs><marker id="cg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>',
    ]
    for scene, i, choice in arrows:
        share = (i + 1) / (len(scene.choices) + 1)
        lane = lanes.get((scene.id, i), 0)
        parts.append(_arrow(boxes[scene.id], boxes[choice.to], letter(i), (scene.id, i) in on_best, lane, share))
    for n, scene in enumerate(scenario.scenes, 1):
        parts.append(_box(boxes[scene.id], labels["scene"].format(n=n), scene.title,
                          labels["ending"] if scene.ending is not None else None, scene.id == scenario.first))
    parts.append("</svg>")
    return "".join(parts)


def _box(box: Box, number: str, title: str, ending: str | None, start: bool) -> str:
    kind = "cg-map__box--ending" if ending else "cg-map__box--start" if start else "cg-map__box"
    head = f"{number} · {ending}" if ending else number
    lines = [head, *wrap(title)]
    bold = ' font-weight="bold"'
    text = "".join(
        f'<tspan x="{box.x + 8}" y="{box.y + 18 + i * LINE}"{bold if i == 0 else ""}>{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    rx = 18 if ending else 4
    return (f'<g class="{kind}"><rect x="{box.x}" y="{box.y}" width="{BOX_W}" height="{BOX_H}" rx="{rx}"/>'
            f'<text font-size="{FONT}">{text}</text></g>')


def _direct(source: Box, target: Box) -> bool:
    """Whether an arrow goes straight: to the next column, or within its own."""
    return source.x < target.x <= source.x + BOX_W + GAP_X or target.x == source.x


def _arrow(source: Box, target: Box, label: str, best: bool, lane: int, share: float) -> str:
    """An arrow from ``source`` to ``target``, leaving at ``share`` of the source's edge (several choices leave a
    box apart). To the next column it curves across the gap; within a column it runs between the facing edges;
    any other (back to an earlier column, or past a column) runs in the free channels: right into the gap after
    the source, down to its own ``lane`` below every box, along it, up the gap before the target and into it."""
    cls = "cg-map__arrow cg-map__arrow--best" if best else "cg-map__arrow"
    if target.x == source.x:
        x = source.x + round(BOX_W * share)
        y1, y2 = (source.y, target.y + BOX_H + 1) if target.y < source.y else (source.y + BOX_H, target.y - 1)
        path, at = f"M{x},{y1} V{y2}", (x, (y1 + y2) // 2)
    elif _direct(source, target):
        x1, y1 = source.x + BOX_W, source.y + round(BOX_H * share)
        x2, y2 = target.x - 1, target.y + BOX_H // 2
        mid = (x1 + x2) // 2
        path, at = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}", (mid, (y1 + y2) // 2)
    else:
        x1, y1 = source.x + BOX_W, source.y + round(BOX_H * share)
        spread = (lane // LANE % 4) * 6  # arrows sharing a gap run side by side
        out, into = x1 + 12 + spread, target.x - 12 - spread
        y2 = target.y + BOX_H // 2 + 10
        path, at = f"M{x1},{y1} H{out} V{lane} H{into} V{y2} H{target.x - 1}", ((out + into) // 2, lane)
    return (f'<g class="{cls}"><path d="{path}" fill="none" marker-end="url(#cg-arrow)"/>'
            f'<text x="{at[0]}" y="{at[1] + 4}" font-size="{FONT - 1}" text-anchor="middle" paint-order="stroke">{label}</text></g>')
