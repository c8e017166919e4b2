"""Golden folders: generated text compared file by file with a reviewed copy in the repository.

``pytest --update-goldens`` rewrites the folder from what was produced; the diff is then reviewed.
"""

from __future__ import annotations

from pathlib import Path


def assert_matches_golden(produced: dict[str, str], folder: Path, pattern: str, *, update: bool) -> None:
    """``produced`` (relative path → text) equals the files under ``folder`` matching ``pattern``."""
    if update:
        for old in folder.rglob(pattern):
            old.unlink()
        for rel, text in produced.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
    expected = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob(pattern)}
    assert sorted(produced) == sorted(expected), "files added or removed: run with --update-goldens and review"
    for rel, text in produced.items():
        assert text == expected[rel], f"{rel} differs from {folder / rel}: run with --update-goldens and review the diff"
