"""The tree ``coursegen import --dry-run`` prints: the structure as the site will number it, with source lines."""

from __future__ import annotations

from ..load.standins import stand_in
from ..messages import say
from ..numerals import chinese_number
from .tree import Activity, LectureNode, Node, Outline
from .writer import FOLDERS

_INDENT = "  "
_CLIP = 60


def format_tree(outline: Outline, unit: str) -> str:
    """One line per heading, point and activity, indented by level; ``unit`` (行, 段) names source positions."""
    out = [f"{outline.title}" + (f" ——{outline.subtitle}" if outline.subtitle else "") + (f" ({outline.year})" if outline.year else "")]
    days, hours = outline.days or 0, outline.hours_per_day or 0
    out.append(_INDENT + say("import.tree_duration", days=f"{days:g}", hours=f"{hours:g}", minutes=round(days * hours * 60)))
    audience = say("import.separator").join(outline.audience)
    out.append(_INDENT + say("import.tree_metadata", background=len(outline.background), benefits=len(outline.benefits), audience=audience))
    for lecture in outline.lectures:
        out.extend(_lecture(lecture, unit))
    if outline.closing_title:
        out.append(f"{_INDENT}{outline.closing_title}" + say("import.tree_closing", minutes=outline.closing_minutes))
    person = outline.instructor
    if person:
        title = say("import.tree_title", title=person.title) if person.title else ""
        out.append(_INDENT + say(
            "import.tree_instructor", name=person.name, title=title, highlights=len(person.highlights),
            roles=len(person.former_roles), expertise=len(person.expertise),
        ))
    return "\n".join(out)


def _lecture(lecture: LectureNode, unit: str) -> list[str]:
    label = f"{lecture.label} " if lecture.label else ""
    out = [f"{_INDENT}{label}{lecture.title}" + say("import.tree_lecture", minutes=lecture.minutes, unit=unit, n=lecture.line)]
    out += [f"{_INDENT * 2}· {_clip(text)}" for text in lecture.summary]
    for n, section in enumerate(lecture.sections, 1):
        out += _node(section, f"{chinese_number(n)}、", 2)
        for i, point in enumerate(section.children, 1):
            out += _node(point, f"{i}. ", 3)
            for j, sub in enumerate(point.children, 1):
                out += _node(sub, f"{j}) ", 4)
        out += [_activity(a, 3) for a in section.activities]
    out += [_activity(a, 2) for a in lecture.activities]
    return out


def _node(node: Node, number: str, depth: int) -> list[str]:
    lines = [f"{_INDENT * depth}{number}{node.title or stand_in('标题')}"]
    return lines + [f"{_INDENT * (depth + 1)}· {_clip(text)}" for text in node.body]


def _activity(activity: Activity, depth: int) -> str:
    title = activity.title or "—"
    return f"{_INDENT * depth}[{activity.keyword}] {_clip(title)} → {FOLDERS[activity.kind]}/{activity.id}.yml"


def _clip(text: str) -> str:
    return text if len(text) <= _CLIP else text[: _CLIP - 1] + "…"
