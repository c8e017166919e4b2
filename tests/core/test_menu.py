"""A long course library's menu comes in sub-menus, so every page stays light and the menu usable.

Material renders the open menu group into every page; at hundreds of lectures a flat group makes each
page carry hundreds of links. Past 30 entries a group is split into sub-menus of 20, in course order.
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


def test_a_course_of_45_lectures_has_sub_menus_of_20_in_course_order(tmp_path: Path) -> None:
    root = write_course(tmp_path, 45)
    project, _ = load_project(root / "course", root / "quizzes")
    nav = render_site(project).nav

    lectures = _group(nav, "课程内容")
    assert [title for title, _ in lectures] == ["第1讲–第20讲", "第21讲–第40讲", "第41讲–第45讲"]
    assert _pages(lectures) == [f"lectures/lecture-{n:04}.md" for n in range(1, 46)]
    quizzes = _group(nav, "自测练习")
    assert [title for title, _ in quizzes] == ["1–20", "21–40", "41–45"]
    assert _pages(quizzes) == [f"quizzes/quiz-{n:04}.md" for n in range(1, 46)]


def test_the_example_course_keeps_its_flat_menu() -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    lectures = _group(render_site(project).nav, "课程内容")
    assert all(isinstance(target, str) for _, target in lectures)
    assert len(lectures) == len(project.lectures)


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
    assert footer and "lecture-0024" in footer.group(0) and "lecture-0026" in footer.group(0), "previous / next walk on"
