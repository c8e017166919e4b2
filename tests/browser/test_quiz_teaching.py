"""Quizzes that teach, in a real browser at a desktop and a phone width: checking one question at a time
(a bank with ``feedback: immediate``), the warning before submitting with questions unanswered, the result
card on one scale, what earns nothing (an untouched ordering question) and what shows no points (a
self-assessed short answer), feedback that wraps between words, and the review of mistakes (错题本) that
keeps each question's bank and number and shows the trainee's wrong answer beside the right one; a hint
opened before checking, and a phone's one-question-per-screen view.

The per-question tests use the quiz fixture course (tests/quiz/fixture, bank ``quiz-immediate``); the
review tests use the example course.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import turn_to
from tests.browser.test_quiz import answer_by_keyboard, example_banks, focused, open_quiz, result, stored, tab_to, verdict

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

WIDTHS = [1280, 375]
BANK = "quiz-immediate"
RIGHT_ORDER = ["倾听", "记录", "处理"]


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def sized(page: Page, request: pytest.FixtureRequest) -> Page:
    page.set_viewport_size({"width": request.param, "height": 800})
    return page


def submit(page: Page) -> None:
    """提交答案 (on a phone, on the last screen, where it is), and nothing more: what follows a warning is each
    test's to decide."""
    turn_to(page, page.locator(".cg-q").count() - 1)
    page.get_by_role("button", name="提交答案").click()


def question(page: Page, n: int) -> Any:
    """Question n, turned to on a phone showing one question at a time (as a trainee would)."""
    turn_to(page, n)
    return page.locator(".cg-q").nth(n)


def put_in_order(box: Any, target: list[str]) -> None:
    for i, text in enumerate(target):
        current = box.locator(".cg-order li > span:first-child").all_inner_texts()
        for _ in range(current.index(text) - i):
            box.get_by_role("button", name=f"上移：{text}").click()


def test_each_question_is_checked_as_it_is_answered(sized: Page, quiz_url: str) -> None:
    page = sized
    open_quiz(page, quiz_url, BANK)
    page.locator("details.cg-rules summary").click()
    assert page.get_by_text("每答完一题，可以点题目下方的“检查”立即查看对错和解析").is_visible()
    first = question(page, 0)
    assert first.locator(".cg-q__fb").count() == 0

    first.get_by_role("button", name="检查第 1 题").click()  # nothing answered yet: it says so where the trainee looks, and waits
    note = first.locator(".cg-q__note")
    assert note.is_visible() and note.inner_text() == "请先作答第 1 题，再点“检查”。"
    assert note.bounding_box()["height"] > 10, "visible text, not a 1 px screen-reader region"
    assert first.locator(".cg-q__fb").count() == 0

    first.get_by_label("主动问候并询问需要").check()
    first.get_by_role("button", name="检查第 1 题").click()
    assert verdict(page, 0) == "✓ 回答正确 · 得 1 / 1 分"
    assert first.get_by_text("解析：先问候，再了解需要。").is_visible()
    assert first.get_by_label("等客户开口").is_disabled()
    assert focused(page, first.locator(".cg-q__fb")), "focus moves to the feedback just shown"
    assert question(page, 1).locator(".cg-q__fb").count() == 0 and result(page) == ""

    page.reload()  # a checked question stays checked
    assert verdict(page, 0) == "✓ 回答正确 · 得 1 / 1 分"
    assert question(page, 1).get_by_role("button", name="检查第 2 题").is_visible()

    second = question(page, 1)
    put_in_order(second, RIGHT_ORDER)
    second.get_by_role("button", name="检查第 2 题").click()
    assert verdict(page, 1) == "✓ 回答正确 · 得 2 / 2 分"

    third = question(page, 2)
    third.get_by_label("你的答案").fill("我先问候客户，再问清需要。")
    third.get_by_role("button", name="检查第 3 题").click()  # the last one: the whole attempt is checked
    assert third.get_by_text("参考：能说清具体做了什么").is_visible()
    assert "已通过\n得分 100%（3 / 3 分）· 及格 60%" in result(page)
    assert page.get_by_role("button", name="再做一次").is_visible()
    state = stored(page, BANK)
    assert (state["attempts"], state["best"], state["checked"]) == (1, 100, True)


def test_an_ordering_question_left_as_shown_can_be_checked_in_that_order(sized: Page, quiz_url: str) -> None:
    page = sized
    open_quiz(page, quiz_url, BANK)
    second = question(page, 1)
    shown = second.locator(".cg-order li > span:first-child").all_inner_texts()
    second.get_by_role("button", name="检查第 2 题").click()  # the trainee thinks the order is right as it stands
    assert second.locator(".cg-q__note").count() == 0
    assert not verdict(page, 1).startswith("✗ 未作答") and verdict(page, 1).endswith(" / 2 分")  # graded in the order shown
    assert stored(page, BANK)["answers"]["steps"] == list(range(len(shown)))  # the items in the order they were shown


def test_submitting_with_questions_unanswered_warns_and_leads_to_the_first(sized: Page, quiz_url: str) -> None:
    page = sized
    open_quiz(page, quiz_url, BANK)
    question(page, 0).get_by_label("主动问候并询问需要").check()
    submit(page)
    warning = page.locator(".cg-quiz__warn")
    assert warning.get_by_text("还有 2 题未作答，仍要提交吗？").is_visible()
    assert stored(page, BANK)["attempts"] == 0 and page.locator(".cg-q__fb").count() == 0
    warning.get_by_role("button", name="去第 2 题作答").click()
    assert focused(page, question(page, 1).locator(".cg-move:not([disabled])").first)
    assert question(page, 1).bounding_box()["y"] < page.viewport_size["height"], "the question is scrolled into view"
    assert warning.inner_text() == ""

    submit(page)
    warning.get_by_role("button", name="仍要提交").click()
    assert stored(page, BANK)["attempts"] == 1
    # The ordering question was never touched: the order as shown earns nothing, whatever it is.
    assert verdict(page, 1) == "✗ 未作答 · 得 0 / 2 分"
    assert "还未通过\n得分 33%（1 / 3 分）· 及格 60%" in result(page)
    assert stored(page, BANK)["results"]["steps"] == {"correct": False, "points": 0, "max": 2}


def test_the_result_card_says_passed_or_not_yet_on_one_scale(sized: Page, quiz_url: str) -> None:
    page = sized
    open_quiz(page, quiz_url, BANK)
    page.locator("details.cg-rules summary").click()
    intro = page.locator("details.cg-rules li").first.inner_text()
    assert intro.startswith("及格 60%：")

    question(page, 0).get_by_label("等客户开口").check()
    put_in_order(question(page, 1), RIGHT_ORDER)
    question(page, 2).get_by_label("你的答案").fill("写了一点")
    submit(page)
    card = page.locator(".cg-quiz__result")
    assert result(page).splitlines()[:2] == ["已通过", "得分 66%（2 / 3 分）· 及格 60%"]
    assert "得分 66 分" not in result(page)  # 分 is for points only
    passed = card.evaluate("e => getComputedStyle(e).backgroundColor")

    page.get_by_role("button", name="再做一次").click()
    question(page, 0).get_by_label("等客户开口").check()
    submit(page)
    page.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交").click()
    assert result(page).splitlines()[:2] == ["还未通过", "得分 0%（0 / 3 分）· 及格 60%"]
    failed = card.evaluate("e => getComputedStyle(e).backgroundColor")
    assert passed != failed and "rgba(0, 0, 0, 0)" not in (passed, failed)
    assert "最好成绩 66% · 已作答 2 次" in result(page)


def test_a_self_assessed_short_answer_shows_no_points(sized: Page, quiz_url: str) -> None:
    page = sized
    open_quiz(page, quiz_url, BANK)
    short = question(page, 2)
    assert short.locator(".cg-q__head").inner_text().splitlines() == ["第 3 题", "自评，不计分"]
    short.get_by_label("你的答案").fill("我的回答")
    short.get_by_role("button", name="检查第 3 题").click()
    assert "分" not in short.locator(".cg-q__fb").inner_text()


def check_with_the_first_wrong(page: Page, quiz_url: str) -> None:
    """Every question answered, the first wrong, the second right, the short answer written; then 提交答案."""
    open_quiz(page, quiz_url, BANK)
    question(page, 0).get_by_label("等客户开口").check()
    put_in_order(question(page, 1), RIGHT_ORDER)
    question(page, 2).get_by_label("你的答案").fill("写了一点")
    submit(page)


def test_after_a_check_a_question_map_shows_each_question_and_leads_to_it(sized: Page, quiz_url: str) -> None:
    page = sized
    check_with_the_first_wrong(page, quiz_url)
    items = page.locator(".cg-quiz__map a")
    assert items.evaluate_all("links => links.map(a => a.getAttribute('aria-label'))") == [
        "第 1 题：✗ 回答错误", "第 2 题：✓ 回答正确", "第 3 题：自评，不计分"]
    assert [text.replace("\n", "") for text in items.all_inner_texts()] == ["1✗", "2✓", "3自评"]
    items.nth(1).click()
    page.wait_for_url("**#cgq-quiz-immediate-1")
    expect(question(page, 1)).to_be_in_viewport()  # the link brings the question into view
    map_box = page.locator(".cg-quiz__map").bounding_box()
    assert map_box["x"] + map_box["width"] <= page.viewport_size["width"]


def test_one_question_can_be_tried_again_and_the_attempt_is_scored_anew(sized: Page, quiz_url: str) -> None:
    page = sized
    check_with_the_first_wrong(page, quiz_url)
    assert "得分 66%（2 / 3 分）" in result(page)  # rounded down
    question(page, 0).get_by_role("button", name="再做第 1 题").click()
    first = question(page, 0)
    assert first.get_by_label("主动问候并询问需要").is_enabled() and first.locator(".cg-q__fb").count() == 0
    assert verdict(page, 1) == "✓ 回答正确 · 得 2 / 2 分", "the other questions keep their answers and feedback"
    assert focused(page, first.locator("input").first)
    first.get_by_label("主动问候并询问需要").check()
    first.get_by_role("button", name="检查第 1 题").click()  # the last open question: the new attempt is scored
    assert verdict(page, 0) == "✓ 回答正确 · 得 1 / 1 分"
    assert "已通过\n得分 100%（3 / 3 分）· 及格 60%" in result(page)
    state = stored(page, BANK)
    assert (state["attempts"], state["best"], state["checked"]) == (2, 100, True)


def test_feedback_never_breaks_inside_a_word(sized: Page, quiz_url: str) -> None:
    page = sized
    open_quiz(page, quiz_url, BANK)
    question(page, 0).get_by_label("主动问候并询问需要").check()
    question(page, 0).get_by_role("button", name="检查第 1 题").click()
    lines = page.evaluate("""word => {
        const fb = document.querySelector('.cg-opt__fb');
        const walker = document.createTreeWalker(fb, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
            const at = node.data.indexOf(word);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
        }
        return 0;
    }""", "Acknowledgement")
    assert lines == 1, "the English word in the feedback is split across lines"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# ---- the review of mistakes (错题本), on the example course ----

QUIZ = "quiz-service-front"
BANK_TITLE = "第一章自测"
THREE = ("本章从“三维视角”观察投诉管理的外部环境", "产品、价格、渠道", "监管、舆情、法规")
LAW = "法律法规向消费者倾斜"


def test_the_review_keeps_bank_and_number_and_shows_the_wrong_answer_beside_the_right(sized: Page, site_url: str) -> None:
    page = sized
    page.goto(f"{site_url}/quizzes/{QUIZ}/")
    page.get_by_label(THREE[1]).check()
    second = question(page, 1)
    assert second.get_attribute("data-qid") == "law-favours-consumer"
    second.get_by_label("错", exact=True).check()
    submit(page)
    page.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交").click()

    page.goto(f"{site_url}/review/")
    review = page.locator("[data-cg-review]")
    items = review.locator(".cg-review__quiz")
    items.nth(1).locator(".cg-q").wait_for()
    count = review.locator("[data-cg-review-count]")
    assert count.inner_text() == "错题本中共有 2 道题。"
    heads = [items.nth(i).locator(".cg-q__head span").first.inner_text() for i in range(2)]
    assert heads == [f"{BANK_TITLE} · 第 1 题", f"{BANK_TITLE} · 第 2 题"]
    assert review.get_by_role("button", name="清除记录").count() == 0

    law = items.filter(has_text=LAW)
    assert law.locator(".cg-compare").inner_text().split() == ["你上次的答案", "错"]
    law.get_by_role("button", name="提交答案").click()  # nothing chosen on this card, labelled 第 2 题
    assert law.locator(".cg-q__note").inner_text() == "请先作答第 2 题，再点“提交答案”。"
    assert law.locator(".cg-quiz__warn").inner_text() == "", "not the quiz-wide prompt for a 第 1 题"
    law.get_by_label("对", exact=True).check()
    law.get_by_role("button", name="提交答案").click()
    assert law.locator(".cg-compare").inner_text().split() == ["你上次的答案", "错", "正确答案", "对"]
    assert count.inner_text() == "错题本中共有 1 道题。"  # without a reload

    three = items.filter(has_text=THREE[0])
    assert three.locator(".cg-compare").inner_text().split() == ["你上次的答案", THREE[1]]
    three.get_by_label(THREE[2]).check()
    three.get_by_role("button", name="提交答案").click()
    assert three.locator(".cg-compare").inner_text().split() == ["你上次的答案", THREE[1], "正确答案", THREE[2]]
    assert count.inner_text() == "这些题你都已答对，下次打开错题本时会移出。"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_review_shows_the_answer_given_last_on_it_after_a_retry_and_a_reload(sized: Page, site_url: str) -> None:
    page = sized
    page.goto(f"{site_url}/quizzes/{QUIZ}/")
    page.get_by_label(THREE[1]).check()
    submit(page)
    page.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交").click()

    page.goto(f"{site_url}/review/")
    three = page.locator("[data-cg-review] .cg-review__quiz").filter(has_text=THREE[0])
    three.locator(".cg-q").wait_for()
    three.get_by_label("客户、员工、股东").check()  # wrong again, another way
    three.get_by_role("button", name="提交答案").click()
    three.get_by_role("button", name="再做一次").click()
    page.reload()
    three.locator(".cg-compare").wait_for()
    assert three.locator(".cg-compare").inner_text().split() == ["你上次的答案", "客户、员工、股东"]


def test_a_hotspot_missed_comes_back_in_the_review_with_its_picture_and_is_put_right_by_a_click(sized: Page, site_url: str) -> None:
    page = sized
    page.goto(f"{site_url}/quizzes/{QUIZ}/")
    board = page.locator('.cg-q[data-qid="notice-board-hotspot"]')
    turn_to(page, board)
    board.get_by_label("叫号屏", exact=True).check()
    submit(page)
    page.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交").click()

    page.goto(f"{site_url}/review/")
    card = page.locator("[data-cg-review] .cg-review__quiz").filter(has=page.locator(".cg-hot"))
    card.locator(".cg-hot__img").wait_for()
    assert card.locator(".cg-hot__img").evaluate("img => img.complete && img.naturalWidth > 0"), "the picture loads from the review page too"
    assert card.locator(".cg-compare").inner_text().split() == ["你上次的答案", "叫号屏"]
    box = card.locator(".cg-hot__img").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.4)
    card.get_by_role("button", name="提交答案").click()
    assert card.locator(".cg-q__verdict").inner_text() == "✓ 回答正确 · 得 2 / 2 分"
    assert card.locator(".cg-compare").inner_text().split() == ["你上次的答案", "叫号屏", "正确答案", "公告栏"]


# ---- a hint before the answer (bank quiz-immediate, question 1 has one) ----

HINT = "想想客户走进网点后最先感受到的是什么。"


def test_a_hint_opens_before_checking_and_stays_for_the_attempt(sized: Page, quiz_url: str) -> None:
    page = sized
    open_quiz(page, quiz_url, BANK)
    first = question(page, 0)
    assert page.get_by_text(HINT).count() == 0, "not on the page before it is asked for"
    tools = first.locator(".cg-q__check")
    assert [b.get_attribute("aria-label") for b in tools.get_by_role("button").all()] == ["看第 1 题的提示", "检查第 1 题"]
    assert page.locator(".cg-q").nth(1).get_by_role("button", name="看第 2 题的提示").count() == 0, "no hint written, no button"

    first.get_by_role("button", name="看第 1 题的提示").click()
    hint = first.locator(".cg-q__hint")
    assert hint.inner_text().split() == ["提示", HINT]
    assert focused(page, hint), "the focus moves from the button it replaces to the hint"
    assert first.get_by_role("button", name="看第 1 题的提示").count() == 0
    assert stored(page, BANK)["hints"] == ["greeting"]
    assert first.locator(".cg-q__fb").count() == 0, "a hint is not the answer"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.reload()
    first = question(page, 0)
    assert first.get_by_text(HINT).is_visible() and first.get_by_role("button", name="看第 1 题的提示").count() == 0
    first.get_by_label("主动问候并询问需要").check()
    first.get_by_role("button", name="检查第 1 题").click()
    assert verdict(page, 0) == "✓ 回答正确 · 得 1 / 1 分", "using the hint costs no points"
    assert first.get_by_text(HINT).is_visible(), "still shown beside the feedback"

    submit(page)
    page.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交").click()
    page.get_by_role("button", name="再做一次").click()
    first = question(page, 0)
    assert first.get_by_text(HINT).count() == 0 and first.get_by_role("button", name="看第 1 题的提示").is_visible()
    assert stored(page, BANK)["hints"] == []


# ---- one question per screen on a phone (cg-quiz-pager.js) ----

PHONE_QUIZ = "quiz-service-front"  # eleven questions, checked as a whole


def shown(page: Page) -> list[str]:
    return [box.get_attribute("data-qid") or "" for box in page.locator(".cg-q").all() if box.is_visible()]


def position(page: Page) -> str:
    return page.locator(".cg-quiz__position").inner_text()


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size({"width": 375, "height": 800})
    return page


def test_a_phone_shows_one_question_at_a_time_and_checks_the_quiz_at_the_end(phone: Page, site_url: str) -> None:
    page = phone
    open_quiz(page, site_url, PHONE_QUIZ)
    ids = [box.get_attribute("data-qid") for box in page.locator(".cg-q").all()]
    assert len(ids) == 11 and shown(page) == ids[:1]
    assert position(page) == "第 1 / 11 题"
    assert page.get_by_role("button", name="上一题").is_disabled()
    assert not page.get_by_role("button", name="提交答案").is_visible(), "handed in from the last screen"

    page.get_by_role("button", name="下一题").click()
    assert shown(page) == ids[1:2] and position(page) == "第 2 / 11 题"
    assert focused(page, question(page, 1).locator(".cg-q__head")), "the focus on the shown question's heading"
    page.get_by_role("button", name="上一题").click()
    assert shown(page) == ids[:1] and focused(page, question(page, 0).locator(".cg-q__head"))
    page.get_by_label("监管、舆情、法规").check()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "nothing sideways at 375 px"

    page.emulate_media(media="print")
    assert len(shown(page)) == 11 and not page.locator(".cg-quiz__pager").is_visible(), "print shows every question"
    page.emulate_media(media="screen")

    last = question(page, 10)
    assert shown(page) == ids[10:] and page.get_by_role("button", name="下一题").is_disabled()
    assert page.get_by_role("button", name="提交答案").is_visible()
    last.get_by_label("你的答案").fill("先倾听，再记录。")
    submit(page)
    page.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交").click()
    assert "得分" in result(page) and shown(page) == ids[10:]

    page.locator(".cg-quiz__map").get_by_role("link", name="第 3 题：✗ 未作答").click()
    assert shown(page) == ids[2:3] and position(page) == "第 3 / 11 题"
    assert focused(page, question(page, 2).locator(".cg-q__head"))
    assert question(page, 2).locator(".cg-q__verdict").inner_text().startswith("✗ 未作答")


def test_on_a_phone_a_question_checked_on_its_own_leads_on_and_the_last_check_scores_the_quiz(phone: Page, quiz_url: str) -> None:
    page = phone
    open_quiz(page, quiz_url, BANK)
    first = question(page, 0)
    first.get_by_label("主动问候并询问需要").check()
    first.get_by_role("button", name="检查第 1 题").click()
    assert verdict(page, 0).startswith("✓ 回答正确") and position(page) == "第 1 / 3 题"
    steps = question(page, 1)
    put_in_order(steps, RIGHT_ORDER)
    steps.get_by_role("button", name="检查第 2 题").click()
    last = question(page, 2)
    last.get_by_label("你的答案").fill("我先问候了客户。")
    last.get_by_role("button", name="检查第 3 题").click()
    assert "得分 100%" in result(page), "the last question checked checks the attempt"
    assert shown(page) == ["reflect"]


def test_a_wide_screen_shows_every_question_and_no_pager(page: Page, site_url: str) -> None:
    open_quiz(page, site_url, PHONE_QUIZ)
    assert len(shown(page)) == 11
    assert not page.locator(".cg-quiz__pager").is_visible() and page.get_by_role("button", name="提交答案").is_visible()


def test_a_phone_can_show_every_question_and_remembers_it(phone: Page, site_url: str, quiz_url: str) -> None:
    page = phone
    open_quiz(page, site_url, PHONE_QUIZ)
    page.get_by_role("button", name="显示全部题目").click()
    assert len(shown(page)) == 11 and not page.locator(".cg-quiz__turns").is_visible()
    assert page.get_by_role("button", name="提交答案").is_visible()
    assert focused(page, page.get_by_role("button", name="一次一题"))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.reload()
    page.locator(".cg-q").first.wait_for()
    assert len(shown(page)) == 11, "remembered"
    page.get_by_role("button", name="一次一题").click()
    assert len(shown(page)) == 1 and position(page) == "第 1 / 11 题"


def test_a_quiz_completed_with_the_keyboard_alone_one_question_at_a_time(phone: Page, site_url: str) -> None:
    page = phone
    banks = example_banks()
    bank = banks[PHONE_QUIZ]
    open_quiz(page, site_url, bank.id)
    by_id = {q.id: q for q in bank.questions}
    for n in range(len(bank.questions)):
        box = page.locator(".cg-q").nth(n)
        assert shown(page) == [box.get_attribute("data-qid")]
        answer_by_keyboard(page, box, by_id[box.get_attribute("data-qid") or ""])
        if n < len(bank.questions) - 1:
            tab_to(page, page.get_by_role("button", name="下一题"))
            page.keyboard.press("Enter")
            assert focused(page, page.locator(".cg-q").nth(n + 1).locator(".cg-q__head"))
    tab_to(page, page.get_by_role("button", name="提交答案"))
    page.keyboard.press("Enter")
    assert focused(page, page.locator(".cg-quiz__result"))
    assert "得分 100%" in result(page)
