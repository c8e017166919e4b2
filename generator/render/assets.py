"""The static files every page loads: real files under ``generator/assets``, written once and cached."""

from __future__ import annotations

import json
from importlib import resources

from . import paths
from .environment import RenderContext
from .site import Asset

CONFIG_SCRIPT = "cg-config.js"
CORE = ("cg-core.js", "cg-core.css")
"""Loaded first: every widget script registers through the core."""
LMS_ONLY = ("cg-scorm.js",)
"""Scripts that only do something inside an LMS: left out of a site that is not a SCORM package."""


def static_assets(ctx: RenderContext, *, lms: bool = False) -> list[Asset]:
    """The packaged CSS/JS, core first, then the course's own settings for the scripts."""
    folder = resources.files("generator") / "assets"
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith((".js", ".css")) and (lms or f.name not in LMS_ONLY))
    ordered = [n for n in CORE if n in names] + [n for n in names if n not in CORE]
    assets = [Asset(paths.asset(CONFIG_SCRIPT), config_script(ctx).encode("utf-8"))]
    assets += [Asset(paths.asset(name), (folder / name).read_bytes()) for name in ordered]
    return assets


def config_script(ctx: RenderContext) -> str:
    course = ctx.project.course
    config = {
        "courseId": course.id,
        "lang": course.language,
        "edition": ctx.edition,
        "submissionUrl": str(course.submission_url) if course.submission_url else None,
        "finalAssessment": (
            {"id": course.final_assessment.id, "passMark": course.final_assessment.pass_mark}
            if course.final_assessment else None
        ),
    }
    return "window.coursegenConfig = " + json.dumps(config, ensure_ascii=False) + ";\n"
