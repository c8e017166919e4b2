"""The quiz widget in a real browser: what a trainee sees after answering, what survives a reload or a
page change, keyboard-only use, and the final assessment's draw.

Per-type tests run on a small fixture course with one bank per question type (tests/quiz/fixture), so
they do not depend on the example course's wording; the keyboard and final-assessment tests run on the
example site and take their right answers from the example banks themselves.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from coursegen.load import load_project
from coursegen.model.quiz import QuizBank

from tests.browser.conftest import submit_quiz
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

COURSE_ID = "quiz-fixture"

Page = Any  # playwright.sync_api.Page


def open_quiz(page: Page, base: str, quiz_id: str) -> None:
    page.goto(f"{base}/quizzes/{quiz_id}/")
    page.locator(".cg-quiz .cg-q").first.wait_for()


def submit(page: Page) -> None:
    """提交答案, confirming the submission when the quiz warns of questions left unanswered."""
    submit_quiz(page)


def verdict(page: Page, n: int = 0) -> str:
    return page.locator(".cg-q").nth(n).locator(".cg-q__verdict").inner_text()


def result(page: Page) -> str:
    """The result card's lines, as read (blank lines between its paragraphs dropped)."""
    return "\n".join(line for line in page.locator(".cg-quiz__result").inner_text().splitlines() if line.strip())


def stored(page: Page, quiz_id: str, course_id: str = COURSE_ID) -> Any:
    raw = page.evaluate(f"localStorage.getItem('coursegen:{course_id}:quiz:{quiz_id}')")
    return json.loads(raw) if raw else None


# ---- each question type: a right answer, then (after 再做一次) a wrong one ----


def retry(page: Page) -> None:
    page.get_by_role("button", name="再做一次").click()


def test_single_choice(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-single")
    page.get_by_label("蓝色").check()
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 2 / 2 分"
    assert page.get_by_text("选项反馈：蓝色是对的。").is_visible()
    assert page.get_by_text("解析：阳光中的蓝光散射最多。").is_visible()
    assert "已通过\n得分 100%（2 / 2 分）· 及格 100%" in result(page)
    retry(page)
    page.get_by_label("绿色").check()
    submit(page)
    assert verdict(page) == "✗ 回答错误 · 得 0 / 2 分"
    assert page.get_by_text("选项反馈：绿色是草地的颜色。").is_visible()
    assert page.locator(".cg-opt--missed").inner_text().startswith("蓝色")  # the right option, not picked this time
    assert "还未通过\n得分 0%（0 / 2 分）· 及格 100%" in result(page)
    assert "最好成绩 100% · 已作答 2 次" in result(page)


def test_scoring_rules_come_before_the_questions(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-multiple")
    rules = page.locator(".cg-quiz details.cg-rules")
    assert rules.locator("summary").inner_text() == "评分规则"
    rules.locator("summary").click()
    items = rules.locator("li").all_inner_texts()
    assert items[0].startswith("及格 60%：") and any(i.startswith("多选题：按比例得分") for i in items)
    assert page.evaluate("document.querySelector('.cg-rules').compareDocumentPosition(document.querySelector('.cg-q')) & 4") == 4
    assert page.evaluate("getComputedStyle(document.querySelector('.cg-quiz'), '::before').content") == "none"


def test_a_quiz_whose_data_cannot_load_says_so(page: Page, quiz_url: str) -> None:
    page.route("**/assets/coursegen/quizzes/quiz-single.js", lambda route: route.abort())
    page.goto(f"{quiz_url}/quizzes/quiz-single/")
    assert page.get_by_role("alert").inner_text() == "自测题未能加载，请刷新本页。"
    assert page.locator(".cg-q").count() == 0


def test_without_javascript_the_quiz_page_says_it_needs_it(browser: object, quiz_url: str) -> None:
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(f"{quiz_url}/quizzes/quiz-single/")
        shown = page.evaluate("getComputedStyle(document.querySelector('.cg-quiz'), '::before').content")
        assert shown == '"自测题需要浏览器启用 JavaScript。"'
    finally:
        context.close()


def test_multiple_choice_with_partial_credit(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-multiple")
    for fruit in ("苹果", "香蕉", "橙子", "梨"):
        page.get_by_label(fruit).check()
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 4 / 4 分"
    assert "得分 100%" in result(page)
    retry(page)
    for option in ("苹果", "香蕉", "白菜"):  # 4 × (2 right − 1 wrong) / 4 right options = 1 point
        page.get_by_label(option).check()
    submit(page)
    assert verdict(page) == "◐ 部分正确 · 得 1 / 4 分"
    assert page.get_by_text("选项反馈：白菜是蔬菜。").is_visible()
    assert "还未通过\n得分 25%（1 / 4 分）· 及格 60%" in result(page)
    retry(page)
    page.get_by_label("白菜").check()
    submit(page)
    assert verdict(page) == "✗ 回答错误 · 得 0 / 4 分"
    assert "得分 0%" in result(page)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_right_option_missed_is_marked_apart_from_a_wrong_one_picked(page: Page, quiz_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_quiz(page, quiz_url, "quiz-multiple")
    for option in ("苹果", "白菜"):
        page.get_by_label(option).check()
    submit(page)
    marks = page.locator(".cg-opt__row").evaluate_all(
        "rows => rows.map(r => [r.querySelector('label > span').textContent, r.className.replace('cg-opt__row', '').trim(),"
        " (r.querySelector('.cg-opt__mark') || {}).textContent || ''])")
    by_option = {option: (kind, mark) for option, kind, mark in marks}
    assert by_option["苹果"] == ("cg-opt--right", "✓ 正确答案，你选了")
    assert by_option["橙子"] == ("cg-opt--missed", "○ 正确答案，你没有选")
    assert by_option["白菜"] == ("cg-opt--wrong", "✗ 你选了，但不正确")


def test_true_false(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-true-false")
    page.get_by_label("对", exact=True).check()
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 1 / 1 分"
    assert page.get_by_text("判断反馈：说得对。").is_visible()
    assert "得分 100%" in result(page)
    retry(page)
    page.get_by_label("错", exact=True).check()
    submit(page)
    assert verdict(page) == "✗ 回答错误 · 得 0 / 1 分"
    assert page.get_by_text("判断反馈：其实是对的。").is_visible()
    assert "得分 0%" in result(page)


def test_fill_in_ignores_case_width_and_outer_spaces(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-fill")
    page.get_by_label("你的答案").fill("\u3000ａｂｃ　ＢＡＮＫ ")
    page.keyboard.press("Tab")
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 2 / 2 分"
    assert "得分 100%" in result(page)
    retry(page)
    page.get_by_label("你的答案").fill("XYZ 银行")
    submit(page)
    assert verdict(page) == "✗ 回答错误 · 得 0 / 2 分"
    assert page.get_by_text("正确答案：ABC Bank / ABC").is_visible()
    assert "得分 0%" in result(page)


def order_items(page: Page, target: list[str]) -> None:
    """Sort the ordering question into ``target`` with its move-up buttons."""
    for i, text in enumerate(target):
        current = page.locator(".cg-order li > span:first-child").all_inner_texts()
        for _ in range(current.index(text) - i):
            page.get_by_role("button", name=f"上移：{text}").click()


def test_ordering_with_partial_credit(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-ordering")
    assert page.locator(".cg-order li > span:first-child").all_inner_texts() != ["倾听", "记录", "判断", "处理"]
    order_items(page, ["倾听", "记录", "判断", "处理"])
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 4 / 4 分"
    assert "得分 100%" in result(page)
    retry(page)
    order_items(page, ["倾听", "记录", "处理", "判断"])  # two of four in place: half the points
    submit(page)
    assert verdict(page) == "◐ 部分正确 · 得 2 / 4 分"
    assert page.get_by_text("正确顺序：").is_visible()
    assert "得分 50%" in result(page)


def test_matching_with_partial_credit(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-matching")
    for left, right in (("巴黎", "法国"), ("罗马", "意大利"), ("东京", "日本")):
        page.get_by_label(left).select_option(label=right)
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 3 / 3 分"
    assert "得分 100%" in result(page)
    retry(page)
    for left, right in (("巴黎", "意大利"), ("罗马", "法国"), ("东京", "日本")):
        page.get_by_label(left).select_option(label=right)
    submit(page)
    assert verdict(page) == "◐ 部分正确 · 得 1 / 3 分"
    assert page.get_by_text("✗ 正确答案：法国").is_visible()
    assert "得分 33%" in result(page)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_matching_verdict_never_breaks_inside_a_word(page: Page, quiz_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_quiz(page, quiz_url, "quiz-matching")
    for left, right in (("巴黎", "意大利"), ("罗马", "意大利"), ("东京", "日本")):
        page.get_by_label(left).select_option(label=right)
    submit(page)
    lines = page.evaluate("""() => [...document.querySelectorAll('.cg-match__row .cg-opt__mark')].map(mark => {
        const range = document.createRange();
        range.selectNodeContents(mark);
        return [mark.textContent, new Set([...range.getClientRects()].map(line => Math.round(line.top))).size];
    })""")
    assert lines == [["✗ 正确答案：法国", 1], ["✓ 回答正确", 1], ["✓ 回答正确", 1]]  # at 1280 the old layout split each in two


@pytest.mark.parametrize("width", [1280, 375])
def test_a_distractor_is_offered_by_keyboard_scores_nothing_and_survives_a_reload(page: Page, quiz_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_quiz(page, quiz_url, "quiz-matching")
    paris = page.get_by_label("巴黎", exact=True)
    options = paris.locator("option").all_inner_texts()
    assert sorted(options[1:]) == sorted(["法国", "意大利", "日本", "英国"])  # the distractor among the right side
    for left, right in (("巴黎", "英国"), ("罗马", "意大利"), ("东京", "日本")):
        select = page.get_by_label(left, exact=True)
        tab_to(page, select)
        for _ in range(options.index(right)):
            page.keyboard.press("ArrowDown")
        assert select.evaluate("s => s.options[s.selectedIndex].text") == right
    page.reload()
    page.locator(".cg-quiz .cg-q").first.wait_for()
    assert paris.evaluate("s => s.options[s.selectedIndex].text") == "英国"
    tab_to(page, page.get_by_role("button", name="提交答案"))
    page.keyboard.press("Enter")
    assert verdict(page) == "◐ 部分正确 · 得 2 / 3 分"
    assert page.get_by_text("✗ 正确答案：法国").is_visible()
    assert page.locator(".cg-match__row").first.bounding_box()["width"] <= width
    page.reload()
    page.locator(".cg-quiz__result").wait_for()
    assert verdict(page) == "◐ 部分正确 · 得 2 / 3 分"


def click_picture(page: Page, x: float, y: float) -> None:
    """Click the hotspot's picture at x %, y % of its width and height."""
    box = page.locator(".cg-hot__img").bounding_box()
    page.mouse.click(box["x"] + box["width"] * x / 100, box["y"] + box["height"] * y / 100)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_hotspot_is_answered_by_a_click_or_by_keyboard_and_checked_with_the_right_area_shown(page: Page, quiz_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    open_quiz(page, quiz_url, "quiz-hotspot")
    picture = page.locator(".cg-hot__img")
    assert picture.get_attribute("alt").startswith("营业厅柜台正面示意图")
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
    assert picture.bounding_box()["width"] <= width  # scaled to the column on a phone
    click_picture(page, 70, 20)
    [x, y] = stored(page, "quiz-hotspot")["answers"]["board"]
    assert abs(x - 70) <= 1 and abs(y - 20) <= 1  # whole percent of the picture, within a pixel's rounding
    marker = page.locator(".cg-hot__marker")
    assert marker.is_visible() and marker.get_attribute("style") == f"left: {x}%; top: {y}%;"
    assert page.locator(".cg-hot__where").inner_text() == f"你标出的位置：图上（{x}%，{y}%）处"
    page.reload()
    page.locator(".cg-quiz .cg-q").first.wait_for()
    assert page.locator(".cg-hot__marker").get_attribute("style") == f"left: {x}%; top: {y}%;"
    # Keyboard only: the list of places under the picture, then 提交答案.
    box = page.locator(".cg-q").first
    radios = box.locator("input[type=radio]")
    labels = box.locator("label.cg-opt").all_inner_texts()
    tab_to(page, radios.first)
    page.keyboard.press("Space")
    for _ in range(labels.index("叫号屏")):
        page.keyboard.press("ArrowDown")
    assert box.get_by_label("叫号屏", exact=True).is_checked()
    assert page.locator(".cg-hot__where").inner_text() == "你标出的位置：叫号屏"
    tab_to(page, page.get_by_role("button", name="提交答案"))
    page.keyboard.press("Enter")
    assert verdict(page) == "✗ 回答错误 · 得 0 / 2 分"
    assert page.get_by_text("正确答案：公告栏").is_visible()
    assert page.locator(".cg-hot__areas rect").count() == 1  # the right area outlined on the picture
    assert "cg-opt--missed" in box.locator(".cg-opt__row", has_text="公告栏").get_attribute("class")
    assert page.get_by_text("解析：公告栏在客户的视线里，适合长期张贴。").is_visible()
    retry(page)
    click_picture(page, 80, 40)
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 2 / 2 分"
    assert "得分 100%" in result(page)


def test_short_answer_is_self_checked_and_counted_apart(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-short")
    essay = page.locator(".cg-q").nth(0)
    essay.get_by_label("你的答案").fill("倾听能让客户平静下来。")
    page.locator(".cg-q").nth(1).get_by_label("错").check()
    submit(page)
    assert page.get_by_text("参考答案：倾听能收集信息，也能缓和情绪。").is_visible()
    page.get_by_label("提到缓和情绪").check()
    assert "简答题自评：已覆盖 1 / 2 个要点（不计入得分）。" in result(page)
    assert "得分 0%（0 / 1 分）" in result(page)
    assert stored(page, "quiz-short")["self"] == {"why-listen": [1]}
    retry(page)
    page.locator(".cg-q").nth(1).get_by_label("对").check()
    submit(page)
    page.get_by_label("提到收集信息").check()
    page.get_by_label("提到缓和情绪").check()
    assert "简答题自评：已覆盖 2 / 2 个要点（不计入得分）。" in result(page)
    assert "得分 100%（1 / 1 分）" in result(page)
    key = f"coursegen:{COURSE_ID}:quiz:quiz-short"
    page.evaluate("k => { const s = JSON.parse(localStorage.getItem(k)); s.self = {'why-listen': 7}; localStorage.setItem(k, JSON.stringify(s)); }", key)
    page.reload()
    assert "简答题自评：已覆盖 0 / 2 个要点（不计入得分）。" in result(page)


# ---- state ----


def test_reload_keeps_answers_results_and_best(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-single")
    page.get_by_label("紫色").check()
    page.reload()
    assert page.get_by_label("紫色").is_checked()
    submit(page)
    page.reload()
    assert verdict(page) == "✗ 回答错误 · 得 0 / 2 分"
    page.get_by_role("button", name="再做一次").click()
    assert not page.get_by_label("紫色").is_checked()
    page.get_by_label("蓝色").check()
    submit(page)
    page.reload()
    assert "最好成绩 100% · 已作答 2 次" in result(page)
    state = stored(page, "quiz-single")
    assert (state["best"], state["passed"], state["attempts"], state["results"]) == (
        100, True, 2, {"colour": {"correct": True, "points": 2, "max": 2}}
    )


def clear_record(page: Page, accept: bool) -> list[str]:
    """Press 清除记录, answer its question; the question's text."""
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", answer)
    page.get_by_role("button", name="清除记录").click()
    return asked


def test_reset_asks_first_saying_what_goes_and_a_no_keeps_everything(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-single")
    page.get_by_label("蓝色").check()
    submit(page)
    before = stored(page, "quiz-single")
    (question,) = clear_record(page, accept=False)
    assert "最好成绩 100%" in question and "已作答 1 次" in question and "10 秒内可以撤销" in question
    assert stored(page, "quiz-single") == before
    assert "最好成绩 100% · 已作答 1 次" in result(page)



def test_reset_says_it_also_deletes_the_record_from_before_the_quiz_was_edited(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-single")
    page.evaluate("""() => localStorage.setItem(`coursegen:${coursegenConfig.courseId}:quiz:quiz-single`, JSON.stringify(
        {v: 1, hash: "an-earlier-version", seed: 1, attempts: 3, best: 82, last: 82, passed: true, checked: true}))""")
    page.reload()
    page.get_by_text("题目修改前：最好成绩 82%", exact=False).wait_for()
    (question,) = clear_record(page, accept=False)
    assert "最好成绩 0%、已作答 0 次的记录、题目修改前的记录（最好成绩 82% · 已作答 3 次）和当前填写的答案" in question

def test_reset_clears_and_undo_brings_the_record_back(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-single")
    page.get_by_label("蓝色").check()
    submit(page)
    before = stored(page, "quiz-single")
    clear_record(page, accept=True)
    assert stored(page, "quiz-single") is None
    assert result(page) == ""
    assert not page.get_by_label("蓝色").is_checked()
    assert page.get_by_role("button", name="提交答案").is_visible()
    undo = page.locator(".cg-quiz__undo")
    assert undo.get_by_text("已清除本测验的记录。").is_visible()
    assert focused(page, undo.get_by_role("button", name="撤销"))
    undo.get_by_role("button", name="撤销").click()
    assert stored(page, "quiz-single") == before
    assert "最好成绩 100% · 已作答 1 次" in result(page)
    assert verdict(page) == "✓ 回答正确 · 得 2 / 2 分"
    assert not undo.is_visible()


def test_the_undo_offer_ends_after_ten_seconds(page: Page, quiz_url: str) -> None:
    page.clock.install()
    open_quiz(page, quiz_url, "quiz-single")
    page.get_by_label("蓝色").check()
    submit(page)
    clear_record(page, accept=True)
    page.clock.run_for(9_000)
    assert page.locator(".cg-quiz__undo").is_visible()
    page.clock.run_for(2_000)
    assert not page.locator(".cg-quiz__undo").is_visible()
    assert stored(page, "quiz-single") is None
    assert focused(page, page.get_by_role("button", name="清除记录")), "focus does not vanish with the bar"


@pytest.mark.parametrize("width", [1280, 375])
def test_reset_is_a_quiet_button_apart_from_the_main_one(page: Page, quiz_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    open_quiz(page, quiz_url, "quiz-single")
    main = page.get_by_role("button", name="提交答案").bounding_box()
    reset = page.get_by_role("button", name="清除记录")
    box = reset.bounding_box()
    assert box["y"] >= main["y"] + main["height"], "清除记录 sits below the main button, not beside it"
    assert box["height"] < main["height"] and "md-button" not in (reset.get_attribute("class") or "")


@pytest.mark.parametrize(
    "junk",
    ["{not json", "[1, 2]", '{"v": 1, "hash": "someotherhash", "answers": {"colour": 0}, "checked": true}',
     '{"v": 1, "hash": "HASH", "answers": {"colour": "蓝色"}, "best": "lots", "checked": 7, "self": 3}'],
    ids=["not-json", "not-an-object", "stale-hash", "wrong-shapes"],
)
def test_corrupt_or_stale_state_is_ignored(page: Page, quiz_url: str, junk: str) -> None:
    open_quiz(page, quiz_url, "quiz-single")
    digest = page.evaluate(
        "new Promise(done => coursegen.load(document.querySelector('.cg-quiz').dataset.cgScript, data => done(data.hash)))"
    )
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"coursegen:{COURSE_ID}:quiz:quiz-single", junk.replace("HASH", digest)])
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.reload()
    assert not page.get_by_label("蓝色").is_checked()
    page.get_by_label("蓝色").check()
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 2 / 2 分"
    assert errors == []


def test_scored_event_and_public_api(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-multiple")
    page.evaluate("window.__scored = []; document.addEventListener('coursegen:quiz-scored', e => window.__scored.push(e.detail))")
    for option in ("苹果", "香蕉", "白菜"):
        page.get_by_label(option).check()
    submit(page)
    scored = page.evaluate("window.__scored")
    items = scored[0].pop("items")
    assert scored == [
        {"quizId": "quiz-multiple", "score": 25, "passed": False, "max": 4, "points": 1, "best": 25, "attempts": 1, "final": False}
    ]
    # Each auto-graded question as the LMS's interaction report needs it (cg-scorm.js).
    (item,) = items
    assert {k: item[k] for k in ("id", "type", "answered", "correct", "fraction", "max", "options")} == {
        "id": "fruits", "type": "multiple", "answered": True, "correct": False, "fraction": 0.25, "max": 4, "options": 5}
    assert len(item["answer"]) == 3 and len(item["key"]) == 4 and len(set(item["answer"]) - set(item["key"])) == 1
    assert item["prompt"] and "<" not in item["prompt"]
    assert isinstance(item["latency"], int) and item["latency"] >= 0
    state = page.evaluate("coursegen.quiz.state('quiz-multiple')")
    assert state["results"] == {"fruits": {"correct": False, "points": 1, "max": 4}}
    carried = page.evaluate("coursegen.quiz.state('quiz-multiple', 'another-hash')")  # read by an edited quiz: record kept
    assert (carried["hash"], carried["attempts"], carried["answers"], carried["results"], carried["earlier"]) == (
        "another-hash", 0, {}, {}, {"attempts": 1, "best": 25, "passed": False})


# ---- Material's instant navigation ----


def test_instant_navigation_away_and_back_leaves_the_quiz_working(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-single")
    page.get_by_label("蓝色").check()
    # Instant navigation starts once Material has read sitemap.xml; before that a click loads the page.
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    next_quiz = page.locator(".md-footer__link--next").get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
    page.locator(".md-footer__link--next").click()
    page.locator(f'.cg-quiz[data-quiz="{next_quiz}"] .cg-q').first.wait_for()  # the address changes before the content
    assert page.evaluate("window.__sameDocument") is True, "the move was a full page load, not instant navigation"
    submit(page)  # whatever the next quiz asks: checking it gives feedback and a score
    assert page.locator(".cg-q__fb").count() == page.locator(".cg-q").count() > 0
    assert "得分" in result(page)
    page.go_back()
    page.locator('.cg-quiz[data-quiz="quiz-single"] .cg-q').wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert page.get_by_label("蓝色").is_checked()
    assert page.locator(".cg-quiz").count() == 1 and page.locator(".cg-q").count() == 1
    submit(page)
    assert verdict(page) == "✓ 回答正确 · 得 2 / 2 分"


# ---- keyboard only and the final assessment, on the example site ----


def example_banks() -> dict[str, QuizBank]:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    return project.quizzes


def focused(page: Page, locator: Any) -> bool:
    return bool(locator.evaluate("e => e === document.activeElement"))


def tab_to(page: Page, locator: Any, limit: int = 300) -> None:
    """Press Tab (nothing else) until ``locator`` has the focus."""
    for _ in range(limit):
        if focused(page, locator):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def answer_by_keyboard(page: Page, box: Any, question: Any) -> None:
    """Give the right answer to one question with the keyboard only."""
    kind = question.type
    if kind in ("single", "true_false", "hotspot"):  # a hotspot by its list of places, the picture's text alternative
        radios = box.locator("input[type=radio]")
        labels = box.locator("label.cg-opt").all_inner_texts()
        right = "对" if kind == "true_false" and question.answer else "错" if kind == "true_false" else question.areas[0].label \
            if kind == "hotspot" else next(o.text for o in question.options if o.correct)
        target = labels.index(right)
        tab_to(page, radios.first)
        page.keyboard.press("Space" if target == 0 else "ArrowDown")
        for _ in range(target - 1):
            page.keyboard.press("ArrowDown")
        assert radios.nth(target).is_checked()
    elif kind == "multiple":
        for option in question.options:
            if option.correct:
                tab_to(page, box.get_by_label(option.text, exact=True))
                page.keyboard.press("Space")
    elif kind in ("fill", "short"):
        tab_to(page, box.get_by_label("你的答案"))
        page.keyboard.insert_text(question.accept[0] if kind == "fill" else "我的回答")  # what an IME commits
    elif kind == "ordering":
        for i, text in enumerate(question.items):
            current = box.locator(".cg-order li > span:first-child").all_inner_texts()
            moves = current.index(text) - i
            if moves:
                tab_to(page, box.get_by_role("button", name=f"上移：{text}"))
                for _ in range(moves):
                    page.keyboard.press("Enter")  # focus stays on the moved item's button
    elif kind == "cloze":
        for n, accepted in enumerate(question.blanks, start=1):
            tab_to(page, box.get_by_label(f"第 {n} 空", exact=True))
            page.keyboard.insert_text(accepted[0])
    elif kind == "numeric":
        tab_to(page, box.get_by_label("你的答案（填一个数）"))
        page.keyboard.insert_text(question.answer_text)
    elif kind == "dragwords":
        for n, word in enumerate(question.words):
            tab_to(page, box.get_by_role("button", name=word, exact=True))
            page.keyboard.press("Enter")
            tab_to(page, box.locator(f'.cg-drag__slot[data-slot="{n}"]'))
            page.keyboard.press("Enter")
    elif kind == "matching":
        for pair in question.pairs:
            select = box.get_by_label(pair.left, exact=True)
            options = select.locator("option").all_inner_texts()
            tab_to(page, select)
            for _ in range(options.index(pair.right)):
                page.keyboard.press("ArrowDown")
            assert select.evaluate("s => s.options[s.selectedIndex].text") == pair.right


def test_a_quiz_completed_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    banks = example_banks()
    bank = max(banks.values(), key=lambda b: len({q.type for q in b.questions}))
    open_quiz(page, site_url, bank.id)
    by_id = {q.id: q for q in bank.questions}
    for box in page.locator(".cg-q").all():
        answer_by_keyboard(page, box, by_id[box.get_attribute("data-qid")])
    tab_to(page, page.get_by_role("button", name="提交答案"))
    page.keyboard.press("Enter")
    assert focused(page, page.locator(".cg-quiz__result")), "focus goes to the announced score"
    assert "得分 100%" in result(page)
    assert "已通过" in result(page)
    tab_to(page, page.get_by_role("button", name="再做一次"))
    page.keyboard.press("Enter")
    assert "最好成绩 100% · 已作答 1 次" in result(page)


def drawn(page: Page) -> list[str]:
    return [box.get_attribute("data-qid") for box in page.locator(".cg-q").all()]


def test_final_assessment_draw_is_stable_on_reload_and_new_on_a_new_attempt(page: Page, site_url: str) -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    final = project.course.final_assessment
    assert final is not None
    open_quiz(page, site_url, final.id)
    first = drawn(page)
    assert len(first) == sum(rule.count for rule in final.draw)
    for rule in final.draw:
        assert len([q for q in first if q.startswith(rule.bank + "/")]) == rule.count
    page.reload()
    page.locator(".cg-q").first.wait_for()
    assert drawn(page) == first
    submit(page)
    page.get_by_role("button", name="重新抽题作答").click()
    second = drawn(page)
    assert second != first
    page.reload()
    page.locator(".cg-q").first.wait_for()
    assert drawn(page) == second
    assert stored(page, final.id, project.course.id)["questions"] == second


def test_shuffled_bank_keeps_its_order_on_reload_and_reshuffles_on_retry(page: Page, quiz_url: str) -> None:
    open_quiz(page, quiz_url, "quiz-pool")
    first = drawn(page)
    assert sorted(first) == [f"p{n:02d}" for n in range(1, 13)] and first != sorted(first)
    page.reload()
    page.locator(".cg-q").first.wait_for()
    assert drawn(page) == first
    submit(page)
    retry(page)
    assert drawn(page) != first


def test_fixture_final_assessment_draws_per_bank(page: Page, quiz_url: str) -> None:
    """Four of the twelve pool questions and the one single-choice question, in bank order."""
    open_quiz(page, quiz_url, "final-check")
    ids = drawn(page)
    assert len(ids) == 5 and ids[-1] == "quiz-single/colour"
    assert ids[:4] == sorted(ids[:4]) and all(i.startswith("quiz-pool/") for i in ids[:4])
