"""HR's worst inbox: every kind of file that once ended `coursegen homework report` with a traceback or a
hang, beside good submissions. The real command runs in its own process under a timeout, as HR runs it.

The report must finish, list every input with what became of it, give each trainee the right status,
and a run that fails must leave the previous report exactly as it was.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from coursegen.hr import HTML_NAME, XLSX_NAME, Bucket, Reason
from coursegen.hr.cells import EXCEL_CELL_LIMIT
from coursegen.hr.sources import SEPARATOR

from .mails import mail, submission_bytes, write_eml, write_mbox
from .synthetic import DUE, FORMS, Person, people, submission, write_course, write_json, write_roster
from .test_sources import zip_bytes

TIMEOUT_S = 120
"""Generous: the report takes a few seconds; before the fix, one crafted file alone took hours."""
COMMENT = "\x1b[31m红字\uffff" + "评" * 40_000
"""Control characters, a non-character and more than an Excel cell holds."""
GBK_NAME = "张三的作业.json"
DEPTH = 1_200
"""Folder levels: more than Python's recursion limit."""
MSG = Path(__file__).parent / "data" / "received-late.msg"
"""E0006's lunch-homework, back-dated, in an Outlook mail the server received two days after the due time."""


@dataclass
class Inbox:
    root: Path
    inbox: Path
    roster: Path
    persons: list[Person]
    expected: dict[str, tuple[Bucket, Reason | None]] = field(default_factory=dict)
    status: dict[tuple[str, str], str] = field(default_factory=dict)
    """(employee id, form id) → status code, for every trainee and form."""

    def put(self, rel: str, data: object, bucket: Bucket = Bucket.ACCEPTED, reason: Reason | None = None) -> None:
        self.expected[rel] = (bucket, reason)
        write_json(self.inbox / rel, data)

    def raw(self, rel: str, content: bytes, reason: Reason) -> None:
        self.expected[rel] = (Bucket.REJECTED, reason)
        (self.inbox / rel).parent.mkdir(parents=True, exist_ok=True)
        (self.inbox / rel).write_bytes(content)

    def command(self, out: Path, roster: Path | None = None) -> list[str]:
        return [sys.executable, "-c", "from coursegen.cli import main; main()", "homework", "report", str(self.inbox),
                "--roster", str(roster or self.roster), "-o", str(out),
                "--course", str(self.root / "course"), "--quizzes", str(self.root / "quizzes")]


def build(root: Path) -> Inbox:
    write_course(root)
    persons = people(9)
    s = Inbox(root, root / "inbox", write_roster(root / "roster.csv", persons), persons)
    s.inbox.mkdir()
    s.status = {(p.employee_id, form): "missing" for p in persons for form in FORMS}
    p1, p2, p3, p4, p5, p6, p7, p8, p9 = persons

    # good files
    s.put("good/p1.json", submission(p1, "lunch-homework"))
    s.status[p1.employee_id, "lunch-homework"] = "submitted"
    s.put("good/p2-late.json", submission(p2, "lunch-homework", updated_at=DUE + timedelta(seconds=30)))  # 30 s late
    s.status[p2.employee_id, "lunch-homework"] = "late"
    survey = submission(p3, "evaluation", name="王\x01五", answers={"scores": {"content": 5, "teacher": 4}, "comments": COMMENT})
    s.put("good/p3-survey.json", survey)
    s.status[p3.employee_id, "evaluation"] = "submitted"

    # a name that is not UTF-8 on disk (a GBK archive unpacked on Linux): read, and shown as Chinese Windows wrote it
    gbk_folder = os.fsencode(s.inbox) + b"/" + "作业".encode("gbk")
    os.mkdir(gbk_folder)
    with open(gbk_folder + b"/" + GBK_NAME.encode("gbk"), "wb") as fp:
        fp.write(json.dumps(submission(p4, "case-review")).encode("utf-8"))
    s.expected[f"作业/{GBK_NAME}"] = (Bucket.ACCEPTED, None)
    s.status[p4.employee_id, "case-review"] = "submitted"
    with open(os.fsencode(s.inbox) + b"/\xff\xfe.json", "wb") as fp:  # neither UTF-8 nor GB18030
        fp.write(b"not json")
    s.expected["\ufffd\ufffd.json"] = (Bucket.REJECTED, Reason.NOT_JSON)

    # a lone UTF-16 surrogate, as the course site exports it (JSON.stringify writes it, and hashes it, as an escape)
    (s.inbox / "hostile").mkdir(exist_ok=True)
    (s.inbox / "hostile" / "surrogate.json").write_bytes(json.dumps(submission(p5, "lunch-homework", answers={"summary": "半个\ud83d表情"})).encode())
    s.expected["hostile/surrogate.json"] = (Bucket.ACCEPTED, None)
    s.status[p5.employee_id, "lunch-homework"] = "submitted"

    # half a megabyte of escaped quotes that never closes, with enough brackets (some inside it) to start the depth scan
    s.raw("hostile/quotes.json", b"[" * 20 + b'"' + b"[" * 20 + b'\\"' * 250_000, Reason.NOT_JSON)

    # links: a loop, and one to a genuine file outside the inbox (never followed, so p6 has not handed it in)
    os.symlink("loop", s.inbox / "hostile" / "loop")
    s.expected["hostile/loop"] = (Bucket.REJECTED, Reason.LINK)
    write_json(root / "elsewhere" / "p6.json", submission(p6, "lunch-homework"))
    os.symlink(root / "elsewhere" / "p6.json", s.inbox / "hostile" / "p6.json")
    s.expected["hostile/p6.json"] = (Bucket.REJECTED, Reason.LINK)
    os.mkfifo(s.inbox / "hostile" / "pipe.json")  # reading it would wait forever
    s.expected["hostile/pipe.json"] = (Bucket.REJECTED, Reason.UNREADABLE)

    # an archive holding a symbolic link beside a genuine file
    link = zipfile.ZipInfo("link.json")
    link.external_attr = 0o120777 << 16
    with zipfile.ZipFile(s.inbox / "mail.zip", "w") as zf:
        zf.writestr(link, "/etc/passwd")
        zf.writestr("p7.json", json.dumps(submission(p7, "lunch-homework")))
    s.expected["mail.zip" + SEPARATOR + "link.json"] = (Bucket.REJECTED, Reason.LINK)
    s.expected["mail.zip" + SEPARATOR + "p7.json"] = (Bucket.ACCEPTED, None)
    s.status[p7.employee_id, "lunch-homework"] = "submitted"

    add_mail(s)

    # a folder tree deeper than Python's recursion limit, a genuine file at the bottom
    bottom = str(s.inbox)
    for _ in range(DEPTH):  # one level at a time: pathlib's and os's makedirs recurse
        bottom += "/d"
        os.mkdir(bottom)
    with open(bottom + "/p7.json", "w", encoding="utf-8") as fp:
        json.dump(submission(p7, "case-review"), fp)
    s.expected["/".join(["d"] * DEPTH) + "/p7.json"] = (Bucket.ACCEPTED, None)
    s.status[p7.employee_id, "case-review"] = "submitted"
    return s


def add_mail(s: Inbox) -> None:
    """Mail exports: back-dated files in mails the server received late, a mail folder with every kind of message,
    an Outlook file, and mails that are damaged or built to hang the parser."""
    p6, p8, p9 = s.persons[5], s.persons[7], s.persons[8]
    sep = SEPARATOR
    back_dated = submission_bytes(submission(p8, "lunch-homework", updated_at=DUE - timedelta(hours=3)))
    write_eml(s.inbox / "mail" / "p8.eml", mail(f"{p8.name} <p8@branch.example>", {"午休作业.json": back_dated}, received=DUE + timedelta(days=2),
                                                date=DUE - timedelta(hours=3), relays=(DUE - timedelta(hours=3),)))
    s.expected[f"mail/p8.eml{sep}午休作业.json"] = (Bucket.ACCEPTED, None)
    s.status[p8.employee_id, "lunch-homework"] = "late"

    shutil.copy(MSG, s.inbox / "mail" / "outlook.msg")
    s.expected[f"mail/outlook.msg{sep}午休作业-{p6.employee_id}.json"] = (Bucket.ACCEPTED, None)
    s.status[p6.employee_id, "lunch-homework"] = "late"

    nested = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(5_000))
    survey = submission_bytes(submission(p9, "evaluation"))
    write_mbox(s.inbox / "mail" / "导出.mbox", [
        mail("p9@branch.example", {"评估.zip": zip_bytes({"评估.json": survey})}, received=DUE + timedelta(hours=1)),
        mail("=HYPERLINK(\"http://x\")", {}, received=DUE, subject="<script>没有附件</script>"),
        mail("p9@branch.example", {"notes.txt": b"hello"}, received=DUE),
    ])
    s.expected[f"mail/导出.mbox{sep}第1封{sep}评估.zip{sep}评估.json"] = (Bucket.ACCEPTED, None)
    s.status[p9.employee_id, "evaluation"] = "submitted"
    s.expected[f"mail/导出.mbox{sep}第2封"] = (Bucket.REJECTED, Reason.NO_ATTACHMENT)
    s.expected[f"mail/导出.mbox{sep}第3封{sep}notes.txt"] = (Bucket.REJECTED, Reason.NOT_JSON)
    s.raw("mail/nested.eml", b"From: x@y\n" + nested, Reason.BAD_MAIL)  # took the parser minutes
    s.raw("mail/garbage.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, Reason.BAD_MAIL)  # an OLE signature, nothing behind it
    (s.inbox / "mail" / "one-line.mbox").write_bytes(b"From x\n" + b"A" * 3_000_000)  # no line break: read in bounded lines
    s.expected[f"mail/one-line.mbox{sep}第1封"] = (Bucket.REJECTED, Reason.NO_ATTACHMENT)


def remove_deep(top: Path) -> None:
    """Remove the deep tree bottom up (``shutil.rmtree`` recurses, so pytest could not clean it)."""
    bottom = str(top)
    while os.path.isdir(bottom + "/d"):
        bottom += "/d"
    os.remove(bottom + "/p7.json")
    while bottom != str(top):
        os.rmdir(bottom)
        bottom = os.path.dirname(bottom)


def run(command: list[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, env={**os.environ, "PYTHONUTF8": "1"})
    return result, time.perf_counter() - started


@dataclass
class Ran:
    inbox: Inbox
    out: Path
    result: subprocess.CompletedProcess[str]
    seconds: float


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ran]:
    s = build(tmp_path_factory.mktemp("hostile"))
    try:
        out = s.root / "out"
        result, seconds = run(s.command(out))
        yield Ran(s, out, result, seconds)
    finally:
        remove_deep(s.inbox)


def sheet_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    """The values of a sheet of the workbook at ``path``, row by row; the file closed again (read-only, openpyxl
    keeps it open until the workbook is closed)."""
    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fp:
        return list(csv.DictReader(fp))


def test_the_report_finishes_without_a_traceback(ran: Ran) -> None:
    assert ran.result.returncode == 0, ran.result.stderr
    assert "Traceback" not in ran.result.stdout + ran.result.stderr
    assert ran.seconds < TIMEOUT_S
    assert ran.result.stdout.startswith(f"{len(ran.inbox.expected)} 个文件：采用 10 个，被新版本取代 0 个，拒收 11 个")


def test_every_input_is_accounted_for_with_a_reason(ran: Ran) -> None:
    files = read_csv(ran.out / "csv" / "files.csv")
    got = {row["file"]: (Bucket(row["bucket"]), Reason(row["reason"]) if row["reason"] else None) for row in files}
    assert got == ran.inbox.expected
    assert all(row["detail"] for row in files if row["bucket"] == "rejected")
    sheet = sheet_rows(ran.out / XLSX_NAME, "文件清单")[1:]
    assert sorted(row[0] for row in sheet) == sorted(ran.inbox.expected)


def test_rejections_say_why_in_chinese(ran: Ran) -> None:
    detail = {row["file"]: row["detail"] for row in read_csv(ran.out / "csv" / "files.csv")}
    assert "符号链接" in detail["hostile/loop"] and "符号链接" in detail["hostile/p6.json"]


def test_statuses_per_person_and_form(ran: Ran) -> None:
    detail = read_csv(ran.out / "csv" / "detail.csv")
    assert {(row["employee_id"], row["form_id"]): row["status"] for row in detail} == ran.inbox.status


def test_a_back_dated_file_in_a_late_mail_is_late_by_the_mail_servers_clock(ran: Ran) -> None:
    """The file says 3 hours early; the server received the mail 2 days late: late, the clock named, the file flagged."""
    p6, p8 = ran.inbox.persons[5].employee_id, ran.inbox.persons[7].employee_id
    detail = {(r["employee_id"], r["form_id"]): r for r in read_csv(ran.out / "csv" / "detail.csv")}
    for person in (p8, p6):  # a .eml and an Outlook .msg
        row = detail[person, "lunch-homework"]
        assert (row["status"], row["clock"], row["late_minutes"]) == ("late", "mail_server", str(2 * 24 * 60))
        assert row["first_submitted_at"] == "2021-03-14T18:00+08:00"
        assert row["time_check"].startswith("文件自带时间比邮件服务器时间早 2天")
    assert detail[p8, "lunch-homework"]["sender"].endswith("<p8@branch.example>")
    assert detail[ran.inbox.persons[0].employee_id, "lunch-homework"]["clock"] == "trainee_computer"

    sheet = sheet_rows(ran.out / XLSX_NAME, "明细")
    header = sheet[0]
    row = next(r for r in sheet[1:] if r[0] == p8 and r[header.index("状态")] == "迟交")
    assert (row[header.index("计时依据")], row[header.index("迟交时长")]) == ("邮件服务器", "2天")
    assert row[header.index("时间核对")] == detail[p8, "lunch-homework"]["time_check"]
    html = (ran.out / HTML_NAME).read_text(encoding="utf-8")
    assert "按邮件服务器" in html and "⚠ 时间存疑" in html and detail[p8, "lunch-homework"]["time_check"] in html


def test_every_file_from_a_mail_names_its_sender_and_clock(ran: Ran) -> None:
    files = {row["file"]: row for row in read_csv(ran.out / "csv" / "files.csv")}
    no_attachment = files[f"mail/导出.mbox{SEPARATOR}第2封"]
    assert no_attachment["sender"] == "'=HYPERLINK(\"http://x\")"  # a formula from a mail is text
    assert (no_attachment["clock"], no_attachment["handed_in_at"]) == ("mail_server", "2021-03-12T18:00+08:00")
    assert "<script>没有附件</script>" in no_attachment["detail"]
    sheet = sheet_rows(ran.out / XLSX_NAME, "文件清单")
    header = sheet[0]
    by_file = {r[0]: r for r in sheet[1:]}
    assert by_file[f"mail/导出.mbox{SEPARATOR}第2封"][header.index("计时依据")] == "邮件服务器"
    assert by_file["good/p1.json"][header.index("计时依据")] == "学员电脑"
    html = (ran.out / HTML_NAME).read_text(encoding="utf-8")
    assert "<script>没有附件" not in html and "&lt;script&gt;没有附件" in html


def test_minutes_late_agree_between_workbook_and_csv(ran: Ran) -> None:
    late = ran.inbox.persons[1].employee_id
    row = next(r for r in read_csv(ran.out / "csv" / "detail.csv") if (r["employee_id"], r["form_id"]) == (late, "lunch-homework"))
    sheet = sheet_rows(ran.out / XLSX_NAME, "明细")
    header = sheet[0]
    cells = next(r for r in sheet[1:] if r[0] == late and r[header.index("状态")] == "迟交")
    assert (row["late_minutes"], cells[header.index("迟交分钟")], cells[header.index("迟交时长")]) == ("1", 1, "1分钟")


def test_no_control_character_reaches_the_html(ran: Ran) -> None:
    html = (ran.out / HTML_NAME).read_bytes().decode("utf-8")  # strict: no lone surrogate either
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", html)
    assert "王\ufffd五" in html and "\ufffd[31m红字\ufffd" in html  # shown as a replacement character, the rest kept


def test_a_cell_cut_to_excels_limit_says_so(ran: Ran) -> None:
    comments = [row[2] for row in sheet_rows(ran.out / XLSX_NAME, "课程评估")
                if len(row) > 2 and isinstance(row[2], str) and row[2].startswith("\ufffd[31m")]
    assert len(comments) == 1
    assert len(comments[0]) <= EXCEL_CELL_LIMIT
    assert comments[0].endswith(f"〔已截断：原文 {len(COMMENT)} 字〕")
    assert COMMENT[8:] in (ran.out / HTML_NAME).read_text(encoding="utf-8")  # the page has it all


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_failed_run_leaves_the_previous_report_intact(ran: Ran, tmp_path: Path) -> None:
    s = ran.inbox
    before = outputs(ran.out)
    write_json(s.inbox / "good" / "p6.json", submission(s.persons[5], "lunch-homework"))  # today's report would differ
    try:
        broken = s.root / "broken.csv"
        broken.write_text("序号,部门\n1,营业部\n", encoding="utf-8")
        result, _ = run(s.command(ran.out, roster=broken))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert outputs(ran.out) == before

        shutil.rmtree(ran.out / "csv")
        (ran.out / "csv").write_text("a file where the CSV folder belongs", encoding="utf-8")
        before = outputs(ran.out)
        result, _ = run(s.command(ran.out))
        assert result.returncode == 1, result.stdout
        assert "Traceback" not in result.stderr and "上一次的报告没有改动" in result.stderr
        assert outputs(ran.out) == before  # byte for byte, and no temporary file left behind
    finally:
        (s.inbox / "good" / "p6.json").unlink()


def test_an_empty_inbox_reports_everyone_missing(tmp_path: Path) -> None:
    write_course(tmp_path)
    persons = people(3)
    s = Inbox(tmp_path, tmp_path / "inbox", write_roster(tmp_path / "roster.csv", persons), persons)
    s.inbox.mkdir()
    result, _ = run(s.command(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["0 个文件：采用 0 个，被新版本取代 0 个，拒收 0 个",
                                              "3 名学员 × 3 项：按时 0，迟交 0，未交 9（提交率 0.0%）"]
    assert {row["status"] for row in read_csv(tmp_path / "out" / "csv" / "detail.csv")} == {"missing"}
    assert sheet_rows(tmp_path / "out" / XLSX_NAME, "文件清单")[1:] == []
