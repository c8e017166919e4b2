"""``coursegen import`` as a trainer runs it: output, files written, `coursegen check` accepting them, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from coursegen.cli import main

from .outlines import SEED


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_dry_run_prints_the_tree_and_the_report_and_writes_nothing(tmp_path: Path) -> None:
    result = run("import", SEED, "-o", tmp_path / "course", "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "防微杜渐、未雨绸缪 ——银行消费者权益保护与投诉事务管理 (2021)"
    assert "  第一章 服务前置——逆向追溯升级投诉的根源 (130 min, line 24)" in lines
    assert "  第三讲 投诉管理与案例总结 (35 min, line 91)" in lines
    assert "      [案例分析] 池子事件 → cases/case-1.yml" in lines
    assert "        1) 媒体类别变化" in lines
    assert "  line 163: 推荐阅读 — site boilerplate after the outline" in lines
    assert lines[-1] == "every line was placed; 3 skipped as noise"
    assert not (tmp_path / "course").exists()


def test_import_writes_a_course_that_check_accepts(tmp_path: Path) -> None:
    course = tmp_path / "course"
    result = run("import", SEED, "-o", course, "--id", "consumer-protection")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Wrote 14 files to " + str(course) + ": course.yml, lectures/ (5), cases/ (4), discussions/ (2), homework/ (1), drills/ (1)"
    )
    assert "every line was placed; 3 skipped as noise" in result.output
    assert sorted(p.name for p in (course / "lectures").iterdir()) == [f"0{n}-lecture-{n}.yml" for n in range(1, 6)]
    assert "id: consumer-protection\n" in (course / "course.yml").read_text(encoding="utf-8")
    checked = run("check", "--course", course, "--quizzes", tmp_path / "quizzes")
    assert checked.exit_code == 0, checked.output
    assert "防微杜渐、未雨绸缪：5 讲，14 节，4 个案例，2 个讨论，1 个演练，1 份作业" in checked.output
    # Every stand-in the importer wrote (outside the files' header comments) is a warning until it is replaced.
    written = sum(
        line.count("（待补充：") for path in course.rglob("*.yml")
        for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    )
    assert written > 0
    assert checked.output.count(": warning: still holds the importer's stand-in （待补充：") == written
    assert run("check", "--course", course, "--quizzes", tmp_path / "quizzes", "--strict").exit_code == 1


def test_the_command_counts_unplaced_lines(tmp_path: Path) -> None:
    outline = tmp_path / "o.txt"
    outline.write_text("第一讲 甲\n一、节\n第一天\n授课方式：讲授\n", encoding="utf-8")
    result = run("import", outline, "-o", tmp_path / "c")
    assert result.exit_code == 0, result.output
    assert "2 lines could not be placed:\n  line 3: 第一天 — " in result.output
    assert "2 lines could not be placed (listed above); 0 skipped as noise" in result.output


def test_course_id_defaults_to_the_folder_name(tmp_path: Path) -> None:
    run("import", SEED, "-o", tmp_path / "Complaints 2021")
    assert "id: complaints-2021\n" in (tmp_path / "Complaints 2021" / "course.yml").read_text(encoding="utf-8")


def test_a_folder_that_is_not_empty_needs_force(tmp_path: Path) -> None:
    course = tmp_path / "course"
    course.mkdir()
    (course / "notes.txt").write_text("mine", encoding="utf-8")
    refused = run("import", SEED, "-o", course)
    assert refused.exit_code == 1
    assert refused.output == f"{course}: folder is not empty; choose a new folder or add --force to overwrite the files the import writes\n"
    forced = run("import", SEED, "-o", course, "--force")
    assert forced.exit_code == 0, forced.output
    assert (course / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (course / "course.yml").is_file()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt: no such file"),
        ("outline.doc", b"\xd0\xcf\x11\xe0", "outline.doc: cannot import .doc; use .txt, .md or .docx (save a .doc file as .docx in Word)"),
        ("outline.docx", b"PK\x03\x04 broken", "outline.docx: cannot read this Word document"),
        ("empty.txt", "\n  \n".encode(), "empty.txt: the outline is empty"),
        ("prose.txt", "这是一段没有结构的文字。\n".encode(), "prose.txt: found no lectures; expected headings such as 第一讲"),
        ("utf16-without-bom.txt", "第一讲".encode("utf-16-le"), "utf16-without-bom.txt: found no lectures"),
    ],
)
def test_bad_outlines_are_user_errors_without_traceback(tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("import", path, "-o", tmp_path / "course")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert message in result.output
    assert not (tmp_path / "course").exists()


def test_gbk_and_utf16_text_files_are_read(tmp_path: Path) -> None:
    text = "第一讲 投诉处理\n一、受理\n"
    for encoding, bom in (("gbk", b""), ("utf-16-le", b"\xff\xfe"), ("utf-8", b"\xef\xbb\xbf")):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(bom + text.encode(encoding))
        result = run("import", path, "--dry-run")
        assert "  第一讲 投诉处理 (" in result.output, encoding


def test_markdown_outline(tmp_path: Path) -> None:
    path = tmp_path / "outline.md"
    path.write_text("# 服务礼仪\n\n**课程对象：** 柜员\n\n## 第一讲 礼仪的意义\n\n### 一、第一印象\n\n- 首因效应\n- 近因效应\n", encoding="utf-8")
    result = run("import", path, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:8] == [
        "服务礼仪",
        "  duration: 1 day(s) × 6 h = 360 min",
        "  background: 1 paragraph(s); benefits: 1; audience: 柜员",
        "  第一讲 礼仪的意义 (360 min, line 5)",
        "    一、第一印象",
        "      1. 首因效应",
        "      2. 近因效应",
        "notes (4):",
    ]
