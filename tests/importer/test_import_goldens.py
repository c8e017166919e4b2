"""Each kind of outline imports to exactly its checked-in course folder (``expected/<name>/``).

Run ``pytest tests/importer --update-goldens`` to rewrite the folders after an intended change, and
review the diff. The seed outline has its own module (test_import_seed.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coursegen.importer import import_outline
from coursegen.load import load_project
from tests.goldens import assert_matches_golden

from .outlines import FIXTURES
from .styled_docx import heading_styles_docx

EXPECTED = Path(__file__).parent / "expected"

OUTLINES: dict[str, Callable[[Path], Path]] = {
    "nested-markdown": lambda _: FIXTURES / "nested.md",
    "timetable": lambda _: FIXTURES / "timetable.txt",
    "inline": lambda _: FIXTURES / "inline.txt",
    "heading-styles-docx": heading_styles_docx,
}
"""Golden folder name → the outline (built in a temporary folder when it is a Word file made by a script)."""


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_outline_imports_to_its_expected_course_folder(name: str, tmp_path: Path, update_goldens: bool) -> None:
    imported = import_outline(OUTLINES[name](tmp_path))
    assert_matches_golden(imported.files(name), EXPECTED / name, "*.yml", update=update_goldens)


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_the_imported_course_loads_with_only_stand_in_warnings(name: str, tmp_path: Path) -> None:
    files = import_outline(OUTLINES[name](tmp_path)).files(name)
    for rel, text in files.items():
        (tmp_path / "course" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "course" / rel).write_text(text, encoding="utf-8")
    project, warnings = load_project(tmp_path / "course", tmp_path / "quizzes")
    assert {w.message.split("（")[0] for w in warnings} <= {"这里还是待补充的占位文字"}
    assert project.planned_minutes == project.course.duration.minutes
