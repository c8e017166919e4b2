"""Regenerate the Outlook ``.msg`` fixtures beside this script (run from the repository root):

    pip install msgforge && python -m tests.hr.data.make_msg

The files are real OLE compound files in Outlook's MS-OXMSG layout, written by msgforge (MIT licence,
a pure-Python .msg writer whose output its authors check with Outlook and extract-msg). It is needed
only here, not by the project or its tests. msgforge writes no internet headers, so the one fixture
that has them gets ``PR_TRANSPORT_MESSAGE_HEADERS`` (0x007D) added beside the properties it writes.

- ``received-late.msg``: E0006's lunch-homework, back-dated by its file (2 h before the due time), with
  internet headers whose topmost ``Received:`` is two days after the due time.
- ``exchange-internal.msg``: E0006's case-review, mail between two mailboxes of one Exchange server:
  no internet headers, delivered an hour after the due time, sent (by the sender's clock) three days before.
"""

from __future__ import annotations

import json
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import msgforge
from msgforge import _builder

from tests.hr.synthetic import DUE, people, submission

HERE = Path(__file__).resolve().parent
PERSON = people(9)[5]
RECEIVED = DUE + timedelta(days=2)
DELIVERED = DUE + timedelta(hours=1)


def _with_transport_headers(headers: str) -> None:
    """Make msgforge write ``headers`` as the message's transport headers, next to its message class."""
    original = _builder._Props.add_unicode

    def add_unicode(self, ole, parent, prop_id, value):  # type: ignore[no-untyped-def]
        original(self, ole, parent, prop_id, value)
        if prop_id == 0x001A:  # the message class: written once, on the message itself
            original(self, ole, parent, 0x007D, headers)

    _builder._Props.add_unicode = add_unicode  # type: ignore[method-assign]


def main() -> None:
    sender = (f"{PERSON.employee_id.lower()}@branch.example", PERSON.name)
    late = submission(PERSON, "lunch-homework", updated_at=DUE - timedelta(hours=2))
    headers = (
        f"Received: from mx1.bank.example by mail.bank.example with ESMTPS; {format_datetime(RECEIVED)}\r\n"
        f"Received: from trainee-pc by smtp.branch.example; {format_datetime(DUE - timedelta(hours=2))}\r\n"
        f"From: {PERSON.name} <{sender[0]}>\r\nTo: hr@bank.example\r\nSubject: 午休作业\r\n"
        f"Date: {format_datetime(DUE - timedelta(hours=2))}\r\n"
    )
    original = _builder._Props.add_unicode
    _with_transport_headers(headers)
    try:
        message = msgforge.Message(subject="午休作业", text_body="作业见附件。", sender=sender, to=[("hr@bank.example", "培训部")], sent=RECEIVED)
        message.attach_bytes(f"午休作业-{PERSON.employee_id}.json", json.dumps(late, ensure_ascii=False).encode("utf-8"))
        message.attach_bytes("logo.png", b"\x89PNG\r\n\x1a\n", content_id="logo")  # an image inside the body: not an attachment
        message.save(HERE / "received-late.msg")
    finally:
        _builder._Props.add_unicode = original  # type: ignore[method-assign]

    internal = submission(PERSON, "case-review", updated_at=DUE - timedelta(days=3))
    message = msgforge.Message(subject="案例复盘", text_body="见附件", sender=sender, to=[("hr@bank.example", "培训部")], sent=DUE - timedelta(days=3))
    message.attach_bytes(f"案例复盘-{PERSON.employee_id}.json", json.dumps(internal, ensure_ascii=False).encode("utf-8"))
    data = bytearray(message.as_bytes())
    (HERE / "exchange-internal.msg").write_bytes(_delivered_at(bytes(data), DELIVERED))


def _delivered_at(data: bytes, when) -> bytes:  # type: ignore[no-untyped-def]
    """msgforge stamps delivery time = sent time; an Exchange mailbox stamps its own: set PR_MESSAGE_DELIVERY_TIME apart."""
    import struct

    sent = _builder._datetime_to_filetime(DUE - timedelta(days=3))
    tag = struct.pack("<HHI", 0x0040, 0x0E06, 6) + struct.pack("<Q", sent)
    at = data.index(tag)
    return data[:at + 8] + struct.pack("<Q", _builder._datetime_to_filetime(when)) + data[at + 16:]


if __name__ == "__main__":
    main()
