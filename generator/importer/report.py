"""What the import could not place, what it skipped as noise and what it decided, line by line.

The importer never drops text silently: a trainer reads this report next to the outline and either
fixes the outline and imports again, or copies the few listed lines into the YAML by hand. Each entry
starts with ``file:line:col`` (an editor jumps there from the terminal); a Word outline has no lines,
so its entries name the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..load.problems import display_path
from ..messages import say, with_hint


@dataclass(frozen=True)
class Entry:
    number: int
    text: str
    reason: str
    hint: str | None = None
    """How to fix it, when the trainer has something to fix: printed under the entry, as under an error."""


@dataclass
class Report:
    """Collected while importing; ``unit`` names positions ("line" for text, "paragraph" for Word)."""

    unit: str = "line"
    path: Path = Path("outline.txt")
    lines: dict[int, str] = field(default_factory=dict)
    """The outline's lines as written, to find the column an entry's text starts at."""
    unplaced: list[Entry] = field(default_factory=list)
    """Text that ended up nowhere in the course files."""
    skipped: list[Entry] = field(default_factory=list)
    """Noise removed on purpose: page headers, page numbers, site boilerplate."""
    notes: list[Entry] = field(default_factory=list)
    """Corrections and defaults: renumbered lectures, assumed durations, stubbed fields."""

    def unplace(self, number: int, text: str, reason: str, hint: str | None = None) -> None:
        self.unplaced.append(Entry(number, text, reason, hint))

    def skip(self, number: int, text: str, reason: str, hint: str | None = None) -> None:
        self.skipped.append(Entry(number, text, reason, hint))

    def note(self, number: int, text: str, reason: str, hint: str | None = None) -> None:
        self.notes.append(Entry(number, text, reason, hint))

    def format(self) -> str:
        """The report as printed by ``coursegen import``; empty groups are left out."""
        out: list[str] = []
        for title, entries in (
            (say("import.unplaced", n=len(self.unplaced)), self.unplaced),
            (say("import.skipped", n=len(self.skipped)), self.skipped),
            (say("import.notes", n=len(self.notes)), self.notes),
        ):
            if entries:
                out.append(title)
                out += [f"  {self.where(entry)}{_said(entry)}" for entry in sorted(entries, key=lambda e: e.number)]
        return "\n".join(out)

    def where(self, entry: Entry) -> str:
        """``file:line:col: `` of the entry's text (its paragraph in a Word file); the file alone for the whole course."""
        path = display_path(self.path)
        if not entry.number:
            return f"{path}: "
        if self.unit == "paragraph":
            return say("import.where_paragraph", path=path, n=entry.number)
        line = self.lines.get(entry.number, "")
        found = line.find(entry.text[:8]) if entry.text else -1
        col = found + 1 if found >= 0 else len(line) - len(line.lstrip()) + 1
        return say("import.where_line", path=path, n=entry.number, col=col)

    def unit_word(self) -> str:
        """行 or 段: how the report and the files' headers name a position in the outline."""
        return say("import.unit_paragraph") if self.unit == "paragraph" else say("import.unit_line")

    def summary(self) -> str:
        """One line for the end of the command's output: the count the trainer must not miss."""
        count, skipped, unit = len(self.unplaced), len(self.skipped), self.unit_word()
        if not count:
            return say("import.all_placed", unit=unit, skipped=skipped)
        return say("import.some_unplaced", n=count, unit=unit, skipped=skipped)


def failure(path: Path, message: str, hint: str) -> UserError:
    """An outline or folder the import cannot use: its name first, then what is wrong, the fix on the next line."""
    return UserError(with_hint(f"{display_path(path)}: {message}", hint))


def _said(entry: Entry) -> str:
    said = say("import.entry", text=_clip(entry.text), reason=entry.reason) if entry.text else entry.reason
    return with_hint(said, entry.hint)


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
