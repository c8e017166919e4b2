"""A scenario drawn as an SVG map for the trainer edition: every scene a box, every choice an arrow.

Drawn here, at build time, from the model alone: no system tool (Graphviz), no outside request, no script on the
page, so the map shows offline and in print. The layout is layered: a scene's column is how many choices it
takes at least to reach it from the start (breadth first), its row its order among the scenes of that column in
the file. An arrow to a later column runs straight across; one back to the same or an earlier column (a loop)
bends below the boxes, so it crosses none of them. Text is wrapped by display width, a Chinese character counted
twice a Latin one, so titles wrap between characters as Chinese does.
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
    last = max(depth.values(), default=0) + 1
    rows: dict[int, int] = {}
    boxes = {}
    for scene in scenario.scenes:
        column = depth.get(scene.id, last)
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
    height = max(b.y for b in boxes.values()) + BOX_H + PAD + 3 * GAP_Y
    on_best = {(s.scene, s.choice) for s in best}
    parts = [
        f'<svg class="cg-scenario-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" role="img" aria-labelledby="cg-map-{scenario.id}-title cg-map-{scenario.id}-desc">',
        f'<title id="cg-map-{scenario.id}-title">{escape(title)}</title>',
        f'<desc id="cg-map-{scenario.id}-desc">{escape(labels["map_desc"])}</desc>',
        '<defs><marker id="cg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>',
    ]
    bend = height - PAD - GAP_Y
    for scene in scenario.scenes:
        for i, choice in enumerate(scene.choices):
            parts.append(_arrow(boxes[scene.id], boxes[choice.to], letter(i), (scene.id, i) in on_best, bend))
            bend -= 6
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


def _arrow(source: Box, target: Box, label: str, best: bool, bend: int) -> str:
    """From the source box's right edge to the target's left edge, or, back to a column not further right,
    from the source's bottom round below the boxes to the target's bottom."""
    cls = "cg-map__arrow cg-map__arrow--best" if best else "cg-map__arrow"
    if target.x > source.x:
        x1, y1 = source.x + BOX_W, source.y + BOX_H // 2
        x2, y2 = target.x - 2, target.y + BOX_H // 2
        mid = (x1 + x2) // 2
        path = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
        lx, ly = x1 + 6, y1 - 4 if y2 <= y1 else y1 + 14
    else:
        x1, y1 = source.x + BOX_W // 2 + 10, source.y + BOX_H
        x2, y2 = target.x + BOX_W // 2 - 10, target.y + BOX_H + 2
        path = f"M{x1},{y1} C{x1},{bend} {x2},{bend} {x2},{y2}"
        lx, ly = x1 + 4, y1 + 14
    return (f'<g class="{cls}"><path d="{path}" fill="none" marker-end="url(#cg-arrow)"/>'
            f'<text x="{lx}" y="{ly}" font-size="{FONT - 1}">{label}</text></g>')
