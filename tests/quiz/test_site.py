"""The built example site: quiz answers stay out of the search index, quiz assets are cached files."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from coursegen.builder.search_index import read_search_index
from coursegen.load import load_project
from coursegen.model.quiz import QuizBank

from ..conftest import ROOT


def answer_texts(bank: QuizBank) -> list[str]:
    """Feedback, explanations, accepted answers and reference answers: what a search must never reveal."""
    texts: list[str] = []
    for q in bank.questions:
        texts += [q.explanation or ""]
        texts += [o.feedback or "" for o in getattr(q, "options", [])]
        texts += [getattr(q, "feedback_true", None) or "", getattr(q, "feedback_false", None) or ""]
        texts += list(getattr(q, "accept", []))
        texts += [getattr(q, "reference", None) or ""]
        if q.facilitator:
            texts += [q.facilitator.notes]
    # A line of at least 8 characters is specific enough not to occur elsewhere by chance.
    return [line.strip() for text in texts for line in text.splitlines() if len(line.strip()) >= 8]


@pytest.fixture(scope="module")
def banks() -> dict[str, QuizBank]:
    return load_project(ROOT / "course", ROOT / "quizzes")[0].quizzes


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_search_index_holds_no_answers(request: pytest.FixtureRequest, banks: dict[str, QuizBank], edition: str) -> None:
    site: Path = request.getfixturevalue("example_site" if edition == "trainee" else "trainer_site")
    index = read_search_index(site)
    text = "\n".join(title + "\n" + body for _, title, body in index)
    assert any(address.startswith("quizzes/") for address, _, _ in index), "quiz pages are indexed by title"
    leaks = [t for bank in banks.values() for t in answer_texts(bank) if t in text]
    assert leaks == []


def test_trainer_site_has_the_answer_key_and_trainee_site_has_no_facilitator_notes(
    example_site: Path, trainer_site: Path, banks: dict[str, QuizBank]
) -> None:
    for bank in banks.values():
        notes = [q.facilitator.notes.splitlines()[0] for q in bank.questions if q.facilitator]
        trainee = (example_site / "quizzes" / bank.id / "index.html").read_text(encoding="utf-8")
        trainer = (trainer_site / "quizzes" / bank.id / "index.html").read_text(encoding="utf-8")
        assert 'class="cg-answer-key"' not in trainee and 'class="cg-answer-key"' in trainer
        for note in notes:
            assert note not in trainee
            assert note in trainer


def test_quiz_assets_are_cached_files_not_inlined(example_site: Path) -> None:
    """A quiz page names the quiz widget's parts (cg-quiz-*.js), then cg-quiz.js, which puts them together, for
    cg-core.js to load: cached files, never the widget's code in the page."""
    # The review's part is the review page's; the stored state (cg-quiz-state.js) every page's, for the completion rule.
    parts = sorted(p.name for p in (ROOT / "generator" / "assets").glob("cg-quiz-*.js") if p.name not in ("cg-quiz-review.js", "cg-quiz-state.js"))
    assert parts, "the widget comes in parts"
    for name in [*parts, "cg-quiz.js"]:
        assert (example_site / "assets" / "coursegen" / name).is_file()
    for page in (example_site / "quizzes").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        named = re.search(r'data-cg-load="([^"]*)"', html)
        assert named, page
        names = named.group(1).split()
        assert "cg-quiz.js" in names and "cg-quiz.css" in names
        # Every part but those of question types some banks lack (cg-quiz-dragwords.js …), and each before the widget.
        assert {"cg-quiz-answers.js", "cg-quiz-questions.js", "cg-quiz-check.js"} <= set(names)
        assert all(names.index(name) < names.index("cg-quiz.js") for name in parts if name in names)
        assert "coursegen.quiz = " not in html and "mulberry32" not in html
