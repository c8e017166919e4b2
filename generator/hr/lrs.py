"""Hand-ins read from a Learning Record Store: the course's submit statements, each taken as one submission file.

The course site sends a ``submit`` statement for every homework or evaluation handed in (see the xAPI contract in
docs/hr-guide.md); its result extension ``{base}/xapi/submission`` holds the submission object exactly as the
hand-in file's JSON. This module pages through those statements (``more`` links, a few hundred statements a
request, one page in memory at a time) and turns each into a :class:`.sources.Found`, so the intake checks it
exactly like a file (format, checksum, course, form, roster) and merges it with any folders of the same run.

Which clock: the statement's ``stored``, which the LRS sets when the statement arrives and overwrites whatever a
sender wrote there (xAPI 1.0.3, 2.4.8). A trainee can make a statement say anything else, but cannot make it arrive
earlier, so ``stored`` proves lateness as the form service's sealed clock does. Who: the actor. Without a cmi5 launch
the site fills it with what the trainee typed and marks the statement self-reported; such an identity is shown as
自报, like a self-reported time. The actor's 工号 must agree with the submission's own trainee block, or the
statement is rejected: otherwise one trainee could hand in under another's name while their own name shows.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode, urljoin, urlsplit
from urllib.request import Request, urlopen

from ..errors import UserError
from ..messages import say
from ..model.lrs import VERBS, VERSION, Lrs
from .buckets import Reason, Rejected
from .check import claim_of
from .sources import Found
from .timing import Channel, Clock

AUTH_ENV = "COURSEGEN_LRS_AUTH"
"""The environment variable that holds the LRS credentials when no ``--lrs-credentials`` file is given."""
PAGE = 500
"""Statements asked for per request (an LRS may answer with fewer: Ralph's default cap is 100)."""
TIMEOUT = 60
"""Seconds to wait for one page of statements before saying the LRS does not answer."""


class LrsError(UserError):
    """The LRS could not be read (unreachable, credentials refused, an answer that is not xAPI): nothing is written."""


@dataclass(frozen=True)
class LrsSource:
    """Where HR reads the course's statements, with what credentials, and the course's IRIs to ask for."""

    endpoint: str
    """The xAPI endpoint, ending in ``/`` (the LRS's own address: HR may read past the relay the site posts to)."""
    authorization: str
    """The ``Authorization`` header value; never printed."""
    lrs: Lrs
    """The course's ``lrs`` setting: its activity id and extension IRIs, the same ones the site sent with."""
    page: int = PAGE

    @property
    def label(self) -> str:
        """What each statement's source starts with in every output, as a folder's name does for its files (``LRS（host）``)."""
        return say("hr.lrs.source", host=urlsplit(self.endpoint).netloc)

    def query(self, *, filtered: bool, limit: int | None = None) -> str:
        """The statements address: the course's submit statements (``filtered``), or every statement, oldest first."""
        query: dict[str, object] = {"activity": self.lrs.base, "related_activities": "true", "verb": VERBS["submit"]} if filtered else {}
        query.update(limit=limit or self.page, ascending="true")
        return urljoin(self.endpoint, "statements") + "?" + urlencode(query)

    def ours(self, statement: dict[str, Any]) -> bool:
        """Whether a statement is a submit statement about this course (its object or a context activity is the course's)."""
        verb = statement.get("verb")
        if not isinstance(verb, dict) or verb.get("id") != VERBS["submit"]:
            return False
        context = statement.get("context")
        related = context.get("contextActivities") if isinstance(context, dict) else None
        activities = [statement.get("object")]
        if isinstance(related, dict):
            for group in related.values():
                activities += group if isinstance(group, list) else [group]
        prefix = self.lrs.base + "/"
        return any(isinstance(a, dict) and isinstance(a.get("id"), str) and (a["id"] == self.lrs.base or a["id"].startswith(prefix)) for a in activities)


def source(url: str, credentials: Path | None, lrs: Lrs | None, environ: Mapping[str, str] = os.environ) -> LrsSource:
    """The LRS to read, checked before anything is fetched: an address without secrets, credentials, a course that has ``lrs``."""
    if lrs is None:
        raise LrsError(say("hr.lrs.no_setting"))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsError(say("hr.lrs.bad_url", url=url))
    if parts.username or parts.password:
        raise LrsError(say("hr.lrs.secret_in_url", env=AUTH_ENV))
    return LrsSource(url if url.endswith("/") else url + "/", authorization(_secret(credentials, environ)), lrs)


def _secret(path: Path | None, environ: Mapping[str, str]) -> str:
    if path is None:
        secret = environ.get(AUTH_ENV, "").strip()
        if not secret:
            raise LrsError(say("hr.lrs.no_credentials", env=AUTH_ENV))
        return secret
    try:
        secret = path.read_text(encoding="utf-8-sig").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise LrsError(say("hr.lrs.credentials_unreadable", path=path, reason=getattr(exc, "strerror", None) or exc)) from exc
    if not secret:
        raise LrsError(say("hr.lrs.credentials_empty", path=path))
    return secret


def authorization(secret: str) -> str:
    """The header for what HR was given: ``user:password`` (Basic), a whole ``Basic …``/``Bearer …`` value, or a bare token (Bearer)."""
    if secret.startswith(("Basic ", "Bearer ")):
        return secret
    if ":" in secret:
        return "Basic " + base64.b64encode(secret.encode("utf-8")).decode("ascii")
    return "Bearer " + secret


def found(lrs: LrsSource) -> Iterator[Found]:
    """Every submit statement of the course as one :class:`Found`, page after page, in the order the LRS stored them."""
    label = lrs.label
    for statement in statements(lrs):
        yield as_found(statement, lrs.lrs, label)


def statements(lrs: LrsSource) -> Iterator[dict[str, Any]]:
    """The course's submit statements, following ``more`` links; only one page is held at a time.

    The LRS is asked for them alone (``activity``, ``related_activities``, ``verb``), and each is checked here too: an
    LRS's filters are not always right. When the filtered query finds nothing in an LRS that holds statements, its
    filters are not trusted (Ralph 5.1's file-system backend, for one, matches none), and every statement is read
    and sorted here: slower for a big LRS, never a report that wrongly says nobody handed anything in.
    """
    answered = 0
    for statement in _pages(lrs.query(filtered=True), lrs):
        answered += 1
        if lrs.ours(statement):
            yield statement
    if answered == 0 and next(_pages(lrs.query(filtered=False, limit=1), lrs), None) is not None:
        yield from (statement for statement in _pages(lrs.query(filtered=False), lrs) if lrs.ours(statement))


def _pages(url: str | None, lrs: LrsSource) -> Iterator[dict[str, Any]]:
    while url is not None:
        answer = _get(url, lrs)
        yield from (s for s in answer["statements"] if isinstance(s, dict))
        more = answer.get("more")
        url = _next(lrs.endpoint, more) if isinstance(more, str) and more else None


def _next(endpoint: str, more: str) -> str:
    """The ``more`` link as an address; one that leads to another server is refused (the credentials would go with it)."""
    url = urljoin(endpoint, more)
    if urlsplit(url)[:2] != urlsplit(endpoint)[:2]:
        raise LrsError(say("hr.lrs.foreign_more", url=url))
    return url


def _get(url: str, lrs: LrsSource) -> dict[str, Any]:
    headers = {"Authorization": lrs.authorization, "X-Experience-API-Version": VERSION, "Accept": "application/json"}
    request = Request(url, headers=headers)  # noqa: S310 - source() and _next() admit only the http(s) endpoint
    try:
        with urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - the address is checked to be http(s) in source()
            answer = json.load(response)
    except HTTPError as exc:
        exc.close()  # the error page is not read: its connection is closed now, not left to the garbage collector
        if exc.code in (401, 403):
            raise LrsError(say("hr.lrs.refused", url=lrs.endpoint, status=exc.code)) from exc
        raise LrsError(say("hr.lrs.http_error", url=lrs.endpoint, status=exc.code)) from exc
    except OSError as exc:  # unreachable, refused, timed out, the connection dropped
        raise LrsError(say("hr.lrs.unreachable", url=lrs.endpoint, reason=getattr(exc, "reason", None) or exc)) from exc
    except (ValueError, RecursionError) as exc:  # not JSON (a login page, a proxy's error page)
        raise LrsError(say("hr.lrs.not_xapi", url=lrs.endpoint)) from exc
    if not isinstance(answer, dict) or not isinstance(answer.get("statements"), list):
        raise LrsError(say("hr.lrs.not_xapi", url=lrs.endpoint))
    return answer


def as_found(statement: dict[str, Any], lrs: Lrs, label: str) -> Found:
    """One statement as a file the intake examines: its submission's JSON, timed by ``stored``, sent by its actor.

    What only the statement can say is checked here (a submission is there, its checksum and form match the statement's,
    its actor is the trainee it names); everything else the intake checks as for a file."""
    parts = (f"{label}/{statement.get('id', '')}",)
    channel = Channel(Clock.LRS, _stored(statement), _actor_label(statement, lrs))
    submission = _extensions(statement.get("result")).get(lrs.extension("submission"))
    if not isinstance(submission, dict):
        return Found(parts, None, rejected=Rejected(Reason.NOT_SUBMISSION, say("hr.lrs.no_submission")), channel=channel)
    data = json.dumps(submission, ensure_ascii=False).encode("utf-8")
    problem = _mismatch(statement, submission, lrs)
    if problem is not None:
        problem.claim = claim_of(submission)
        return Found(parts, len(data), rejected=problem, channel=channel)
    return Found(parts, len(data), data=data, channel=channel)


def _mismatch(statement: dict[str, Any], submission: dict[str, Any], lrs: Lrs) -> Rejected | None:
    """Where the statement contradicts the submission it carries: a copy of someone else's hand-in, or one edited on the way."""
    written = _extensions(statement.get("result")).get(lrs.extension("checksum"))
    if written != submission.get("sha256"):
        return Rejected(Reason.CHECKSUM, say("hr.lrs.checksum_differs", statement=str(written)[:16], submission=str(submission.get("sha256"))[:16]))
    target = statement["object"].get("id") if isinstance(statement.get("object"), dict) else None
    form = lrs.activity("form", str(submission.get("homework_id")))
    if target != form:
        return Rejected(Reason.UNKNOWN_HOMEWORK, say("hr.lrs.other_form", object=str(target), form=form))
    trainee = submission.get("trainee")
    account = _account(statement)
    if isinstance(trainee, dict) and account is not None and account.get("homePage") == lrs.base and account.get("name") != trainee.get("employee_id"):
        return Rejected(Reason.INVALID, say("hr.lrs.actor_differs", actor=str(account.get("name")), employee_id=str(trainee.get("employee_id"))))
    return None


def _stored(statement: dict[str, Any]) -> datetime | None:
    """The LRS's ``stored`` time, aware; ``None`` when missing or unreadable (the submission's own time is then used, as 自报)."""
    stored = statement.get("stored")
    try:
        at = datetime.fromisoformat(stored.replace("Z", "+00:00")) if isinstance(stored, str) else None
    except ValueError:
        return None
    return at if at is not None and at.tzinfo is not None else None


def _actor_label(statement: dict[str, Any], lrs: Lrs) -> str:
    """Who the statement says sent it, as HR reads it; 自报 when the site had only what the trainee typed (no launch)."""
    actor = statement.get("actor")
    name = actor.get("name", "") if isinstance(actor, dict) else ""
    account = _account(statement) or {}
    who = say("hr.lrs.actor", name=str(name), account=str(account.get("name", "")))
    self_reported = _extensions(statement.get("context")).get(lrs.extension("self-reported")) is True
    return say("hr.lrs.self_reported", who=who) if self_reported else who


def _account(statement: dict[str, Any]) -> dict[str, Any] | None:
    actor = statement.get("actor")
    account = actor.get("account") if isinstance(actor, dict) else None
    return account if isinstance(account, dict) else None


def _extensions(holder: Any) -> dict[str, Any]:
    extensions = holder.get("extensions") if isinstance(holder, dict) else None
    return extensions if isinstance(extensions, dict) else {}
