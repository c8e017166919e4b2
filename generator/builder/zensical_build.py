"""Run Zensical, the successor of Material for MkDocs, on a generated workspace instead of MkDocs.

Zensical reads the settings :mod:`.zensical_config` writes. A build goes to Zensical's output folder inside the
workspace (it builds only below its settings file's folder, and keeps its cache there) and is moved to the site
folder once it succeeded, so the last good site survives any failure; coursegen's search index is made from
Zensical's. Zensical's scan of each page for links is kept between builds and through the live preview by the page's
bytes (:func:`_link_scans_kept`).
What Zensical prints (its Rust core writes to the terminal directly) is caught and its diagnostics turned into
``file:line:col`` lines naming the trainer's files.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import atomic
from .. import cache as cached
from ..errors import UserError
from ..load.problems import display_path
from ..messages import say
from .search_index import ZENSICAL, write_search_index
from .zensical_config import OUTPUT, searching, write_config


def build_with_zensical(workspace_config: Path, site_dir: Path, *, strict: bool = True, docs: Path | None = None) -> list[str]:
    """Build the workspace with Zensical and publish it to ``site_dir``; Zensical's warnings, as ``file:line:col``.

    A failed build (Zensical's error, or a warning under ``strict``) leaves ``site_dir`` as it was. ``docs``: the
    trainer's docs folder, to name their file rather than the workspace's copy of it.
    """
    import zensical

    config = write_config(workspace_config)
    output = config.parent / OUTPUT
    with _captured() as printed, _link_scans_kept(cached.kept(workspace_config.parent, "zensical-links")):
        try:
            zensical.build(str(config.resolve()), {"clean": False, "strict": strict})
            failure = None
        except Exception as exc:  # noqa: BLE001 - Zensical raises RuntimeError and its own errors from Rust
            failure = exc
    warnings = diagnostics("".join(printed), workspace_config.parent / "docs", docs)
    if failure is not None:
        reason = str(failure)
        if "--strict" in reason:  # coursegen builds strictly by default: the trainer set no flag
            reason = say("build.error.warning_stops")
        details = "\n".join(f"  {m}" for m in [*warnings, reason])
        raise UserError(f"{say('build.error.zensical_failed', folder=f'{site_dir.name}/')}\n{details}") from failure
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        try:  # Zensical writes every page again on each build (its cache saves the rendering): moved, not copied
            os.rename(output, staging)  # over the empty folder mkdtemp made
        except OSError:  # the work folder on another file system
            shutil.copytree(output, staging, dirs_exist_ok=True)
        if (staging / ZENSICAL.path).is_file() or searching(config):
            write_search_index(staging, ZENSICAL, cache=cached.kept(workspace_config.parent, "search"))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    atomic.swap_folder(staging, site_dir)
    return warnings


def serve_with_zensical(workspace_config: Path, dev_addr: str) -> None:
    """Zensical's live preview of the workspace, until Ctrl-C: it rebuilds the pages that changed on disk.

    The caller keeps the workspace (and, through :func:`write_config`, ``zensical.yml``) in step with the course.
    """
    import zensical

    config = write_config(workspace_config, course_search=False)
    with _link_scans_kept(cached.kept(workspace_config.parent, "zensical-links"), serving=workspace_config.parent / "docs"):
        zensical.serve(str(config.resolve()), {"dev_addr": dev_addr, "open": False, "strict": False})


LINKS = "references"
"""Zensical's function (in ``zensical.collectors``) that scans a page's Markdown for its links, which its Rust core
looks up there for every page it builds."""


QUIET = 1.0
"""Seconds without a new scan after which the live preview keeps its scans on disk: Zensical's rebuild is over. (Its
preview ends the process on Ctrl-C from Rust, past any ``finally``, so they are kept while it serves.)"""


@contextmanager
def _link_scans_kept(kept: Path, *, serving: Path | None = None) -> Iterator[None]:
    """Zensical's scan of each page's Markdown for links, kept in ``kept`` by the page's bytes while it builds.

    Zensical caches a page's HTML, but scans every page for its links again on every build, byte by byte in Python:
    1.4 of its 1.7 CPU seconds in a build of an unchanged 200-lecture course (the handbook alone, 0.9 MB, 0.5 s).
    The scan's result depends on nothing but the bytes (:func:`_kept_scan`); a Zensical without that function
    builds as it is, and another Zensical version is another :func:`~coursegen.cache.fingerprint`.

    ``serving``: the docs folder Zensical's live preview watches. Its rebuilds scan the pages a save changed, and every
    page when the save changed the menu (Zensical then reloads its settings and starts over): the scans stay in memory
    for the whole session, those of the pages in ``serving`` only (a page is scanned as the bytes of its file), so
    hundreds of saves keep one scan per page; each rebuild's are kept in ``kept`` once it is over (:data:`QUIET`).
    """
    try:
        from zensical import collectors
    except ImportError:
        yield
        return
    scan = getattr(collectors, LINKS, None)
    if not callable(scan):
        yield
        return
    found = cached.read(kept)
    made: dict[str, object] = {} if serving is None else found  # a build keeps its own pages' scans; the preview, all
    lock = threading.Lock()

    def keep() -> None:  # the preview's memory is trimmed to the pages there are now, then written as it stands
        current = _page_keys(serving) if serving is not None else made.keys()  # a build asked for each; read unlocked
        with lock:
            for key in [k for k in made if k not in current]:
                del made[key]
            results = dict(made)
        cached.write(kept, results)

    scanned = _after_quiet(QUIET, keep) if serving is not None else None
    setattr(collectors, LINKS, _kept_scan(scan, found, made, lock, scanned))
    try:
        yield
    finally:
        setattr(collectors, LINKS, scan)
    if serving is None and made.keys() != found.keys():  # a page changed, came or went: keep this build's scans only
        keep()


def _kept_scan(scan: Callable[..., Any], found: dict[str, object], made: dict[str, object], lock: threading.Lock,
               scanned: Callable[[], None] | None) -> Callable[..., Any]:
    """``scan`` answered from ``found`` (by the content key of the Markdown's bytes) when it holds the page; every
    page's result goes to ``made``, under ``lock`` (Zensical calls from threads of its own), and ``scanned`` is called
    after a page ``found`` lacked. A call with more than the bytes goes to ``scan`` itself."""

    def kept_scan(markdown: object, *more: object, **options: object) -> Any:
        if more or options or not isinstance(markdown, bytes):
            return scan(markdown, *more, **options)
        key = cached.content_key(markdown)
        with lock:
            known = found.get(key)
        links = known if isinstance(known, list) else list(scan(markdown))  # outside the lock: pages side by side
        with lock:
            made[key] = links
        if links is not known and scanned is not None:
            scanned()
        return iter(links)

    return kept_scan


def _page_keys(docs: Path) -> set[str]:
    """The content keys of the Markdown pages in ``docs`` now; a page that vanished meanwhile is left out."""
    keys = set()
    for page in docs.rglob("*.md"):
        try:
            keys.add(cached.content_key(page.read_bytes()))
        except OSError:
            continue
    return keys


def _after_quiet(seconds: float, action: Callable[[], None]) -> Callable[[], None]:
    """A function that has ``action`` run once ``seconds`` have passed since it was last called. One thread waits, which
    does not keep the process alive; a call only wakes it (a first build calls once per page: hundreds of times)."""
    called = threading.Event()

    def wait() -> None:
        while True:
            called.wait()
            called.clear()
            while called.wait(seconds):  # called again meanwhile: the quiet starts over
                called.clear()
            action()

    threading.Thread(target=wait, name="coursegen-keep-link-scans", daemon=True).start()
    return called.set


@contextmanager
def _captured() -> Iterator[list[str]]:
    """What Zensical prints while it runs (its Rust core writes to the process's descriptors 1 and 2 directly,
    past ``sys.stdout``): the list gets it as one text for :func:`diagnostics` instead of the terminal."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    printed: list[str] = []
    with tempfile.TemporaryFile("w+b") as out:
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
        try:
            yield printed
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)
            out.seek(0)
            printed.append(out.read().decode("utf-8", errors="replace"))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_DIAGNOSTIC = re.compile(r"^(Warning|Error):\s*(.+?)\n(?:.*\n)*?.*?\[\s*(\S+?):(\d+):(\d+)\s*\]", re.MULTILINE)


def diagnostics(printed: str, workspace_docs: Path, docs: Path | None) -> list[str]:
    """Zensical's warnings as one line each, ``file:line:col: message``, naming the trainer's own file when the
    page is one of theirs (the workspace holds a copy), else the generated page."""
    text = _ANSI.sub("", printed)
    found = []
    for kind, message, path, line, col in _DIAGNOSTIC.findall(text):
        own = docs / path if docs is not None and (docs / path).is_file() else workspace_docs / path
        label = "" if kind == "Error" else say("problem.warning")
        found.append(f"{display_path(own)}:{line}:{col}: {label}{message}")
    return found
