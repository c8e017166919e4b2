"""coursegen.atomic: a file is replaced in one step, and a failed write leaves the old file and no temporary one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coursegen import atomic


class Boom(Exception):
    """A writer failing half-way."""


def test_the_old_file_survives_a_writer_that_fails_half_way(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(Boom), atomic.replaced(target) as part:
        part.write_text("half of the n", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "old", "nothing reaches the target before the block ends"
        raise Boom
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.csv"], "no temporary file is left"


def test_the_file_is_replaced_by_a_rename_of_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "site.zip"
    with atomic.replaced(target) as part:
        assert part.parent == target.parent and part.name.startswith(".") and part != target
        part.write_bytes(b"new")
        inode = part.stat().st_ino
    assert target.read_bytes() == b"new"
    assert target.stat().st_ino == inode, "the very file written, renamed: never copied into place"
    assert os.listdir(target.parent) == ["site.zip"]


def test_a_reader_holding_the_old_file_keeps_reading_it_whole(tmp_path: Path) -> None:
    target = tmp_path / "state.js"
    target.write_bytes(b"old content")
    with target.open("rb") as reader:
        atomic.write_bytes(target, b"new")
        assert reader.read() == b"old content", "the old file was replaced, not truncated and rewritten"
    assert target.read_bytes() == b"new"


def test_the_temporary_file_goes_where_it_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview writes beside ``docs/``, where the server watching ``docs/`` does not look."""
    docs = tmp_path / "docs"
    seen: list[Path] = []
    real_replace = os.replace

    def watch(src: str | Path, dst: str | Path) -> None:
        seen.append(Path(src))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", watch)
    atomic.write_text(docs / "assets" / "x.js", "变量", dir=tmp_path, prefix="~$")
    assert [p.parent for p in seen] == [tmp_path] and seen[0].name.startswith("~$x.js")
    assert (docs / "assets" / "x.js").read_text(encoding="utf-8") == "变量"
    assert sorted(os.listdir(tmp_path)) == ["docs"]


def test_write_if_changed_leaves_an_unchanged_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    assert atomic.write_if_changed(target, b"one") is True
    os.utime(target, (1, 1))
    assert atomic.write_if_changed(target, b"one") is False
    assert target.stat().st_mtime == 1, "an unchanged file is not touched: no reload"
    assert atomic.write_if_changed(target, b"two") is True
    assert target.read_bytes() == b"two"


def test_files_written_together_are_all_or_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("old", encoding="utf-8")
    second.mkdir()  # a folder where the second file belongs: its rename would fail
    with pytest.raises(IsADirectoryError), atomic.Together() as together:
        together.path(first).write_text("new", encoding="utf-8")
        together.path(second).write_text("new", encoding="utf-8")
    assert first.read_text(encoding="utf-8") == "old", "the first file is not replaced when the second cannot be"
    assert sorted(os.listdir(tmp_path)) == ["a.csv", "b.csv"]


def test_swap_folder_keeps_the_old_folder_until_the_new_one_is_in(tmp_path: Path) -> None:
    site, staging = tmp_path / "site", tmp_path / ".site.new"
    (site / "old.html").parent.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    staging.mkdir()
    (staging / "new.html").write_text("new", encoding="utf-8")
    atomic.swap_folder(staging, site)
    assert os.listdir(site) == ["new.html"]
    assert os.listdir(tmp_path) == ["site"], "neither the staging folder nor the old site is left"
