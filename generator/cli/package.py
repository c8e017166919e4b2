"""``coursegen package``: the course as a content package an LMS can import."""

from __future__ import annotations

from pathlib import Path

import click

from ..builder import Paths
from ..package import package_scorm12
from .course import course_options, summary


@click.command()
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True, help="The site's MkDocs settings.")
@click.option("--scorm12", is_flag=True, help="A SCORM 1.2 package: one SCO for the whole course, passed/failed from the final assessment.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Zip file to write (default: <course id>-scorm12.zip).")
@click.option("--no-strict", is_flag=True, help="Let MkDocs warnings pass instead of failing the build.")
def package(course_dir: Path, quizzes_dir: Path, config: Path, scorm12: bool, output: Path | None, no_strict: bool) -> None:
    """Build the trainee edition and zip it for an LMS (upload the zip as a SCORM 1.2 package).

    An existing zip is replaced only once the new one is complete.
    """
    if not scorm12:
        raise click.UsageError("choose the package format: --scorm12 (the only one so far)")
    paths = Paths(config=config, course=course_dir, quizzes=quizzes_dir)
    packaged = package_scorm12(paths, output, strict=not no_strict, progress=lambda step: click.echo(f"… {step}", err=True))
    click.echo(summary(packaged.project))
    final = packaged.project.course.final_assessment
    click.echo(
        f"SCORM 1.2 package written to {packaged.output} ({packaged.files} files); "
        + (f"passed at {final.pass_mark}% in {final.title}" if final else "completed when every lecture has been opened")
    )


COMMANDS = [package]
