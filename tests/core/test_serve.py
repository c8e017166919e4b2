"""`coursegen serve` regenerates and serves a YAML edit without a restart, and survives a broken edit: it
reports the edit's problem and keeps serving the last good pages."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
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

    def text(self) -> str:
        """All of it, once the process has ended."""
        self._thread.join(timeout=20)
        with self._changed:
            return self._text


def python_writing(text: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", f"import sys; sys.stderr.write({text!r})"], stderr=subprocess.PIPE, text=True)


def test_waiting_for_a_message_sees_it_and_gives_up_when_the_process_ends_without_it() -> None:
    process = python_writing("… rebuilding\nthe site: still serving the last good version\n")
    assert StderrLog(process.stderr).wait_for("still serving the last good version")  # type: ignore[arg-type]
    process.wait(timeout=20)
    process = python_writing("… rebuilding\n")
    log = StderrLog(process.stderr)  # type: ignore[arg-type]
    assert not log.wait_for("still serving the last good version")
    assert log.text() == "… rebuilding\n"
    process.wait(timeout=20)


def start_serving(tmp_path: Path) -> tuple[subprocess.Popen[str], StderrLog, str, Path]:
    """`coursegen serve` of a copy of the fixture course: the process, its stderr, a lecture's address and YAML file."""
    project = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", project)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "coursegen", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    log = StderrLog(server.stderr)  # type: ignore[arg-type]
    return server, log, f"http://127.0.0.1:{port}/lectures/basics/", project / "course" / "lectures" / "01-basics.yml"


def test_serve_picks_up_yaml_edits(tmp_path: Path) -> None:
    server, log, url, lecture = start_serving(tmp_path)
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("投诉的来源", "投诉从哪里来"), encoding="utf-8")
        assert wait_for(url, "投诉从哪里来"), "the edit never reached the preview"
        before = log.mark()
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("title: 投诉从哪里来", "titel: 坏"), encoding="utf-8")
        assert log.wait_for("still serving the last good version", since=before), "the broken edit was never reported"
        assert "投诉从哪里来" in fetch(url), "a broken edit must leave the last good pages served"
    finally:
        server.terminate()
        server.wait(timeout=20)
    errors = log.text()[before:]
    assert "unknown key `titel`" in errors


def test_the_watcher_survives_a_symlink_loop_and_keeps_regenerating(tmp_path: Path) -> None:
    """A symlink loop appearing in a watched folder once killed the watching thread: live preview stayed dead."""
    server, log, url, lecture = start_serving(tmp_path)
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        os.symlink("loop-b", lecture.parents[1] / "loop-a")
        os.symlink("loop-a", lecture.parents[1] / "loop-b")
        time.sleep(1)  # let the watcher meet the loop before the edit (it died on it before the edit arrived)
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("投诉的来源", "投诉从哪里来"), encoding="utf-8")
        assert wait_for(url, "投诉从哪里来"), "the edit after the loop never reached the preview"
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "Traceback" not in log.text()
