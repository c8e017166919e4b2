"""YAML → format → YAML: lossless for everything the format holds, and every loss reported by question."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.exchange.yamlbank import dump_bank, load_bank
from coursegen.yamledit import load

from .banks import EXAMPLES, FIXTURE, fixture_bank, kept_by, normalized, round_trip

pytestmark = pytest.mark.usefixtures("english")

FORMATS = ["xlsx", "gift", "moodle-xml"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_fixture_bank_survives_a_round_trip(fmt: str, tmp_path: Path) -> None:
    bank = fixture_bank()
    back, _, imported = round_trip(bank, fmt, tmp_path)
    assert normalized(back) == kept_by(fmt, bank)
    assert imported.errors == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_banks_survive_a_round_trip(fmt: str, path: Path, tmp_path: Path) -> None:
    bank = load_bank(path)
    back, _, _ = round_trip(bank, fmt, tmp_path)
    assert normalized(back) == kept_by(fmt, bank)


@pytest.mark.parametrize("path", [FIXTURE, *EXAMPLES], ids=["fixture", *(p.stem for p in EXAMPLES)])
def test_an_xlsx_round_trip_written_over_the_bank_changes_not_one_byte(path: Path, tmp_path: Path) -> None:
    """The workbook keeps no line break after a text and no default written out: the bank file's own stay."""
    back, _, _ = round_trip(load_bank(path), "xlsx", tmp_path)
    text = path.read_text(encoding="utf-8")
    assert dump_bank(back, load(text)) == text


def test_chinese_text_and_gift_specials_come_back_exactly(tmp_path: Path) -> None:
    back, _, _ = round_trip(fixture_bank(), "gift", tmp_path)
    first = back.questions[0]
    assert first.prompt.startswith("客户说：“按 {规则} 办理，费用 = 0 元 ~ 对吗？”  #标签 在路径 C:\\temp\\单据 下。\n\n第二段")
    assert [o.text for o in first.options] == ["=1+1 的说法（以等号开头）", "先复述：“您关心的是 {费用}”", "反斜杠 \\ 与冒号 : 并存"]
    assert back.title == "投诉处理/基础 题库：符号 ~ = # { } \\ 测试"


def test_xlsx_round_trip_reports_nothing(tmp_path: Path) -> None:
    _, exported, imported = round_trip(fixture_bank(), "xlsx", tmp_path)
    assert exported.notes == [] and imported.notes == []


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml"])
def test_every_question_that_changes_is_named_in_a_loss(fmt: str, tmp_path: Path) -> None:
    bank = fixture_bank()
    _, exported, _ = round_trip(bank, fmt, tmp_path)
    kept = {q["id"]: q for q in kept_by(fmt, bank)["questions"]}
    changed = {q["id"] for q in normalized(bank)["questions"] if kept.get(q["id"]) != q}
    named = {n.question.split(" ")[0] for n in exported.notes if n.severity == "loss" and n.question}
    assert changed and changed <= named
    bank_level = [n.message for n in exported.notes if n.question is None]
    assert any("pass mark 70%" in m for m in bank_level)


def test_gift_names_what_each_question_loses(tmp_path: Path) -> None:
    _, exported, _ = round_trip(fixture_bank(), "gift", tmp_path)
    lines = [line.removeprefix(exported.source) for line in exported.lines()]
    assert ": loss: order-steps (ordering): not exported: GIFT has no ordering question (Moodle XML has one)" in lines
    assert ": loss: three-of-five (multiple): points 3 not exported: GIFT questions count 1 mark in Moodle" in lines
    assert any(l.startswith(": loss: short-summary (short): facilitator notes not exported") for l in lines)
    assert ": loss: fill-symbols (fill): the hint is not exported: GIFT has no hints (Moodle XML has)" in lines
    assert ": loss: match-pairs (matching): distractors '客户当场致谢' are not exported: a GIFT matching question has none (Moodle XML has them)" in lines
    assert not any("tf-true" in l for l in lines)  # nothing of it is lost, so it is not mentioned
