"""``coursegen studio``: write and edit the course in the browser."""

from __future__ import annotations

from pathlib import Path

import click

from ..choices import EDITIONS, Edition, EngineName
from .course import course_options, engine_option, progress


@click.command()
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True, help="The site's MkDocs settings.")
@click.option("--edition", type=click.Choice(EDITIONS), default="trainer", show_default=True,
              help="The edition previewed while editing: the trainer edition shows the facilitator notes and answer keys being edited.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port at 127.0.0.1 to serve the studio on (0: any free port).")
@engine_option
@click.option("--no-open", "no_open", is_flag=True, help="Do not open the browser (it opens only where a desktop exists).")
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
