"""`coursegen check` finds the broken links and images of the course text that `coursegen build` would fail on,
at the YAML line where they are written, and passes every link the build accepts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.load import load_project
from coursegen.load.links import _site_files
from coursegen.render import render_site

from tests.coursefiles import write_course

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = (ROOT / "tests" / "fixtures" / "mini" / "mkdocs.yml").read_text(encoding="utf-8")


def lecture(body: str) -> str:
    """A one-section lecture whose section body is ``body`` (a block scalar, from line 7 on)."""
    indented = "\n".join("      " + line if line else "" for line in body.splitlines())
    return f"id: one\ntitle: 第一讲\nduration_minutes: 60\nsections:\n  - id: s1\n    title: 一节\n    body: |\n{indented}\n    points: [要点]\n"


@pytest.fixture
def course(workdir: Path) -> Path:
    """A valid course with a hand-written page and image in docs/ and a case page to link to."""
    write_course(workdir, {
        "course/cases/pond.yml": "id: pond\ntitle: 案例\nbackground: 背景\nevents: [经过]\nquestions: [{id: q1, prompt: 怎么办？}]\ndebrief: 解析\n",
        "docs/help.md": "# 帮助\n",
        "docs/img/map.png": "",
        "mkdocs.yml": MKDOCS,
    })
    return workdir


def check(root: Path, body: str) -> tuple[int, list[str]]:
    (root / "course" / "lectures" / "one.yml").write_text(lecture(body), encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    return result.exit_code, result.output.splitlines()


def test_links_the_build_accepts_pass_check(course: Path) -> None:
    code, output = check(course, (
        "见[案例](../cases/pond.md)、[日程](../agenda.md#午餐)、[帮助](../help.md)和![图](../img/map.png)。\n\n"
        "[网站](https://example.com/a.md)、[邮件](mailto:hr@example.com)、[本页](#要点)、[目录](../cases/)、[无后缀](../cases/pond)。\n\n"
        "[进度](../progress.md)、[错题本](../review.md)、[手册](../handbook.md)、[主页](../index.md)、[案例集](../cases/index.md)\n\n"
        "[引用][r]\n\n[r]: ../cases/pond.md\n"
    ))
    assert code == 0, output
    assert output[-1].startswith("测试：1 讲，")


def test_each_broken_link_or_image_is_one_error_at_its_line_and_column(course: Path) -> None:
    code, output = check(course, "开头。\n\n见[案例](../cases/pnd.md)和![图](img/map.png)。\n\n[引用][r]\n\n[r]: ../nowhere.md\n")
    assert code == 1
    assert output == [
        "course/lectures/one.yml:10:13: 链接 `../cases/pnd.md` 指向的网页或文件不存在",
        "    提示：是不是 `../cases/pond.md`？",
        "course/lectures/one.yml:10:35: 链接 `img/map.png` 指向的网页或文件不存在",
        "    提示：是不是 `../img/map.png`？",
        "course/lectures/one.yml:14:12: 链接 `../nowhere.md` 指向的网页或文件不存在",
        "    提示：地址从链接所在的网页（lectures/one.md）算起：案例写 `../cases/<id>.md`，文档文件夹里的文件写 `../<路径>`。",
        "发现 3 处错误，没有生成任何内容。",
    ]


def test_a_link_without_extension_to_a_page_that_does_not_exist_is_reported(course: Path) -> None:
    """MkDocs leaves `../cases/pnd` alone: the trainee would meet a missing page. `../cases/pond` (a page) passes."""
    code, output = check(course, "见[案例](../cases/pond)和[另一个](../cases/pnd#背景)。\n")
    assert code == 1
    assert output[:2] == [
        "course/lectures/one.yml:8:34: 链接 `../cases/pnd#背景` 指向的网页或文件不存在",
        "    提示：是不是 `../cases/pond.md`？",
    ]


def test_links_shown_as_code_are_examples_not_links(course: Path) -> None:
    code, output = check(course, "写成 `[附件](nowhere.md)` 即可：\n\n```\n![图](none.png)\n```\n")
    assert code == 0, output


def test_a_link_in_course_yml_is_relative_to_the_home_page(course: Path) -> None:
    text = (course / "course" / "course.yml").read_text(encoding="utf-8")
    (course / "course" / "course.yml").write_text(text.replace("background: 背景", "background: 见[帮助](help.md)和[案例](../cases/pond.md)"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "course/course.yml:3:33: 链接 `../cases/pond.md` 指向的网页或文件不存在"
    assert "help.md" not in result.output


def test_the_build_stops_before_mkdocs_and_no_strict_lets_it_pass_with_a_warning(course: Path) -> None:
    (course / "course" / "lectures" / "one.yml").write_text(lecture("见[附件](nowhere.md)。\n"), encoding="utf-8")
    failed = CliRunner().invoke(main, ["build"])
    assert failed.exit_code == 1
    assert "course/lectures/one.yml:8:13: 链接 `nowhere.md` 指向的网页或文件不存在" in failed.output
    assert not (course / "site").exists()
    passed = CliRunner().invoke(main, ["build", "--no-strict"])
    assert passed.exit_code == 0, passed.output
    assert "course/lectures/one.yml:8:13: 警告：链接 `nowhere.md` 指向的网页或文件不存在" in passed.output


def test_every_page_the_renderer_writes_is_a_page_check_knows(tmp_path: Path) -> None:
    """The check knows the site's pages without rendering: if the renderer gains a page, this fails."""
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    known = _site_files(project, None)
    for edition in ("trainee", "trainer"):
        written = {page.path for page in render_site(project, edition).pages}  # type: ignore[arg-type]
        assert written <= known, sorted(written - known)


def test_the_example_course_passes_check_with_its_docs(workdir: Path) -> None:
    for part in ("course", "quizzes", "docs"):
        shutil.copytree(ROOT / part, workdir / part)
    shutil.copy(ROOT / "mkdocs.yml", workdir / "mkdocs.yml")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output


HOTSPOT = """id: quiz-hot
title: 热区
pass_mark: 0
questions:
  - id: board
    type: hotspot
    prompt: 点出公告栏。
    image: {image}
    alt: 柜台正面
    areas:
      - {{shape: rect, at: [62, 10, 30, 40], label: 公告栏}}
"""


def test_a_hotspot_picture_must_be_a_file_of_the_docs_folder(course: Path) -> None:
    (course / "quizzes" / "quiz-hot.yml").write_text(HOTSPOT.format(image="img/map.png"), encoding="utf-8")
    assert check(course, "正文。\n")[0] == 0
    (course / "quizzes" / "quiz-hot.yml").write_text(HOTSPOT.format(image="img/mop.png"), encoding="utf-8")
    code, output = check(course, "正文。\n")
    assert code == 1
    assert "quizzes/quiz-hot.yml:8:12: 图片 `img/mop.png` 不在 docs 文件夹里" in output
    assert "    提示：是不是 `img/map.png`？" in output
