"""Write the report's files under temporary names and move them into place only once all are written.

HR reruns the report every day into the same folder and may have yesterday's open. A run that
fails half-way (disk full, a folder where a file belongs, a crash) must leave that report as it
was: never a 0-byte file, never today's workbook beside yesterday's CSVs. The renaming is
:class:`coursegen.atomic.Together`'s; this adds the message HR reads when it fails.
"""

from __future__ import annotations

from types import TracebackType

from ..atomic import Together
from ..errors import UserError
from ..messages import say


class OutputError(UserError):
    """The report could not be written; the previous one is left as it was."""


class Staging(Together):
    """Temporary paths for outputs, renamed to their final names when the ``with`` block ends without error.

    On any error every temporary file is removed and the final files are not touched; an
    :class:`OSError` (the file system refused) becomes an :class:`OutputError`, a message rather
    than a traceback.
    """

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        try:
            super().__exit__(kind, error, tb)
        except OSError as exc:
            error = exc
        if isinstance(error, OSError):
            where = f"{error.filename}: " if error.filename else ""
            raise OutputError(say("hr.output.cannot_write", where=where, reason=error.strerror or error)) from error

