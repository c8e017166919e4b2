"""学习进度 and 错题本 in a real browser, on the example site: what a trainee sees after studying a lecture,
taking a quiz and filling in a form, after a reload, and after export and reset."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import submit_quiz

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

COURSE = "consumer-protection-complaints"
LECTURE = "service-front"
QUIZ = "quiz-service-front"
PROMPT = "本章从“三维视角”观察投诉管理的外部环境"
WRONG, RIGHT = "产品、价格、渠道", "监管、舆情、法规"


def cell(page: Page, kind: str, item: str) -> str:
    return page.locator(f'[data-cg-cell="{kind}"][data-cg-id="{item}"]').inner_text()


def open_progress(page: Page, base: str) -> None:
    page.goto(f"{base}/progress/")
    page.locator("[data-cg-progress][data-ready]").wait_for(state="attached")


def things_to_complete(page: Page) -> int:
    """One row of the progress page per lecture, case, discussion, drill, quiz and form."""
    kinds = ("lecture-done", "activity-state", "quiz-state", "homework-state")
    return sum(page.locator(f"[data-cg-cell={kind}]").count() for kind in kinds)


def test_a_lecture_marked_done_shows_on_the_progress_page_and_in_the_navigation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/lectures/{LECTURE}/")
    done = page.locator("[data-cg-done]")
    assert done.inner_text() == "标记本讲为已完成" and done.get_attribute("aria-pressed") == "false"
    done.click()
    page.reload()
    assert page.locator("[data-cg-done]").inner_text() == "✓ 本讲已完成（点击撤销）"
    assert page.locator("[data-cg-done]").get_attribute("aria-pressed") == "true"
    assert page.locator(".cg-pager a", has_text="下一步：案例 · 池子事件").is_visible()  # its first case, as the footer's 下一页
    hrefs = "a => a.href"
    assert page.locator(".cg-pager a.md-button--primary").evaluate(hrefs) == page.locator(".md-footer__link--next").evaluate(hrefs)

    open_progress(page, site_url)
    assert cell(page, "lecture-visited", LECTURE) == "✓" and cell(page, "lecture-done", LECTURE) == "✓"
    assert cell(page, "lecture-visited", "escalation-taboos") == "—"
    percent = 100 // things_to_complete(page)
    assert page.locator("[data-cg-overall]").inner_text() == f"{percent}%"
    nav = page.locator(".md-nav--primary .cg-navmeter__text").first
    assert nav.inner_text() == f"已完成 {percent}%"


def test_a_wrong_answer_shows_in_progress_and_review_and_leaves_once_retried_right(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/quizzes/{QUIZ}/")
    page.get_by_label(WRONG).check()
    submit_quiz(page)
    result = page.locator(".cg-quiz__result", has_text="还未通过")
    score = re.search(r"得分 (\d+)%", result.inner_text()).group(1)  # type: ignore[union-attr]

    open_progress(page, site_url)
    assert (cell(page, "quiz-best", QUIZ), cell(page, "quiz-state", QUIZ), cell(page, "quiz-attempts", QUIZ)) == (f"{score}%", "未通过", "1")  # the result card's scale: 得分 47%, never "47 分"
    assert cell(page, "quiz-state", "quiz-escalation-taboos") == "未作答"

    page.goto(f"{site_url}/review/")
    review = page.locator("[data-cg-review]")
    assert review.locator("[data-cg-review-count]").inner_text() == "错题本中共有 1 道题。"  # skipped questions are no mistakes
    assert review.get_by_text(PROMPT).is_visible()
    assert review.get_by_role("link", name="第一章自测").is_visible()
    review.get_by_text("查看解析").click()
    assert review.get_by_text("第一章第一节“监管舆情法规下的三维视角”").is_visible()

    review.get_by_label(WRONG).check()
    submit_quiz(review)
    assert "✗ 回答错误" in review.locator(".cg-q__verdict").inner_text()
    page.reload()
    assert page.get_by_text(PROMPT).is_visible()  # still wrong: still here

    page.get_by_label(RIGHT).check()
    submit_quiz(page)
    assert "✓ 回答正确" in page.locator(".cg-q__verdict").inner_text()
    page.reload()
    assert page.get_by_text("暂无错题。").is_visible()
    assert page.get_by_text(PROMPT).count() == 0

    page.goto(f"{site_url}/quizzes/{QUIZ}/")  # the quiz keeps its own record; the review does not bring it back
    page.goto(f"{site_url}/review/")
    assert page.get_by_text("暂无错题。").is_visible()


def test_the_review_page_says_so_when_its_questions_cannot_load(page: Page, site_url: str) -> None:
    page.route("**/cg-review.js", lambda route: route.abort())
    page.goto(f"{site_url}/review/")
    page.locator("[data-cg-review-count]", has_text="错题数据未能加载，请刷新本页。").wait_for()
    assert not page.locator("[data-cg-review-empty]").is_visible(), "never claims there are no mistakes"


def test_homework_draft_then_export_shows_on_the_progress_page(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time("2026-03-12T10:00:00")  # every save in one second, as an edit right after an export
    page.goto(f"{site_url}/homework/course-evaluation/")
    form = page.locator("form.cg-form")
    form.locator(".cg-rating[data-item=practicality] input[value='5']").check()
    open_progress(page, site_url)
    assert cell(page, "homework-state", "course-evaluation") == "草稿已保存，未导出"
    assert cell(page, "homework-state", "lunch-case-review") == "未开始"

    page.goto(f"{site_url}/homework/course-evaluation/")
    for key, value in (("name", "张三"), ("employee_id", "A1024"), ("department", "城东支行")):
        form.locator(f"[data-identity={key}]").fill(value)
    for item in form.locator(".cg-rating").all():
        item.locator("input[value='4']").check()
    form.get_by_label("愿意", exact=True).check()
    with page.expect_download():
        form.locator(".cg-form__export").click()
    open_progress(page, site_url)
    assert cell(page, "homework-state", "course-evaluation") == "已导出"

    page.goto(f"{site_url}/homework/course-evaluation/")
    handed = page.locator('[data-cg-handed="course-evaluation"]')
    assert handed.inner_text() == "已导出"  # said above the form after a reload, not only in the panel after the click
    form.get_by_label("意见与建议").fill("案例很实用。")
    form.get_by_label("意见与建议").press("End")
    assert handed.inner_text() == "已提交（之后有修改，需重新提交）"  # at the first edit
    page.reload()
    assert handed.inner_text() == "已提交（之后有修改，需重新提交）"
    open_progress(page, site_url)
    assert cell(page, "homework-state", "course-evaluation") == "已提交（之后有修改，需重新提交）"
    page.goto(f"{site_url}/")
    status = page.locator('[data-cg-status="homework:course-evaluation"]')
    assert status.inner_text() == "已提交（之后有修改，需重新提交）", "the dashboard says what the progress page says, not 已完成"
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        box, line = status.bounding_box(), page.locator(".md-content").bounding_box()
        assert box["x"] + box["width"] <= line["x"] + line["width"] + 1, f"the longer status stays within the page at {width} px"


def test_export_downloads_my_progress_and_reset_clears_it(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/lectures/{LECTURE}/")
    page.locator("[data-cg-done]").click()
    open_progress(page, site_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习进度").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert download.value.suggested_filename == f"progress-{COURSE}.json"
    assert (data["format"], data["courseId"]) == ("coursegen-progress", COURSE)
    assert data["summary"]["lecturesDone"] == 1 and data["summary"]["lectures"] == 5
    assert data["records"][f"lecture:{LECTURE}"]["done"]

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="重置学习进度").click()
    assert cell(page, "lecture-done", LECTURE) == "✓"  # dismissed: nothing deleted

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重置学习进度").click()
    assert cell(page, "lecture-done", LECTURE) == "—"
    assert page.locator("[data-cg-overall]").inner_text() == "0%"
    assert page.get_by_text("学习记录已清除。").is_visible()
    page.reload()
    assert cell(page, "lecture-visited", LECTURE) == "—"
    assert page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('coursegen:{COURSE}:'))") == []


def test_final_assessment_mistakes_land_under_their_own_bank(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/quizzes/final-assessment/")
    page.locator(".cg-q").first.wait_for()
    for question in page.locator(".cg-q--single, .cg-q--true_false").all():
        question.locator("input").last.check()
    submit_quiz(page)
    page.locator(".cg-quiz__result", has_text="得分").wait_for()
    state = json.loads(page.evaluate(f"localStorage.getItem('coursegen:{COURSE}:quiz:final-assessment')"))
    wrong = sorted(qid for qid, result in state["results"].items() if not result["correct"] and qid in state["answers"])
    assert wrong and all("/" in qid for qid in wrong)  # "<bankId>/<questionId>"

    page.goto(f"{site_url}/review/")
    page.locator(".cg-review__quiz .cg-q").first.wait_for()
    assert sorted(page.locator(".cg-review__quiz").evaluate_all("els => els.map(e => e.dataset.review)")) == wrong
    shown = page.locator(".cg-review__bank:not([hidden])").evaluate_all("els => els.map(e => e.dataset.cgBank)")
    assert sorted(shown) == sorted({qid.split("/")[0] for qid in wrong})
    first = page.locator(".cg-review__quiz").first  # the answer given in the final assessment, beside the question
    expect(first.locator(".cg-compare")).to_contain_text("你上次的答案")


def test_learner_pages_work_after_instant_navigation(page: Page, instant_url: str) -> None:
    page.goto(f"{instant_url}/quizzes/{QUIZ}/")
    page.get_by_label(WRONG).check()
    submit_quiz(page)
    page.locator(".cg-quiz__result", has_text="未通过").wait_for()
    # Instant navigation starts once Material has read sitemap.xml; before that a click loads the page.
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__samePage = true")
    page.locator(".md-nav--primary").get_by_role("link", name="错题本").click()
    page.locator(".cg-review__quiz").get_by_text(PROMPT).wait_for()  # the address changes before the content
    page.locator(".md-nav--primary").get_by_role("link", name="学习进度").first.click()
    page.locator("[data-cg-progress][data-ready]").wait_for(state="attached")
    assert cell(page, "quiz-attempts", QUIZ) == "1"
    assert page.locator(".md-nav--primary .cg-navmeter__text").first.inner_text() == "已完成 0%"
    assert page.evaluate("window.__samePage === true")  # no page was loaded: both came by instant navigation
