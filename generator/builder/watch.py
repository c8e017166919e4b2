"""Regenerate the workspace whenever a course file changes, for ``coursegen serve``.

MkDocs' own server watches the generated docs folder; this watcher keeps that folder in step with
the YAML. Nothing that happens in the watched folders may stop the watching, because a trainer only
notices a dead watcher when an edit never shows, and then distrusts every edit after it:

* an event the handler cannot make sense of (a symlink loop, a file that vanishes mid-read) is a change
  like any other;
* an action that raises is reported and the next change runs it again;
* a watched folder deleted and re-created (a ``git checkout``, a sync tool, an editor replacing the
  folder) is a new folder that inotify does not follow: a check every :data:`CHECK_SECONDS` watches it
  again, and so a folder that did not exist when the preview started, and regenerates for it.

A change whose writer knows it is complete (the studio's own save: one file renamed into place) need not wait for
the burst to end: :meth:`Watcher.now` runs the action at once. The events of that write may reach the watcher a
moment later; a run whose folders hold exactly what they held when the last run that succeeded began (every file and
folder by path, size, modification and change time, inode: what a polling watcher compares) is skipped, so they do
not regenerate the course a second time beside the engine's rebuild. A run that raised is never the one compared with.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from ..messages import say

DEBOUNCE_SECONDS = 0.15
"""Editors save in bursts (temp file, rename, chmod): wait for the burst to end, regenerate once."""
CHECK_SECONDS = 0.5
"""How often the watcher checks that every folder is still watched: a stat per folder, nothing more."""

Identity = tuple[int, int]
"""A folder's device and inode: a folder re-created at the same path is a different one."""
Fingerprint = dict[str, tuple[int, int, int, int]]
"""Every file and folder below the watched folders → (size, modification ns, change ns, inode)."""


class _Debounced(FileSystemEventHandler):
    def __init__(self, action: Callable[[], None], ignore: Path) -> None:
        self.action = action
        self.ignore = ignore.resolve()
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        # The observer's only thread runs this: an exception here would end all watching, silently.
        try:
            if event.event_type in ("opened", "closed_no_write") or self._ignored(event):
                return
            self.trigger()
        except Exception:  # noqa: BLE001 - a change we cannot read is still a change
            self.trigger()

    def _ignored(self, event: FileSystemEvent) -> bool:
        try:
            return Path(os.fsdecode(event.src_path)).resolve().is_relative_to(self.ignore)
        except (OSError, RuntimeError):  # a symlink loop cannot be resolved: it is not ours to ignore
            return False

    def trigger(self) -> None:
        """Run the action once the current burst of changes is over."""
        with self.lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(DEBOUNCE_SECONDS, self.action)
            self.timer.daemon = True
            self.timer.start()

    def cancel(self) -> None:
        """Forget the burst being waited for: a run starting now reads its changes."""
        with self.lock:
            if self.timer:
                self.timer.cancel()
                self.timer = None


class Watcher:
    """Watches folders recursively and runs ``action`` after each burst of changes, one run at a time.

    ``report`` gets a line for whatever goes wrong in the watching itself (the action reports its own).
    """

    def __init__(self, folders: list[Path], action: Callable[[], None], ignore: Path,
                 report: Callable[[str], None] = lambda _: None) -> None:
        self.folders = list(folders)
        self.action = action
        self.report = report
        self.observer = Observer()
        self.observer.daemon = True
        self.handler = _Debounced(self._run, ignore)
        self._watches: dict[Path, tuple[ObservedWatch, Identity]] = {}
        self._running = threading.Lock()
        self._last: Fingerprint | None = None
        """The folders as they were when the last run that succeeded began."""
        self._stopped = threading.Event()
        self._checker = threading.Thread(target=self._check_loop, name="coursegen-watch-check", daemon=True)

    def start(self) -> Watcher:
        self.observer.start()
        self.check()  # only starts watching: the course was generated just before
        self._checker.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self.observer.stop()

    def now(self) -> None:
        """Run the action at once, on a thread of its own, for a change known to be complete (:mod:`this module <.watch>`).

        A burst still being waited for is included: the run reads every file as it is now, so its timer is dropped.
        """
        self.handler.cancel()
        threading.Thread(target=self._run, name="coursegen-watch-now", daemon=True).start()

    def _run(self) -> None:
        # Timers of two bursts may overlap with a slow regeneration: the second waits for the first.
        with self._running:
            now = _fingerprint(self.folders)
            if now == self._last:
                return  # the events of a change an earlier run already read (:meth:`now`)
            self._last = None
            try:
                self.action()
            except Exception as exc:  # noqa: BLE001 - the next change must run it again
                self.report(say("build.serve.failed", error=f"{type(exc).__name__}: {exc}"))
                return
            self._last = now

    def _check_loop(self) -> None:
        while not self._stopped.wait(CHECK_SECONDS):
            try:
                if self.check():
                    self.handler.trigger()
            except Exception as exc:  # noqa: BLE001 - keep checking
                self.report(say("build.serve.watch_failed", error=f"{type(exc).__name__}: {exc}"))

    def check(self) -> bool:
        """Watch every folder as it is now; whether any folder was (re-)watched or dropped since the last check."""
        alive = {emitter.watch for emitter in list(self.observer.emitters) if emitter.is_alive()}
        changed = False
        for folder in self.folders:
            identity = _identity(folder)
            current = self._watches.get(folder)
            if current is not None and (current[1] != identity or current[0] not in alive):
                del self._watches[folder]
                self._unschedule(current[0])
                changed = True
            if identity is not None and folder not in self._watches:
                try:
                    watch = self.observer.schedule(self.handler, str(folder), recursive=True)
                except OSError as exc:  # e.g. out of inotify watches: say so, and try again at the next check
                    self.report(say("build.serve.cannot_watch", folder=folder, error=exc))
                    continue
                self._watches[folder] = (watch, identity)
                changed = True
        return changed

    def _unschedule(self, watch: ObservedWatch) -> None:
        try:
            self.observer.unschedule(watch)
        except (KeyError, OSError, RuntimeError):  # already gone with its folder
            pass


def _fingerprint(folders: list[Path]) -> Fingerprint:
    """What the folders hold now, by :data:`Fingerprint`; links are not followed, unreadable entries left out."""
    found: Fingerprint = {}
    todo = [str(f) for f in folders]
    while todo:
        top = todo.pop()
        try:
            with os.scandir(top) as entries:
                listed = list(entries)
            info = os.stat(top)
            found[top] = (-1, 0, 0, info.st_ino)  # a folder that exists, empty or not, is not one that does not
        except OSError:
            continue
        for entry in listed:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found[entry.path] = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
            if stat.S_ISDIR(info.st_mode):
                todo.append(entry.path)
    return found


def _identity(folder: Path) -> Identity | None:
    """``None`` for a folder that is not there (or not a folder) now."""
    try:
        info = folder.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else None


def watch(folders: list[Path], action: Callable[[], None], ignore: Path,
          report: Callable[[str], None] = lambda _: None) -> Watcher:
    """Start watching ``folders`` (recursively); ``action`` runs after each burst of changes."""
    return Watcher(folders, action, ignore, report).start()
