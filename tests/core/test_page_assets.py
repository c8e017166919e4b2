"""Lighter pages: each page loads coursegen's scripts and styles that it uses, minified, and search's when opened.

Every page loads the site's ``extra_javascript``/``extra_css`` (core and the menu's progress marks); a page that
needs more (the dashboard's code, a question type's controls) names it in a hidden ``data-cg-load`` element that
``cg-core.js`` reads (``generator/render/assets.py``, ``PARTS``).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import rjsmin

from coursegen.choices import LmsRuntime
from coursegen.load import load_project
from coursegen.render import Site, render_site
from coursegen.render.assets import PARTS, SEARCH_SCRIPT, COURSE_SCRIPTS, package

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "generator" / "assets"
QUIZ_SCRIPTS = {"cg-quiz.js", *(p.name for p in ASSETS.glob("cg-quiz-*.js"))} - {"cg-quiz-review.js", "cg-quiz-state.js"}
"""The quiz widget's scripts; its stored state (cg-quiz-state.js) is read on every page, by the completion rule."""
TYPE_SCRIPTS = {"cg-quiz-dragwords.js", "cg-quiz-hotspot.js"}
"""The controls of question types only some banks have (quiz-service-front has a hotspot question, none else)."""
STANDING_FILES = {"cg-progress-pages.js", "cg-progress-pages.css", "cg-mistakes.js", "cg-quiz-review.js", "cg-backup.js"}
"""What the pages showing the trainee's standing in full load: the dashboard, 学习进度, the review of mistakes."""
ACTIVITY_SCRIPTS = {"cg-case.js", "cg-form.js", "cg-scenario.js", "cg-handin.js"}


def linked(html: str) -> list[str]:
    """coursegen's files a built page's own tags load: its script tags and the stylesheets linked in its head."""
    return re.findall(r'<(?:script src|link rel="stylesheet" href)="[^"]*assets/coursegen/([^"]+)"', html)


def named(html: str) -> list[str]:
    """The files a built page names for cg-core.js to load."""
    return [name for names in re.findall(r'data-cg-load="([^"]*)"', html) for name in names.split()]


def loaded(html: str) -> list[str]:
    """coursegen's files a built page loads: its tags, then what it names for cg-core.js, which skips a stylesheet
    the page already links."""
    tags = linked(html)
    return tags + [name for name in named(html) if name not in tags]


def test_the_table_names_every_packaged_script_and_style_once() -> None:
    """A script or stylesheet missing from PARTS would be shipped to no page; one named twice would run twice."""
    named = [name for part in PARTS.values() for name in part.files if name not in COURSE_SCRIPTS]  # written per site
    assert sorted(named) == sorted(p.name for p in ASSETS.iterdir() if p.suffix in (".js", ".css"))
    assert all(need in PARTS for part in PARTS.values() for need in part.needs)


def test_a_lecture_page_loads_no_quiz_case_or_form_script_and_a_quiz_page_loads_the_quiz(example_site: Path) -> None:
    lecture = loaded((example_site / "lectures" / "service-front" / "index.html").read_text(encoding="utf-8"))
    assert sorted(lecture) == ["cg-config.js", "cg-course.js", "cg-page.css", "cg-page.js"]  # every page's, and no more
    assert not (set(lecture) & (QUIZ_SCRIPTS | ACTIVITY_SCRIPTS | {"cg-quiz.css", "cg-activities.css"}))
    quiz = loaded((example_site / "quizzes" / "quiz-service-front" / "index.html").read_text(encoding="utf-8"))
    assert QUIZ_SCRIPTS - {"cg-quiz-dragwords.js"} <= set(quiz) and "cg-quiz.css" in quiz
    # The widget takes in its parts as it loads: they come first.
    assert all(quiz.index(name) < quiz.index("cg-quiz.js") for name in QUIZ_SCRIPTS - {"cg-quiz.js"} if name in quiz)
    assert not (set(quiz) & ACTIVITY_SCRIPTS)
    review = loaded((example_site / "review" / "index.html").read_text(encoding="utf-8"))
    assert "cg-quiz-review.js" in review and "cg-quiz-review.js" not in quiz
    case = loaded((example_site / "cases" / "chizi-event" / "index.html").read_text(encoding="utf-8"))
    assert "cg-case.js" in case and not (set(case) & QUIZ_SCRIPTS)


def test_a_lecture_page_loads_the_menu_marks_but_none_of_the_dashboard_progress_page_or_review_code() -> None:
    """The menu's marks, the progress indicator and 标记为已学 are on every page; what lists the course item by item
    (the dashboard, 学习进度, the completion blocks, the review of mistakes) only where it is shown."""
    pages = _pages()
    every = set(_every_page_files())
    assert {"cg-progress.js", "cg-progress.css", "cg-completion.js"} <= every
    assert not (every & STANDING_FILES) and not _named(pages["lectures/service-front.md"])
    assert {"cg-progress-pages.js", "cg-progress-pages.css"} <= set(_named(pages["index.md"]))
    assert {"cg-progress-pages.js", "cg-backup.js"} <= set(_named(pages["progress.md"]))
    assert {"cg-progress-pages.js", "cg-record.js"} <= set(_named(pages["completion.md"]))
    assert "cg-progress-pages.js" in _named(pages["homework/course-evaluation.md"])  # its line: handed in or not
    assert {"cg-mistakes.js", "cg-quiz-review.js", "cg-quiz-review.css"} <= set(_named(pages["review.md"]))
    quiz = _named(pages["quizzes/quiz-escalation-taboos.md"])
    assert "cg-mistakes.js" in quiz and "cg-progress-pages.js" not in quiz  # its checks feed the review


def test_a_quiz_page_loads_the_controls_of_its_own_question_types_only() -> None:
    pages = _pages()
    plain = _named(pages["quizzes/quiz-escalation-taboos.md"])
    assert "cg-quiz.js" in plain and not (set(plain) & (TYPE_SCRIPTS | {"cg-quiz-dragwords.css", "cg-quiz-hotspot.css"}))
    hotspot = _named(pages["quizzes/quiz-service-front.md"])
    assert {"cg-quiz-hotspot.js", "cg-quiz-hotspot.css"} <= set(hotspot) and "cg-quiz-dragwords.js" not in hotspot
    dragwords = _named(pages["quizzes/quiz-complaint-management.md"])
    assert {"cg-quiz-dragwords.js", "cg-quiz-dragwords.css"} <= set(dragwords) and "cg-quiz-hotspot.js" not in dragwords
    # The final assessment draws from both banks, the review of mistakes may ask any of their questions.
    for page in ("quizzes/final-assessment.md", "review.md"):
        names = _named(pages[page])
        assert TYPE_SCRIPTS <= set(names), page
        assert all(names.index(n) < names.index("cg-quiz.js") for n in TYPE_SCRIPTS), page
    # A homework reads quiz scores with the widget but asks no question.
    assert not (set(_named(pages["homework/course-evaluation.md"])) & TYPE_SCRIPTS)


@functools.cache
def _example() -> Site:
    """The example course's site description, no build."""
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    return render_site(project)


def _pages() -> dict[str, str]:
    """The example course's pages as rendered (path → Markdown)."""
    return {p.path: p.content for p in _example().pages}


def _every_page_files() -> list[str]:
    """The files every page loads, those bundled into cg-page.js and cg-page.css named as themselves."""
    site = _example()
    content = {a.path: a.content for a in site.assets}
    every = [*site.extra_javascript, *site.extra_css]
    bundled = [a.path for a in site.assets if not a.every_page and a.content and any(a.content in content[b] for b in every)]
    return [name.rsplit("/", 1)[-1] for name in every + bundled]


def test_every_page_gets_its_packaged_scripts_as_one_file_and_its_styles_as_another_in_loading_order() -> None:
    """Fewer requests, and gzip reads the scripts as one text; the course's settings come first, its contents after
    (they change with the course, the bundle with coursegen); the files themselves stay, for the LMS launch pages."""
    site = _example()
    content = {a.path: a.content for a in site.assets}
    assert [p.rsplit("/", 1)[-1] for p in site.extra_javascript] == ["cg-config.js", "cg-page.js", "cg-course.js"]
    assert [p.rsplit("/", 1)[-1] for p in site.extra_css] == ["cg-page.css"]
    names = package().files(("core", "progress"))
    assert names[0] == "cg-core.js"
    for kind in ("js", "css"):
        bundle = content[f"assets/coursegen/cg-page.{kind}"]
        members = [content[f"assets/coursegen/{n}"] for n in names if n.endswith("." + kind)]
        at = [bundle.index(m) for m in members]
        assert at == sorted(at) and sum(map(len, members)) <= len(bundle) <= sum(map(len, members)) + 3 * len(members)


def _named(content: str) -> list[str]:
    """The files a rendered page names for cg-core.js to load."""
    return [name for names in re.findall(r'data-cg-load="([^"]*)"', content) for name in names.split()]


def test_no_page_loads_the_search_script_and_each_file_it_names_is_there(example_site: Path) -> None:
    """cg-core.js loads the search script when search is opened; whatever a page names exists in the site."""
    for page in example_site.rglob("*.html"):
        names = loaded(page.read_text(encoding="utf-8"))
        assert SEARCH_SCRIPT not in names, page
        assert len(names) == len(set(names)), f"{page}: a file loaded twice"
        for name in names:
            assert (example_site / "assets" / "coursegen" / name).is_file(), f"{page}: {name}"
    assert (example_site / "assets" / "coursegen" / SEARCH_SCRIPT).is_file()


def test_a_page_opened_directly_links_its_own_stylesheets_in_its_head(example_site: Path) -> None:
    """Styled from the first paint and without JavaScript: the dashboard, the handbook's print layout, a quiz. The
    same stylesheets stay named for cg-core.js, which Material's instant navigation needs (it keeps the head)."""
    for page in ("index.html", "handbook/index.html", "quizzes/quiz-service-front/index.html", "cases/chizi-event/index.html"):
        html = (example_site / page).read_text(encoding="utf-8")
        head = linked(html.split("</head>", 1)[0])
        styles = [name for name in named(html) if name.endswith(".css")]
        assert styles and set(styles) <= set(head), page
    assert "cg-progress-pages.css" in linked((example_site / "handbook" / "index.html").read_text(encoding="utf-8"))
    lecture = (example_site / "lectures" / "service-front" / "index.html").read_text(encoding="utf-8")
    assert [name for name in linked(lecture) if name.endswith(".css")] == ["cg-page.css"]


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


OPTIONAL = {("cg-quiz-review.js", "quiz"), ("cg-quiz-state.js", "quiz")}
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


def test_every_page_carries_the_strings_of_the_reporting_parts_the_site_ships_and_no_others() -> None:
    """A site without an LRS or an LMS package has no statements to word: cg-config.js leaves the sender's and the
    launchers' strings out; a cmi5 package, whose pages hand the launch to the sender, has both."""
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")

    def config(lms: LmsRuntime | None) -> str:
        site = render_site(project, lms=lms)
        return next(a.content for a in site.assets if a.path.endswith("/cg-config.js")).decode("utf-8")

    plain, cmi5 = config(None), config("cmi5")
    assert '"progress.markDone"' in plain and '"xapi.' not in plain and '"cmi5.' not in plain
    assert '"progress.markDone"' in cmi5 and '"xapi.verb.passed"' in cmi5 and '"cmi5.exit"' in cmi5
