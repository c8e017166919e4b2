"""GIFT: escaping, what an independent parser (gift-pegjs) reads in our export, and Moodle-style input."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.exchange import FORMATS, import_bank
from coursegen.exchange.gift import escape, read, write
from coursegen.exchange.report import Report
from coursegen.exchange.yamlbank import dump_bank, load_bank
from coursegen.model.quiz import QuizBank, FillBlank, Matching, MultipleChoice, Numeric, ShortAnswer, SingleChoice, TrueFalse

from .banks import DATA, EXAMPLES, fixture_bank

pytestmark = pytest.mark.usefixtures("english")

Parse = Callable[[list[str]], list[list[dict[str, Any]]]]


def test_escape_covers_every_gift_control_character() -> None:
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert escape("第一行\n\n第二行\r\n") == "第一行\\n\\n第二行"


@pytest.mark.node("gift-pegjs")
def test_gift_pegjs_reads_our_export_as_the_same_questions(gift_pegjs: Parse) -> None:
    bank = fixture_bank()
    [parsed] = gift_pegjs([write(bank, Report("x.gift")).decode("utf-8")])
    category, *questions = parsed
    assert category == {"type": "Category", "title": "$course$/top/投诉处理//基础 题库：符号 ~ = # { } \\ 测试"}
    exported = [q for q in bank.questions if q.type not in NOT_IN_GIFT]
    assert [p["title"] for p in questions] == [q.id for q in exported]
    for p, q in zip(questions, exported):
        assert p["stem"] == {"format": "markdown", "text": q.prompt.strip()}, q.id
        _check(p, q)


NOT_IN_GIFT = ("ordering", "cloze", "dragwords", "hotspot")
"""Question types GIFT cannot hold: exported as a loss, not as a question."""


def _check(p: dict[str, Any], q: Any) -> None:
    feedback = (p.get("globalFeedback") or {}).get("text")
    if isinstance(q, SingleChoice):
        assert p["type"] == "MC"
        assert [(c["text"]["text"], c["isCorrect"], (c["feedback"] or {}).get("text")) for c in p["choices"]] == [
            (o.text, o.correct, o.feedback) for o in q.options
        ]
    elif isinstance(q, MultipleChoice):
        right = sum(o.correct for o in q.options)
        assert p["type"] == "MC" and not any(c["isCorrect"] for c in p["choices"])
        assert [c["weight"] for c in p["choices"]] == [pytest.approx((100 if o.correct else -100) / right, abs=1e-4) for o in q.options]
        assert sum(c["weight"] for c in p["choices"] if c["weight"] > 0) == pytest.approx(100, abs=1e-3)
    elif isinstance(q, TrueFalse):
        # Moodle's order: feedback for the wrong answer first, then for the right one (gift-pegjs names them trueFeedback, falseFeedback).
        right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
        assert p["type"] == "TF" and p["isTrue"] is q.answer
        assert [(f or {}).get("text") for f in (p["trueFeedback"], p["falseFeedback"])] == [wrong, right]
    elif isinstance(q, FillBlank):
        assert p["type"] == "Short" and [c["text"]["text"] for c in p["choices"]] == q.accept
    elif isinstance(q, Numeric):
        assert p["type"] == "Numerical" and p["choices"] == {"type": "range", "number": q.answer, "range": q.tolerance}, p
    elif isinstance(q, Matching):
        assert p["type"] == "Matching"
        assert [(m["subquestion"]["text"], m["subanswer"]) for m in p["matchPairs"]] == [(x.left, x.right) for x in q.pairs]
    else:
        assert isinstance(q, ShortAnswer) and p["type"] == "Essay"
        assert q.reference.strip() in feedback and all(item in feedback for item in q.checklist)
        return
    assert feedback == (q.explanation.strip() if q.explanation else None)


@pytest.mark.node("gift-pegjs")
def test_gift_pegjs_reads_every_example_bank(gift_pegjs: Parse) -> None:
    banks = [load_bank(path) for path in EXAMPLES]
    parsed = gift_pegjs([write(bank, Report("x.gift")).decode("utf-8") for bank in banks])
    for bank, questions in zip(banks, parsed, strict=True):
        assert [p.get("title") for p in questions[1:]] == [q.id for q in bank.questions if q.type not in NOT_IN_GIFT]


def _import(name: str) -> tuple[Any, Report]:
    return import_bank(DATA / name, FORMATS["gift"], bank_id="service-etiquette", default_id="unused", title=None)


def test_moodle_style_gift_is_read_the_way_moodle_reads_it() -> None:
    bank, _ = _import("moodle-sample.gift")
    questions = {q.id: q for q in bank.questions}
    assert bank.title == "服务礼仪"
    assert questions["q1"].prompt == "客户进门时，柜员应当首先:"
    assert [o.correct for o in questions["q1"].options] == [True, False, False]
    assert questions["missing-word"].prompt == "柜员应当 _____ 迎接客户。"
    assert questions["multi-weights"].type == "multiple"
    assert [o.correct for o in questions["multi-weights"].options] == [True, True, False]
    assert questions["tf-short"].answer is False
    assert questions["fill-weights"].accept == ["仪容仪表"]
    assert questions["html-question"].prompt == "请**配对**："
    assert questions["essay-ref"].reference.startswith("第一位接待的员工负责到底")
    assert (questions["numeric"].type, questions["numeric"].answer, questions["numeric"].tolerance) == ("numeric", 2, 0)


def test_what_cannot_be_read_or_kept_is_reported_with_its_line() -> None:
    _, report = _import("moodle-sample.gift")
    lines = [line.removeprefix(report.source) for line in report.lines()]
    assert lines[:1] == [
        ":33: error: essay-no-ref: essay without a reference answer: coursegen's short answers are self-checked against one; write it as the general feedback (####)",
    ]
    assert ":5: loss: q1: partial credit 50% of option '点头示意' is not kept: it counts as wrong" in lines
    assert ":21: loss: fill-weights: answer '仪表' worth 50% is not kept: fill questions accept full answers only" in lines
    assert ":5: warning: q1: '礼仪1' is not an id (lower-case letters, digits and '-'); the question is called q1" in lines
    assert ":31: warning: q8: text without answers (a Moodle description) is not imported" in lines


def test_a_gift_file_saved_as_gb18030_is_read_with_a_warning() -> None:
    text = "::q-1::投诉应当由谁受理？{=首问责任人 ~任何人}\n"
    report = Report("x.gift")
    draft = read(text.encode("gb18030"), report)
    assert draft.questions[0].options[0].text == "首问责任人"
    assert "GB18030" in report.notes[0].message


def test_unbalanced_braces_are_an_error_of_that_question() -> None:
    report = Report("x.gift")
    draft = read("::a::好 {=对 ~错}\n\n::b::坏 {=对 ~错\n".encode(), report)
    assert [q.id for q in draft.questions] == ["a"]
    assert [(n.line, n.question, n.message) for n in report.errors] == [(3, "b", "the braces { } around the answers do not match")]


@pytest.mark.node("gift-pegjs")
def test_gift_pegjs_would_catch_a_missing_escape(gift_pegjs: Parse) -> None:
    with pytest.raises(AssertionError, match="rejected 1 file"):
        gift_pegjs(["::a::时间: 九点 {=对 ~错}\n"])


# ---- what Moodle would misread: escaped where GIFT allows it, reported (pointing to Moodle XML) where not ----

def _defect_bank(*, fill: bool = True) -> QuizBank:
    """Options GIFT can escape, and (``fill``) fill-in answers it cannot, which no GIFT reader accepts as written."""
    questions = [
        {"id": "weight", "type": "single", "prompt": "哪一项是对的？",
         "options": [{"text": "%50% 的客户先打电话", "correct": True}, {"text": "[html]<b>先发邮件</b>"}]},
        {"id": "marks", "type": "multiple", "prompt": "哪几项是对的？",
         "options": [{"text": "[markdown] 先复述", "correct": True}, {"text": "&#37; 原样保留", "correct": True},
                     {"text": "%-100%先争辩"}]},
    ]
    if fill:
        questions += [{"id": "arrow", "type": "fill", "prompt": "流程：受理 _____ 回访", "accept": ["登记->处理"]},
                      {"id": "percent", "type": "fill", "prompt": "折扣写作 _____", "accept": ["%10%"]}]
    return QuizBank.model_validate({"id": "defects", "title": "易误读的答案", "questions": questions})


def test_an_arrow_or_a_weight_in_a_fill_answer_is_reported_pointing_to_moodle_xml() -> None:
    report = Report("x.gift")
    write(_defect_bank(), report)
    notes = [(n.severity, n.question, n.message) for n in report.notes if n.severity == "warning"]
    assert notes == [
        ("warning", "arrow (fill)", "answer '登记->处理' contains '->', which makes Moodle read the question as matching; "
                             "GIFT cannot escape it: export this bank as Moodle XML (--format moodle-xml) instead"),
        ("warning", "percent (fill)", "answer '%10%' begins like a GIFT weight or text format and will be misread "
                               "(a fill-in answer is compared as plain text, so it cannot be escaped): "
                               "export this bank as Moodle XML (--format moodle-xml) instead"),
    ]


def test_options_opening_like_a_weight_or_a_format_are_escaped_and_read_back_unchanged() -> None:
    bank = _defect_bank(fill=False)
    report = Report("x.gift")
    data = write(bank, report).decode("utf-8")
    assert [n for n in report.notes if n.severity == "warning"] == []
    assert "=&\\#37;50% 的客户先打电话" in data and "~&\\#91;html]<b>先发邮件</b>" in data
    draft = read(data.encode("utf-8"), Report("x.gift"))
    assert draft.questions == bank.questions


@pytest.mark.node("gift-pegjs")
def test_gift_pegjs_reads_escaped_options_as_text_not_as_weights_or_formats(gift_pegjs: Parse) -> None:
    bank = _defect_bank(fill=False)
    [parsed] = gift_pegjs([write(bank, Report("x.gift")).decode("utf-8")])
    weight, marks = parsed[1], parsed[2]
    # What Moodle shows: the choice's Markdown with its entity rendered, and no weight taken from the text.
    shown = [(html.unescape(c["text"]["text"]), c["text"]["format"], c["isCorrect"], c["weight"]) for c in weight["choices"]]
    assert shown == [("%50% 的客户先打电话", "markdown", True, None), ("[html]<b>先发邮件</b>", "markdown", False, None)]
    texts = [html.unescape(c["text"]["text"]) for c in marks["choices"]]
    assert texts == ["[markdown] 先复述", "&#37; 原样保留", "%-100%先争辩"]
    assert [c["weight"] for c in marks["choices"]] == [pytest.approx(50), pytest.approx(50), pytest.approx(-50)]


def test_strict_export_refuses_a_bank_moodle_would_misread(tmp_path: Path) -> None:
    source = tmp_path / "defects.yml"
    source.write_text(dump_bank(_defect_bank()), encoding="utf-8")
    result = CliRunner().invoke(main, ["quiz", "export", str(source), "-o", str(tmp_path / "x.gift"), "--strict"])
    assert result.exit_code == 1
    assert "arrow (fill)：答案“登记->处理”含有 ->，Moodle 会把这道题当成匹配题" in result.stderr
    assert result.stderr.rstrip().endswith("加了 --strict，有 3 个问题：什么都没有写入。")
    assert not (tmp_path / "x.gift").exists()
