"""What HR reads: statuses, lateness, department rates, quiz scores and the survey statistics."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coursegen.hr.report import Cell, late_label
from coursegen.hr.roster import Trainee

from .conftest import SCRIPT, Built
from .synthetic import DEPARTMENTS, DUE


def cell(built: Built, employee_id: str, form_id: str) -> Cell:
    return next(c for t, cells in built.report.rows if t.employee_id == employee_id for c in cells if c.form.id == form_id)


def test_totals_are_exact(built: Built) -> None:
    total = built.report.total
    assert (total.trainees, total.expected, total.on_time, total.late, total.missing) == (200, 600, 370, 20, 210)
    per_form = {t.label: (t.on_time, t.late, t.missing) for t in built.report.per_form}
    assert per_form == {"午休作业：投诉案例梳理": (150, 20, 30), "案例复盘": (100, 0, 100), "课程评估": (120, 0, 80)}


def test_every_department_has_its_exact_counts_and_rates(built: Built) -> None:
    rows = {t.label: (t.trainees, t.expected, t.on_time, t.late, t.missing) for t in built.report.departments}
    assert rows == {d: (40, 120, 74, 4, 42) for d in DEPARTMENTS}
    assert [t.label for t in built.report.departments] == [*DEPARTMENTS[1:], DEPARTMENTS[0]]  # roster order
    assert built.report.departments[0].rate == pytest.approx(78 / 120)
    assert built.report.departments[0].on_time_rate == pytest.approx(74 / 120)


def test_late_submissions_say_how_late(built: Built) -> None:
    late = cell(built, "E0151", "lunch-homework")
    assert (late.status, late.late_by, late_label(late.late_by)) == ("late", timedelta(hours=1), "1小时")
    assert late_label(cell(built, "E0170", "lunch-homework").late_by) == "20小时"


def test_lateness_is_judged_on_the_first_version(built: Built) -> None:
    resent = cell(built, "E0001", "lunch-homework")
    assert resent.status == "submitted"
    assert resent.first_at == DUE - timedelta(hours=3)
    assert resent.last_at == DUE + timedelta(hours=5)
    assert resent.source == "重发/E0001-v2.json"


def test_a_form_without_due_time_is_never_late_and_missing_is_missing(built: Built) -> None:
    assert cell(built, "E0100", "case-review").status == "submitted"
    assert cell(built, "E0101", "case-review").status == "missing"
    assert cell(built, "E0171", "lunch-homework").status == "missing"


def test_times_are_shown_in_the_zone_of_the_due_times(built: Built) -> None:
    assert built.report.timezone == "UTC+08:00"
    assert cell(built, "E0151", "lunch-homework").first_at.isoformat() == "2021-03-12T19:00:00+08:00"  # type: ignore[union-attr]


def test_quiz_scores_come_from_the_kept_files(built: Built) -> None:
    (summary,) = built.report.quiz_summary
    assert (summary.quiz.title, summary.reported, summary.passed) == ("基础自测", 49, 49)
    assert summary.mean_best == 84.1  # (10 × 100 + 39 × 80) / 49 = 84.08…, to one decimal as every output shows it
    scores = {row.trainee.employee_id: row.scores for row in built.report.quiz_rows}
    assert scores["E0001"]["basics"].best == 100
    assert scores["E0011"]["basics"].best == 80
    assert scores["E0051"] == {}


def test_survey_means_distribution_and_department_means(built: Built) -> None:
    (survey,) = built.report.surveys
    assert survey.responses == 120
    content, teacher = survey.items
    assert (content.label, content.n, content.mean, content.distribution) == ("课程内容", 120, 3.0, (24, 24, 24, 24, 24))
    assert (teacher.n, teacher.mean, teacher.distribution) == (120, 4.5, (0, 0, 0, 60, 60))
    # trainee i sits in DEPARTMENTS[i % 5] and rated the content 1 + i % 5
    assert {d: m for d, (n, m) in content.by_department.items()} == {d: float(1 + k) for k, d in enumerate(DEPARTMENTS)}
    assert all(n == 24 for n, _ in content.by_department.values())


def test_survey_comments_are_kept_verbatim_with_the_department(built: Built) -> None:
    (survey,) = built.report.surveys
    texts = [c.text for c in survey.comments]
    assert len(texts) == 7 and SCRIPT in texts and "=1+1" in texts
    assert all(c.question == "意见与建议" for c in survey.comments)
    assert survey.comments[0].department == DEPARTMENTS[1]


def test_homework_answers_are_not_kept(built: Built) -> None:
    entry = next(e for e in built.report.files if e.source == "午休作业/E0020.json")
    assert entry.received is not None and entry.received.answers == {}


@pytest.mark.parametrize(
    ("late_by", "label"),
    [(timedelta(seconds=20), "1分钟"), (timedelta(minutes=25), "25分钟"), (timedelta(hours=5, minutes=10), "5小时10分钟"),
     (timedelta(days=2), "2天"), (timedelta(days=2, hours=3, minutes=59), "2天3小时"), (None, "")],
)
def test_late_label(late_by: timedelta | None, label: str) -> None:
    assert late_label(late_by) == label


def test_rows_follow_the_roster(built: Built) -> None:
    first: Trainee = built.report.rows[0][0]
    assert (first.employee_id, first.row) == ("E0001", 2)
    assert len(built.report.rows) == 200 and all(len(cells) == 3 for _, cells in built.report.rows)
