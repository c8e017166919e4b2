"""Golden files: the Markdown generated for a small fixture course, reviewed in the diff when it changes.

Run ``pytest tests/core/test_golden.py --update-goldens`` to rewrite them after an intended change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.load import load_project
from coursegen.render import render_site
from tests.goldens import assert_matches_golden

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "fixtures" / "mini"
GOLDEN = HERE.parent / "golden"


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_generated_pages_match_goldens(edition: str, update_goldens: bool) -> None:
    project, _ = load_project(FIXTURE / "course", FIXTURE / "quizzes")
    site = render_site(project, edition)  # type: ignore[arg-type]
    assert_matches_golden({page.path: page.content for page in site.pages}, GOLDEN / f"mini-{edition}", "*.md", update=update_goldens)


def test_trainee_goldens_hold_no_facilitator_notes() -> None:
    notes = ["讲师备注：先请学员举例。", "案例讨论 10 分钟。", "期望落差"]
    text = "".join(p.read_text(encoding="utf-8") for p in (GOLDEN / "mini-trainee").rglob("*.md"))
    assert not [note for note in notes if note in text]
    trainer = "".join(p.read_text(encoding="utf-8") for p in (GOLDEN / "mini-trainer").rglob("*.md"))
    assert all(note in trainer for note in notes)
