"""Replace files (and folders) in one step: write under a temporary name, then rename into place.

Whoever reads a file while coursegen writes it — a preview server polling ``docs/``, HR opening
yesterday's report, the report reading the form service's envelopes, a trainee's browser downloading a
zip — sees the old file or the new one, never half of one. A write that fails (a full disk, a folder
where the file belongs, a writer that raises, Ctrl-C) leaves the old file as it was and no temporary
file behind. The temporary file sits in the target's folder, or in ``dir`` when a watcher looks there
(always on the same file system), so the rename is a single step.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType


class Together:
    """Temporary paths for files that are renamed to their final names together, when the ``with`` block ends without error.

    On any error every temporary file is removed and no final file is touched. For a set of files that
    belong together (HR's workbook and its CSV files): today's never stand beside yesterday's.
    """

    def __init__(self) -> None:
        self._moves: list[tuple[Path, Path]] = []

    def path(self, final: Path, *, dir: Path | None = None, prefix: str = ".") -> Path:
        """Where to write the file that will become ``final`` (its folder is created if needed).

        ``dir``: where the temporary file goes instead of beside ``final``, e.g. out of a watched folder;
        ``prefix`` starts its name (hidden by default). A random name rather than :func:`tempfile.mkstemp`,
        which would leave the final file readable to its owner only; this one gets the permissions any
        new file gets.
        """
        final.parent.mkdir(parents=True, exist_ok=True)
        part = (final.parent if dir is None else dir) / f"{prefix}{final.name}.{secrets.token_hex(4)}.part"
        self._moves.append((part, final))
        return part

    def _commit(self) -> None:
        """Rename every file into place, after checking that no rename can fail for a folder in the way."""
        for _, final in self._moves:
            if final.is_dir():
                raise IsADirectoryError(errno.EISDIR, "a folder has the file's name", str(final))
        for part, final in self._moves:
            os.replace(part, final)

    def __enter__(self) -> Together:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if error is None:
                self._commit()
                self._moves.clear()  # all renamed: nothing left to remove
        finally:  # nothing is left behind of a write that failed
            for part, _ in self._moves:
                with suppress(OSError):
                    part.unlink(missing_ok=True)


@contextmanager
def replaced(path: Path, *, dir: Path | None = None, prefix: str = ".") -> Iterator[Path]:
    """A temporary path to write (e.g. a zip file, streamed) that becomes ``path`` when the block ends without error."""
    with Together() as together:
        yield together.path(path, dir=dir, prefix=prefix)


def write_bytes(path: Path, content: bytes, *, dir: Path | None = None, prefix: str = ".") -> None:
    """Replace ``path`` with ``content`` in one step."""
    with replaced(path, dir=dir, prefix=prefix) as part:
        part.write_bytes(content)


def write_text(path: Path, text: str, *, dir: Path | None = None, prefix: str = ".") -> None:
    """Replace ``path`` with ``text``, as UTF-8, in one step."""
    write_bytes(path, text.encode("utf-8"), dir=dir, prefix=prefix)


def write_if_changed(path: Path, content: bytes, *, dir: Path | None = None) -> bool:
    """Replace ``path`` with ``content`` in one step unless it holds exactly that already; whether it was written.

    An unchanged file keeps its time stamp: a live-reload server does not reload the page for nothing.
    """
    try:
        if path.read_bytes() == content:
            return False
    except OSError:
        pass
    write_bytes(path, content, dir=dir)
    return True


def swap_folder(staging: Path, target: Path) -> None:
    """Put the finished ``staging`` folder in ``target``'s place; the old folder is kept until the new one is in.

    Two renames, not one (a folder cannot replace a non-empty folder): a reader may find no ``target``
    for that instant, but never a half-written one.
    """
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
