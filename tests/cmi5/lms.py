"""An LMS of the tests' own that launches a cmi5 package as cmi5 sections 8 and 10 say, over a real LRS (Ralph).

It imports the unzipped package (reads its cmi5.xml as an LMS does: the AU's id, url, moveOn and masteryScore) and
serves it on 127.0.0.1. A launch makes the registration, the session id and the AU's activity id (which cmi5 wants
to differ from the AU's publisher id), writes ``LMS.LaunchData``, records "launched" in the LRS and answers the AU URL
with the five launch parameters. The fetch URL hands out the LRS's Basic credentials as the auth token once, and an
error after that.

The endpoint the AU gets is the LMS's own ``/xapi/``: Ralph has no State API (only statements), so the LMS answers
``activities/state`` itself, from the launch data it wrote, and passes ``statements`` on to Ralph with the AU's own
Authorization header (Ralph checks the token). Each statement that went through is noted, so a test can wait for a
verb to arrive rather than for a time.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, UTC
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from lxml import etree

from coursegen.model.lrs import CMI5_CATEGORIES, CMI5_EXTENSIONS, CMI5_VERBS
from tests.lrs import PASSWORD, USER, RalphLrs

NS = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}


class Cmi5Lms:
    """The LMS: one imported package in ``folder`` (unzipped), statements stored in ``lrs``."""

    def __init__(self, folder: Path, lrs: RalphLrs) -> None:
        self.folder = folder
        self.lrs = lrs
        au = etree.parse(str(folder / "cmi5.xml")).getroot().find("c:au", NS)
        assert au is not None
        self.publisher_id = au.get("id", "")
        self.au_url = au.findtext("c:url", namespaces=NS) or ""
        self.move_on = au.get("moveOn", "NotApplicable")
        mastery = au.get("masteryScore")
        self.mastery_score = float(mastery) if mastery is not None else None
        self.token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        self.launch_data: dict[str, Any] = {}
        self.state_key: tuple[str, str, str] = ("", "", "")
        self.fetch_keys: set[str] = set()
        self.verbs: list[str] = []
        self.arrived = threading.Condition()
        self.address = ""

    @contextmanager
    def running(self) -> Iterator[Cmi5Lms]:
        """Serve the LMS on a free port of 127.0.0.1 for the duration of the ``with``."""
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, lms=self))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.address = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()

    def launch(self, actor: dict[str, Any], launch_mode: str = "Normal", *, return_url: bool = False) -> str:
        """Launch the AU for ``actor`` in a new registration: the AU URL with its launch parameters. With
        ``return_url`` the launch data asks for the window back at :attr:`return_address` when the session ends."""
        registration, session_id = str(uuid.uuid4()), str(uuid.uuid4())
        activity_id = f"{self.address}/lms/activities/{uuid.uuid4()}"  # the LMS's own id, never the publisher's
        fetch_key = str(uuid.uuid4())
        self.fetch_keys.add(fetch_key)
        launch_url = f"{self.address}/au/{self.au_url}"
        context = {
            "contextActivities": {"grouping": [{"id": self.publisher_id}]},
            "extensions": {CMI5_EXTENSIONS["sessionid"]: session_id},
        }
        self.launch_data = {"contextTemplate": context, "launchMode": launch_mode, "moveOn": self.move_on,
                            **({"masteryScore": self.mastery_score} if self.mastery_score is not None else {}),
                            **({"returnURL": self.return_address} if return_url else {})}
        self.state_key = (activity_id, registration, json.dumps(actor, sort_keys=True))
        launched = {
            "id": str(uuid.uuid4()), "actor": actor,
            "verb": {"id": CMI5_VERBS["launched"], "display": {"en-US": "launched"}},
            "object": {"objectType": "Activity", "id": activity_id},
            "context": {
                "registration": registration,
                "contextActivities": {"grouping": [{"id": self.publisher_id}], "category": [{"id": CMI5_CATEGORIES["cmi5"]}]},
                "extensions": {
                    CMI5_EXTENSIONS["sessionid"]: session_id, CMI5_EXTENSIONS["launchmode"]: launch_mode,
                    CMI5_EXTENSIONS["launchurl"]: launch_url, CMI5_EXTENSIONS["moveon"]: self.move_on,
                    **({CMI5_EXTENSIONS["masteryscore"]: self.mastery_score} if self.mastery_score is not None else {}),
                },
            },
            "timestamp": datetime.now(UTC).isoformat(),
        }
        self.lrs.post([launched])
        query = urlencode({"endpoint": f"{self.address}/xapi/", "fetch": f"{self.address}/fetch/{fetch_key}",
                           "actor": json.dumps(actor, ensure_ascii=False), "registration": registration,
                           "activityId": activity_id})
        return f"{launch_url}?{query}"

    @property
    def return_address(self) -> str:
        """The LMS's page a session with a returnURL goes back to."""
        return f"{self.address}/lms/return"

    def wait_for(self, verb: str, timeout: float = 30) -> None:
        """Wait until a statement with ``verb`` (a key of CMI5_VERBS) has reached the LRS through the LMS."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: CMI5_VERBS[verb] in self.verbs, timeout=timeout):
                raise AssertionError(f"no {verb!r} statement within {timeout} s; arrived: {self.verbs}")

    def state(self, query: dict[str, list[str]], authorization: str | None) -> tuple[int, Any]:
        """The State API for LMS.LaunchData, as an LRS answers it: 401 without the token, 404 for other documents."""
        if authorization != f"Basic {self.token}":
            return 401, {"error": "unauthorized"}
        asked = (query.get("activityId", [""])[0], query.get("registration", [""])[0],
                 json.dumps(json.loads(query.get("agent", ["null"])[0]), sort_keys=True))
        if query.get("stateId", [""])[0] != "LMS.LaunchData" or asked != self.state_key:
            return 404, {"error": "no such document"}
        return 200, self.launch_data

    def fetch(self, key: str) -> dict[str, str]:
        """The fetch URL: the token once, then cmi5's error 1 (8.2.3)."""
        if key in self.fetch_keys:
            self.fetch_keys.discard(key)
            return {"auth-token": self.token}
        return {"error-code": "1", "error-text": "The authorization token has already been returned."}

    def forward(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
        """Pass a statements request on to Ralph and note the verbs of what it stored."""
        request = urllib.request.Request(self.lrs.endpoint + path, data=body, method=method, headers=headers)  # noqa: S310 - Ralph's http URL
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - as above
                status, answer = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, answer = error.code, error.read()
            error.close()
        except urllib.error.URLError:  # Ralph stopped (a test over): what a browser meets when the LRS is down
            return 502, b"{}"
        if method == "POST" and status == 200 and body:
            sent = json.loads(body)
            with self.arrived:
                self.verbs.extend(s["verb"]["id"] for s in (sent if isinstance(sent, list) else [sent]))
                self.arrived.notify_all()
        return status, answer


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The LMS's routes: /au/ (the package), /fetch/<key>, /xapi/activities/state, /xapi/statements (to Ralph),
    /lms/return (where a returnURL leads)."""

    def __init__(self, *args: Any, lms: Cmi5Lms, **kwargs: Any) -> None:
        self.lms = lms
        super().__init__(*args, directory=str(lms.folder), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests read what arrived, not the access log."""

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path.startswith("/au/"):
            self.path = self.path[len("/au"):]
            super().do_GET()
        elif url.path == "/xapi/activities/state":
            self._json(*self.lms.state(parse_qs(url.query), self.headers.get("Authorization")))
        elif url.path.startswith("/xapi/statements"):
            self._forward("GET")
        elif url.path == "/lms/return":
            self._json(200, {"returned": True})
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path.startswith("/fetch/"):
            self._json(200, self.lms.fetch(url.path.removeprefix("/fetch/")))
        elif url.path.startswith("/xapi/statements"):
            self._forward("POST")
        else:
            self.send_error(405)

    def _forward(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {name: self.headers[name] for name in ("Authorization", "X-Experience-API-Version", "Content-Type")
                   if self.headers.get(name)}
        status, answer = self.lms.forward(method, self.path.removeprefix("/xapi/"), body, headers)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def _json(self, status: int, data: Any) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
