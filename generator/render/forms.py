"""Homework and survey pages: forms the trainee fills in online, plus blank templates to download.

The page carries the form's field definitions as JSON for ``cg-form.js``; the facilitator notes
never go into that JSON, so the trainee edition cannot leak them through the script either.
"""

from __future__ import annotations

from annotated_types import MaxLen

from .. import __version__
from ..model import Homework
from ..model.submission import ANONYMOUS_VERSION, FORMAT, FORMAT_VERSION, Trainee
from .. import site_paths as paths
from .activities import usages
from .cjk import joins
from .environment import RenderContext
from .handin import instructions, script_data
from .quiz import lrs_notes
from .site import Asset, Page

DOCX = ".docx"
MARKDOWN = ".md.txt"


def identity_limits() -> dict[str, int]:
    """Maximum length of each identity field, taken from the submission model so both agree."""
    return {
        name: next(m.max_length for m in info.metadata if isinstance(m, MaxLen))
        for name, info in Trainee.model_fields.items()
    }


def form_data(ctx: RenderContext, homework: Homework) -> dict[str, object]:
    """What ``cg-form.js`` needs to store, validate and hand in this form, and ``cg-handin.js`` to word its receipt."""
    return {
        "courseTitle": ctx.project.course.title,
        "title": homework.title,
        "handin": script_data(instructions(ctx.project.course, homework, ctx.t)),
        "format": FORMAT,
        "formatVersion": ANONYMOUS_VERSION if homework.anonymous else FORMAT_VERSION,
        "anonymous": homework.anonymous,
        "form": homework.id,
        "kind": homework.kind,
        "generator": f"coursegen {__version__}",
        "fields": [field.model_dump(mode="json") for field in homework.fields],
    }


def carries_note(ctx: RenderContext, homework: Homework) -> str:
    """What the hand-in file carries besides the answers, as the form page tells the trainee: the course's
    ``results`` setting (none for an anonymous form, which carries no name either), and what goes to the LRS."""
    privacy = ctx.strings("privacy")
    carried = privacy["form_anonymous"] if homework.anonymous else privacy[f"form_{ctx.project.course.results}"]
    for note in lrs_notes(ctx, anonymous=homework.anonymous):  # one paragraph: a space only between English sentences
        carried += ("" if joins(carried[-1], note[0]) else " ") + note
    return carried


def homework_pages(ctx: RenderContext) -> list[Page]:
    return [_homework_page(ctx, homework) for homework in ctx.project.homework.values()]


def _homework_page(ctx: RenderContext, homework: Homework) -> Page:
    path = paths.item_page("homework", homework.id)
    content = ctx.render(
        "homework.md.j2",
        path,
        homework=homework,
        usages=usages(ctx, "homework", homework.id),
        handin=instructions(ctx.project.course, homework, ctx.t),
        docx=paths.download(homework.id, DOCX),
        markdown=paths.download(homework.id, MARKDOWN),
        data=form_data(ctx, homework),
        identity_limits=identity_limits(),
        carries=carries_note(ctx, homework),
    )
    return Page(path, homework.title, content, ctx.project.source("homework", homework.id), needs=("form",))


def homework_downloads(ctx: RenderContext) -> list[Asset]:
    """The blank templates of every homework, for trainees who work offline (never with facilitator notes)."""
    if not ctx.project.homework:
        return []
    from .blanks import blank_docx, blank_markdown  # python-docx and lxml load only for a course that has homework

    course = ctx.project.course
    assets = []
    for homework in ctx.project.homework.values():
        assets.append(Asset(paths.download(homework.id, DOCX), blank_docx(course, homework, ctx.t)))
        assets.append(Asset(paths.download(homework.id, MARKDOWN), blank_markdown(course, homework, ctx.t).encode("utf-8")))
    return assets
