"""What a trainee sees around the search results (issue 30, "Search"), at desktop and phone width, on MkDocs and
(``COURSEGEN_ENGINE=zensical``) Zensical: a page's further hits open as Material's own "N more" line does, the page
opened from a result marks the query, and the dialog, its icons, the header's search box and the menu's arrows
look as they do in Material."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.test_search import CHIZI, HOME, SERVICE_FRONT, search

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page
Browser = Any  # playwright.sync_api.Browser

WIDTHS = [1280, 375]
MARGIN = 8
"""Pixels at least between a line of text and the edge of the screen."""


def open_search(page: Page, url: str, width: int) -> None:
    """``url`` at ``width`` with the search dialog open, as a trainee opens it: the header's box, or on a phone
    the header's magnifier."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url)
    if width < 1000:
        page.locator("label.md-header__button[for=__search]").click()
    page.locator(".md-search__input").click()


def text_box(page: Page, selector: str) -> dict[str, float]:
    """Where the text of the first ``selector`` stands on screen (not its box, which may run edge to edge)."""
    box: dict[str, float] = page.locator(selector).first.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el); const b = r.getBoundingClientRect();"
        " return {left: b.left, right: b.right, width: b.width}; }")
    return box


@pytest.mark.parametrize("width", WIDTHS)
def test_the_more_results_on_a_page_open_as_materials_line_does_and_fit_the_screen(page: Page, site_url: str,
                                                                                    width: int) -> None:
    open_search(page, f"{site_url}/{SERVICE_FRONT}", width)
    pages = search(page, site_url, "投诉")
    first = page.locator(".md-search-result__item").first
    assert pages[0] == SERVICE_FRONT
    more = first.locator("details.md-search-result__more")
    line = more.locator("summary > div")
    count = int(re.fullmatch(r"在该页上还有 (\d+) 个符合条件的结果", line.inner_text())[1])  # type: ignore[index]
    assert count > 1 and not more.locator(".md-search-result__link").count(), "closed, as Material's"
    text = text_box(page, ".md-search-result__more > summary > div")
    screen = page.evaluate("document.documentElement.clientWidth")
    assert MARGIN <= text["left"] and text["right"] <= screen - MARGIN, (text, screen)

    line.click()
    page.locator(".md-search-result__more[open][data-filled]").first.wait_for()
    shown = more.locator(".md-search-result__link")
    assert shown.count() == count
    hrefs = [shown.nth(i).get_attribute("href") or "" for i in range(count)]
    assert all(f"/{SERVICE_FRONT}?mark=" in h and "#" in h for h in hrefs), hrefs
    assert len(set(hrefs)) == count, "each further section of the page once"
    last = shown.nth(count - 1)
    last.scroll_into_view_if_needed()
    assert last.is_visible() and last.locator("mark").count()
    box = last.locator("h2").bounding_box()
    assert box is not None and box["x"] >= MARGIN and box["x"] + box["width"] <= screen


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("query", "address", "marked"), [
    ("湿滑", CHIZI, "湿滑"),
    ("ｉｓｅ", HOME, "ISE"),  # full-width letters and case folded, as the search folds them
    ("后台 核查", "cases/secondary-escalation/", "核查"),  # every word of the query
])
def test_the_page_opened_from_a_result_marks_the_query(page: Page, site_url: str, width: int, query: str,
                                                       address: str, marked: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_search(page, f"{site_url}/{SERVICE_FRONT}", width)
    assert search(page, site_url, query)[0] == address
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(f"{site_url}/{address}?mark=**")
    marks = page.locator(".md-content article mark")
    marks.first.wait_for()
    texts = set(marks.all_inner_texts())
    assert marked in texts and texts <= {marked, *query.upper().split(), *query.split()}, texts
    assert any(marks.nth(i).is_visible() for i in range(marks.count()))
    assert not page.locator(".md-content article :is(script, textarea, button, .cg-quiz, mark) mark").count()
    assert not errors


def test_a_quiz_opened_from_its_option_still_works_and_nothing_hidden_is_marked(page: Page, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/quizzes/quiz-service-front/?mark=%E6%81%AF%E4%BA%8B%E5%AE%81%E4%BA%BA")  # ?mark=息事宁人
    option = page.locator(".cg-quiz").get_by_text("息事宁人，尽快结案")
    option.wait_for()
    option.click()
    assert page.locator(".cg-quiz input:checked").count() == 1, "the widget answers as ever"
    assert not page.locator("[hidden] mark, .cg-quiz mark").count()
    assert not errors


def test_a_page_opened_without_a_query_marks_nothing(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/{CHIZI}")
    page.locator(".md-content article h1").wait_for()
    assert not page.locator(".md-content article mark").count()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_search_dialog_fits_a_phone_and_the_header(browser: Browser, site_url: str, width: int) -> None:
    """On a phone (a mobile viewport, which widens to whatever the page holds) Zensical's page grew sideways under
    the open dialog: the results panel was about 988 px wide and cut off, its clear button off the screen."""
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800},
                                  is_mobile=width < 1000, has_touch=width < 1000)
    page = context.new_page()
    try:
        open_search(page, f"{site_url}/{SERVICE_FRONT}", width)
        search(page, site_url, "投诉")
        assert page.evaluate("window.innerWidth") == width, "the page does not grow sideways"
        for part in (".md-search__output", ".md-search__options button[type=reset]", ".md-search-result__meta"):
            box = page.locator(part).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (part, box)
        assert page.locator(".md-search__options button[type=reset]").is_visible()
        page.keyboard.press("Escape")
        assert not page.locator("#__search").is_checked()
        assert page.evaluate("document.body.hasAttribute('data-md-scrolllock')") is False
    finally:
        context.close()


def test_result_icons_are_drawn_and_the_search_box_stands_at_the_header_right(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}/{SERVICE_FRONT}")
    box = page.locator(".md-search__form").bounding_box()
    screen = page.evaluate("document.documentElement.clientWidth")
    assert box is not None and screen - (box["x"] + box["width"]) < 48, (box, screen)  # Material's: 34 px
    search(page, site_url, "投诉")
    icon = page.locator(".md-search-result__icon").first
    assert icon.is_visible()
    mask = icon.evaluate("el => getComputedStyle(el, '::after').maskImage || getComputedStyle(el, '::after').webkitMaskImage")
    assert mask.startswith('url("data:image/svg+xml'), "a page icon, not a grey square"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_section_of_the_menu_shows_its_arrow(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site_url}/")
    if width < 1000:
        page.locator("label.md-header__button[for=__drawer]").click()
    sections = page.locator(".md-nav--primary .md-nav__item--nested > a.md-nav__link")
    names = [n.strip() for n in sections.all_inner_texts()]
    assert "案例" in names and "课程内容" in names, names
    for i, name in enumerate(names):
        link = sections.nth(i)
        assert link.is_visible(), name
        arrow = link.evaluate(
            "a => { const icon = a.querySelector('.md-nav__icon'); const s = getComputedStyle(icon || a, icon ? '::after' : '::after');"
            " const box = (icon || a).getBoundingClientRect();"
            " return {mask: s.maskImage || s.webkitMaskImage, width: parseFloat(s.width), right: box.right}; }")
        assert arrow["mask"].startswith('url("data:image/svg+xml') and arrow["width"] >= 14, (name, arrow)
