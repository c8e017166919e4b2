"""Mail exports in the inbox: which clock counts, what every mail and attachment becomes, and the limits."""

from __future__ import annotations

import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coursegen.hr import Bucket, Reason, make_report, read_roster
from coursegen.hr.buckets import Limits
from coursegen.hr.mail import read_eml
from coursegen.hr.sources import SEPARATOR, walk
from coursegen.hr.timing import Clock, check
from coursegen.load import load_project

from .mails import mail, submission_bytes, write_eml, write_mbox
from .synthetic import CST, DUE, people, submission, write_course, write_json, write_roster
from .test_sources import zip_bytes

DATA = Path(__file__).parent / "data"
P = people(9)


def test_the_topmost_received_header_is_the_clock() -> None:
    message = mail("张三 <z@branch.example>", {"a.json": b"{}"}, received=DUE + timedelta(days=2), date=DUE - timedelta(days=1),
                   relays=(DUE - timedelta(days=1),))
    letter = read_eml(bytes(message), Limits())
    assert (letter.channel.clock, letter.channel.at, letter.channel.sender) == (Clock.MAIL_SERVER, DUE + timedelta(days=2), "张三 <z@branch.example>")
    assert [a.parts for a in letter.attachments] == [("a.json",)]


def test_without_received_the_date_header_counts_and_is_named_the_senders_clock() -> None:
    letter = read_eml(bytes(mail("z@branch.example", {"a.json": b"{}"}, received=None, date=DUE)), Limits())
    assert (letter.channel.clock, letter.channel.at) == (Clock.MAIL_DATE, DUE)
    letter = read_eml(bytes(mail("z@branch.example", {"a.json": b"{}"}, received=None)), Limits())
    assert (letter.channel.clock, letter.channel.at) == (Clock.TRAINEE, None)


def test_an_unreadable_received_date_falls_back_to_date() -> None:
    message = mail("z@branch.example", {}, received=None, date=DUE)
    message["Received"] = "from somewhere; not a date at all"
    assert read_eml(bytes(message), Limits()).channel.clock is Clock.MAIL_DATE


def test_time_check_thresholds() -> None:
    at = datetime(2021, 3, 12, 18, 0, tzinfo=CST)
    assert check(at + timedelta(minutes=5), at, Clock.MAIL_SERVER) == ""
    assert check(at + timedelta(minutes=6), at, Clock.MAIL_SERVER).startswith("文件自带时间比邮件服务器时间晚 6分钟")
    assert check(at - timedelta(hours=24), at, Clock.MAIL_SERVER) == ""
    assert check(at - timedelta(hours=24, minutes=1), at, Clock.MAIL_SERVER).startswith("文件自带时间比邮件服务器时间早 1天")


def test_every_mail_and_attachment_is_listed(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    good = submission_bytes(submission(P[0], "lunch-homework"))
    write_mbox(inbox / "导出.mbox", [
        mail("a@x", {"p1.json": good}, received=DUE),
        mail("b@x", {}, received=DUE, subject="忘了附件"),
        mail("c@x", {"all.zip": zip_bytes({"p1.json": good, "notes.txt": b"hi"})}, received=DUE),
    ])
    write_eml(inbox / "one.eml", mail("d@x", {"p1.json": good, "photo.jpg": b"\xff\xd8"}, received=DUE))
    (inbox / "broken.msg").write_bytes(b"not an outlook file")
    (inbox / "notes.mbox").write_bytes(b"hello\n")
    (inbox / "empty.eml").write_bytes(b"")
    got = {f.source: (f.rejected.reason if f.rejected else None, f.channel.sender if f.channel else None) for f in walk(inbox, Limits())}
    s = SEPARATOR
    assert got == {
        "broken.msg": (Reason.BAD_MAIL, None),
        "empty.eml": (Reason.NO_ATTACHMENT, ""),
        "notes.mbox": (Reason.BAD_MAIL, None),
        f"one.eml{s}p1.json": (None, "d@x"),
        f"one.eml{s}photo.jpg": (None, "d@x"),
        f"导出.mbox{s}第1封{s}p1.json": (None, "a@x"),
        f"导出.mbox{s}第2封": (Reason.NO_ATTACHMENT, "b@x"),
        f"导出.mbox{s}第3封{s}all.zip{s}p1.json": (None, "c@x"),
        f"导出.mbox{s}第3封{s}all.zip{s}notes.txt": (None, "c@x"),
    }


def test_mbox_limits_on_messages_and_their_size(tmp_path: Path) -> None:
    good = submission_bytes(submission(P[0], "lunch-homework"))
    write_mbox(tmp_path / "big.mbox", [mail("a@x", {"p.json": good}, received=DUE),
                                       mail("b@x", {"big.json": b"x" * 60_000}, received=DUE),
                                       mail("c@x", {"p.json": good}, received=DUE),
                                       mail("d@x", {"p.json": good}, received=DUE)])
    limits = Limits(max_mail_bytes=50_000, max_mbox_messages=3)
    got = {f.source: f.rejected.reason if f.rejected else None for f in walk(tmp_path, limits)}
    s = SEPARATOR
    assert got == {f"big.mbox{s}第1封{s}p.json": None, f"big.mbox{s}第2封": Reason.OVERSIZED, f"big.mbox{s}第3封{s}p.json": None,
                   f"big.mbox{s}第4封": Reason.BAD_MAIL}


def test_a_mail_export_over_the_limit_is_not_read(tmp_path: Path) -> None:
    write_eml(tmp_path / "huge.eml", mail("a@x", {"p.json": b"x" * 60_000}, received=DUE))
    [found] = walk(tmp_path, Limits(max_mail_bytes=50_000))
    assert found.rejected is not None and found.rejected.reason is Reason.OVERSIZED


def test_outlook_msg_with_internet_headers(tmp_path: Path) -> None:
    shutil.copy(DATA / "received-late.msg", tmp_path)
    [found] = walk(tmp_path, Limits())  # the image inside the body is not an attachment
    assert found.source == f"received-late.msg{SEPARATOR}午休作业-{P[5].employee_id}.json"
    assert found.channel is not None and found.rejected is None
    assert (found.channel.clock, found.channel.at) == (Clock.MAIL_SERVER, DUE + timedelta(days=2))
    assert found.channel.sender == f"{P[5].name} <e0006@branch.example>"


def test_outlook_msg_without_internet_headers_uses_the_delivery_time(tmp_path: Path) -> None:
    shutil.copy(DATA / "exchange-internal.msg", tmp_path)
    [found] = walk(tmp_path, Limits())
    assert found.channel is not None
    assert (found.channel.clock, found.channel.at) == (Clock.MAIL_SERVER, DUE + timedelta(hours=1))


def test_without_the_optional_msg_library_a_msg_is_rejected_with_the_way_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(DATA / "received-late.msg", tmp_path)
    monkeypatch.setitem(sys.modules, "extract_msg", None)  # as if coursegen[outlook] were not installed
    [found] = walk(tmp_path, Limits())
    assert found.rejected is not None and found.rejected.reason is Reason.BAD_MAIL
    assert "coursegen[outlook]" in found.rejected.detail and ".eml" in found.rejected.detail


@pytest.fixture()
def course(tmp_path: Path):  # type: ignore[no-untyped-def]
    course, quizzes = write_course(tmp_path)
    project, _ = load_project(course, quizzes)
    return project, read_roster(write_roster(tmp_path / "roster.csv", P))


def test_a_back_dated_file_in_a_late_mail_is_late_and_flagged(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    project, roster = course
    inbox = tmp_path / "inbox"
    back_dated = submission_bytes(submission(P[0], "lunch-homework", updated_at=DUE - timedelta(hours=3)))
    write_eml(inbox / "p1.eml", mail(f"{P[0].name} <p1@x>", {"p1.json": back_dated}, received=DUE + timedelta(days=2)))
    write_json(inbox / "p2.json", submission(P[1], "lunch-homework", updated_at=DUE - timedelta(hours=3)))  # no channel: its own time
    report, _ = make_report([inbox], roster, project, tmp_path / "out", now=DUE + timedelta(days=3))
    cells = {(c.trainee.employee_id, c.form.id): c for c in report.cells}
    late = cells[P[0].employee_id, "lunch-homework"]
    assert (late.status, late.clock, late.late_by, late.sender) == ("late", Clock.MAIL_SERVER, timedelta(days=2), f"{P[0].name} <p1@x>")
    assert late.warning.startswith("文件自带时间比邮件服务器时间早 2天3小时")
    on_time = cells[P[1].employee_id, "lunch-homework"]
    assert (on_time.status, on_time.clock, on_time.warning) == ("submitted", Clock.TRAINEE, "")


def test_the_first_hand_in_counts_by_its_own_clock(tmp_path: Path, course) -> None:  # type: ignore[no-untyped-def]
    """Mailed on time, corrected later by mail: on time, the kept version is the newer one."""
    project, roster = course
    inbox = tmp_path / "inbox"
    v1 = submission_bytes(submission(P[0], "lunch-homework", updated_at=DUE - timedelta(hours=1)))
    v2 = submission_bytes(submission(P[0], "lunch-homework", updated_at=DUE + timedelta(hours=5)))
    write_mbox(inbox / "inbox.mbox", [mail("p1@x", {"v1.json": v1}, received=DUE - timedelta(minutes=50)),
                                     mail("p1@x", {"v2.json": v2}, received=DUE + timedelta(hours=5, minutes=1))])
    report, _ = make_report([inbox], roster, project, tmp_path / "out", now=DUE + timedelta(days=3))
    cell = next(c for c in report.cells if c.trainee.employee_id == P[0].employee_id and c.form.id == "lunch-homework")
    assert (cell.status, cell.first_at, cell.last_at) == ("submitted", DUE - timedelta(minutes=50), DUE + timedelta(hours=5, minutes=1))
    assert [e.bucket for e in report.files] == [Bucket.SUPERSEDED, Bucket.ACCEPTED]
    assert report.files[0].timing is not None and report.files[0].timing.at.tzinfo is not None
