"""The SCORM 1.2 package inside a real LMS-side API: scorm-again's Scorm12API, not a mock.

The LMS page (lms.html) plays the LMS: it creates ``window.API``, loads the learner's record of an
earlier session, and opens the package's launch file in a frame, as an LMS's player does.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import serve_folder
from tests.jstools import js_tool
from tests.scorm.course_factory import built_packages

pytestmark = [pytest.mark.browser, pytest.mark.node("scorm-again")]

LMS_PAGE = """<!doctype html>
<meta charset="utf-8"><title>LMS</title>
<script src="scorm12.js"></script>
<script>
  window.commits = 0;
  window.written = {};  // the last value the SCO wrote to each element, write-only ones included
  function launch(course, record) {
    window.API = new Scorm12API({ logLevel: 5 });
    if (record) window.API.loadFromJSON(record);
    window.API.on("LMSCommit", function () { window.commits += 1; });
    window.API.on("LMSSetValue.cmi.*", function (element, value) { window.written[element] = value; });
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
    (served / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    yield from serve_folder(served)


def start(page: object, lms_url: str, course: str, record: dict | None = None) -> object:
    """Open the LMS page and launch ``course``; return the frame showing the site."""
    page.goto(f"{lms_url}/lms.html")  # type: ignore[attr-defined]
    page.evaluate("([course, record]) => launch(course, record)", [course, record])  # type: ignore[attr-defined]
    page.wait_for_function("() => window.API.isInitialized()")  # type: ignore[attr-defined]
    site = page.frame_locator("#sco").frame_locator("#cg-scorm-frame")  # type: ignore[attr-defined]
    site.locator("h1").first.wait_for()
    return site


def cmi(page: object, element: str) -> str:
    return page.evaluate(f"() => String(API.cmi.{element})")  # type: ignore[attr-defined]


def written(page: object, element: str) -> str:
    """What the SCO wrote to a write-only element (session_time, exit), as the LMS received it."""
    return page.evaluate(f"() => written[{json.dumps(element)}]")  # type: ignore[attr-defined]


def wait_for_status(page: object, status: str) -> None:
    page.wait_for_function(f"() => API.cmi.core.lesson_status === {json.dumps(status)}")  # type: ignore[attr-defined]


def answer_all(site: object, choice: str) -> None:
    """Choose 对 or 错 for every statement of the attempt, then submit it."""
    questions = site.locator(".cg-q")  # type: ignore[attr-defined]
    questions.first.wait_for()
    for i in range(questions.count()):
        questions.nth(i).get_by_label(choice, exact=True).check()
    site.get_by_role("button", name="提交答案").click()  # type: ignore[attr-defined]


def leave(page: object) -> None:
    """The learner closes the course: the LMS unloads the launch page."""
    page.evaluate("() => leave()")  # type: ignore[attr-defined]
    page.wait_for_function("() => API.isTerminated()")  # type: ignore[attr-defined]


def suspend_data(page: object) -> dict:
    text = cmi(page, "suspend_data")
    assert len(text) <= 4096 and text.isascii()
    return json.loads(text)


def test_final_assessment_sets_status_and_score_and_a_second_launch_resumes(browser: object, lms_url: str) -> None:
    mastery = {"core": {"student_id": "E1024", "student_name": "李, 明"}, "student_data": {"mastery_score": "60"}}
    context = browser.new_context(locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(10_000)
    site = start(page, lms_url, "graded", mastery)
    wait_for_status(page, "incomplete")

    site.get_by_role("link", name="倾听客户").first.click()
    site.get_by_role("heading", name=re.compile("倾听客户")).first.wait_for()
    site.get_by_text("自测练习").first.click()
    site.get_by_role("link", name="结业测评").first.click()
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
    context = browser.new_context(locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(10_000)
    site = start(page, lms_url, "graded", record)
    site.get_by_text("最好成绩 100 分，已作答 2 次。").wait_for()
    assert page.frame_locator("#sco").locator("#cg-scorm-frame").get_attribute("src") == "quizzes/final-assessment.html"
    site.get_by_text("课程内容").first.click()
    site.get_by_role("link", name="回应客户").first.click()
    site.get_by_role("heading", name=re.compile("回应客户")).first.wait_for()
    site.locator("[data-cg-done]:not([hidden])").wait_for()  # the page's script has run and recorded the visit
    leave(page)
    assert cmi(page, "core.lesson_status") == "passed"
    assert {"lecture:listen", "lecture:respond", "quiz:final-assessment"} <= set(suspend_data(page)["s"])
    context.close()


def test_without_final_assessment_the_course_is_completed_once_every_lecture_is_done(page: object, lms_url: str) -> None:
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


def test_outside_an_lms_the_launch_page_opens_the_plain_site(page: object, lms_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))  # type: ignore[attr-defined]
    page.goto(f"{lms_url}/graded/scorm.html")  # type: ignore[attr-defined]
    page.wait_for_url(f"{lms_url}/graded/index.html")  # type: ignore[attr-defined]
    page.get_by_role("link", name="倾听客户").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/lectures/listen\.html$"))  # type: ignore[attr-defined]
    assert page.evaluate("() => window.coursegenScorm === undefined && window.frameElement === null")  # type: ignore[attr-defined]
    assert errors == []


def test_suspend_data_keeps_the_essentials_within_4096_characters(page: object, lms_url: str) -> None:
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
    page.goto(f"{lms_url}/lms.html")  # type: ignore[attr-defined]
    page.evaluate(  # type: ignore[attr-defined]
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
