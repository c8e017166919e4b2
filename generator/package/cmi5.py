"""cmi5 packaging: the built site, its AU launch page and ``cmi5.xml`` in one zip (cmi5 section 14.1).

Decisions, and why:

- **One AU for the whole course**, as the SCORM package has one SCO and for the same reasons: the site's links
  cross lectures freely and the final assessment draws from every lecture. Its id is the course's own
  ``lrs.activity_id``, which the LMS copies into every session's ``grouping``, so the course's statements and the
  cmi5 ones are found by one query; the course structure takes ``{activity_id}/cmi5``.
- **A launch page holds one cmi5 session for the whole visit.** cmi5 wants one ``initialized`` first and one
  ``terminated`` last per session, and the fetch URL hands out its token once; the site's pages reload on every
  navigation. So ``cmi5.html`` reads the launch, fetches the token, sends ``initialized``, shows the site in a
  full-window frame and sends ``terminated`` when it is itself left (``cg-cmi5-launch.js``); the pages only hand the
  launch to the site's statement sender (``cg-cmi5.js``).
- **No lrs, no package.** Every id in a cmi5 package starts with the course's ``lrs.activity_id``: a default would
  mint identifiers under a domain the organisation does not own, and changing them later splits the records.
- **moveOn and masteryScore from the one completion rule**: ``CompletedAndPassed`` with the final assessment's pass
  mark when the rule requires passing it, else ``Completed`` (the LMS then needs no score).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import site_paths as paths
from ..builder import Paths
from ..choices import EngineName
from ..errors import UserError
from ..messages import say, with_hint
from ..model.course import Course
from ..model.lrs import Lrs
from ..model.project import Project
from . import PackageKind, Packaged, build_package
from .formats import CMI5_LAUNCH_PAGE, CMI5_XML
from .manifest import package_title
from .templates import render

SCRIPTS = ("cg-config.js", "cg-core.js", "cg-course.js", "cg-versions.js", "cg-rule.js", "cg-completion.js", "cg-completion-rule.js", "cg-quiz-state.js", "cg-cmi5-launch.js")
"""What the launch page loads from the site's assets: the course settings and strings, the store, what the course
consists of and its completion rule (which reads quizzes through cg-quiz-state.js), and the cmi5 runtime."""

LANGSTRING = {"zh": "zh-CN", "en": "en"}
"""The course language as cmi5.xml's ``langstring lang`` (an xs:language tag)."""


def package_cmi5(paths: Paths, output: Path | None = None, *, strict: bool = True, engine: EngineName | None = None,
                 progress: Callable[[str], None] = lambda _: None) -> Packaged:
    """Build the trainee edition with file links and zip it as a cmi5 course package.

    ``output`` defaults to ``<course id>-cmi5.zip``; an existing file is replaced only once the new package is
    complete. A course without ``lrs`` is refused before the site is built.
    """

    def control(project: Project, site: Path) -> dict[str, bytes]:
        lrs = _lrs(project, paths)
        (site / CMI5_LAUNCH_PAGE).write_text(launch_page(project.course, lrs), encoding="utf-8")
        progress(say("cmi5.zipping"))
        return {CMI5_XML: course_structure(project.course, lrs).encode()}

    return build_package(paths, output, PackageKind("cmi5", "cmi5", check=_lrs), control, strict=strict,
                         engine=engine, progress=progress)


def _lrs(project: Project, paths: Paths) -> Lrs:
    """The course's ``lrs``, or the refusal naming course.yml."""
    if project.course.lrs is None:
        file = paths.course / "course.yml"
        raise UserError(with_hint(say("cmi5.no_lrs", file=file), say("cmi5.no_lrs_hint", course=project.course.id)))
    return project.course.lrs


def move_on(course: Course) -> str:
    """cmi5's moveOn from the completion rule: passing the final assessment, when required, besides completing."""
    return "CompletedAndPassed" if _judged(course) else "Completed"


def mastery_score(course: Course) -> str | None:
    """The final assessment's pass mark as cmi5's masteryScore (0-1), when the completion rule requires passing it."""
    final = course.final_assessment
    return f"{final.pass_mark / 100:g}" if final and _judged(course) else None


def _judged(course: Course) -> bool:
    return course.final_assessment is not None and course.completion_rule().final == "pass"


def course_structure(course: Course, lrs: Lrs) -> str:
    """``cmi5.xml``: the course and its one AU, launched at :data:`CMI5_LAUNCH_PAGE`."""
    return render(
        "cmi5.xml.j2",
        course_id=lrs.cmi5_course,
        au_id=lrs.base,
        lang=LANGSTRING[course.language],
        title=package_title(course),
        description=course.background.strip() or package_title(course),
        move_on=move_on(course),
        mastery_score=mastery_score(course),
        url=CMI5_LAUNCH_PAGE,
    )


def launch_page(course: Course, lrs: Lrs) -> str:
    """The AU's launch page; its JSON tells cg-cmi5-launch.js where the site starts, the course's identifiers and cmi5's
    vocabulary (what completes the course is the completion rule in cg-course.js, as on the site's pages)."""
    launch = {
        "start": paths.page_url(paths.HOME, directory_urls=False),
        "publisher": lrs.base,
        "language": LANGSTRING[course.language],
        **lrs.cmi5_vocabulary(),
    }
    return render(
        "launch.html.j2",
        runtime="cmi5",
        lang=course.language,
        title=package_title(course),
        launch=launch,
        scripts=[paths.asset(name) for name in SCRIPTS],
    )
