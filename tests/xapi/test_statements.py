"""cg-xapi.js's statements, in Node with a stand-in page: one of each kind the contract lists (every question type,
a named and an anonymous hand-in, a lecture done) posted as the sender posts them, and each one valid xAPI by Ralph's
own models. The browser tests send the common ones to a real LRS; these cover the shapes a course rarely shows."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from coursegen.model.lrs import INTERACTION, VERBS
from tests.lrs import missing_lrs, validate

ASSETS = Path(__file__).resolve().parents[2] / "generator" / "assets"
BASE = "https://learning.example.com/courses/c"
VOCABULARY = {"endpoint": "https://relay.example.com/", "auth": "relay", "base": BASE, "version": "1.0.3", "verbs": VERBS,
              "interaction": INTERACTION, "extensions": {n: f"{BASE}/xapi/{n}" for n in ("self-reported", "submission", "checksum", "course-version")}}
ITEMS = [
    {"id": "s", "type": "single", "prompt": "单选", "answer": 1, "answered": True, "key": [1], "options": 3, "correct": True,
     "fraction": 1, "max": 2},
    {"id": "m", "type": "multiple", "prompt": "多选", "answer": [0, 2], "answered": True, "key": [0, 1], "options": 4, "correct": False,
     "fraction": 0.5, "max": 2},
    {"id": "t", "type": "true_false", "prompt": "判断", "answer": False, "answered": True, "key": True, "options": 0, "correct": False, "fraction": 0, "max": 1},
    {"id": "f", "type": "fill", "prompt": "填空", "answer": "首问负责", "answered": True, "key": ["首问负责", "首问责任"], "options": 0, "correct": True, "fraction": 1, "max": 1},
    {"id": "o", "type": "ordering", "prompt": "排序", "answer": ["乙", "甲", "丙"], "answered": True, "key": ["甲", "乙", "丙"], "options": 3,
     "correct": False, "fraction": 0, "max": 1},
    {"id": "p", "type": "matching", "prompt": "配对", "answer": [1, -1], "answered": True, "key": [0, 1], "options": 2, "correct": False, "fraction": 0, "max": 1},
    {"id": "n", "type": "numeric", "prompt": "数值", "answer": "3.5", "value": 3.5, "answered": True, "key": [3, 4], "options": 0, "correct": True,
     "fraction": 1, "max": 1},
    {"id": "c", "type": "cloze", "prompt": "完形", "answer": ["首问", "负责"], "answered": True, "key": [["首问"], ["负责", "责任"]], "options": 0,
     "correct": True, "fraction": 1, "max": 1},
    {"id": "u", "type": "single", "prompt": "未答", "answer": None, "answered": False, "key": [0], "options": 2, "correct": False, "fraction": 0, "max": 1},
]
SUBMISSION = {"format": "coursegen-submission", "format_version": 1, "course_id": "c", "homework_id": "hw", "kind": "homework",
              "answers": {"a": "答"}, "trainee": {"name": "李晓明", "employee_id": "A10086", "department": "营业部"}, "sha256": "ab" * 32}
SURVEY = {"format": "coursegen-submission", "format_version": 2, "course_id": "c", "homework_id": "survey", "kind": "survey",
          "answers": {"r": 4}, "sha256": "cd" * 32}

RUNNER = r"""
const fs = require("fs"), vm = require("vm");
const [folder, config, course, titles, events] = [process.argv[1], ...process.argv.slice(2).map(JSON.parse)];
const data = new Map(), listeners = {}, posts = [];
const on = (name, fn) => (listeners[name] = listeners[name] || []).push(fn);
const fire = (name, detail) => (listeners[name] || []).forEach((fn) => fn({ detail, target: {} }));
const page = {
  coursegenConfig: config, coursegenCourse: course, coursegenTitles: titles, crypto: require("crypto").webcrypto, addEventListener: on,
  localStorage: { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k), key: (i) => [...data.keys()][i], get length() { return data.size; } },
  document: { readyState: "complete", currentScript: null, addEventListener: on, querySelector: () => null,
    querySelectorAll: () => [], getElementById: () => null,
    dispatchEvent: (e) => fire(e.type, e.detail) },
  CustomEvent: class { constructor(type, init) { this.type = type; this.detail = init.detail; } },
  fetch: (url, init) => { posts.push({ url, headers: init.headers, body: JSON.parse(init.body) }); return Promise.resolve({ status: 200 }); },
  setTimeout, clearTimeout, console, URL,
};
page.window = page;
vm.createContext(page);
["cg-core.js", "cg-completion.js", "cg-interactions.js", "cg-xapi.js"].forEach((f) => vm.runInContext(fs.readFileSync(folder + "/" + f, "utf8"), page));
(async () => {
  const drain = async () => { for (let i = 0; i < 50; i++) await new Promise(setImmediate); };
  for (const [name, detail] of events) {
    if (name === "store") page.coursegen.store.set(detail.key, detail.value);
    else fire(name, detail);
    await drain();
  }
  console.log(JSON.stringify(posts));
})();
"""


def run(events: list[tuple[str, Any]], *, results: str = "questions") -> list[dict[str, Any]]:
    """The posts cg-xapi.js makes for ``events`` (name, detail; "store" sets a store entry) in a relay course."""
    node = shutil.which("node")
    assert node is not None
    config = {"courseId": "c", "lang": "zh", "results": results, "strings": {}, "lrs": VOCABULARY}
    # As cg-course.js has it, with the titles apart (cg-titles.js, on every page of a course with an LRS).
    course = {"version": "v1", "items": [
        {"kind": "lecture", "id": "l1"}, {"kind": "quiz", "id": "q1"}, {"kind": "scenario", "id": "lobby"},
        {"kind": "quiz", "id": "final", "final": True}, {"kind": "homework", "id": "hw"}, {"kind": "homework", "id": "survey"}],
        "pages": {kind: f"{kind}s/{{id}}" for kind in ("lecture", "quiz", "scenario", "homework")}}
    titles = ["第一讲", "测验", "大堂", "结业测评", "作业", "问卷"]
    arguments = [node, "-e", RUNNER, str(ASSETS), json.dumps(config), json.dumps(course), json.dumps(titles), json.dumps(events)]
    done = subprocess.run(arguments, capture_output=True, text=True, check=True, timeout=60)  # noqa: S603 - node, our script
    posts: list[dict[str, Any]] = json.loads(done.stdout)
    return posts


def statements(posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [s for post in posts for s in post["body"]]


IDENTITY = ("store", {"key": "identity", "value": {"name": "李晓明", "employee_id": "A10086"}})
SCORED = ("coursegen:quiz-scored", {"quizId": "q1", "score": 50, "passed": False, "max": 9, "items": ITEMS})

pytestmark = pytest.mark.node


@pytest.fixture(autouse=True)
def ralph() -> None:
    if why := missing_lrs():
        pytest.skip(why)


def test_every_question_type_the_quiz_attempt_and_the_final_are_valid_xapi() -> None:
    final = ("coursegen:quiz-scored", {"quizId": "final", "score": 80, "passed": True, "final": True,
                                       "items": [{**ITEMS[0], "id": "q1/s"}]})
    sent = statements(run([IDENTITY, SCORED, final]))
    assert validate(sent) == []
    answered = {s["object"]["id"].rsplit("/", 1)[1]: s for s in sent if s["verb"]["id"] == VERBS["answered"]}
    assert sorted(answered) == ["c", "f", "m", "n", "o", "p", "s", "t"], "the unanswered question is not sent"
    assert answered["n"]["object"]["definition"]["correctResponsesPattern"] == ["3[:]4"] and answered["n"]["result"]["response"] == "3.5"
    assert answered["c"]["result"]["response"] == "首问[,]负责" and answered["c"]["object"]["definition"]["interactionType"] == "fill-in"
    assert answered["m"]["result"]["response"] == "a[,]c" and answered["m"]["object"]["definition"]["correctResponsesPattern"] == ["a[,]b"]
    assert answered["t"]["result"]["response"] == "false" and answered["o"]["result"]["response"] == "b[,]a[,]c"
    assert answered["p"]["object"]["definition"]["source"] == [{"id": "a"}, {"id": "b"}] and answered["p"]["result"]["response"] == "a[.]b"
    assert answered["s"]["context"]["contextActivities"]["grouping"] == [{"objectType": "Activity", "id": f"{BASE}/quiz/q1"}]
    assert {s["object"]["id"] for s in sent if s["verb"]["id"] == VERBS["passed"]} == {f"{BASE}/quiz/final"}
    assert f"{BASE}/quiz/q1/question/s" in {s["object"]["id"] for s in sent}, "a final's question is addressed through its bank"
    [attempt] = [s for s in sent if s["verb"]["id"] == VERBS["completed"] and s["object"]["id"] == f"{BASE}/quiz/q1"]
    assert attempt["result"]["score"] == {"raw": 50, "min": 0, "max": 100, "scaled": 0.5} and attempt["result"]["success"] is False


def test_results_scores_sends_no_answers_and_results_none_no_quiz_at_all() -> None:
    assert {s["verb"]["id"] for s in statements(run([IDENTITY, SCORED], results="scores"))} == {VERBS["completed"]}
    assert statements(run([IDENTITY, SCORED], results="none")) == []


def test_a_named_hand_in_is_self_reported_and_an_anonymous_one_has_no_name_nor_registration() -> None:
    sent = statements(run([("coursegen:submit", {**SUBMISSION, "handed_in": {"channel": "file"}}),
                           ("coursegen:submit", {**SURVEY, "handed_in": {"channel": "file"}})]))
    assert validate(sent) == []
    named, anonymous = sent
    assert named["actor"] == {"objectType": "Agent", "name": "李晓明", "account": {"homePage": BASE, "name": "A10086"}}
    assert named["context"]["extensions"][f"{BASE}/xapi/self-reported"] is True and named["context"]["registration"]
    assert named["result"]["extensions"][f"{BASE}/xapi/submission"] == SUBMISSION, "the file's object, handed_in left out"
    assert named["result"]["extensions"][f"{BASE}/xapi/checksum"] == SUBMISSION["sha256"]
    assert anonymous["actor"] == {"objectType": "Agent", "account": {"homePage": BASE, "name": "anonymous"}}
    assert "registration" not in anonymous["context"] and f"{BASE}/xapi/self-reported" not in anonymous["context"]["extensions"]


def test_a_lecture_done_is_sent_once_and_nothing_leaves_before_the_name_is_typed() -> None:
    done = ("store", {"key": "lecture:l1", "value": {"visited": "2026-12-07T09:00:00Z", "done": "2026-12-07T09:10:00Z"}})
    click = ("click", {})
    assert run([done, click, click]) == [], "no name typed yet: it waits"
    sent = statements(run([done, click, IDENTITY, click, click]))
    assert [s["object"]["id"] for s in sent] == [f"{BASE}/lecture/l1"] and validate(sent) == []
    assert [s["object"]["definition"]["name"] for s in sent] == [{"zh-CN": "第一讲"}], "its title, from cg-titles.js"
    posts = run([IDENTITY, done, click])
    assert posts[0]["url"] == "https://relay.example.com/statements" and "Authorization" not in posts[0]["headers"]
    assert posts[0]["headers"]["X-Experience-API-Version"] == "1.0.3"


def test_a_scenario_ended_carries_the_score_of_its_ending() -> None:
    ended = ("store", {"key": "scenario:lobby", "value": {"path": [["a", 0]], "ended": "2026-12-07T09:00:00Z", "total": 7}})
    [sent] = statements(run([IDENTITY, ended, ("click", {})]))
    assert sent["object"]["id"] == f"{BASE}/scenario/lobby" and sent["result"] == {"completion": True, "score": {"raw": 7}}
    assert validate([sent]) == []
