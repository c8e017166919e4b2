"""`coursegen quiz import|export` as a trainer runs them: summaries on screen, problems listed, nothing half-written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from coursegen.cli import main
from coursegen.exchange.yamlbank import load_bank

from .banks import FIXTURE
from .test_xlsx import _trainer_book


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["quiz", *args])


def test_export_then_import_gives_a_valid_bank(workdir: Path) -> None:
    exported = run("export", str(FIXTURE), "-o", "题库.xlsx")
    assert exported.exit_code == 0, exported.output
    assert exported.stdout == "题库.xlsx: bank 'exchange-fixture' exported\n"
    imported = run("import", "题库.xlsx", "-o", "quizzes/service-basics.yml")
    assert imported.exit_code == 0, imported.output
    assert imported.stdout == (
        "quizzes/service-basics.yml: 8 questions (1 单选, 1 多选, 2 判断, 1 填空, 1 排序, 1 匹配, 1 简答) from 题库.xlsx"
        " (1 warning listed above)\n"
    )
    # Named after the output file, so a workbook copied as a template never reuses its bank's id.
    assert imported.stderr == "题库.xlsx: warning: the file calls the bank 'exchange-fixture'; it is called 'service-basics' here (pass --id exchange-fixture to keep the file's)\n"
    bank = load_bank(workdir / "quizzes" / "service-basics.yml")
    assert (bank.id, bank.title, bank.pass_mark) == ("service-basics", "投诉处理/基础 题库：符号 ~ = # { } \\ 测试", 70)
    again = run("import", "题库.xlsx", "-o", "题库.yml")
    assert again.exit_code == 0 and load_bank(workdir / "题库.yml").id == "exchange-fixture"


def test_import_with_bad_rows_writes_nothing_and_lists_every_row(workdir: Path) -> None:
    (workdir / "题库.xlsx").write_bytes(_trainer_book())
    result = run("import", "题库.xlsx", "-o", "quizzes/etiquette.yml")
    assert result.exit_code == 1
    assert "题库.xlsx row 13: error: q9: 答案 'E' names 选项E, which is empty" in result.stderr
    assert "题库.xlsx row 17: error: q13:" in result.stderr
    assert result.stderr.rstrip().endswith("5 errors; nothing was written. Fix them, or pass --skip-bad to write the 9 questions that could be read.")
    assert not (workdir / "quizzes").exists()


def test_skip_bad_writes_the_readable_questions_and_still_lists_the_rest(workdir: Path) -> None:
    (workdir / "题库.xlsx").write_bytes(_trainer_book())
    result = run("import", "题库.xlsx", "-o", "quizzes/etiquette.yml", "--skip-bad", "--title", "服务礼仪")
    assert result.exit_code == 0, result.output
    assert "row 15: error: q11: 分值 '两分' is not a number" in result.stderr
    assert result.stdout.endswith("from 题库.xlsx (5 errors, 3 losses, 2 warnings listed above)\n")
    bank = load_bank(workdir / "quizzes" / "etiquette.yml")
    assert (bank.id, bank.title, len(bank.questions)) == ("etiquette", "服务礼仪", 9)


def test_import_never_overwrites_without_force(workdir: Path) -> None:
    run("export", str(FIXTURE), "-o", "bank.xml")
    (workdir / "mine.yml").write_text("id: mine\n", encoding="utf-8")
    refused = run("import", "bank.xml", "-o", "mine.yml")
    assert (refused.exit_code, refused.stderr) == (1, "mine.yml exists; pass --force to overwrite it\n")
    assert run("import", "bank.xml", "-o", "mine.yml", "--force").exit_code == 0
    assert load_bank(workdir / "mine.yml").id == "mine"


def test_export_lists_losses_and_strict_refuses_them(workdir: Path) -> None:
    result = run("export", str(FIXTURE), "-o", "bank.gift")
    assert result.exit_code == 0
    assert "bank.gift: loss: order-steps (ordering): not exported: GIFT has no ordering question (Moodle XML has one)\n" in result.stderr
    assert result.stdout == "bank.gift: bank 'exchange-fixture' exported (12 losses listed above)\n"
    (workdir / "bank.gift").unlink()
    strict = run("export", str(FIXTURE), "-o", "bank.gift", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.rstrip().endswith("12 problems with --strict; nothing was written.")
    assert not (workdir / "bank.gift").exists()


def test_format_comes_from_the_suffix_or_the_option(workdir: Path) -> None:
    assert run("export", str(FIXTURE), "-o", "bank.txt").exit_code == 0
    assert (workdir / "bank.txt").read_text(encoding="utf-8").startswith("// exchange-fixture")
    assert run("export", str(FIXTURE), "-o", "bank.data", "--format", "moodle-xml").exit_code == 0
    assert (workdir / "bank.data").read_bytes().startswith(b"<?xml")
    unknown = run("export", str(FIXTURE), "-o", "bank.data")
    assert unknown.exit_code == 1 and "cannot tell the format from '.data'" in unknown.stderr
    (workdir / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    old = run("import", "old.xls", "-o", "b.yml")
    assert old.stderr == "old.xls: the old Excel/WPS format cannot be read; save the file as .xlsx (Excel 工作簿) and try again\n"


def test_export_of_a_broken_bank_names_the_line(workdir: Path) -> None:
    (workdir / "bad.yml").write_text("id: bad\ntitle: 题库\nquestions:\n  - id: q1\n    type: fill\n    prompt: 题\n", encoding="utf-8")
    result = run("export", "bad.yml", "-o", "bad.gift")
    assert result.exit_code == 1
    assert result.stderr.startswith("bad.yml:4:5: `questions[1]` 里缺少必填的键 `accept`")
    assert "Traceback" not in result.output


def test_an_invalid_bank_id_asks_for_one(workdir: Path) -> None:
    run("export", str(FIXTURE), "-o", "bank.gift")
    result = run("import", "bank.gift", "-o", "题库.yml")
    assert (result.exit_code, result.stderr) == (
        1,
        "bank id '题库' is not an id (lower-case letters, digits and '-', e.g. complaint-basics): pass --id\n",
    )
