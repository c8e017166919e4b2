"""Which clock says when a file was handed in, and whether the file's own time agrees with it.

A submission file carries the time the trainee's browser wrote into it (``updated_at``): the trainee's
computer's clock, which anyone can set back, and a back-dated file with its checksum recomputed is as
well-formed as any other. Where the file came through a channel with a clock of its own, that clock is
used instead: for mail, the receiving mail server's ``Received:`` stamp; for a file posted to the
course's form service, the time the service wrote into the envelope it stored the file in
(``received_at``, see docs/hr-guide.md), when the envelope's seal holds (see :mod:`.seal`). The file's own time is then only compared with it, and a file
that claims to be newer than its arrival, or much older, is flagged for HR to look at (it does not
change the status: lateness follows the channel's clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum

from ..messages import say

LATER_TOLERANCE = timedelta(minutes=5)
"""A file may claim to be this much newer than its arrival before it is flagged: office clocks drift a little."""
EARLIER_LIMIT = timedelta(hours=24)
"""A file made more than this long before it arrived is flagged: a back-dated file, or one sent days after it was finished."""


class Clock(str, Enum):
    """Whose clock a hand-in time comes from; the value is the stable code written to CSV."""

    MAIL_SERVER = "mail_server"
    """The receiving mail server's ``Received:`` stamp (or, for Outlook files, the store's delivery time)."""
    MAIL_DATE = "mail_date"
    """The mail's ``Date:`` header: written by the sender's mail program, so the sender's computer's clock."""
    FORM_SERVICE = "form_service"
    """The form service's receive time: the envelope's ``received_at``, written by the server the file was posted to."""
    TRAINEE = "trainee_computer"
    """The time inside the submission file: the trainee's browser, on the trainee's computer."""
    LRS = "lrs"
    """The Learning Record Store's ``stored`` time: set by the LRS when the statement arrived (see :mod:`.lrs`)."""

    @property
    def label(self) -> str:
        """Whose clock, as HR reads it (邮件服务器, 学员电脑), in this run's language; the value is the code CSV files carry."""
        return say("hr.lrs.clock") if self is Clock.LRS else say(f"hr.clock.{self.value}")

    @property
    def trusted(self) -> bool:
        """Whether the trainee cannot set this clock."""
        return self in (Clock.MAIL_SERVER, Clock.FORM_SERVICE, Clock.LRS)


@dataclass(frozen=True)
class Channel:
    """How a file reached HR, when the channel says it did, and who sent it: shared by every attachment of one mail."""

    clock: Clock
    at: datetime | None
    """The channel's time, aware; ``None`` when it has none that could be read (the file's own time is used)."""
    sender: str = ""
    """Who sent it, as the mail says (``张三 <zhangsan@example.com>``)."""


@dataclass(frozen=True)
class Timing:
    """When one file counts as handed in, by which clock, and what HR should know about the file's own time."""

    at: datetime
    clock: Clock
    own_at: datetime
    """The time the file itself carries."""
    sender: str = ""
    warning: str = ""
    """Empty, or why the file's own time does not fit the channel's."""


def timing(own_at: datetime, channel: Channel | None, declared: datetime | None = None, doubts: tuple[str, ...] = ()) -> Timing:
    """The hand-in time of a file whose own time is ``own_at``: the channel's, where it has one.

    ``declared``: a time the file's sender wrote beside it (an envelope whose seal does not hold). Without a
    channel's clock the file counts from the later of the two, never the earlier: neither can be proved.
    ``doubts``: what is already known to be wrong with the file's times, shown with the rest.
    """
    sender = channel.sender if channel is not None else ""
    if channel is None or channel.at is None:
        at = own_at if declared is None else max(own_at, declared)
        return Timing(at, Clock.TRAINEE, own_at, sender, joined(*doubts))
    return Timing(channel.at, channel.clock, own_at, sender, joined(*doubts, check(own_at, channel.at, channel.clock)))


def joined(*warnings: str) -> str:
    """Several reasons a time is in doubt, as one text (empty ones left out)."""
    return say("hr.time.separator").join(w for w in warnings if w)


def check(own_at: datetime, at: datetime, clock: Clock) -> str:
    """Why a file's own time does not fit the time it arrived by ``clock``, or ``""`` when it does."""
    if own_at - at > LATER_TOLERANCE:
        return say("hr.time.later", clock=clock.label, span=span(own_at - at))
    if at - own_at > EARLIER_LIMIT:
        return say("hr.time.earlier", clock=clock.label, span=span(at - own_at))
    return ""


def span(delta: timedelta) -> str:
    """A duration as HR says it: ``2天3小时``, ``5小时10分钟``, ``25分钟`` (whole minutes, at least 1), in this run's language."""
    minutes = max(1, delta // timedelta(minutes=1))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return say("hr.span.days_hours", days=days, hours=hours) if hours else say("hr.span.days", days=days)
    if hours:
        return say("hr.span.hours_minutes", hours=hours, minutes=mins) if mins else say("hr.span.hours", hours=hours)
    return say("hr.span.minutes", minutes=mins)


def aware(when: datetime) -> datetime:
    """A time from a header with no zone (``-0000``: "zone unknown") is taken as UTC, as RFC 5322 says to."""
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)
