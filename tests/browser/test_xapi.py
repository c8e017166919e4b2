"""The site sends xAPI statements to a real LRS (Ralph), on a copy of the example course that names it (``lrs:``).

Sent under a launch: the test plays the cmi5 runtime, calling ``coursegen.xapi.configure`` on every page with the
credentials a launch would give (never written into a page). A trainee does a quiz, a case and a homework hand-in;
the statements are read back through the LRS's own API and checked by Ralph's xAPI models. With the LRS stopped
mid-course, the records wait in the browser (学习进度 says how many) and reach the LRS once, when it is back.
Through ``coursegen lrs relay`` (``auth: relay``), the records wait for the name and 工号 typed for a hand-in and go
out under them, marked self-reported.
"""

from __future__ import annotations

import json
from datetime import datetime
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import pytest

from coursegen.builder import Paths, build
from coursegen.model.lrs import VERBS
from tests.browser.conftest import submit_quiz
from tests.browser.test_cases import WRITTEN, open_case
from tests.browser.test_forms import HOMEWORK, IDENTITY, export, fill_all, open_form
from tests.conftest import ROOT, serve_folder
from tests.lrs import PASSWORD, USER, RalphLrs, missing_lrs, validate
from tests.serving import StderrLog, free_port, stop

pytestmark = [pytest.mark.browser, pytest.mark.lrs]

BASE = "https://learning.example.com/courses/complaints-2026"
QUIZ = "quiz-service-front"
ACTOR = {"objectType": "Agent", "name": IDENTITY["name"], "account": {"homePage": "https://lms.example.com", "name": IDENTITY["employee_id"]}}
Page = Any  # playwright.sync_api.Page


def course_with_lrs(out: Path, url: str, endpoint: str, auth: str) -> None:
    """The example course with ``lrs:`` (results: questions, so each answer is sent too), built in ``out``."""
    shutil.copytree(ROOT / "course", out / "course")
    shutil.copytree(ROOT / "quizzes", out / "quizzes")
    shutil.copytree(ROOT / "docs", out / "docs")  # hand-written pages and the pictures questions show
    course = out / "course" / "course.yml"
    text = course.read_text(encoding="utf-8").replace("results: scores", "results: questions")
    course.write_text(text + f"lrs:\n  endpoint: {endpoint}\n  activity_id: {BASE}\n  auth: {auth}\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8") + f"site_url: {url}/\n", encoding="utf-8")
    build(Paths(config=out / "mkdocs.yml", course=out / "course", quizzes=out / "quizzes", work=out / "work"), out / "site")


@pytest.fixture(scope="session")
def lrs_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, RalphLrs]]:
    """The course under ``auth: launch``, served, and its LRS (which the browser reaches directly, CORS open to it)."""
    if why := missing_lrs():
        pytest.skip(why)
    out = tmp_path_factory.mktemp("xapi")
    server = serve_folder(out / "site")
    url = next(server)
    lrs = RalphLrs(out / "lrs", origins=[url])
    course_with_lrs(out, url, lrs.endpoint, "launch")
    lrs.start()
    yield url, lrs
    lrs.stop()
    server.close()


@pytest.fixture(scope="session")
def relay_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, RalphLrs]]:
    """The course under ``auth: relay``, served, with ``coursegen lrs relay`` in front of its LRS (no CORS of its own)."""
    if why := missing_lrs():
        pytest.skip(why)
    out = tmp_path_factory.mktemp("xapi-relay")
    server = serve_folder(out / "site")
    url = next(server)
    lrs = RalphLrs(out / "lrs")
    (out / "lrs.key").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    port = free_port()
    relay = subprocess.Popen(  # noqa: S603 - our own command, its arguments the test's
        [sys.executable, "-m", "coursegen", "lrs", "relay", "--lrs", lrs.endpoint, "--credentials", str(out / "lrs.key"),
         "--origin", url, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    log = StderrLog(relay.stderr)  # type: ignore[arg-type]
    course_with_lrs(out, url, f"http://127.0.0.1:{port}/", "relay")
    lrs.start()
    assert log.wait_for("转发服务已启动"), log.text_so_far()
    yield url, lrs
    stop(relay)
    lrs.stop()
    server.close()


def launched(page: Page, lrs: RalphLrs, registration: str) -> None:
    """What the cmi5 runtime does on each page of a launched course: hand the launch's credentials to the sender."""
    launch = {"endpoint": lrs.endpoint, "authorization": lrs.authorization, "actor": ACTOR, "registration": registration,
              "launched": True}
    page.add_init_script(f"document.addEventListener('DOMContentLoaded', () => coursegen.xapi.configure({json.dumps(launch)}))")


def waiting(page: Page, url: str, n: int) -> None:
    """学习进度 comes to say that ``n`` records wait to be sent (it says so as the LRS answers)."""
    from playwright.sync_api import expect

    page.goto(f"{url}/progress/")
    expect(page.locator("[data-cg-xapi]")).to_have_attribute("data-waiting", str(n))


def take_quiz(page: Page, url: str) -> None:
    """A quiz attempt with its first question answered, the rest left blank."""
    page.goto(f"{url}/quizzes/{QUIZ}/")
    page.locator(".cg-q").first.locator("input").first.check()
    submit_quiz(page)
    page.locator(".cg-quiz__result").wait_for()


def answer_case(page: Page, url: str) -> None:
    open_case(page, url, WRITTEN)
    for question in WRITTEN.questions:
        if question.options:
            page.get_by_role("radio", name=question.answer, exact=True).check()
        else:
            page.locator(f"#cg-case-{WRITTEN.id}-{question.id}").fill("先关心客户，再当天回访")
    page.locator(f"#cg-case-{WRITTEN.id}-{WRITTEN.questions[-1].id}").blur()


def hand_in(page: Page, url: str) -> None:
    open_form(page, url, HOMEWORK)
    fill_all(page, HOMEWORK)
    export(page)


def mine(lrs: RalphLrs, registration: str) -> list[dict[str, Any]]:
    """The statements of one trainee's launch (each test has a registration of its own)."""
    return lrs.statements(f"registration={registration}")


@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def sized(browser: Any, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(locale="zh-CN", accept_downloads=True, viewport={"width": request.param, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_a_quiz_a_case_and_a_hand_in_reach_the_lrs_valid(sized: Page, lrs_site: tuple[str, RalphLrs]) -> None:
    url, lrs = lrs_site
    registration = str(uuid.uuid4())
    launched(sized, lrs, registration)
    take_quiz(sized, url)
    answer_case(sized, url)
    hand_in(sized, url)
    waiting(sized, url, 0)
    stored = mine(lrs, registration)
    assert validate(stored) == []
    by_verb: dict[str, list[dict[str, Any]]] = {}
    for s in stored:
        by_verb.setdefault(s["verb"]["id"], []).append(s)
    assert all(s["actor"]["account"] == ACTOR["account"] for s in stored)
    quiz = [s for s in by_verb[VERBS["completed"]] if s["object"]["id"] == f"{BASE}/quiz/{QUIZ}"]
    assert len(quiz) == 1 and quiz[0]["result"]["completion"] is True and 0 <= quiz[0]["result"]["score"]["scaled"] <= 1
    answers = by_verb[VERBS["answered"]]
    assert len(answers) == 1 and answers[0]["object"]["id"].startswith(f"{BASE}/quiz/{QUIZ}/question/")
    assert answers[0]["object"]["definition"]["correctResponsesPattern"]
    assert [s["object"]["id"] for s in by_verb[VERBS["completed"]] if "/case/" in s["object"]["id"]] == [f"{BASE}/case/{WRITTEN.id}"]
    [submit] = by_verb[VERBS["submit"]]
    extensions = submit["result"]["extensions"]
    submission = extensions[f"{BASE}/xapi/submission"]
    assert submission["homework_id"] == HOMEWORK.id and submission["trainee"]["employee_id"] == IDENTITY["employee_id"]
    assert extensions[f"{BASE}/xapi/checksum"] == submission["sha256"]
    assert all(f"{BASE}/xapi/self-reported" not in s["context"].get("extensions", {}) for s in stored), "a launch vouches"


def test_with_the_lrs_down_records_wait_and_each_arrives_once_when_it_is_back(sized: Page, lrs_site: tuple[str, RalphLrs]) -> None:
    url, lrs = lrs_site
    registration = str(uuid.uuid4())
    launched(sized, lrs, registration)
    take_quiz(sized, url)
    waiting(sized, url, 0)
    lrs.stop()
    try:
        answer_case(sized, url)
        hand_in(sized, url)
        waiting(sized, url, 2)
        assert "还没有发送" in sized.locator("[data-cg-xapi]").inner_text()
    finally:
        lrs.start()
    sized.evaluate("window.dispatchEvent(new Event('online'))")
    waiting(sized, url, 0)
    stored = mine(lrs, registration)
    ids = [s["id"] for s in stored]
    assert len(ids) == len(set(ids)) == 4, "the quiz, its one answer, the case and the hand-in, each once"
    assert validate(stored) == []


def test_through_the_relay_records_wait_for_the_name_typed_and_go_out_self_reported(sized: Page, relay_site: tuple[str, RalphLrs]) -> None:
    url, lrs = relay_site
    take_quiz(sized, url)
    waiting(sized, url, 2)
    assert "填写姓名和工号" in sized.locator("[data-cg-xapi]").inner_text()
    hand_in(sized, url)
    waiting(sized, url, 0)
    registration = sized.evaluate("coursegen.store.get(coursegen.keys.XAPI_REGISTRATION, {}).id")
    stored = mine(lrs, registration)
    assert validate(stored) == []
    assert sorted(s["verb"]["id"] for s in stored) == sorted([VERBS["completed"], VERBS["answered"], VERBS["submit"]])
    actor = {"objectType": "Agent", "name": IDENTITY["name"], "account": {"homePage": BASE, "name": IDENTITY["employee_id"]}}
    assert all(s["actor"] == actor for s in stored)
    assert all(s["context"]["extensions"][f"{BASE}/xapi/self-reported"] is True for s in stored)


def test_a_refused_record_is_kept_and_shown_while_the_others_go_through(page: Page, lrs_site: tuple[str, RalphLrs]) -> None:
    """The LRS refuses one statement (a 400 for any batch holding the case's): the batch is sent again one by one, the
    others are stored, the refused one stays, counted on 学习进度, and goes out on a later page once it is accepted."""
    url, lrs = lrs_site
    registration = str(uuid.uuid4())
    launched(page, lrs, registration)

    def refuse_the_case(route: Any) -> None:
        if f"/case/{WRITTEN.id}" in (route.request.post_data or ""):
            route.fulfill(status=400, body="refused")
        else:
            route.continue_()

    page.route(f"{lrs.endpoint}statements", refuse_the_case)
    take_quiz(page, url)
    answer_case(page, url)
    waiting(page, url, 1)
    assert "拒收" in page.locator("[data-cg-xapi]").inner_text()
    assert len(mine(lrs, registration)) == 2, "the quiz and its answer went through"
    page.unroute(f"{lrs.endpoint}statements")
    waiting(page, url, 0)
    assert len(mine(lrs, registration)) == 3


def test_a_batch_stored_whose_answer_was_lost_is_sent_again_and_stored_once(page: Page, lrs_site: tuple[str, RalphLrs]) -> None:
    """The LRS stored the statements but the browser never heard it (here: they reach it by another way while the
    browser's posts fail): the browser sends the same ids again, and the LRS keeps one of each."""
    url, lrs = lrs_site
    registration = str(uuid.uuid4())
    launched(page, lrs, registration)
    page.route(f"{lrs.endpoint}statements", lambda route: route.abort())
    take_quiz(page, url)
    waiting(page, url, 2)
    queued = page.evaluate("coursegen.store.get(coursegen.keys.XAPI_QUEUE, {}).items.map(item => item.s)")
    lrs.post(queued)
    page.unroute(f"{lrs.endpoint}statements")
    waiting(page, url, 0)
    assert sorted(s["id"] for s in mine(lrs, registration)) == sorted(s["id"] for s in queued)


def test_without_a_launch_nothing_is_sent_and_the_progress_page_says_why(page: Page, lrs_site: tuple[str, RalphLrs]) -> None:
    url, lrs = lrs_site
    take_quiz(page, url)
    assert "学习平台指定的学习记录库" in page.locator("article").text_content(), "the quiz page tells where records go"
    waiting(page, url, 2)
    assert "从学习平台（LMS）启动" in page.locator("[data-cg-xapi]").inner_text()
    assert "学习平台指定的学习记录库" in page.locator("article").text_content(), "学习进度 says what goes to the LRS"
    made = page.evaluate("new Date().toISOString()")
    registration = str(uuid.uuid4())
    launched(page, lrs, registration)
    waiting(page, url, 0)
    sent = mine(lrs, registration)
    assert len(sent) == 2, "a later launch sends them, under its own identity"
    after = datetime.fromisoformat(made)
    assert all(datetime.fromisoformat(s["timestamp"]) > after for s in sent), "in the launch's session, none before its start"
