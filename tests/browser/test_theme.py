"""The theme as a trainee and a trainer see it: no English UI on a Chinese site, heading links that stay on
their title's line at phone width, the trainer edition's badge, colour and answer toggles, a styled offline 404.

coursegen's Material overrides (generator/theme/main.html) edit Material's rendered header: should Material's
markup change, the badge and search-dialog tests here fail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, serve_folder

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

ALLOWED = {"SCORM", "HR", "PDF", "Word", "docx", "md", "Markdown", "Excel", "JavaScript", "Edge", "Chrome",
           *"ABCDEFGH"}
"""English a Chinese trainee may meet in the site's own texts: names of products and file formats, and the letters
that label choices (选 A：转到第 4 幕), as a Chinese exam paper labels them."""

VISIBLE_TEXT = """() => {
  const texts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))
    for (const name of ['title', 'aria-label', 'placeholder', 'alt'])
      if (el.hasAttribute(name)) texts.push(el.getAttribute(name));
  return texts.join('\\n');
}"""
"""What a trainee reads on the page, or hears from a screen reader: its text, tooltips and accessible names."""


def course_words() -> set[str]:
    """English the trainer wrote into the course itself (an instructor's ISE title): content, not UI."""
    text = "\n".join(p.read_text(encoding="utf-8") for folder in ("course", "quizzes") for p in (ROOT / folder).rglob("*.yml"))
    return set(re.findall(r"[A-Za-z]+", text))


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_no_trainee_page_of_a_chinese_course_shows_english(page: Page, site_url: str, example_site: Path) -> None:
    allowed = ALLOWED | course_words()
    english: dict[str, set[str]] = {}
    pages = site_pages(example_site)
    assert "404.html" in pages and len(pages) > 20
    for path in pages:
        page.goto(f"{site_url}/{path}", wait_until="networkidle")  # the widgets have drawn themselves
        for word in re.findall(r"[A-Za-z]+", page.evaluate(VISIBLE_TEXT)):
            if word not in allowed:
                english.setdefault(word, set()).add(path)
    page.goto(f"{site_url}/")
    page.locator(".md-search__input").click()  # the search dialog's own texts
    page.locator(".md-search__input").fill("投诉")
    page.locator(".md-search__input").press("End")
    page.locator(".md-search-result__meta").filter(has_text="结果").wait_for()
    for word in re.findall(r"[A-Za-z]+", page.evaluate(VISIBLE_TEXT)):
        if word not in allowed:
            english.setdefault(word, set()).add("search")
    assert english == {}


@pytest.fixture(scope="session")
def trainer_url(trainer_site: Path) -> Iterator[str]:
    yield from serve_folder(trainer_site)


def test_the_trainer_badge_is_in_every_trainer_page_and_in_no_trainee_page(example_site: Path, trainer_site: Path) -> None:
    badge = '<span class="cg-edition-badge">讲师版</span><div class="md-header__title"'
    for path in site_pages(trainer_site):
        html = (trainer_site / path).read_text(encoding="utf-8")
        assert badge in html and 'data-md-color-primary="brown"' in html, path
    for path in site_pages(example_site):
        html = (example_site / path).read_text(encoding="utf-8")
        assert "cg-edition-badge" not in html and 'data-md-color-primary="brown"' not in html, path


@pytest.mark.parametrize("width", [375, 1280])
def test_the_trainer_edition_looks_different(browser: Any, width: int, site_url: str, trainer_url: str) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/lectures/service-front/")
    trainee_header = page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    for path in ("", "lectures/service-front/", "quizzes/quiz-service-front/"):
        page.goto(f"{trainer_url}/{path}")
        badge = page.locator("header .cg-edition-badge")
        assert badge.is_visible() and badge.inner_text() == "讲师版"
        box, header = badge.bounding_box(), page.locator(".md-header").bounding_box()
        assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"]  # inside the bar
        assert page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor") != trainee_header
    page.goto(f"{trainer_url}/")
    assert page.get_by_text("讲师版：请勿分享给学员").is_visible()
    context.close()


def test_answers_sit_under_each_question_behind_a_toggle_and_all_print(page: Page, trainer_url: str, site_url: str) -> None:
    page.goto(f"{trainer_url}/quizzes/quiz-service-front/")
    first = page.locator(".cg-key").first
    assert "本章从“三维视角”观察投诉管理的外部环境" in first.inner_text()
    feedback = first.get_by_text("正确。三者的变化共同抬高了投诉处理的要求。")
    assert not feedback.is_visible()
    first.get_by_text("显示答案").click()
    assert feedback.is_visible()
    hidden = page.locator(".cg-key__answer:not([open])")
    assert hidden.count() == page.locator(".cg-key").count() - 1
    page.emulate_media(media="print")
    assert all(p.is_visible() for p in page.locator(".cg-key__answer:not([open]) p").all())
    assert not page.get_by_text("显示答案").first.is_visible()

    page.emulate_media(media="screen")
    page.goto(f"{trainer_url}/quizzes/final-assessment/")
    banks = page.locator(".cg-answer-key h3")
    assert banks.count() == 5  # the final assessment draws from every bank: any question may come up
    page.goto(f"{trainer_url}/agenda/")
    assert page.locator(".admonition").filter(has_text="讲师备注").get_by_text("先用 5 分钟串讲五讲的要点").count() == 1

    for path in ("quizzes/quiz-service-front/", "quizzes/final-assessment/", "agenda/"):
        page.goto(f"{site_url}/{path}")
        assert page.locator(".cg-answer-key, .cg-key, .cg-edition-badge").count() == 0
        assert "讲师备注" not in page.locator("body").inner_text()


HEADING_LINK_ALONE = """widths => {
  const found = [];
  for (const h of document.querySelectorAll('.md-typeset h1, .md-typeset h2')) {
    const link = h.querySelector('.headerlink'), text = link.previousSibling;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    for (const width of widths) {
      h.style.width = width ? width + 'px' : '';
      const last = document.createRange();
      last.setStart(text, text.length - 1);
      last.setEnd(text, text.length);
      if (link.getClientRects()[0].top > last.getBoundingClientRect().top + 2) found.push(h.id + ' at ' + (width || 'page') + ' px');
    }
    h.style.width = '';
  }
  return found;
}"""
"""Headings whose link (¶) starts a line of its own, at the page's width and at each of ``widths``."""


def test_a_heading_link_never_wraps_onto_its_own_line(browser: Any, site_url: str, example_site: Path) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    lectures = sorted(p.parent.name for p in (example_site / "lectures").glob("*/index.html"))
    for index, lecture in enumerate(lectures):
        page.goto(f"{site_url}/lectures/{lecture}/")
        widths = list(range(120, 340)) if index == 0 else [0]  # every line length for one page, the phone for all
        assert page.evaluate(HEADING_LINK_ALONE, widths) == [], lecture
    context.close()


def test_the_offline_404_page_is_styled_and_chinese(page: Page, offline_site: Path) -> None:
    page.goto((offline_site / "404.html").as_uri())
    assert page.get_by_role("heading", name="页面不存在").is_visible()
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") == "sticky"  # Material's CSS loaded
    page.get_by_role("link", name="课程首页").last.click()
    page.wait_for_url("**/index.html")
    assert page.locator(".md-content h1").inner_text().startswith("防微杜渐")
