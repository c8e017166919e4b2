"""The minified scripts and styles behave as the readable ones: the browser suite runs on the minified build (the
default); here one quiz is taken on a build with ``COURSEGEN_MINIFY=0`` and on the minified one, and a trainee
sees the same on both."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import QUIZ_FIXTURE, serve_built_with_site_url, submit_quiz
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page


@pytest.fixture(scope="module")
def readable_quiz_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The quiz fixture course built with its scripts and styles as written."""
    before = os.environ.get("COURSEGEN_MINIFY")
    os.environ["COURSEGEN_MINIFY"] = "0"
    try:
        served = serve_built_with_site_url(QUIZ_FIXTURE, tmp_path_factory.mktemp("readable"))
        url = next(served)
    finally:
        if before is None:
            del os.environ["COURSEGEN_MINIFY"]
        else:
            os.environ["COURSEGEN_MINIFY"] = before
    yield url
    next(served, None)


def take_single_choice_quiz(page: Page, base: str) -> tuple[str, str, str]:
    """A wrong answer, then a right one after 再做一次: the verdict, the result card and the stylesheet's effect."""
    page.goto(f"{base}/quizzes/quiz-single/")
    page.locator(".cg-quiz .cg-q").first.wait_for()
    page.get_by_label("绿色").check()
    submit_quiz(page)
    page.get_by_role("button", name="再做一次").click()
    page.get_by_label("蓝色").check()
    submit_quiz(page)
    verdict = page.locator(".cg-q__verdict").first.inner_text()
    card = page.locator(".cg-quiz__result").inner_text()
    border = page.locator(".cg-q").first.evaluate("el => getComputedStyle(el).borderTopStyle")  # cg-quiz.css applied
    return verdict, card, border


def test_a_quiz_on_the_readable_build_behaves_as_on_the_minified_one(page: Page, quiz_url: str, readable_quiz_url: str) -> None:
    readable = take_single_choice_quiz(page, readable_quiz_url)
    minified = take_single_choice_quiz(page, quiz_url)  # another address: its own storage, a first attempt again
    assert readable == minified
    assert readable[0] == "✓ 回答正确 · 得 2 / 2 分" and "最好成绩 100% · 已作答 2 次" in readable[1] and readable[2] == "solid"
    readable_js = page.request.get(f"{readable_quiz_url}/assets/coursegen/cg-quiz.js").text()
    minified_js = page.request.get(f"{quiz_url}/assets/coursegen/cg-quiz.js").text()
    assert readable_js == (ROOT / "generator" / "assets" / "cg-quiz.js").read_text(encoding="utf-8")
    assert len(minified_js) < 0.7 * len(readable_js)
