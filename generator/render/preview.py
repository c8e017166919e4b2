"""The live preview's error overlay: what ``coursegen serve`` adds to the pages it generates.

A trainer watching the preview in the browser should see a broken save there, not only in a terminal
behind it. MkDocs' livereload reloads the page whenever a file in the served docs folder changes, so the
overlay needs no server of its own: the generator keeps a small data script (:data:`STATE`) in the docs
folder that holds the current problems (or none), and a framework-free script (:data:`SCRIPT`), loaded
on every page after it, shows or hides the overlay. A failed regeneration rewrites only the data script:
MkDocs rebuilds, the page reloads, and the overlay lies over the last good page.

Only :mod:`coursegen.builder.preview` (``coursegen serve``) uses this module: a built site or a SCORM
package never carries the overlay, its data or its strings.
"""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from ..errors import UserError
from ..load.problems import CourseError, Problem
from ..load.siteconfig import SiteSettings
from .. import site_paths as paths
from .assets import js_value
from .settings import site_settings
from .site import Asset, Page, Site, Theme
from .strings import FALLBACK, LANGUAGES, strings

FOLDER = paths.asset("preview")
SCRIPT = f"{FOLDER}/cg-preview.js"
STYLE = f"{FOLDER}/cg-preview.css"
STATE = f"{FOLDER}/cg-preview-state.js"
"""The data script: ``window.coursegenPreview = {…}``, loaded before :data:`SCRIPT`."""
MARK = "cg-preview"
"""Every file and HTML id of the overlay starts with it: what tests look for in a built site."""


@dataclass(frozen=True)
class Report:
    """One line of the overlay: a problem exactly as the terminal prints it, or an error that has no place."""

    text: str
    hint: str | None = None
    severity: Literal["error", "warning", "note"] = "error"


def reports(error: BaseException) -> list[Report]:
    """What went wrong, one report per problem: ``file:line:col: message`` for the trainer's files."""
    if isinstance(error, CourseError):
        return [_report(problem) for problem in error.problems]
    if isinstance(error, OSError) and error.filename:
        return [Report(f"{error.filename}: {error.strerror or error}")]
    text = str(error) or type(error).__name__
    return [Report(text if isinstance(error, UserError) else f"{type(error).__name__}: {text}")]


def _report(problem: Problem) -> Report:
    # str() of the problem without its hint is the terminal's first line, to the character.
    return Report(str(dataclasses.replace(problem, hint=None)), problem.hint, problem.severity)


def state_asset(problems: list[Report], language: str, *, generated: bool) -> Asset:
    """The data script: the problems (none once the course is fixed) and the overlay's texts.

    ``generated``: whether the pages under the overlay are the course's (the last good version) or
    only the error page of a course that has not been generated in this session.
    """
    pv = strings(_language(language), "preview")
    state = {
        "problems": [{"text": r.text, "hint": _hint(r, language), "severity": r.severity} for r in problems],
        "title": pv["title"].format(n=len(problems)),
        "note": pv["stale"] if generated else pv["never"],
        "close": pv["close"],
    }
    return Asset(STATE, f"window.coursegenPreview = {js_value(state)};\n".encode())


def with_overlay(site: Site, state: Asset) -> Site:
    """``site`` plus the overlay: its data script, script and style on every page."""
    folder = resources.files("coursegen") / "assets" / "preview"
    assets = [state, Asset(SCRIPT, (folder / "cg-preview.js").read_bytes()), Asset(STYLE, (folder / "cg-preview.css").read_bytes())]
    return dataclasses.replace(
        site,
        assets=site.assets + assets,
        extra_css=[*site.extra_css, STYLE],
        extra_javascript=[*site.extra_javascript, STATE, SCRIPT],
    )


def error_site(problems: list[Report], language: str, user: SiteSettings) -> Site:
    """The one page served while the course has never been generated: its problems, and the overlay.

    Plain HTML in the Markdown page, every text escaped: a message quotes the trainer's YAML, which may
    hold anything Markdown would act on.
    """
    pv = strings(_language(language), "preview")
    items = []
    for report in problems:
        hint = _hint(report, language)
        hint = f'<br><span class="{MARK}-hint">{html.escape(hint)}</span>' if hint else ""
        items.append(f"<li><code>{html.escape(report.text)}</code>{hint}</li>")
    body = (
        f"# {pv['page_title']}\n\n"
        f'<div class="{MARK}-page">\n<p>{html.escape(pv["never"])}</p>\n'
        f'<ul>\n{chr(10).join(items)}\n</ul>\n</div>\n'
    )
    page = Page(paths.HOME, pv["page_title"], body)
    site = Site(pages=[page], nav=[(pv["page_title"], paths.HOME)], settings=site_settings(user, "trainee", Theme()))
    return with_overlay(site, state_asset(problems, language, generated=False))


def _hint(report: Report, language: str) -> str | None:
    pv = strings(_language(language), "preview")
    return pv["hint"].format(hint=report.hint) if report.hint else None


def _language(language: str) -> str:
    return language if language in LANGUAGES else FALLBACK
