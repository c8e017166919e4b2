"""``coursegen import``: a course outline document in, a course project that builds out.

The course folder (``-o``, ``course/`` by default) gets the course's YAML and a stub file per activity;
the folder around it gets the site's settings as ``coursegen new`` writes them, unless it is already a
project (it has a ``mkdocs.yml``, which is the trainer's and stays as it is).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..importer import Imported, import_outline, write_files
from ..importer.preview import format_tree
from ..messages import say
from ..scaffold import course_slug, create_site
from .speaking import Command

CONFIG = "mkdocs.yml"
DEFAULT_COURSE = Path("course")
"""Where ``coursegen build`` looks for the course unless told ``--course``."""


@click.command("import", cls=Command)
@click.argument("outline", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_COURSE, show_default=True)
@click.option("--id", "course_id")
@click.option("--dry-run", is_flag=True)
@click.option("--force", is_flag=True)
def import_command(outline: Path, out_dir: Path, course_id: str | None, dry_run: bool, force: bool) -> None:
    """Import a course outline (课程大纲: .txt, .md or .docx) as course YAML, with a stub file per activity."""
    imported = import_outline(outline)
    slug = course_slug(course_id or out_dir.resolve().name)
    files = imported.files(slug)
    if dry_run:
        click.echo(format_tree(imported.outline, imported.report.unit_word()))
    else:
        write_files(files, out_dir, force=force)
        kinds = Counter(path.split("/")[0] for path in files if "/" in path)
        listed = say("import.separator").join(say("import.folder_count", folder=folder, n=n) for folder, n in kinds.items())
        click.echo(say("import.wrote", n=len(files), folder=out_dir, listed=listed))
        click.echo(_site(imported, out_dir, slug))
    report = imported.report.format()
    if report:
        click.echo(report)
    click.echo(imported.report.summary())
    if not dry_run:
        course = "" if out_dir.name == DEFAULT_COURSE.name else f" --course {out_dir.name}"
        click.echo(say("import.next", root=out_dir.resolve().parent, command=f"coursegen serve{course}"))


def _site(imported: Imported, out_dir: Path, course_id: str) -> str:
    """Make the folder around the course a project that builds, unless it already is one."""
    root = out_dir.parent
    config = root / CONFIG
    if config.exists():
        return say("import.site_kept", config=config)
    create_site(root, imported.outline.title, course_id)
    return say("import.site_written", config=config)


COMMANDS = [import_command]
