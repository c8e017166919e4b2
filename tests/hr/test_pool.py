"""Work on several cores gives the same result as work in one process, and fails the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.hr import XLSX_NAME, make_report, read_roster
from coursegen.hr.buckets import Limits, Rejected
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


def test_a_workbook_that_cannot_be_written_fails_loudly(scenario: Scenario, tmp_path: Path) -> None:
    (tmp_path / XLSX_NAME).mkdir()  # the forked writer fails; the retry in this process raises the real error
    with pytest.raises(IsADirectoryError):
        make_report(scenario.inbox, read_roster(scenario.roster), scenario.project, tmp_path)
