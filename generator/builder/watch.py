"""Regenerate the workspace whenever a course file changes, for ``coursegen serve``.

MkDocs' own server watches the generated docs folder; this watcher keeps that folder in step with
the YAML. A broken edit prints its errors and leaves the last good pages being served; nothing that
appears in the watched folders (a symlink loop, a file that vanishes mid-read) stops the watching.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

DEBOUNCE_SECONDS = 0.15
"""Editors save in bursts (temp file, rename, chmod): wait for the burst to end, regenerate once."""


class _Debounced(FileSystemEventHandler):
    def __init__(self, action: Callable[[], None], ignore: Path) -> None:
        self.action = action
        self.ignore = ignore.resolve()
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        try:
            if Path(str(event.src_path)).resolve().is_relative_to(self.ignore):
                return
        except (OSError, RuntimeError):  # a symlink loop cannot be resolved: it is not ours to ignore
            pass
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(DEBOUNCE_SECONDS, self.action)
            self.timer.daemon = True
            self.timer.start()


def watch(folders: list[Path], action: Callable[[], None], ignore: Path) -> Observer:
    """Start watching ``folders`` (recursively); ``action`` runs after each burst of changes."""
    observer = Observer()
    handler = _Debounced(action, ignore)
    for folder in folders:
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.daemon = True
    observer.start()
    return observer
