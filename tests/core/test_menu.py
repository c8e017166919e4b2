"""The menu walks the course in its order, and a long course library's menu comes in sub-menus, so every
page stays light and the menu usable.

Each lecture is followed by the activities it places, so Material's "previous / next" leads from a lecture
to its quiz. Material renders the open menu group into every page; at hundreds of lectures a flat group
makes each page carry hundreds of links. Past 30 entries a group is split into sub-menus of 20 lectures
(each with its activities), in course order.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench.synthetic import write_course
from coursegen.builder import Paths, build
from coursegen.load import load_project
from coursegen.render import render_site
from coursegen.render.site import NavEntry
from tests.conftest import ROOT


def _group(nav: list[NavEntry], title: str) -> list[NavEntry]:
    children = dict(nav)[title]
    assert isinstance(children, list)
    return children


def _pages(entries: list[NavEntry]) -> list[str]:
    return [p for _, target in entries for p in ([target] if isinstance(target, str) else _pages(target))]


def test_a_course_of_45_lectures_has_sub_menus_of_20_lectures_each_followed_by_its_quiz(tmp_path: Path) -> None:
    root = write_course(tmp_path, 45)
    project, _ = load_project(root / "course", root / "quizzes")
    nav = render_site(project).nav

    lectures = _group(nav, "课程内容")
    assert [title for title, _ in lectures] == ["第1讲–第20讲", "第21讲–第40讲", "第41讲–第45讲"]
    assert _pages(lectures) == [p for n in range(1, 46) for p in (f"lectures/lecture-{n:04}.md", f"quizzes/quiz-{n:04}.md")]
    assert "自测练习" not in dict(nav), "every quiz is placed after its lecture, none left for a group of its own"


def test_the_example_course_keeps_its_flat_menu_in_course_order() -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    nav = render_site(project).nav
    lectures = _group(nav, "课程内容")
    assert all(isinstance(target, str) for _, target in lectures)
    targets = [target for _, target in lectures]
    assert targets.index("quizzes/quiz-service-front.md") == targets.index("lectures/escalation-taboos.md") - 1
    assert targets.index("homework/lunch-case-review.md") < targets.index("quizzes/quiz-complaint-management.md")
    assert targets[-1] == "quizzes/final-assessment.md"
    assert ("自测练习 · 第一章自测", "quizzes/quiz-service-front.md") in lectures, "an activity says what it is"
    assert dict(nav)["案例"] == [("全部案例", "cases/index.md")], "the cases' overview keeps its menu entry"


def test_each_built_page_carries_only_its_own_sub_menu(tmp_path: Path) -> None:
    root = write_course(tmp_path, 45)
    paths = Paths(config=root / "mkdocs.yml", course=root / "course", quizzes=root / "quizzes", work=root / ".coursegen")
    build(paths, root / "site")
    html = (root / "site" / "lectures" / "lecture-0025" / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="[^"]*lecture-(\d{4})/"', html))
    assert {"0021", "0024", "0026", "0040"} <= linked, "the open sub-menu lists its lectures"
    assert {"0001", "0041"} <= linked, "a closed sub-menu is one link, to its first lecture"
    assert not {"0002", "0020", "0042", "0045"} & linked, "closed sub-menus' entries are left out of the page"
    assert "第1讲–第20讲" in html and "第41讲–第45讲" in html, "the other sub-menus are still there to open"
    footer = re.search(r'<nav class="md-footer__inner.*?</nav>', html, re.S)
    assert footer and "quiz-0024/" in footer.group(0) and "quiz-0025/" in footer.group(0), "previous / next walk the course"
