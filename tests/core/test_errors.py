"""Each kind of bad input gives one exact `file:line:col: message`, all problems at once, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.load import load_project

from tests.coursefiles import COURSE, LECTURE, problems, write_course


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("title: 一节", "title: [一节")})
    [message] = problems(tmp_path)
    assert message == (
        "course/lectures/one.yml:6:12: `[` 没有配对的 `]`。\n"
        "    提示：如果 `[` 用来括起一组值，在末尾补上 `]`：`title: [一节]`；如果它只是文字的一部分，给整段文字加引号：`title: \"[一节\"`。"
    )


def test_tab_indentation_gets_a_hint(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("    title: 一节", "\ttitle: 一节")})
    [message] = problems(tmp_path)
    assert message == (
        "course/lectures/one.yml:6:1: 这一行用 Tab 缩进，YAML 只认空格。\n"
        "    提示：删去 Tab，改用空格：这一行左边空 4 格，写成 `title: 一节`。"
    )


def test_wrong_type(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("duration_minutes: 60", "duration_minutes: 一小时")})
    assert problems(tmp_path) == [
        "course/lectures/one.yml:3:19: `duration_minutes`：这里要写整数，写的是 `一小时`\n"
        "    提示：只写阿拉伯数字，不带单位，例如 `duration_minutes: 60`"
    ]


def test_number_where_text_is_expected_hints_at_quotes(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("points: [要点]", "points: [315]")})
    assert problems(tmp_path) == [
        "course/lectures/one.yml:7:14: `sections[1].points[1]`：这里要写文字，但 `315` 会被读成数字\n"
        '    提示：加上引号，写成 `"315"`'
    ]


def test_missing_field_points_at_the_parent_mapping(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("    title: 一节\n", "")})
    assert problems(tmp_path) == [
        "course/lectures/one.yml:5:5: `sections[1]` 里缺少必填的键 `title`\n    提示：加上一行 `title: …`，写上它的内容"
    ]


def test_unknown_key_suggests_the_close_one(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/course.yml": COURSE + "subtitel: 副标题\n"})
    assert problems(tmp_path) == ["course/course.yml:8:1: 不认识的键 `subtitel`\n    提示：是不是想写 `subtitle`？"]


def test_duplicate_key_in_a_mapping(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/course.yml": COURSE + "title: 又一个标题\n"})
    assert problems(tmp_path) == [
        "course/course.yml:8:1: 键 `title` 在同一层里出现了两次。\n    提示：同一层里每个键只能写一次：删去多余的 `title`，或者把两处内容合并。"
    ]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    case = "id: pond\ntitle: 池子\nbackground: 背景\nevents: [经过]\nquestions: [{id: q, prompt: 问}]\ndebrief: 解析\n"
    write_course(tmp_path, {"course/cases/a.yml": case, "course/cases/b.yml": case})
    assert problems(tmp_path) == [
        "course/cases/b.yml:1:5: 案例 id `pond` 已经在 course/cases/a.yml:1 用过了\n"
        "    提示：每个 id 只能用一次，网页地址和学员保存的进度都靠它区分；把这一个改成别的，例如 `id: pond-2`。"
    ]


def test_reference_to_an_unknown_id(tmp_path: Path) -> None:
    case = "id: pond\ntitle: 池子\nbackground: 背景\nevents: [经过]\nquestions: [{id: q, prompt: 问}]\ndebrief: 解析\n"
    lecture = LECTURE + "    activities:\n      - case: pnd\n"
    write_course(tmp_path, {"course/cases/pond.yml": case, "course/lectures/one.yml": lecture})
    assert problems(tmp_path) == ["course/lectures/one.yml:9:15: 找不到 id 为 `pnd` 的案例\n    提示：是不是 `pond`？"]


def test_missing_lecture_file(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/course.yml": COURSE.replace("lectures/one.yml", "lectures/onе.yml")})
    assert problems(tmp_path) == [
        "course/course.yml:7:12: 讲次文件 `lectures/onе.yml` 不存在\n    提示：是不是 `lectures/one.yml`？"
    ]


def test_bad_id_gets_the_id_rule(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("id: one", "id: 第一讲")})
    assert problems(tmp_path) == [
        "course/lectures/one.yml:1:5: `id`：`第一讲` 不能用作 id\n    提示：id 只用小写字母、数字和 -，例如 `id: complaint-roots`"
    ]


def test_a_file_saved_as_gbk_is_named_as_such_at_its_first_chinese_character(tmp_path: Path) -> None:
    write_course(tmp_path)
    (tmp_path / "course/lectures/one.yml").write_bytes(LECTURE.encode("gb18030"))
    assert problems(tmp_path) == [
        "course/lectures/one.yml:2:8: 文件是按 GBK（GB18030）编码保存的，不是 UTF-8。\n"
        "    提示：把文件重新保存为 UTF-8：记事本里“另存为”→ 编码选 UTF-8；VS Code 里“通过编码保存”→ UTF-8。"
    ]


def test_other_text_that_is_not_utf8_names_line_column_and_byte(tmp_path: Path) -> None:
    write_course(tmp_path)
    (tmp_path / "course/lectures/one.yml").write_bytes(LECTURE.replace("第一讲", "caf").encode() .replace(b"caf", b"caf\xe9\xff"))
    assert problems(tmp_path) == [
        "course/lectures/one.yml:2:11: 文件不是 UTF-8 编码（文件的第 19 个字节）。\n"
        "    提示：把文件另存为 UTF-8 编码：记事本里“另存为”→ 编码选 UTF-8；VS Code 里“通过编码保存”→ UTF-8。"
    ]


def test_all_problems_of_all_files_in_one_run(tmp_path: Path) -> None:
    write_course(tmp_path, {
        "course/course.yml": COURSE + "subtitel: x\n",
        "course/lectures/one.yml": LECTURE.replace("duration_minutes: 60", "duration_minutes: -5") + "extra: 1\n",
    })
    found = problems(tmp_path)
    assert [m.split(": ")[0] for m in found] == [
        "course/course.yml:8:1",
        "course/lectures/one.yml:3:19",
        "course/lectures/one.yml:8:1",
    ]


def test_duration_mismatch_is_a_warning_not_an_error(tmp_path: Path) -> None:
    write_course(tmp_path, {"course/lectures/one.yml": LECTURE.replace("duration_minutes: 60", "duration_minutes: 45")})
    project, warnings = load_project(tmp_path / "course", tmp_path / "quizzes")
    assert project.course.id == "t"
    assert [w.message for w in warnings] == ["各讲加起来是 45 分钟，但课程时间是 60 分钟"]


@pytest.mark.parametrize("command", ["check", "build"])
def test_cli_reports_errors_with_exit_1_and_no_traceback(workdir: Path, command: str) -> None:
    write_course(workdir, {"course/course.yml": COURSE + "subtitel: x\n"})
    result = CliRunner().invoke(main, [command])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "course/course.yml:8:1: 不认识的键 `subtitel`" in result.output
    assert result.output.rstrip().endswith("发现 1 处错误，没有生成任何内容。")
