"""The cmi5 package launched by an LMS that follows the cmi5 launch sequence (tests/cmi5/lms.py), over a real LRS.

The LMS imports the package's cmi5.xml, writes LMS.LaunchData, records "launched" and opens the AU URL with the five
launch parameters; the trainee marks a lecture done, fails the final assessment, tries again at once and passes,
and leaves. The LRS then holds, for that registration and in cmi5's order, launched, initialized, completed, passed
and terminated — and no "failed": cmi5 allows one of the two per session, and the session's verdict is the pass —
and between initialized and terminated the site's own statement of the lecture, as the launch's learner.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, FrameLocator, expect

from coursegen.builder.engines import ENVIRONMENT
from coursegen.choices import EngineName
from coursegen.model.lrs import CMI5_CATEGORIES, CMI5_EXTENSIONS, CMI5_VERBS
from tests.browser.conftest import submit_quiz, turn_to
from tests.cmi5.course_factory import ACTIVITY_ID, cmi5_package
from tests.cmi5.lms import Cmi5Lms
from tests.lrs import RalphLrs, validate

pytestmark = [pytest.mark.browser, pytest.mark.lrs]

ACTOR = {"objectType": "Agent", "name": "李明", "account": {"homePage": "https://lms.example.com", "name": "E1024"}}
ORDER = ["launched", "initialized", "completed", "passed", "terminated"]
ENGINE: EngineName = "zensical" if os.environ.get(ENVIRONMENT) == "zensical" else "mkdocs"
"""The engine of this pass: the README's test command builds with MkDocs, CI's second pass with Zensical."""


def unpacked(tmp_path_factory: pytest.TempPathFactory, engine: EngineName, folder: Path) -> Path:
    """The package built with ``engine``, unzipped into ``folder`` as an LMS imports it."""
    with zipfile.ZipFile(cmi5_package(tmp_path_factory, engine)) as archive:
        archive.extractall(folder)
    return folder


def answer_all(site: FrameLocator, choice: str) -> None:
    """Choose 对 or 错 for every statement of the attempt (on a phone, screen by screen), then submit it."""
    questions = site.locator(".cg-q")
    questions.first.wait_for()
    for i in range(questions.count()):
        turn_to(site, i)
        questions.nth(i).get_by_label(choice, exact=True).check()
    submit_quiz(site)


def verb(statement: dict[str, Any]) -> str:
    return next(name for name, iri in CMI5_VERBS.items() if iri == statement["verb"]["id"])


@pytest.mark.parametrize("width", [1280, 375])
def test_a_launched_session_records_the_cmi5_statements_in_order(browser: Browser, lrs: RalphLrs, tmp_path: Path,
                                                                   tmp_path_factory: pytest.TempPathFactory,
                                                                   width: int) -> None:
    lms = Cmi5Lms(unpacked(tmp_path_factory, ENGINE, tmp_path / "lms"), lrs)
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    with lms.running():
        url = lms.launch(ACTOR)
        registration = parse_qs(urlsplit(url).query)["registration"][0]
        page.goto(url)
        site = page.frame_locator("#cg-cmi5-frame")
        lms.wait_for("initialized")
        site.locator(".md-content a[href$='lectures/listen.html']").first.click()
        site.get_by_role("button", name="标记本讲为已完成").click()
        site.locator("body").evaluate("() => history.back()")  # the browser's back button: home again
        site.locator(".md-content a[href$='final-assessment.html']").first.click()
        answer_all(site, "错")
        site.get_by_role("button", name="重新抽题作答").click()
        answer_all(site, "对")
        lms.wait_for("passed")
        # The site's pages find the launch for the site's own statements (the session store, one tab's visit).
        [frame] = [f for f in page.frames if f.parent_frame is not None]
        assert frame.evaluate("() => coursegen.cmi5.launch().registration") == registration
        page.goto("about:blank")  # the trainee leaves: the launcher's pagehide
        lms.wait_for("terminated")
        # The fetch URL works once: opened again, the launch is refused and the trainee is told.
        page.goto(url)
        expect(page.get_by_role("status")).to_contain_text("没能从学习平台取得启动信息")
    context.close()

    statements = launched_session(lrs, registration)
    assert [verb(s) for s in statements] == ORDER
    launched, *au = statements
    session = launched["context"]["extensions"][CMI5_EXTENSIONS["sessionid"]]
    for s in au:
        assert s["object"]["id"] == launched["object"]["id"] != ACTIVITY_ID  # the LMS's activityId
        assert s["actor"]["account"] == ACTOR["account"]
        assert s["context"]["registration"] == registration
        assert s["context"]["extensions"][CMI5_EXTENSIONS["sessionid"]] == session
        assert {"id": ACTIVITY_ID} in s["context"]["contextActivities"]["grouping"]
        categories = [c["id"] for c in s["context"]["contextActivities"]["category"]]
        judged = verb(s) in ("completed", "passed")
        assert categories == [CMI5_CATEGORIES["cmi5"]] + ([CMI5_CATEGORIES["moveon"]] if judged else [])
        assert s["result"]["duration"].startswith("PT") if verb(s) != "initialized" else "result" not in s
    completed, passed = au[1], au[2]
    assert completed["result"]["completion"] is True and "success" not in completed["result"]
    assert passed["result"]["success"] is True
    assert passed["result"]["score"] == {"scaled": 1, "raw": 100, "min": 0, "max": 100}
    assert passed["context"]["extensions"][CMI5_EXTENSIONS["masteryscore"]] == 0.6
    assert passed["verb"]["display"] == {"zh-CN": "通过"}
    # The site's own statement (cmi5 allowed): the launch's learner and session, inside the session.
    [lecture] = [s for s in lrs.statements(f"registration={registration}") if s["object"]["id"] == f"{ACTIVITY_ID}/lecture/listen"]
    assert lecture["actor"]["account"] == ACTOR["account"]
    assert lecture["context"]["extensions"][CMI5_EXTENSIONS["sessionid"]] == session
    assert au[0]["timestamp"] < lecture["timestamp"] < au[-1]["timestamp"]


def launched_session(lrs: RalphLrs, registration: str) -> list[dict[str, Any]]:
    """The cmi5 defined statements of a registration (object: the launch's activity), in timestamp order, all valid."""
    everything = lrs.statements(f"registration={registration}")
    assert validate(everything) == []
    activity = next(s for s in everything if s["verb"]["id"] == CMI5_VERBS["launched"])["object"]["id"]
    return sorted((s for s in everything if s["object"]["id"] == activity), key=lambda s: s["timestamp"])


def test_a_failed_final_is_told_at_the_end_and_the_exit_returns_to_the_lms(browser: Browser, lrs: RalphLrs, tmp_path: Path,
                                                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    """The trainee fails and leaves by 退出课程 (the LMS gave a returnURL): failed, then terminated, then the LMS's page."""
    lms = Cmi5Lms(unpacked(tmp_path_factory, ENGINE, tmp_path / "lms"), lrs)
    page = browser.new_page(locale="zh-CN")
    page.set_default_timeout(15_000)
    with lms.running():
        url = lms.launch(ACTOR, return_url=True)
        page.goto(url)
        site = page.frame_locator("#cg-cmi5-frame")
        lms.wait_for("initialized")
        site.locator(".md-content a[href$='final-assessment.html']").first.click()
        answer_all(site, "错")
        lms.wait_for("completed")  # the course was gone through: completed at once; the verdict waits
        page.get_by_role("button", name="退出课程").click()
        page.wait_for_url(lms.return_address)
        lms.wait_for("terminated")
    page.close()
    statements = launched_session(lrs, parse_qs(urlsplit(url).query)["registration"][0])
    assert [verb(s) for s in statements] == ["launched", "initialized", "completed", "failed", "terminated"]
    failed = statements[3]
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] == 0
    assert failed["context"]["extensions"][CMI5_EXTENSIONS["masteryscore"]] == 0.6
    assert CMI5_CATEGORIES["moveon"] in [c["id"] for c in failed["context"]["contextActivities"]["category"]]


def test_a_browse_launch_sends_only_initialized_and_terminated(browser: Browser, lrs: RalphLrs, tmp_path: Path,
                                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    """cmi5 10.2.2: in Browse mode the trainee may pass the final, but the LMS is told nothing of it."""
    lms = Cmi5Lms(unpacked(tmp_path_factory, ENGINE, tmp_path / "lms"), lrs)
    page = browser.new_page(locale="zh-CN")
    page.set_default_timeout(15_000)
    with lms.running():
        url = lms.launch(ACTOR, "Browse")
        page.goto(url)
        site = page.frame_locator("#cg-cmi5-frame")
        lms.wait_for("initialized")
        site.locator(".md-content a[href$='final-assessment.html']").first.click()
        answer_all(site, "对")
        site.get_by_text(re.compile("最好成绩 100%")).first.wait_for()  # the attempt is saved and scored
        page.goto("about:blank")
        lms.wait_for("terminated")
    page.close()
    statements = launched_session(lrs, parse_qs(urlsplit(url).query)["registration"][0])
    assert [verb(s) for s in statements] == ["launched", "initialized", "terminated"]


def test_opened_without_a_launch_the_package_shows_the_plain_site(browser: Browser, tmp_path: Path,
                                                                   tmp_path_factory: pytest.TempPathFactory,
                                                                   lrs: RalphLrs) -> None:
    """Unzipped on a share and opened from there: no LMS, no statements, the course as a plain site."""
    lms = Cmi5Lms(unpacked(tmp_path_factory, ENGINE, tmp_path / "lms"), lrs)
    page = browser.new_page(locale="zh-CN")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    with lms.running():
        page.goto(f"{lms.address}/au/cmi5.html")
        page.wait_for_url(f"{lms.address}/au/index.html")
        expect(page.locator("h1").first).to_be_visible()
        assert page.evaluate("() => coursegen.cmi5.launch()") is None
    page.close()
    assert errors == [] and lms.verbs == []
