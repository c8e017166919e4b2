"""Helpers: import a small outline written inline in a test, and read back what matters."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from coursegen.importer import Imported, import_outline
from coursegen.importer.tree import Node, Outline

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "000_d1d31334467ddc67.txt"


def import_text(tmp_path: Path, text: str, name: str = "outline.txt") -> Imported:
    """Import ``text`` (dedented) saved as ``name``."""
    path = tmp_path / name
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return import_outline(path)


def shape(outline: Outline) -> list[tuple[str, list[tuple[str, list[tuple[str, list[str]]]]]]]:
    """Lecture titles → section titles → point titles → sub-point titles, for one-glance assertions."""
    def points(nodes: list[Node]) -> list[tuple[str, list[str]]]:
        return [(p.title, [s.title for s in p.children]) for p in nodes]

    return [(l.title, [(s.title, points(s.children)) for s in l.sections]) for l in outline.lectures]


def unplaced(imported: Imported) -> list[tuple[int, str]]:
    return [(e.number, e.text) for e in imported.report.unplaced]
