"""Turn the laid-out outline into the course folder's YAML files, each checked against the model first.

Files are built as plain data, validated with the same pydantic models `coursegen check` uses, and
written by coursegen's one YAML writer (:func:`coursegen.yamledit.dump_new`, which quotes whatever needs
quoting, and every time); a stub that would not validate is a bug in the importer and stops it before
anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..messages import say
from .report import failure
from ..model import Case, Course, Discussion, Drill, Homework, Lecture
from ..yamledit import dump_new
from ..load.standins import stand_in
from .stubs import stub
from .tree import Activity, LectureNode, Node, Outline

FOLDERS = {"case": "cases", "discussion": "discussions", "drill": "drills", "homework": "homework"}
_MODELS: dict[str, type[BaseModel]] = {"case": Case, "discussion": Discussion, "drill": Drill, "homework": Homework}


def course_files(outline: Outline, course_id: str, source_name: str, unit: str) -> dict[str, str]:
    """Relative path → YAML text of every file of the course folder; ``unit`` (行, 段) names source positions."""
    lectures = {f"lectures/{n:02d}-{lecture.id}.yml": lecture for n, lecture in enumerate(outline.lectures, 1)}
    files = {"course.yml": _dump(Course, _course(outline, course_id, list(lectures)), say("import.header_course", source=source_name))}
    for path, lecture in lectures.items():
        files[path] = _dump(Lecture, _lecture(lecture, outline.day_headings), say("import.header_lecture", source=source_name, n=lecture.line, unit=unit))
    for activity in outline.activities():
        source = say("import.header_activity", source=source_name, n=activity.line, unit=unit, text=activity.text)
        header = f"{source}\n{say('import.header_activity_todo')}"
        files[f"{FOLDERS[activity.kind]}/{activity.id}.yml"] = _dump(_MODELS[activity.kind], stub(activity), header)
    return files


def write_files(files: dict[str, str], out_dir: Path, *, force: bool) -> list[Path]:
    """Write ``files`` under ``out_dir``; an existing non-empty folder needs ``force`` (which overwrites same-named files only)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise failure(out_dir, say("import.not_a_folder"), say("import.not_a_folder_hint"))
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        raise failure(out_dir, say("import.not_empty"), say("import.not_empty_hint"))
    written = []
    for rel, text in files.items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _course(outline: Outline, course_id: str, lecture_paths: list[str]) -> dict[str, Any]:
    days = outline.days or 1
    data: dict[str, Any] = {"id": course_id, "title": outline.title}
    if outline.subtitle:
        data["subtitle"] = outline.subtitle
    data["language"] = "zh"
    if outline.year:
        data["year"] = outline.year
    data["background"] = _markdown(outline.background)
    data["benefits"] = outline.benefits
    data["audience"] = outline.audience
    data["duration"] = {"days": _number(days), "hours_per_day": _number(outline.hours_per_day or 0)}
    if outline.day_start:  # a timetable's own times, for the site's agenda
        data["duration"]["day_start"] = outline.day_start
    if outline.lunch:
        data["duration"]["lunch_start"], data["duration"]["lunch_end"] = outline.lunch
    if outline.breaks:
        data["duration"]["breaks"] = [{"start": start, "end": end, "title": title} for start, end, title in outline.breaks]
    if outline.instructor:
        person = outline.instructor
        data["instructor"] = _without_empty({
            "name": person.name,
            "title": person.title,
            "highlights": person.highlights,
            "former_roles": person.former_roles,
            "expertise": person.expertise,
        })
    data["lectures"] = lecture_paths
    if outline.closing_title:
        data["closing"] = _without_empty({
            "title": outline.closing_title,
            "duration_minutes": outline.closing_minutes,
            "body": _markdown(outline.closing_body),
        })
    return data


def _lecture(lecture: LectureNode, days: int) -> dict[str, Any]:
    """``days``: the outline's day headings; with two or more, each lecture says its day, as the outline does."""
    return _without_empty({
        "id": lecture.id,
        "label": lecture.label,
        "title": lecture.title,
        "duration_minutes": lecture.minutes,
        "day": max(1, lecture.day) if days > 1 else None,
        "summary": _markdown(lecture.summary),
        "sections": [_section(lecture.id, n, s) for n, s in enumerate(lecture.sections, 1)],
        "activities": _refs(lecture.activities),
    })


def _section(lecture_id: str, n: int, section: Node) -> dict[str, Any]:
    return _without_empty({
        "id": f"{lecture_id}-section-{n}",
        "title": section.title or stand_in("小节标题"),
        "body": _markdown(section.body),
        "points": [_point(p, depth=1) for p in section.children],
        "activities": _refs(section.activities),
    })


def _point(node: Node, depth: int) -> str | dict[str, Any]:
    """A plain title where nothing hangs under it, as the example course writes points."""
    title = node.title or stand_in("标题")
    if not node.body and not node.children:
        return title
    data: dict[str, Any] = {"title": title, "body": _markdown(node.body)}
    if depth == 1:
        data["points"] = [_point(child, depth=2) for child in node.children]
    return _without_empty(data)


def _refs(activities: list[Activity]) -> list[dict[str, str]]:
    return [{a.kind: a.id} for a in activities]


def _markdown(paragraphs: list[str]) -> str | None:
    return "\n\n".join(paragraphs) + "\n" if paragraphs else None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def _dump(model: type[BaseModel], data: dict[str, Any], header: str) -> str:
    model.model_validate(data)  # a failure here is an importer bug, not the trainer's
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return comment + dump_new(data)
