"""Cases, discussions and drills in a real browser, on the example course: the debrief stays folded
(and out of the accessibility tree) until the trainee has answered, answers and checklist ticks
survive a reload."""

from __future__ import annotations

from typing import Any

import pytest

from coursegen.load import load_project
from coursegen.model import Case

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

EXAMPLE, _ = load_project(ROOT / "course", ROOT / "quizzes")
CASE = next(c for c in EXAMPLE.cases.values() if any(q.options for q in c.questions))
WRITTEN = next(c for c in EXAMPLE.cases.values() if any(not q.options for q in c.questions))

Page = Any  # playwright.sync_api.Page


def open_case(page: Page, base: str, case: Case) -> None:
    page.goto(f"{base}/cases/{case.id}/")
    page.locator(".cg-case").wait_for()


def debrief_phrase(case: Case) -> str:
    """A piece of the debrief's first paragraph as a reader sees it (Markdown emphasis removed)."""
    return case.debrief.replace("*", "").strip().splitlines()[0][:12]


def test_debrief_opens_only_after_an_answer(page: Page, site_url: str) -> None:
    open_case(page, site_url, CASE)
    button = page.locator(".cg-case__reveal")
    assert button.inner_text() == "展开案例解析"
    debrief = page.locator(f"#cg-debrief-{CASE.id}")
    assert button.is_disabled() and not debrief.is_visible()
    assert debrief_phrase(CASE) not in page.locator("body").aria_snapshot()
    assert "先在上方写下或选择你的答案" in page.locator(".cg-case__status").inner_text()

    question = next(q for q in CASE.questions if q.options)
    page.get_by_role("radio", name=question.options[1], exact=True).check()
    assert button.is_enabled() and not debrief.is_visible()
    button.click()
    assert debrief.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert button.inner_text() == "收起案例解析"
    assert debrief_phrase(CASE) in page.locator("body").aria_snapshot()

    page.reload()
    page.locator(".cg-case").wait_for()
    assert page.get_by_role("radio", name=question.options[1], exact=True).is_checked()
    assert debrief.is_visible()


def test_a_written_answer_unlocks_the_debrief_and_erasing_it_locks_it_again(page: Page, site_url: str) -> None:
    open_case(page, site_url, WRITTEN)
    question = next(q for q in WRITTEN.questions if not q.options)
    answer = page.locator(f"#cg-case-{WRITTEN.id}-{question.id}")
    reveal = page.locator(".cg-case__reveal")
    answer.fill("先关心客户伤情，再当天回访")
    answer.press("End")
    reveal.click()
    assert page.locator(f"#cg-debrief-{WRITTEN.id}").is_visible()
    answer.fill("")
    assert reveal.is_disabled() and not page.locator(f"#cg-debrief-{WRITTEN.id}").is_visible()

    answer.fill("先关心客户伤情")
    page.reload()
    page.locator(".cg-case").wait_for()
    assert answer.input_value() == "先关心客户伤情"
    assert reveal.is_enabled()


def test_observer_checklist_ticks_are_counted_and_kept(page: Page, site_url: str) -> None:
    drill = next(iter(EXAMPLE.drills.values()))
    page.goto(f"{site_url}/drills/{drill.id}/")
    checklist = page.locator(".cg-checklist")
    count = checklist.locator(".cg-checklist__count")
    total = len(drill.observer_checklist)
    assert count.inner_text() == f"已勾选 0 / {total} 项"
    checklist.get_by_label(drill.observer_checklist[0]).check()
    checklist.get_by_label(drill.observer_checklist[-1]).check()
    assert count.inner_text() == f"已勾选 2 / {total} 项"

    page.reload()
    assert checklist.get_by_label(drill.observer_checklist[-1]).is_checked()
    assert count.inner_text() == f"已勾选 2 / {total} 项"
    checklist.get_by_role("button", name="清空勾选").click()
    assert count.inner_text() == f"已勾选 0 / {total} 项"
