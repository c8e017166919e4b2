"""``coursegen import``: turn a Chinese course outline (课程大纲: .txt, .md, .docx) into a course folder.

The pipeline reads lines (:mod:`.reader`), removes noise (:mod:`.noise`), classifies each line
(:mod:`.tokens`), builds the tree by position (:mod:`.parser`), completes it (:mod:`.layout`) and
writes YAML checked against the model (:mod:`.writer`). Whatever it cannot place is in the
:class:`~.report.Report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..messages import say
from .report import failure
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
        return course_files(self.outline, course_id, self.source.name, self.report.unit_word())


def import_outline(path: Path) -> Imported:
    """Read and parse the outline at ``path``; raises :class:`UserError` when it holds no lectures."""
    source = read_outline(path)
    report = Report(source.unit, path, {line.number: line.text for line in source.lines})
    lines, header = clean_lines(source, report)
    outline = parse(lines, header, report)
    if not outline.lectures:
        raise failure(path, say("import.no_lectures"), say("import.no_lectures_hint"))
    lay_out(outline, report)
    return Imported(outline, report, path)
