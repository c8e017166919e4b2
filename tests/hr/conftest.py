"""The HR scenario: a 200-trainee class (roster in GB18030) and a submissions folder with every bucket,
hostile files included. Built once for the package; ``Scenario.expected`` says where each file must land."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coursegen.hr import Bucket, Reason, Report, make_report, read_roster
from coursegen.hr.sources import SEPARATOR
from coursegen.load import load_project
from coursegen.model.project import Project
from coursegen.model.submission import checksum

from . import synthetic
from .synthetic import DUE, Person, submission, write_json

NOW = datetime(2021, 3, 15, 9, 0, tzinfo=synthetic.CST)
SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src=x onerror="alert(1)">'
FORMULAS = ('=HYPERLINK("http://example.invalid","点我")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1")
BIG = 50 * 1024 * 1024


@dataclass
class Scenario:
    root: Path
    project: Project
    persons: list[Person]
    inbox: Path
    roster: Path
    expected: dict[str, tuple[Bucket, Reason | None]] = field(default_factory=dict)

    def expect(self, source: str, bucket: Bucket, reason: Reason | None = None) -> None:
        assert source not in self.expected, source
        self.expected[source] = (bucket, reason)

    def put(self, rel: str, data: object, bucket: Bucket = Bucket.ACCEPTED, reason: Reason | None = None) -> Path:
        """Write a JSON file under the inbox and record where it must land."""
        self.expect(rel, bucket, reason)
        return write_json(self.inbox / rel, data)

    def raw(self, rel: str, content: bytes, reason: Reason) -> Path:
        self.expect(rel, Bucket.REJECTED, reason)
        path = self.inbox / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return path

    def archive(self, rel: str, members: list[tuple[str, bytes, Bucket, Reason | None]]) -> None:
        with zipfile.ZipFile(self.inbox / rel, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, content, bucket, reason in members:
                zf.writestr(name, content)
                self.expect(rel + SEPARATOR + name, bucket, reason)


def _bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def build_scenario(root: Path) -> Scenario:
    course, quizzes = synthetic.write_course(root)
    project, _ = load_project(course, quizzes)
    persons = synthetic.people(200)
    persons[4] = Person(persons[4].employee_id, "-李四", persons[4].department)  # a formula trigger in HR's own roster
    roster = synthetic.write_roster(root / "roster.csv", persons, encoding="gb18030")
    s = Scenario(root, project, persons, root / "inbox", roster)
    s.inbox.mkdir()
    quiz = {"basics": {"best": 80, "passed": True}}

    # lunch-homework (due DUE): 1–150 on time, 151–170 late by i-150 hours, 171–200 missing
    for i, p in enumerate(persons[:170], start=1):
        hours = -3 if i <= 150 else i - 150
        data = submission(p, "lunch-homework", updated_at=DUE + timedelta(hours=hours), quiz_scores=quiz if i <= 50 else None)
        if i == 12:  # typed on a phone: full-width digits and a space
            data = submission(p, "lunch-homework", updated_at=DUE + timedelta(hours=hours), employee_id="Ｅ００ 12")
        if i == 14:  # markup in a homework answer
            data = submission(p, "lunch-homework", updated_at=DUE + timedelta(hours=hours), answers={"summary": SCRIPT + IMG}, quiz_scores=quiz)
        s.put(f"午休作业/{p.employee_id}.json", data)
    # 1–10 resend after the due time: the first version is superseded, lateness stays "on time"
    for p in persons[:10]:
        s.put(f"重发/{p.employee_id}-v2.json", submission(p, "lunch-homework", updated_at=DUE + timedelta(hours=5), quiz_scores={"basics": {"best": 100, "passed": True}}))
        s.expected[f"午休作业/{p.employee_id}.json"] = (Bucket.SUPERSEDED, None)

    # case-review (no due time): 1–100, mailed as one archive, with a copy of one file, a ../ entry and macOS litter
    members = [(f"复盘/{p.employee_id}.json", _bytes(submission(p, "case-review", updated_at=DUE + timedelta(days=2))), Bucket.ACCEPTED, None) for p in persons[:100]]
    members.append(("复盘/副本/E0011.json", members[10][1], Bucket.SUPERSEDED, None))
    members.append(("../../outside/E0150.json", _bytes(submission(persons[149], "case-review")), Bucket.REJECTED, Reason.UNSAFE_PATH))
    members.append(("__MACOSX/复盘/._E0001.json", b"\x00\x05\x16\x07", Bucket.REJECTED, Reason.SYSTEM_FILE))
    s.archive("案例复盘.zip", members)

    # evaluation survey: 1–120; comments carry markup and formulas
    texts = [SCRIPT, IMG, *FORMULAS]
    for i, p in enumerate(persons[:120], start=1):
        answers = {"scores": {"content": 1 + i % 5, "teacher": 5 if i % 2 else 4}, "comments": texts[i % len(texts)] if i <= len(texts) else ""}
        name = SCRIPT if i == 13 else None  # a hostile name in the file: the roster's name is used, the file's is noted
        s.put(f"评估/{p.employee_id}.json", submission(p, "evaluation", answers=answers, name=name))

    # rejected, one per reason
    stranger = Person("X9999", SCRIPT, "=外部机构")
    s.put("拒收/stranger.json", submission(stranger, "lunch-homework"), Bucket.REJECTED, Reason.NOT_ON_ROSTER)
    s.put("拒收/other-course.json", submission(persons[0], "lunch-homework", course_id="another-course"), Bucket.REJECTED, Reason.UNKNOWN_COURSE)
    s.put("拒收/no-such-form.json", submission(persons[0], "no-such-form"), Bucket.REJECTED, Reason.UNKNOWN_HOMEWORK)
    edited = submission(persons[1], "case-review")
    edited["answers"]["summary"] = "改过的答案"
    s.put("拒收/edited.json", edited, Bucket.REJECTED, Reason.CHECKSUM)
    v3 = submission(persons[2], "case-review")
    v3["format_version"] = 3
    s.put("拒收/version3.json", v3, Bucket.REJECTED, Reason.WRONG_VERSION)
    invalid = {k: v for k, v in submission(persons[3], "case-review").items() if k not in ("trainee", "sha256")}
    invalid["sha256"] = checksum(invalid)
    s.put("拒收/no-trainee.json", invalid, Bucket.REJECTED, Reason.INVALID)
    s.put("拒收/other-format.json", {"hello": "world"}, Bucket.REJECTED, Reason.NOT_SUBMISSION)
    s.raw("拒收/broken.json", b'{"format": "coursegen-submission", "answers": {', Reason.NOT_JSON)
    s.raw("拒收/notes.txt", "这不是提交文件".encode("gb18030"), Reason.NOT_JSON)
    s.raw(f"拒收/{IMG}.json", b"<html>", Reason.NOT_JSON)
    s.raw("=cmd.json", b"=1+1", Reason.NOT_JSON)
    s.raw("拒收/deep.json", b"[" * 100_000 + b"]" * 100_000, Reason.TOO_DEEP)
    s.raw(".DS_Store", b"\x00\x00\x00\x01Bud1", Reason.SYSTEM_FILE)
    huge = s.raw("拒收/huge.json", b"", Reason.OVERSIZED)
    with huge.open("r+b") as fp:  # sparse: 50 MB on paper, no time to write
        fp.truncate(BIG)
    with zipfile.ZipFile(s.inbox / "拒收" / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.json", b"0" * (20 * 1024 * 1024))
    s.expect("拒收/bomb.zip", Bucket.REJECTED, Reason.ZIP_BOMB)  # the whole archive: it declares 1000:1
    return s


@pytest.fixture(scope="package")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return build_scenario(tmp_path_factory.mktemp("hr"))


@dataclass
class Built:
    scenario: Scenario
    report: Report
    out: Path


@pytest.fixture(scope="package")
def built(scenario: Scenario) -> Built:
    out = scenario.root / "out"
    report, _ = make_report([scenario.inbox], read_roster(scenario.roster), scenario.project, out, now=NOW)
    return Built(scenario, report, out)
