"""The SCORM packages inside a real LMS-side API: scorm-again's Scorm12API and Scorm2004API, not mocks.

The LMS page (lms.html) plays the LMS: it creates ``window.API`` (1.2) or ``window.API_1484_11`` (2004),
loads the learner's record of an earlier session, and opens the package's launch file in a frame, as an
LMS's player does. Both APIs are called ``API`` inside the page's own scripts (``window.lms``).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, FrameLocator, Locator, Page, expect

from tests.browser.conftest import submit_quiz, turn_to
from tests.conftest import serve_folder
from tests.jstools import js_tool
from tests.scorm.course_factory import built_packages

pytestmark = [pytest.mark.browser, pytest.mark.node("scorm-again")]

LMS_PAGE = """<!doctype html>
<meta charset="utf-8"><title>LMS</title>
<script src="scorm12.js"></script>
<script src="scorm2004.js"></script>
<script>
  window.commits = 0;
  window.written = {};  // the last value the SCO wrote to each element, write-only ones included
  function launch(course, record, version) {
    var api = version === "2004" ? new Scorm2004API({ logLevel: 5 }) : new Scorm12API({ logLevel: 5 });
    if (version === "2004") window.API_1484_11 = api; else window.API = api;
    window.lms = api;
    if (record) api.loadFromJSON(record);
    var prefix = version === "2004" ? "" : "LMS";
    api.on(prefix + "Commit", function () { window.commits += 1; });
    api.on(prefix + "SetValue.cmi.*", function (element, value) { window.written[element] = value; });
    var frame = document.createElement("iframe");
    frame.id = "sco";
    frame.src = course + "/scorm.html";
    frame.style = "width: 100%; height: 95vh; border: 0";
    document.body.appendChild(frame);
  }
  function leave() { document.getElementById("sco").src = "about:blank"; }
</script>
"""

RECORD = """() => ({
  core: {
    lesson_status: API.cmi.core.lesson_status, lesson_location: API.cmi.core.lesson_location, entry: "resume",
    score: { raw: API.cmi.core.score.raw, min: API.cmi.core.score.min, max: API.cmi.core.score.max },
  },
  suspend_data: API.cmi.suspend_data,
  student_data: { mastery_score: API.cmi.student_data.mastery_score },
})"""
"""What an LMS keeps of a finished session and hands back at the next launch (entry: resume)."""

Record = dict[str, Any]
"""Data of the LMS as JSON: a record it hands to the package, what it keeps of the package's writes."""


@pytest.fixture(scope="session")
def scorm12_js() -> Path:
    """scorm-again's SCORM 1.2 API: a real LMS-side runtime, not a mock."""
    return js_tool("scorm-again/dist/scorm12.js")


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory: pytest.TempPathFactory, scorm12_js: Path) -> Iterator[str]:
    """An LMS serving two unzipped packages: ``graded/`` (final assessment) and ``plain/`` (none)."""
    root = tmp_path_factory.mktemp("lms")
    served = root / "lms"
    served.mkdir()
    for name, package in built_packages(tmp_path_factory).items():
        with zipfile.ZipFile(package) as archive:
            archive.extractall(served / name)
    shutil.copy(scorm12_js, served / "scorm12.js")
    shutil.copy(scorm12_js.with_name("scorm2004.js"), served / "scorm2004.js")
    (served / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    yield from serve_folder(served)


def start(page: Page, lms_url: str, course: str, record: Record | None = None) -> FrameLocator:
    """Open the LMS page and launch ``course`` (a 2004 package if its name says so); return the frame showing the site."""
    page.goto(f"{lms_url}/lms.html")
    version = "2004" if course.endswith("2004") else "1.2"
    page.evaluate("([course, record, version]) => launch(course, record, version)", [course, record, version])
    page.wait_for_function("() => window.lms.isInitialized()")
    site = page.frame_locator("#sco").frame_locator("#cg-scorm-frame")
    site.locator("h1").first.wait_for()
    return site


def on_a_new_pc(browser: Browser, lms_url: str, course: str, record: Record | None = None) -> tuple[Any, Page, FrameLocator]:
    """Launch ``course`` in an empty browser (another computer: only the LMS's ``record`` carries over); the context,
    to close, the LMS page and the site's frame."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page, start(page, lms_url, course, record)


def cmi(page: Page, element: str) -> str:
    value: str = page.evaluate(f"() => String(lms.cmi.{element})")
    return value


def written(page: Page, element: str) -> str:
    """What the SCO wrote to a write-only element (session_time, exit), as the LMS received it."""
    value: str = page.evaluate(f"() => written[{json.dumps(element)}]")
    return value


def wait_for_status(page: Page, status: str) -> None:
    page.wait_for_function(f"() => API.cmi.core.lesson_status === {json.dumps(status)}")


def open_final_assessment(site: FrameLocator) -> None:
    """Walk to the final assessment as a learner does: open the first lecture (its menu group opens), wait for it
    to show and record its visit, then follow the menu to the final, which comes last. Waiting in between matters: a
    click on the home page's menu while the lecture is still loading races two navigations."""
    site.get_by_role("link", name="倾听客户").first.click()
    site.get_by_role("heading", name=re.compile("倾听客户")).first.wait_for()
    # The page's script records the visit, then readies its 标记为已学完 button: leaving before that lost the visit
    # from the suspend data once (CI, busy machine).
    site.locator("[data-cg-done][data-ready]").wait_for(state="attached")
    site.get_by_role("link", name="结业测评").first.click()
    site.get_by_role("heading", name=re.compile("结业测评")).first.wait_for()


def answer_all(site: FrameLocator, choice: str) -> None:
    """Choose 对 or 错 for every statement of the attempt, then submit it."""
    questions = site.locator(".cg-q")
    questions.first.wait_for()
    for i in range(questions.count()):
        questions.nth(i).get_by_label(choice, exact=True).check()
    submit_quiz(site)


def leave(page: Page) -> None:
    """The learner closes the course: the LMS unloads the launch page."""
    page.evaluate("() => leave()")
    page.wait_for_function("() => lms.isTerminated()")


def suspend_data(page: Page) -> Record:
    text = cmi(page, "suspend_data")
    assert len(text) <= 4096 and text.isascii()
    data: Record = json.loads(text)
    return data


def test_final_assessment_sets_status_and_score_and_a_second_launch_resumes(browser: Browser, lms_url: str) -> None:
    mastery = {"core": {"student_id": "E1024", "student_name": "李, 明"}, "student_data": {"mastery_score": "60"}}
    context, page, site = on_a_new_pc(browser, lms_url, "graded", mastery)
    wait_for_status(page, "incomplete")

    open_final_assessment(site)
    answer_all(site, "错")
    wait_for_status(page, "failed")
    assert cmi(page, "core.score.raw") == "0"
    commits_after_fail = page.evaluate("() => commits")
    assert commits_after_fail >= 1, "a scored attempt is committed at once, not only on leaving"

    site.get_by_role("button", name="重新抽题作答").click()
    answer_all(site, "对")
    wait_for_status(page, "passed")
    assert [cmi(page, f"core.score.{k}") for k in ("raw", "min", "max")] == ["100", "0", "100"]
    assert cmi(page, "core.lesson_location") == "quizzes/final-assessment.html"

    leave(page)
    assert re.fullmatch(r"\d{4}:\d{2}:\d{2}\.\d{2}", written(page, "cmi.core.session_time"))
    assert written(page, "cmi.core.exit") == ""
    assert cmi(page, "core.lesson_status") == "passed"
    saved = suspend_data(page)["s"]
    assert saved["lecture:listen"]["visited"]
    assert "lecture:respond" not in saved
    final = saved["quiz:final-assessment"]
    assert (final["best"], final["attempts"], final["passed"]) == (100, 2, True)
    record = page.evaluate(RECORD)
    context.close()

    # Another computer: an empty browser, only the LMS's record of the first session.
    context, page, site = on_a_new_pc(browser, lms_url, "graded", record)
    site.get_by_text("最好成绩 100% · 已作答 2 次").wait_for()
    assert page.frame_locator("#sco").locator("#cg-scorm-frame").get_attribute("src") == "quizzes/final-assessment.html"
    site.get_by_role("link", name="回应客户").first.click()  # in the open menu group of the course, with the final
    site.get_by_role("heading", name=re.compile("回应客户")).first.wait_for()
    site.locator("[data-cg-done]:not([hidden])").wait_for()  # the page's script has run and recorded the visit
    leave(page)
    assert cmi(page, "core.lesson_status") == "passed"
    assert {"lecture:listen", "lecture:respond", "quiz:final-assessment"} <= set(suspend_data(page)["s"])
    context.close()


def test_without_final_assessment_the_course_is_completed_once_every_lecture_is_done(page: Page, lms_url: str) -> None:
    site = start(page, lms_url, "plain")
    for lecture in ("倾听客户", "回应客户"):
        assert cmi(page, "core.lesson_status") == "incomplete"
        site.get_by_role("link", name=lecture).first.click()
        site.get_by_role("heading", name=re.compile(lecture)).first.wait_for()
        site.get_by_role("button", name="标记本讲为已完成").click()
    wait_for_status(page, "completed")
    assert cmi(page, "core.score.raw") == ""
    leave(page)
    assert cmi(page, "core.lesson_status") == "completed"
    assert written(page, "cmi.core.exit") == ""


def test_the_course_s_completion_rule_decides_the_status(page: Page, lms_url: str) -> None:
    """RULE: the final assessment passed and the second lecture marked done. A passed final alone, which completes
    the other packages, leaves this one incomplete; the lecture's mark then makes it passed."""
    site = start(page, lms_url, "ruled")
    wait_for_status(page, "incomplete")
    open_final_assessment(site)
    answer_all(site, "对")
    site.get_by_text("最好成绩 100%", exact=False).first.wait_for()
    page.wait_for_function("() => API.cmi.core.score.raw === '100'")
    assert cmi(page, "core.lesson_status") == "incomplete"
    site.get_by_role("link", name="回应客户").first.click()
    site.get_by_role("heading", name=re.compile("回应客户")).first.wait_for()
    site.get_by_role("button", name="标记本讲为已完成").click()
    wait_for_status(page, "passed")
    leave(page)
    assert cmi(page, "core.lesson_status") == "passed"


@pytest.mark.parametrize("width", [1280, 375])
def test_quiz_pages_of_a_package_say_the_lms_records_the_results(browser: Browser, lms_url: str, width: int) -> None:
    """In an LMS the site's promise "stays in this browser" would be false: the quiz page says the LMS records results."""
    page = browser.new_page(locale="zh-CN", viewport={"width": width, "height": 900})
    site = start(page, lms_url, "plain")
    content = site.locator(".md-content")  # at 375 px the menu's links are in a closed drawer
    content.get_by_role("link", name="回应客户").first.click()
    site.get_by_role("heading", name=re.compile("回应客户")).first.wait_for()
    content.get_by_role("link", name="回应自测").first.click()
    expect(site.get_by_text("你的测验成绩和每道题的作答由学习平台记录")).to_be_attached()
    expect(site.get_by_text("不会上传")).to_have_count(0)
    page.close()


def test_search_works_inside_the_lms_frame(page: Page, lms_url: str) -> None:
    site = start(page, lms_url, "plain")
    box = site.locator(".md-search__input")
    box.click()
    box.fill("回应客户")
    box.press("End")
    site.locator("[data-cg-search][data-shown=回应客户]").wait_for(state="attached")
    result = site.locator(".md-search-result__link").first
    assert ".html" in (result.get_attribute("href") or "")  # the package's file links
    result.click()
    site.get_by_role("heading", name=re.compile("回应客户")).first.wait_for()


def test_outside_an_lms_the_launch_page_opens_the_plain_site(page: Page, lms_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{lms_url}/graded/scorm.html")
    page.wait_for_url(f"{lms_url}/graded/index.html")
    page.get_by_role("link", name="倾听客户").first.click()
    page.wait_for_url(re.compile(r"/lectures/listen\.html$"))
    assert page.evaluate("() => window.coursegenScorm === undefined && window.frameElement === null")
    assert errors == []


def test_suspend_data_keeps_the_essentials_within_4096_characters(page: Page, lms_url: str) -> None:
    """A browser holding far more than 4,096 characters of progress: results and marks go first."""
    long_answer = "客户说明了诉求，" * 400
    stored = {
        "quiz:final-assessment": {"v": 1, "hash": "h1", "attempts": 1, "best": 80, "last": 80, "passed": True,
                                  "answers": {"quiz-listen/t1": long_answer}, "results": {}},
        "quiz:quiz-listen": {"v": 1, "hash": "h2", "attempts": 2, "best": 50, "last": 50, "passed": False,
                             "answers": {"t1": long_answer}},
        "lecture:listen": {"visited": "2024-05-01T09:00:00.000Z", "done": "2024-05-01T09:30:00.000Z"},
        "form:evaluation": {"answer": long_answer},
    }
    page.goto(f"{lms_url}/lms.html")
    page.evaluate(
        "entries => Object.keys(entries).forEach(k => localStorage.setItem('coursegen:2024-complaints:' + k, JSON.stringify(entries[k])))",
        stored,
    )
    site = start(page, lms_url, "graded")
    site.locator("h1").first.wait_for()
    wait_for_status(page, "passed")  # a result earned before this launch still reaches the LMS
    leave(page)
    assert cmi(page, "core.score.raw") == "80"
    text = cmi(page, "suspend_data")
    assert len(text) <= 4096 and text.isascii()
    saved = json.loads(text)["s"]
    assert saved["quiz:final-assessment"] == {"v": 1, "hash": "h1", "attempts": 1, "best": 80, "last": 80, "passed": True}
    assert saved["quiz:quiz-listen"] == {"v": 1, "hash": "h2", "attempts": 2, "best": 50, "last": 50, "passed": False}
    assert saved["lecture:listen"] == stored["lecture:listen"]
    assert "form:evaluation" not in saved


def test_records_from_before_an_edit_fit_within_4096_characters_and_come_back_on_another_pc(browser: Browser, lms_url: str) -> None:
    """A course of 25 quizzes, each edited by the trainer since the trainee took it: every quiz's record from before
    the edit (cg-quiz-state.js's earlier) is packed with the results, and the final assessment passed before its edit
    still passes the course."""
    answer = "客户说明了诉求，" * 200

    def carried(n: int, best: int, passed: bool) -> Record:
        return {"v": 1, "hash": f"{n:016x}", "seed": 1, "attempts": 0, "best": 0, "last": None, "passed": False, "checked": False,
                "answers": {"t1": answer}, "results": {}, "earlier": {"attempts": 2, "best": best, "passed": passed}}

    stored = {f"quiz:bank-{n:02}": carried(n, 50, False) for n in range(24)}
    stored["quiz:final-assessment"] = carried(99, 80, True)
    stored["lecture:listen"] = {"visited": "2024-05-01T09:00:00.000Z", "done": "2024-05-01T09:30:00.000Z"}
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{lms_url}/lms.html")
    page.evaluate(
        "entries => Object.keys(entries).forEach(k => localStorage.setItem('coursegen:2024-complaints:' + k, JSON.stringify(entries[k])))",
        stored,
    )
    start(page, lms_url, "graded")
    wait_for_status(page, "passed")  # passed before the edit: an edit never takes it away
    leave(page)
    assert cmi(page, "core.score.raw") == "80"
    saved = suspend_data(page)["s"]  # within 4,096 ASCII characters
    assert all(saved[key]["earlier"] == value["earlier"] for key, value in stored.items() if key.startswith("quiz:"))
    assert saved["lecture:listen"] == stored["lecture:listen"]
    record = page.evaluate(RECORD)
    context.close()

    # Another PC: only the LMS's record. The final assessment, edited since, shows the record from before.
    context, page, site = on_a_new_pc(browser, lms_url, "graded", record)
    open_final_assessment(site)
    site.get_by_text("题目修改前：最好成绩 80% · 已作答 2 次（修改后的题目需要重新作答）").wait_for()
    leave(page)
    assert cmi(page, "core.lesson_status") == "passed"
    assert suspend_data(page)["s"]["quiz:final-assessment"]["earlier"] == {"attempts": 2, "best": 80, "passed": True}
    context.close()


# ---- interactions: each scored question in the LMS's item-level report ----

INTERACTIONS = """() => {
  const list = JSON.parse(JSON.stringify(lms.cmi.interactions)) || {};
  return Object.keys(list).filter(k => /^\\d+$/.test(k)).sort((a, b) => a - b).map(k => list[k]);
}"""
"""What the LMS keeps of cmi.interactions (write-only in 1.2: read as the LMS serialises it for its database)."""


def interactions(page: Page) -> list[Record]:
    found: list[Record] = page.evaluate(INTERACTIONS)
    return found


def answer_every_type(site: FrameLocator) -> list[str]:
    """Answer quiz-respond: single right, multiple wrong, fill right, ordering wrong, matching half right (its distractor picked),
    true/false right, cloze half right, numeric right (within its tolerance), drag the words half right, the hotspot right
    (by its list of places), the self-graded one written; submit. Returns the ordering items as finally shown (on a phone,
    turning from question to question)."""
    site.locator(".cg-q").first.wait_for()

    def q(n: int) -> Locator:
        turn_to(site, n)
        return site.locator(".cg-q").nth(n)

    q(0).get_by_label("先倾听", exact=True).check()
    q(1).get_by_label("复述诉求", exact=True).check()
    q(1).get_by_label("打断客户", exact=True).check()
    q(2).get_by_label("答案").fill("复述")
    q(3).get_by_role("button", name="下移：复述").click()
    shown = q(3).locator("li > span:first-child").all_inner_texts()
    selects = q(4).locator("select")
    selects.nth(0).select_option(label="客户感到被尊重")
    selects.nth(1).select_option(label="客户不再追问")
    q(5).get_by_label("错", exact=True).check()
    q(6).get_by_label("第 1 空").fill("倾听")
    q(6).get_by_label("第 2 空").fill("解释")
    q(7).get_by_label("你的答案（填一个数）").fill("14.5 分钟")
    for word, blank in (("复述", 1), ("倾听", 2)):
        q(8).get_by_role("button", name=word, exact=True).click()
        q(8).locator(f'.cg-drag__slot[data-slot="{blank - 1}"]').click()
    q(9).get_by_label("公告栏", exact=True).check()  # the hotspot's text alternative: the board's own point
    q(10).get_by_label("答案").fill("先倾听")
    submit_quiz(site)
    return shown


def open_respond_quiz(site: FrameLocator) -> None:
    site.get_by_role("link", name="回应客户").first.click()
    site.get_by_role("heading", name=re.compile("回应客户")).first.wait_for()
    site.get_by_role("link", name="回应自测").first.click()


VOCABULARY = {
    "1.2": {"list": ",", "pair": ".", "false": "f", "numeric": "15", "wrong": "wrong", "hotspot": "performance", "time": "time", "response": "student_response",
            "latency": r"\d{4}:\d{2}:\d{2}\.\d{2}", "clock": r"\d{2}:\d{2}:\d{2}"},
    "2004": {"list": "[,]", "pair": "[.]", "false": "false", "numeric": "14[:]16", "wrong": "incorrect", "hotspot": "other", "time": "timestamp", "response": "learner_response",
             "latency": r"PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S", "clock": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d[+-]\d{2}:\d{2}"},
}


@pytest.mark.parametrize("course", ["graded", "graded2004"])
def test_every_scored_question_is_an_interaction(page: Page, lms_url: str, course: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    v = VOCABULARY["2004" if course.endswith("2004") else "1.2"]
    site = start(page, lms_url, course)
    open_respond_quiz(site)
    shown = answer_every_type(site)
    page.wait_for_function("() => (lms.cmi.interactions.childArray || []).length === 10")
    got = interactions(page)
    lst, pair = v["list"], v["pair"]
    # Items and pairs are lettered in the order the bank writes them, whatever order the page shows.
    order = lst.join("abc"["倾听 复述 解决".split().index(text)] for text in shown)
    assert order != f"a{lst}b{lst}c"
    expected = [
        ("quiz-respond/first-step", "choice", "b", "correct", ["b"], "2"),
        ("quiz-respond/good-habits", "choice", f"a{lst}b", v["wrong"], [f"a{lst}c"], "3"),
        ("quiz-respond/blank", "fill-in", "复述", "correct", ["复述", "重复"], "1"),
        ("quiz-respond/steps", "sequencing", order, v["wrong"], [f"a{lst}b{lst}c"], "3"),
        # The distractor is lettered after the pairs' right sides.
        ("quiz-respond/pairs", "matching", f"a{pair}a{lst}b{pair}c", v["wrong"], [f"a{pair}a{lst}b{pair}b"], "2"),
        ("quiz-respond/tf", "true-false", v["false"], "correct", [v["false"]], "1"),
        ("quiz-respond/words", "fill-in", f"倾听{lst}解释", v["wrong"], [f"倾听{lst}复述"], "1"),
        ("quiz-respond/minutes", "numeric", "14.5", "correct", [v["numeric"]], "1"),
        ("quiz-respond/drag", "fill-in", f"复述{lst}倾听", v["wrong"], [f"倾听{lst}复述"], "2"),
        # Neither version has a hotspot type: the point in percent of the picture, the right area by its name.
        ("quiz-respond/spot", v["hotspot"], "77,30", "correct", ["公告栏"], "1"),
    ]
    assert len(got) == len(expected), got
    for n, (record, (ident, kind, response, result, patterns, weighting)) in enumerate(zip(got, expected)):
        assert record["id"] == ident
        assert record["type"] == kind
        assert record[v["response"]] == response
        assert record["result"] == result
        assert [p["pattern"] for p in record["correct_responses"].values() if isinstance(p, dict)] == patterns, record
        assert float(record["weighting"]) == float(weighting)
        # As the SCO wrote them (scorm-again keeps a 1.2 timespan as HH:MM:SS.SS), and accepted.
        latency, time = (written(page, f"cmi.interactions.{n}.{name}") for name in ("latency", v["time"]))
        assert re.fullmatch(v["latency"], latency) and record["latency"], (latency, record["latency"])
        assert re.fullmatch(v["clock"], time) and record[v["time"]] == time
    if course.endswith("2004"):
        assert got[0]["description"] == "{lang=zh}客户投诉时，第一步应当怎样做？"
    assert errors == []


# ---- SCORM 2004: completion and success apart, and 64,000 characters that carry homework drafts ----

RECORD_2004 = """() => ({
  completion_status: lms.cmi.completion_status, success_status: lms.cmi.success_status,
  location: lms.cmi.location, entry: "resume", suspend_data: lms.cmi.suspend_data,
  score: { raw: lms.cmi.score.raw, min: lms.cmi.score.min, max: lms.cmi.score.max, scaled: lms.cmi.score.scaled },
})"""
"""What a 2004 LMS keeps of a suspended attempt and hands back at the next launch."""


def test_2004_final_assessment_sets_completion_success_and_scaled_score(page: Page, lms_url: str) -> None:
    site = start(page, lms_url, "graded2004")
    page.wait_for_function("() => lms.cmi.completion_status === 'incomplete'")
    assert cmi(page, "success_status") == "unknown"
    open_final_assessment(site)
    answer_all(site, "错")
    page.wait_for_function("() => lms.cmi.success_status === 'failed'")
    assert cmi(page, "completion_status") == "completed"
    assert [cmi(page, f"score.{k}") for k in ("raw", "scaled")] == ["0", "0"]
    site.get_by_role("button", name="重新抽题作答").click()
    answer_all(site, "对")
    page.wait_for_function("() => lms.cmi.success_status === 'passed'")
    assert [cmi(page, f"score.{k}") for k in ("raw", "min", "max", "scaled")] == ["100", "0", "100", "1"]
    assert [record["result"] for record in interactions(page)] == ["incorrect"] * 2 + ["correct"] * 2
    leave(page)
    assert re.fullmatch(r"PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S", written(page, "cmi.session_time"))
    assert written(page, "cmi.exit") == "suspend", "a 2004 LMS would start the next launch empty"
    assert cmi(page, "location") == "quizzes/final-assessment.html"


def test_without_final_assessment_2004_completes_and_leaves_success_unknown(page: Page, lms_url: str) -> None:
    site = start(page, lms_url, "plain2004")
    for lecture in ("倾听客户", "回应客户"):
        site.get_by_role("link", name=lecture).first.click()
        site.get_by_role("heading", name=re.compile(lecture)).first.wait_for()
        site.get_by_role("button", name="标记本讲为已完成").click()
    page.wait_for_function("() => lms.cmi.completion_status === 'completed'")
    leave(page)
    assert (cmi(page, "success_status"), cmi(page, "score.raw")) == ("unknown", "")


def test_2004_resume_on_another_pc_restores_the_homework_draft(browser: Browser, lms_url: str) -> None:
    draft = "倾听时不打断客户，先复述诉求再回应。" * 120  # 2,280 characters: far beyond what 1.2 could carry
    context, page, site = on_a_new_pc(browser, lms_url, "graded2004")
    site.get_by_role("link", name="回应客户").first.click()
    site.get_by_role("link", name="回应心得").first.click()
    # The form's script arrives after the page (cg-core.js loads it): what is typed before it is not saved yet.
    site.locator(".cg-field__count[data-rule]").first.wait_for(state="attached")
    site.get_by_label("姓名").fill("李明")
    site.get_by_label("心得").fill(draft)
    site.locator(".cg-form__saved", has_text="已保存").wait_for()
    leave(page)
    text = cmi(page, "suspend_data")
    assert 4096 < len(text) <= 64000 and text.isascii()
    assert json.loads(text)["s"]["form:reflection"]["answers"]["thoughts"] == draft
    record = page.evaluate(RECORD_2004)
    context.close()

    # Another PC: an empty browser, only the LMS's record; the trainee opens the homework again.
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    site = start(page, lms_url, "graded2004", record)
    assert page.frame_locator("#sco").locator("#cg-scorm-frame").get_attribute("src") == "homework/reflection.html"
    expect(site.get_by_label("心得")).to_have_value(draft)
    expect(site.get_by_label("姓名")).to_have_value("李明")
    assert errors == []
    context.close()


def test_a_newer_draft_in_this_browser_is_kept_over_an_older_one_from_the_lms(page: Page, lms_url: str) -> None:
    older = {"answers": {"thoughts": "LMS 里的旧稿"}, "updated_at": "2024-05-01T09:00:00+08:00", "revision": 3}
    newer = {"answers": {"thoughts": "本机的新稿"}, "updated_at": "2024-05-01T10:00:00+08:00", "revision": 1}
    record = {"entry": "resume", "location": "homework/reflection.html",
              "suspend_data": json.dumps({"v": 1, "s": {"form:reflection": older}})}
    page.goto(f"{lms_url}/lms.html")
    page.evaluate("v => localStorage.setItem('coursegen:2024-complaints:form:reflection', JSON.stringify(v))", newer)
    site = start(page, lms_url, "graded2004", record)
    expect(site.get_by_label("心得")).to_have_value("本机的新稿")
    page.evaluate("v => localStorage.setItem('coursegen:2024-complaints:form:reflection', JSON.stringify(v))", older)
    record["suspend_data"] = json.dumps({"v": 1, "s": {"form:reflection": newer}})
    site = start(page, lms_url, "graded2004", record)
    expect(site.get_by_label("心得")).to_have_value("本机的新稿")


def test_an_lms_that_refuses_interactions_changes_nothing_for_the_trainee(page: Page, lms_url: str) -> None:
    """An LMS may refuse any value (a full interactions list, a stricter vocabulary): the quiz goes on."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    site = start(page, lms_url, "graded")
    page.evaluate("""() => {
      const set = API.LMSSetValue.bind(API);
      API.LMSSetValue = (name, value) => name.startsWith('cmi.interactions.') ? 'false' : set(name, value);
    }""")
    open_final_assessment(site)
    answer_all(site, "对")
    wait_for_status(page, "passed")
    site.get_by_role("button", name="重新抽题作答").wait_for()
    assert interactions(page) == [] and errors == []
