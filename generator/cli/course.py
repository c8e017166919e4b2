"""Course commands: check, build, serve, new."""

from __future__ import annotations

from pathlib import Path

import click

from ..load import load_project
from ..model.project import Project
from ..load.problems import Problem


def course_options(fn: click.decorators.FC) -> click.decorators.FC:
    """Where the course lives; the defaults match the layout `coursegen new` creates."""
    fn = click.option("--quizzes", "quizzes_dir", type=click.Path(path_type=Path), default=Path("quizzes"), show_default=True, help="Folder of question banks.")(fn)
    fn = click.option("--course", "course_dir", type=click.Path(path_type=Path), default=Path("course"), show_default=True, help="Folder holding course.yml.")(fn)
    return fn


def load(course_dir: Path, quizzes_dir: Path) -> tuple[Project, list[Problem]]:
    project, warnings = load_project(course_dir, quizzes_dir)
    for warning in warnings:
        click.echo(str(warning), err=True)
    return project, warnings


@click.command()
@course_options
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(course_dir: Path, quizzes_dir: Path, strict: bool) -> None:
    """Validate the course without building it (for the CI of a course repository)."""
    project, warnings = load(course_dir, quizzes_dir)
    if strict and warnings:
        raise click.ClickException(f"{len(warnings)} warning(s) with --strict")
    click.echo(summary(project))


def summary(project: Project) -> str:
    sections = sum(len(l.sections) for l in project.lectures)
    questions = sum(len(b.questions) for b in project.quizzes.values())
    return (
        f"{project.course.title}: {len(project.lectures)} lectures, {sections} sections, "
        f"{len(project.cases)} cases, {len(project.discussions)} discussions, {len(project.drills)} drills, "
        f"{len(project.homework)} forms, {len(project.quizzes)} quiz banks ({questions} questions)"
    )


COMMANDS = [check]
