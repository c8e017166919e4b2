"""axe-core on every kind of page, in the trainee and the trainer edition and in the offline (file://) build:
no serious or critical WCAG 2.1 A/AA violation (tests/browser/test_a11y.py checks widgets in their states)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_a11y import axe, violations  # noqa: F401 - axe is a fixture
from tests.conftest import serve_folder

pytestmark = [pytest.mark.browser, pytest.mark.node("axe-core")]

Page = Any  # playwright.sync_api.Page

KINDS = {
    "home": "index.html",
    "agenda": "agenda/index.html",
    "lecture": "lectures/service-front/index.html",
    "cases": "cases/index.html",
    "case": "cases/chizi-event/index.html",
    "discussion": "discussions/put-out-fire/index.html",
    "drill": "drills/reputation-scenario-drill/index.html",
    "scenario": "scenarios/lobby-angry-customer/index.html",
    "survey": "homework/course-evaluation/index.html",
    "quiz": "quizzes/quiz-service-front/index.html",
    "final": "quizzes/final-assessment/index.html",
    "review": "review/index.html",
    "404": "404.html",
}
"""A page of each kind the example course has, by its file in the built site. axe takes seconds a page, so each
edition checks what it has of its own: the trainee site the kinds test_a11y.py leaves out (it has the home page,
a lecture, a quiz, a homework form, progress and the handbook), the trainer edition the pages that differ from
the trainee's, the offline site a page of each layout (header, widget, the 404 page's rewritten addresses)."""

TRAINEE = ["agenda", "cases", "case", "discussion", "drill", "survey", "final", "review", "404"]
TRAINER = ["home", "agenda", "lecture", "case", "scenario", "quiz", "404"]
OFFLINE = ["home", "quiz", "404"]


@pytest.fixture(scope="module")
def trainer_url(trainer_site: Path) -> Iterator[str]:
    yield from serve_folder(trainer_site)


DIALOG_NAME = """() => axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}})
  .then(result => result.violations.map(v => `${v.id} (${v.impact}): ${v.help}`))"""
"""axe files Material's nameless search dialog under best practice, not WCAG, so the WCAG run would miss it."""


def check(page: Page, address: str, axe: Path) -> list[str]:
    """Serious and critical WCAG violations of the page once its widgets have drawn, and a nameless dialog."""
    page.goto(address, wait_until="networkidle")
    found = violations(page, axe)
    return found + page.evaluate(DIALOG_NAME)


def test_every_page_kind_of_the_trainee_site_passes_axe(page: Page, site_url: str, axe: Path) -> None:
    found = {kind: check(page, f"{site_url}/{KINDS[kind]}", axe) for kind in TRAINEE}
    assert {kind: v for kind, v in found.items() if v} == {}


def test_every_page_kind_of_the_trainer_edition_passes_axe(page: Page, trainer_url: str, axe: Path) -> None:
    pages = {kind: KINDS[kind] for kind in TRAINER} | {"hr-guide": "hr-guide/index.html"}
    found = {kind: check(page, f"{trainer_url}/{path}", axe) for kind, path in pages.items()}
    page.goto(f"{trainer_url}/{KINDS['quiz']}")
    page.get_by_text("显示答案").first.click()  # an answer open under its question
    # Opening it may scroll the page, and the header then fades the page title in: contrast is measured once every
    # transition has ended, not on a title half faded in (axe failed on one when the machine was busy).
    page.wait_for_function("document.getAnimations().every(a => a.playState === 'finished')")
    found["quiz, answer shown"] = violations(page, axe)
    assert {kind: v for kind, v in found.items() if v} == {}


def test_every_page_kind_of_the_offline_site_passes_axe(page: Page, offline_site: Path, axe: Path) -> None:
    found = {}
    for kind in OFFLINE:
        file = offline_site / KINDS[kind].replace("/index.html", ".html")  # quizzes/quiz-service-front.html
        found[kind] = check(page, file.as_uri(), axe)
    assert {kind: v for kind, v in found.items() if v} == {}
