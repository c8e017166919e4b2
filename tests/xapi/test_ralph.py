"""The test LRS itself: a real Ralph that stores, answers queries, keeps its data across a restart and refuses bad xAPI.

The xAPI tests rest on it (the site's statements read back, the HR report from the LRS), so it is checked on its
own first: a harness that silently stored nothing would let those tests pass for the wrong reason.
"""

from __future__ import annotations

import urllib.error
import uuid

import pytest

from tests.lrs import RalphLrs, validate

pytestmark = pytest.mark.lrs


def statement(number: int) -> dict[str, object]:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "name": "学员", "account": {"homePage": "https://learning.example.com/c", "name": f"{number:04d}"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"zh-CN": "完成了"}},
        "object": {"objectType": "Activity", "id": f"https://learning.example.com/c/lecture/l{number}"},
        "timestamp": "2026-12-07T09:00:00+08:00",
    }


def test_statements_are_stored_read_back_page_by_page_and_kept_across_a_restart(lrs: RalphLrs) -> None:
    sent = [statement(n) for n in range(120)]
    assert lrs.post(sent) == [s["id"] for s in sent]
    lrs.stop()
    lrs.start()
    stored = lrs.statements("limit=50")
    assert sorted(s["id"] for s in stored) == sorted(s["id"] for s in sent)
    assert all("stored" in s for s in stored)


def test_a_statement_sent_again_is_stored_once_and_another_under_its_id_refused(lrs: RalphLrs) -> None:
    """What a sender's retry meets: the same statement again is accepted (a lost answer re-sent), never doubled."""
    once = statement(1)
    lrs.post([once])
    lrs.post([once])
    with pytest.raises(urllib.error.HTTPError) as refused:
        lrs.post([{**once, "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"}}])
    refused.value.close()
    assert refused.value.code == 409
    assert [s["id"] for s in lrs.statements()] == [once["id"]]


def test_ralph_s_models_accept_valid_statements_and_name_what_is_wrong_in_others() -> None:
    broken = {**statement(2), "verb": {"id": "completed"}}
    assert validate([statement(1)]) == []
    [error] = validate([statement(1), broken])
    assert error.startswith("statement 2:") and "verb.id" in error
