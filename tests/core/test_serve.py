"""`coursegen serve` regenerates and serves a YAML edit without a restart, and survives a broken edit."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


def test_serve_picks_up_yaml_edits(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", project)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "coursegen", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/lectures/basics/"
    lecture = project / "course" / "lectures" / "01-basics.yml"
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("投诉的来源", "投诉从哪里来"), encoding="utf-8")
        assert wait_for(url, "投诉从哪里来"), "the edit never reached the preview"
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("title: 投诉从哪里来", "titel: 坏"), encoding="utf-8")
        time.sleep(2)
        assert "投诉从哪里来" in fetch(url), "a broken edit must leave the last good pages served"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "unknown key `titel`" in errors
    assert "still serving the last good version" in errors


def test_the_watcher_survives_a_symlink_loop_and_keeps_regenerating(tmp_path: Path) -> None:
    """A symlink loop appearing in a watched folder once killed the watching thread: live preview stayed dead."""
    project = tmp_path / "mini"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", project)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "coursegen", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/lectures/basics/"
    lecture = project / "course" / "lectures" / "01-basics.yml"
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        os.symlink("loop-b", project / "course" / "loop-a")
        os.symlink("loop-a", project / "course" / "loop-b")
        time.sleep(1)  # let the watcher see the loop before the edit
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("投诉的来源", "投诉从哪里来"), encoding="utf-8")
        assert wait_for(url, "投诉从哪里来"), "the edit after the loop never reached the preview"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    assert "Traceback" not in errors
