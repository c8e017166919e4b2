"""Parsing on several cores gives the same outcome, in the same order, as parsing in one process."""

from __future__ import annotations

from generator.hr.buckets import Limits, Rejected
from generator.hr.pool import parse_all
from generator.hr.sources import walk

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
