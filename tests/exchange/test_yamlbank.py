"""The YAML a bank is written as: readable, in the hand-written banks' style, and valid on reading back."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.exchange.yamlbank import dump_bank, load_bank
from coursegen.load.problems import CourseError
from coursegen.load.validate import validate
from coursegen.load.yamlfile import read_yaml
from coursegen.model.quiz import QuizBank
from coursegen.yamledit import load

from .banks import EXAMPLES, FIXTURE, fixture_bank


@pytest.mark.parametrize("path", [FIXTURE, *EXAMPLES], ids=["fixture", *(p.stem for p in EXAMPLES)])
def test_written_yaml_validates_as_the_same_bank(path: Path, tmp_path: Path) -> None:
    bank = load_bank(path)
    out = tmp_path / "bank.yml"
    out.write_text(dump_bank(bank), encoding="utf-8")
    doc, problems = read_yaml(out)
    assert problems == [] and doc is not None
    assert validate(doc, QuizBank) == (bank, [])


def test_written_yaml_reads_like_a_hand_written_bank() -> None:
    text = dump_bank(fixture_bank())
    assert "客户说：" in text and "\\u" not in text
    assert text.startswith('id: exchange-fixture\ntitle: "投诉处理/基础 题库：符号 ~ = # { } \\\\ 测试"\nintro: |\n')  # quoted as the course quotes
    question = text[text.index("  - id: symbols-single") :]
    assert question.startswith("  - id: symbols-single\n    type: single\n    points: 2\n    prompt: |\n      客户说：")
    assert question.index("options:") < question.index("explanation:") < question.index("facilitator:")
    assert "correct: false" not in text and "feedback_false: null" not in text


@pytest.mark.parametrize("path", [FIXTURE, *EXAMPLES], ids=["fixture", *(p.stem for p in EXAMPLES)])
def test_a_bank_written_over_its_own_file_changes_not_one_byte(path: Path) -> None:
    """Its comments, quotes, blank lines, key order and the defaults it writes out (``points: 1``) all stay."""
    text = path.read_text(encoding="utf-8")
    assert dump_bank(load_bank(path), load(text)) == text


def test_a_broken_bank_is_reported_as_file_line_col(tmp_path: Path) -> None:
    path = tmp_path / "bank.yml"
    path.write_text("id: b\ntitle: 题库\nquestions:\n  - id: q1\n    type: singel\n    prompt: 题\n", encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        load_bank(path)
    assert "bank.yml:5:11: `questions[1].type`：只能写 `single`" in str(caught.value)
