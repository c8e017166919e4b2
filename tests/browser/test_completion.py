"""The course's one completion rule in a real browser, on the example site (final assessment passed and the
lunch-case review handed in): the dashboard and 学习进度 say what is missing, with links; once complete, the
completion record (结业证明) asks the trainee's details, shows the course, the name, the date with its weekday, what
it rests on and the check code HR's report carries, at a desktop's and a phone's width, prints on one A4 page
without the site's menus, and has no serious accessibility violation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from coursegen.hr.report import final_record_code
from coursegen.model.submission import QuizScore
from tests.browser.test_a11y import violations
from tests.jstools import js_tool

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

COURSE = "consumer-protection-complaints"
FINAL, HOMEWORK = "final-assessment", "lunch-case-review"
PASSED_AT = "2026-03-12T08:00:00.000Z"  # a Thursday, in the browser's time zone as in UTC
HANDED_AT = "2026-03-11T09:30:00.000Z"
FILE_CODE = "ab" * 32

SEED = """([prefix, passedAt, handedAt, fileCode]) => {
  const final = coursegenCourse.items.find(i => i.kind === "quiz" && i.final);
  const put = (key, value) => localStorage.setItem(prefix + key, JSON.stringify(value));
  put("quiz:" + final.id, {v: 1, hash: coursegenVersions[final.id], seed: 1, attempts: 2, best: 84, last: 84, passed: true, checked: true,
                           questions: [], answers: {}, updated: passedAt});
  const draft = {answers: {}, updated_at: "2026-03-11T17:29:00+08:00", revision: 3};
  put("form:lunch-case-review", draft);
  put("homework:lunch-case-review", {exportedAt: handedAt, updated_at: draft.updated_at, revision: 3, online: false, sha256: fileCode});
}"""


@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def sized(browser: Any, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page at a desktop's and at a phone's width, in the time zone the seeded times are read in."""
    context = browser.new_context(locale="zh-CN", timezone_id="UTC", viewport={"width": request.param, "height": 800})
    yield context.new_page()
    context.close()


def seed_completion(page: Page, site_url: str) -> None:
    """The records of a trainee who passed the final assessment (best 84%) and handed in the lunch-case review."""
    page.goto(f"{site_url}/")
    page.wait_for_function("window.coursegenVersions")  # the dashboard loads the quizzes' versions
    page.evaluate(SEED, [f"coursegen:{COURSE}:", PASSED_AT, HANDED_AT, FILE_CODE])


def completion_block(page: Page) -> Any:
    block = page.locator("[data-cg-completion]")
    block.wait_for(state="visible")
    return block


def test_the_dashboard_and_progress_page_say_what_is_missing_with_links(sized: Page, site_url: str) -> None:
    sized.goto(f"{site_url}/")
    block = completion_block(sized)
    assert block.locator(".cg-completion__count").inner_text() == "结业条件 已完成 0 / 2 项"
    assert block.locator(".cg-completion__missing").inner_text() == "还差："
    links = block.locator(".cg-completion__list a")
    assert links.all_inner_texts() == ["午休作业打卡：近半年投诉案例复盘", "结业测评（需及格）"]
    expect(block.locator(".cg-completion__certificate")).to_be_hidden()
    links.nth(1).click()
    sized.wait_for_url(re.compile(r"/quizzes/final-assessment/"))

    sized.goto(f"{site_url}/progress/")
    assert completion_block(sized).locator(".cg-completion__list a").count() == 2
    sized.goto(f"{site_url}/completion/")
    record = sized.locator("[data-cg-certificate][data-ready]")
    assert record.get_attribute("data-complete") == "false"
    assert record.get_by_text("还没有达到结业条件").is_visible()
    assert record.locator(".cg-completion__list a").all_inner_texts() == ["午休作业打卡：近半年投诉案例复盘", "结业测评（需及格）"]


def test_once_complete_the_record_shows_name_date_result_and_the_check_code_hr_holds(sized: Page, site_url: str) -> None:
    seed_completion(sized, site_url)
    sized.reload()
    block = completion_block(sized)
    assert block.locator(".cg-completion__count").inner_text() == "结业条件 已完成 2 / 2 项"
    assert block.get_by_text("✓ 已达到结业条件").is_visible()
    block.get_by_role("link", name="查看结业证明").click()

    page = sized.locator("[data-cg-certificate][data-ready]")
    ask = page.locator(".cg-certificate__identity")
    expect(ask).to_be_visible()
    assert "姓名会印在结业证明上" in ask.inner_text()
    ask.get_by_label("姓名").fill("张三")
    ask.get_by_label("工号").fill("ａ 1001")  # as a phone's IME may type it: the code uses the roster's canonical id
    ask.get_by_label("部门").fill("营业部")
    ask.get_by_role("button", name="确定").click()

    record = sized.locator("[data-cg-certificate][data-ready] .cg-certificate__record")
    facts = dict(zip(record.locator("dt").all_inner_texts(), record.locator("dd").all_inner_texts(), strict=True))
    code = final_record_code(COURSE, FINAL, QuizScore(best=84, passed=True), "A1001")
    assert facts == {
        "课程": "防微杜渐、未雨绸缪",
        "学员": "张三（工号 ａ 1001，营业部）",
        "结业日期": "2026年3月12日（周四）",
        "依据": "结业测评：最高分 84%（及格线 70%）；完成了结业条件中的全部 2 项",
        "校验码": f"{code}（结业测评成绩记录的校验码）",
    }
    assert record.get_by_text("不是证书，也不能证明什么").is_visible()
    assert sized.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0

    sized.reload()  # the details are the homework forms' identity, kept
    assert sized.locator("[data-cg-certificate][data-ready] .cg-certificate__record").get_by_text("张三").is_visible()


def test_the_record_prints_alone_on_one_a4_page(sized: Page, site_url: str) -> None:
    seed_completion(sized, site_url)
    sized.evaluate(f"""() => localStorage.setItem("coursegen:{COURSE}:identity",
                       JSON.stringify({{name: "张三", employee_id: "A1001", department: "营业部"}}))""")
    sized.goto(f"{site_url}/completion/")
    sized.locator("[data-cg-certificate][data-ready] .cg-certificate__record").wait_for()
    sized.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-content h1", ".cg-certificate__actions"):
        assert not sized.locator(chrome).first.is_visible(), chrome
    assert sized.locator(".cg-certificate__record").is_visible()
    pdf = sized.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_the_dashboard_and_the_record_have_no_serious_accessibility_violation(page: Page, site_url: str) -> None:
    axe: Path = js_tool("axe-core/axe.min.js")
    page.goto(f"{site_url}/completion/")
    page.locator("[data-cg-certificate][data-ready]").wait_for(state="attached")
    assert violations(page, axe) == []
    seed_completion(page, site_url)
    page.goto(f"{site_url}/completion/")
    page.locator(".cg-certificate__identity").wait_for()
    assert violations(page, axe) == []
    page.get_by_label("姓名").fill("张三")
    page.get_by_label("工号").fill("A1001")
    page.get_by_label("部门").fill("营业部")
    page.get_by_role("button", name="确定").click()
    page.locator("[data-cg-certificate][data-ready] .cg-certificate__record").wait_for()
    assert violations(page, axe) == []
    page.goto(f"{site_url}/")
    completion_block(page)
    assert violations(page, axe) == []


def test_where_no_quiz_result_leaves_the_browser_the_record_says_hr_cannot_check_it(page: Page, site_url: str) -> None:
    """A course with ``results: none`` (the default) hands in no quiz results: HR never sees the final's score, so a
    record resting on it offers no check code to look for. The example course's config, as such a build writes it."""
    page.route("**/cg-config.js", lambda route: route.fulfill(
        body=route.fetch().text().replace('"results":"scores"', '"results":"none"'), content_type="text/javascript"))
    seed_completion(page, site_url)
    page.evaluate("id => localStorage.setItem(`coursegen:${id}:identity`, JSON.stringify({name: '张三', employee_id: 'A1001', department: '营业部'}))", COURSE)
    page.goto(f"{site_url}/completion/")
    record = page.locator("[data-cg-certificate][data-ready] .cg-certificate__record")
    assert record.locator(".cg-certificate__code").inner_text() == "本课程交作业时不附测验成绩，HR 的报告里看不到结业测评成绩，所以这份证明没有可供核对的校验码。"
    assert record.get_by_text("结业测评的成绩只有随作业或问卷交出后").count() == 0
