"""Quiz, homework form and 错题本 reached through the menu by Material's instant navigation, which swaps
the page content without a reload and re-creates its inline scripts: the widgets must start and the
console must stay clean (a widget's data is JSON, which as a script would fail to run)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import submit_quiz

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

QUIZ = "quiz-service-front"
PROMPT = "本章从“三维视角”观察投诉管理的外部环境"
WRONG, RIGHT = "产品、价格、渠道", "监管、舆情、法规"


def test_quiz_homework_and_review_work_after_instant_navigation_without_console_errors(
    page: Page, instant_url: str
) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    menu = page.locator(".md-nav--primary")

    page.goto(f"{instant_url}/quizzes/{QUIZ}/")
    page.get_by_label(WRONG).check()
    submit_quiz(page)  # a mistake, so that 错题本 has a quiz to mount
    # Instant navigation starts once Material has read sitemap.xml; before that a click loads the page.
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__samePage = true")

    menu.get_by_role("link", name="作业与评估 · 午休作业打卡").click()
    cases = page.locator('.cg-field[data-field="cases"] tbody tr')
    cases.nth(1).wait_for()  # the table's two required rows, added by the form script
    assert cases.count() == 2
    page.locator('.cg-field[data-field="reflections"] textarea').fill("复盘心得")
    page.locator(".cg-form__saved").filter(has_text="已保存").wait_for()

    menu.get_by_role("link", name="错题本").click()
    page.locator(".cg-review__quiz").get_by_text(PROMPT).wait_for()

    page.locator(".cg-review").get_by_role("link", name="第一章自测").click()  # the menu here is pruned to 错题本's part
    page.locator(f'.cg-quiz[data-quiz="{QUIZ}"]').get_by_role("button", name="再做一次").click()
    page.get_by_label(RIGHT).check()
    submit_quiz(page)
    assert page.locator(".cg-q__verdict").first.inner_text().startswith("✓ 回答正确")

    assert page.evaluate("window.__samePage === true"), "a page was loaded instead of swapped in"
    assert errors == []
