"""A trainer edits the course trainees are already taking: after the rebuild, everything that did not change keeps
its progress and drafts, an edited quiz keeps its record marked （题目修改前） and starts a fresh attempt, and a
progress file exported before the edit still imports.

The example course is built twice (before and after the edit) and served from one address, whose folder is switched
from the first build to the second: localStorage belongs to the address, as it does for a site rebuilt in place.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from coursegen.builder import Paths, build
from tests.browser.conftest import submit_quiz, turn_to
from tests.browser import test_a11y
from tests.browser.test_a11y import violations
from tests.browser.test_cases import DRILL, WRITTEN
from tests.browser.test_progress import COURSE, LECTURE, QUIZ, WRONG, cell, open_progress, things_to_complete
from tests.conftest import ROOT, _QuietHandler

pytestmark = [pytest.mark.browser, pytest.mark.node("axe-core")]

Page = Any  # playwright.sync_api.Page

axe = test_a11y.axe  # the fixture: axe-core's script

EDITED_LECTURE = "escalation-taboos"
EDITS = {  # file: (text before, text after)
    "quizzes/quiz-service-front.yml": ("这三个维度是：", "这三个维度分别是："),
    "course/lectures/02-escalation-taboos.yml": ("识别八种导致抱怨升级的处理方式", "识别八种会让抱怨升级的处理方式"),
}
FORM = "course-evaluation"
REMOVED_FIELD = "comments"  # 意见与建议, taken out of the form by the edit
COMMENT = "案例很实用，希望多一些演练。"
WRITTEN_ANSWER = "先关心客户伤情，再当天回访"
IMPORTED = "学习进度已导入：合并了 {n} 项记录（成绩只增不减，较新的作业草稿保留）。其中 1 个自测的成绩来自题目修改前的版本，已标为“题目修改前”。"


class _Fresh(_QuietHandler):
    """Never cached: after the switch to the second build, every file the browser asks for is the new one."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class Versions:
    """The example course before and after the trainer's edit, served at one address."""

    def __init__(self, root: Path) -> None:
        self.live = root / "live"
        self.before = self._build(root / "before", edit=False)
        self.after = self._build(root / "after", edit=True)

    @staticmethod
    def _build(out: Path, *, edit: bool) -> Path:
        shutil.copytree(ROOT / "course", out / "course")
        shutil.copytree(ROOT / "quizzes", out / "quizzes")
        if edit:
            for name, (old, new) in EDITS.items():
                text = (out / name).read_text(encoding="utf-8")
                assert old in text
                (out / name).write_text(text.replace(old, new), encoding="utf-8")
            form = out / "course" / "homework" / f"{FORM}.yml"
            text = form.read_text(encoding="utf-8")
            form.write_text(re.sub(rf"  - id: {REMOVED_FIELD}\n(    .*\n)+", "", text), encoding="utf-8")
        build(Paths(config=ROOT / "mkdocs.yml", course=out / "course", quizzes=out / "quizzes", work=out / ".work"), out / "site")
        return out / "site"

    def show(self, site: Path) -> None:
        """Serve ``site`` from now on, as a rebuild into the same folder does."""
        self.live.unlink(missing_ok=True)
        self.live.symlink_to(site, target_is_directory=True)


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Versions, str]]:
    served = Versions(tmp_path_factory.mktemp("keep"))
    served.show(served.before)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Fresh, directory=str(served.live)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def sized(page: Page, request: pytest.FixtureRequest) -> Page:
    page.set_viewport_size({"width": request.param, "height": 800})
    return page


def stored(page: Page, key: str) -> Any:
    return json.loads(page.evaluate(f"localStorage.getItem('coursegen:{COURSE}:{key}')") or "null")


def study_before_the_edit(page: Page, url: str) -> str:
    """Two lectures marked done (one of them edited later), a wrong answer checked on the quiz that is edited later,
    a case answered, a drill's checklist ticked and the form's comment written. Returns the quiz's score as its result card said it."""
    for lecture in (LECTURE, EDITED_LECTURE):
        page.goto(f"{url}/lectures/{lecture}/")
        page.locator("[data-cg-done]").click()
    page.goto(f"{url}/quizzes/{QUIZ}/")
    page.get_by_label(WRONG).check()
    submit_quiz(page)
    result = page.locator(".cg-quiz__result", has_text="还未通过").inner_text()
    page.goto(f"{url}/cases/{WRITTEN.id}/")
    question = next(q for q in WRITTEN.questions if not q.options)
    page.locator(f"#cg-case-{WRITTEN.id}-{question.id}").fill(WRITTEN_ANSWER)
    page.goto(f"{url}/drills/{DRILL.id}/")
    page.locator(".cg-checklist").get_by_label(DRILL.observer_checklist[0]).check()
    page.goto(f"{url}/homework/{FORM}/")
    form = page.locator("form.cg-form")
    form.locator(".cg-rating[data-item=practicality] input[value='5']").check()
    form.get_by_label("意见与建议").fill(COMMENT)
    page.locator(".cg-form__saved", has_text="已保存").wait_for()
    return re.search(r"得分 (\d+)%", result).group(1)  # type: ignore[union-attr]


def export(page: Page, url: str, to: Path) -> Path:
    open_progress(page, url)
    with page.expect_download() as download:
        page.get_by_role("button", name="导出学习进度").click()
    download.value.save_as(to)
    return to


def test_after_an_edit_the_changed_quiz_keeps_its_record_and_everything_else_stays(
    sized: Page, versions: tuple[Versions, str], axe: Path, tmp_path: Path
) -> None:
    page, (served, url) = sized, versions
    served.show(served.before)
    score = study_before_the_edit(page, url)
    saved = export(page, url, tmp_path / "progress.json")

    served.show(served.after)
    page.goto(f"{url}/lectures/{EDITED_LECTURE}/")
    assert page.get_by_text("识别八种会让抱怨升级的处理方式").is_visible()  # the rebuilt site is the one shown
    assert page.locator("[data-cg-done]").inner_text() == "✓ 本讲已完成（点击撤销）"  # an edited lecture keeps its mark

    page.goto(f"{url}/quizzes/{QUIZ}/")
    page.locator(".cg-quiz .cg-q").first.wait_for()
    assert page.get_by_text(f"题目修改前：最好成绩 {score}% · 已作答 1 次（修改后的题目需要重新作答）").is_visible()
    assert not page.get_by_label(WRONG).is_checked(), "an answer to the old question is never graded against the new key"
    turn_to(page, page.locator(".cg-quiz .cg-q").count() - 1)  # on a phone, 提交答案 is on the last question's screen
    assert page.get_by_role("button", name="提交答案").is_visible()  # a fresh attempt, not a checked one
    assert violations(page, axe) == []

    open_progress(page, url)
    assert cell(page, "lecture-done", LECTURE) == "✓" and cell(page, "lecture-done", EDITED_LECTURE) == "✓"
    assert (cell(page, "quiz-best", QUIZ), cell(page, "quiz-attempts", QUIZ), cell(page, "quiz-state", QUIZ)) == (
        f"{score}%（题目修改前）", "1（题目修改前）", "未通过（题目修改前）")
    assert cell(page, "homework-state", FORM) == "草稿已保存，未导出"
    assert violations(page, axe) == []

    page.goto(f"{url}/review/")
    review = page.locator("[data-cg-review]")
    assert review.locator("[data-cg-review-count]").inner_text() == "错题本中共有 1 道题。"  # the mistake stays
    assert review.locator(".cg-review__changed").inner_text() == "这道题在你答错之后有修改，请按现在的题目作答。"
    assert review.get_by_text("这三个维度分别是：").is_visible()  # asked as it is now
    assert violations(page, axe) == []

    page.goto(f"{url}/cases/{WRITTEN.id}/")
    question = next(q for q in WRITTEN.questions if not q.options)
    assert page.locator(f"#cg-case-{WRITTEN.id}-{question.id}").input_value() == WRITTEN_ANSWER
    page.goto(f"{url}/drills/{DRILL.id}/")
    assert page.locator(".cg-checklist").get_by_label(DRILL.observer_checklist[0]).is_checked()
    page.goto(f"{url}/homework/{FORM}/")
    form = page.locator("form.cg-form")
    assert form.locator(".cg-rating[data-item=practicality] input[value='5']").is_checked()
    assert form.get_by_label("意见与建议").count() == 0
    form.locator(".cg-rating[data-item=overall] input[value='4']").check()  # the trainee goes on with the form
    page.locator(".cg-form__saved", has_text="已保存").wait_for()
    assert stored(page, f"form:{FORM}")["answers"][REMOVED_FIELD] == COMMENT, "the removed question's text is kept"
    removed = form.locator(".cg-form__removed")
    removed.get_by_text("这份作业改版时删去了一些问题：你在其中写过的 1 段内容仍保存在本机").click()
    assert removed.locator("blockquote").inner_text() == COMMENT  # shown, not only kept
    assert violations(page, axe) == []

    # The file exported before the edit, imported into a browser that has nothing: merged, not refused.
    page.evaluate("localStorage.clear()")
    open_progress(page, url)
    page.locator("[data-cg-import]").set_input_files(saved)
    expect(page.locator("[data-cg-progress-status]")).to_have_text(re.compile("^" + re.escape(IMPORTED).replace(r"\{n\}", r"\d+") + "$"))
    assert cell(page, "lecture-done", EDITED_LECTURE) == "✓"
    assert cell(page, "quiz-best", QUIZ) == f"{score}%（题目修改前）"
    page.goto(f"{url}/quizzes/{QUIZ}/")
    page.locator(".cg-quiz .cg-q").first.wait_for()
    assert page.get_by_text(f"题目修改前：最好成绩 {score}% · 已作答 1 次").is_visible()
    assert not page.get_by_label(WRONG).is_checked()


def test_a_file_from_a_newer_build_is_merged_as_far_as_this_build_understands_it(page: Page, versions: tuple[Versions, str], tmp_path: Path) -> None:
    """The other way round from the edit: a lecture this build does not have yet, the quiz in another version."""
    served, url = versions
    served.show(served.before)
    open_progress(page, url)
    newer = tmp_path / "newer.json"
    added = {"visited": "2026-03-12T09:00:00.000Z", "done": "2026-03-12T09:30:00.000Z"}
    quiz = {"v": 1, "hash": "fedcba9876543210", "attempts": 3, "best": 70, "last": 70, "passed": True, "answers": {}, "results": {}}
    newer.write_text(json.dumps({"format": "coursegen-progress", "formatVersion": 1, "courseId": COURSE, "version": "newer",
                                 "records": {"lecture:added-later": added, f"quiz:{QUIZ}": quiz}}), encoding="utf-8")
    page.locator("[data-cg-import]").set_input_files(newer)
    expect(page.locator("[data-cg-progress-status]")).to_have_text(IMPORTED.format(n=2))
    assert (cell(page, "quiz-best", QUIZ), cell(page, "quiz-state", QUIZ)) == ("70%（题目修改前）", "已通过（题目修改前）")
    assert stored(page, "lecture:added-later") == added, "kept for the build that has the lecture"


def test_a_quiz_passed_before_the_edit_still_counts_as_passed(sized: Page, site_url: str, axe: Path) -> None:
    """The decision the guide states: an edit never takes a trainee's completion away; a new attempt is offered."""
    page, quiz = sized, "quiz-escalation-taboos"
    page.goto(f"{site_url}/")
    earlier = {"v": 1, "hash": "0123456789abcdef", "attempts": 2, "best": 90, "last": 90, "passed": True,
               "answers": {}, "results": {}, "updated": "2026-03-01T09:00:00.000Z"}
    page.evaluate(f"v => localStorage.setItem('coursegen:{COURSE}:quiz:{quiz}', JSON.stringify(v))", earlier)
    open_progress(page, site_url)
    assert (cell(page, "quiz-best", quiz), cell(page, "quiz-state", quiz)) == ("90%（题目修改前）", "已通过（题目修改前）")
    assert page.locator("[data-cg-overall]").inner_text() == f"{100 // things_to_complete(page)}%"
    page.goto(f"{site_url}/")
    status = page.locator(f'[data-cg-status="quiz:{quiz}"]')
    assert status.inner_text() == "已通过（题目修改前）"
    box, screen = status.bounding_box(), page.viewport_size["width"]
    assert box["x"] + box["width"] <= screen, "the longer status stays within a phone's screen"
    assert violations(page, axe) == []
    # A lecture page loads no quiz versions (cg-versions.js) and cannot tell the edit: its menu marks the quiz done all the same.
    page.goto(f"{site_url}/lectures/escalation-taboos/")
    mark = page.locator(f'.md-nav--primary a[href$="quizzes/{quiz}/"] .cg-navmark')
    expect(mark.locator("[aria-hidden]")).to_have_text("✓")
    expect(mark.locator(".cg-visually-hidden")).to_contain_text("已通过")
