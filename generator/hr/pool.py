"""Use every core: parse submission files in worker processes, write the workbook beside the other outputs.

For a big class, parsing and checksums are most of the intake, and openpyxl's workbook is most of the output.

The first files are parsed in this process, so a small class never pays for starting workers.
Workers receive only :class:`Found` records (a path to read, or an archive member's bytes) and
:class:`Limits`, and return :class:`Parsed` results or rejections, so the same code runs where
processes are forked (Linux) and where they are spawned (Windows).
Files stay in the order they were found, and only a few batches are in flight at a time, so
memory stays bounded however many files there are.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing.process import BaseProcess
from typing import Any

from ..messages import language, speaking
from .buckets import Limits, Rejected, unexpected
from .check import Parsed, parse_submission
from .sources import Found

SEQUENTIAL_FIRST = 1000
"""Files parsed in this process before workers are started."""
BATCH = 250
MAX_WORKERS = 8

Outcome = Parsed | Rejected


def parse_all(
    found: Iterable[Found], limits: Limits, workers: int | None = None, *, sequential_first: int = SEQUENTIAL_FIRST, batch: int = BATCH,
    answers: bool = False,
) -> Iterator[tuple[Found, Outcome]]:
    """Each found file with its outcome, in the order found; ``answers``: keep homework answers (see :func:`parse_submission`)."""
    files = iter(found)
    for item in islice(files, sequential_first):
        yield item, _outcome(item, limits, answers)
    workers = workers or available_cores()
    if workers < 2:
        for item in files:
            yield item, _outcome(item, limits, answers)
        return
    with ProcessPoolExecutor(workers) as pool:
        pending: deque[tuple[list[Found], Future[list[Outcome]]]] = deque()
        while chunk := list(islice(files, batch)):
            pending.append((chunk, pool.submit(_parse_batch, chunk, limits, language(), answers)))
            if len(pending) > 2 * workers:
                yield from _finished(*pending.popleft())
        while pending:
            yield from _finished(*pending.popleft())


def available_cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, MAX_WORKERS)


def _finished(chunk: list[Found], future: Future[list[Outcome]]) -> Iterator[tuple[Found, Outcome]]:
    yield from zip(chunk, future.result())


def _parse_batch(chunk: list[Found], limits: Limits, spoken: str, answers: bool = False) -> list[Outcome]:
    """Parse in the parent's language: a spawned worker (Windows) would otherwise word its rejections in Chinese."""
    with speaking(spoken):
        return [_outcome(found, limits, answers) for found in chunk]


def _outcome(found: Found, limits: Limits, answers: bool = False) -> Outcome:
    try:
        return parse_submission(found.content(limits), limits, answers=answers)
    except Rejected as rejected:
        return rejected
    except Exception as exc:  # noqa: BLE001 - one file no check foresaw must not end the report (or a worker's batch)
        return unexpected(exc)


def start_forked(target: Callable[..., Any], *args: Any) -> BaseProcess | None:
    """Run ``target(*args)`` in a forked child, which shares this process's memory for free.

    Only on Linux with two cores or more: elsewhere a child would have to be spawned and sent
    its arguments, which costs what it saves. ``None`` means "do it yourself".
    """
    if not sys.platform.startswith("linux") or available_cores() < 2:
        return None
    child = multiprocessing.get_context("fork").Process(target=_quietly, args=(target, *args), daemon=True)
    child.start()
    return child


def _quietly(target: Callable[..., Any], *args: Any) -> None:
    """Run ``target`` and exit 1 on any error without printing it: the parent retries, and its error is the one HR sees."""
    try:
        target(*args)
    except BaseException:  # noqa: BLE001 - reported through the exit code
        os._exit(1)
