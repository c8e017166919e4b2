"""The scripts and styles of the site: which page loads which (:data:`PARTS`), the static files under
``generator/assets`` as shipped (minified), and the data scripts a single page loads when it needs them.

Every page loads the :data:`EVERY_PAGE` parts through the site's ``extra_javascript``/``extra_css``; a page that
needs more names its other files in a hidden ``data-cg-load`` element (:func:`with_page_files`), which
``cg-core.js`` reads on every page, also after Material's instant navigation, and loads each file once. The
search script loads when the trainee first opens search (``cg-core.js``). Readable sources stay in the repository;
the site gets them minified (rjsmin, rcssmin) unless ``COURSEGEN_MINIFY=0`` asks for them as written, to debug.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import rcssmin
import rjsmin

from .. import site_paths as paths
from ..choices import LmsRuntime
from .environment import RenderContext
from .site import Asset
from .strings import FALLBACK, strings

CONFIG_SCRIPT = "cg-config.js"
PAGE_SCRIPT, PAGE_STYLE = "cg-page.js", "cg-page.css"
"""Every page's packaged scripts, and its styles, as one file each (:func:`bundles`): one request instead of four,
and gzip reads them as one text, which it compresses better than each on its own. They change with coursegen (and
the LMS runtime or LRS a site has), not with the course: the course's settings and contents stay files of their own."""
STRINGS_SCRIPT = "cg-strings-{}.js"
"""A part's strings in the course's language (:attr:`Package.strings`), loaded before its scripts."""
TITLES_SCRIPT = "cg-titles.js"
"""The course items' titles, in the order of ``cg-course.js``'s items: written per site (render/learner.py) and
loaded by the parts that name items (part "titles"), not by every page's menu marks."""
VERSIONS_SCRIPT = "cg-versions.js"
"""Each quiz's content hash, by id: written per site (render/learner.py) and loaded by the parts that must tell a
result stored against an older version of a quiz apart (part "versions"). Not on every page: the menu's marks show
a pass as passed either way (a pass before an edit still completes the quiz), and a 200-quiz course's hashes are
1.8 KiB gzip that a lecture page would carry for nothing."""
RULE_SCRIPT = "cg-rule.js"
"""The course's completion rule, the required items in course order: written per site and loaded with
``cg-completion-rule.js``, which alone reads it."""
COURSE_SCRIPTS = (TITLES_SCRIPT, VERSIONS_SCRIPT, RULE_SCRIPT)
"""The parts' files written per site from the course (render/learner.py) rather than packaged."""
SEARCH_SCRIPT = "cg-search.js"
"""Loaded by ``cg-core.js`` when search is first opened, with the search part's strings: no page names it."""


@dataclass(frozen=True)
class Part:
    """Files that work together, loaded together, after the parts they need."""

    files: tuple[str, ...]
    needs: tuple[str, ...] = ()


PARTS: dict[str, Part] = {
    "core": Part(("cg-core.js", "cg-core.css", "cg-theme.css", "cg-a11y.css")),
    # A quiz's stored state as the widget reads it (a pass before the trainer edited the quiz still counts): for the
    # completion rule on every page, the progress file's import, and the SCORM launcher (package/manifest.py).
    "quiz-state": Part(("cg-quiz-state.js",), ("core",)),
    # Written per site, not packaged: cg-core.js's coursegen.course() gives each item its title once it is there.
    "titles": Part((TITLES_SCRIPT,), ("core",)),
    # Written per site too: coursegen.course() gives each quiz its content hash once it is there.
    "versions": Part((VERSIONS_SCRIPT,), ("core",)),
    "progress": Part(("cg-completion.js", "cg-progress.js", "cg-progress.css"), ("quiz-state",)),
    # The course's one completion rule, over the statuses of cg-completion.js: where it is shown or reported.
    "completion-rule": Part((RULE_SCRIPT, "cg-completion-rule.js"), ("progress", "versions")),
    # What only the pages that show the trainee's standing in full need: the dashboard, 学习进度, the completion
    # blocks and record, a form's handed line, the handbook's print button and styles.
    "progress-pages": Part(("cg-progress-pages.js", "cg-progress-pages.css"), ("completion-rule", "titles")),
    # The review of mistakes' bookkeeping: on the pages where quizzes are checked and on the review page.
    "mistakes": Part(("cg-mistakes.js",), ("progress", "versions")),
    # A question's response patterns, shared by the LMS runtimes and the LRS's statement sender.
    "interactions": Part(("cg-interactions.js",), ("core",)),
    "scorm": Part(("cg-scorm-dialects.js", "cg-scorm.js"), ("completion-rule", "interactions")),
    # The statement sender, only in a course that names an LRS (`lrs` in course.yml).
    "xapi": Part(("cg-xapi.js",), ("progress", "titles", "interactions")),
    # A cmi5 package's pages hand the launch to the sender; its launch page alone (which holds the session) loads
    # the launcher, by name (package/cmi5.py), so the pages never carry its weight.
    "cmi5": Part(("cg-cmi5.js",), ("xapi",)),
    "cmi5-launch": Part(("cg-cmi5-launch.js",), ("completion-rule",)),
    # The quiz widget (cg-quiz.js) takes in the methods of its parts as it loads: a page's parts load before it.
    "quiz-parts": Part((
        "cg-quiz-answers.js", "cg-quiz-questions.js", "cg-quiz-check.js", "cg-quiz-pager.js", "cg-quiz.css",
    ), ("quiz-state",)),
    # The controls of a question type only some banks have: on the pages whose questions include it (QUESTION_PARTS).
    "quiz-dragwords": Part(("cg-quiz-dragwords.js", "cg-quiz-dragwords.css"), ("quiz-parts",)),
    "quiz-hotspot": Part(("cg-quiz-hotspot.js", "cg-quiz-hotspot.css"), ("quiz-parts",)),
    "review": Part(("cg-quiz-review.js", "cg-quiz-review.css"), ("quiz-parts", "mistakes")),
    "quiz": Part(("cg-quiz.js",), ("quiz-parts",)),
    "activity-styles": Part(("cg-activities.css",), ("core",)),
    "case": Part(("cg-case.js",), ("activity-styles",)),
    "scenario": Part(("cg-scenario.js", "cg-scenario.css"), ("activity-styles",)),
    "handin": Part(("cg-handin.js", "cg-handin.css"), ("activity-styles", "titles")),
    # A homework's hand-in carries the trainee's quiz scores where the course's `results` allow: read by the quiz
    # widget. Its page says whether it was handed in (progress-pages).
    "form": Part(("cg-form.js",), ("progress-pages", "handin", "quiz")),
    "backup": Part(("cg-backup.js",), ("progress-pages",)),
    # The completion record's check code is the hand-in file's checksum, as cg-form.js computes it.
    "record": Part(("cg-record.js",), ("progress-pages", "form")),
    "search": Part((SEARCH_SCRIPT,), ("core",)),
}
"""Which file belongs to which part and which part needs which: the one table of the site's scripts and styles.
A page names the parts it needs (:attr:`~coursegen.render.site.Page.needs`); a new script or stylesheet is one
more name in its part's ``files``. Scripts run in the order they are listed, each part's after those it needs."""
EVERY_PAGE = ("core", "progress")
"""The parts on every page, hand-written ones too: the menu's marks and the progress indicator are on every page."""
QUESTION_PARTS: dict[str, str] = {"dragwords": "quiz-dragwords", "hotspot": "quiz-hotspot"}
"""The question types whose controls are a part of their own, loaded by a page only when its questions include one."""
RUNTIMES: dict[LmsRuntime, tuple[str, ...]] = {"scorm": ("scorm",), "cmi5": ("cmi5", "cmi5-launch")}
"""The parts only an LMS package of that runtime ships: a package carries its own runtime's, a site none."""
LRS_PAGE = ("xapi",)
"""Added to every page of a course that names an LRS."""
REPORTING = ("scorm", "xapi", "cmi5", "cmi5-launch")
"""The parts that report outside the browser: their few strings go with every page's (``cg-config.js``), which the
launch pages load too, so a launch page needs no strings script of a part; a site that ships none of them (no LMS
package, no LRS) carries none of their strings."""


@dataclass(frozen=True)
class Package:
    """coursegen's scripts and styles as written, and which of the widgets' strings each part brings: read once
    per rendering (:func:`package`)."""

    sources: dict[str, bytes]
    strings: dict[str, list[str]]
    """Per part, the keys of the strings its scripts use that neither every page nor the parts it needs carry."""
    config_keys: list[str]
    """The keys of the strings every page's scripts use, in ``cg-config.js``."""
    reporting: dict[str, list[str]]
    """Per reporting part (:data:`REPORTING`), the keys of its strings and those of the parts it needs that every
    page's scripts do not use: in ``cg-config.js`` too where the site ships the part."""

    def files(self, parts: tuple[str, ...], *, without: tuple[str, ...] = ()) -> list[str]:
        """The files of ``parts`` and of every part they need, in loading order (a part after what it needs, its
        strings before its scripts), less those of the parts ``without`` and what they need (a page has them)."""
        done = set(_closure(without))
        return [name for part in _closure(parts) if part not in done for name in self._files(part)]

    def _files(self, part: str) -> tuple[str, ...]:
        return ((STRINGS_SCRIPT.format(part),) if self.strings[part] else ()) + PARTS[part].files


def package() -> Package:
    """Read the packaged scripts and styles, and work out which part brings which of the widgets' strings: a page
    gets the strings of its own widgets only. The scripts name a string in full (``t("quiz.reset")``) or by its start
    (``t("quiz.verdict." + v)``), the only two ways they do."""
    folder = resources.files("coursegen") / "assets"
    sources = {f.name: f.read_bytes() for f in folder.iterdir() if f.name.endswith((".js", ".css"))}
    keys = list(strings(FALLBACK, "widgets"))

    def used(parts: list[str]) -> set[str]:
        texts = [sources[name].decode("utf-8") for part in parts for name in PARTS[part].files if name in sources and name.endswith(".js")]
        literals = {literal for text in texts for literal in _KEY.findall(text)}
        prefixes = tuple(prefix for text in texts for prefix in _PREFIX.findall(text))
        return {k for k in keys if k in literals or k.startswith(prefixes)}

    base = used(_closure(EVERY_PAGE))
    reporting = {part: sorted(used(_closure((part,))) - base) for part in REPORTING}
    every = base.union(*map(set, reporting.values()))
    own = {part: sorted(used([part]) - every - used(_closure(spec.needs))) for part, spec in PARTS.items()}
    return Package(sources, own, sorted(base), reporting)


_KEY = re.compile(r'"([A-Za-z]\w*\.[\w.]*)"')
_PREFIX = re.compile(r'"([A-Za-z]\w*\.[\w.]*)"\s*\+')


def _closure(parts: tuple[str, ...]) -> list[str]:
    """``parts`` and the parts they need, each once, every part after those it needs."""
    order: list[str] = []

    def visit(part: str) -> None:
        if part not in order:
            for need in PARTS[part].needs:
                visit(need)
            order.append(part)

    for part in parts:
        visit(part)
    return order


def question_parts(types: Iterable[str]) -> tuple[str, ...]:
    """The parts of the question types ``types`` (a page's questions') that not every quiz loads, in table order:
    a page lists them before the quiz widget, which takes them in as it loads."""
    wanted = {QUESTION_PARTS[t] for t in types if t in QUESTION_PARTS}
    return tuple(part for part in PARTS if part in wanted)


def every_page(ctx: RenderContext) -> tuple[str, ...]:
    """The parts every page of the site loads: the LMS runtime's page part (not its launcher) and the LRS sender."""
    runtime = RUNTIMES[ctx.lms][:1] if ctx.lms else ()
    return EVERY_PAGE + runtime + (LRS_PAGE if ctx.project.course.lrs else ())


def shipped_parts(ctx: RenderContext) -> tuple[str, ...]:
    """The parts whose files the site carries: all but other runtimes' and, without an LRS, the sender's and the
    response patterns (an LMS runtime brings those back as a part it needs)."""
    left_out = {part for runtime, parts in RUNTIMES.items() if runtime != ctx.lms for part in parts}
    if ctx.project.course.lrs is None:
        left_out.update((*LRS_PAGE, "interactions"))
    return tuple(part for part in PARTS if part not in left_out)


STYLES_META = "cg_styles"
"""The front-matter key listing a page's own stylesheets, which the theme's ``main.html`` links in the page's
``<head>`` (``generator/theme/main.html``)."""


def with_page_files(content: str, kit: Package, needs: tuple[str, ...], ctx: RenderContext) -> str:
    """The page with the files it needs beyond every page's: a hidden element naming them all, for ``cg-core.js`` to
    load, and its stylesheets in its front matter as well.

    The element is in the page rather than its ``<head>``: Material's instant navigation swaps the page's content and
    keeps the head, so the files the next page needs are read from its content. The stylesheets are also linked in
    the head of a page opened directly, so it is styled from its first paint and without JavaScript (a dashboard,
    the handbook's print layout); ``cg-core.js`` skips a stylesheet the page already links."""
    names = kit.files(needs, without=every_page(ctx))
    if not names:
        return content
    styles = json.dumps([paths.asset(name) for name in names if name.endswith(".css")], ensure_ascii=False)
    front = f"---\n{STYLES_META}: {styles}\n"
    content = front + content.removeprefix("---\n") if content.startswith("---\n") else f"{front}---\n\n{content}"
    return f'{content}\n\n<div hidden data-cg-load="{" ".join(names)}"></div>\n'


def static_assets(ctx: RenderContext, kit: Package) -> list[Asset]:
    """The course's settings for the scripts, each part's strings, every page's packaged files as one script and
    one stylesheet (:func:`bundles`), then every packaged CSS/JS file as shipped (minified): loaded by the pages that
    name them, and by the LMS launch pages, which load some of every page's by name."""
    every = kit.files(every_page(ctx))
    parts = shipped_parts(ctx)
    names = [n for n in kit.files(parts) if n in kit.sources]
    minify = minifying()
    text = ctx.strings("widgets")
    search = kit.files(("search",), without=every_page(ctx))
    reporting = [key for part in _closure(parts) if part in REPORTING for key in kit.reporting[part]]
    assets = [Asset(paths.asset(CONFIG_SCRIPT), config_script(ctx, [*kit.config_keys, *reporting], search).encode("utf-8"))]
    for part in _closure(parts):
        if kit.strings[part]:
            name = STRINGS_SCRIPT.format(part)
            strings_script = f"coursegen.addStrings({js_value({k: text[k] for k in kit.strings[part]})});\n"
            assets.append(Asset(paths.asset(name), strings_script.encode("utf-8"), every_page=name in every))
    packaged = [Asset(paths.asset(n), shipped(n, kit.sources[n], minify=minify), every_page=False) for n in names]
    return assets + bundles([a for a in packaged if a.path.rsplit("/", 1)[-1] in every]) + packaged


def bundles(files: list[Asset]) -> list[Asset]:
    """``files``' scripts as :data:`PAGE_SCRIPT`, in their order, and their styles as :data:`PAGE_STYLE`. Each
    script is a statement of its own (a line break ends a last line comment, a semicolon the statement), so a
    script that ends without a semicolon never runs into the next."""
    out = []
    for name, joint in ((PAGE_SCRIPT, b"\n;\n"), (PAGE_STYLE, b"\n")):
        members = [a.content for a in files if a.path.endswith(name[name.index("."):])]
        if members:
            out.append(Asset(paths.asset(name), joint.join(members) + b"\n"))
    return out


def minifying() -> bool:
    """Whether the site gets its scripts and styles minified: yes, unless ``COURSEGEN_MINIFY=0`` (to debug a script
    in the browser as it is written)."""
    return os.environ.get("COURSEGEN_MINIFY", "1") != "0"


def shipped(name: str, source: bytes, *, minify: bool) -> bytes:
    """A packaged script or stylesheet as the site gets it."""
    return _minified(name.rsplit(".", 1)[-1], source) if minify else source


@functools.lru_cache(maxsize=256)
def _minified(kind: str, source: bytes) -> bytes:
    # Cached by content: a rebuild (coursegen serve, the studio) minifies only a file that changed.
    text = source.decode("utf-8")
    minified: str = rjsmin.jsmin(text) if kind == "js" else rcssmin.cssmin(text)
    return minified.encode("utf-8")


def config_script(ctx: RenderContext, keys: Iterable[str], search: list[str]) -> str:
    """The course's settings for the scripts, the strings of every page's scripts (``keys``) in its language and the
    files ``cg-core.js`` loads when search is first opened (``search``): one small cached script per site that every
    page (and the SCORM launch page) loads before ``cg-core.js``; a part's other strings come with the part
    (``cg-strings-<part>.js``)."""
    course = ctx.project.course
    text = ctx.strings("widgets")
    config = {
        "courseId": course.id,
        "lang": course.language,
        "edition": ctx.edition,
        "results": course.results,
        "finalAssessment": (
            {"id": course.final_assessment.id, "passMark": course.final_assessment.pass_mark}
            if course.final_assessment else None
        ),
        "lrs": course.lrs.vocabulary() if course.lrs else None,
        "strings": {k: text[k] for k in sorted(set(keys))},
        "search": search,
    }
    return f"window.coursegenConfig = {js_value(config)};\n"


def data_script(name: str, data: object) -> Asset:
    """Data for one page's widget, which loads it by name (``coursegen.load(name, done)`` in cg-core.js).

    A script rather than JSON: it also loads from file:// (offline sites) and inside an LMS. Outside
    the page, it costs MkDocs a file copy instead of HTML and search parsing of every question.
    """
    return Asset(paths.asset(name), f"coursegen.provide({js_value(name)}, {js_value(data)});\n".encode(), every_page=False)


def js_value(data: object) -> str:
    """``data`` as a JavaScript literal: compact JSON, Chinese kept as it is, and the two line separators
    that JSON allows in strings but older JavaScript parsers do not, escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
