"""A command that reads a course, run where there is none: one message in Chinese naming the folder looked in, and a
hint that fixes it (the course project's folder, or --course and --quizzes); the system's reasons come from the catalogue."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.load import load_project
from coursegen.load.problems import CourseError
from coursegen.load.yamlfile import read_yaml

from tests.hr.synthetic import people, submission, write_course, write_json, write_roster


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if not line.startswith("…")]  # the progress line of commands that build


@pytest.mark.parametrize("command", [["check"], ["build"], ["homework", "report", "收件箱", "--roster", "名单.csv", "-o", "报告"]])
def test_a_command_run_outside_a_course_says_no_course_is_here_and_how_to_fix_it(workdir: Path, command: list[str]) -> None:
    (workdir / "收件箱").mkdir()
    code, output = run(*command)
    assert code == 1
    assert _lines(output) == [
        f"course/course.yml:1:1: 没有找到课程：{workdir / 'course'} 里没有 course.yml。",
        "    提示：到课程项目的文件夹（有 course 和 quizzes 两个文件夹的那个）里运行这个命令，或者用 --course 和 --quizzes 指明这两个文件夹，"
        "例如 --course 项目/course --quizzes 项目/quizzes（生成网站的命令再加 --config 项目/mkdocs.yml）；还没有课程项目的话，用 `coursegen new 文件夹` 新建一个。",
        "发现 1 处错误，没有生成任何内容。",
    ]
    assert "No such file" not in output and "Traceback" not in output


def test_a_course_project_beside_the_folder_is_named_and_its_options_work(workdir: Path) -> None:
    project = workdir / "投诉 培训"
    write_course(project)
    write_roster(workdir / "名单.csv", people(2))
    write_json(workdir / "收件箱" / "a.json", submission(people(2)[0], "lunch-homework"))
    code, output = run("homework", "report", "收件箱", "--roster", "名单.csv", "-o", "报告")
    assert code == 1
    assert output.splitlines()[1] == (
        '    提示：课程项目在 "投诉 培训"：到那里运行这个命令（cd "投诉 培训"），或者加上 --course "投诉 培训/course" --quizzes "投诉 培训/quizzes"'
        '（生成网站的命令再加 --config "投诉 培训/mkdocs.yml"）。'
    )
    # The options the hint gives, as given: the report runs.
    code, output = run("homework", "report", "收件箱", "--roster", "名单.csv", "-o", "报告", "--course", "投诉 培训/course", "--quizzes", "投诉 培训/quizzes")
    assert code == 0, output
    assert (workdir / "报告" / "homework-report.html").is_file()


def test_an_english_run_says_it_in_english(workdir: Path) -> None:
    code, output = run("--lang", "en", "check")
    assert code == 1
    assert output.splitlines()[0] == f"course/course.yml:1:1: no course found: {workdir / 'course'} holds no course.yml"
    assert output.splitlines()[1].startswith("    hint: run the command in the course project's folder")


def test_the_loader_stops_at_the_missing_course_file(tmp_path: Path) -> None:
    """Nothing else is read: a quizzes folder of some other project nearby adds no problem of its own."""
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "broken.yml").write_text("id: [x\n", encoding="utf-8")
    with pytest.raises(CourseError) as raised:
        load_project(tmp_path / "course", tmp_path / "quizzes")
    [problem] = raised.value.problems
    assert problem.message.startswith("没有找到课程")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind the user")
def test_a_course_file_that_cannot_be_read_says_why_in_the_catalogue_s_words(tmp_path: Path) -> None:
    path = tmp_path / "course.yml"
    path.write_text("id: c\n", encoding="utf-8")
    path.chmod(0)
    try:
        _, [problem] = read_yaml(path)
    finally:
        path.chmod(0o644)
    assert problem.message == "读不了这个文件：没有读取权限。"


def test_a_course_file_inside_a_file_says_the_path_is_not_folders(tmp_path: Path) -> None:
    (tmp_path / "course").write_text("not a folder", encoding="utf-8")
    _, [problem] = read_yaml(tmp_path / "course" / "course.yml")
    assert problem.message == "读不了这个文件：路径中间有一级不是文件夹。"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_course_file_that_is_a_link_to_itself_says_so(tmp_path: Path) -> None:
    (tmp_path / "course.yml").symlink_to("course.yml")
    _, [problem] = read_yaml(tmp_path / "course.yml")
    assert problem.message == "读不了这个文件：符号链接绕成了圈。"
