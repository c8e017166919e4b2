"""``coursegen studio``: write and edit the course in the browser."""

from __future__ import annotations

from pathlib import Path

import click

from ..choices import EDITIONS, Edition, EngineName
from .course import course_options, engine_option, progress
from .speaking import Command


@click.command(cls=Command)
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True)
@click.option("--edition", type=click.Choice(EDITIONS), default="trainer", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@engine_option
@click.option("--no-open", "no_open", is_flag=True)
def studio(course_dir: Path, quizzes_dir: Path, config: Path, edition: Edition, port: int, engine: EngineName | None, no_open: bool) -> None:
    """Edit the course in the browser: the live preview with an editor beside every page (127.0.0.1 only)."""
    from ..builder import Paths
    from ..builder.engines import resolve_engine
    from ..studio.run import run

    chosen = resolve_engine(engine, config)
    for warning in chosen.warnings:
        click.echo(str(warning), err=True)
    paths = Paths(config=config, course=course_dir, quizzes=quizzes_dir)
    run(paths, edition, chosen, port, open_browser=not no_open, echo=lambda text: click.echo(text, err=True), progress=progress)


COMMANDS = [studio]
