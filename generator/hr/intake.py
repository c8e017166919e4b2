"""Sort every file under the submissions folder into exactly one bucket.

The buckets are accepted, superseded (an older version of a file the same trainee sent again
for the same form: the newest ``updated_at`` is kept) and rejected with a reason. The first
version a trainee sent is remembered, because lateness is judged on when homework first came in,
not on a correction sent afterwards. When a version came in is read from the best clock it has
(see :mod:`.timing`): the form service's for a file in its envelope, the mail server's for a file that
came by mail, the file's own otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..messages import say
from ..model.project import Project
from .buckets import Bucket, Limits, Reason, Rejected
from .check import Matcher, Parsed, Received
from .pool import parse_all
from .roster import Roster
from .sources import Found, walk
from .timing import Channel, Clock, Timing, timing


@dataclass
class Entry:
    """One input file and what became of it."""

    source: str
    size: int | None
    bucket: Bucket
    reason: Reason | None = None
    detail: str = ""
    received: Received | None = None
    channel: Channel | None = None
    """How the file reached HR, when it came by mail (rejected files included: HR sees who sent them)."""
    timing: Timing | None = None
    """When a genuine file counts as handed in, by which clock."""


@dataclass
class Handed:
    """What one trainee handed in for one form: the version kept and when the first version came."""

    entry: Entry
    received: Received
    first_at: datetime
    first: Timing
    """The first version's timing: the one lateness is judged on."""


@dataclass
class Intake:
    entries: list[Entry]
    """Every input file, in the order found."""
    handed: dict[tuple[str, str], Handed] = field(default_factory=dict)
    """(employee id, form id) → what was handed in."""

    def count(self, bucket: Bucket) -> int:
        return sum(e.bucket is bucket for e in self.entries)


def collect(folder: Path, project: Project, roster: Roster, limits: Limits | None = None, workers: int | None = None) -> Intake:
    """Read, check and sort every file under ``folder``; ``workers`` defaults to every available core."""
    limits = limits or Limits()
    matcher = Matcher(project, roster)
    entries = [_examine(found, outcome, matcher) for found, outcome in parse_all(walk(folder, limits), limits, workers)]
    return Intake(entries, _keep_newest(entries))


def _examine(found: Found, outcome: Parsed | Rejected, matcher: Matcher) -> Entry:
    if isinstance(outcome, Parsed):
        try:
            received = matcher.match(outcome)
        except Rejected as rejected:
            outcome = rejected
        else:
            channel = found.channel if outcome.service_at is None else Channel(Clock.FORM_SERVICE, outcome.service_at, _sender(found.channel))
            when = timing(received.updated_at, channel)
            return Entry(found.source, found.size, Bucket.ACCEPTED, detail=received.note, received=received, channel=channel, timing=when)
    return _rejected(found, outcome)


def _sender(channel: Channel | None) -> str:
    """Who forwarded a form service's envelope by mail (the service's own time still rules), if anyone."""
    return channel.sender if channel is not None else ""


def _rejected(found: Found, rejected: Rejected) -> Entry:
    return Entry(found.source, found.size, Bucket.REJECTED, rejected.reason, rejected.detail, channel=found.channel)


def _keep_newest(entries: list[Entry]) -> dict[tuple[str, str], Handed]:
    """Mark all but the newest version of each (trainee, form) as superseded."""
    groups: dict[tuple[str, str], list[tuple[Entry, Received, Timing]]] = {}
    for entry in entries:
        if entry.received is not None and entry.timing is not None:
            groups.setdefault((entry.received.trainee.employee_id, entry.received.form.id), []).append((entry, entry.received, entry.timing))
    handed: dict[tuple[str, str], Handed] = {}
    for key, versions in groups.items():
        kept, newest, _ = max(versions, key=lambda version: version[1].updated_at)  # of equally new copies, the first found
        for older, received, _ in versions:
            if older is not kept:
                older.bucket = Bucket.SUPERSEDED
                older.detail = _superseded_detail(received, kept.source, newest)
        first = min((when for _, _, when in versions), key=lambda when: when.at)  # of equally early ones, the first found
        handed[key] = Handed(kept, newest, first.at, first)
    return handed


def _superseded_detail(older: Received, kept_source: str, kept: Received) -> str:
    if older.sha256 == kept.sha256:
        return say("hr.note.same_content", kept=kept_source)
    if older.updated_at == kept.updated_at:
        return say("hr.note.same_time", kept=kept_source)
    return say("hr.note.newer", kept=kept_source, at=f"{kept.updated_at:%Y-%m-%d %H:%M}")
