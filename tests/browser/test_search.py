"""Chinese search on the example site in a real browser: words found inside sentences, learner pages never in the results."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page


def search(page: Page, base: str, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the addresses of the pages found, best first."""
    if not page.url.startswith(base):
        page.goto(f"{base}/")
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # a key event after fill(): Material then searches even if its index was still loading
    page.locator(".md-search-result__meta").filter(has_text="结果").wait_for()
    links = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__link").all()]
    return [link.removeprefix(base + "/").split("?")[0] for link in links]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("公平交易权", "lectures/service-front/"),  # …重视金融消费者的知情权、选择权和公平交易权。
        ("防滑条", "cases/chizi-event/"),  # …统一加装了防滑条、护栏和警示标识。
        ("湿滑", "cases/chizi-event/"),  # …另有两个网点存在类似的湿滑地面隐患…
        ("声誉风险", "lectures/reputation-risk-analysis/"),
    ],
)
def test_a_chinese_word_inside_a_sentence_finds_its_page(page: Page, site_url: str, query: str, found: str) -> None:
    pages = search(page, site_url, query)
    assert pages and pages[0] == found, pages


def test_a_word_of_a_quiz_question_finds_the_quiz(page: Page, site_url: str) -> None:
    # 投诉只会给机构带来损失，因此管理的唯一目标就是尽量压低投诉数量。
    assert "quizzes/quiz-service-front/" in search(page, site_url, "压低")


def test_learner_pages_never_show_up_in_results(page: Page, site_url: str) -> None:
    pages = search(page, site_url, "投诉")
    assert len(pages) > 5
    assert not [p for p in pages if p.startswith(("handbook/", "progress/", "review/"))]
