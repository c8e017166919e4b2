"""Lighter pages: each page loads coursegen's scripts and styles that it uses, minified, and search's when opened.

Every page loads the site's ``extra_javascript``/``extra_css`` (core and progress); a page that needs more names
it in a hidden ``data-cg-load`` element that ``cg-core.js`` reads (``generator/render/assets.py``, ``PARTS``).
"""

from __future__ import annotations

import re
from pathlib import Path

import rjsmin

from coursegen.load import load_project
from coursegen.render import render_site
from coursegen.render.assets import PARTS, SEARCH_SCRIPT, package

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "generator" / "assets"
QUIZ_SCRIPTS = {"cg-quiz.js", *(p.name for p in ASSETS.glob("cg-quiz-*.js"))} - {"cg-quiz-review.js", "cg-quiz-state.js"}
"""The quiz widget's scripts; its stored state (cg-quiz-state.js) is read on every page, by the completion rule."""
ACTIVITY_SCRIPTS = {"cg-case.js", "cg-form.js", "cg-scenario.js", "cg-handin.js"}


def loaded(html: str) -> list[str]:
    """coursegen's files a built page loads: its script and stylesheet tags, then what it names for cg-core.js."""
    tags = re.findall(r'<(?:script src|link rel="stylesheet" href)="[^"]*assets/coursegen/([^"]+)"', html)
    return tags + [name for names in re.findall(r'data-cg-load="([^"]*)"', html) for name in names.split()]


def test_the_table_names_every_packaged_script_and_style_once() -> None:
    """A script or stylesheet missing from PARTS would be shipped to no page; one named twice would run twice."""
    named = [name for part in PARTS.values() for name in part.files]
    assert sorted(named) == sorted(p.name for p in ASSETS.iterdir() if p.suffix in (".js", ".css"))
    assert all(need in PARTS for part in PARTS.values() for need in part.needs)


def test_a_lecture_page_loads_no_quiz_case_or_form_script_and_a_quiz_page_loads_the_quiz(example_site: Path) -> None:
    lecture = loaded((example_site / "lectures" / "service-front" / "index.html").read_text(encoding="utf-8"))
    assert "cg-core.js" in lecture and "cg-progress.js" in lecture
    assert not (set(lecture) & (QUIZ_SCRIPTS | ACTIVITY_SCRIPTS | {"cg-quiz.css", "cg-activities.css"}))
    quiz = loaded((example_site / "quizzes" / "quiz-service-front" / "index.html").read_text(encoding="utf-8"))
    assert QUIZ_SCRIPTS <= set(quiz) and "cg-quiz.css" in quiz
    # The widget takes in its parts as it loads: they come first.
    assert all(quiz.index(name) < quiz.index("cg-quiz.js") for name in QUIZ_SCRIPTS - {"cg-quiz.js"})
    assert not (set(quiz) & ACTIVITY_SCRIPTS)
    review = loaded((example_site / "review" / "index.html").read_text(encoding="utf-8"))
    assert "cg-quiz-review.js" in review and "cg-quiz-review.js" not in quiz
    case = loaded((example_site / "cases" / "chizi-event" / "index.html").read_text(encoding="utf-8"))
    assert "cg-case.js" in case and not (set(case) & QUIZ_SCRIPTS)


def test_no_page_loads_the_search_script_and_each_file_it_names_is_there(example_site: Path) -> None:
    """cg-core.js loads the search script when search is opened; whatever a page names exists in the site."""
    for page in example_site.rglob("*.html"):
        names = loaded(page.read_text(encoding="utf-8"))
        assert SEARCH_SCRIPT not in names, page
        assert len(names) == len(set(names)), f"{page}: a file loaded twice"
        for name in names:
            assert (example_site / "assets" / "coursegen" / name).is_file(), f"{page}: {name}"
    assert (example_site / "assets" / "coursegen" / SEARCH_SCRIPT).is_file()


def test_the_site_gets_minified_scripts_and_styles_and_the_readable_ones_on_request(monkeypatch) -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    shipped = {a.path.rsplit("/", 1)[-1]: a.content for a in render_site(project).assets}
    readable = (ASSETS / "cg-quiz.js").read_bytes()
    assert shipped["cg-quiz.js"] == rjsmin.jsmin(readable.decode("utf-8")).encode("utf-8")
    assert len(shipped["cg-quiz.js"]) < 0.7 * len(readable)
    assert len(shipped["cg-quiz.css"]) < len((ASSETS / "cg-quiz.css").read_bytes())
    monkeypatch.setenv("COURSEGEN_MINIFY", "0")
    debug = {a.path.rsplit("/", 1)[-1]: a.content for a in render_site(project).assets}
    assert debug["cg-quiz.js"] == readable


def test_every_part_comes_after_what_it_needs() -> None:
    """A page's files in loading order: each part's after the parts it needs (core first), its strings before it."""
    kit = package()
    for part, spec in PARTS.items():
        order = kit.files((part,))
        first = order.index(spec.files[0])
        for need in spec.needs:
            assert all(order.index(name) < first for name in PARTS[need].files), (part, need)
    assert kit.files(("quiz",))[0] == "cg-core.js"


OPTIONAL = {("cg-progress.js", "quiz"), ("cg-quiz-state.js", "quiz")}
"""Uses of another part's script where it is there and without it otherwise (``cg.quiz`` on the review page)."""


def test_each_script_finds_the_scripts_and_styles_it_uses_on_every_page_that_loads_it() -> None:
    """What a script takes from another (``cg.checksum`` of cg-form.js) or a class it gives an element
    (``cg-visually-hidden``) comes from a file of its part, of a part it needs, or of every page."""
    scripts = {p.name: p.read_text(encoding="utf-8") for p in ASSETS.glob("*.js")}
    styles = {p.name: p.read_text(encoding="utf-8") for p in ASSETS.glob("*.css")}
    part_of = {name: part for part, spec in PARTS.items() for name in spec.files}
    kit = package()
    defined: dict[str, set[str]] = {}
    for name, text in scripts.items():
        for api in re.findall(r"\b(?:cg|coursegen)\.(\w+)\s*=(?!=)", text):
            defined.setdefault(api, set()).add(name)
    core_api = re.search(r"window\.coursegen = \{([^}]*)\}", scripts["cg-core.js"])
    assert core_api
    for api in re.findall(r"(\w+):", core_api.group(1)):
        defined.setdefault(api, set()).add("cg-core.js")
    for name, text in scripts.items():
        there = set(kit.files(("core", "progress", part_of[name])))
        for api in set(re.findall(r"\b(?:cg|coursegen)\.(\w+)\b", text)):
            if api in defined and (name, api) not in OPTIONAL:
                assert defined[api] & there, f"{name} uses coursegen.{api} of {defined[api]}, not loaded with it"
        for classes in re.findall(r'class: "([^"]*)"', text):
            for cls in classes.split():
                where = {css for css, rules in styles.items() if re.search(rf"\.{re.escape(cls)}(?![\w-])", rules)}
                assert not where or where & there, f"{name} gives elements the class {cls} of {where}, not loaded with it"
