"""Course commands: check, build, serve, new, schema, guide.

Each command imports what it needs when it runs: ``check`` loads and validates only, and must not pay
for the renderer, Jinja2, Markdown or MkDocs (a test in tests/core/test_packaging.py holds it to that).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from collections.abc import Sized
from typing import TYPE_CHECKING

import click

from ..errors import UserError
from ..load import load_project
from ..messages import say, speak

from ..choices import EDITIONS, ENGINES, Edition, EngineName
from .speaking import Command

if TYPE_CHECKING:
    from ..load.problems import Problem
    from ..model.project import Project
    from ..render.site import Settings


def course_options(fn: click.decorators.FC) -> click.decorators.FC:
    """Where the course lives; the defaults match the layout `coursegen new` creates."""
    fn = click.option("--quizzes", "quizzes_dir", type=click.Path(path_type=Path), default=Path("quizzes"), show_default=True)(fn)
    fn = click.option("--course", "course_dir", type=click.Path(path_type=Path), default=Path("course"), show_default=True, callback=_speak_its_language)(fn)
    return fn


edition_option = click.option(
    "--edition", type=click.Choice(EDITIONS), default="trainee", show_default=True)

def _speak_its_language(_ctx: click.Context, _param: click.Parameter, course_dir: Path) -> Path:
    """Every message of a command that reads a course is in the course's language (``--lang`` aside)."""
    speak(course_dir)
    return course_dir


engine_option = click.option(
    "--engine", type=click.Choice(ENGINES), default=None)


def load(course_dir: Path, quizzes_dir: Path) -> tuple[Project, list[Problem]]:
    project, warnings = load_project(course_dir, quizzes_dir)
    for warning in warnings:
        click.echo(str(warning), err=True)
    return project, warnings


@click.command(cls=Command)
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True)
@click.option("--strict", is_flag=True)
def check(course_dir: Path, quizzes_dir: Path, config: Path, strict: bool) -> None:
    """Validate the course without building it (for the CI of a course repository).

    Links and images in the course text are checked as the build checks them; without the site's
    ``mkdocs.yml`` (``--config``) the hand-written docs folder is unknown, and links are not checked.
    """
    from ..load.deadlines import past_deadlines
    from ..load.links import broken_links
    from ..load.problems import CourseError
    from ..load.siteconfig import docs_dir

    project, warnings = load(course_dir, quizzes_dir)
    if config.is_file() and (broken := broken_links(project, docs_dir(config))):
        raise CourseError(broken)
    for note in past_deadlines(project, datetime.now(UTC)):
        click.echo(str(note), err=True)
    if strict and warnings:
        raise UserError(say("build.error.strict", n=len(warnings)))
    click.echo(summary(project))


def summary(project: Project) -> str:
    """The line that says what was read: ``标题：5 讲，14 节，…（共 120 道题）``; kinds the course has none of are left out."""
    sections = sum(len(l.sections) for l in project.lectures)
    questions = sum(len(b.questions) for b in project.quizzes.values())
    items: dict[str, Sized] = {"case": project.cases, "scenario": project.scenarios, "discussion": project.discussions,
             "drill": project.drills, "form": project.homework, "bank": project.quizzes}
    counts = [_count(len(project.lectures), "lecture"), _count(sections, "section"),
              *(_count(len(found), noun) for noun, found in items.items() if found)]
    return say("build.summary", title=project.course.title, counts=say("build.comma").join(counts), questions=_count(questions, "question"))


def _count(n: int, noun: str) -> str:
    """``n`` things, in the singular or plural the language writes (Chinese has one form for both)."""
    return say(f"build.count.{'one' if n == 1 else 'many'}.{noun}", n=n)


@click.command(cls=Command)
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True)
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default=None)
@edition_option
@click.option("--no-strict", is_flag=True)
@click.option("--offline", is_flag=True)
@engine_option
def build(course_dir: Path, quizzes_dir: Path, config: Path, site_dir: Path | None, edition: Edition, no_strict: bool, offline: bool,
          engine: EngineName | None) -> None:
    """Validate the course, generate its pages and build the site.

    A failed build leaves the previous site folder untouched.
    """
    from ..builder import Paths, build as build_pipeline

    target = site_dir or Path("site" if edition == "trainee" else "site-trainer")
    paths = Paths(config=config, course=course_dir, quizzes=quizzes_dir)
    generated = build_pipeline(paths, target, edition, strict=not no_strict, offline=offline, engine=engine, progress=progress)
    for warning in [*map(str, generated.warnings), *generated.engine_warnings]:
        click.echo(warning, err=True)
    click.echo(summary(generated.project))
    click.echo(say("build.done.site", folder=f"{target}/"))
    _report_trainer_pages(generated.site.settings, target, offline)
    if offline:
        click.echo(f"{say('build.done.offline', index=target / 'index.html')} {say('build.done.offline_limits')}")


def _report_trainer_pages(settings: Settings, target: Path, offline: bool) -> None:
    """Say where the hand-written trainer-only pages (``edition: trainer``, e.g. the HR guide) went."""
    from ..site_paths import page_url

    if settings.trainer_pages:
        pages = [f"{target}/{page_url(p, directory_urls=not offline)}" for p in settings.trainer_pages]
        click.echo(say("build.done.trainer_pages", pages=say("build.list").join(pages)))
    elif settings.left_out:
        click.echo(say("build.done.left_out", pages=say("build.list").join(settings.left_out)))


def progress(step: str) -> None:
    """A progress line on the terminal (``… 正在读取课程``); ``step`` is said already."""
    click.echo(f"… {step}", err=True)


@click.command(cls=Command)
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True)
@edition_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True)
@engine_option
@click.option("--dirty", is_flag=True)
def serve(course_dir: Path, quizzes_dir: Path, config: Path, edition: Edition, dev_addr: str, engine: EngineName | None, dirty: bool) -> None:
    """Live preview: rebuilds and reloads the browser whenever a course file changes."""
    from ..builder import Paths
    from ..builder.engines import resolve_engine
    from ..builder.preview import LivePreview
    from ..builder.watch import watch  # watchdog: only the live preview needs it

    chosen = resolve_engine(engine, config)
    for warning in chosen.warnings:
        click.echo(str(warning), err=True)
    paths = Paths(config=config, course=course_dir, quizzes=quizzes_dir)
    if dirty:  # kept for the scripts that pass it: every preview rebuilds just the changed pages now
        click.echo(say("build.incremental.dirty"), err=True)
    preview = LivePreview(paths, edition, echo=lambda text: click.echo(text, err=True), engine=chosen)
    preview.start(progress=progress)

    def regenerate() -> None:
        if preview.regenerate():
            progress(say("build.progress.regenerated"))

    docs = config.parent / "docs"
    watcher = watch([course_dir, quizzes_dir, docs], regenerate, ignore=paths.work, report=lambda text: click.echo(text, err=True))
    try:
        chosen.serve(preview.config, dev_addr, ready=lambda url: click.echo(say("build.serve.ready", url=url), err=True))
    finally:
        watcher.stop()


@click.command(cls=Command)
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--title", default="新课程", show_default=True)
def new(directory: Path, title: str) -> None:
    """Create a minimal course project in DIRECTORY that builds out of the box."""
    from ..scaffold import create_project

    files = create_project(directory, title)
    click.echo(say("build.done.created", n=len(files), folder=f"{directory}/"))
    click.echo(say("build.done.next", folder=directory))


@click.command(cls=Command)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True)
def schema(output: Path) -> None:
    """Write the JSON Schemas of every course file (for editors) and of submission files."""
    from ..schema import write_schemas

    for path in write_schemas(output):
        click.echo(str(path))


@click.command(cls=Command)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None)
@click.option("--open", "open_site", is_flag=True)
@click.option("--path", "show_path", is_flag=True)
@click.pass_context
def guide(ctx: click.Context, output: Path | None, open_site: bool, show_path: bool) -> None:
    """Read the trainer's guide (--open, --path), or regenerate its reference pages (-o FOLDER).

    Without an option it only says which to choose: it once regenerated the pages into ./guide/docs, wherever it ran.
    """
    if open_site or show_path:
        _read_guide(open_site)
        return
    if output is None:
        click.echo(say("build.guide.what"))
        return
    from ..guide import write_guide
    from .reference import cli_markdown

    root = ctx.find_root().command
    for path in write_guide(output, cli_markdown(root)):  # type: ignore[arg-type]
        click.echo(str(path))


def _read_guide(open_site: bool) -> None:
    from .. import guide_site

    if not open_site:
        click.echo(str(guide_site.guide_root() / "docs"))
        return
    import webbrowser

    progress(say("build.progress.guide"))
    index = guide_site.build_guide_site(guide_site.default_site_dir())
    click.echo(say("build.done.guide", folder=f"{index.parent}/"))
    if not webbrowser.open(index.as_uri()):
        click.echo(say("build.done.no_browser", index=index))


COMMANDS = [check, build, serve, new, schema, guide]
