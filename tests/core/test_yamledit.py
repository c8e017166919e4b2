"""The course studio's YAML editing: a save changes only the lines the trainer changed, keeps every comment, and
coursegen (PyYAML, YAML 1.1) reads back exactly the value the browser's form sent."""

from __future__ import annotations

import copy
import difflib
import json
import re
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coursegen.load import load_project
from coursegen.scaffold import create_project
from coursegen.yamledit import dump_new, load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = sorted([*(ROOT / "course").rglob("*.yml"), *(ROOT / "quizzes").glob("*.yml")])
COURSE = ROOT / "course" / "course.yml"
LECTURE = ROOT / "course" / "lectures" / "01-service-front.yml"
QUIZ = ROOT / "quizzes" / "quiz-service-front.yml"


class _DatesAsText(yaml.SafeLoader):
    """coursegen's reading (PyYAML's safe loader), with dates and times left as the text the studio shows."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: node.value)


def coursegen_reads(text: str) -> Any:
    return yaml.load(text, Loader=_DatesAsText)  # noqa: S506 - a safe loader subclass


def strict(value: Any) -> str:
    """A value compared strictly: `true` is not 1, 1.0 is not 1, and keys keep their order."""
    return json.dumps(value, ensure_ascii=False)


def edited(text: str, change: Callable[[Any], None]) -> str:
    """The file after the browser sent back its value with ``change`` made to it."""
    doc = load(text)
    value = doc.data()
    change(value)
    doc.apply(value)
    after: str = doc.dump()
    assert strict(coursegen_reads(after)) == strict(value)
    assert strict(load(after).data()) == strict(value)
    return after


def diff(before: str, after: str) -> tuple[int, list[str], list[str]]:
    """How many hunks a unified diff has, and the lines it removes and adds."""
    lines = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1))[2:]
    hunks = sum(line.startswith("@@") for line in lines)
    return hunks, [line[1:] for line in lines if line.startswith("-")], [line[1:] for line in lines if line.startswith("+")]


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


# 1. Files are written back byte for byte.

def assert_written_back(text: str) -> None:
    doc = load(text)
    assert doc.dump() == text
    assert strict(doc.data()) == strict(coursegen_reads(text))
    doc.apply(doc.data())
    assert doc.dump() == text


def test_the_example_course_is_all_here() -> None:
    assert len(EXAMPLE) >= 20
    assert {COURSE, LECTURE, QUIZ} <= set(EXAMPLE)


@pytest.mark.parametrize("path", EXAMPLE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_an_example_course_file_is_written_back_byte_for_byte(path: Path) -> None:
    assert_written_back(path.read_text(encoding="utf-8"))


def test_the_scaffold_files_are_written_back_byte_for_byte(tmp_path: Path) -> None:
    create_project(tmp_path / "demo", "新课程")
    files = sorted((tmp_path / "demo").rglob("*.yml"))
    assert [p.relative_to(tmp_path / "demo").as_posix() for p in files] == [
        "course/cases/example-case.yml", "course/course.yml", "course/lectures/01-intro.yml", "mkdocs.yml", "quizzes/quiz-intro.yml",
    ]
    for path in files:
        assert_written_back(path.read_text(encoding="utf-8"))


SAVED_AS = {
    "windows-line-ends": lambda text: text.replace("\n", "\r\n"),
    "byte-order-mark": lambda text: "\ufeff" + text,
    "no-last-line-break": lambda text: text.removesuffix("\n"),
    "all-three": lambda text: "\ufeff" + text.replace("\n", "\r\n").removesuffix("\r\n"),
}


@pytest.mark.parametrize("saved_as", SAVED_AS.values(), ids=SAVED_AS.keys())
def test_a_file_keeps_the_way_its_editor_saved_it(saved_as: Callable[[str], str]) -> None:
    before = saved_as(COURSE.read_text(encoding="utf-8"))
    doc = load(before)
    assert doc.dump() == before
    doc.apply(doc.data())
    assert doc.dump() == before
    after = edited(before, set_day_start)
    assert after == before.replace('day_start: "09:00"', 'day_start: "08:30"')


def test_a_file_with_nothing_but_comments_is_written_back() -> None:
    assert load("# 还没有内容\n").dump() == "# 还没有内容\n"


def test_the_form_gets_what_coursegen_reads_with_dates_and_times_as_written() -> None:
    value = load('a: 12:00\nb: no\nc: 0123\nd: 1e3\ne: 2026-03-12\nf: 2021-03-12T18:00:00+08:00\ng: "09:00"\nh: ~\ni: 1.5\nj: on\n').data()
    assert strict(value) == strict({"a": 720, "b": False, "c": 83, "d": "1e3", "e": "2026-03-12", "f": "2021-03-12T18:00:00+08:00",
                                    "g": "09:00", "h": None, "i": 1.5, "j": True})
    assert load(COURSE.read_text(encoding="utf-8")).data()["submission"]["deadline"] == "2021-03-12T18:00:00+08:00"


# 2. One field changed: one line changed.

def set_lecture_title(v: Any) -> None:
    v["title"] = "服务前置：逆向追溯升级投诉的根源"


def set_summary(v: Any) -> None:
    v["summary"] = "本章看投诉环境的变化。\n"


def set_option_text(v: Any) -> None:
    v["questions"][2]["options"][3]["text"] = "息事宁人: 尽快结案"


def set_deadline(v: Any) -> None:
    v["submission"]["deadline"] = "2021-03-19T18:00:00+08:00"


def set_day_start(v: Any) -> None:
    v["duration"]["day_start"] = "08:30"


def set_pass_mark(v: Any) -> None:
    v["pass_mark"] = 80


def set_shuffle(v: Any) -> None:
    v["shuffle"] = True


def set_answer_to_one(v: Any) -> None:
    v["questions"][1]["answer"] = 1  # equal to `true` in Python, not in JSON: the line must change


def set_time_to_number(v: Any) -> None:
    v["duration"]["lunch_end"] = 13  # a number where quoted text was: written bare, so it reads back as a number


SUMMARY = "本章从监管、舆情、法规三个维度看投诉环境的变化，逆向追溯升级投诉的根源，并说明如何通过期望值管理、制度产品完善和加大一线授权，把服务做在投诉之前。"
ONE_LINE = [
    (LECTURE, set_lecture_title, "title: 服务前置——逆向追溯升级投诉的根源", "title: 服务前置：逆向追溯升级投诉的根源"),
    (LECTURE, set_summary, "  " + SUMMARY, "  本章看投诉环境的变化。"),
    (QUIZ, set_option_text, "      - text: 息事宁人，尽快结案", '      - text: "息事宁人: 尽快结案"'),
    (COURSE, set_deadline, "  deadline: 2021-03-12T18:00:00+08:00", '  deadline: "2021-03-19T18:00:00+08:00"'),
    (COURSE, set_day_start, '  day_start: "09:00"', '  day_start: "08:30"'),
    (QUIZ, set_pass_mark, "pass_mark: 60", "pass_mark: 80"),
    (QUIZ, set_shuffle, "shuffle: false", "shuffle: true"),
    (QUIZ, set_answer_to_one, "    answer: true", "    answer: 1"),
    (COURSE, set_time_to_number, '  lunch_end: "13:30"', "  lunch_end: 13"),
]


@pytest.mark.parametrize(("path", "change", "removed", "added"), ONE_LINE, ids=[c[1].__name__ for c in ONE_LINE])
def test_one_field_changed_changes_one_line(path: Path, change: Callable[[Any], None], removed: str, added: str) -> None:
    before = path.read_text(encoding="utf-8")
    after = edited(before, change)
    assert diff(before, after) == (1, [removed], [added])
    assert comments(after) == comments(before)


def test_a_block_stays_a_block_when_its_text_loses_the_last_line_break() -> None:
    before = LECTURE.read_text(encoding="utf-8")

    def one_line(v: Any) -> None:
        v["summary"] = "一句话。"

    assert edited(before, one_line) == before.replace(f"summary: |\n  {SUMMARY}\n", "summary: |-\n  一句话。\n")


def test_a_number_sent_back_equal_leaves_its_line_alone() -> None:
    # The browser sends 6.0 back as 6: JSON has one kind of number.
    doc = load("hours_per_day: 6.0\ntitle: 一天\n")
    doc.apply({"hours_per_day": 6, "title": "一整天"})
    assert doc.dump() == "hours_per_day: 6.0\ntitle: 一整天\n"


def test_coursegen_reads_an_edited_deadline_as_that_time(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "course", tmp_path / "course")
    shutil.copytree(ROOT / "quizzes", tmp_path / "quizzes")
    (tmp_path / "course" / "course.yml").write_text(edited(COURSE.read_text(encoding="utf-8"), set_deadline), encoding="utf-8")
    project, _ = load_project(tmp_path / "course", tmp_path / "quizzes")
    assert project.course.submission is not None
    assert project.course.submission.deadline == datetime(2021, 3, 19, 18, tzinfo=timezone(timedelta(hours=8)))


def test_comments_and_blank_lines_stay_where_they_belong_when_keys_come_and_go() -> None:
    before = COURSE.read_text(encoding="utf-8")
    assert len(comments(before)) == 9

    def drop_mixed_numbering(v: Any) -> None:
        del v["mixed_numbering"]

    # The comment above a key is about it, and goes with it; the one above the next key stays.
    after = edited(before, drop_mixed_numbering)
    assert diff(before, after) == (1, ["# 大纲原文的序号就是 第一章、第二讲 … 第五讲：照原样显示，不提醒序号用词不一致。", "mixed_numbering: true"], [])

    def add_lunch_room(v: Any) -> None:
        v["duration"]["lunch_room"] = "三楼餐厅"

    # A new key comes right after the last one, before the blank line that ends its block.
    assert edited(before, add_lunch_room) == before.replace('  lunch_end: "13:30"\n', '  lunch_end: "13:30"\n  lunch_room: 三楼餐厅\n')

    def add_top_level_key(v: Any) -> None:
        v["notes"] = "x"

    # At the top, keys are separated by blank lines, and so is a new one.
    assert edited(before, add_top_level_key) == before + "\nnotes: x\n"


# 3. Items with ids keep their lines when moved, deleted or copied.

def question_blocks(text: str) -> tuple[str, list[str]]:
    """The quiz's text before its questions, and each question's lines (the questions end the file)."""
    head, _, questions = text.partition("questions:\n")
    blocks = re.split(r"\n\n(?=  - id: )", questions.removesuffix("\n"))
    assert len(blocks) == 11
    return head + "questions:\n", blocks


REARRANGEMENTS: dict[str, Callable[[list[Any]], list[Any]]] = {
    "swap-second-and-third": lambda xs: [xs[0], xs[2], xs[1], *xs[3:]],
    "swap-last-two": lambda xs: [*xs[:-2], xs[-1], xs[-2]],
    "first-to-last": lambda xs: [*xs[1:], xs[0]],
    "reverse": lambda xs: xs[::-1],
    "delete-fourth": lambda xs: xs[:3] + xs[4:],
    "delete-first": lambda xs: xs[1:],
    "delete-last": lambda xs: xs[:-1],
    "duplicate-second": lambda xs: [*xs[:2], xs[1], *xs[2:]],
}


@pytest.mark.parametrize("rearrange", REARRANGEMENTS.values(), ids=REARRANGEMENTS.keys())
def test_questions_moved_deleted_or_copied_take_their_lines_along(rearrange: Callable[[list[Any]], list[Any]]) -> None:
    before = QUIZ.read_text(encoding="utf-8")
    head, blocks = question_blocks(before)

    def change(v: Any) -> None:
        v["questions"] = copy.deepcopy(rearrange(v["questions"]))

    assert edited(before, change) == head + "\n\n".join(rearrange(blocks)) + "\n"


def test_items_with_ids_take_their_comments_and_quoting_along() -> None:
    before = "items:\n  - id: a  # the first\n    prompt: 'quoted'\n  - id: b\n    prompt: plain\n  - id: c\n    prompt: \"09:00\"\n"

    def rotate(v: Any) -> None:
        v["items"] = [v["items"][1], v["items"][2], v["items"][0]]

    assert edited(before, rotate) == "items:\n  - id: b\n    prompt: plain\n  - id: c\n    prompt: \"09:00\"\n  - id: a  # the first\n    prompt: 'quoted'\n"


def test_a_deleted_list_item_takes_its_comment_along() -> None:
    before = "points:\n  - 一  # first\n  - 二  # second\n  - 三  # third\n"

    def drop_second(v: Any) -> None:
        del v["points"][1]

    assert edited(before, drop_second) == "points:\n  - 一  # first\n  - 三  # third\n"


def test_an_emptied_list_keeps_the_lines_below_it() -> None:
    before = COURSE.read_text(encoding="utf-8")

    def empty_audience(v: Any) -> None:
        v["audience"] = []

    audience = "audience:\n  - 投诉管理专员\n  - 主管领导\n  - 中层干部\n  - 一线服务管理者\n\n"
    assert edited(before, empty_audience) == before.replace(audience, "audience: []\n\n")


def test_a_question_copied_and_edited_at_once_copies_it_as_it_was() -> None:
    before = QUIZ.read_text(encoding="utf-8")
    head, blocks = question_blocks(before)

    def copy_then_edit_the_original(v: Any) -> None:
        v["questions"].insert(2, copy.deepcopy(v["questions"][1]))
        del v["questions"][1]["feedback_true"]

    edited_block = "\n".join(line for line in blocks[1].split("\n") if not line.startswith("    feedback_true:"))
    assert edited(before, copy_then_edit_the_original) == head + "\n\n".join([blocks[0], edited_block, *blocks[1:]]) + "\n"


def test_a_copied_question_is_a_copy() -> None:
    doc = load(QUIZ.read_text(encoding="utf-8"))
    value = doc.data()
    value["questions"].insert(2, copy.deepcopy(value["questions"][1]))
    doc.apply(value)
    copied = doc.dump()
    value["questions"][2]["id"] = "law-favours-consumer-2"
    doc.apply(value)
    assert diff(copied, doc.dump()) == (1, ["  - id: law-favours-consumer"], ["  - id: law-favours-consumer-2"])
    assert doc.dump().count("  - id: law-favours-consumer\n") == 1


def test_reordered_lectures_leave_the_comment_below_the_list_in_place() -> None:
    before = COURSE.read_text(encoding="utf-8")
    listed = [f"  - lectures/{name}.yml\n" for name in
              ["01-service-front", "02-escalation-taboos", "03-complaint-management", "04-reputation-risk-analysis", "05-reputation-risk-strategy"]]
    assert "".join(listed) + "# 大纲原文" in before

    def reverse(v: Any) -> None:
        v["lectures"].reverse()

    assert edited(before, reverse) == before.replace("".join(listed), "".join(reversed(listed)))


def test_a_keep_block_moved_off_the_end_keeps_its_text() -> None:
    # `|+` keeps the blank lines below it, so the blank line that separated two items must not land under it.
    before = "items:\n  - id: a\n    text: |+\n      keep\n\n  - id: b\n    text: x\n\n  # about c\n  - id: c\n    text: y\n"

    def move(v: Any) -> None:
        v["items"] = [v["items"][1], v["items"][0], v["items"][2]]

    after = edited(before, move)
    assert "  # about c\n  - id: c\n" in after


# 4. Any text the form sends reads back as exactly that text.

TRICKY = [
    "12:00", "09:00", "1:30", "on", "no", "yes", "off", "y", "n", "Yes", "NO", "0123", "0o17", "0x1F", "1_000", "+1", ".5", "1e3", "1.0e+3",
    ".inf", ".NaN", "2021-03-12", "2021-03-12T18:00:00+08:00", "~", "null", "Null", "true", "False", "", " ", "  ", " a", "a ", "- x", "-",
    "a: b", "a:b", ":x", "#x", "a #b", "@x", "*x", "&x", "!x", "%x", "`x", "[x]", "{x}", "x, y", "?", "? x", "a?b", "|", ">", "'", '"', "'a'",
    '"a"', "=", "<<", "---", "...", "\n", "\n\n", "a\n", "a\n\n", "\na", " \n", "a\n ", "  lead\nx", "x\n  lead", "# c\nx", "x\n# c",
    "- a\n- b", "\t", "a\tb", "x\n\ty", "\r\n", "a\rb", "\x85", "\u2028", "\ufeff", "\x00", "\u00a0", "\u3000",
    "中文，句子。", "第一章：服务前置", "Hello, world", "It's fine", "复述并确认客户的诉求\n给出明确的处理人\n",
]
texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(),
    st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}#&*!|>'\"%@`,?~=<.0129eE+_一讲")), max_size=24),
)

EVERY_STYLE = """\
# Every way a text can stand in a file.
plain: x
quoted: "09:00"
single: 'y'
literal: |
  a
  b
folded: >
  f
  g
flow: [a, b]  # a flow list
block:
  - p
  - q
items:
  - id: one
    text: z

last: 1
"""


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, listed=st.lists(texts, max_size=4))
@example(text=":x", listed=[":x", "a?b"])  # plain in a YAML 1.2 flow list, not to PyYAML
@example(text="a\u2028b\nc", listed=["\x85", "x\ry"])  # line breaks that only YAML 1.1 knows, or that a block would turn into \n
def test_any_text_reads_back_as_exactly_that_text(text: str, listed: list[str]) -> None:
    def change(v: Any) -> None:
        for key in ("plain", "quoted", "single", "literal", "folded"):
            v[key] = text
        v["flow"] = v["block"] = listed
        v["items"][0]["text"] = text
        v["items"].append({"id": text, "text": listed})
        v[text] = text  # as a key, too

    edited(EVERY_STYLE, change)  # which checks what PyYAML and the studio read back


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(texts, json_values, max_size=5))
def test_a_new_file_reads_back_as_the_value_it_was_written_from(value: dict[str, Any]) -> None:
    text = dump_new(value)
    assert strict(yaml.safe_load(text) or {}) == strict(value)
    assert strict(load(text).data() or {}) == strict(value)


@pytest.mark.parametrize(("value", "written"), [
    ("12:00", 't: "12:00"\n'),
    ("09:00", 't: "09:00"\n'),  # text to PyYAML, quoted as every time is
    ("no", 't: "no"\n'),
    ("on", 't: "on"\n'),
    ("0123", 't: "0123"\n'),
    ("2021-03-12", 't: "2021-03-12"\n'),
    ("", 't: ""\n'),
    ("~", 't: "~"\n'),
    ("- x", 't: "- x"\n'),
    ("a: b", 't: "a: b"\n'),
    ("#x", 't: "#x"\n'),
    (" a", 't: " a"\n'),
    ("It's", "t: It's\n"),
    ("1e3", "t: 1e3\n"),  # text to PyYAML, which wants a dot in a float
    ("中文，句子：要点。", "t: 中文，句子：要点。\n"),
    ("Hello, world", "t: Hello, world\n"),
    ("a\nb", "t: |-\n  a\n  b\n"),
    ("a\nb\n", "t: |\n  a\n  b\n"),
    ("a\nb\n\n", 't: "a\\nb\\n\\n"\n'),  # `|+` would swallow the blank lines below it
    ("  lead\nx", "t: |2-\n    lead\n  x\n"),
    ("a\tb", 't: "a\\tb"\n'),
    (12, "t: 12\n"),
    (1.5, "t: 1.5\n"),
    (1e20, "t: 1.0e+20\n"),
    (True, "t: true\n"),
    (None, "t: null\n"),
    ([], "t: []\n"),
    (["12:00", "x"], 't:\n  - "12:00"\n  - x\n'),
    ({"yes": 1}, 't:\n  "yes": 1\n'),
])
def test_how_a_new_value_is_written(value: Any, written: str) -> None:
    assert dump_new({"t": value}) == written


# Any rearrangement the form can make is written so that coursegen reads exactly what was sent.

KEEP_BLOCKS = "a: 1\nitems:\n  - id: x\n    b: |+\n      t\n\n  # about y\n  - id: y\n    b: 2\n  - id: z\n    b: |\n      u\n\n# the end\nend: [1, 2]\n"


def collections(value: Any) -> list[Any]:
    found = [value] if isinstance(value, (dict, list)) else []
    for child in (value.values() if isinstance(value, dict) else value if isinstance(value, list) else []):
        found += collections(child)
    return found


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([*EXAMPLE, KEEP_BLOCKS]), st.data())
def test_any_rearrangement_reads_back_as_sent(source: Path | str, data: st.DataObject) -> None:
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    doc = load(text)
    value = doc.data()
    for _ in range(data.draw(st.integers(1, 4))):
        target = data.draw(st.sampled_from(collections(value)))
        if isinstance(target, list) and target:
            i, j = data.draw(st.integers(0, len(target) - 1)), data.draw(st.integers(0, len(target)))
            match data.draw(st.sampled_from(["permute", "delete", "copy", "insert"])):
                case "permute":
                    target[:] = data.draw(st.permutations(target))
                case "delete":
                    del target[i]
                case "copy":
                    target.insert(j, copy.deepcopy(target[i]))
                case "insert":
                    target.insert(j, data.draw(st.sampled_from(["x", "12:00", {"id": "new", "text": "a\nb"}, 3, None, ["q"]])))
        elif isinstance(target, dict) and target:
            key = data.draw(st.sampled_from(list(target)))
            match data.draw(st.sampled_from(["delete", "add", "set"])):
                case "delete":
                    del target[key]
                case "add":
                    target[data.draw(st.sampled_from(["zz", "yes", "a b"]))] = data.draw(st.sampled_from(["x", [1, "2"], {"q": None}]))
                case "set":
                    target[key] = data.draw(st.sampled_from(["x", "line\nline\n", 2, True, [], {}]))
    doc.apply(value)
    after = doc.dump()
    # Key order aside: an item matched by its place (its id changed, say) keeps the order its keys have in the file.
    assert json.dumps(coursegen_reads(after), sort_keys=True) == json.dumps(value, sort_keys=True)
    assert json.dumps(load(after).data(), sort_keys=True) == json.dumps(value, sort_keys=True)
