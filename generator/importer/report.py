"""What the import could not place, what it skipped as noise and what it corrected, line by line.

The importer never drops text silently: a trainer reads this report next to the outline and either
fixes the outline and imports again, or copies the few listed lines into the YAML by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    number: int
    text: str
    reason: str


@dataclass
class Report:
    """Collected while importing; ``unit`` names positions ("line" for text, "paragraph" for Word)."""

    unit: str = "line"
    unplaced: list[Entry] = field(default_factory=list)
    """Text that ended up nowhere in the course files."""
    skipped: list[Entry] = field(default_factory=list)
    """Noise removed on purpose: page headers, page numbers, site boilerplate."""
    notes: list[Entry] = field(default_factory=list)
    """Corrections and defaults: renumbered lectures, assumed durations, stubbed fields."""

    def unplace(self, number: int, text: str, reason: str) -> None:
        self.unplaced.append(Entry(number, text, reason))

    def skip(self, number: int, text: str, reason: str) -> None:
        self.skipped.append(Entry(number, text, reason))

    def note(self, number: int, text: str, reason: str) -> None:
        self.notes.append(Entry(number, text, reason))

    def format(self) -> str:
        """The report as printed by ``coursegen import``; empty groups are left out."""
        out: list[str] = []
        for title, entries in (
            ("could not be placed", self.unplaced),
            ("skipped as noise", self.skipped),
            ("notes", self.notes),
        ):
            if not entries:
                continue
            out.append(f"{title} ({len(entries)}):" if title == "notes" else f"{len(entries)} {self._units(entries)} {title}:")
            for entry in sorted(entries, key=lambda e: e.number):
                where = f"{self.unit} {entry.number}: " if entry.number else ""
                text = f"{_clip(entry.text)} — " if entry.text else ""
                out.append(f"  {where}{text}{entry.reason}")
        return "\n".join(out)

    def _units(self, entries: list[Entry]) -> str:
        return self.unit if len(entries) == 1 else f"{self.unit}s"

    def summary(self) -> str:
        """One line for the end of the command's output: the count the trainer must not miss."""
        count = len(self.unplaced)
        placed = f"every {self.unit} was placed" if not count else f"{count} {self._units(self.unplaced)} could not be placed (listed above)"
        return f"{placed}; {len(self.skipped)} skipped as noise"


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
