"""An authoring session in coursegen studio, in a real browser against the real ``coursegen studio`` (uvicorn in
front of the engine's live preview, MkDocs or, with COURSEGEN_ENGINE=zensical, Zensical): a trainer who never
types YAML makes a lecture, edits it in the form, meets a mistake at its field, undoes, and builds the site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml


pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page
WIDTHS = [1280, 375]
SLOW = 120_000
"""Milliseconds to wait for a save to reach the preview: an event, waited for; the deadline is for a hang."""


def _editor(page: Page, width: int) -> None:
    """At a phone's width the editor covers the page: show it."""
    if width < 900:
        page.click("#cgs-show-editor")


def _preview(page: Page, width: int) -> None:
    """At a phone's width the page and the editor take turns: show the page."""
    if width < 900:
        page.click("#cgs-show-page")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_trainer_writes_a_lecture_without_yaml(page: Page, studio: tuple[str, Path], width: int) -> None:
    address, project = studio
    page.set_viewport_size({"width": width, "height": 900})
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else None)
    page.goto(address)
    assert "secret=" not in page.url  # the secret leaves the address bar
    frame = page.frame_locator("#cg-studio-page")
    frame.locator("h1").first.wait_for()

    # A new lecture from its template: its id from the title, listed last in course.yml, shown in the preview.
    page.click("#cgs-new")
    page.select_option("#cgs-new-kind", "lecture")
    page.fill("#cgs-new-title", "可疑交易识别")
    page.click("#cgs-new-create")
    lecture = project / "course" / "lectures" / "02-ke-yi-jiao-yi-shi-bie.yml"
    page.locator("#cgs-status-text").filter(has_text="已新建").wait_for()
    assert lecture.is_file()
    assert yaml.safe_load((project / "course" / "course.yml").read_text(encoding="utf-8"))["lectures"][-1] == "lectures/02-ke-yi-jiao-yi-shi-bie.yml"
    _preview(page, width)
    frame.locator("h1", has_text="可疑交易识别").wait_for(timeout=SLOW)

    # The form, not YAML: change the title, save, and the preview follows.
    _editor(page, width)
    title = page.get_by_label("讲次标题", exact=False).first
    title.wait_for()
    title.fill("可疑交易的识别与报告")
    title.press("Tab")
    page.click("#cgs-save")
    page.locator("#cgs-status-text").filter(has_text="已保存").wait_for()
    assert yaml.safe_load(lecture.read_text(encoding="utf-8"))["title"] == "可疑交易的识别与报告"
    _preview(page, width)
    frame.locator("h1", has_text="可疑交易的识别与报告").wait_for(timeout=SLOW)

    # A mistake is shown at its field, in Chinese, and nothing is saved.
    _editor(page, width)
    before = lecture.read_bytes()
    title.fill("")
    title.press("Tab")
    page.click("#cgs-save")
    page.locator("#cgs-status-text").filter(has_text=re.compile("未保存|没有保存")).wait_for()
    assert lecture.read_bytes() == before
    described = title.get_attribute("aria-describedby") or ""
    messages = " ".join(page.locator(f"#{name}").inner_text() for name in described.split() if page.locator(f"#{name}").count())
    assert title.get_attribute("aria-invalid") == "true"
    assert re.search(r"[\u4e00-\u9fff]", messages), messages

    # Fixed, saved, then undone: the file is back as the save found it.
    title.fill("可疑交易识别要点")
    title.press("Tab")
    page.click("#cgs-save")
    page.locator("#cgs-status-text").filter(has_text="已保存").wait_for()
    assert yaml.safe_load(lecture.read_text(encoding="utf-8"))["title"] == "可疑交易识别要点"
    page.click("#cgs-undo")
    page.locator("#cgs-status-text").filter(has_text="已撤销").wait_for()
    assert lecture.read_bytes() == before

    # The source view: the same file, coloured, with the check's message at its line while typing.
    page.click("#cgs-tab-source")
    source = page.locator("#cgs-view-source .cm-content")
    source.wait_for()
    assert "可疑交易的识别与报告" in source.inner_text()

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not outside, outside

    # The trainee site has what the studio wrote.
    built = subprocess.run([sys.executable, "-m", "coursegen", "build"], cwd=project, capture_output=True, text=True, check=False,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode == 0, built.stderr
    assert "可疑交易的识别与报告" in (project / "site" / "lectures" / "ke-yi-jiao-yi-shi-bie" / "index.html").read_text(encoding="utf-8")
