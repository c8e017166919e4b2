"""``coursegen import``: a course outline document in, a course folder with stub files out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..importer import import_outline, write_files
from ..importer.preview import format_tree
from ..scaffold import course_slug


@click.command("import")
@click.argument("outline", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("course"), show_default=True, help="Course folder to write.")
@click.option("--id", "course_id", help="Course id (lower-case letters, digits, '-'). Default: from the folder name.")
@click.option("--dry-run", is_flag=True, help="Print the structure found and the report; write nothing.")
@click.option("--force", is_flag=True, help="Write into a folder that is not empty, overwriting files of the same name.")
def import_command(outline: Path, out_dir: Path, course_id: str | None, dry_run: bool, force: bool) -> None:
    """Import a course outline (课程大纲: .txt, .md or .docx) as course YAML, with a stub file per activity."""
    imported = import_outline(outline)
    files = imported.files(course_slug(course_id or out_dir.resolve().name))
    if dry_run:
        click.echo(format_tree(imported.outline, imported.report.unit))
    else:
        write_files(files, out_dir, force=force)
        kinds = Counter(path.split("/")[0] for path in files if "/" in path)
        listed = ", ".join(f"{folder}/ ({n})" for folder, n in kinds.items())
        click.echo(f"Wrote {len(files)} files to {out_dir}: course.yml, {listed}")
    report = imported.report.format()
    if report:
        click.echo(report)
    click.echo(imported.report.summary())
    if not dry_run:
        click.echo(f"Next: replace each （待补充：…） stand-in, then run `coursegen check --course {out_dir}`.")


COMMANDS = [import_command]
