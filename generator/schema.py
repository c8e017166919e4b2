"""JSON Schemas of every file a trainer writes, exported from the pydantic models.

An editor with yaml-language-server autocompletes keys and flags mistakes while the trainer types;
because the schemas come from the same models the loader validates against, they cannot drift.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import Case, Course, Discussion, Drill, Homework, Lecture, QuizBank, Scenario, Submission

SCHEMAS: dict[str, type[BaseModel]] = {
    "course": Course,
    "lecture": Lecture,
    "case": Case,
    "discussion": Discussion,
    "drill": Drill,
    "scenario": Scenario,
    "homework": Homework,
    "quiz": QuizBank,
    "submission": Submission,
}
"""File name stem → model. ``submission`` describes the files homework forms export (format versions 1 and 2)."""

EDITOR_GLOBS: dict[str, str] = {
    "course": "course/course.yml",
    "lecture": "course/lectures/*.yml",
    "case": "course/cases/*.yml",
    "discussion": "course/discussions/*.yml",
    "drill": "course/drills/*.yml",
    "scenario": "course/scenarios/*.yml",
    "homework": "course/homework/*.yml",
    "quiz": "quizzes/*.yml",
}
"""Which files each schema applies to, for the editor settings `coursegen new` writes."""


def json_schema(name: str) -> dict[str, Any]:
    schema = SCHEMAS[name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name}.schema.json"
    return schema


def schema_text(name: str) -> str:
    return json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def editor_settings(schema_folder: str = "schemas") -> str:
    """VS Code settings mapping each kind of course file to its schema (YAML extension by Red Hat)."""
    mapping = {f"{schema_folder}/{name}.schema.json": glob for name, glob in EDITOR_GLOBS.items()}
    return json.dumps({"yaml.schemas": mapping}, ensure_ascii=False, indent=2) + "\n"
