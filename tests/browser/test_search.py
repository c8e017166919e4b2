"""Chinese search on the example site through the real search box in Chromium: each query finds the pages
that hold exactly what was typed (after NFKC, width and case folding; every word of a multi-word query),
best first, and no other page. What "holds" means is checked against the built index's own text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from coursegen.builder.search_index import fold, read_search_index

pytestmark = pytest.mark.browser

Page = Any  # playwright.sync_api.Page

HOME = ""
CHIZI = "cases/chizi-event/"
ESCALATION_CASE = "cases/secondary-escalation/"
DRILL = "drills/reputation-scenario-drill/"
SERVICE_FRONT = "lectures/service-front/"
STRATEGY = "lectures/reputation-risk-strategy/"
EVALUATION = "homework/course-evaluation/"
LUNCH = "homework/lunch-case-review/"


def search(page: Page, base: str, query: str, key: str = "End") -> list[str]:
    """Fill ``query`` into the search box and press ``key`` (as an input method commits a word); the
    addresses of the pages found, best first, once the results for this query are on screen."""
    if not page.url.startswith(base):
        page.goto(f"{base}/")
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press(key)
    shown = " ".join(dict.fromkeys(fold(query).split()))
    page.locator(f"[data-cg-search][data-shown={json.dumps(shown, ensure_ascii=False)}]").wait_for(state="attached")
    count = re.search(r"\d+", page.locator(".md-search-result__meta").inner_text())
    items = page.locator(".md-search-result__item")
    while count and items.count() < int(count[0]):  # ten at a time, more as the list is scrolled to its end
        seen = items.count()
        page.locator(".md-search__scrollwrap").evaluate("el => { el.scrollTop = el.scrollHeight; }")
        page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length > {seen}")
    links = [items.nth(i).locator(".md-search-result__link").first.get_attribute("href") or ""
             for i in range(items.count())]
    return [link.removeprefix(base + "/").split("#")[0].split("?")[0] for link in links]


@pytest.fixture(scope="module")
def holding(example_site: Path) -> dict[str, set[str]]:
    """Folded ``title + text`` of every page (all its sections), by address: the truth the results are held to."""
    pages: dict[str, set[str]] = {}
    for address, title, text in read_search_index(example_site):
        pages.setdefault(address.split("#")[0], set()).add(fold(f"{title}\n{text}"))
    return pages


def pages_holding(holding: dict[str, set[str]], query: str) -> set[str]:
    words = fold(query).split()
    return {page for page, sections in holding.items() if any(all(w in s for w in words) for s in sections)}


QUERIES = [
    # (query, pages that must be found, whether the first of them must come first, pages that must not be found)
    ("后台", [SERVICE_FRONT, ESCALATION_CASE], True, [EVALUATION, "quizzes/quiz-escalation-taboos/", DRILL]),  # not 后续, 后果;
    # the drill says 后台 only in role cards, which search never finds (issue 30)
    ("转存", [CHIZI], True, [SERVICE_FRONT, ESCALATION_CASE]),
    ("后续", [EVALUATION, STRATEGY], False, [SERVICE_FRONT, ESCALATION_CASE]),
    ("后果", ["quizzes/quiz-escalation-taboos/"], True, [SERVICE_FRONT]),
    ("防滑条", [CHIZI], True, [SERVICE_FRONT]),
    ("湿滑", [CHIZI], True, []),
    ("公平交易权", [SERVICE_FRONT], True, ["quizzes/quiz-service-front/"]),
    ("知情权", [SERVICE_FRONT], True, [HOME]),
    ("压低", ["quizzes/quiz-service-front/"], True, [SERVICE_FRONT]),
    ("踢皮球", [SERVICE_FRONT], True, [ESCALATION_CASE]),
    ("消保", [CHIZI], True, [HOME]),
    ("护栏", [CHIZI], True, []),
    ("老年客户", [CHIZI], True, [DRILL]),
    ("两个工作日", [ESCALATION_CASE], True, [SERVICE_FRONT]),
    ("未雨绸缪", [HOME], True, [SERVICE_FRONT]),  # four-character idioms
    ("防微杜渐", [HOME], True, [SERVICE_FRONT]),
    ("绸缪", [HOME], True, []),  # the second half of an idiom
    ("后疫情时代", [HOME], True, []),
    ("消费提质升级", [HOME], True, []),
    ("3·15", [HOME], True, [SERVICE_FRONT]),  # mixed digits and a middle dot
    ("３·１５", [HOME], True, [SERVICE_FRONT]),  # full-width digits
    ("315", [], False, [HOME]),  # the dot is part of what was typed
    ("ise", [HOME], True, []),  # case folded: the instructor's title "ISE…" on the home page
    ("ｉｓｅ", [HOME], True, []),  # full-width Latin letters folded
    ("声誉风险", ["lectures/reputation-risk-analysis/", STRATEGY], False, []),  # titles of two lectures
    ("逆向追溯", [SERVICE_FRONT], True, [STRATEGY]),  # the lecture's title, repeated on its quiz and the agenda
    ("二次升级", [ESCALATION_CASE, SERVICE_FRONT], True, [STRATEGY]),  # the case's title above the lecture's text
    ("扬言曝光", [DRILL, STRATEGY], False, [CHIZI]),
    ("期望值", [SERVICE_FRONT, "cases/tasteless-plan/"], False, [CHIZI]),
    ("大堂经理", [CHIZI, DRILL], False, [SERVICE_FRONT]),
    ("王先生", [CHIZI, LUNCH], False, [DRILL]),
    ("李女士", [ESCALATION_CASE], False, [CHIZI]),
    ("投诉 升级", ["lectures/escalation-taboos/", SERVICE_FRONT], False, [LUNCH]),  # all words, anywhere in a section
    ("后台 核查", [ESCALATION_CASE], False, [SERVICE_FRONT, DRILL]),
    ("升级　投诉", ["lectures/escalation-taboos/"], False, [LUNCH]),  # an ideographic space between the words
    ("首问负责", [], False, [SERVICE_FRONT]),
    ("必填", [], False, [EVALUATION, LUNCH]),  # form chrome is not indexed
    ("很不满意", [], False, [EVALUATION]),
    ("下一讲", [], False, [SERVICE_FRONT]),  # nor the lecture pager
    ("踢", [SERVICE_FRONT], True, []),  # a single character
    ("息事宁人", ["quizzes/quiz-service-front/"], True, [SERVICE_FRONT]),  # a quiz's options, drawn by its script
    ("客户过于挑剔", ["quizzes/quiz-service-front/"], True, []),  # the right option or not, all alike (issue 30)
    ("降低投诉量", ["quizzes/quiz-service-front/", SERVICE_FRONT], False, []),  # a matching's right-hand side
]


@pytest.mark.parametrize(("query", "found", "first", "absent"), QUERIES, ids=[q[0] for q in QUERIES])
def test_a_query_finds_exactly_the_pages_holding_it(page: Page, site_url: str, holding: dict[str, set[str]],
                                                    query: str, found: list[str], first: bool, absent: list[str]) -> None:
    pages = search(page, site_url, query)
    truth = pages_holding(holding, query)
    assert set(found) <= truth and not set(absent) & truth, "the expectations agree with the course text"
    assert set(pages) == truth, pages  # every page holding it, and no other
    assert len(pages) == len(set(pages)), "one result per page, its sections inside it"
    if first:
        assert pages[0] == found[0], pages
    if not found:
        assert page.locator(".md-search-result__meta").inner_text() == "没有找到符合条件的结果"


@pytest.mark.parametrize(("query", "lecture", "repeats"), [
    ("逆向追溯", SERVICE_FRONT, ["quizzes/quiz-service-front/", "agenda/", "cases/"]),
    ("扬言曝光", STRATEGY, []),
    ("后台", SERVICE_FRONT, ["quizzes/quiz-service-front/"]),
])
def test_the_lecture_ranks_above_the_quiz_and_overviews_that_repeat_it(page: Page, site_url: str, query: str,
                                                                         lecture: str, repeats: list[str]) -> None:
    pages = search(page, site_url, query)
    assert all(pages.index(lecture) < pages.index(r) for r in repeats), pages
    assert not [p for p in pages if p.startswith(("handbook/", "progress/", "review/"))], "learner pages never crowd"


def test_results_show_the_hit_marked_and_the_count_in_chinese(page: Page, site_url: str) -> None:
    search(page, site_url, "后台")
    assert page.locator(".md-search-result__meta").inner_text() == "3 个符合条件的结果"
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text().startswith("第一章")
    marks = first.locator("mark").all_inner_texts()
    assert marks and set(marks) == {"后台"}


def test_a_query_committed_with_enter_opens_the_best_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    box = page.locator(".md-search__input")
    box.click()
    box.fill("转存")
    box.press("Enter")  # before the results are even shown
    page.wait_for_url(f"{site_url}/{CHIZI}**")
    assert page.get_by_role("heading", name="案例分析：池子事件").first.is_visible()


def test_enter_pressed_before_the_search_script_has_arrived_stays_on_the_page_with_the_query_kept(page: Page, site_url: str) -> None:
    """The search script loads when search is first opened; a fast trainee (or a slow intranet) commits the query
    before it is there. The engine's own search form must not take the Enter (Zensical's went to /?query=…): the
    query is kept for the script, which opens its best result when it arrives. The script never arrives here."""
    page.route("**/cg-search.js", lambda route: route.abort())
    page.goto(f"{site_url}/")
    box = page.locator(".md-search__input")
    box.click()
    box.fill("转存")
    box.press("Enter")
    page.locator("[data-cg-search][data-entered]").wait_for(state="attached")
    assert "query=" not in page.url and box.input_value() == "转存"


def test_a_search_downloads_only_the_files_it_needs(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    search(page, site_url, "防滑条")
    index = [url.rsplit("/search/", 1)[1] for url in requested if "/assets/coursegen/search/" in url]
    assert index[0] == "meta.js"
    assert len([n for n in index if n.startswith("g")]) <= 2  # one shard per bigram: 防滑, 滑条
    assert len([n for n in index if n.startswith("t")]) == 1  # the text of the one result shown
    assert not any("search_index" in url for url in requested), "Material's own index is never loaded"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_search_box_opens_and_lists_results_at_desktop_and_phone_width(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site_url}/{SERVICE_FRONT}")
    if width < 1000:
        page.locator("label.md-header__button[for=__search]").click()  # the magnifier in the phone header
    else:
        page.keyboard.press("s")  # Material's shortcut, kept
    box = page.locator(".md-search__input")
    box.wait_for(state="visible")
    expect(box).to_be_focused()
    box.fill("湿滑")
    box.press("End")
    page.locator("[data-cg-search][data-shown=湿滑]").wait_for(state="attached")
    result = page.locator(".md-search-result__link").first
    assert result.is_visible() and f"/{CHIZI}?mark=%E6%B9%BF%E6%BB%91#" in (result.get_attribute("href") or "")
    box_right = page.locator(".md-search__output").bounding_box()
    assert box_right is not None and box_right["x"] + box_right["width"] <= width + 1
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


def test_the_search_script_loads_when_search_is_first_opened_and_keeps_what_was_typed(page: Page, site_url: str) -> None:
    """No page loads cg-search.js, the biggest script, until the trainee opens search (here with Material's key /);
    a query typed before it has arrived is searched all the same."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/{SERVICE_FRONT}")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if url.endswith("/cg-search.js")]
    page.keyboard.press("/")
    page.keyboard.type("湿滑")
    page.locator("[data-cg-search][data-shown=湿滑]").wait_for(state="attached")
    assert page.locator(".md-search__input").input_value() == "湿滑"
    assert len([url for url in requested if url.endswith("/cg-search.js")]) == 1
    assert f"/{CHIZI}?mark=" in (page.locator(".md-search-result__link").first.get_attribute("href") or "")
