"""``coursegen import``: turn a Chinese course outline (课程大纲: .txt, .md, .docx) into a course folder.

The pipeline reads lines (:mod:`.reader`), removes noise (:mod:`.noise`), classifies each line
(:mod:`.tokens`), builds the tree by position (:mod:`.parser`), completes it (:mod:`.layout`) and
writes YAML checked against the model (:mod:`.writer`). Whatever it cannot place is in the
:class:`~.report.Report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from .layout import lay_out
from .noise import clean_lines
from .parser import parse
from .reader import read_outline
from .report import Report
from .tree import Outline
from .writer import course_files, write_files

__all__ = ["Imported", "Outline", "Report", "import_outline", "write_files"]


@dataclass(frozen=True)
class Imported:
    outline: Outline
    report: Report
    source: Path

    def files(self, course_id: str) -> dict[str, str]:
        """Relative path → YAML text of the course folder."""
        return course_files(self.outline, course_id, self.source.name, self.report.unit)


def import_outline(path: Path) -> Imported:
    """Read and parse the outline at ``path``; raises :class:`UserError` when it holds no lectures."""
    source = read_outline(path)
    report = Report(unit=source.unit)
    lines, header = clean_lines(source, report)
    outline = parse(lines, header, report)
    if not outline.lectures:
        raise UserError(
            f"{path}: found no lectures; expected headings such as 第一讲 / 第一章 / 模块一, "
            "or numbered lines (一、 1.) after 课程大纲"
        )
    lay_out(outline, report)
    return Imported(outline, report, path)
