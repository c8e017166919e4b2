"""``coursegen package``: the course as a content package an LMS can import."""

from __future__ import annotations

from pathlib import Path

import click

from ..builder import Paths
from ..choices import EngineName
from ..package import FORMATS, Version, package_scorm
from ..package.cmi5 import package_cmi5
from ..messages import say
from .course import course_options, engine_option, progress, summary
from .speaking import Command


@click.command(cls=Command)
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True)
@click.option("--scorm12", is_flag=True)
@click.option("--scorm2004", is_flag=True)
@click.option("--cmi5", is_flag=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--no-strict", is_flag=True)
@engine_option
def package(course_dir: Path, quizzes_dir: Path, config: Path, scorm12: bool, scorm2004: bool, cmi5: bool,
            output: Path | None, no_strict: bool, engine: EngineName | None) -> None:
    """Build the trainee edition and zip it for an LMS (upload the zip as a SCORM 1.2 or 2004 package, or as a
    cmi5 course package).

    An existing zip is replaced only once the new one is complete.
    """
    if [scorm12, scorm2004, cmi5].count(True) != 1:
        raise click.UsageError(say("build.error.package_format"))
    paths = Paths(config=config, course=course_dir, quizzes=quizzes_dir)
    if cmi5:
        packaged = package_cmi5(paths, output, strict=not no_strict, engine=engine, progress=progress)
        label = say("cmi5.label")
    else:
        version: Version = "1.2" if scorm12 else "2004"
        packaged = package_scorm(paths, output, version=version, strict=not no_strict, engine=engine,
                                 progress=progress)
        label = FORMATS[version].label
    for warning in packaged.warnings:
        click.echo(warning, err=True)
    click.echo(summary(packaged.project))
    final = packaged.project.course.final_assessment
    completion = say("build.done.passed", mark=final.pass_mark, title=final.title) if final else say("build.done.completed")
    click.echo(say("build.done.package", format=label, output=packaged.output, files=packaged.files, completion=completion))


COMMANDS = [package]
