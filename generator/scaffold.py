"""``coursegen new``: a minimal course project that builds out of the box."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from .errors import UserError
from .messages import say
from .render.environment import environment
from .schema import editor_settings, write_schemas

RENAMES = {"gitignore": ".gitignore"}
"""Files stored under another name in the package (a dot-file would be skipped by packaging)."""
CONTENT = ("course", "quizzes")
"""The scaffold's example course and quiz: ``coursegen import`` brings a course of its own."""


def create_project(target: Path, title: str) -> list[Path]:
    """Write the scaffold into ``target`` (which must be empty or absent); return the files written."""
    if target.exists() and any(target.iterdir()):
        raise UserError(say("build.error.not_empty", folder=target))
    return _scaffold(target, title, course_slug(target.resolve().name), example=True)


def create_site(target: Path, title: str, course_id: str) -> list[Path]:
    """The project around an imported course (``mkdocs.yml``, help page, schemas, editor settings), the same
    files ``coursegen new`` writes, so that ``coursegen build`` works at once; files already there (the
    trainer's own ``.gitignore``) are kept. Return the files written."""
    return _scaffold(target, title, course_id, example=False)


def _scaffold(target: Path, title: str, course_id: str, *, example: bool) -> list[Path]:
    """The scaffold's files, with its example course and quiz or (for an import) without them and around what exists."""
    root = Path(str(resources.files("coursegen") / "templates" / "scaffold"))
    written: list[Path] = []
    for source in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = source.relative_to(root)
        rel_name = RENAMES.get(str(rel), str(rel))
        if not example and (rel.parts[0] in CONTENT or (target / rel_name.removesuffix(".j2")).exists()):
            continue
        if rel_name.endswith(".j2"):
            template = environment().get_template(f"scaffold/{rel.as_posix()}")
            content = template.render(title=title, course_id=course_id)
            rel_name = rel_name.removesuffix(".j2")
        else:
            content = source.read_text(encoding="utf-8")
        path = target / rel_name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    written += write_schemas(target / "schemas")
    settings = target / ".vscode" / "settings.json"
    if example or not settings.exists():
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(editor_settings(), encoding="utf-8")
        written.append(settings)
    return written


def course_slug(name: str) -> str:
    """A course id from a folder name: ASCII slug, or `course` when nothing ASCII is left (e.g. a Chinese name)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:64] or "course"
