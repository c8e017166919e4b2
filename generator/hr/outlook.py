"""Outlook's ``.msg`` files, read with the ``extract-msg`` library (an OLE compound file is no format to parse by hand).

An Outlook mail dragged out of a received folder keeps the internet headers it arrived with
(``PR_TRANSPORT_MESSAGE_HEADERS``), so its time is read as any mail's is (see :mod:`.mail`). Mail
between two mailboxes of one Exchange server often has none; then the time the server delivered
it to HR's mailbox (``PR_MESSAGE_DELIVERY_TIME``) is the server's clock too. Only the time the
sender's Outlook sent it (``PR_CLIENT_SUBMIT_TIME``) is left after that: the sender's clock.

The library is imported on the first ``.msg`` file, so a report without one never pays for it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from email import policy
from email.message import Message
from email.parser import HeaderParser
from typing import Any

from ..messages import say
from .buckets import Limits, Reason, Rejected
from .mail import HEADER_CHARS, Attachment, Letter, decoded, mail_channel, too_many, unnamed
from .timing import Channel, Clock, aware

_HEADERS_CHARS = 1024 * 1024
"""Transport headers longer than this are cut: a real mail's are a few kilobytes."""


def read_msg(data: bytes, limits: Limits) -> Letter:
    """The Outlook mail in ``data``; raises :class:`Rejected` if it is not one that can be read."""
    extract_msg = _library()
    try:
        msg = extract_msg.openMsg(data, strict=False)
    except Exception as exc:  # the library raises many kinds for a damaged or foreign file
        raise Rejected(Reason.BAD_MAIL, say("hr.rejected.msg_broken", error=f"{type(exc).__name__}: {exc}")[:300]) from exc
    try:
        return Letter(_channel(msg), decoded(getattr(msg, "subject", "")), list(_attachments(msg, (), 1, limits)))
    except Rejected:
        raise
    except Exception as exc:
        raise Rejected(Reason.BAD_MAIL, say("hr.rejected.msg_unreadable", error=f"{type(exc).__name__}: {exc}")[:300]) from exc
    finally:
        msg.close()


def _library() -> Any:
    """``extract_msg``, its log kept out of HR's screen (what it reports about a file reaches HR as the file's rejection).

    It is an optional extra (``coursegen[outlook]``: the library is GPL-3.0, coursegen MIT); without it each
    ``.msg`` is rejected with the way out, and every other file is read as usual.
    """
    try:
        import extract_msg
    except ImportError as exc:
        raise Rejected(Reason.BAD_MAIL, say("hr.rejected.msg_library")) from exc

    log = logging.getLogger("extract_msg")
    log.propagate = False
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    return extract_msg


def _channel(msg: Any) -> Channel:
    headers = _transport_headers(msg)
    channel = mail_channel(headers)
    sender = channel.sender or decoded(getattr(msg, "sender", None))
    if channel.clock is Clock.MAIL_SERVER:
        return channel
    delivered = _time(getattr(msg, "receivedTime", None))
    if delivered is not None:
        return Channel(Clock.MAIL_SERVER, delivered, sender)
    if channel.clock is Clock.MAIL_DATE:
        return Channel(channel.clock, channel.at, sender)
    submitted = _time(getattr(msg, "date", None))
    return Channel(Clock.MAIL_DATE if submitted else Clock.TRAINEE, submitted, sender)


def _transport_headers(msg: Any) -> Message:
    text = msg.headerText or ""
    if text.startswith("Microsoft Mail Internet Headers Version 2.0"):
        text = text[43:].lstrip()
    return HeaderParser(policy=policy.compat32).parsestr(text[:_HEADERS_CHARS])


def _time(value: object) -> datetime | None:
    return aware(value) if isinstance(value, datetime) else None


def _attachments(msg: Any, parents: tuple[str, ...], depth: int, limits: Limits) -> Iterator[Attachment]:
    """Every attached file, those of a mail attached to this one included (up to the archive depth limit)."""
    from extract_msg.enums import AttachmentType

    for number, attachment in enumerate(msg.attachments, start=1):
        if number > limits.max_mail_attachments:
            yield Attachment((*parents, unnamed(number)), rejected=too_many(limits))
            return
        name = decoded(getattr(attachment, "longFilename", None) or getattr(attachment, "shortFilename", None)) or unnamed(number)
        parts = (*parents, name[:HEADER_CHARS])
        if attachment.type is AttachmentType.DATA:
            if not (getattr(attachment, "hidden", False) and getattr(attachment, "contentId", None)):  # an image inside the body
                yield Attachment(parts, attachment.data if isinstance(attachment.data, bytes) else b"")
        elif attachment.type is AttachmentType.MSG and depth < limits.max_archive_depth:
            yield from _attachments(attachment.data, parts, depth + 1, limits)
        else:
            if attachment.type is AttachmentType.MSG:
                detail = say("hr.rejected.msg_deep", limit=limits.max_archive_depth)
            else:
                detail = say("hr.rejected.not_a_file", type=attachment.type.name)
            yield Attachment(parts, rejected=Rejected(Reason.BAD_MAIL, detail))
