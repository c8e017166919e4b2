"""WCAG 2.1 AA with axe-core, loaded into the page by the test: no serious or critical violation on the
home page, a lecture, a quiz (before and after checking, one question checked on its own, a hint opened, one question
per screen on a phone), a case with a choice made, a drill with a role chosen, a homework form and the learner pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import submit_quiz
from tests.jstools import js_tool

pytestmark = [pytest.mark.browser, pytest.mark.node("axe-core")]

Page = Any  # playwright.sync_api.Page

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe() -> Path:
    return js_tool("axe-core/axe.min.js")


def violations(page: Page, axe: Path) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each: once every finite
    animation or transition has finished (a scroll fades Material's header title from the site's to the page's, and
    text caught half-faded fails the contrast check), waiting for that event, not for a time."""
    page.wait_for_function("""() => document.getAnimations().every(a =>
        a.playState !== "running" || a.effect === null || a.effect.getComputedTiming().endTime === Infinity)""")
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("", ".md-content h1"),
        ("lectures/service-front/", "[data-cg-done]:not([hidden])"),
        ("quizzes/quiz-service-front/", ".cg-quiz .cg-q"),
        ("homework/lunch-case-review/", "form.cg-form tbody tr"),
        ("progress/", "[data-cg-progress][data-ready]"),
        ("handbook/", "[data-cg-print]:not([hidden])"),
    ],
    ids=["home", "lecture", "quiz", "homework", "progress", "handbook"],
)
def test_page_has_no_serious_accessibility_violation(page: Page, site_url: str, axe: Path, path: str, ready: str) -> None:
    page.goto(f"{site_url}/{path}")
    page.locator(ready).first.wait_for(state="attached")
    assert violations(page, axe) == []


def test_checked_quiz_and_review_of_mistakes_have_no_serious_violation(page: Page, site_url: str, axe: Path) -> None:
    page.goto(f"{site_url}/quizzes/quiz-service-front/")
    page.get_by_label("产品、价格、渠道").check()
    submit_quiz(page)
    page.locator(".cg-q__verdict").first.wait_for()
    assert violations(page, axe) == []
    page.goto(f"{site_url}/review/")
    page.locator(".cg-review__quiz .cg-q").first.wait_for()
    assert violations(page, axe) == []


@pytest.mark.parametrize("width", [1280, 375])
def test_the_dashboard_menu_marks_and_undo_bar_have_no_serious_violation(browser: Any, site_url: str, axe: Path, width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/lectures/service-front/")
    page.locator("[data-cg-done]").click()
    page.locator(".cg-navmark[data-state=done]").first.wait_for(state="attached")
    assert violations(page, axe) == []
    page.goto(f"{site_url}/")
    page.locator('[data-cg-status="lecture:service-front"]', has_text="已完成").wait_for()
    assert violations(page, axe) == []
    page.goto(f"{site_url}/progress/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重置学习进度").click()
    page.get_by_role("button", name="撤销").wait_for()
    assert violations(page, axe) == []
    context.close()


def test_quiz_case_and_drill_in_use_have_no_serious_violation(page: Page, site_url: str, quiz_url: str, axe: Path) -> None:
    page.goto(f"{quiz_url}/quizzes/quiz-immediate/")  # feedback: immediate, on the quiz fixture course
    first = page.locator(".cg-q").first
    first.locator("input").first.check()
    first.get_by_role("button", name="检查第 1 题").click()
    first.locator(".cg-q__verdict").wait_for()
    assert violations(page, axe) == []
    page.goto(f"{site_url}/cases/chizi-event/")
    page.locator(".cg-question__options input").first.check()
    page.locator(".cg-question__verdict").first.wait_for()
    assert violations(page, axe) == []
    page.goto(f"{site_url}/drills/reputation-scenario-drill/")
    page.locator(".cg-roles input").first.check()
    page.locator(".cg-role:visible").wait_for()
    assert violations(page, axe) == []


def test_a_scenario_walked_to_its_end_has_no_serious_violation(page: Page, site_url: str, axe: Path) -> None:
    from playwright.sync_api import expect

    page.goto(f"{site_url}/scenarios/lobby-angry-customer/")
    assert violations(page, axe) == []
    page.locator(".cg-scene:visible .cg-scene__choice").first.click()
    expect(page.locator(".cg-scenario__feedback:visible")).to_have_count(1)
    assert violations(page, axe) == []
    page.locator(".cg-scene:visible .cg-scene__choice").last.click()  # the example's second scene: on to an ending
    expect(page.locator(".cg-scenario__summary")).to_be_visible()
    assert violations(page, axe) == []


@pytest.mark.parametrize("width", [1280, 375])
def test_a_hint_and_a_phone_s_one_question_view_have_no_serious_violation(browser: Any, site_url: str, quiz_url: str, axe: Path,
                                                                          width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{quiz_url}/quizzes/quiz-immediate/")
    page.get_by_role("button", name="看第 1 题的提示").click()
    page.locator(".cg-q__hint").wait_for()
    assert violations(page, axe) == []
    page.goto(f"{site_url}/quizzes/quiz-service-front/")  # eleven questions: one at a time at 375 px, with the pager
    page.locator(".cg-q").first.wait_for()
    assert violations(page, axe) == []
    submit_quiz(page)
    page.locator(".cg-quiz__map").wait_for()
    assert violations(page, axe) == []
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_matching_with_a_distractor_answered_and_checked_has_no_serious_violation(browser: Any, quiz_url: str, axe: Path,
                                                                                 width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{quiz_url}/quizzes/quiz-matching/")
    page.get_by_label("巴黎", exact=True).select_option(label="英国")
    assert violations(page, axe) == []
    submit_quiz(page)
    page.locator(".cg-q__verdict").wait_for()
    assert violations(page, axe) == []
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_hotspot_answered_and_checked_has_no_serious_violation(browser: Any, quiz_url: str, axe: Path, width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{quiz_url}/quizzes/quiz-hotspot/")
    page.get_by_label("服务窗口", exact=True).check()
    page.locator(".cg-hot__marker:not([hidden])").wait_for()
    assert violations(page, axe) == []
    submit_quiz(page)
    page.locator(".cg-hot__areas").wait_for()
    assert violations(page, axe) == []
    context.close()
