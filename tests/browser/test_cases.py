"""Cases, discussions and drills in a real browser, on the example course: the debrief stays folded
(and out of the accessibility tree) until the trainee has answered, answers and checklist ticks
survive a reload."""

from __future__ import annotations

from pathlib import Path
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


@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def sized(page: Page, request: pytest.FixtureRequest) -> Page:
    page.set_viewport_size({"width": request.param, "height": 800})
    return page


def test_a_choice_gets_feedback_and_the_debrief_waits_for_a_written_answer(sized: Page, site_url: str) -> None:
    page = sized
    open_case(page, site_url, CASE)
    button = page.locator(".cg-case__reveal")
    assert button.inner_text() == "展开案例解析"
    debrief = page.locator(f"#cg-debrief-{CASE.id}")
    assert button.is_disabled() and not debrief.is_visible()
    assert debrief_phrase(CASE) not in page.locator("body").aria_snapshot()
    status = page.locator(".cg-case__status")
    assert status.inner_text() == "先在上方写下你的答案，再展开案例解析。"

    question = next(q for q in CASE.questions if q.options and q.answer)
    assert question.feedback
    other = next(o for o in question.options if o != question.answer)
    feedback = page.locator(f'[data-fb="{question.id}"]')
    comment = question.feedback.strip()[:10]
    assert not feedback.get_by_text(comment).is_visible()
    page.get_by_role("radio", name=other, exact=True).check()
    assert feedback.locator(".cg-question__verdict").inner_text() == f"参考答案是“{question.answer}”。"
    assert feedback.get_by_text(comment).is_visible()
    page.get_by_role("radio", name=question.answer, exact=True).check()
    assert feedback.locator(".cg-question__verdict").inner_text() == "✓ 你的选择与参考答案一致。"
    assert button.is_disabled(), "a click on an option is not yet a written answer"

    written = next(q for q in CASE.questions if not q.options)
    page.locator(f"#cg-case-{CASE.id}-{written.id}").fill("法规更重视经营场所的安全保障")
    assert button.is_enabled() and not debrief.is_visible()
    button.click()
    assert debrief.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert button.inner_text() == "收起案例解析"
    assert debrief_phrase(CASE) in page.locator("body").aria_snapshot()

    page.reload()
    page.locator(".cg-case").wait_for()
    assert page.get_by_role("radio", name=question.answer, exact=True).is_checked()
    assert feedback.locator(".cg-question__verdict").inner_text() == "✓ 你的选择与参考答案一致。"
    assert debrief.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_trainer_edition_prints_the_reference_option_and_its_comment(trainer_site: Path) -> None:
    html = (trainer_site / "cases" / CASE.id / "index.html").read_text(encoding="utf-8")
    question = next(q for q in CASE.questions if q.answer)
    assert f"参考答案</strong>：{question.answer}" in html
    assert 'data-fb="' not in html


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


DRILL = next(iter(EXAMPLE.drills.values()))


def test_each_role_sees_only_its_own_card(sized: Page, site_url: str) -> None:
    page = sized
    page.goto(f"{site_url}/drills/{DRILL.id}/")
    roles = page.locator(".cg-roles")
    customer, other = DRILL.roles[0], DRILL.roles[1]
    secret = customer.brief.strip()[:12]
    assert customer.name == "客户"
    assert "还没有选择角色" in roles.locator(".cg-roles__status").inner_text()
    assert roles.locator(".cg-role:visible").count() == 0
    assert secret not in page.locator("body").aria_snapshot()

    roles.get_by_role("radio", name=other.name, exact=True).check()
    assert roles.locator(".cg-role:visible").count() == 1
    assert roles.locator(".cg-role:visible").inner_text().startswith(f"角色卡 · {other.name}")
    assert other.brief.strip()[:12] in roles.locator(".cg-role:visible").inner_text()
    assert secret not in page.locator("body").aria_snapshot(), "the customer's bottom line is not for the others"
    assert roles.locator(".cg-roles__status").inner_text().startswith(f"你扮演的角色：{other.name}。")

    page.reload()
    assert roles.get_by_role("radio", name=other.name, exact=True).is_checked()
    assert roles.locator(".cg-role:visible").count() == 1
    page.emulate_media(media="print")
    assert roles.locator(".cg-role:visible").count() == 1 and not roles.locator(".cg-roles__pick").is_visible()
    page.emulate_media(media="screen")

    roles.get_by_role("radio", name=customer.name, exact=True).check()
    assert secret in roles.locator(".cg-role:visible").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_trainer_edition_shows_every_role_card(trainer_site: Path) -> None:
    html = (trainer_site / "drills" / DRILL.id / "index.html").read_text(encoding="utf-8")
    assert "cg-roles__pick" not in html
    for role in DRILL.roles:
        assert f"角色卡 · {role.name}" in html
