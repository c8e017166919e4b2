"""The outline as the parser found it: plain, mutable records, turned into course YAML by the writer."""

from __future__ import annotations

from dataclasses import dataclass, field

from .patterns import LectureHeading


@dataclass
class Activity:
    """A 案例分析: / 互动讨论: / 演练 / 作业 line, and the text lines that followed it."""

    kind: str
    keyword: str
    title: str
    line: int
    text: str
    id: str = ""
    details: list[str] = field(default_factory=list)
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    """A drill's roles as the outline names them: name and, if written, brief."""


@dataclass
class Node:
    """A section, point or sub-point: one numbered (or bulleted) line and what hangs under it."""

    title: str
    line: int
    body: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)


@dataclass
class LectureNode:
    title: str
    line: int
    heading: LectureHeading | None
    """As written; None when the outline numbers lectures 一、 二、 without 讲/章."""
    summary: list[str] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    id: str = ""
    label: str | None = None
    minutes: int = 0
    day: int = 0
    """The day heading (第一天, Day 2) it comes under, counted from 1; 0 before any."""

    def size(self) -> int:
        """How much the lecture holds: its share of the course time is proportional to this."""
        def count(nodes: list[Node]) -> int:
            return sum(1 + len(n.activities) + count(n.children) for n in nodes)

        return 1 + count(self.sections) + len(self.activities)


@dataclass
class InstructorNode:
    line: int
    name: str = ""
    title: str | None = None
    highlights: list[str] = field(default_factory=list)
    former_roles: list[str] = field(default_factory=list)
    expertise: list[str] = field(default_factory=list)


@dataclass
class Outline:
    """Everything found, in document order; ``*_line`` fields say where a value came from."""

    title: str = ""
    subtitle: str | None = None
    year: int | None = None
    background: list[str] = field(default_factory=list)
    benefits: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    days: float | None = None
    hours_per_day: float | None = None
    instructor: InstructorNode | None = None
    lectures: list[LectureNode] = field(default_factory=list)
    closing_title: str | None = None
    closing_body: list[str] = field(default_factory=list)
    closing_minutes: int = 0
    timed: bool = False
    """The outline is a timetable (its rows start with times such as 09:00-10:30)."""
    day_start: str | None = None
    """HH:MM of the timetable's first session."""
    lunch: tuple[str, str] | None = None
    """(start, end) HH:MM of the timetable's lunch row."""
    breaks: list[tuple[str, str, str]] = field(default_factory=list)
    """(start, end, title) of the timetable's breaks other than lunch, each time once: every day has them."""
    day_headings: int = 0
    """第一天 / 第二天 headings: the outline's number of days."""

    def activities(self) -> list[Activity]:
        """Every activity, in document order."""
        found: list[Activity] = []

        def walk(nodes: list[Node]) -> None:
            for node in nodes:
                found.extend(node.activities)
                walk(node.children)

        for lecture in self.lectures:
            walk(lecture.sections)
            found.extend(lecture.activities)
        return sorted(found, key=lambda a: a.line)
