"""Work on several cores gives the same result as work in one process, and fails the same way."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from coursegen import hr
from coursegen.hr import OutputError, make_report, read_roster
from coursegen.hr.buckets import Limits, Rejected
from coursegen.hr import pool
from coursegen.hr.pool import parse_all
from coursegen.hr.sources import walk

from .conftest import Scenario


def summary(outcomes: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [
        (found.source, f"{o.reason.value}:{o.detail}" if isinstance(o, Rejected) else f"{o.employee_id}/{o.homework_id}/{o.updated_at}")
        for found, o in outcomes
    ]


def test_workers_agree_with_one_process(scenario: Scenario) -> None:
    limits = Limits()
    alone = list(parse_all(walk(scenario.inbox, limits), limits, workers=1))
    shared = list(parse_all(walk(scenario.inbox, limits), limits, workers=2, sequential_first=5, batch=7))
    assert len(alone) == len(scenario.expected)
    assert summary(shared) == summary(alone)


def test_a_workbook_that_cannot_be_written_fails_with_a_message_and_no_child_traceback(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    def disk_full(report: object, path: Path) -> None:
        path.write_bytes(b"PK")  # half a workbook
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(hr, "write_xlsx", disk_full)  # fails in the forked writer, then in the retry here
    with pytest.raises(OutputError, match="No space left on device"):
        make_report([scenario.inbox], read_roster(scenario.roster), scenario.project, tmp_path)
    assert "Traceback" not in capfd.readouterr().err  # the child failed quietly; the parent's error is the one shown
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == []  # no half workbook, no temporary file


def test_a_file_no_check_foresaw_is_rejected_and_the_others_still_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.json").write_bytes(b"{}")
    (tmp_path / "b.json").write_bytes(b"[]")
    real = pool.parse_submission

    def parse(data: bytes, limits: Limits, *, answers: bool = False) -> object:
        if data == b"{}":
            raise MemoryError("out of memory")
        return real(data, limits, answers=answers)

    monkeypatch.setattr(pool, "parse_submission", parse)
    outcomes = summary(list(parse_all(walk(tmp_path, Limits()), Limits(), workers=1)))
    assert outcomes == [("a.json", "error:MemoryError: out of memory"), ("b.json", 'not_submission:没有 "format": "coursegen-submission"')]
