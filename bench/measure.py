"""Timing, memory and size measurements, each build in a fresh process.

A build runs as a child process reaped with ``os.wait4``, which returns that child's own resource
usage: its CPU seconds (user + system) and its peak resident memory. CPU seconds are reported beside
wall-clock seconds because the machine may be shared: other work stretches the wall clock of a
build but not the CPU time the build itself needs.
"""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import median

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}


class BenchError(RuntimeError):
    """A measured command failed; the message carries the end of its output."""


@dataclass(frozen=True)
class Run:
    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User + system CPU seconds of the process."""
    rss_mb: float
    """Peak resident memory, MiB."""


def run(cmd: list[str], cwd: Path, log: Path) -> Run:
    """Run ``cmd`` to completion; raise :class:`BenchError` with its output if it fails."""
    started = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"{' '.join(cmd)} (in {cwd}) exited with {proc.returncode}:\n{tail}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_run(runs: list[Run]) -> Run:
    """Each figure's median over the repeats (so wall and CPU may come from different repeats)."""
    return Run(median(r.wall for r in runs), median(r.cpu for r in runs), median(r.rss_mb for r in runs))


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_bytes(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page at ``url``, or None while the server is not answering (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(check: Callable[[], bool], timeout: float, what: str, poll: float = 0.05) -> float:
    """Poll ``check`` until it holds; return the seconds waited."""
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > timeout:
            raise BenchError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(poll)
    return time.perf_counter() - started


def serve_rebuilds(cmd: list[str], cwd: Path, page: str, edit: Callable[[str], None], log: Path,
                   edits: int = 3, timeout: float = 600) -> list[float]:
    """Seconds from saving an edit to the served ``page`` showing it, for each of ``edits`` edits.

    ``cmd`` is a live-reload serve command without its address; ``edit(marker)`` saves a change that
    puts ``marker`` into ``page``. The server is stopped afterwards whatever happens.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    times: list[float] = []
    with log.open("wb") as out:
        proc = subprocess.Popen([*cmd, "-a", f"127.0.0.1:{port}"], cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                env=ENV, start_new_session=True)
        try:
            wait_for(lambda: _alive(proc, log) and fetch(url) is not None, timeout, f"{url} to be served")
            for _ in range(edits):
                time.sleep(2)  # let the server settle (and finish any reload) before the next save
                marker = f"BENCHEDIT{time.time_ns()}"
                started = time.perf_counter()
                edit(marker)
                wait_for(lambda: _alive(proc, log) and marker in (fetch(url) or ""), timeout, f"{url} to show the edit")
                times.append(time.perf_counter() - started)
            return times
        finally:
            _stop(proc)


def _alive(proc: subprocess.Popen[bytes], log: Path) -> bool:
    if proc.poll() is not None:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"the server exited with {proc.returncode}:\n{tail}")
    return True


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
