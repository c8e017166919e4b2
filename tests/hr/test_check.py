"""One file at a time: the checks a submission goes through, cheapest first."""

from __future__ import annotations

import json
import multiprocessing
from typing import Any

import pytest

from coursegen.hr.buckets import Limits, Reason, Rejected
from coursegen.hr.check import Matcher, Received, json_depth, parse_submission
from coursegen.hr.roster import read_roster
from coursegen.load import load_project
from coursegen.model.submission import checksum

from .synthetic import Person, people, submission, write_course, write_roster


class Checker:
    """Both steps a file goes through, as :func:`coursegen.hr.intake.collect` runs them."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher

    def check(self, data: bytes) -> Received:
        return self.matcher.match(parse_submission(data, Limits()))


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    root = tmp_path_factory.mktemp("check")
    project, _ = load_project(*write_course(root))
    return Checker(Matcher(project, read_roster(write_roster(root / "roster.csv", people(3)))))


def resealed(data: dict[str, Any], **changes: Any) -> bytes:
    """``data`` with ``changes`` and a fresh, matching checksum: a file edited by someone who knows the rule."""
    data = {**data, **changes}
    data["sha256"] = checksum(data)
    return json.dumps(data, ensure_ascii=False).encode()


def rejection(checker: Checker, data: bytes) -> tuple[Reason, str]:
    with pytest.raises(Rejected) as error:
        checker.check(data)
    return error.value.reason, error.value.detail


@pytest.mark.parametrize(("text", "depth"), [
    ("{}", 1), ("[[[]]]", 3), ('{"a": "[[[[[[", "b": ["\\"[[["]}', 2), ('"]]]]"', 0), ("1", 0), ("", 0),
])
def test_json_depth_ignores_brackets_inside_strings(text: str, depth: int) -> None:
    assert json_depth(text) == depth


def test_a_valid_file_with_a_bom_is_accepted(checker: Checker) -> None:
    data = submission(people(1)[0], "lunch-homework")
    received = checker.check(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode())
    assert (received.trainee.employee_id, received.form.id) == ("E0001", "lunch-homework")


@pytest.mark.parametrize(("content", "reason", "detail"), [
    (b"\xff\xfe{}", Reason.NOT_JSON, "不是 UTF-8 文本（第 0 字节）"),
    (b"", Reason.EMPTY, "0 字节，没有内容：请学员重新导出提交文件"),
    (b"\xef\xbb\xbf \r\n", Reason.EMPTY, "6 字节，没有内容：请学员重新导出提交文件"),
    (b'{"format": NaN}', Reason.NOT_JSON, "NaN is not valid JSON"),
    (b"[1, 2]", Reason.NOT_SUBMISSION, '没有 "format": "coursegen-submission"'),
    (b'{"format": "coursegen-submission", "format_version": true}', Reason.WRONG_VERSION, "版本 True，本工具读取版本 1、2"),
    (b'{"a":' * 40 + b"1" + b"}" * 40, Reason.TOO_DEEP, "嵌套 40 层，上限 32 层"),
])
def test_malformed_files(checker: Checker, content: bytes, reason: Reason, detail: str) -> None:
    assert rejection(checker, content) == (reason, detail)


def test_survey_ratings_outside_one_to_five_are_invalid(checker: Checker) -> None:
    data = submission(people(1)[0], "evaluation")
    assert rejection(checker, resealed(data, answers={"scores": {"content": 9}})) == (Reason.INVALID, "评分「scores」必须是 1 到 5 的整数")


def test_a_file_claiming_the_wrong_kind_of_form_is_rejected(checker: Checker) -> None:
    data = submission(people(1)[0], "lunch-homework")
    assert rejection(checker, resealed(data, kind="survey")) == (Reason.UNKNOWN_HOMEWORK, "「lunch-homework」在课程中是 homework，文件却写作 survey")


def test_extra_keys_are_invalid_even_with_a_matching_checksum(checker: Checker) -> None:
    data = submission(people(1)[0], "lunch-homework")
    reason, detail = rejection(checker, resealed(data, payload="<script>"))
    assert (reason, detail) == (Reason.INVALID, "payload：Extra inputs are not permitted")


def test_roster_match_ignores_width_and_spaces_but_not_digits(checker: Checker) -> None:
    person = people(2)[1]
    assert checker.check(resealed(submission(person, "case-review"), trainee={"name": person.name, "employee_id": " ｅ０００２ ", "department": "x"})).trainee.employee_id == "E0002"
    assert rejection(checker, resealed(submission(person, "case-review"), trainee={"name": person.name, "employee_id": "E00002", "department": "x"}))[0] is Reason.NOT_ON_ROSTER


def _depth_in_child(text: str, seconds: float) -> bool:
    """Whether :func:`json_depth` finishes within ``seconds`` (in a forked child, which can be killed if it does not)."""
    child = multiprocessing.get_context("fork").Process(target=json_depth, args=(text,))
    child.start()
    child.join(seconds)
    if child.is_alive():
        child.kill()
        child.join()
        return False
    return child.exitcode == 0


@pytest.mark.parametrize("text", [
    "[" * 40 + '"' + '\\"' * 250_000,  # unterminated run of escaped quotes: was quadratic (hours)
    "[" * 40 + '"' + '\\"' * 250_000 + "\\",  # ... ending in a lone backslash
])
def test_json_depth_is_linear_on_crafted_strings(text: str) -> None:
    assert _depth_in_child(text, 20)


def test_a_lone_surrogate_as_the_site_exports_it_is_accepted(checker: Checker) -> None:
    """The course site's JSON.stringify writes half an emoji as ``\\ud83d`` and hashes that escape; so does the check."""
    data = submission(people(1)[0], "lunch-homework", answers={"summary": "投诉\ud83d处理"})
    received = checker.check(json.dumps(data).encode())  # ensure_ascii: the surrogate travels as its escape
    assert (received.trainee.employee_id, received.form.id) == ("E0001", "lunch-homework")




@pytest.fixture(scope="module")
def numeric(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    """A roster of plain numbers, as many companies' employee ids are."""
    root = tmp_path_factory.mktemp("numeric")
    project, _ = load_project(*write_course(root))
    persons = [Person("12345", "王一", "甲"), Person("67890", "李二", "乙"), Person("0042", "张三", "丙")]
    return Checker(Matcher(project, read_roster(write_roster(root / "roster.csv", persons))))


@pytest.mark.parametrize(("written", "roster_id"), [("0012345", "12345"), ("12345", "12345"), ("42", "0042"), ("000042", "0042"), ("６７８９０", "67890")])
def test_leading_zeros_do_not_stop_a_number_matching_the_roster(numeric: Checker, written: str, roster_id: str) -> None:
    person = Person(written, "某人", "甲")
    assert numeric.check(json.dumps(submission(person, "case-review")).encode()).trainee.raw_id == roster_id


@pytest.mark.parametrize(("written", "near"), [("12346", "12345（王一）"), ("12354", "12345（王一）"), ("0012355", "12345（王一）"), ("67980", "67890（李二）")])
def test_an_id_one_slip_from_the_roster_is_rejected_with_the_close_one(numeric: Checker, written: str, near: str) -> None:
    reason, detail = rejection(numeric, json.dumps(submission(Person(written, "某人", "甲"), "case-review")).encode())
    assert reason is Reason.NOT_ON_ROSTER
    assert detail.endswith(f"；名单上相近的工号（可能输错了一位或颠倒了两位）：{near}")


def test_an_id_far_from_every_roster_id_gets_no_suggestion(numeric: Checker) -> None:
    reason, detail = rejection(numeric, json.dumps(submission(Person("99999", "某人", "甲"), "case-review")).encode())
    assert (reason, detail) == (Reason.NOT_ON_ROSTER, "工号「99999」，姓名「某人」，部门「甲」")
