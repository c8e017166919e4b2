"""Real MkDocs builds: the example course, the safe swap, docs/ left alone, the plugin path, `coursegen new`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.load import load_project

from tests.coursefiles import COURSE, write_course

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "mini"


def html_text(path: Path) -> str:
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))


def test_example_course_builds_with_every_outline_item_on_its_page(example_site: Path) -> None:
    project, warnings = load_project(ROOT / "course", ROOT / "quizzes")
    assert warnings == []  # the seed's 第一章 among 第二讲… is meant: `mixed_numbering: true` (test_chinese.py)
    assert len(project.lectures) == 5
    for lecture in project.lectures:
        text = html_text(example_site / "lectures" / lecture.id / "index.html")
        for section in lecture.sections:
            assert section.title in text
            for point in section.full_points():
                assert point.title in text
                for sub in point.sub_points():
                    assert sub.title in text
    for kind, items in [("cases", project.cases), ("discussions", project.discussions), ("drills", project.drills), ("homework", project.homework)]:
        for item_id, item in items.items():
            assert item.title in html_text(example_site / kind / item_id / "index.html")
    home = html_text(example_site / "index.html")
    assert project.course.title in home and "崔海芳" in home


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def mini_project(workdir: Path) -> Path:
    """The working folder, holding a copy of the small fixture course project."""
    shutil.copytree(FIXTURE, workdir, dirs_exist_ok=True)
    return workdir


def test_build_prints_a_summary_and_leaves_docs_alone(mini_project: Path) -> None:
    project = mini_project
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "迷你课程：2 讲，3 节，1 个案例，1 个情景模拟，1 个讨论，1 个演练，1 份作业，1 个题库（共 3 道题）" in result.output
    assert "网站已写入 site/" in result.output
    assert "… 正在读取课程" in result.output and "… 正在生成学员版页面" in result.output
    assert (project / "site" / "lectures" / "basics" / "index.html").is_file()
    assert (project / "site" / "help" / "index.html").is_file(), "hand-written pages are part of the site"
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*")) == before


def test_an_english_course_builds_with_english_messages(mini_project: Path) -> None:
    course = mini_project / "course" / "course.yml"
    course.write_text(course.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--edition", "trainer", "--offline"])
    assert result.exit_code == 0, result.output
    assert "迷你课程: 2 lectures, 3 sections, 1 case, 1 branching scenario, 1 discussion, 1 drill, 1 form, 1 quiz bank (3 questions)" in result.output
    assert "Site written to site-trainer/" in result.output
    assert "Open site-trainer/index.html in a browser. Opened from file://, the site works page by page" in result.output
    assert "… loading course" in result.output and "… rendering trainer pages" in result.output
    assert re.search(r"… building \d+ pages with MkDocs\n… MkDocs done in \d+\.\d s\n", result.output)


def test_check_strict_fails_on_warnings_and_says_why(mini_project: Path) -> None:
    """One lecture numbered by 章 and the other by 讲: one warning."""
    lecture = mini_project / "course" / "lectures" / "02-practice.yml"
    lecture.write_text(lecture.read_text(encoding="utf-8").replace("id: practice\n", "id: practice\nlabel: 第二讲\n", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 1
    assert result.output.endswith("\n有 1 条警告；加了 --strict，警告也按错误处理。\n"), result.output


def test_a_failed_build_keeps_the_last_good_site(mini_project: Path) -> None:
    project = mini_project
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    good = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    course = project / "course" / "course.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("title: 迷你课程", "titel: 迷你课程"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == good


def test_a_mkdocs_failure_also_keeps_the_last_good_site(mini_project: Path) -> None:
    project = mini_project
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    index = (project / "site" / "index.html").read_bytes()
    (project / "docs" / "help.md").write_text("# 帮助\n\n[坏链接](nowhere.md)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "MkDocs 无法构建网站；site/ 保持原样。" in result.output
    assert "nowhere.md" in result.output
    assert (project / "site" / "index.html").read_bytes() == index


def test_a_broken_link_in_course_text_is_reported_at_its_yaml_line_once(mini_project: Path) -> None:
    """MkDocs would name the generated lecture page and the handbook that repeats it; the trainer wrote it once, in YAML."""
    lecture = mini_project / "course" / "lectures" / "01-basics.yml"
    lecture.write_text(lecture.read_text(encoding="utf-8").replace(
        "body: 投诉往往源于期望与体验的落差。", "body: 投诉往往源于期望与体验的落差，见[附件](nowhere.md)和![图](img/none.png)。"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    hint = "    提示：地址从链接所在的网页（lectures/basics.md）算起：案例写 `../cases/<id>.md`，文档文件夹里的文件写 `../<路径>`。"
    assert result.output.splitlines()[-5:] == [
        "course/lectures/01-basics.yml:10:32: 链接 `nowhere.md` 指向的网页或文件不存在", hint,
        "course/lectures/01-basics.yml:10:49: 链接 `img/none.png` 指向的网页或文件不存在", hint,
        "发现 2 处错误，没有生成任何内容。",
    ]
    assert "MkDocs" not in result.output  # found before building, not again by MkDocs on the generated page


def test_a_link_written_for_the_lecture_page_also_works_in_the_handbook(mini_project: Path) -> None:
    """The handbook repeats every lecture's text on one page elsewhere: relative links are re-aimed for it."""
    lecture = mini_project / "course" / "lectures" / "01-basics.yml"
    lecture.write_text(lecture.read_text(encoding="utf-8").replace(
        "body: 投诉往往源于期望与体验的落差。", "body: 投诉往往源于期望与体验的落差，见[池子事件](../cases/pond.md#debrief)。"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert 'href="../../cases/pond/#debrief">池子事件' in (mini_project / "site" / "lectures" / "basics" / "index.html").read_text(encoding="utf-8")
    assert 'href="../cases/pond/#debrief">池子事件' in (mini_project / "site" / "handbook" / "index.html").read_text(encoding="utf-8")


def test_a_hand_written_page_cannot_shadow_a_generated_one(mini_project: Path) -> None:
    (mini_project / "docs" / "agenda.md").write_text("# 手写安排\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "docs/agenda.md: 这个手写页面的地址和一个生成的页面相同；请改名或移动它" in result.output


def test_plugin_reports_course_errors_as_a_plugin_error(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    write_course(tmp_path, {"course/course.yml": COURSE + "subtitel: x\n"})
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - coursegen\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError, match="不认识的键 `subtitel`"):
        config.plugins.on_config(config)


def test_new_project_builds_out_of_the_box(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["new", "demo", "--title", "新员工服务礼仪"])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"已在 demo/ 中创建 \d+ 个文件\n下一步：cd demo && coursegen serve\n", result.output), result.output
    monkeypatch.chdir(workdir / "demo")
    assert (workdir / "demo" / "schemas" / "course.schema.json").is_file()
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "新员工服务礼仪" in html_text(workdir / "demo" / "site" / "index.html")
    again = runner.invoke(main, ["new", str(workdir / "demo")])
    assert again.exit_code == 1 and again.output == f"{workdir / 'demo'}: 文件夹不是空的；请换一个新的文件夹名\n"


def test_agenda_lays_lectures_around_lunch(tmp_path: Path) -> None:
    from coursegen.render import render_site

    project, _ = load_project(FIXTURE / "course", FIXTURE / "quizzes")
    agenda = next(p for p in render_site(project).pages if p.path == "agenda.md").content
    assert "| 09:00–09:50 | [第一章 基础——认识投诉](lectures/basics.md) | 50 分钟 |" in agenda
    assert "| 09:50–10:40 | [第二讲 实践——处理投诉](lectures/practice.md) | 50 分钟 |" in agenda
    assert "**合计**：120 分钟" in agenda
