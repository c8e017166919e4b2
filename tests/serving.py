"""Run `coursegen serve` in a subprocess on a copy of the fixture course, and watch what it says and serves.

Shared by the serve tests (tests/core/test_serve.py) and the browser test of the error overlay: every wait
polls against a deadline far beyond any rebuild, so a slow machine is slow, not red.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


class StderrLog:
    """A process's stderr, read line by line as it comes by a thread of its own (so the pipe never fills)."""

    def __init__(self, stream: IO[str]) -> None:
        self._text = ""
        self._ended = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        with stream:  # closed once the process closed its end: an open pipe left to the garbage collector is a ResourceWarning
            for line in stream:
                with self._changed:
                    self._text += line
                    self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def mark(self) -> int:
        """Where the log is now: :meth:`wait_for` looks only at what comes after it."""
        with self._changed:
            return len(self._text)

    def wait_for(self, text: str, since: int = 0, seconds: float = 120) -> bool:
        """Whether ``text`` shows up after ``since``; ``False`` once the process closed its stderr without
        it, or after ``seconds`` (a deadline for a process that hangs, far beyond any rebuild)."""
        deadline = time.monotonic() + seconds
        with self._changed:
            while text not in self._text[since:]:
                left = deadline - time.monotonic()
                if self._ended or left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def text_so_far(self) -> str:
        """What the process has written until now, while it runs on."""
        with self._changed:
            return self._text

    def text(self) -> str:
        """All of it, once the process has ended."""
        self._thread.join(timeout=20)
        with self._changed:
            return self._text


def mini_copy(tmp_path: Path) -> Path:
    """A copy of the fixture course ``tests/fixtures/mini`` in ``tmp_path``, for a test that builds or edits it."""
    project = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", project)
    return project


def start_serving(tmp_path: Path, prepare: Callable[[Path], None] = lambda _: None, options: tuple[str, ...] = (),
                  python: tuple[str, ...] = ("-m", "coursegen")) -> tuple[subprocess.Popen[str], StderrLog, str, Path]:
    """`coursegen serve` of a copy of the fixture course: the process, its stderr, a lecture's address and YAML file.

    ``prepare`` gets the lecture's YAML file before the server starts (to start it on a broken course);
    ``options`` are more of the command's options (``--engine zensical``); ``python``, how Python runs coursegen
    (``-c`` and a script that watches a library's function before it calls coursegen's ``main``).
    """
    project = mini_copy(tmp_path)
    prepare(project / "course" / "lectures" / "01-basics.yml")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, *python, "serve", "-a", f"127.0.0.1:{port}", *options],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    log = StderrLog(server.stderr)  # type: ignore[arg-type]
    return server, log, f"http://127.0.0.1:{port}/lectures/basics/", project / "course" / "lectures" / "01-basics.yml"


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) with ``new`` in a course file, as an editor's save would."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} does not hold {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@contextlib.contextmanager
def running_studio(project: Path) -> Iterator[str]:
    """``coursegen studio`` in ``project`` (any free port, no browser opened) for as long as the block runs: the
    address it printed, secret included. Stopped as Ctrl-C stops it."""
    studio = subprocess.Popen([sys.executable, "-m", "coursegen", "studio", "--port", "0", "--no-open"], cwd=project,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, start_new_session=True)
    log = StderrLog(studio.stderr)  # type: ignore[arg-type]
    try:
        assert log.wait_for("课程工作室已启动："), log.text_so_far()
        address = re.search(r"http://127\.0\.0\.1:\d+/_studio/\?secret=\S+", log.text_so_far())
        assert address is not None, log.text_so_far()
        yield address.group(0)
    finally:
        stop(studio)
        log.text()


def stop(process: subprocess.Popen[str]) -> None:
    """Stop a command started in a session of its own as Ctrl-C would, killing it if it has not ended in 30 s."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
