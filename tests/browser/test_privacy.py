"""What of a trainee's results leaves the browser, in a real browser: the quiz and form pages say what the course's
``results`` setting does (the example course: ``scores``; the quiz fixture: the default ``none``), and before a
hand-in the preview shows everything the exported file carries, readable, by keyboard, at 1280 and 375 px.
(``questions``, anonymous surveys: test_question_results.py; an LMS package: test_scorm.py.)"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.test_a11y import violations
from tests.browser.test_forms import EXAMPLE, HOMEWORK, export, fill_all, open_form
from tests.jstools import js_tool

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page


def seed_quiz(page: Page, base: str, quiz_id: str, best: int, passed: bool) -> None:
    """A quiz result as cg-quiz.js stores it, for the current version of the quiz."""
    page.goto(f"{base}/")
    digest = page.wait_for_function(f"window.coursegenVersions && coursegenVersions[{json.dumps(quiz_id)}]").json_value()
    state = {"v": 1, "hash": digest, "best": best, "passed": passed, "attempts": 1}
    page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [f"coursegen:{EXAMPLE.course.id}:quiz:{quiz_id}", state])


def answer_lines(homework: Any, answers: dict[str, Any]) -> list[str]:
    """Each answer of the file as the preview words it (the receipt's wording: ratings as N 分, lists joined by 、)."""
    lines: list[str] = []
    for f in homework.fields:
        value = answers[f.id]
        if f.type == "rating":
            lines += [f"{item.label}：{value[item.id]} 分" for item in f.items]
        elif f.type == "table":
            lines += [cell for row in value for cell in row.values()]
        else:
            lines.append("、".join(value) if isinstance(value, list) else value)
    return lines


@pytest.mark.parametrize("width", [1280, 375])
def test_the_preview_shows_everything_the_file_carries(browser: Any, site_url: str, width: int) -> None:
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    seed_quiz(page, site_url, "quiz-service-front", 80, True)
    open_form(page, site_url, HOMEWORK)
    expect(page.locator(".cg-form__hint--carries")).to_have_text(
        "提交文件包含你的姓名、工号、部门、下面填写的内容和填写时间，以及你在各测验的最高分和是否及格。")
    fill_all(page, HOMEWORK)
    button = page.get_by_role("button", name="提交前预览")
    button.focus()
    page.keyboard.press("Enter")
    preview = page.locator(".cg-handin-preview")
    expect(preview).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "true")
    _, raw = export(page)
    data = json.loads(raw)
    shown = preview.inner_text()
    assert "李晓明（工号 A10086，城东支行营业部）" in shown
    for line in answer_lines(HOMEWORK, data["answers"]):
        assert line in shown
    assert "第一章自测：最高 80%，及格" in shown and list(data["quiz_scores"]) == ["quiz-service-front"]
    created, updated = (data[k] for k in ("created_at", "updated_at"))
    assert f"{int(created[5:7])}月{int(created[8:10])}日" in shown and created[11:16] in shown and updated[11:16] in shown
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out at 375 px
    # Open, it follows every edit: what is previewed is always what the next hand-in writes.
    first = next(f for f in HOMEWORK.fields if f.type == "textarea")
    page.locator(f'.cg-field[data-field="{first.id}"] textarea').fill("改过的心得，足够长。" * 10)
    expect(preview).to_contain_text("改过的心得，足够长。")
    page.keyboard.press("Shift+Tab")
    button.press("Enter")
    expect(preview).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    context.close()


@pytest.mark.node("axe-core")
def test_the_open_preview_has_no_serious_accessibility_violation(page: Page, site_url: str) -> None:
    open_form(page, site_url, HOMEWORK)
    fill_all(page, HOMEWORK)
    page.get_by_role("button", name="提交前预览").click()
    page.locator(".cg-handin-preview h3").wait_for()
    assert violations(page, js_tool("axe-core/axe.min.js")) == []


@pytest.mark.parametrize("width", [1280, 375])
def test_quiz_pages_say_where_results_go(browser: Any, site_url: str, quiz_url: str, width: int) -> None:
    page = browser.new_page(locale="zh-CN", viewport={"width": width, "height": 900})
    page.goto(f"{site_url}/quizzes/quiz-service-front/")
    expect(page.get_by_text("提交文件会附上你在各测验的最高分和是否及格")).to_be_attached()  # in the folded scoring rules
    expect(page.get_by_text("不会上传")).to_have_count(0)
    page.goto(f"{quiz_url}/quizzes/quiz-single/")
    expect(page.get_by_text("自测成绩只保存在你这台设备的浏览器里，不会上传，提交作业和问卷时也不会附上")).to_be_attached()
    page.close()

