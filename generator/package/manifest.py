"""``imsmanifest.xml`` and the launch page of a SCORM package (1.2 or 2004), from the course and the built files."""

from __future__ import annotations

from urllib.parse import quote

from ..model.course import Course
from ..model.project import Project
from .. import site_paths as paths
from .formats import ScormFormat
from .templates import render

LAUNCH_PAGE = "scorm.html"
"""The SCO's launch file at the package root: holds the LMS session and shows the site in a frame."""

SCRIPTS = ("cg-config.js", "cg-core.js", "cg-course.js", "cg-versions.js", "cg-rule.js", "cg-completion.js", "cg-completion-rule.js", "cg-quiz-state.js", "cg-interactions.js",
           "cg-scorm-dialects.js", "cg-scorm.js")
"""What the launch page loads from the site's assets: the course settings, the store, what the course consists
of and its completion rule with the one function evaluating it (which reads quizzes as the quiz widget does, through
cg-quiz-state.js), a question's response patterns (shared with the xAPI sender), the two SCORM vocabularies and the
runtime that speaks them."""


def package_title(course: Course) -> str:
    """What the LMS lists: the title with its subtitle, joined as the course's language writes it."""
    if not course.subtitle:
        return course.title
    return f"{course.title}{'——' if course.language == 'zh' else ' — '}{course.subtitle}"


def manifest_xml(project: Project, files: list[str], fmt: ScormFormat) -> str:
    """The manifest of a one-SCO package whose resource lists ``files`` (package-relative paths).

    The pass mark is 1.2's ``adlcp:masteryscore`` (0-100) and 2004's primary objective's
    ``minNormalizedMeasure`` (0-1), which the LMS hands the SCO as ``cmi.scaled_passing_score``.
    """
    course = project.course
    final = course.final_assessment
    # Course ids may start with a digit; XML ids (xsd:ID) may not, hence the prefixes.
    ids = {
        "manifest": f"coursegen-{course.id}",
        "organization": f"org-{course.id}",
        "item": f"item-{course.id}",
        "resource": f"sco-{course.id}",
    }
    return render(
        fmt.manifest_template,
        ids=ids,
        title=package_title(course),
        mastery_score=final.pass_mark if final else None,
        passing_measure=f"{final.pass_mark / 100:g}" if final else None,
        launch=LAUNCH_PAGE,
        files=[quote(f, safe="/") for f in files],
    )


def launch_page(project: Project, fmt: ScormFormat) -> str:
    """The launch page; its JSON tells cg-scorm.js the SCORM version and where the site starts (what completes
    the course is the completion rule in cg-course.js, as on the site's pages)."""
    course = project.course
    launch = {
        "scorm": fmt.version,
        "start": paths.page_url(paths.HOME, directory_urls=False),
    }
    return render(
        "launch.html.j2",
        runtime="scorm",
        lang=course.language,
        title=package_title(course),
        launch=launch,
        scripts=[paths.asset(name) for name in SCRIPTS],
    )
