"""A real Learning Record Store for the tests: Ralph (``ralph-malph``), file-system backend, on 127.0.0.1.

Ralph pins older FastAPI, Starlette and click than coursegen uses, and in production it is a service of its own, so
it lives in a virtual environment of its own, ``.venv-lrs`` (``scripts/test.sh`` makes it; :data:`LRS_PYTHON`).
Tests that need it carry ``@pytest.mark.lrs`` (skipped with the reason where it is missing, a failed run on CI).

:class:`RalphLrs` starts ``uvicorn ralph.api:app`` in a folder of the test's, with one user made by ``ralph auth``,
CORS open to the origins the test names (a site served by the test posts to it from the browser), and can be
stopped and started again on the same port and data (the LRS going down mid-course). :meth:`RalphLrs.statements`
reads everything back through the xAPI API, following ``more`` links; :func:`validate` checks statements against
Ralph's own xAPI models (``BaseXapiStatement``), the maintained validator the issue asks for.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tests.serving import ROOT, free_port

LRS_VENV = ROOT / ".venv-lrs"
LRS_PYTHON = LRS_VENV / "bin" / "python"
XAPI_VERSION = "1.0.3"
USER, PASSWORD = "coursegen-tests", "lrs-test-password"


def missing_lrs() -> str | None:
    """Why an ``lrs`` test cannot run here, or ``None``."""
    if not LRS_PYTHON.is_file():
        return f"needs the Ralph LRS in {LRS_VENV} (bash scripts/test.sh makes it: python3 -m venv .venv-lrs && .venv-lrs/bin/pip install 'ralph-malph[cli,lrs]' requests)"
    return None


def _ralph_env(folder: Path, origins: Sequence[str]) -> dict[str, str]:
    return {
        **os.environ,
        "RALPH_APP_DIR": str(folder / "app"),
        "RALPH_AUTH_FILE": str(folder / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
        "RALPH_RUNSERVER_CORS_ALLOW_ORIGINS": json.dumps(list(origins)),
    }


class RalphLrs:
    """One Ralph LRS process on 127.0.0.1, its data and users kept in ``folder`` across a stop and a start."""

    def __init__(self, folder: Path, origins: Sequence[str] = ()) -> None:
        self.folder = folder
        self.port = free_port()
        self.env = _ralph_env(folder, origins)
        self._process: subprocess.Popen[bytes] | None = None
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(LRS_PYTHON), "-m", "ralph", "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                        "-A", USER, "http://127.0.0.1", "-w"], env=self.env, check=True, capture_output=True)

    @property
    def endpoint(self) -> str:
        """The xAPI endpoint, with its trailing slash, as a course's ``lrs.endpoint`` names it."""
        return f"http://127.0.0.1:{self.port}/xAPI/"

    @property
    def authorization(self) -> str:
        """The Basic credentials a launch or a relay would hand the site (never written into a page)."""
        return "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

    def start(self) -> None:
        """Start the server and wait until it answers an authenticated request."""
        with (self.folder / "ralph.log").open("ab") as log:  # the child keeps its own copy of the descriptor
            self._process = subprocess.Popen(
                [str(LRS_PYTHON), "-m", "uvicorn", "ralph.api:app", "--host", "127.0.0.1", "--port", str(self.port)],
                env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=self.folder)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"Ralph stopped at start: see {self.folder / 'ralph.log'}")
            try:
                self.request("GET", "statements?limit=1")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"Ralph did not answer within 60 s: see {self.folder / 'ralph.log'}")

    def stop(self) -> None:
        """Stop the server (its data stays): what a trainee's browser meets when the LRS is down."""
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=30)
            self._process = None

    def request(self, method: str, path: str, body: Any = None) -> Any:
        """One authenticated xAPI request; the decoded JSON answer (``None`` for an empty one)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.endpoint + path, data=data, method=method, headers={
            "Authorization": self.authorization, "X-Experience-API-Version": XAPI_VERSION,
            "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read().decode()
        return json.loads(text) if text else None

    def post(self, statements: Iterable[dict[str, Any]]) -> list[str]:
        """Store statements as a sender would; the ids the LRS gives back."""
        ids: list[str] = self.request("POST", "statements", list(statements))
        return ids

    def statements(self, query: str = "") -> list[dict[str, Any]]:
        """Every stored statement matching ``query`` (an xAPI query string), all pages of the answer."""
        found: list[dict[str, Any]] = []
        answer = self.request("GET", "statements" + (f"?{query}" if query else ""))
        while True:
            found.extend(answer["statements"])
            more = answer.get("more")
            if not more:
                return found
            answer = self.request("GET", more.split("/xAPI/", 1)[1])


VALIDATOR = """
import json, sys
from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement
errors = []
for number, line in enumerate(sys.stdin, 1):
    try:
        BaseXapiStatement.model_validate(json.loads(line))
    except ValidationError as error:
        errors.append(f"statement {number}: {error}")
print(json.dumps(errors))
"""


def validate(statements: Sequence[dict[str, Any]]) -> list[str]:
    """What Ralph's xAPI models find wrong in each statement (an empty list: every one is valid xAPI 1.0.3)."""
    lines = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in statements)
    done = subprocess.run([str(LRS_PYTHON), "-c", VALIDATOR], input=lines, capture_output=True, text=True, check=True)
    errors: list[str] = json.loads(done.stdout)
    return errors

