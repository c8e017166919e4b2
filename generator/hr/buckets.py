"""Where each input file ends up, why, and the limits that protect HR's computer from hostile files.

Every file found under the submissions folder (and inside its archives) lands in exactly one
:class:`Bucket`; a rejected file carries a :class:`Reason` HR can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..messages import say

MiB = 1024 * 1024


class Bucket(str, Enum):
    ACCEPTED = "accepted"
    SUPERSEDED = "superseded"
    """A valid file, replaced by a newer version from the same trainee for the same form."""
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        """The bucket as HR reads it, in this run's language (the value is the code written to CSV)."""
        return say(f"hr.bucket.{self.value}")


class Reason(str, Enum):
    """Why a file was rejected; the value is the stable code written to CSV."""

    OVERSIZED = "oversized"
    EMPTY = "empty"
    """A file with nothing in it (0 bytes, or only blanks): said as such, not as a JSON parser's complaint."""
    NOT_JSON = "not_json"
    TOO_DEEP = "too_deep"
    NOT_SUBMISSION = "not_submission"
    WRONG_VERSION = "wrong_version"
    INVALID = "invalid"
    CHECKSUM = "checksum"
    UNKNOWN_COURSE = "unknown_course"
    UNKNOWN_HOMEWORK = "unknown_homework"
    NOT_ON_ROSTER = "not_on_roster"
    UNSAFE_PATH = "unsafe_path"
    ZIP_BOMB = "zip_bomb"
    BAD_ARCHIVE = "bad_archive"
    SYSTEM_FILE = "system_file"
    UNREADABLE = "unreadable"
    LINK = "link"
    """A symbolic link (or an archive entry that is one): never followed, so it cannot lead outside the inbox or loop."""
    BAD_MAIL = "bad_mail"
    """A mail export that cannot be read (damaged, not a mail, or past a limit)."""
    NO_ATTACHMENT = "no_attachment"
    """A mail with no attached file: listed, so every mail HR exported is accounted for."""
    ERROR = "error"
    """Examining the file raised something no check foresaw: the file is listed, the report goes on."""

    @property
    def label(self) -> str:
        """The reason as HR reads it, in this run's language."""
        return say(f"hr.reason.{self.value}")


class Rejected(Exception):
    """Raised while examining one file; becomes that file's rejection."""

    def __init__(self, reason: Reason, detail: str = "", claim: Claim | None = None) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail
        self.claim = claim
        """Whose file it says it is, when it says so though it is rejected (see :class:`Claim`)."""

    def __reduce__(self) -> tuple[type[Rejected], tuple[Reason, str, Claim | None]]:
        """Pickle by its fields, so a rejection can come back from a worker process."""
        return Rejected, (self.reason, self.detail, self.claim)


@dataclass(frozen=True)
class Claim:
    """What a rejected file says about itself (course, form, employee id as written): enough to show the rejection
    on that trainee's row, so HR asks them to hand in again instead of chasing them as if nothing came."""

    course_id: str
    homework_id: str
    employee_id: str


def unexpected(exc: Exception) -> Rejected:
    """The rejection for a file whose examination raised something no check foresaw.

    One odd file must never cost HR the whole report: it is listed with what went wrong (worth
    reporting to the tool's maintainers), and every other file is still read.
    """
    return Rejected(Reason.ERROR, f"{type(exc).__name__}: {exc}"[:500])


@dataclass(frozen=True)
class Limits:
    """Bounds on untrusted input. A real submission is a few kilobytes; these leave wide room."""

    max_file_bytes: int = 2 * MiB
    """Largest submission file read; anything larger is rejected unread."""
    max_json_depth: int = 32
    """A submission nests at most 5 levels; deeper JSON is rejected before it is parsed."""
    max_archive_entries: int = 50_000
    max_archive_bytes: int = 1024 * MiB
    """Total unpacked size of one archive, nested archives included."""
    max_ratio: int = 100
    """Compression ratio above which a large entry (see ``ratio_floor_bytes``) counts as a zip bomb."""
    ratio_floor_bytes: int = 1 * MiB
    """Small entries may compress as well as they like: they cannot hurt."""
    max_nested_archive_bytes: int = 64 * MiB
    """An archive inside an archive is read into memory, so it must stay small."""
    max_archive_depth: int = 3
    max_mail_bytes: int = 50 * MiB
    """One mail (a ``.eml`` or ``.msg`` file, or one message of an mbox): mail servers refuse larger ones."""
    max_mbox_bytes: int = 4096 * MiB
    """One mbox file: read in lines, never whole, so this bounds time rather than memory."""
    max_mbox_messages: int = 50_000
    max_mail_attachments: int = 1_000
    max_mail_sections: int = 200
    """Multipart sections (each declares a boundary) in one mail: a real one has a handful."""
