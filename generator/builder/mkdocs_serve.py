"""``coursegen serve`` on MkDocs: its preview server, with the terminal saying where the preview is, and nothing else's noise.

MkDocs announces its address through its logger, at a level nobody shows in coursegen, so the trainer saw no address
at all (Zensical prints its own). Material's search plugin meanwhile imports jieba, which sets its own logger to
print every step of loading its dictionary ("Building prefix dict…") on the terminal. Here MkDocs' announcement is
caught and said in the course's language by the caller, and jieba's steps are kept quiet (its warnings still show).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

SERVING = re.compile(r"\bServing on (\S+)")
"""MkDocs' line once its server listens: ``[09:30:00] Serving on http://127.0.0.1:8000/``."""


class _Announcer(logging.Handler):
    """Hands the address in MkDocs' "Serving on" record to ``ready``; other records pass by."""

    def __init__(self, ready: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self.ready = ready

    def emit(self, record: logging.LogRecord) -> None:
        found = SERVING.search(record.getMessage())
        if found:
            self.ready(found[1])


def serve_with_mkdocs(config: Path, dev_addr: str, *, dirty: bool, ready: Callable[[str], None]) -> None:
    """MkDocs' live preview of the workspace whose settings are ``config``, until Ctrl-C; ``ready`` gets its address."""
    from material.plugins.search import plugin  # noqa: F401 - imports jieba (when installed), which turns its logger up
    from mkdocs.commands.serve import serve

    logging.getLogger("jieba").setLevel(logging.WARNING)
    server_log = logging.getLogger("mkdocs.livereload")
    announcer = _Announcer(ready)
    level = server_log.level
    server_log.setLevel(logging.INFO)
    server_log.addHandler(announcer)
    try:
        serve(str(config), livereload=True, build_type="dirty" if dirty else None, dev_addr=dev_addr)
    finally:
        server_log.removeHandler(announcer)
        server_log.setLevel(level)
