"""The live preview's watcher outlives anything that happens in the folders it watches.

A watcher that stops silently is the worst failure of a live preview: the trainer's next edits never show,
and nothing says why. Each test waits for a change to be seen against a deadline, never for a fixed time.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from coursegen.builder.watch import Watcher

DEADLINE = 20.0
"""Far beyond the watcher's debounce and folder check (well under a second each)."""


class Runs:
    """The watcher's action: counts its runs; ``fail`` makes the next runs raise, as a buggy regeneration would."""

    def __init__(self) -> None:
        self.count = 0
        self.fail = False
        self._changed = threading.Condition()

    def __call__(self) -> None:
        with self._changed:
            self.count += 1
            self._changed.notify_all()
        if self.fail:
            raise RuntimeError("boom")

    def wait_beyond(self, count: int) -> bool:
        """Whether the action runs again after its ``count``-th run, before the deadline."""
        with self._changed:
            return self._changed.wait_for(lambda: self.count > count, timeout=DEADLINE)


@dataclass
class Watching:
    """A running watcher of ``course/`` and ``quizzes/`` in a temporary project, and what it did."""

    root: Path
    course: Path
    runs: Runs = field(default_factory=Runs)
    reports: list[str] = field(default_factory=list)


@pytest.fixture
def watching(tmp_path: Path) -> Iterator[Watching]:
    """Watches ``course/`` (holding a course.yml) and a ``quizzes/`` that does not exist yet; stopped after the test."""
    course = tmp_path / "course"
    course.mkdir()
    (course / "course.yml").write_text("id: a\n", encoding="utf-8")
    state = Watching(tmp_path, course)
    watcher = Watcher([course, tmp_path / "quizzes"], state.runs, ignore=tmp_path / ".coursegen", report=state.reports.append).start()
    try:
        yield state
    finally:
        watcher.stop()


def test_a_watched_folder_deleted_and_recreated_is_watched_again(watching: Watching) -> None:
    """inotify follows the deleted folder, not its path: the watching ended with the folder until it was re-watched."""
    runs, course = watching.runs, watching.course
    shutil.rmtree(course)
    assert runs.wait_beyond(0), "deleting the folder was not a change"
    course.mkdir()
    seen = runs.count
    assert runs.wait_beyond(seen), "the re-created folder was not regenerated for"
    seen = runs.count
    (course / "course.yml").write_text("id: b\n", encoding="utf-8")
    assert runs.wait_beyond(seen), "an edit in the re-created folder was never seen"


def test_a_folder_replaced_by_a_rename_is_watched_at_its_path(watching: Watching) -> None:
    """``mv course old; mv new course``: the old watch would keep following ``old``."""
    runs, course = watching.runs, watching.course
    fresh = watching.root / "fresh"
    fresh.mkdir()
    course.rename(watching.root / "old")
    fresh.rename(course)
    assert runs.wait_beyond(0)
    seen = runs.count
    (course / "course.yml").write_text("id: c\n", encoding="utf-8")
    assert runs.wait_beyond(seen), "an edit in the folder now at the watched path was never seen"


def test_a_folder_that_appears_later_is_watched(watching: Watching) -> None:
    runs = watching.runs
    quizzes = watching.root / "quizzes"
    quizzes.mkdir()
    assert runs.wait_beyond(0), "a new quizzes folder was not regenerated for"
    seen = runs.count
    (quizzes / "bank.yml").write_text("id: q\n", encoding="utf-8")
    assert runs.wait_beyond(seen), "an edit in the new folder was never seen"


def test_an_action_that_raises_is_reported_and_runs_again_on_the_next_change(watching: Watching) -> None:
    runs, course = watching.runs, watching.course
    runs.fail = True
    (course / "course.yml").write_text("id: d\n", encoding="utf-8")
    assert runs.wait_beyond(0)
    runs.fail = False
    seen = runs.count
    (course / "course.yml").write_text("id: e\n", encoding="utf-8")
    assert runs.wait_beyond(seen), "the watcher stopped after an action raised"
    assert any("RuntimeError: boom" in line for line in watching.reports), watching.reports


def test_an_unreadable_entry_and_a_symlink_loop_are_changes_like_any_other(watching: Watching) -> None:
    """A directory named like a course file and a link that leads to itself cannot be read: the watching goes on."""
    runs, course = watching.runs, watching.course
    (course / "lecture.yml").mkdir()
    (course / "loop.yml").symlink_to("loop.yml")
    assert runs.wait_beyond(0)
    seen = runs.count
    (course / "course.yml").write_text("id: f\n", encoding="utf-8")
    assert runs.wait_beyond(seen)


def test_now_runs_at_once_and_takes_over_the_burst_being_waited_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The studio's own save needs no debounce: ``now`` runs the action without the burst's wait, and the burst's
    pending run is dropped (the run reads every file as it is now). A debounce of an hour shows the run did not wait."""
    monkeypatch.setattr("coursegen.builder.watch.DEBOUNCE_SECONDS", 3600.0)
    runs = Runs()
    watcher = Watcher([tmp_path], runs, ignore=tmp_path / ".coursegen")
    watcher.handler.trigger()  # a burst of changes, its run an hour away
    pending = watcher.handler.timer
    assert pending is not None
    watcher.now()
    assert runs.wait_beyond(0), "now() did not run the action"
    assert pending.finished.is_set() and watcher.handler.timer is None, "the burst's own run is still to come"


def test_a_run_that_would_read_nothing_new_is_skipped_unless_the_last_one_failed(tmp_path: Path) -> None:
    """The events of the studio's save arrive after ``now`` has run for it: the run they start finds the folders as the
    last run did and is skipped. Runs are called directly here (``_run`` is what the debounce timer and ``now`` call)."""
    course = tmp_path / "course"
    course.mkdir()
    (course / "course.yml").write_text("id: a\n", encoding="utf-8")
    runs = Runs()
    watcher = Watcher([course, tmp_path / "quizzes"], runs, ignore=tmp_path / ".coursegen")
    watcher._run()
    watcher._run()
    assert runs.count == 1, "a run with nothing new regenerated again"
    (course / "course.yml").write_text("id: b\n", encoding="utf-8")
    watcher._run()
    assert runs.count == 2
    (tmp_path / "quizzes").mkdir()  # an empty folder that appears is a change
    watcher._run()
    assert runs.count == 3
    runs.fail = True
    (course / "course.yml").write_text("id: c\n", encoding="utf-8")
    watcher._run()
    runs.fail = False
    watcher._run()
    assert runs.count == 5, "after a run that raised, the same files were not read again"
