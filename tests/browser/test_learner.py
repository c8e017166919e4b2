"""Never lose work, always know where you are, on a 1280 px screen and a 375 px phone: the home page's
dashboard and the menu's marks, cases, discussions and drills counted, "previous / next" in course order, the
progress page's reset (asked, undone) and import, the saved line's date, and the review page leaving a bank
named ``review-x`` alone.

They run on the small fixture course (tests/fixtures/mini) with its bank renamed ``review-x``: a valid id
that the review page's scratch state once shared its keys with.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import serve_built_with_site_url, submit_quiz, turn_to
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

MINI = ROOT / "tests" / "fixtures" / "mini"
COURSE = "mini"
BANK = "review-x"
WIDTHS = [1280, 375]


@pytest.fixture(scope="module")
def mini_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture course, its bank renamed ``review-x``, built and served."""
    project = tmp_path_factory.mktemp("learner-mini") / "mini"
    shutil.copytree(MINI, project)
    for file in project.rglob("*.yml"):
        file.write_text(file.read_text(encoding="utf-8").replace("quiz-basics", BANK), encoding="utf-8")
    (project / "quizzes" / "quiz-basics.yml").rename(project / "quizzes" / f"{BANK}.yml")
    yield from serve_built_with_site_url(project, tmp_path_factory.mktemp("learner-mini-site"))


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context (empty storage) at 1280 px, and as a phone at 375 px."""
    width = request.param
    phone = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if width < 500 else {}
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800}, **phone)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def stored(page: Page, key: str) -> Any:
    return json.loads(page.evaluate(f"localStorage.getItem('coursegen:{COURSE}:{key}')") or "null")


def own_keys(page: Page) -> list[str]:
    return sorted(page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('coursegen:{COURSE}:'))"))


def take_quiz(page: Page, base: str, *, right: bool) -> None:
    """The bank's quiz with its single-choice and true/false questions answered both right or both wrong."""
    page.goto(f"{base}/quizzes/{BANK}/")
    page.get_by_label("期望与体验的落差" if right else "天气").check()
    tf = page.locator(".cg-q--true_false")
    turn_to(page, tf)
    tf.get_by_label("错" if right else "对", exact=True).check()
    submit_quiz(page)
    page.locator(".cg-quiz__result").wait_for()


def open_progress(page: Page, base: str) -> None:
    page.goto(f"{base}/progress/")
    page.locator("[data-cg-progress][data-ready][data-cg-backup]").wait_for(state="attached")


def cell(page: Page, kind: str, item: str) -> str:
    return page.locator(f'[data-cg-cell="{kind}"][data-cg-id="{item}"]').inner_text()


def status(page: Page, item: str) -> str:
    """An item's status on the home page's dashboard."""
    return page.locator(f'[data-cg-status="{item}"]').inner_text()


def open_home(page: Page, base: str) -> None:
    page.goto(f"{base}/")
    page.locator("[data-cg-overall]", has_text="%").wait_for()


def test_the_review_page_leaves_a_bank_named_review_x_alone(page: Page, mini_url: str) -> None:
    take_quiz(page, mini_url, right=False)
    before = stored(page, f"quiz:{BANK}")
    assert before["attempts"] == 1 and before["passed"] is False

    page.goto(f"{mini_url}/review/")
    review = page.locator(".cg-review__quiz").first
    review.get_by_label("期望与体验的落差").check()
    review.get_by_role("button", name="提交答案").click()
    assert "✓ 回答正确" in review.locator(".cg-q__verdict").inner_text()
    assert stored(page, f"quiz:{BANK}") == before, "the bank's own record is untouched"
    assert [k.split(":", 2)[2] for k in own_keys(page) if ":review:" in k] == ["review:review-1"]

    page.reload()  # the review clears its scratch state on every visit; never the bank's
    page.get_by_text("错题本中共有 1 道题。").wait_for()
    assert stored(page, f"quiz:{BANK}") == before
    open_progress(page, mini_url)
    assert (cell(page, "quiz-attempts", BANK), cell(page, "quiz-state", BANK)) == ("1", "未通过")


def test_the_dashboard_shows_where_i_am_and_the_menu_ticks_what_is_done(page: Page, mini_url: str) -> None:
    from playwright.sync_api import expect

    open_home(page, mini_url)
    start = page.locator("[data-cg-continue]")
    assert start.inner_text() == "开始学习"
    assert status(page, "lecture:basics") == "未开始" and status(page, f"quiz:{BANK}") == "未开始"
    board = page.locator("[data-cg-dashboard]")
    assert board.get_by_text("讲次 · 50 分钟").first.is_visible()
    assert board.get_by_text("作业打卡 · 截止 3月12日（周五）13:30").is_visible()

    page.goto(f"{mini_url}/lectures/basics/")
    page.locator("[data-cg-done]").click()
    take_quiz(page, mini_url, right=True)
    open_home(page, mini_url)
    assert status(page, "lecture:basics") == "已完成"
    assert status(page, f"quiz:{BANK}") == "已通过"
    assert status(page, "lecture:practice") == "未开始"
    assert start.inner_text() == "继续学习：第一章自测"
    start.click()
    page.wait_for_url(f"{mini_url}/quizzes/{BANK}/")

    menu = page.locator(".md-nav--primary")
    done = menu.locator("a.md-nav__link", has_text="第一章 基础").first.locator(".cg-navmark")
    # The marks are drawn once the page's scripts have run after the navigation: waited for, not read at once (read at
    # once, a busy CI machine once saw the mark's state and not yet its ✓).
    expect(done).to_have_attribute("data-state", "done")
    expect(done).to_contain_text("✓")
    assert "已完成" in done.text_content()  # said, not only drawn
    assert menu.locator(f"a.md-nav__link[href*='{BANK}'] .cg-navmark").get_attribute("data-state") == "passed"
    assert menu.locator("a.md-nav__link", has_text="第二讲").first.locator(".cg-navmark").inner_text() == ""


def test_cases_discussions_drills_and_scenarios_count_in_progress(page: Page, mini_url: str) -> None:
    open_progress(page, mini_url)
    assert page.locator("[data-cg-cell=activity-state]").count() == 4
    assert cell(page, "activity-state", "case:pond") == "未开始"

    page.goto(f"{mini_url}/cases/pond/")
    page.locator(".cg-case textarea").first.fill("先安抚客户情绪。")
    open_progress(page, mini_url)
    assert cell(page, "activity-state", "case:pond") == "进行中"  # its debrief may open, but q2 is not answered yet
    page.goto(f"{mini_url}/cases/pond/")
    page.get_by_label("先关心客户").check()
    page.goto(f"{mini_url}/discussions/calm/")
    page.goto(f"{mini_url}/drills/counter/")
    page.get_by_label("是否主动致歉").check()
    open_progress(page, mini_url)
    assert cell(page, "activity-state", "case:pond") == "已完成"  # every question answered
    assert cell(page, "activity-state", "discussion:calm") == "进行中"  # opened, its checklist not ticked
    assert cell(page, "activity-state", "drill:counter") == "进行中"
    assert page.locator("[data-cg-overall]").inner_text() == f"{100 * 1 // 9}%"  # 2 lectures, 4 activities, 2 quizzes, 1 form

    page.goto(f"{mini_url}/drills/counter/")
    page.get_by_label("是否说明原因").check()
    open_home(page, mini_url)
    assert status(page, "drill:counter") == "已完成"
    assert page.locator("[data-cg-overall]").inner_text() == f"{100 * 2 // 9}%"

    page.goto(f"{mini_url}/scenarios/queue/")
    page.locator(".cg-scene:visible .cg-scene__choice").nth(1).click()  # 说“今天人多”: not yet an ending
    open_home(page, mini_url)
    assert status(page, "scenario:queue") == "进行中"
    page.goto(f"{mini_url}/scenarios/queue/")
    page.locator(".cg-scene:visible .cg-scene__choice").first.click()  # on to the ending
    open_home(page, mini_url)
    assert status(page, "scenario:queue") == "已完成"
    assert page.locator("[data-cg-overall]").inner_text() == f"{100 * 3 // 9}%"


def test_previous_and_next_follow_the_course_order(page: Page, mini_url: str) -> None:
    page.goto(f"{mini_url}/lectures/basics/")
    assert page.locator(".md-footer__link--next").get_attribute("href").endswith("cases/pond/")
    page.goto(f"{mini_url}/quizzes/{BANK}/")
    assert page.locator(".md-footer__link--prev").get_attribute("href").endswith("discussions/calm/")
    assert page.locator(".md-footer__link--next").get_attribute("href").endswith("lectures/practice/")


def test_reset_asks_what_will_be_lost_and_can_be_undone(page: Page, mini_url: str) -> None:
    page.clock.install()
    page.goto(f"{mini_url}/lectures/basics/")
    page.locator("[data-cg-done]").click()
    take_quiz(page, mini_url, right=False)
    open_progress(page, mini_url)
    records = own_keys(page)
    reset = page.get_by_role("button", name="重置学习进度")
    export = page.get_by_role("button", name="导出学习进度")
    assert reset.evaluate("b => getComputedStyle(b).borderTopWidth") == "0px" != export.evaluate("b => getComputedStyle(b).borderTopWidth")
    assert reset.bounding_box()["height"] < export.bounding_box()["height"], "the destructive action is the quiet one"

    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    reset.click()
    assert "1 讲的浏览与完成标记" in asked[0] and "1 个自测的成绩与作答" in asked[0] and "10 秒内可以撤销" in asked[0]
    assert own_keys(page) == records, "dismissed: nothing deleted"

    page.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    assert cell(page, "lecture-done", "basics") == "—" and own_keys(page) == []
    undo = page.get_by_role("button", name="撤销")
    assert page.get_by_text("学习记录已清除。").is_visible() and undo.is_visible()
    undo.click()
    assert page.get_by_text("已撤销，学习记录已恢复。").is_visible()
    assert own_keys(page) == records and cell(page, "lecture-done", "basics") == "✓"
    assert cell(page, "quiz-attempts", BANK) == "1"

    page.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    page.clock.run_for(11_000)
    assert page.get_by_role("button", name="撤销").count() == 0, "the undo lasts a while, not for ever"
    assert page.get_by_text("学习记录已清除。").is_visible()


def test_export_then_clear_then_import_restores_my_progress(page: Page, mini_url: str, tmp_path: Path) -> None:
    page.goto(f"{mini_url}/lectures/basics/")
    page.locator("[data-cg-done]").click()
    take_quiz(page, mini_url, right=True)
    open_progress(page, mini_url)
    best = cell(page, "quiz-best", BANK)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习进度").click()
    backup = tmp_path / "progress.json"
    download.value.save_as(backup)
    exported = json.loads(backup.read_text(encoding="utf-8"))
    assert exported["courseId"] == COURSE and exported["version"]

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重置学习进度").click()
    assert cell(page, "quiz-best", BANK) == "—"
    import_file(page, backup)
    page.get_by_text("学习进度已导入").wait_for()
    assert cell(page, "lecture-done", "basics") == "✓" and cell(page, "quiz-best", BANK) == best
    assert cell(page, "quiz-state", BANK) == "已通过"
    page.reload()
    assert cell(page, "lecture-done", "basics") == "✓"


def import_file(page: Page, file: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="导入学习进度").click()
    chooser.value.set_files(str(file))


def test_import_never_lowers_a_score_or_drops_a_newer_draft(page: Page, mini_url: str, tmp_path: Path) -> None:
    take_quiz(page, mini_url, right=True)
    page.goto(f"{mini_url}/homework/review/")
    page.get_by_label("心得", exact=True).fill("今天新写的心得。")
    page.get_by_text("已保存").first.wait_for()
    open_progress(page, mini_url)
    best = cell(page, "quiz-best", BANK)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习进度").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    older = data["records"]
    older[f"quiz:{BANK}"].update(best=0, attempts=5, passed=False)
    older["form:review"].update(updated_at="2020-01-01T08:00:00+08:00", answers={"reflection": "旧的心得。"})
    (tmp_path / "older.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    import_file(page, tmp_path / "older.json")
    page.get_by_text("学习进度已导入").wait_for()
    assert cell(page, "quiz-best", BANK) == best and cell(page, "quiz-state", BANK) == "已通过"
    assert cell(page, "quiz-attempts", BANK) == "5"
    assert stored(page, "form:review")["answers"]["reflection"] == "今天新写的心得。"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"courseId": "another-course"}, "无法导入：这份文件属于另一门课程（another-course）。"),
        ({"format": "something-else"}, "无法导入：这不是“导出学习进度”保存的文件。"),
    ],
    ids=["another course", "not a progress file"],
)
def test_a_file_of_another_course_or_not_ours_is_refused_with_a_reason(
    page: Page, mini_url: str, tmp_path: Path, change: dict[str, str], reason: str
) -> None:
    page.goto(f"{mini_url}/lectures/basics/")
    open_progress(page, mini_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习进度").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    data["records"]["lecture:basics"]["done"] = "2026-03-12T10:00:00.000Z"
    (tmp_path / "other.json").write_text(json.dumps({**data, **change}), encoding="utf-8")
    import_file(page, tmp_path / "other.json")
    said = page.locator("[data-cg-progress-status]", has_text="无法导入")
    said.wait_for()  # the file is read asynchronously
    assert said.inner_text() == reason
    assert cell(page, "lecture-done", "basics") == "—", "nothing of it was taken"


def test_the_saved_line_shows_the_day_and_the_time(page: Page, mini_url: str) -> None:
    page.clock.set_fixed_time("2026-12-03T08:21:00")
    page.goto(f"{mini_url}/homework/review/")
    page.get_by_label("心得", exact=True).fill("心得")
    page.reload()
    assert page.locator(".cg-form__saved").inner_text() == "已保存（上次保存 12月3日 08:21）"


def test_import_keeps_a_scenario_ending_reached_in_the_other_browser(page: Page, mini_url: str, tmp_path: Path) -> None:
    page.goto(f"{mini_url}/scenarios/queue/")
    page.locator(".cg-scene:visible .cg-scene__choice").first.click()  # straight to the ending
    open_progress(page, mini_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习进度").click()
    download.value.save_as(tmp_path / "progress.json")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重置学习进度").click()
    page.goto(f"{mini_url}/scenarios/queue/")
    page.locator(".cg-scene:visible .cg-scene__choice").nth(1).click()  # this browser: half way
    open_progress(page, mini_url)
    assert cell(page, "activity-state", "scenario:queue") == "进行中"
    import_file(page, tmp_path / "progress.json")
    page.get_by_text("学习进度已导入").wait_for()
    assert cell(page, "activity-state", "scenario:queue") == "已完成"
