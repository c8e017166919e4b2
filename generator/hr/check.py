"""Examine the bytes of one file: is it a genuine submission for this course from a trainee on the roster?

Two steps. :func:`parse_submission` needs nothing but the bytes and the limits, so it can run
on every core (see :mod:`.pool`); :class:`Matcher` then checks the result against the course
and the roster, which is cheap. Checks run from cheap to dear, so hostile input is turned away
before it costs anything: size (done by :mod:`.sources`), text encoding, nesting depth (counted
without parsing), JSON syntax, format and version, the submission schema, the checksum, then
the course, the form and the roster.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate
from typing import Any

from pydantic import ValidationError

from ..messages import say
from ..model.homework import Homework, Rating
from ..model.project import Project
from ..model.submission import ANONYMOUS_VERSION, FORMAT, VERSIONS, Answer, QuizScore, Submission, canonical_bytes, checksum
from . import normalize
from .buckets import Claim, Limits, Reason, Rejected
from .roster import Roster, Trainee
from .seal import SEAL, sealed_content

_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+(?:"|\\?\Z)', re.DOTALL)
"""A JSON string, or an unterminated one running to the end of the text.

Every match attempt succeeds, so the scan never restarts inside a string it has already read: linear
time for any input. (Requiring the closing quote made an unterminated run of ``\\"`` quadratic:
each quote in it started a fresh scan to the end, hours for half a megabyte.) Cutting an unterminated
string short does not weaken the depth check: the parser stops at the same quote with an error.
"""
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


@dataclass(frozen=True)
class Parsed:
    """A genuine submission file (well-formed, current format, checksum intact), not yet matched to a class.

    A homework's answers are dropped here unless asked for (HR tracks who handed in; the trainer reads
    the answers in the grading workbook, ``--grading``); a survey's answers are kept for its statistics.
    An anonymous evaluation (format version 2) names nobody: its employee id, name and department are empty.
    """

    course_id: str
    homework_id: str
    kind: str
    employee_id: str
    name: str
    department: str
    updated_at: datetime
    quiz_scores: dict[str, QuizScore]
    answers: dict[str, Answer]
    sha256: str
    created_at: datetime | None = None
    """When the trainee's browser first saved the form (the trainee's clock, like ``updated_at``)."""
    envelope: Envelope | None = None
    """The form service's envelope the file came in; ``None`` for a bare file."""
    content: str = ""
    """A fingerprint of what the trainee wrote (see :func:`content_print`): copies with equal ones hold one revision."""
    anonymous: bool = False


@dataclass(frozen=True)
class Envelope:
    """What a form service's envelope says, not yet believed: its seal is checked (with HR's key) in the main process."""

    at: datetime
    """``received_at``: the service's clock if the seal holds, else a time anyone could have written."""
    seal: object
    """The ``seal`` as written (anything, or ``None``)."""
    content: bytes
    """The bytes the seal covers (see :func:`.seal.sealed_content`)."""


@dataclass(frozen=True)
class Received:
    """A valid submission matched to its roster row and its form."""

    trainee: Trainee
    form: Homework
    updated_at: datetime
    quiz_scores: dict[str, QuizScore]
    sha256: str
    answers: dict[str, Answer] = field(default_factory=dict)
    content: str = ""
    """The fingerprint of what the trainee wrote (see :func:`content_print`)."""
    created_at: datetime | None = None
    note: str = ""
    """Something HR should know about an accepted file, e.g. a name that differs from the roster."""
    declared_name: str = ""
    """The name the file gives, when it differs from the roster's (the roster's is used): empty when they agree."""


@dataclass(frozen=True)
class Anonymous:
    """A valid evaluation of an anonymous survey: counted in the class's totals, never as anyone's hand-in."""

    form: Homework
    answers: dict[str, Answer]
    sha256: str
    note: str = ""
    """Why a file that names its trainee was counted anonymously (the form is anonymous): empty for a version 2 file."""


def parse_submission(data: bytes, limits: Limits, *, answers: bool = False) -> Parsed:
    """The submission in ``data``; raises :class:`Rejected` with the first reason it is not a genuine one.

    ``answers``: keep a homework's answers too (for the grading workbook), not only a survey's."""
    raw, envelope = unwrap(parse_json(data, limits.max_json_depth))
    try:
        submission = _submission(raw)
        if checksum(raw) != submission.sha256:
            raise Rejected(Reason.CHECKSUM, say("hr.rejected.checksum"))
    except Rejected as rejected:
        rejected.claim = claim_of(raw)
        raise
    trainee = submission.trainee
    return Parsed(
        course_id=submission.course_id,
        homework_id=submission.homework_id,
        kind=submission.kind,
        employee_id=trainee.employee_id if trainee else "",
        name=trainee.name if trainee else "",
        department=trainee.department if trainee else "",
        updated_at=submission.updated_at,
        quiz_scores=submission.quiz_scores,
        answers=submission.answers if answers or submission.kind == "survey" else {},
        sha256=submission.sha256,
        created_at=submission.created_at,
        envelope=envelope,
        content=content_print(raw),
        anonymous=trainee is None,
    )


def claim_of(raw: Any) -> Claim | None:
    """Whose file a rejected submission says it is, when it names a course, a form and an employee id as text."""
    if not isinstance(raw, dict) or not isinstance(trainee := raw.get("trainee"), dict):
        return None
    course_id, homework_id, employee_id = raw.get("course_id"), raw.get("homework_id"), trainee.get("employee_id")
    if not (isinstance(course_id, str) and isinstance(homework_id, str) and isinstance(employee_id, str)):
        return None
    return Claim(course_id, homework_id, employee_id)


_NOT_CONTENT = ("sha256", "created_at", "updated_at", "generator")


def content_print(raw: dict[str, Any]) -> str:
    """The SHA-256 of a submission's canonical JSON without its times, its checksum and the program that wrote it."""
    return hashlib.sha256(canonical_bytes({k: v for k, v in raw.items() if k not in _NOT_CONTENT})).hexdigest()


def unwrap(raw: Any) -> tuple[Any, Envelope | None]:
    """A form service's envelope ``{"received_at": ..., "submission": {...}, "seal": ...}`` opened: the submission
    and what the envelope says (its time aware). Anything else is returned as it is, to be judged as a bare submission file."""
    if not isinstance(raw, dict) or "format" in raw or "submission" not in raw:
        return raw, None
    written = raw.get("received_at")
    try:
        at = datetime.fromisoformat(written) if isinstance(written, str) else None
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise Rejected(Reason.INVALID, say("hr.rejected.envelope_time", written=repr(str(written)[:40])))
    return raw["submission"], Envelope(at, raw.get(SEAL), sealed_content(raw))


class Matcher:
    """Checks a parsed submission against this class: its course, its forms, its roster."""

    def __init__(self, project: Project, roster: Roster) -> None:
        self.project = project
        self.roster = roster

    def match(self, parsed: Parsed) -> Received | Anonymous:
        try:
            return self._match(parsed)
        except Rejected as rejected:
            rejected.claim = None if parsed.anonymous else Claim(parsed.course_id, parsed.homework_id, parsed.employee_id)
            raise

    def claimed(self, claim: Claim | None) -> tuple[str, str] | None:
        """The (roster employee id, form id) a rejected file names, when both are this class's."""
        if claim is None or claim.course_id != self.project.course.id or claim.homework_id not in self.project.homework:
            return None
        trainee = self.roster.find(claim.employee_id)
        return None if trainee is None else (trainee.employee_id, claim.homework_id)

    def _match(self, parsed: Parsed) -> Received | Anonymous:
        course_id = self.project.course.id
        if parsed.course_id != course_id:
            raise Rejected(Reason.UNKNOWN_COURSE, say("hr.rejected.other_course", found=parsed.course_id, course=course_id))
        form = self.project.homework.get(parsed.homework_id)
        if form is None:
            raise Rejected(Reason.UNKNOWN_HOMEWORK, say("hr.rejected.no_form", form=parsed.homework_id))
        if form.kind != parsed.kind:
            raise Rejected(Reason.UNKNOWN_HOMEWORK, say("hr.rejected.wrong_kind", form=form.id, kind=form.kind, written=parsed.kind))
        if form.kind == "survey":
            _check_ratings(form, parsed.answers)
        if form.anonymous:
            # A file that names its trainee (written before the form became anonymous) still counts, without the name.
            note = "" if parsed.anonymous else say("hr.anonymous.named", form=form.title)
            return Anonymous(form=form, answers=parsed.answers, sha256=parsed.sha256, note=note)
        if parsed.anonymous:
            raise Rejected(Reason.INVALID, say("hr.anonymous.not_anonymous", form=form.title))
        trainee = self.roster.find(parsed.employee_id)
        if trainee is None:
            near = self.roster.near(parsed.employee_id)
            hint = say("hr.rejected.near", ids=say("hr.rejected.id_separator").join(say("hr.rejected.near_one", id=t.raw_id, name=t.name) for t in near)) if near else ""
            raise Rejected(Reason.NOT_ON_ROSTER, say("hr.rejected.not_on_roster", id=parsed.employee_id, name=parsed.name, department=parsed.department) + hint)
        declared_name = normalize.label(parsed.name)
        return Received(
            trainee=trainee,
            form=form,
            updated_at=parsed.updated_at,
            quiz_scores=parsed.quiz_scores,
            sha256=parsed.sha256,
            answers=parsed.answers,
            content=parsed.content,
            created_at=parsed.created_at,
            note="" if declared_name == trainee.name else say("hr.note.name_differs", name=declared_name),
            declared_name="" if declared_name == trainee.name else declared_name,
        )


def parse_json(data: bytes, max_depth: int) -> Any:
    """Parse untrusted JSON: UTF-8 only, nesting bounded before parsing, no NaN or Infinity."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Rejected(Reason.NOT_JSON, say("hr.rejected.not_utf8", byte=exc.start)) from exc
    if not text.strip():
        raise Rejected(Reason.EMPTY, say("hr.rejected.empty", size=len(data)))
    if text.count("[") + text.count("{") > max_depth:  # fewer openings cannot nest deeper: skip the scan
        depth = json_depth(text)
        if depth > max_depth:
            raise Rejected(Reason.TOO_DEEP, say("hr.rejected.too_deep", depth=depth, limit=max_depth))
    try:
        return _DECODER.decode(text)
    except (ValueError, RecursionError) as exc:
        reason = str(getattr(exc, "msg", exc))
        if isinstance(exc, json.JSONDecodeError):
            reason = say("hr.rejected.json_at", line=exc.lineno, col=exc.colno, reason=reason)
        raise Rejected(Reason.NOT_JSON, reason) from exc


def json_depth(text: str) -> int:
    """The deepest bracket nesting of ``text`` outside strings, counted in C-speed passes (no parsing)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def _submission(raw: Any) -> Submission:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise Rejected(Reason.NOT_SUBMISSION, say("hr.rejected.no_format", format=FORMAT))
    version = raw.get("format_version")
    if version not in VERSIONS or isinstance(version, bool):
        supported = say("hr.rejected.id_separator").join(str(v) for v in VERSIONS)
        raise Rejected(Reason.WRONG_VERSION, say("hr.rejected.version", version=repr(version), supported=supported))
    _check_shape(raw, version)
    try:
        return Submission.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or say("hr.rejected.root")
        more = say("hr.rejected.more", n=exc.error_count() - 1) if exc.error_count() > 1 else ""
        raise Rejected(Reason.INVALID, say("hr.rejected.invalid", where=where, reason=first["msg"], more=more)) from exc


def _check_shape(raw: dict[str, Any], version: int) -> None:
    """What sets the two versions apart, said in HR's words: a version 1 file names its trainee; a version 2 file
    (an anonymous evaluation) names nobody and carries no quiz results."""
    if version == ANONYMOUS_VERSION:
        personal = [key for key in ("trainee", "quiz_scores") if raw.get(key)]
        if personal:
            raise Rejected(Reason.INVALID, say("hr.anonymous.personal", keys=say("hr.rejected.id_separator").join(personal)))
    elif "trainee" not in raw:
        raise Rejected(Reason.INVALID, say("hr.anonymous.no_trainee"))


def _check_ratings(form: Homework, answers: dict[str, Answer]) -> None:
    for form_field in form.fields:
        if not isinstance(form_field, Rating) or form_field.id not in answers:
            continue
        answer = answers[form_field.id]
        if not isinstance(answer, dict) or any(not 1 <= v <= 5 for v in answer.values()):
            raise Rejected(Reason.INVALID, say("hr.rejected.rating", field=form_field.id))
