"""Write the report's files under temporary names and move them into place only once all are written.

HR reruns the report every day into the same folder and may have yesterday's open. A run that
fails half-way (disk full, a folder where a file belongs, a crash) must leave that report as it
was: never a 0-byte file, never today's workbook beside yesterday's CSVs. Each temporary file sits
beside its final one, so moving it is a rename within one file system.
"""

from __future__ import annotations

import errno
import os
import secrets
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from ..errors import UserError


class OutputError(UserError):
    """The report could not be written; the previous one is left as it was."""


class Staging:
    """Temporary paths for outputs, renamed to their final names when the ``with`` block ends without error.

    On any error every temporary file is removed and the final files are not touched; an
    :class:`OSError` (the file system refused) becomes an :class:`OutputError`, a message rather
    than a traceback.
    """

    def __init__(self) -> None:
        self._moves: list[tuple[Path, Path]] = []

    def path(self, final: Path) -> Path:
        """Where to write the file that will become ``final`` (its folder is created if needed).

        A random hidden name rather than :func:`tempfile.mkstemp`, which would make the report
        readable to its owner only; here it gets the permissions any file HR writes gets.
        """
        final.parent.mkdir(parents=True, exist_ok=True)
        part = final.with_name(f".{final.name}.{secrets.token_hex(4)}.part")
        self._moves.append((part, final))
        return part

    def _commit(self) -> None:
        """Rename every file into place, after checking none of the renames can fail for a folder in the way."""
        for _, final in self._moves:
            if final.is_dir():
                raise IsADirectoryError(errno.EISDIR, "a folder has the report file's name", str(final))
        for part, final in self._moves:
            os.replace(part, final)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if error is None:
                self._commit()
        except OSError as exc:
            error = exc
        finally:
            for part, _ in self._moves:
                with suppress(OSError):
                    part.unlink(missing_ok=True)
        if isinstance(error, OSError):
            where = f"{error.filename}: " if error.filename else ""
            raise OutputError(f"cannot write the report: {where}{error.strerror or error}; the previous report is unchanged") from error
