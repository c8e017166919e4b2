"""``coursegen import`` as a trainer runs it: output, files written, `coursegen check` accepting them, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from coursegen.cli import main
from coursegen.load.problems import display_path
from coursegen.messages import choose

from .outlines import SEED


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_dry_run_prints_the_tree_and_the_report_and_writes_nothing(tmp_path: Path) -> None:
    result = run("import", SEED, "-o", tmp_path / "course", "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "防微杜渐、未雨绸缪 ——银行消费者权益保护与投诉事务管理 (2021)"
    assert "  第一章 服务前置——逆向追溯升级投诉的根源（130 分钟，第 24 行）" in lines
    assert "  第三讲 投诉管理与案例总结（35 分钟，第 91 行）" in lines
    assert "      [案例分析] 池子事件 → cases/case-1.yml" in lines
    assert "        1) 媒体类别变化" in lines
    assert f"  {display_path(SEED)}:163:5: “推荐阅读”：大纲后面网站上的其他内容" in lines
    assert lines[-1] == "每一行都放进了课程；3 行作为杂项跳过。"
    assert not (tmp_path / "course").exists()


def test_import_writes_a_course_that_check_accepts(tmp_path: Path) -> None:
    course = tmp_path / "course"
    result = run("import", SEED, "-o", course, "--id", "consumer-protection")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"已把 14 个文件写入 {course}：course.yml、lectures/ 5 个、cases/ 4 个、discussions/ 2 个、homework/ 1 个、drills/ 1 个"
    )
    assert "每一行都放进了课程；3 行作为杂项跳过。" in result.output
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
    assert checked.output.count(": 警告：这里还是待补充的占位文字（待补充：") == written
    assert run("check", "--course", course, "--quizzes", tmp_path / "quizzes", "--strict").exit_code == 1


def test_the_command_counts_unplaced_lines(tmp_path: Path) -> None:
    outline = tmp_path / "o.txt"
    outline.write_text("第一讲 甲\n一、节\n课程特色：实战\n授课方式：讲授\n", encoding="utf-8")
    result = run("import", outline, "-o", tmp_path / "c")
    assert result.exit_code == 0, result.output
    assert f"没有放进课程的内容（2 处）：\n  {display_path(outline)}:3:1: “课程特色：实战”：" in result.output
    assert "有 2 行没能放进课程（见上文），请手工补进课程文件；0 行作为杂项跳过。" in result.output


def test_course_id_defaults_to_the_folder_name(tmp_path: Path) -> None:
    run("import", SEED, "-o", tmp_path / "Complaints 2021")
    assert "id: complaints-2021\n" in (tmp_path / "Complaints 2021" / "course.yml").read_text(encoding="utf-8")


def test_a_folder_that_is_not_empty_needs_force(tmp_path: Path) -> None:
    course = tmp_path / "course"
    course.mkdir()
    (course / "notes.txt").write_text("mine", encoding="utf-8")
    refused = run("import", SEED, "-o", course)
    assert refused.exit_code == 1
    assert refused.output == (
        f"{display_path(course)}: 文件夹不是空的。\n"
        "    提示：用 `-o` 另选一个新文件夹，例如 `-o 投诉管理`；或者加上 `--force`，覆盖导入要写的同名文件。\n"
    )
    forced = run("import", SEED, "-o", course, "--force")
    assert forced.exit_code == 0, forced.output
    assert (course / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (course / "course.yml").is_file()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt: 找不到这个文件。\n    提示：检查文件名"),
        ("outline.doc", b"\xd0\xcf\x11\xe0", "outline.doc: 无法导入 .doc 文件。\n    提示：在 Word 中打开它，用“另存为”保存成 .docx 文件再导入。"),
        ("outline.docx", b"PK\x03\x04 broken", "outline.docx: 读不出这份 Word 文档"),
        ("empty.txt", "\n  \n".encode(), "empty.txt: 大纲里没有文字。"),
        ("prose.txt", "这是一段没有结构的文字。\n".encode(), "prose.txt: 没有找到任何一讲。\n    提示：每一讲要有一行标题，例如 `第一讲 投诉的成因`"),
        ("utf16-without-bom.txt", "第一讲".encode("utf-16-le"), "utf16-without-bom.txt: 没有找到任何一讲。"),
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
        assert "  第一讲 投诉处理（360 分钟，第 1 行）" in result.output, encoding


def test_markdown_outline(tmp_path: Path) -> None:
    path = tmp_path / "outline.md"
    path.write_text("# 服务礼仪\n\n**课程对象：** 柜员\n\n## 第一讲 礼仪的意义\n\n### 一、第一印象\n\n- 首因效应\n- 近因效应\n", encoding="utf-8")
    result = run("import", path, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:8] == [
        "服务礼仪",
        "  课程时间：1 天 × 6 小时 = 360 分钟",
        "  课程背景 1 段；课程收益 1 条；课程对象：柜员",
        "  第一讲 礼仪的意义（360 分钟，第 5 行）",
        "    一、第一印象",
        "      1. 首因效应",
        "      2. 近因效应",
        "导入时的处理（4 条）：",
    ]


def test_the_imported_seed_is_a_project_that_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As after `coursegen new`: the folder around the course gets mkdocs.yml, and `coursegen build` just works."""
    monkeypatch.chdir(tmp_path)
    result = run("import", SEED)
    assert result.exit_code == 0, result.output
    assert "已写入网站设置 mkdocs.yml，运行 `coursegen build` 即可生成网站。" in result.output
    assert result.output.splitlines()[-1] == f"下一步：把每处“（待补充：…）”换成课程内容，然后在 {tmp_path.resolve()} 中运行 `coursegen serve` 预览网站。"
    assert "site_name: \"防微杜渐、未雨绸缪\"" in (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert not (tmp_path / "quizzes").exists()  # the scaffold's example quiz is not part of the imported course
    built = run("build")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "site" / "agenda" / "index.html").is_file()


def test_an_existing_projects_mkdocs_yml_is_kept(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: 我们的网站\n", encoding="utf-8")
    result = run("import", SEED, "-o", tmp_path / "consumer")
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'mkdocs.yml'} 已经存在，保持不变。" in result.output
    assert "`coursegen serve --course consumer`" in result.output
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: 我们的网站\n"


def test_lang_en_speaks_english_without_a_course(tmp_path: Path) -> None:
    try:
        _english_import(tmp_path)
    finally:
        choose(None)  # --lang holds for the process, as for one command run


def _english_import(tmp_path: Path) -> None:
    result = run("--lang", "en", "import", SEED, "-o", tmp_path / "course", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "  第三讲 投诉管理与案例总结 (35 min, line 91)" in result.output.splitlines()
    assert result.output.splitlines()[-1] == "every line was placed; 3 line(s) skipped as noise."
    missing = run("--lang", "en", "import", tmp_path / "missing.txt")
    assert missing.output == f"{display_path(tmp_path / 'missing.txt')}: no such file.\n    hint: check the file's name and folder, e.g. `coursegen import outline.docx`.\n"
