"""The command line speaks its user's language: help pages and usage errors from the catalogue, laid out for Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from coursegen.catalogue import LANGUAGES
from coursegen.cli import main
from coursegen.cli.layout import NO_LINE_END, NO_LINE_START, paragraphs, width, wrap
from coursegen.cli.speaking import command_help, command_path, option_row
from coursegen.messages import catalogue, speaking

CHINESE_GAP = re.compile(r"[\u4e00-\u9fff，。；：、（）] [\u4e00-\u9fff，。；：、（）]")
"""A space between two Chinese characters: a stray space."""


def _contexts(ctx: click.Context) -> list[click.Context]:
    group = ctx.command
    assert isinstance(group, click.Group)
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        sub = click.Context(command, info_name=name, parent=ctx)
        found += [sub, *(_contexts(sub) if isinstance(command, click.Group) else [])]
    return found


def _run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), prog_name="coursegen")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_and_option_has_its_help_and_no_help_text_is_left_over(language: str) -> None:
    root = click.Context(main, info_name="coursegen")
    used: set[str] = set()
    with speaking(language):
        texts = catalogue(language)
        for ctx in [root, *_contexts(root)]:
            path = command_path(ctx)
            assert command_help(path).strip()
            used.add(f"cli.help.{path}")
            for option in ctx.command.get_params(ctx):
                if isinstance(option, click.Option):
                    names, text = option_row(option, ctx)
                    assert text.strip(), names
                    name = "help" if "--help" in option.opts else option.name
                    used.add(f"cli.option.{path}.{name}" if f"cli.option.{path}.{name}" in texts else f"cli.option.{name}")
    left = {key for key in texts if key.startswith(("cli.help.", "cli.option."))} - used
    assert not left, f"help texts no command or option uses: {sorted(left)}"


def test_help_is_chinese_aligned_and_fits_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = _run("homework", "report", "--help").output
    assert page.startswith("用法：coursegen homework report [选项] [SUBMISSIONS]...\n")  # folders, or --lrs, or both
    assert "选项：\n" in page and "--roster 路径" in page and "（默认：5；至少 1）" in page
    for english in ("Usage", "Options", "Show this", "default:", "required"):
        assert english not in page
    lines = page.splitlines()
    assert all(width(line) <= 80 for line in lines), [line for line in lines if width(line) > 80]
    assert not CHINESE_GAP.search(page), CHINESE_GAP.search(page)
    # the help column starts at one display column on every option's first line, however wide its name
    starts = {width(m.group(1)) for line in lines if line.startswith("  -") and (m := re.match(r"^(  \S.*?\S {2,})\S", line))}
    assert len(starts) == 1, starts

    top = _run("--help").output
    assert "命令：\n" in top and "  serve" in top and "实时预览" in top and "Commands" not in top


def test_help_speaks_the_course_here_or_lang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "course.yml").write_text("language: en\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _run("build", "--help").output.startswith("Usage: coursegen build [OPTIONS]\n")
    assert _run("--lang", "zh", "build", "--help").output.startswith("用法：coursegen build [选项]\n")


@pytest.mark.parametrize(("args", "message"), [
    (["homework", "report"], "错误：缺少选项 --roster，它是必填的。"),
    (["homework", "report", "--roster", "r.csv", "-o", "out"], "错误：没有要读的提交：请给出提交文件夹，或用 --lrs 给出 LRS 的 xAPI 地址（两者也可以都给）。"),
    (["homework", "report", "nowhere", "-o", "out"], "错误：[SUBMISSIONS]... 的值不对：找不到 nowhere。"),
    (["build", "--cours", "c"], "错误：没有 --cours 这个选项。你是不是想写 --course？"),
    (["biuld"], "错误：没有 biuld 这个命令。你是不是想写 build？"),
    (["build", "--edition", "teacher"], "错误：--edition 只能是 trainee、trainer 之一。"),
    (["homework", "receive", "--inbox", "in", "--port", "0"], "错误：--port 要写一个从 1 到 65535 的整数。"),
    (["build", "-d"], "错误：选项 -d 后面要写一个值。"),
    (["new", "a", "b"], "错误：多了参数：b。"),
])
def test_usage_errors_are_one_chinese_message_with_where_help_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run(*args)
    assert result.exit_code == 2
    assert result.output.rstrip("\n").endswith(message), result.output
    assert "Error" not in result.output and "Usage" not in result.output and "Try" not in result.output


def test_usage_errors_in_english_with_lang_en(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run("--lang", "en", "build", "--cours", "c")
    assert result.exit_code == 2
    assert "Try 'coursegen build -h' for help." in result.output
    assert result.output.endswith("Error: No such option: --cours. Did you mean --course?\n")


def test_wrapping_breaks_between_chinese_characters_never_at_punctuation() -> None:
    text = "班级名单（.xlsx、.xls 或 .csv），含工号、姓名、部门三列；可选状态（请假、免交：不要求提交，也不催交）。" * 3
    for columns in range(12, 60):
        lines = wrap(text, columns)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(width(line) <= columns for line in lines), columns
        assert not any(line[0] in NO_LINE_START for line in lines[1:]), columns
        assert not any(line[-1] in NO_LINE_END for line in lines), columns
    assert wrap("one two three four", 9) == ["one two", "three", "four"]


def test_paragraph_lines_join_without_a_space_between_chinese_characters() -> None:
    assert paragraphs("课程文字里的链接\n和图片。\n\nLinks in the\ncourse text.\n\n用 mkdocs\nbuild 构建") == [
        "课程文字里的链接和图片。", "Links in the course text.", "用 mkdocs build 构建"]
