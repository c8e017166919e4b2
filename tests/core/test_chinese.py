"""Chinese-first text: wrapped Chinese lines join without a space (pages and search index), Material's
English theme strings are replaced, the HR guide stays out of the trainee site, mixed lecture numbering warns."""

from __future__ import annotations

import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from coursegen.builder.search_index import read_search_index
from coursegen.cli import main
from coursegen.load import load_project
from coursegen.render import render_site
from coursegen.render.cjk import CJKLineBreaks, joins
from coursegen.render.dates import people_date
from coursegen.render.strings import strings
from tests.conftest import ROOT
from tests.coursefiles import COURSE, LECTURE, warnings, write_course

MINI = ROOT / "tests" / "fixtures" / "mini"


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["pymdownx.superfences", CJKLineBreaks()])


def test_a_soft_break_between_chinese_characters_or_after_chinese_punctuation_joins() -> None:
    assert render("监管、舆情、法规三维视角，\n投诉升级的根源") == "<p>监管、舆情、法规三维视角，投诉升级的根源</p>"
    assert render("投诉升级\n的根源") == "<p>投诉升级的根源</p>"
    assert render("先读案例，\nSCORM 课件随后") == "<p>先读案例，SCORM 课件随后</p>"
    assert render("**三维视角**\n的变化") == "<p><strong>三维视角</strong>的变化</p>"


def test_english_text_code_and_mixed_breaks_keep_their_line_breaks() -> None:
    assert render("wrapped English\nwords") == "<p>wrapped English\nwords</p>"
    assert render("中文\nEnglish") == "<p>中文\nEnglish</p>"
    assert render("`代码\n代码`") == "<p><code>代码\n代码</code></p>"
    fenced = render("```\n第一行\n第二行\n```")
    assert "第一行\n第二行" in fenced
    assert "第一行\n第二行" in render("    第一行\n    第二行")
    assert not joins("a", "中") and not joins("中", "") and joins("，", "")


class _Text(HTMLParser):
    """The text nodes of a page outside code, preformatted blocks, scripts and styles (a line break inside one
    shows as a space; between elements it is the HTML's own layout)."""

    SKIP = {"code", "pre", "script", "style"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.depth += tag in self.SKIP

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag in self.SKIP

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


CJK = "[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]"
WRAPPED = re.compile(f"({CJK})[ \\t]*\n[ \\t]*({CJK})")


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_no_page_shows_a_wrapped_yaml_line_as_a_space(edition: str, example_site: Path, trainer_site: Path) -> None:
    site = example_site if edition == "trainee" else trainer_site
    found = []
    for page in sorted(site.rglob("*.html")):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {m.group(0)!r}" for text in parser.parts for m in WRAPPED.finditer(text)
                  if joins(m.group(1), m.group(2))]
    assert found == []
    intro = (site / "quizzes" / "quiz-service-front" / "index.html").read_text(encoding="utf-8")
    assert "法规三维视角，投诉升级的根源" in intro  # quizzes/quiz-service-front.yml wraps after the comma


def test_the_search_index_has_no_space_where_the_yaml_wrapped(example_site: Path) -> None:
    sections = read_search_index(example_site)
    quiz = " ".join(text for address, _title, text in sections if address.startswith("quizzes/quiz-service-front/"))
    assert "法规三维视角，投诉升级的根源" in quiz
    stray = [m.group(0) for _a, _t, text in sections for m in re.finditer(f"{CJK}\\s+{CJK}", text) if "\n" in m.group(0)]
    assert stray == []


def test_material_english_strings_are_replaced_in_a_chinese_site(example_site: Path) -> None:
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert 'title="本节链接"' in home and "Permanent link" not in home
    assert "Made with" not in home and "squidfunk" not in home
    assert 'role="dialog" aria-label="站内搜索"' in home
    not_found = (example_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>页面不存在</h1>" in not_found and "Not found" not in not_found


def test_the_theme_credit_is_the_trainers_choice(tmp_path: Path) -> None:
    project = shutil.copytree(MINI, tmp_path / "mini")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  generator: true\n", encoding="utf-8")
    result = CliRunner().invoke(main, _build_args(project, tmp_path / "site"))
    assert result.exit_code == 0, result.output
    assert "Made with" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def _build_args(project: Path, site: Path, *more: str) -> list[str]:
    return ["build", "--config", str(project / "mkdocs.yml"), "--course", str(project / "course"),
            "--quizzes", str(project / "quizzes"), "-d", str(site), *more]


def test_the_hr_guide_is_in_the_trainer_edition_only(example_site: Path, trainer_site: Path) -> None:
    assert not (example_site / "hr-guide").exists()
    assert not [address for address, _title, _text in read_search_index(example_site) if address.startswith("hr-guide")]
    assert "hr-guide" not in (example_site / "index.html").read_text(encoding="utf-8")
    assert (trainer_site / "hr-guide" / "index.html").is_file()
    assert 'href="hr-guide/"' in (trainer_site / "index.html").read_text(encoding="utf-8")  # in the trainer's menu


def test_build_says_where_the_trainer_only_pages_went(tmp_path: Path) -> None:
    project = shutil.copytree(MINI, tmp_path / "mini")
    (project / "docs" / "hr.md").write_text("---\nedition: trainer\n---\n# 作业收集\n", encoding="utf-8")
    trainee = CliRunner().invoke(main, _build_args(project, tmp_path / "site"))
    assert "只在讲师版里的页面没有放进这个网站：hr.md。需要时请加 --edition trainer 构建讲师版。" in trainee.output
    assert not (tmp_path / "site" / "hr").exists()
    trainer = CliRunner().invoke(main, _build_args(project, tmp_path / "site-trainer", "--edition", "trainer"))
    assert f"只在讲师版里的页面：{tmp_path / 'site-trainer'}/hr/" in trainer.output
    assert (tmp_path / "site-trainer" / "hr" / "index.html").is_file()


def test_mixed_lecture_numbering_words_warn_at_the_odd_lecture(tmp_path: Path) -> None:
    """The example course without its `mixed_numbering: true`: the seed's 第一章 among 第二讲 … 第五讲."""
    shutil.copytree(ROOT / "course", tmp_path / "course")
    shutil.copytree(ROOT / "quizzes", tmp_path / "quizzes")
    course_yml = tmp_path / "course" / "course.yml"
    course_yml.write_text(course_yml.read_text(encoding="utf-8").replace("mixed_numbering: true\n", ""), encoding="utf-8")
    assert warnings(tmp_path) == [
        "course/lectures/01-service-front.yml:2:8: 警告：`第一章` 用“章”编号，而编了号的 5 讲中有 4 讲用“讲”"
        "（例如 `第二讲`，course/lectures/02-escalation-taboos.yml:2）\n"
        "    提示：每一讲的 `label` 用同一个词，例如 第…讲；如果是有意混用，在 course.yml 里写 `mixed_numbering: true`。"
    ]


def test_a_course_that_means_its_mixed_numbering_says_so_and_gets_no_warning() -> None:
    assert warnings(ROOT) == []


def with_second_lecture(root: Path, head: str, title: str) -> None:
    """The small course of tests/coursefiles.py with a second lecture: ``head`` for its id line, and its title."""
    write_course(root, {
        "course/course.yml": COURSE.replace("hours_per_day: 1", "hours_per_day: 2").replace("[lectures/one.yml]", "[lectures/one.yml, lectures/two.yml]"),
        "course/lectures/two.yml": LECTURE.replace("id: one", head).replace("title: 第一讲", f"title: {title}"),
    })


def test_a_tie_between_numbering_words_goes_to_the_earlier_lecture(tmp_path: Path) -> None:
    with_second_lecture(tmp_path, "id: two\nlabel: 第 2 章", "风险")
    assert warnings(tmp_path) == [
        "course/lectures/two.yml:2:8: 警告：`第 2 章` 用“章”编号，而编了号的 2 讲中有 1 讲用“讲”（例如 `第一讲`，course/lectures/one.yml:2）\n"
        "    提示：每一讲的 `label` 用同一个词，例如 第…讲；如果是有意混用，在 course.yml 里写 `mixed_numbering: true`。"
    ]


def test_one_numbering_word_or_none_gives_no_warning(tmp_path: Path) -> None:
    with_second_lecture(tmp_path, "id: two", "风险管理")
    assert warnings(tmp_path) == []


@pytest.mark.parametrize(("day", "zh", "en"), [
    (date(2026, 3, 12), "3月12日（周四）", "Thu 2026-03-12"),
    (date(2026, 3, 15), "3月15日（周日）", "Sun 2026-03-15"),
    (date(2021, 11, 1), "11月1日（周一）", "Mon 2021-11-01"),
])
def test_a_date_is_written_with_its_weekday(day: date, zh: str, en: str) -> None:
    assert people_date(day, strings("zh", "pages")) == zh
    assert people_date(day, strings("en", "pages")) == en


def test_the_course_date_is_on_the_home_page_and_the_handbook() -> None:
    project, _ = load_project(MINI / "course", MINI / "quizzes")
    pages = {page.path: page.content for page in render_site(project).pages}
    assert "**上课日期**：3月12日（周五）" in pages["index.md"]  # tests/fixtures/mini: date: 2021-03-12
    assert "上课日期：3月12日（周五）" in pages["handbook.md"]


def test_a_trainer_only_page_in_the_trainers_own_menu_is_left_out_of_the_trainee_menu(tmp_path: Path) -> None:
    project = shutil.copytree(MINI, tmp_path / "mini")
    (project / "docs" / "hr.md").write_text("---\nedition: trainer\n---\n# 作业收集\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - 帮助: help.md\n  - HR: hr.md\n", encoding="utf-8")
    result = CliRunner().invoke(main, _build_args(project, tmp_path / "site"))
    assert result.exit_code == 0, result.output  # a strict build: no menu entry leads to a missing page
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="help/"' in home and 'href="hr/"' not in home
    result = CliRunner().invoke(main, _build_args(project, tmp_path / "site-trainer", "--edition", "trainer"))
    assert result.exit_code == 0, result.output
    assert 'href="hr/"' in (tmp_path / "site-trainer" / "index.html").read_text(encoding="utf-8")
