"""The scripts and styles of the site: the static files every page loads (real files under
``generator/assets``, written once and cached) and the data scripts a single page loads when it needs them."""

from __future__ import annotations

import json
from importlib import resources

from .. import site_paths as paths
from ..choices import LmsRuntime
from .environment import RenderContext
from .site import Asset

CONFIG_SCRIPT = "cg-config.js"
CORE = ("cg-core.js", "cg-core.css")
"""Loaded first: every widget script registers through the core."""
RUNTIMES: dict[LmsRuntime, tuple[str, ...]] = {
    "scorm": ("cg-scorm-dialects.js", "cg-scorm.js"),
    "cmi5": ("cg-cmi5.js", "cg-cmi5-launch.js"),
}
"""Scripts that only do something inside one kind of LMS: a package carries its own runtime's, a site none."""
LAUNCH_PAGE_ONLY = ("cg-cmi5-launch.js",)
"""What only a package's launch page loads (it holds the session): the pages themselves never carry its weight."""
LRS_ONLY = ("cg-xapi.js",)
"""The statement sender: only in a course that names an LRS (``lrs`` in course.yml)."""
REPORTERS = ("cg-interactions.js",)
"""What an LMS and an LRS reporter share (a question's response patterns): in a site with either."""


def static_assets(ctx: RenderContext) -> list[Asset]:
    """The packaged CSS/JS, core first, then the course's own settings for the scripts."""
    folder = resources.files("coursegen") / "assets"
    lrs = ctx.project.course.lrs is not None
    other_runtimes = tuple(name for runtime, names in RUNTIMES.items() if runtime != ctx.lms for name in names)
    left_out = other_runtimes + (() if lrs else LRS_ONLY) + (() if ctx.lms or lrs else REPORTERS)
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith((".js", ".css")) and f.name not in left_out)
    # Core first, then by name: the quiz widget's parts (cg-quiz-*.js) load before the widget (cg-quiz.js).
    ordered = [n for n in CORE if n in names] + [n for n in names if n not in CORE]
    assets = [Asset(paths.asset(CONFIG_SCRIPT), config_script(ctx).encode("utf-8"))]
    assets += [Asset(paths.asset(name), (folder / name).read_bytes(), every_page=name not in LAUNCH_PAGE_ONLY) for name in ordered]
    return assets


def config_script(ctx: RenderContext) -> str:
    """The course's settings for the scripts, and the widgets' strings in its language: one small cached
    script per site that every page (and the SCORM launch page) loads before ``cg-core.js``."""
    course = ctx.project.course
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
        "strings": dict(ctx.strings("widgets")),
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
