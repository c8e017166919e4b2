"""The submission file a homework form exports: format ``coursegen-submission``, version 1.

Its JSON Schema is published at ``schemas/submission-v1.schema.json`` (generated from this model).
The checksum lets HR tell a file edited by hand from one the form wrote:
``sha256`` is the SHA-256 of the UTF-8 bytes of the canonical JSON of the whole object without the
``sha256`` key — keys sorted at every level, no spaces (``","`` and ``":"``), non-ASCII kept as is.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import AwareDatetime, Field

from .base import StrictModel

FORMAT = "coursegen-submission"
FORMAT_VERSION = 1

Answer = str | list[str] | list[dict[str, str]] | dict[str, int]
"""text/textarea/choice → str; checkboxes → list of ticked options; table → list of rows; rating → item id → 1..5."""


class Trainee(StrictModel):
    name: str = Field(min_length=1, max_length=100)
    employee_id: str = Field(min_length=1, max_length=64)
    department: str = Field(min_length=1, max_length=200)


class QuizScore(StrictModel):
    best: int = Field(ge=0, le=100, description="Best score in percent.")
    passed: bool


class Submission(StrictModel):
    """One trainee's answers to one homework or survey."""

    format: Literal["coursegen-submission"]
    format_version: Literal[1]
    course_id: str = Field(max_length=64)
    homework_id: str = Field(max_length=64)
    kind: Literal["homework", "survey"]
    trainee: Trainee
    answers: dict[str, Answer]
    quiz_scores: dict[str, QuizScore] = Field(default_factory=dict)
    created_at: AwareDatetime
    updated_at: AwareDatetime
    generator: str = Field(max_length=100, description="e.g. coursegen 0.1.0")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


def canonical_bytes(data: dict[str, Any]) -> bytes:
    """The bytes the checksum covers: everything but ``sha256``, canonically serialised."""
    body = {k: v for k, v in data.items() if k != "sha256"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def checksum(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(data)).hexdigest()
