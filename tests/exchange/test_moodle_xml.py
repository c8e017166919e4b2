"""Moodle XML: the export validates against a schema of the subset and reads back; Moodle's own XML imports."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from coursegen.exchange import FORMATS, import_bank
from coursegen.exchange.moodle_xml import read, write
from coursegen.exchange.report import Report
from coursegen.exchange.yamlbank import load_bank
from coursegen.model.quiz import Cloze, DragWords, Numeric

from .banks import DATA, EXAMPLES, fixture_bank

pytestmark = pytest.mark.usefixtures("english")

SCHEMA = etree.XMLSchema(etree.parse(str(DATA / "moodle-quiz-subset.xsd")))

MOODLE_FRACTIONS = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0]
"""question_bank::fraction_options_full() in Moodle, and their negatives: the only grades Moodle imports."""


def _export(path: Path | None = None) -> etree._Element:
    bank = load_bank(path) if path else fixture_bank()
    return etree.fromstring(write(bank, Report("x.xml")))


@pytest.mark.parametrize("path", [None, *EXAMPLES], ids=["fixture", *(p.stem for p in EXAMPLES)])
def test_export_validates_against_the_moodle_xml_subset_schema(path: Path | None) -> None:
    root = _export(path)
    assert SCHEMA.validate(root), SCHEMA.error_log


def test_the_schema_rejects_a_broken_export() -> None:
    root = _export()
    del root.find("question[@type='multichoice']/questiontext").attrib["format"]
    assert not SCHEMA.validate(root)


def test_each_question_has_what_moodle_needs_for_its_type() -> None:
    root = _export()
    bank = fixture_bank().model_copy(update={"questions": [q for q in fixture_bank().questions if q.type != "hotspot"]})
    questions = root.findall("question")[1:]
    assert [q.findtext("name/text") for q in questions] == [q.id for q in bank.questions]
    assert [q.findtext("defaultgrade") for q in questions] == [str(q.points) for q in bank.questions]
    for el in root.findall("question[@type='multichoice']"):
        fractions = [float(a.get("fraction")) for a in el.findall("answer")]
        assert all(min(abs(abs(f) - m) for m in MOODLE_FRACTIONS) < 1e-4 for f in fractions)
        assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=1e-3)
    [essay] = root.findall("question[@type='essay']")
    assert "自查要点：\n- 写清了投诉的经过\n- 提出了可执行的预防措施" in essay.findtext("graderinfo/text")
    [ordering] = root.findall("question[@type='ordering']")
    assert [a.findtext("text") for a in ordering.findall("answer")] == ["确立渠道 #1", "记录内容", "判断性质", "总结反馈"]
    assert ordering.findtext("gradingtype") == "ABSOLUTE_POSITION"


def test_markup_characters_survive_as_text() -> None:
    bank = fixture_bank().model_copy(update={"intro": "比较 a < b && c > d ]]> 结束"})
    root = etree.fromstring(write(bank, Report("x.xml")))
    assert root.findtext("question/info/text") == "比较 a < b && c > d ]]> 结束"
    assert read(etree.tostring(root), Report("x.xml")).intro == "比较 a < b && c > d ]]> 结束"


def _moodle_bank() -> tuple[Any, Report]:
    return import_bank(DATA / "moodle-export.xml", FORMATS["moodle-xml"], bank_id="etiquette", default_id="unused", title=None)


def test_a_moodle_export_imports_with_html_turned_into_markdown() -> None:
    bank, _ = _moodle_bank()
    questions = {q.id: q for q in bank.questions}
    assert (bank.title, bank.intro, bank.shuffle) == ("服务礼仪题库", "网点服务礼仪**自测**。", True)
    assert questions["q1"].prompt == "客户进门时，柜员应当**首先**：\n\n迎客示意图"
    assert questions["q1"].explanation == "先问候，*再*办理。"
    assert [(o.text, o.correct) for o in questions["q1"].options] == [("起身问候", True), ("点头示意", False), ("继续整理单据", False)]
    assert questions["q1"].points == 2
    assert [o.correct for o in questions["multi-greeting"].options] == [True, True, False]
    assert (questions["tf-smile"].answer, questions["tf-smile"].feedback_true) == (False, "所有岗位都适用。")
    assert questions["fill-word"].accept == ["仪容仪表"]
    assert [(p.left, p.right) for p in questions["match-gestures"].pairs] == [("指引方向", "五指并拢，掌心向上"), ("递送单据", "双手递送，文字朝向客户")]
    assert questions["match-gestures"].distractors == ["单手指点"]  # Moodle's extra answer: a subquestion with no text
    assert questions["order-greeting"].items == ["起身问候", "询问需求", "办理业务"]
    assert questions["essay-reflect"].checklist == ["第一位接待的员工负责到底", "不推诿，不让客户重复陈述"]


def test_a_moodle_export_reports_each_question_it_cannot_read_or_keep() -> None:
    _, report = _moodle_bank()
    lines = [line.removeprefix(report.source) for line in report.lines()]
    assert [line for line in lines if ": error: " in line] == [
        ":114: error: essay-empty: essay without a reference answer: coursegen's short answers are self-checked against one; write it as the information for graders",
    ]
    assert ":19: loss: q1: picture '@@PLUGINFILE@@/welcome.png' is not imported (its file stays in Moodle)" in lines
    assert not any("单手指点" in line for line in lines)
    assert ":70: warning: fill-word: default mark 1.5 rounded to 2 points" in lines
    assert ":127: warning: intro-text: a Moodle description (text without a question) is not imported" in lines


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top-secret", encoding="utf-8")
    xml = f"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY leak SYSTEM "file://{secret}">]>
<quiz><question type="truefalse"><name><text>t1</text></name>
<questiontext format="plain_text"><text>泄露：&leak;</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>"""
    draft = read(xml.encode(), Report("x.xml"))
    assert "top-secret" not in draft.questions[0].prompt


def test_not_xml_is_reported_with_its_line() -> None:
    report = Report("x.xml")
    read(b"<quiz>\n<question type='truefalse'>\n</quiz>", report)
    assert report.errors[0].line == 3 and report.errors[0].message.startswith("not well-formed XML")


HINTS = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<question type="truefalse"><name><text>tf-hint</text></name>
<questiontext format="html"><text><![CDATA[<p>投诉处理后还需总结。</p>]]></text></questiontext>
<answer fraction="100" format="moodle_auto_format"><text>true</text></answer>
<answer fraction="0" format="moodle_auto_format"><text>false</text></answer>
<hint format="html"><text><![CDATA[<p>想想<strong>闭环</strong>。</p>]]></text><shownumcorrect/></hint>
<hint format="html"><text><![CDATA[<p>第二条提示。</p>]]></text></hint>
</question>
<question type="essay"><name><text>essay-hint</text></name>
<questiontext format="html"><text>谈谈你的做法。</text></questiontext>
<graderinfo format="html"><text><![CDATA[<p>先倾听。</p><p>自查要点：</p><ul><li>倾听</li></ul>]]></text></graderinfo>
<hint format="html"><text>从倾听说起。</text></hint>
</question>
</quiz>"""


def test_moodle_s_first_hint_is_the_question_s_hint_and_the_others_are_named_lost() -> None:
    report = Report("x.xml")
    draft = read(HINTS.encode(), report)
    questions = {q.id: q for q in draft.questions}
    assert questions["tf-hint"].hint == "想想**闭环**。"
    assert questions["essay-hint"].hint is None and questions["essay-hint"].reference == "先倾听。"
    lines = [line.removeprefix(report.source) for line in report.lines()]
    assert ":8: loss: tf-hint: only the first hint is kept (of 2): a coursegen question has one hint" in lines
    assert any(l.startswith(":10: loss: essay-hint: the essay's hint is not imported") for l in lines)


def test_a_hint_is_exported_as_moodle_s_hint_and_its_different_timing_is_said() -> None:
    report = Report("x.xml")
    root = etree.fromstring(write(fixture_bank(), report))
    fill = root.xpath("question[idnumber='fill-symbols']")[0]
    assert fill.findtext("hint/text") == "想想客户从**哪里**找到你：{入口} 就是答案的一半。"
    assert fill.find("hint").get("format") == "markdown"
    assert any(n.question and n.question.startswith("fill-symbols") and "only after a wrong try" in n.message for n in report.notes)


def test_moodle_s_cloze_drag_the_words_and_numerical_questions_import_with_each_loss_named() -> None:
    bank, report = _moodle_bank()
    questions = {q.id: q for q in bank.questions}
    cloze, drag, days = questions["cloze-reply"], questions["drag-steps"], questions["num-days"]
    assert (cloze.prompt, cloze.text, cloze.points) == ("补全下面的句子。", "投诉应在{{受理}}后{{5}}个工作日内{{答复}}。", 4)
    assert (drag.prompt, drag.text, drag.distractors, drag.points) == ("Fill in the blanks.", "先[[倾听]]，再[[核实]]。", ["争辩"], 2)
    assert (days.answer, days.tolerance, days.unit) == (5, 0.5, "天")
    assert (questions["num-1"].answer, questions["num-1"].tolerance, questions["num-1"].unit) == (2, 0, None)
    lines = [line.removeprefix(report.source) for line in report.lines()]
    assert ":132: loss: cloze-reply: answer '登记' worth 50% is not kept: fill questions accept full answers only" in lines
    assert ":132: loss: cloze-reply: blank 2 is a Moodle numerical blank, imported as a blank to type in: only its full-mark answers are kept" in lines
    assert ":132: loss: cloze-reply: the blanks' different marks (1, 2, 1) are not kept: each blank of a coursegen cloze counts the same" in lines
    assert ":141: loss: drag-steps: the groups of the words to drag are not kept: coursegen has one group, any word fits any blank" in lines
    assert any(line.startswith(":141: warning: drag-steps: the question text has no paragraph of its own") for line in lines)
    assert ":164: loss: num-days: answer '7' (worth 50%) not kept: a numeric question has one full-mark answer" in lines
    assert ":167: loss: num-days: unit '小时' (multiplier 24) not kept: a coursegen numeric question has one unit" in lines


# Moodle's reading rules for the three new types, as its code has them (question/type/multianswer/questiontype.php,
# question/type/ddwtos and gapselect's question text parser, question/type/numerical/questiontype.php).
_MOODLE_FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
_MOODLE_ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"  # PHP's (?<!\\|&|&amp;): Python's look-behinds are fixed-width
_MOODLE_FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
_MOODLE_ALTERNATIVE = f"({_MOODLE_FRACTION})?({_MOODLE_ANSWER})(#({_MOODLE_FEEDBACK}))?"
_MOODLE_TYPES = ("(NUMERICAL|NM)|(MULTICHOICE|MC)|(MULTICHOICE_V|MCV)|(MULTICHOICE_H|MCH)|(SHORTANSWER|SA|MW)|(SHORTANSWER_C|SAC|MWC)"
                 "|(MULTICHOICE_S|MCS)|(MULTICHOICE_VS|MCVS)|(MULTICHOICE_HS|MCHS)|(MULTIRESPONSE|MR)|(MULTIRESPONSE_H|MRH)"
                 "|(MULTIRESPONSE_S|MRS)|(MULTIRESPONSE_HS|MRHS)")
_MOODLE_EMBEDDED = re.compile(r"\{([0-9]*):(" + _MOODLE_TYPES + "):(" + _MOODLE_ALTERNATIVE + "(~" + _MOODLE_ALTERNATIVE + ")*)\\}")


def _moodle_blanks(text: str) -> list[tuple[int, list[str]]]:
    """Each embedded answer as Moodle's multianswer importer reads it: (its mark, its full-mark answers, unescaped)."""
    blanks = []
    for m in _MOODLE_EMBEDDED.finditer(text):
        answers = re.findall(r"(?:^|~)(" + _MOODLE_FRACTION + ")?(" + _MOODLE_ANSWER + ")(?:#" + _MOODLE_FEEDBACK + ")?", m.group(16))
        right = [re.sub(r"\\([}#~/\"\\])", r"\1", answer) for mark, _, answer in answers if mark in ("=", "%100%")]
        blanks.append((int(m.group(1) or 1), right))
    return blanks


def test_moodle_reads_each_exported_cloze_blank_drag_box_and_number_back() -> None:
    root, bank = _export(), fixture_bank()
    cloze = next(q for q in bank.questions if isinstance(q, Cloze))
    [text] = [el.findtext("questiontext/text") for el in root.findall("question[@type='multianswer']")]
    assert [answers for _, answers in _moodle_blanks(text)] == cloze.blanks
    assert sum(mark for mark, _ in _moodle_blanks(text)) == 3  # 2 points cannot be split over 3 blanks: 1 each, said on export
    drag = next(q for q in bank.questions if isinstance(q, DragWords))
    [ddwtos] = root.findall("question[@type='ddwtos']")
    boxes = [(box.findtext("text"), box.findtext("group")) for box in ddwtos.findall("dragbox")]
    places = [int(n) for n in re.findall(r"\[\[(\d+)\]\]", ddwtos.findtext("questiontext/text"))]
    assert [boxes[n - 1][0] for n in places] == drag.words and {g for _, g in boxes} == {"1"}
    assert [text for text, _ in boxes if text not in drag.words] == drag.distractors
    numeric = next(q for q in bank.questions if isinstance(q, Numeric))
    [numerical] = root.findall("question[@type='numerical']")
    [answer] = numerical.findall("answer")
    assert (float(answer.findtext("text")), float(answer.findtext("tolerance")), answer.get("fraction")) == (numeric.answer, numeric.tolerance, "100")
    assert [(u.findtext("unit_name"), u.findtext("multiplier")) for u in numerical.findall("units/unit")] == [("天", "1")]
    assert numerical.findtext("unitgradingtype") == "0"  # the unit is optional, as on the course site
def test_a_hotspot_is_named_lost_with_the_reason_moodle_cannot_hold_it() -> None:
    report = Report("x.xml")
    root = etree.fromstring(write(fixture_bank(), report))
    assert "hotspot-board" not in [q.findtext("name/text") for q in root.findall("question")]
    assert any(line.endswith(": loss: hotspot-board (hotspot): not exported: Moodle's core has no image hotspot question (drag and drop "
                              "markers / onto image are drag-and-drop types that carry the picture in the file, which coursegen does not export); "
                              "Excel keeps it") for line in report.lines())
