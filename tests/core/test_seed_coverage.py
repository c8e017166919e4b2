"""The example course carries the whole seed outline: the same lectures, sections, points and sub-points in order.

The importer's reading of the seed (checked against the seed by its own golden test) is the reference; the example
YAML may fix typos and punctuation, so titles are compared after dropping punctuation and width differences.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from coursegen.load import load_project

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "importer" / "expected" / "seed"

TYPO_FIXES = {"不利": "不力", "如何避免防止避免": "如何避免", "新形式": "新形势"}
"""Wording the example corrects on purpose (the seed's own typos)."""


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for typo, fixed in TYPO_FIXES.items():
        text = text.replace(typo, fixed)
    return re.sub(r"[\W_]+", "", text)


def shape_of_seed() -> list[tuple[str, list[tuple[str, list[tuple[str, list[str]]]]]]]:
    course = yaml.safe_load((SEED / "course.yml").read_text(encoding="utf-8"))
    lectures = []
    for rel in course["lectures"]:
        lecture = yaml.safe_load((SEED / rel).read_text(encoding="utf-8"))
        sections = []
        for section in lecture["sections"]:
            points = []
            for point in section.get("points", []):
                title = point if isinstance(point, str) else point["title"]
                subs = [] if isinstance(point, str) else [s if isinstance(s, str) else s["title"] for s in point.get("points", [])]
                points.append((norm(title), [norm(s) for s in subs]))
            sections.append((norm(section["title"]), points))
        lectures.append((norm(lecture["title"]), sections))
    return lectures


def shape_of_example() -> list[tuple[str, list[tuple[str, list[tuple[str, list[str]]]]]]]:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    return [
        (norm(lecture.title), [
            (norm(section.title), [(norm(p.title), [norm(s.title) for s in p.sub_points()]) for p in section.full_points()])
            for section in lecture.sections
        ])
        for lecture in project.lectures
    ]


def test_example_course_holds_every_seed_outline_item_in_order() -> None:
    assert shape_of_example() == shape_of_seed()


def test_example_course_holds_every_seed_activity() -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    titles = {norm(item.title) for items in (project.cases, project.discussions) for item in items.values()}
    for title in ["池子事件", "投诉的二次升级", "“食之无味”的通讯套餐", "行内员工用内部信息“刷屏”", "如何为客户“灭火”", "什么情况容易引起媒体曝光?"]:
        assert norm(title) in titles
    assert len(project.drills) == 1
    assert [h.kind for h in project.homework.values()].count("homework") == 1
    assert project.course.instructor is not None and project.course.instructor.name == "崔海芳"
