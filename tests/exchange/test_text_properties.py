"""Any text — Chinese, GIFT's control characters, markup, line breaks — comes back unchanged."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coursegen.exchange import gift, moodle_xml
from coursegen.exchange.common import Draft
from coursegen.exchange.report import Report
from coursegen.model.quiz import QuizBank

ALPHABET = "投诉处理客户期望值：，。“”（）｜；abcXYZ019 ~=#{}:\\%[]<>&/-_*\n"
texts = st.text(ALPHABET, min_size=1, max_size=40).map(str.strip).filter(bool)
lines = texts.map(lambda t: " ".join(t.split()))


def _bank(prompt: str, right: str, wrong: str, feedback: str) -> QuizBank:
    question = {"id": "q1", "type": "single", "prompt": prompt, "explanation": feedback,
                "options": [{"text": right, "correct": True, "feedback": feedback}, {"text": wrong}]}
    return QuizBank.model_validate({"id": "b", "title": "题库", "questions": [question]})


def _same(bank: QuizBank, draft: Draft) -> None:
    [original], [back] = bank.questions, draft.questions
    assert back == original


@settings(max_examples=100, deadline=None)
@given(texts, lines, lines, texts)
def test_gift_keeps_any_text(prompt: str, right: str, wrong: str, feedback: str) -> None:
    assume(right != wrong)
    bank = _bank(prompt, right, wrong, feedback)
    exported = Report("x.gift")
    data = gift.write(bank, exported)
    # An option opening like a weight (%50%…) or a text format ([html]…) is escaped, so nothing is reported about it.
    assert not [n for n in exported.notes if "misread" in n.message or "->" in n.message and "->" not in right + wrong]
    _same(bank, gift.read(data, Report("x.gift")))


@settings(max_examples=100, deadline=None)
@given(texts, lines, lines, texts)
def test_moodle_xml_keeps_any_text(prompt: str, right: str, wrong: str, feedback: str) -> None:
    assume(right != wrong)
    bank = _bank(prompt, right, wrong, feedback)
    _same(bank, moodle_xml.read(moodle_xml.write(bank, Report("x.xml")), Report("x.xml")))
