"""Mail exports in the inbox: a saved mail (``.eml``), a mail folder (mbox) and, through :mod:`.outlook`, Outlook's ``.msg``.

Most branches hand homework in by mail, and a mail carries a clock the trainee does not own: the
receiving server stamps each mail with a ``Received:`` header as it arrives. The topmost one is
the last server's, HR's own; earlier ones are written by servers the sender chose, or by the
sender. So a mail's attachments count as handed in at the topmost ``Received:`` time, or, without
one, at the ``Date:`` header, which the sender's mail program writes (see :mod:`.timing`).

Parsing uses the standard library's ``compat32`` policy: the modern policy parses every header
into objects and costs ten times as much, which a class of thousands of mails would feel. The few
headers used here are decoded by hand (:func:`decoded`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import BinaryIO

from ..messages import say
from .buckets import Limits, Reason, Rejected
from .timing import Channel, Clock, aware

MAIL_SUFFIXES = (".eml", ".mbox", ".mbx", ".msg")
"""File names read as mail exports; a file named ``mbox`` with no suffix (Thunderbird's folders) is one too."""
HEADER_CHARS = 2000
"""A header value longer than this is cut before it is decoded or parsed: no real date or address is that long."""
_BOUNDARY = re.compile(rb"boundary\s*=", re.IGNORECASE)
LINE_BYTES = 64 * 1024
"""An mbox is read in lines of at most this many bytes, so a file without line breaks cannot fill memory."""


@dataclass(frozen=True)
class Attachment:
    """One attached file: its name (after the names of the mails it is nested in, if any) and bytes, or why it is not read."""

    parts: tuple[str, ...]
    data: bytes = b""
    rejected: Rejected | None = None


@dataclass(frozen=True)
class Letter:
    """One mail: how it reached HR (clock, time, sender) and its attached files, in order."""

    channel: Channel
    subject: str
    attachments: list[Attachment]


def is_mail(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(MAIL_SUFFIXES) or lower == "mbox"


def is_mbox(name: str) -> bool:
    lower = name.lower()
    return lower.endswith((".mbox", ".mbx")) or lower == "mbox"


def read_eml(data: bytes, limits: Limits) -> Letter:
    """The mail in ``data`` (one RFC 5322 message); raises :class:`Rejected` if it cannot be read at all.

    Multipart sections are counted before parsing: the parser checks every line against every open
    section's boundary, so 20,000 nested sections (a megabyte) took it twenty seconds.
    """
    sections = len(_BOUNDARY.findall(data))
    if sections > limits.max_mail_sections:
        raise Rejected(Reason.BAD_MAIL, say("hr.rejected.sections", n=sections, limit=limits.max_mail_sections))
    try:
        message = BytesParser(policy=policy.compat32).parsebytes(data)
        return Letter(mail_channel(message), decoded(message.get("Subject")), list(_attachments(message, limits)))
    except RecursionError as exc:  # parts nested thousands deep: the parser recurses
        raise Rejected(Reason.BAD_MAIL, say("hr.rejected.mail_deep")) from exc


def mail_channel(headers: Message) -> Channel:
    """The topmost ``Received:`` time (the receiving server's), else ``Date:`` (the sender's), and the sender."""
    sender = decoded(headers.get("From"))
    received = headers.get("Received")  # the first one in the file: added last, by HR's own server
    if received is not None and (at := header_time(str(received)[-HEADER_CHARS:].rpartition(";")[2])) is not None:
        return Channel(Clock.MAIL_SERVER, at, sender)
    date = headers.get("Date")
    if date is not None and (at := header_time(str(date))) is not None:
        return Channel(Clock.MAIL_DATE, at, sender)
    return Channel(Clock.TRAINEE, None, sender)


def header_time(text: str) -> datetime | None:
    """An RFC 5322 date as an aware datetime, or ``None`` for anything that is not one."""
    try:
        return aware(parsedate_to_datetime(text[:HEADER_CHARS].strip()))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def decoded(value: object) -> str:
    """A header as its author wrote it: ``=?utf-8?b?...?=`` words decoded, unknown charsets and bad bytes replaced."""
    if value is None:
        return ""
    text = str(value)[:HEADER_CHARS]
    try:
        return " ".join(str(make_header(decode_header(text))).split())
    except (LookupError, UnicodeError, ValueError, AssertionError):
        return " ".join(text.split())


def _attachments(message: Message, limits: Limits) -> Iterator[Attachment]:
    """Every attached file, those of a mail forwarded as an attachment included (at the outer mail's time:
    when it reached HR). Text and HTML bodies and images shown inside the body are not attachments."""
    count = 0
    for number, part in enumerate(message.walk(), start=1):
        if part.is_multipart() or not _is_attachment(part):
            continue
        count += 1
        if count > limits.max_mail_attachments:
            yield Attachment((unnamed(number),), rejected=too_many(limits))
            return
        name = decoded(part.get_filename()) or unnamed(number)
        try:
            data = part.get_payload(decode=True)
        except Exception as exc:  # noqa: BLE001 - a damaged part is listed; the mail's other attachments still count
            yield Attachment((name,), rejected=Rejected(Reason.BAD_MAIL, say("hr.rejected.undecodable", error=type(exc).__name__)))
            continue
        yield Attachment((name,), data if isinstance(data, bytes) else b"")


def unnamed(number: int) -> str:
    """The name an attachment without a file name is listed under (附件3: the mail's third part)."""
    return say("hr.source.attachment", n=number)


def too_many(limits: Limits) -> Rejected:
    """The rejection standing for the attachments past the limit, which are not read."""
    return Rejected(Reason.BAD_MAIL, say("hr.rejected.attachments", limit=limits.max_mail_attachments))


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("Content-Disposition", "")).split(";", 1)[0].strip().lower()
    inline_image = part.get_content_maintype() == "image" and (disposition == "inline" or part.get("Content-ID") is not None)
    return not inline_image and (disposition == "attachment" or part.get_filename() is not None)


def split_mbox(fp: BinaryIO, limits: Limits) -> Iterator[bytes | Rejected]:
    """The messages of an mbox file, one at a time, each as bytes or as the reason it is not read.

    An mbox is messages one after another, each starting with a ``From `` line after a blank line (or
    at the start). It is read in bounded lines and never whole, so a mail folder of any size costs
    the memory of its largest message, which is itself bounded; so is the number of messages.
    ``mailbox.mbox`` is not used: it opens the file for writing, and by name, after the check that
    it is a regular file rather than a link.
    """
    lines = iter(lambda: fp.readline(LINE_BYTES), b"")
    first = next(lines, b"")
    if not first.startswith(b"From "):
        raise Rejected(Reason.BAD_MAIL, say("hr.rejected.not_mbox", start="“From ”") if first else say("hr.rejected.mbox_empty"))
    current: list[bytes] | None = []
    size, count, blank = 0, 1, False
    for line in lines:
        if blank and line.startswith(b"From "):
            yield _finished(current, size, limits)
            if count >= limits.max_mbox_messages:
                yield Rejected(Reason.BAD_MAIL, say("hr.rejected.mbox_messages", limit=limits.max_mbox_messages))
                return
            current, size, count = [], 0, count + 1
        else:
            size += len(line)
            if current is not None:
                current.append(line)
                if size > limits.max_mail_bytes:
                    current = None  # the rest of this message is counted, not kept
        blank = line in (b"\n", b"\r\n")
    yield _finished(current, size, limits)


def _finished(lines: list[bytes] | None, size: int, limits: Limits) -> bytes | Rejected:
    if lines is None:
        return Rejected(Reason.OVERSIZED, say("hr.rejected.mail_size", size=f"{size / 1024 / 1024:.1f}", limit=f"{limits.max_mail_bytes / 1024 / 1024:.0f}"))
    return b"".join(lines)
