"""The cloze, numeric and drag-the-words questions in a real browser, each at a desktop's and a phone's width: an
answer given with the keyboard alone (Tab, typing, Enter and Space: no mouse), checked, its feedback read, the
attempt restored by a reload, and no serious accessibility violation before or after the check. Dragging with a
mouse is tested apart, as it is the one way a keyboard cannot take. On the quiz fixture course
(tests/quiz/fixture: quiz-cloze, quiz-numeric, quiz-dragwords)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import submit_quiz
from tests.browser.test_a11y import violations
from tests.browser.test_quiz import focused, open_quiz, result, stored, tab_to, verdict
from tests.jstools import js_tool

pytestmark = [pytest.mark.browser, pytest.mark.node("axe-core")]

Page = Any  # playwright.sync_api.Page

WIDTHS = [1280, 375]


@pytest.fixture(scope="session")
def axe() -> Path:
    return js_tool("axe-core/axe.min.js")


def at_width(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})


def type_into(page: Page, target: Any, text: str) -> None:
    """Tab to ``target`` and type ``text`` as an input method commits it."""
    tab_to(page, target)
    page.keyboard.insert_text(text)


def press_submit(page: Page) -> None:
    """提交答案 with the keyboard (a phone shows the one question with the button below it)."""
    tab_to(page, page.get_by_role("button", name="提交答案"))
    page.keyboard.press("Enter")
    anyway = page.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交")
    if anyway.count():
        anyway.click()


@pytest.mark.parametrize("width", WIDTHS)
def test_cloze_by_keyboard_with_partial_credit_restored_on_reload(page: Page, quiz_url: str, axe: Path, width: int) -> None:
    at_width(page, width)
    open_quiz(page, quiz_url, "quiz-cloze")
    assert page.locator(".cg-cloze").inner_text().startswith("投诉应在")
    type_into(page, page.get_by_label("第 1 空"), "　登记 ")  # full-width space around: ignored
    type_into(page, page.get_by_label("第 2 空"), "５")  # a full-width digit: the same as 5
    type_into(page, page.get_by_label("第 3 空"), "回复")  # not an accepted answer
    assert violations(page, axe) == []
    press_submit(page)
    assert verdict(page) == "◐ 部分正确 · 得 2 / 3 分"
    assert page.get_by_text("第 3 空：答复").is_visible()
    assert page.locator(".cg-cloze .cg-opt__mark").all_inner_texts() == ["✓", "✓", "✗"]
    assert "得分 66%" in result(page)
    assert violations(page, axe) == []
    assert stored(page, "quiz-cloze")["answers"] == {"reply-days": ["　登记 ", "５", "回复"]}
    page.reload()
    page.locator(".cg-q__fb").wait_for()
    assert page.get_by_label("第 1 空").input_value() == "　登记 "
    assert verdict(page) == "◐ 部分正确 · 得 2 / 3 分"


@pytest.mark.parametrize("width", WIDTHS)
def test_numeric_checked_on_its_own_accepts_its_unit_and_tolerance(page: Page, quiz_url: str, axe: Path, width: int) -> None:
    at_width(page, width)
    open_quiz(page, quiz_url, "quiz-numeric")
    box = page.get_by_label("你的答案（填一个数）")
    assert box.get_attribute("inputmode") == "decimal"
    assert page.locator(".cg-text__unit").inner_text() == "%"
    type_into(page, box, "１.54%")  # within ±0.05 of 1.5, the question's own unit after it
    assert violations(page, axe) == []
    tab_to(page, page.get_by_role("button", name="检查第 1 题"))
    page.keyboard.press("Enter")
    assert verdict(page) == "✓ 回答正确 · 得 2 / 2 分"
    assert focused(page, page.locator(".cg-quiz__result"))  # the only question: the attempt is checked as a whole
    assert violations(page, axe) == []
    page.reload()
    page.locator(".cg-q__fb").wait_for()
    assert verdict(page) == "✓ 回答正确 · 得 2 / 2 分"
    tab_to(page, page.get_by_role("button", name="再做一次"))
    page.keyboard.press("Enter")
    type_into(page, page.get_by_label("你的答案（填一个数）"), "1,5")
    tab_to(page, page.get_by_role("button", name="检查第 1 题"))
    page.keyboard.press("Enter")
    assert verdict(page) == "✗ 回答错误 · 得 0 / 2 分"
    assert page.get_by_text("“1,5”不是一个数，按答错计。").is_visible()
    assert page.get_by_text("正确答案：1.5%（允许误差 ±0.05）").is_visible()


def words(page: Page) -> list[str]:
    return page.locator(".cg-drag__word").all_inner_texts()


def put(page: Page, word: str, blank: int) -> None:
    """A word into a blank with the keyboard: Tab to the word, Enter; Tab to the blank, Space."""
    tab_to(page, page.get_by_role("button", name=word, exact=True))
    page.keyboard.press("Enter")
    tab_to(page, page.locator(f'.cg-drag__slot[data-slot="{blank - 1}"]'))
    page.keyboard.press("Space")


@pytest.mark.parametrize("width", WIDTHS)
def test_drag_the_words_by_keyboard_with_partial_credit_restored_on_reload(page: Page, quiz_url: str, axe: Path,
                                                                             width: int) -> None:
    at_width(page, width)
    open_quiz(page, quiz_url, "quiz-dragwords")
    assert sorted(words(page)) == sorted(["倾听", "核实", "答复", "争辩", "推诿"])
    put(page, "倾听", 1)
    slot = page.get_by_role("button", name="第 1 空：倾听")
    assert focused(page, slot), "the focus stays on the blank just filled"
    assert "倾听" not in words(page)
    put(page, "争辩", 2)
    put(page, "核实", 2)  # into a filled blank: the word there goes back
    assert "争辩" in words(page)
    tab_to(page, page.get_by_role("button", name="第 2 空：核实"))
    page.keyboard.press("Enter")  # a filled blank pressed with no word chosen gives its word back
    assert page.get_by_role("button", name="第 2 空，空着").is_visible()
    put(page, "推诿", 2)
    put(page, "答复", 3)
    assert violations(page, axe) == []
    press_submit(page)
    assert verdict(page) == "◐ 部分正确 · 得 2 / 3 分"
    assert page.get_by_text("正确答案：倾听、核实、答复").is_visible()
    assert page.locator(".cg-drag__placed").all_inner_texts() == ["倾听✓", "推诿✗", "答复✓"]
    answer = stored(page, "quiz-dragwords")["answers"]["handle-order"]
    assert len(answer) == 3 and all(isinstance(i, int) for i in answer), "indices of the words, not the words: small for SCORM 1.2"
    assert violations(page, axe) == []
    page.reload()
    page.locator(".cg-q__fb").wait_for()
    assert verdict(page) == "◐ 部分正确 · 得 2 / 3 分"


def test_drag_the_words_with_a_mouse(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-dragwords")
    for word, blank in (("倾听", 0), ("核实", 1), ("答复", 2)):
        page.get_by_role("button", name=word, exact=True).drag_to(page.locator(f'.cg-drag__slot[data-slot="{blank}"]'))
    page.get_by_role("button", name="第 1 空：倾听").drag_to(page.locator(".cg-drag__pool"))  # back to the words
    assert "倾听" in words(page)
    page.get_by_role("button", name="倾听", exact=True).drag_to(page.locator('.cg-drag__slot[data-slot="0"]'))
    submit_quiz(page)
    assert verdict(page) == "✓ 回答正确 · 得 3 / 3 分"
    assert "得分 100%" in result(page)


def test_the_review_of_mistakes_shows_a_cloze_and_drag_the_words_answer_blank_by_blank(page: Page, site_url: str, axe: Path) -> None:
    """On the example bank: a cloze half right and a drag-the-words answer with a distractor placed go to 错题本, each
    shown with the answer given; redone right there, each shows the right one beside it."""
    page.goto(f"{site_url}/quizzes/quiz-complaint-management/")
    cloze = page.locator('.cg-q[data-qid="record-judge-cloze"]')
    cloze.get_by_label("第 1 空").fill("解释")
    cloze.get_by_label("第 2 空").fill("结果")
    drag = page.locator('.cg-q[data-qid="five-steps-words"]')
    drag.get_by_role("button", name="争辩", exact=True).click()
    drag.locator('.cg-drag__slot[data-slot="0"]').click()
    submit_quiz(page)

    page.goto(f"{site_url}/review/")
    review = page.locator("[data-cg-review]")
    review.locator(".cg-review__quiz .cg-q").nth(1).wait_for()
    assert review.locator("[data-cg-review-count]").inner_text() == "错题本中共有 2 道题。"
    card = review.locator(".cg-review__quiz").filter(has=page.locator('[data-qid="record-judge-cloze"]'))
    assert card.locator(".cg-compare").inner_text().split() == ["你上次的答案", "解释、结果"]
    card.get_by_label("第 1 空").fill("说明")
    card.get_by_label("第 2 空").fill("性质")
    card.get_by_role("button", name="提交答案").click()
    assert card.locator(".cg-compare").inner_text().split() == ["你上次的答案", "解释、结果", "正确答案", "解释", "/", "说明、性质"]
    words = review.locator(".cg-review__quiz").filter(has=page.locator('[data-qid="five-steps-words"]'))
    assert words.locator(".cg-compare").inner_text().split() == ["你上次的答案", "争辩、—、—、—"]
    for n, word in enumerate(["记录", "判断", "责任部门", "反馈"]):
        words.get_by_role("button", name=word, exact=True).click()
        words.locator(f'.cg-drag__slot[data-slot="{n}"]').click()
    words.get_by_role("button", name="提交答案").click()
    assert "✓ 回答正确" in words.locator(".cg-q__verdict").inner_text()
    assert review.locator("[data-cg-review-count]").inner_text() == "这些题你都已答对，下次打开错题本时会移出。"
    assert violations(page, axe) == []
