"""A bank exported and imported back keeps what the trainer wrote — pass mark, ``feedback: immediate``, comments,
quoting, every byte where nothing changed — or lists each comment it loses before anything is written."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path

from click.testing import CliRunner, Result
from openpyxl import load_workbook

from coursegen.cli import main
from coursegen.exchange.existing import comments
from coursegen.exchange.yamlbank import load_bank

BANK = """\
# 网点服务礼仪：第一周的练习题
id: etiquette
title: 服务礼仪
pass_mark: 80  # 分行要求 80 分及格
feedback: immediate
questions:
  # 开场
  - id: q1
    type: single
    prompt: |
      客户进门时先做什么？
      # 这一行是题干，不是注释
    options:
      - text: 起身问候
        correct: true
      - text: 继续办理手头业务

  # 递送单据
  - id: q2
    type: true_false
    points: 1   # 写明了也无妨
    prompt: '单手递送单据也可以。'
    answer: false
    explanation: "双手递送，文字正面朝向客户。"

  - id: q3  # 送别
    type: fill
    prompt: 客户离开时说“请____”。
    accept: [慢走, 走好]
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args])


def test_comments_are_found_with_their_lines_and_block_text_is_not_one() -> None:
    assert comments(BANK) == [(1, "网点服务礼仪：第一周的练习题"), (4, "分行要求 80 分及格"), (7, "开场"), (18, "递送单据"),
                              (21, "写明了也无妨"), (26, "送别")]


def export(workdir: Path, *, change: Mapping[tuple[str, str], str] = {}, drop: str | None = None) -> None:
    """``etiquette.yml`` exported to ``题库.xlsx``, then edited as a trainer would: ``change`` sets cells by (question
    id, column name), ``drop`` deletes the row of a question."""
    assert run("quiz", "export", "etiquette.yml", "-o", "题库.xlsx").exit_code == 0
    book = load_workbook(workdir / "题库.xlsx")
    sheet = book["题库"]
    header = [cell.value for cell in sheet[1]]
    rows = {cells[0].value: cells for cells in sheet.iter_rows(min_row=2)}
    for (question, column), value in change.items():
        rows[question][header.index(column)].value = value
    if drop:
        sheet.delete_rows(rows[drop][0].row)
    book.save(workdir / "题库.xlsx")


def test_xlsx_round_trip_into_the_bank_changes_not_one_byte(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    export(workdir)
    result = run("quiz", "import", "题库.xlsx", "-o", "etiquette.yml", "--force")
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and (workdir / "etiquette.yml").read_text(encoding="utf-8") == BANK
    bank = load_bank(workdir / "etiquette.yml")
    assert (bank.pass_mark, bank.feedback) == (80, "immediate")


def test_one_question_changed_in_the_workbook_is_one_hunk_of_the_bank(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    export(workdir, change={("q2", "解析"): "双手递送，文字正面朝向客户，并说“请您过目”。"})
    result = run("quiz", "import", "题库.xlsx", "-o", "etiquette.yml", "--force")
    assert result.exit_code == 0 and result.stderr == "", result.output
    after = (workdir / "etiquette.yml").read_text(encoding="utf-8")
    hunks = [line for line in difflib.unified_diff(BANK.splitlines(), after.splitlines(), lineterm="") if line[:1] in "-+@"]
    assert hunks[2:] == [
        "@@ -21,7 +21,7 @@",
        '-    explanation: "双手递送，文字正面朝向客户。"',
        '+    explanation: "双手递送，文字正面朝向客户，并说“请您过目”。"',
    ]


def test_gift_export_lists_immediate_feedback_and_the_reimport_keeps_it_from_the_bank(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    exported = run("quiz", "export", "etiquette.yml", "-o", "bank.gift")
    assert "bank.gift: 未保留：即时反馈（feedback: immediate）没有导出" in exported.stderr
    assert "bank.gift: 未保留：及格线 80% 没有导出" in exported.stderr
    result = run("quiz", "import", "bank.gift", "-o", "etiquette.yml", "--force")
    assert result.exit_code == 0, result.output
    assert "bank.gift: 警告：沿用这个文件原来的 pass_mark: 80（bank.gift 里没有这项设置）" in result.stderr
    assert "bank.gift: 警告：沿用这个文件原来的 feedback: immediate（bank.gift 里没有这项设置）" in result.stderr
    assert (workdir / "etiquette.yml").read_text(encoding="utf-8") == BANK  # the settings kept, with their comment


def test_a_question_left_out_of_the_workbook_goes_with_its_comments_each_listed(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    export(workdir, drop="q2")
    result = run("quiz", "import", "题库.xlsx", "-o", "etiquette.yml", "--force")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "etiquette.yml:18: 未保留：注释“递送单据”不会保留：它所在的题目或设置不在导入的文件里（要保留，请先把它抄到别处）",
        "etiquette.yml:21: 未保留：注释“写明了也无妨”不会保留：它所在的题目或设置不在导入的文件里（要保留，请先把它抄到别处）",
    ]
    question = BANK[BANK.index("  # 递送单据") : BANK.index("  - id: q3")]
    assert (workdir / "etiquette.yml").read_text(encoding="utf-8") == BANK.replace(question, "")


def test_a_file_that_is_no_yaml_is_written_anew_and_each_of_its_comments_listed(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    export(workdir)
    (workdir / "etiquette.yml").write_text("# 旧题库\nid: [etiquette\n", encoding="utf-8")
    result = run("quiz", "import", "题库.xlsx", "-o", "etiquette.yml", "--force")
    assert result.exit_code == 0, result.output
    assert result.stderr == "etiquette.yml:1: 未保留：注释“旧题库”不会保留：这个文件读不成 YAML，导入会重写整个文件（要保留，请先把它抄到别处）\n"
    assert load_bank(workdir / "etiquette.yml").questions[2].id == "q3"


def test_a_new_bank_file_takes_nothing_from_anywhere(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    run("quiz", "export", "etiquette.yml", "-o", "bank.gift")
    result = run("quiz", "import", "bank.gift", "-o", "fresh.yml")
    assert result.exit_code == 0 and "沿用" not in result.stderr
    assert (load_bank(workdir / "fresh.yml").pass_mark, load_bank(workdir / "fresh.yml").feedback) == (60, "on_submit")


def test_lang_en_speaks_english(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    run("quiz", "export", "etiquette.yml", "-o", "bank.gift")
    result = run("--lang", "en", "quiz", "import", "bank.gift", "-o", "etiquette.yml", "--force")
    assert "bank.gift: warning: kept pass_mark: 80 of this file (bank.gift does not hold it)" in result.stderr
    assert result.stdout == "etiquette.yml: 3 questions (1 单选, 1 判断, 1 填空) from bank.gift (2 warnings listed above)\n"
    export(workdir, drop="q3")
    result = run("--lang", "en", "quiz", "import", "题库.xlsx", "-o", "etiquette.yml", "--force")
    assert result.stderr == ("etiquette.yml:26: loss: comment '送别' is not kept: the question or setting it is on is not in the imported "
                             "file (copy it elsewhere to keep it)\n")
