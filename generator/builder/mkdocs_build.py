"""Run MkDocs on a generated workspace and publish the result without ever losing the last good site."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from .. import atomic
from .. import cache as cached
from ..errors import UserError
from ..messages import say
from .search_check import prepare_search, sections_as_written
from .search_index import write_search_index

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build can say why."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_path: Path, site_dir: Path, *, strict: bool = True, check: Callable[[MkDocsConfig], None] = lambda _: None,
               explain: Callable[[list[str]], list[str]] = list, course_search: Path | None = None) -> None:
    """Build into a temporary folder beside ``site_dir``, then swap it in.

    A failed build (bad config, a warning under ``strict``, a :class:`UserError` from ``check``,
    which sees the loaded configuration before anything is built) leaves ``site_dir`` exactly as it was.
    ``explain`` rewrites MkDocs' warnings for the message (e.g. to name the YAML file and line of a broken link).
    ``course_search``: the trainer's ``mkdocs.yml``, for a course site, which gets coursegen's search
    (:mod:`.search_check`, :mod:`.search_index`); ``None`` leaves MkDocs' search as configured (the guide).

    Everything alive when MkDocs starts (the imported modules, the course model the caller still holds)
    outlives the build, so it is frozen out of the garbage collector's sight until the build is over:
    otherwise every full collection MkDocs triggers scans it again (measured at 200 lectures: half of the
    collector's time, 0.3 s of CPU; more on a larger course).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    gc.freeze()
    built = False
    try:
        config = load_config(config_file=str(config_path), site_dir=str(staging), strict=strict)
        check(config)
        searching = course_search is not None and prepare_search(config, user_config=course_search)
        with sections_as_written() if searching else nullcontext():
            build(config)
        if searching:
            write_search_index(staging, cache=cached.kept(config_path.parent, "search"))
        built = True
    except (MkDocsException, SystemExit, OSError) as exc:
        details = "\n".join(f"  {m}" for m in explain(collector.messages)) or f"  {exc}"
        raise UserError(f"{say('build.error.mkdocs_failed', folder=f'{site_dir.name}/')}\n{details}") from exc
    finally:
        if not built:  # whatever stopped it (a UserError, Ctrl-C, a plugin's TypeError): no half-built folder stays
            shutil.rmtree(staging, ignore_errors=True)
        gc.unfreeze()
        logger.removeHandler(collector)
    atomic.swap_folder(staging, site_dir)
