"""Golden files: the Markdown generated for a small fixture course, and the data scripts its quiz pages
and review page load (questions, answer keys, scoring rules), reviewed in the diff when they change.

Run ``pytest tests/core/test_golden.py --update-goldens`` to rewrite them after an intended change.
A data script's golden is ``<its path>.json``: its data as indented JSON, answer keys decoded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coursegen.load import load_project
from coursegen.render import render_site
from coursegen.render.site import Site
from tests.datascripts import readable
from tests.goldens import assert_matches_golden

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "fixtures" / "mini"
GOLDEN = HERE.parent / "golden"


def render(fixture: Path, edition: str) -> Site:
    project, _ = load_project(fixture / "course", fixture / "quizzes")
    return render_site(project, edition)  # type: ignore[arg-type]


def data_scripts(site: Site) -> dict[str, str]:
    """Every data script of the site (``coursegen.provide(...)``), made readable, by golden file name."""
    return {f"{a.path}.json": readable(a.content) for a in site.assets if a.content.startswith(b"coursegen.provide(")}


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_generated_pages_match_goldens(edition: str, update_goldens: bool) -> None:
    site = render(FIXTURE, edition)
    assert_matches_golden({page.path: page.content for page in site.pages}, GOLDEN / f"mini-{edition}", "*.md", update=update_goldens)


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_quiz_data_scripts_match_goldens(edition: str, update_goldens: bool) -> None:
    scripts = data_scripts(render(FIXTURE, edition))
    assert sorted(scripts) == [
        "assets/coursegen/cg-review.js.json",
        "assets/coursegen/quizzes/final.js.json",
        "assets/coursegen/quizzes/quiz-basics.js.json",
    ]
    assert_matches_golden(scripts, GOLDEN / f"mini-{edition}", "*.js.json", update=update_goldens)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("prompt: 投诉往往源于什么？", "prompt: 投诉通常源于什么？"),
        ("answer: false", "answer: true"),
        ("feedback: 不对。}", "feedback: 不对，天气无关。}"),  # in the encoded answer key only
        ("items: [倾听, 记录, 反馈]", "items: [倾听, 反馈, 记录]"),
        ("pass_mark: 60", "pass_mark: 80"),
        ("    type: true_false\n", "    type: true_false\n    points: 2\n"),
    ],
    ids=["question", "true-false-answer", "option-feedback", "right-order", "pass-mark", "points"],
)
def test_a_changed_question_answer_key_or_scoring_rule_fails_the_data_script_goldens(tmp_path: Path, old: str, new: str) -> None:
    fixture = tmp_path / "mini"
    shutil.copytree(FIXTURE, fixture)
    bank = fixture / "quizzes" / "quiz-basics.yml"
    text = bank.read_text(encoding="utf-8")
    assert text.count(old) == 1
    bank.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(AssertionError, match=r"assets/coursegen/quizzes/quiz-basics\.js\.json differs"):
        assert_matches_golden(data_scripts(render(fixture, "trainee")), GOLDEN / "mini-trainee", "*.js.json", update=False)


def test_trainee_goldens_hold_no_facilitator_notes() -> None:
    notes = ["讲师备注：先请学员举例。", "案例讨论 10 分钟。", "期望落差"]
    text = "".join(p.read_text(encoding="utf-8") for p in (GOLDEN / "mini-trainee").rglob("*.md"))
    assert not [note for note in notes if note in text]
    trainer = "".join(p.read_text(encoding="utf-8") for p in (GOLDEN / "mini-trainer").rglob("*.md"))
    assert all(note in trainer for note in notes)
