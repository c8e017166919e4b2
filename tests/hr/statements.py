"""Submit statements made from the xAPI contract (docs/hr-guide.md, 学习记录库), for the tests and the LRS benchmark.

They carry the SAME submission objects :mod:`.synthetic` writes as files, so a report from the LRS can be compared
with the report from the files: the statement is what the course site sends when a trainee hands a form in.
"""

from __future__ import annotations

import csv
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from coursegen.model.lrs import VERBS, Lrs

from .synthetic import CST, people, write_course

ACTIVITY_ID = "https://learning.example.com/courses/hr-test-course"
PERSONS = people(24)
EXTENDED = PERSONS[:4]
"""Trainees whose roster row gives a personal 延期 two days ahead (see :func:`write_class`)."""
ABSENT = PERSONS[20:]


def lrs_setting(endpoint: str) -> Lrs:
    """The course's ``lrs`` setting for an LRS at ``endpoint`` (a relay's address in production)."""
    return Lrs.model_validate({"endpoint": endpoint, "activity_id": ACTIVITY_ID, "auth": "relay"})


def lrs_yaml(endpoint: str) -> str:
    """The same setting as course.yml lines."""
    return f"lrs:\n  endpoint: {endpoint}\n  activity_id: {ACTIVITY_ID}\n  auth: relay\n"


def submit_statement(submission: dict[str, Any], lrs: Lrs, *, self_reported: bool = True, actor_id: str | None = None) -> dict[str, Any]:
    """The statement a course site sends for ``submission``: actor from its trainee block (``actor_id`` overrides the 工号),
    marked self-reported unless it came through a launch."""
    trainee = submission.get("trainee")
    account = {"homePage": lrs.base, "name": actor_id or (trainee["employee_id"] if trainee else "anonymous")}
    actor: dict[str, Any] = {"objectType": "Agent", "account": account}
    if trainee:
        actor["name"] = trainee["name"]
    context: dict[str, Any] = {"registration": str(uuid.uuid4()), "contextActivities": {"parent": [{"id": lrs.base}]}, "language": "zh-CN"}
    if self_reported:
        context["extensions"] = {lrs.extension("self-reported"): True}
    return {
        "id": str(uuid.uuid4()),
        "actor": actor,
        "verb": {"id": VERBS["submit"], "display": {"zh-CN": "提交"}},
        "object": {"objectType": "Activity", "id": lrs.activity("form", submission["homework_id"])},
        "result": {"completion": True, "extensions": {lrs.extension("submission"): submission, lrs.extension("checksum"): submission["sha256"]}},
        "context": context,
        "timestamp": submission["updated_at"],
    }


def write_class(root: Path, endpoint: str, now: datetime) -> tuple[Path, Path, Path]:
    """The test course with ``lrs`` set and lunch-homework due a day before ``now``; the roster of :data:`PERSONS`, with 延期
    for :data:`EXTENDED`. Returns (course, quizzes, roster): the LRS's ``stored`` clock is "now", so the due time follows it."""
    course, quizzes = write_course(root)
    (course / "course.yml").write_text((course / "course.yml").read_text(encoding="utf-8") + lrs_yaml(endpoint), encoding="utf-8")
    lunch = course / "homework" / "lunch.yml"
    due = (now - timedelta(days=1)).astimezone(CST).replace(microsecond=0)
    lines = [f"due: {due.isoformat()}" if line.startswith("due:") else line for line in lunch.read_text(encoding="utf-8").splitlines()]
    lunch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    roster = root / "名单.csv"
    extension = (now + timedelta(days=2)).astimezone(CST).date().isoformat()
    with roster.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(["工号", "姓名", "部门", "延期"])
        writer.writerows([p.employee_id, p.name, p.department, extension if p in EXTENDED else ""] for p in PERSONS)
    return course, quizzes, roster
