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
    assert exported.stdout == "题库.xlsx：题库“exchange-fixture”已导出\n"
    imported = run("import", "题库.xlsx", "-o", "quizzes/service-basics.yml")
    assert imported.exit_code == 0, imported.output
    assert imported.stdout == (
        "quizzes/service-basics.yml：读出 12 道题（单选 1、多选 1、判断 2、填空 1、排序 1、匹配 1、多空填空 1、数值 1、拖放填词 1、简答 1、热区 1），"
        "来自 题库.xlsx"
        "（上面列出了 1 条警告）\n"
    )
    # Named after the output file, so a workbook copied as a template never reuses its bank's id.
    assert imported.stderr == "题库.xlsx: 警告：文件里的题库编号是“exchange-fixture”，这里改称“service-basics”（想保留原编号，请加上 --id exchange-fixture）\n"
    bank = load_bank(workdir / "quizzes" / "service-basics.yml")
    assert (bank.id, bank.title, bank.pass_mark) == ("service-basics", "投诉处理/基础 题库：符号 ~ = # { } \\ 测试", 70)
    again = run("import", "题库.xlsx", "-o", "题库.yml")
    assert again.exit_code == 0 and load_bank(workdir / "题库.yml").id == "exchange-fixture"


def test_import_with_bad_rows_writes_nothing_and_lists_every_row(workdir: Path) -> None:
    (workdir / "题库.xlsx").write_bytes(_trainer_book())
    result = run("import", "题库.xlsx", "-o", "quizzes/etiquette.yml")
    assert result.exit_code == 1
    assert "题库.xlsx 第 13 行: 错误：q9：答案“E”写了选项E，但选项E 是空的" in result.stderr
    assert "题库.xlsx 第 17 行: 错误：q13：" in result.stderr
    assert result.stderr.rstrip().endswith("有 5 处错误，什么都没有写入。请改正，或加上 --skip-bad 先写入能读出的 9 道题。")
    assert not (workdir / "quizzes").exists()


def test_skip_bad_writes_the_readable_questions_and_still_lists_the_rest(workdir: Path) -> None:
    (workdir / "题库.xlsx").write_bytes(_trainer_book())
    result = run("import", "题库.xlsx", "-o", "quizzes/etiquette.yml", "--skip-bad", "--title", "服务礼仪")
    assert result.exit_code == 0, result.output
    assert "第 15 行: 错误：q11：分值“两分”不是数字" in result.stderr
    assert result.stdout.endswith("来自 题库.xlsx（上面列出了 5 处错误、2 处未保留、2 条警告）\n")
    bank = load_bank(workdir / "quizzes" / "etiquette.yml")
    assert (bank.id, bank.title, len(bank.questions)) == ("etiquette", "服务礼仪", 9)


def test_import_never_overwrites_without_force(workdir: Path) -> None:
    run("export", str(FIXTURE), "-o", "bank.xml")
    (workdir / "mine.yml").write_text("id: mine\n", encoding="utf-8")
    refused = run("import", "bank.xml", "-o", "mine.yml")
    assert (refused.exit_code, refused.stderr) == (1, "mine.yml 已存在；要覆盖它，请加上 --force\n")
    assert run("import", "bank.xml", "-o", "mine.yml", "--force").exit_code == 0
    assert load_bank(workdir / "mine.yml").id == "mine"


def test_export_lists_losses_and_strict_refuses_them(workdir: Path) -> None:
    result = run("export", str(FIXTURE), "-o", "bank.gift")
    assert result.exit_code == 0
    assert "bank.gift: 未保留：order-steps (ordering)：没有导出：GIFT 没有排序题（Moodle XML 有）\n" in result.stderr
    assert "bank.gift: 未保留：match-pairs (matching)：干扰项“客户当场致谢”没有导出：GIFT 的匹配题没有干扰项（Moodle XML 有）\n" in result.stderr
    assert "bank.gift: 未保留：hotspot-board (hotspot)：没有导出：GIFT 没有热区题\n" in result.stderr
    assert result.stdout == "bank.gift：题库“exchange-fixture”已导出（上面列出了 19 处未保留）\n"
    (workdir / "bank.gift").unlink()
    strict = run("export", str(FIXTURE), "-o", "bank.gift", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.rstrip().endswith("加了 --strict，有 19 个问题：什么都没有写入。")
    assert not (workdir / "bank.gift").exists()


def test_format_comes_from_the_suffix_or_the_option(workdir: Path) -> None:
    assert run("export", str(FIXTURE), "-o", "bank.txt").exit_code == 0
    assert (workdir / "bank.txt").read_text(encoding="utf-8").startswith("// exchange-fixture")
    assert run("export", str(FIXTURE), "-o", "bank.data", "--format", "moodle-xml").exit_code == 0
    assert (workdir / "bank.data").read_bytes().startswith(b"<?xml")
    unknown = run("export", str(FIXTURE), "-o", "bank.data")
    assert unknown.exit_code == 1 and "bank.data：看不出“.data”是哪种格式" in unknown.stderr and "--format gift" in unknown.stderr
    (workdir / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    old = run("import", "old.xls", "-o", "b.yml")
    assert old.stderr == "old.xls：这是旧版 Excel/WPS 格式，无法读取。请在 Excel 或 WPS 里另存为 .xlsx（Excel 工作簿）后再导入。\n"


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
        "题库编号“题库”不能用：编号只能由小写字母、数字和 - 组成。请加上 --id，例如 --id complaint-basics。\n",
    )
