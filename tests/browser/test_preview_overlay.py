"""`coursegen serve` in a real browser: a broken save shows its problems over the open page, exactly as the
terminal prints them, the last good page stays under them, and the fix takes them away and shows the edit.

No test code reloads the page: MkDocs' livereload must do it on its own, as it does for the trainer. Every
wait is Playwright's, against a deadline far beyond a rebuild of the small fixture course.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.serving import edit, start_serving, wait_for

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

BROKEN = "course/lectures/01-basics.yml:3:1: 不认识的键 `titel`"
OVERLAY = "#cg-preview-overlay"
RELOAD_MS = 60_000


def test_a_broken_save_shows_the_overlay_over_the_last_good_page_and_the_fix_removes_it(page: Page, tmp_path: Path) -> None:
    server, log, url, lecture = start_serving(tmp_path)
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if urlsplit(request.url).hostname != "127.0.0.1" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        page.goto(url)
        page.wait_for_function("window.coursegenPreview && window.coursegenPreview.problems.length === 0")
        assert page.locator(OVERLAY).count() == 0

        before = log.mark()
        edit(lecture, "title: 基础", "titel: 基础")
        overlay = page.locator(OVERLAY)
        overlay.wait_for(state="visible", timeout=RELOAD_MS)
        assert overlay.locator(".cg-preview-text").all_inner_texts() == [BROKEN]
        assert overlay.locator(".cg-preview-hint").inner_text() == "提示：是不是想写 `title`？"
        assert "课程文件有 1 处问题" in overlay.inner_text()
        assert log.wait_for(BROKEN, since=before), "the terminal and the browser must tell the same"
        assert page.locator("article").get_by_text("投诉的来源").first.is_visible(), "the last good page is gone"

        edit(lecture, "titel: 基础", "title: 基础")
        edit(lecture, "投诉的来源", "投诉从哪里来")
        overlay.wait_for(state="detached", timeout=RELOAD_MS)
        page.locator("article").get_by_text("投诉从哪里来").first.wait_for(timeout=RELOAD_MS)
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert outside == [], "the preview asked an outside host"
    assert errors == []


def test_the_overlay_can_be_closed_to_read_the_page_under_it(page: Page, tmp_path: Path) -> None:
    server, _log, url, _lecture = start_serving(tmp_path, prepare=lambda lecture: edit(lecture, "title: 基础", "titel: 基础"))
    home = url.removesuffix("lectures/basics/")
    try:
        assert wait_for(home, BROKEN), "no page lists the problems of a course broken at start"
        page.goto(home)
        overlay = page.locator(OVERLAY)
        overlay.wait_for(state="visible")
        assert overlay.locator(".cg-preview-text").all_inner_texts() == [BROKEN]
        assert "课程还没有成功生成过" in overlay.inner_text()
        overlay.get_by_role("button", name="关闭").click()
        overlay.wait_for(state="detached")
        assert page.locator("article").get_by_text(BROKEN).is_visible(), "the error page lists the problem itself"
    finally:
        server.terminate()
        server.wait(timeout=20)
