"""The quiz and homework pages on a 375 px wide phone: nothing sticks out sideways, every control can
be seen and used. Full-page screenshots are kept in the test's temporary folder for a human look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import turn_to

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

WIDTH = 375

OFF_SCREEN = """width => [...document.querySelectorAll(
    '.md-content input:not([type=hidden]), .md-content select, .md-content textarea, .md-content button')]
  .filter(el => el.offsetParent !== null)
  .filter(el => {
    const box = el.getBoundingClientRect();
    const scroller = el.closest('.md-typeset__scrollwrap, .cg-table, [data-scroll]');
    const limit = scroller ? scroller.getBoundingClientRect() : {left: 0, right: width};
    const outside = box.left < Math.max(0, limit.left) - 1 || (!scroller && box.right > width + 1);
    return box.width === 0 || outside;
  })
  .map(el => el.outerHTML.slice(0, 120))"""
"""Visible controls of the page content that lie outside the screen (a control inside a horizontally
scrolling table only has to start inside it)."""


@pytest.fixture
def phone(browser: Any) -> Iterator[Page]:
    context = browser.new_context(locale="zh-CN", viewport={"width": WIDTH, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(params=[1280, WIDTH], ids=["1280px", f"{WIDTH}px"])
def sized(browser: Any, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page at a desktop's and at a phone's width."""
    context = browser.new_context(locale="zh-CN", viewport={"width": request.param, "height": 800})
    yield context.new_page()
    context.close()


def overflow(page: Page) -> int:
    """How far the page is wider than the screen, in CSS pixels (0 or less: no sideways scrolling). Against the
    page's client width: a vertical scrollbar (Zensical's classic look keeps one) is not sideways overflow."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_quiz_page_is_usable_at_375_px(phone: Page, site_url: str, tmp_path: Path) -> None:
    phone.goto(f"{site_url}/quizzes/quiz-service-front/")
    phone.locator(".cg-quiz .cg-q").first.wait_for()
    assert overflow(phone) <= 0
    assert phone.evaluate(OFF_SCREEN, WIDTH) == []
    phone.get_by_label("监管、舆情、法规").tap()
    turn_to(phone, 10)  # 提交答案 is on the last of the eleven screens
    submit = phone.get_by_role("button", name="提交答案")
    submit.scroll_into_view_if_needed()
    submit.tap()
    phone.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交").tap()  # the other questions are left
    assert "✓ 回答正确" in phone.locator(".cg-q__verdict").first.inner_text()
    assert overflow(phone) <= 0
    phone.screenshot(path=str(tmp_path / "quiz-375.png"), full_page=True)
    assert (tmp_path / "quiz-375.png").stat().st_size > 10_000


def test_homework_page_is_usable_at_375_px(phone: Page, site_url: str, tmp_path: Path) -> None:
    phone.goto(f"{site_url}/homework/lunch-case-review/")
    form = phone.locator("form.cg-form")
    form.locator("tbody tr").first.wait_for()
    assert overflow(phone) <= 0
    assert phone.evaluate(OFF_SCREEN, WIDTH) == []
    last_column = form.locator("tbody tr").first.locator("textarea").last
    last_column.scroll_into_view_if_needed()  # a wide table scrolls sideways inside itself, not the page
    box = last_column.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= WIDTH + 1
    last_column.fill("加强事前告知")
    assert overflow(phone) <= 0
    form.locator("[data-identity=name]").fill("张三")
    reflections = form.get_by_label("复盘心得")
    reflections.fill("各网点的投诉多源于事前没有说明清楚。")
    assert reflections.is_visible() and reflections.bounding_box()["width"] > WIDTH / 2
    phone.reload()
    assert form.get_by_label("复盘心得").input_value() == "各网点的投诉多源于事前没有说明清楚。"
    assert overflow(phone) <= 0
    phone.screenshot(path=str(tmp_path / "homework-375.png"), full_page=True)
    assert (tmp_path / "homework-375.png").stat().st_size > 10_000


PAGE_KINDS = {
    "home": "", "agenda": "agenda/", "lecture": "lectures/service-front/", "cases": "cases/",
    "case": "cases/chizi-event/", "discussion": "discussions/put-out-fire/", "drill": "drills/reputation-scenario-drill/",
    "homework": "homework/lunch-case-review/", "survey": "homework/course-evaluation/",
    "quiz": "quizzes/quiz-service-front/", "final": "quizzes/final-assessment/", "progress": "progress/",
    "review": "review/", "handbook": "handbook/",
}


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_page_kind_scrolls_sideways_at_375_px(phone: Page, site_url: str, path: str) -> None:
    phone.goto(f"{site_url}/{path}")
    phone.wait_for_load_state("networkidle")  # widgets built, data scripts loaded
    assert overflow(phone) <= 0


SCALE_ON_ONE_LINE = """() => [...document.querySelectorAll('.cg-rating__scale')].every(scale => {
  const tops = [...scale.querySelectorAll('.cg-rating__option')].map(o => Math.round(o.getBoundingClientRect().top));
  return tops.length === 5 && new Set(tops).size === 1;
})"""


@pytest.mark.parametrize("width", [1280, WIDTH])
def test_the_rating_scale_never_wraps(browser: Any, site_url: str, width: int) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/homework/course-evaluation/")
    page.locator(".cg-rating__scale").first.wait_for()
    assert page.locator(".cg-rating__scale").count() >= 5
    assert page.evaluate(SCALE_ON_ONE_LINE)
    context.close()


def test_a_table_field_is_one_card_per_row_on_a_phone_and_wide_on_a_screen(browser: Any, phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/homework/lunch-case-review/")
    row = phone.locator("form.cg-form tbody tr").first
    row.wait_for()
    cells = row.locator("textarea").all()
    assert len(cells) == 4
    boxes = [c.bounding_box() for c in cells]
    assert all(b["width"] > WIDTH * 0.75 for b in boxes), "each cell takes the card's width"
    assert [b["y"] for b in boxes] == sorted(b["y"] for b in boxes) and len({b["y"] for b in boxes}) == 4, "one under another"
    assert row.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content") == '"案例/客户投诉详细内容"'

    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/homework/lunch-case-review/")
    page.locator("form.cg-form tbody tr").first.wait_for()
    widths = page.locator("form.cg-form tbody tr").first.locator("textarea").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert min(widths) >= 200, f"room to write in each column at 1280 px: {widths}"
    assert overflow(page) <= 0, "no sideways scrolling"
    context.close()


def test_the_progress_page_keeps_its_share_beside_the_bar_and_its_tables_within_the_screen(sized: Page, site_url: str) -> None:
    page, width = sized, sized.viewport_size["width"]
    page.goto(f"{site_url}/progress/")
    page.locator("[data-cg-overall]").filter(has_text="%").wait_for()
    middles = page.locator(".cg-progress__overall > *").evaluate_all(
        "els => els.map(el => { const box = el.getBoundingClientRect(); return Math.round(box.top + box.height / 2); })")
    assert len(middles) == 3 and max(middles) - min(middles) <= 2, f"总体完成度, its bar and 0% on one line: {middles}"
    hidden = page.locator(".cg-progress table").evaluate_all(
        "tables => tables.map(t => [t.closest('.md-typeset__scrollwrap, .md-typeset__table, .cg-progress') || t, t])"
        ".map(([box, t]) => [t.querySelector('th').textContent, t.getBoundingClientRect().right - Math.min(box.getBoundingClientRect().right, innerWidth)])"
        ".filter(([, beyond]) => beyond > 1)")
    assert hidden == [], "a column of a progress table lies beyond the screen, with nothing to show it is there"
    assert page.locator(".cg-progress table").count() == 4


def test_a_table_field_shows_its_column_hints_and_numbers_each_row_at_its_top(sized: Page, site_url: str) -> None:
    page, width = sized, sized.viewport_size["width"]
    page.goto(f"{site_url}/homework/lunch-case-review/")
    row = page.locator("form.cg-form tbody tr").first
    row.wait_for()
    hint = "时间、业务、客户诉求和不满的原因"  # the first column's hint in the example course
    if width == WIDTH:  # a card per row: the header row is not shown, so each cell carries its column's hint
        assert row.locator("td").first.get_by_text(hint).is_visible()
        assert row.locator(".cg-table__hint").count() == 2  # the two columns that have a hint
    else:
        assert page.locator("form.cg-form thead").get_by_text(hint).is_visible() and not row.locator(".cg-table__hint").first.is_visible()
        number = row.locator("th").evaluate("th => { const r = document.createRange(); r.selectNodeContents(th); return r.getBoundingClientRect().top; }")
        first = row.locator("textarea").first.bounding_box()
        assert number < first["y"] + first["height"] / 2, "the row's number stands at its top, not at the bottom of a tall row"


def apart(page: Page, buttons: str, count: int) -> None:
    """The ``count`` buttons matching ``buttons`` never touch: side by side or stacked, a gap between each pair,
    and none past the screen's edge."""
    width = page.viewport_size["width"]
    boxes = page.locator(buttons).evaluate_all("els => els.map(el => el.getBoundingClientRect().toJSON())")
    assert len(boxes) == count
    for a, b in zip(boxes, boxes[1:]):
        side_by_side = b["left"] >= a["right"] + 4
        stacked = b["top"] >= a["bottom"] + 4
        assert side_by_side or stacked, f"buttons touch at {width} px: {a} {b}"
    assert all(box["right"] <= width for box in boxes)


def test_the_lecture_pager_s_buttons_never_touch(sized: Page, site_url: str) -> None:
    sized.goto(f"{site_url}/lectures/escalation-taboos/")  # a lecture with a step before and after it
    sized.locator(".cg-pager [data-cg-done]:not([hidden])").wait_for()
    apart(sized, ".cg-pager .md-button", 3)


def test_the_home_page_s_buttons_never_touch(sized: Page, site_url: str) -> None:
    """继续学习 and 课程安排 sit in one paragraph, and no space is left between two Chinese link texts there."""
    sized.goto(f"{site_url}/")
    sized.locator("[data-cg-continue]").wait_for()
    apart(sized, ".cg-actions .md-button", 2)
