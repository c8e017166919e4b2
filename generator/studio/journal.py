"""The studio's undo: what each save replaced, kept in the project's work folder (``.coursegen/studio/``), never in
the course, so ``git status`` shows only the trainer's own changes.

One entry per save (a new lecture is one save of two files: the lecture and ``course.yml``'s list). Undoing
puts back what the entry replaced, but only if every file still holds what that save wrote: a change made since
(in a text editor, by ``git pull``) is never thrown away by an undo.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import atomic

KEPT = 50
"""How many saves can be undone: the oldest entry goes when a save would keep more."""


def version(content: bytes | None) -> str:
    """What the browser holds of a file it opened: its content's SHA-256 (``""`` for no file)."""
    return hashlib.sha256(content).hexdigest() if content is not None else ""


@dataclass(frozen=True)
class Change:
    """One file of a save: its name in the project, what it held before (None: it did not exist), what it holds now."""

    file: str
    before: str | None
    after: str


class Journal:
    """The saves that can be undone, newest last, one JSON file each in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def record(self, changes: list[Change]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        entries = self._entries()
        number = int(entries[-1].stem) + 1 if entries else 1
        data = [{"file": c.file, "before": c.before, "after": version(c.after.encode("utf-8"))} for c in changes]
        atomic.write_text(self.folder / f"{number:06d}.json", json.dumps(data, ensure_ascii=False))
        for old in entries[: max(0, len(entries) + 1 - KEPT)]:
            old.unlink(missing_ok=True)

    def last(self) -> list[dict[str, str | None]] | None:
        """The newest entry's changes, or None when there is nothing to undo."""
        entries = self._entries()
        if not entries:
            return None
        changes: list[dict[str, str | None]] = json.loads(entries[-1].read_text(encoding="utf-8"))
        return changes

    def undo(self, files: Mapping[str, Path]) -> list[dict[str, str | None]]:
        """Put back what the newest entry replaced, in ``files`` (each change's file, confined by the caller), and
        forget the entry; the changes undone. The caller has checked :meth:`changed_since` first."""
        changes = self.last() or []
        with atomic.Together() as together:
            for change in changes:
                path = files[str(change["file"])]
                if change["before"] is None:
                    continue
                together.path(path).write_text(str(change["before"]), encoding="utf-8")
        for change in changes:
            if change["before"] is None:
                files[str(change["file"])].unlink(missing_ok=True)
        self._entries()[-1].unlink()
        return changes

    def changed_since(self, files: Mapping[str, Path]) -> str | None:
        """The first file of the newest entry that no longer holds what that save wrote, or None."""
        for change in self.last() or []:
            path = files[str(change["file"])]
            if version(path.read_bytes() if path.is_file() else None) != change["after"]:
                return str(change["file"])
        return None

    def _entries(self) -> list[Path]:
        return sorted(self.folder.glob("[0-9]*.json")) if self.folder.is_dir() else []
