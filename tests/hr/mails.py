"""Mail exports as HR's mail programs save them, made with the standard library: ``.eml`` and mbox."""

from __future__ import annotations

import json
import mailbox
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

HR = "培训部 <hr@bank.example>"


def mail(
    sender: str,
    attachments: dict[str, bytes],
    *,
    received: datetime | None,
    date: datetime | None = None,
    subject: str = "作业提交",
    relays: tuple[datetime, ...] = (),
) -> EmailMessage:
    """A mail as it reached HR: the receiving server's ``Received:`` on top (if given), then earlier relays' ones."""
    message = EmailMessage()
    if received is not None:
        message["Received"] = f"from mx1.bank.example (10.0.0.5) by mail.bank.example with ESMTPS id 4F2B; {format_datetime(received)}"
    for relay in relays:
        message["Received"] = f"from trainee-pc (192.168.1.20) by smtp.branch.example; {format_datetime(relay)}"
    message["From"] = sender
    message["To"] = HR
    message["Subject"] = subject
    if date is not None:
        message["Date"] = format_datetime(date)
    message.set_content("作业见附件。")
    for name, data in attachments.items():
        maintype, subtype = ("application", "zip") if name.endswith(".zip") else ("application", "json")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message


def submission_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def write_eml(path: Path, message: EmailMessage) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(message))
    return path


def write_mbox(path: Path, messages: list[EmailMessage]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    box = mailbox.mbox(path)
    try:
        for message in messages:
            box.add(message)
        box.flush()
    finally:
        box.close()
    return path
