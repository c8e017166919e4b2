"""A reference form service: takes the submissions a course site posts (``submission.url`` in course.yml),
stores each in an envelope with the time it arrived, and answers the site with a receipt.

The protocol (docs/hr-guide.md, "表单服务"): the site POSTs the submission file's exact JSON text with
``Content-Type: application/json`` from another origin, so the service answers the CORS preflight. A
2xx answer means "received"; its body may be ``{"received_at": ISO time, "receipt": id}``, which the
trainee is shown. The service stores ``{"received_at", "receipt", "submission", "seal"}``, the seal an
HMAC-SHA256 under the service's key (see :mod:`.seal`; the key is made on first start and kept beside
the inbox, ``<inbox>.key``, never served): the HR report, given that key, judges lateness by
``received_at``, the service's clock, not the trainee's; an envelope whose seal it cannot check is the
trainee's own file.

Only the standard library; every file is written under a temporary name and renamed, so the report
never reads half an envelope; a body over the size limit or one that is not a genuine submission file
is answered with an error and nothing is stored (the site then exports the file instead).
"""

from __future__ import annotations

import html
import json
import secrets
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .. import atomic
from ..messages import say
from .buckets import Limits, Rejected
from .check import parse_submission
from .seal import SEAL, seal, service_key

TEMP_PREFIX = "~$"
"""A file being written: the report lists such names as system files, never as submissions."""


class Receiver(ThreadingHTTPServer):
    """The service: an inbox folder and the limits a posted body must keep."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], inbox: Path, limits: Limits | None = None) -> None:
        self._key = service_key(inbox)  # before listening: a key that cannot be read or made leaves no socket open
        super().__init__(address, _Handler)
        self.inbox = inbox
        self.limits = limits or Limits()
        self._lock = threading.Lock()

    def store(self, body: bytes) -> dict[str, str]:
        """Check ``body`` is a genuine submission (raises :class:`Rejected`), store it in its envelope, return the receipt."""
        parsed = parse_submission(body, self.limits)
        received_at = datetime.now().astimezone().isoformat(timespec="seconds")
        receipt = f"{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"
        envelope = {"received_at": received_at, "receipt": receipt, "submission": json.loads(body)}
        envelope[SEAL] = seal(envelope, self._key)
        name = f"{receipt}-{parsed.homework_id}-{_safe(parsed.employee_id)}.json"
        text = json.dumps(envelope, ensure_ascii=False, indent=1) + "\n"
        with self._lock:  # one writer at a time: a name is never taken twice
            atomic.write_text(self.inbox / name, text, prefix=TEMP_PREFIX)
        return {"received_at": received_at, "receipt": receipt}


def about_page() -> str:
    """The page a browser is shown at the service's address, in this run's language: what the service is and that it takes POSTs only."""
    title, what, how = (html.escape(say(f"hr.receiver.{key}")) for key in ("title", "what", "how"))
    lang = html.escape(say("hr.page.lang"))
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>\n'
            f"<body><h1>{title}</h1><p>{what}</p><p>{how}</p></body></html>\n")


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:40]


class _Handler(BaseHTTPRequestHandler):
    server: Receiver

    def _answer(self, status: int, body: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else b""
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self) -> None:  # the standard library's naming
        self._answer(204)

    def do_GET(self) -> None:  # the standard library's naming
        """Someone opened the service's address in a browser: a page that says what this is, not an error."""
        self._page(send_body=True)

    def do_HEAD(self) -> None:  # the standard library's naming
        self._page(send_body=False)

    def _page(self, *, send_body: bool) -> None:
        data = about_page().encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Security-Policy", "default-src 'none'")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def do_POST(self) -> None:  # the standard library's naming
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._answer(411, {"error": "Content-Length required"})
        if not 0 < length <= self.server.limits.max_file_bytes:
            self.close_connection = True  # the body is not read: the connection cannot be reused
            return self._answer(413, {"error": f"body of {length} bytes; at most {self.server.limits.max_file_bytes}"})
        body = self.rfile.read(length)
        try:
            receipt = self.server.store(body)
        except Rejected as rejected:
            error = say("hr.reason_detail", reason=rejected.reason.label, detail=rejected.detail) if rejected.detail else rejected.reason.label
            return self._answer(400, {"error": error})
        self._answer(201, receipt)
