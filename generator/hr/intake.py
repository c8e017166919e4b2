"""Sort every file under the submissions folder into exactly one bucket.

The buckets are accepted, superseded (an older version of a file the same trainee sent again
for the same form: the newest ``updated_at`` is kept) and rejected with a reason. The first
version a trainee sent is remembered, because lateness is judged on when homework first came in,
not on a correction sent afterwards. When a version came in is read from the best clock it has
(see :mod:`.timing`): the form service's for a file in an envelope whose seal holds (see :mod:`.seal`),
the mail server's for a file that came by mail, the file's own otherwise.

A time that rests on the trainee's clock alone never beats a channel's: when some version of a form came
by a clock the trainee cannot set, a version the trainee's clock puts earlier is not taken as the first,
and is flagged. Nor is a version whose times contradict themselves or another copy (a copy holding the
same answers as a later one, yet claiming to be older; edited before it was created): such doubts are
shown to HR beside the trainee's status, and never resolved in the trainee's favour.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..messages import say
from ..model.project import Project
from .buckets import Bucket, Limits, Reason, Rejected
from .check import Anonymous, Matcher, Parsed, Received
from .lrs import LrsSource, found as lrs_found
from .pool import parse_all
from .roster import Roster
from .sources import Found, walk_all
from .seal import check as check_seal
from .timing import LATER_TOLERANCE, Channel, Clock, Timing, joined, timing


@dataclass
class Entry:
    """One input file and what became of it."""

    source: str
    size: int | None
    bucket: Bucket
    reason: Reason | None = None
    detail: str = ""
    received: Received | None = None
    anonymous: Anonymous | None = None
    """An anonymous survey's evaluation: counted in the class's totals only, never as anyone's hand-in."""
    channel: Channel | None = None
    """How the file reached HR, when it came by mail (rejected files included: HR sees who sent them)."""
    timing: Timing | None = None
    """When a genuine file counts as handed in, by which clock."""
    unchecked: bool = False
    """A form service's envelope the report had no key to check (``--service-key``): its time counted as the trainee's."""
    claimed: tuple[str, str] | None = None
    """A rejected file's (roster employee id, form id), when it names a trainee on the roster and a form of the course."""


@dataclass
class Handed:
    """What one trainee handed in for one form: the version kept and when the first version came."""

    entry: Entry
    received: Received
    first_at: datetime
    first: Timing
    """The first version's timing: the one lateness is judged on."""
    doubts: str = ""
    """Why other versions' times were not believed (empty when every version's were)."""


@dataclass
class Intake:
    entries: list[Entry]
    """Every input file, in the order found."""
    handed: dict[tuple[str, str], Handed] = field(default_factory=dict)
    """(employee id, form id) → what was handed in."""
    problems: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    """(employee id, form id) → the rejected files that name that trainee and form (提交有问题 when nothing valid came)."""
    anonymous: dict[str, list[Anonymous]] = field(default_factory=dict)
    """Form id → the anonymous evaluations of that survey, each file once (a copy of one already counted is superseded)."""

    def count(self, bucket: Bucket) -> int:
        return sum(e.bucket is bucket for e in self.entries)


def collect(
    folders: Sequence[Path], project: Project, roster: Roster, limits: Limits | None = None, workers: int | None = None, service_key: bytes | None = None,
    answers: bool = False, lrs: LrsSource | None = None,
) -> Intake:
    """Read, check and sort every file under each of ``folders`` (see :func:`.sources.walk_all`), then every submit
    statement in ``lrs`` (see :mod:`.lrs`), the two merged as two folders are; ``workers`` defaults to every available core;
    ``service_key`` checks the form service's seals (without it no envelope is the service's word);
    ``answers`` keeps homework answers (for the grading workbook), which are otherwise dropped."""
    limits = limits or Limits()
    matcher = Matcher(project, roster)
    found = walk_all(folders, limits, labelled=lrs is not None)
    if lrs is not None:
        found = chain(found, lrs_found(lrs))
    entries = [_examine(item, outcome, matcher, service_key) for item, outcome in parse_all(found, limits, workers, answers=answers)]
    problems: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        if entry.claimed is not None:
            problems.setdefault(entry.claimed, []).append(entry)
    return Intake(entries, _keep_newest(entries), problems, _count_once(entries))


def _examine(found: Found, outcome: Parsed | Rejected, matcher: Matcher, key: bytes | None = None) -> Entry:
    if isinstance(outcome, Parsed):
        try:
            received = matcher.match(outcome)
        except Rejected as rejected:
            outcome = rejected
        else:
            if isinstance(received, Anonymous):
                return Entry(found.source, found.size, Bucket.ACCEPTED, detail=received.note or say("hr.anonymous.entry"), anonymous=received,
                             channel=found.channel)
            channel, declared, doubts = _channel(found, outcome, key)
            if outcome.created_at is not None and outcome.updated_at < outcome.created_at:
                doubts.append(say("hr.time.edited_before_created", created=_at(outcome.created_at), updated=_at(outcome.updated_at)))
            when = timing(received.updated_at, channel, declared, tuple(doubts))
            return Entry(found.source, found.size, Bucket.ACCEPTED, detail=received.note, received=received, channel=channel, timing=when,
                         unchecked=outcome.envelope is not None and key is None)
    return _rejected(found, outcome, matcher.claimed(outcome.claim))


def _channel(found: Found, parsed: Parsed, key: bytes | None) -> tuple[Channel | None, datetime | None, list[str]]:
    """The channel a file counts by, a time its sender declared beside it that no channel vouches for, and what is doubtful about it.

    An envelope whose seal holds is the form service's word, even forwarded by mail. One whose seal does not
    is the trainee's own file: the mail it came in (if any) is its channel, its ``received_at`` only a claim.
    """
    envelope = parsed.envelope
    if envelope is None:
        return found.channel, None, []
    unsealed = check_seal(envelope.content, envelope.seal, key)
    if unsealed is None:
        return Channel(Clock.FORM_SERVICE, envelope.at, _sender(found.channel)), None, []
    doubts = [say(f"hr.seal.{unsealed.value}", at=_at(envelope.at))]
    channel = found.channel
    if channel is not None and channel.at is not None and channel.clock.trusted and envelope.at - channel.at > LATER_TOLERANCE:
        doubts.append(say("hr.time.declared_later", at=_at(envelope.at), clock=channel.clock.label, channel_at=_at(channel.at)))
    return channel, envelope.at, doubts


def _at(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M %z}"


def _sender(channel: Channel | None) -> str:
    """Who forwarded a form service's envelope by mail (the service's own time still rules), if anyone."""
    return channel.sender if channel is not None else ""


def _rejected(found: Found, rejected: Rejected, claimed: tuple[str, str] | None = None) -> Entry:
    return Entry(found.source, found.size, Bucket.REJECTED, rejected.reason, rejected.detail, channel=found.channel, claimed=claimed)


def _count_once(entries: list[Entry]) -> dict[str, list[Anonymous]]:
    """Each anonymous evaluation once: a second copy of the same file (same checksum, e.g. mailed and also left in
    a folder) is superseded. Two evaluations that happen to say the same are two people's, and both count."""
    counted: dict[str, list[Anonymous]] = {}
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.anonymous is None:
            continue
        if (kept := seen.get(entry.anonymous.sha256)) is not None:
            entry.bucket = Bucket.SUPERSEDED
            entry.detail = say("hr.note.same_content", kept=kept)
            continue
        seen[entry.anonymous.sha256] = entry.source
        counted.setdefault(entry.anonymous.form.id, []).append(entry.anonymous)
    return counted


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
        first, doubts = _first(versions)
        handed[key] = Handed(kept, newest, first.at, first, doubts)
    return handed


def _first(versions: list[tuple[Entry, Received, Timing]]) -> tuple[Timing, str]:
    """The timing lateness is judged on, and why other versions' times were not believed.

    Believed are the versions with nothing against them: a version timed by the trainee's clock alone is not
    believed when another copy holds the same answers with a later time of its own (an "earlier" copy of a
    later revision), nor when it claims to be earlier than the earliest version a clock the trainee cannot set timed. Of those, the earliest counts;
    if none is left, the latest version's does (nothing doubtful is settled in the trainee's favour).
    """
    doubts: list[str] = []
    doubtful: set[int] = set()
    for index, (entry, received, when) in enumerate(versions):
        for other_entry, other, other_when in versions:
            if when.clock.trusted:
                break  # an arrival the trainee cannot date needs no other copy to vouch for it
            if other is not received and other.content == received.content and other.updated_at > received.updated_at and other_when.at > when.at:
                doubtful.add(index)
                doubts.append(say("hr.time.same_content_later", source=entry.source, kept=other_entry.source, at=_at(other.updated_at)))
                break
    trusted = [when.at for i, (_, _, when) in enumerate(versions) if when.clock.trusted and i not in doubtful]
    if trusted:
        proved = min(trusted)
        for index, (entry, _, when) in enumerate(versions):
            if not when.clock.trusted and when.at < proved and index not in doubtful:
                doubtful.add(index)
                doubts.append(say("hr.time.self_earlier", source=entry.source, at=_at(when.at), clock=_clock_of(versions, proved), channel_at=_at(proved)))
    believed = [when for i, (_, _, when) in enumerate(versions) if i not in doubtful]
    if believed:
        first = min(believed, key=lambda when: when.at)  # of equally early ones, the first found
    else:
        first = max((when for _, _, when in versions), key=lambda when: when.at)
    for entry, _, when in versions:
        if when is not first and when.warning and entry.timing is not None:
            doubts.append(say("hr.time.other_copy", source=entry.source, warning=when.warning))
    return first, joined(*doubts)


def _clock_of(versions: list[tuple[Entry, Received, Timing]], at: datetime) -> str:
    return next(when.clock.label for _, _, when in versions if when.clock.trusted and when.at == at)


def _superseded_detail(older: Received, kept_source: str, kept: Received) -> str:
    if older.sha256 == kept.sha256:
        return say("hr.note.same_content", kept=kept_source)
    if older.updated_at == kept.updated_at:
        return say("hr.note.same_time", kept=kept_source)
    return say("hr.note.newer", kept=kept_source, at=f"{kept.updated_at:%Y-%m-%d %H:%M}")
