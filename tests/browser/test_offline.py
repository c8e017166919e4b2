"""No outside requests, ever: every page of the example site served on 127.0.0.1 is visited with a request
log; and the --offline build is used from file:// (navigation, search, a quiz, progress, the review of mistakes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import submit_quiz

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page


def test_every_page_of_the_site_requests_only_its_own_host(page: Page, site_url: str, example_site: Path) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    pages = sorted(p.relative_to(example_site).as_posix() for p in example_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page.goto(f"{site_url}/{path}", wait_until="load")
    page.locator(".md-search__input").click()  # the search index loads lazily
    page.locator(".md-search__input").fill("投诉")
    page.locator(".md-search__input").press("End")
    page.locator("[data-cg-search][data-shown=投诉]").wait_for(state="attached")
    hosts = {urlsplit(url).hostname for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}
    assert any("/assets/coursegen/search/meta.js" in url for url in requested)


def test_offline_site_works_opened_from_the_file_system(page: Page, offline_site: Path) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site / "index.html").as_uri())

    page.locator(".md-nav--primary").get_by_role("link", name="课程安排").click()
    page.wait_for_url("**/agenda.html")
    assert page.get_by_role("heading", name="课程安排").is_visible()

    box = page.locator(".md-search__input")
    box.click()
    box.fill("防滑条")
    box.press("End")
    page.locator("[data-cg-search][data-shown=防滑条]").wait_for(state="attached")
    assert page.locator(".md-search-result__meta").inner_text() == "找到 1 个符合条件的结果"
    result = page.locator(".md-search-result__link").first
    assert result.get_attribute("href").split("#")[0].endswith("cases/chizi-event.html?mark=%E9%98%B2%E6%BB%91%E6%9D%A1")
    result.click()
    page.locator(".md-content article mark", has_text="防滑条").first.wait_for()  # the page opened marks the query

    page.goto((offline_site / "lectures" / "service-front.html").as_uri())
    page.locator("[data-cg-done]").click()
    page.goto((offline_site / "quizzes" / "quiz-service-front.html").as_uri())
    page.get_by_label("产品、价格、渠道").check()
    submit_quiz(page)
    assert "✗ 回答错误" in page.locator(".cg-q__verdict").first.inner_text()
    page.goto((offline_site / "progress.html").as_uri())
    assert page.locator('[data-cg-cell="lecture-done"][data-cg-id="service-front"]').inner_text() == "✓"
    assert page.locator('[data-cg-cell="quiz-attempts"][data-cg-id="quiz-service-front"]').inner_text() == "1"
    page.goto((offline_site / "review.html").as_uri())  # its questions come from a script it loads itself
    assert page.locator("[data-cg-review-count]").inner_text() == "错题本中共有 1 道题。"
    assert page.locator(".cg-review__quiz").get_by_text("本章从“三维视角”观察投诉管理的外部环境").is_visible()

    assert {urlsplit(url).scheme for url in requested if not url.startswith(("data:", "blob:"))} == {"file"}
    assert errors == []
