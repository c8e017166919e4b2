"""A bank exported and imported back keeps what the trainer wrote — pass mark, ``feedback: immediate`` — or lists
each loss (its comments) before anything is written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

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
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args])


def test_comments_are_found_with_their_lines_and_block_text_is_not_one() -> None:
    assert comments(BANK) == [(1, "网点服务礼仪：第一周的练习题"), (4, "分行要求 80 分及格"), (7, "开场")]


def test_xlsx_round_trip_into_the_bank_keeps_its_settings_and_lists_each_comment(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    assert run("quiz", "export", "etiquette.yml", "-o", "题库.xlsx").exit_code == 0
    result = run("quiz", "import", "题库.xlsx", "-o", "etiquette.yml", "--force")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "etiquette.yml:1: 未保留：注释“网点服务礼仪：第一周的练习题”不会保留：导入会重写整个文件（要保留，请先把它抄到别处）",
        "etiquette.yml:4: 未保留：注释“分行要求 80 分及格”不会保留：导入会重写整个文件（要保留，请先把它抄到别处）",
        "etiquette.yml:7: 未保留：注释“开场”不会保留：导入会重写整个文件（要保留，请先把它抄到别处）",
    ]
    assert result.stdout.endswith("（上面列出了 3 处未保留）\n")
    bank = load_bank(workdir / "etiquette.yml")
    assert (bank.pass_mark, bank.feedback) == (80, "immediate")


def test_gift_export_lists_immediate_feedback_and_the_reimport_keeps_it_from_the_bank(workdir: Path) -> None:
    (workdir / "etiquette.yml").write_text(BANK, encoding="utf-8")
    exported = run("quiz", "export", "etiquette.yml", "-o", "bank.gift")
    assert "bank.gift: 未保留：即时反馈（feedback: immediate）没有导出" in exported.stderr
    assert "bank.gift: 未保留：及格线 80% 没有导出" in exported.stderr
    result = run("quiz", "import", "bank.gift", "-o", "etiquette.yml", "--force")
    assert result.exit_code == 0, result.output
    assert "bank.gift: 警告：沿用这个文件原来的 pass_mark: 80（bank.gift 里没有这项设置）" in result.stderr
    assert "bank.gift: 警告：沿用这个文件原来的 feedback: immediate（bank.gift 里没有这项设置）" in result.stderr
    assert "etiquette.yml:4: 未保留：注释“分行要求 80 分及格”" in result.stderr
    bank = load_bank(workdir / "etiquette.yml")
    assert (bank.pass_mark, bank.feedback) == (80, "immediate")


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
    assert "etiquette.yml:7: loss: comment '开场' is not kept: the import rewrites the whole file (copy it elsewhere to keep it)" in result.stderr
    assert result.stdout == "etiquette.yml: 1 question (1 单选) from bank.gift (3 losses, 2 warnings listed above)\n"
