"""题目分析 against figures worked out by hand: a 22-trainee class (discrimination index included), files without
per-question results or for an older version of the quiz, and a 2,000-trainee class checked by arithmetic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coursegen.hr import make_report, read_roster
from coursegen.hr.items import ItemAnalysis, QuestionStats
from coursegen.load import load_project

from . import synthetic
from .conftest import NOW
from .synthetic import Person, basics_score, people, submission, write_json

B, C = "B. 解释制度规定", "C. 转给其他同事"
A3 = "A. 复述客户的诉求"


def _class_of_22(k: int) -> dict[str, tuple[bool, object]]:
    """Trainee k (1–22): q1 wrong for 21 and 22; q2 right up to 11, then B up to 18, then C;
    q3 right up to 6, then only A ticked; q4 right for even k, 受理 for odd k."""
    return {
        "q1": (k < 21, k < 21),
        "q2": (k <= 11, 0 if k <= 11 else 1 if k <= 18 else 2),
        "q3": (k <= 6, [0, 1] if k <= 6 else [0]),
        "q4": (k % 2 == 0, "倾听" if k % 2 == 0 else "受理"),
    }


def _report(tmp_path: Path, persons: list[Person], files: dict[str, dict]) -> tuple[ItemAnalysis, Path]:
    course, quizzes = synthetic.write_course(tmp_path)
    roster = read_roster(synthetic.write_roster(tmp_path / "roster.csv", persons))
    for name, data in files.items():
        write_json(tmp_path / "inbox" / name, data)
    (tmp_path / "inbox").mkdir(exist_ok=True)
    project, _ = load_project(course, quizzes)
    report, outputs = make_report([tmp_path / "inbox"], roster, project, tmp_path / "out", now=NOW)
    return report.items, tmp_path / "out"


def _row(q: QuestionStats) -> tuple[object, ...]:
    return (q.question_id, q.attempts, q.correct, round(q.rate, 4), q.wrong_answer, q.wrong_count,
            None if q.discrimination is None else round(q.discrimination, 4))


def test_item_analysis_of_22_trainees_matches_the_figures_worked_out_by_hand(tmp_path: Path) -> None:
    persons = people(22)
    files = {}
    for k, person in enumerate(persons, start=1):
        results = _class_of_22(k)
        best = 25 * sum(right for right, _ in results.values())
        files[f"{person.employee_id}.json"] = submission(person, "lunch-homework", quiz_scores=basics_score(results, best=best, passed=best >= 75))
    items, out = _report(tmp_path, persons, files)

    # Ranked by share right first (E0002, E0004, E0006 4/4; E0001, E0003, E0005 3/4 …): round(0.27 × 22) = 6 per group.
    # Upper = E0001–E0006; lower = E0013, E0015, E0017, E0019 (1/4), E0022 (1/4), E0021 (0/4).
    # q1: upper 6/6, lower 4/6 → D = 1/3;  q2, q3: upper all right, lower none → D = 1;
    # q4: upper right for E0002, E0004, E0006 (3/6), lower only E0022 (1/6) → D = 1/3.
    assert items.trainees == 22 and items.stale == 0
    assert [_row(q) for q in items.questions] == [
        ("q1", 22, 20, 0.9091, "错", 2, 0.3333),
        ("q2", 22, 11, 0.5, B, 7, 1.0),
        ("q3", 22, 6, 0.2727, A3, 16, 1.0),
        ("q4", 22, 11, 0.5, "受理", 11, 0.3333),
    ]
    assert [q.question_id for q in items.most_missed] == ["q3", "q2", "q4", "q1"]
    assert items.most_missed[0].text == "哪些做法有助于平复客户情绪？" and items.most_missed[0].kind == "多选"
    # 营业部 = E0005, E0010, E0015, E0020: best 75, 75, 25, 50 → mean 56.25, shown 56.3 (half up), 2 of 4 passed (pass at 75).
    # 城东支行 = E0001, E0006, E0011, E0016, E0021: 75, 100, 50, 50, 0 → mean 55, 2 of 5 passed.
    departments = {d.department: (d.reported, d.mean, d.pass_rate) for d in items.departments}
    assert departments["营业部"] == (4, 56.3, 0.5)
    assert departments["城东支行"] == (5, 55, 0.4)

    sheet = load_workbook(out / "homework-report.xlsx")["题目分析"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=5, max_row=8, max_col=11)]
    assert [r[:3] + r[5:8] for r in rows] == [
        (1, "基础自测", "基础自测 · 第 3 题", 22, 6, pytest.approx(6 / 22)),
        (2, "基础自测", "基础自测 · 第 2 题", 22, 11, 0.5),
        (3, "基础自测", "基础自测 · 第 4 题", 22, 11, 0.5),
        (4, "基础自测", "基础自测 · 第 1 题", 22, 20, pytest.approx(20 / 22)),
    ]
    assert rows[0][4] == "哪些做法有助于平复客户情绪？" and rows[0][8:10] == (A3, 16) and rows[0][10] == pytest.approx(1)
    [chart] = sheet._charts
    assert chart.tagname == "barChart" and chart.type == "bar"
    [series] = chart.series
    assert series.val.numRef.f == "'题目分析'!$H$5:$H$8" and series.cat.numRef.f == "'题目分析'!$C$5:$C$8"

    page = (out / "homework-report.html").read_text(encoding="utf-8")
    section = page[page.index('<section id="items">') : page.index('<section id="surveys">')]
    assert "最常答错的 4 道题" in section and "A. 复述客户的诉求（16 人）" in section
    bars = re.findall(r'<rect class="on-time" x="180" y="4" width="([\d.]+)"', section)
    assert [float(w) for w in bars] == [pytest.approx(460 * 6 / 22, abs=0.01), 230, 230, pytest.approx(460 * 20 / 22, abs=0.01)]
    assert "http" not in section.replace("http://www.w3.org/2000/svg", "")


def test_files_without_results_or_for_an_older_quiz_version_leave_the_analysis_empty(tmp_path: Path) -> None:
    persons = people(3)
    old = basics_score(_class_of_22(1), best=75, passed=True, hash_="0123456789abcdef")
    files = {
        "old.json": submission(persons[0], "lunch-homework", quiz_scores=old),
        "plain.json": submission(persons[1], "lunch-homework", quiz_scores={"basics": {"best": 80, "passed": True}}),
    }
    items, out = _report(tmp_path, persons, files)
    assert items.questions == [] and items.trainees == 0 and items.stale == 1
    # The scores still count towards the departments' figures: only the per-question part was left out.
    assert sum(d.reported for d in items.departments) == 2
    page = (out / "homework-report.html").read_text(encoding="utf-8")
    assert "提交文件中没有逐题结果" in page
    sheet = load_workbook(out / "homework-report.xlsx")["题目分析"]
    assert sheet["A2"].value.startswith("提交文件中没有逐题结果") and sheet._charts == []


def test_a_class_of_2000_gets_every_figure_right(tmp_path: Path) -> None:
    """Trainee i: q1 wrong when i is a multiple of 10; q2 right when even, else C when a multiple of 3, else B;
    q3 right when a multiple of 4, else A alone; q4 right up to 1,500, else 登记. One file each."""
    persons = people(2000)
    files = {}
    for i, person in enumerate(persons, start=1):
        results = {
            "q1": (i % 10 != 0, i % 10 != 0),
            "q2": (i % 2 == 0, 0 if i % 2 == 0 else 2 if i % 3 == 0 else 1),
            "q3": (i % 4 == 0, [0, 1] if i % 4 == 0 else [0]),
            "q4": (i <= 1500, "倾听" if i <= 1500 else "登记"),
        }
        best = 25 * sum(right for right, _ in results.values())
        files[f"{person.department}/{person.employee_id}.json"] = submission(person, "lunch-homework", quiz_scores=basics_score(results, best=best, passed=best >= 75))
    items, _ = _report(tmp_path, persons, files)
    # Odd i: 1,000; of them multiples of 3 (3, 9, …, 1,995): 333 chose C, 667 chose B.
    assert [_row(q)[:6] for q in items.questions] == [
        ("q1", 2000, 1800, 0.9, "错", 200),
        ("q2", 2000, 1000, 0.5, B, 667),
        ("q3", 2000, 500, 0.25, A3, 1500),
        ("q4", 2000, 1500, 0.75, "登记", 500),
    ]
    # Every question separates: the upper 540 answer each at least as well as the lower 540.
    assert all(q.discrimination is not None and 0 < q.discrimination <= 1 for q in items.questions)
    assert [q.question_id for q in items.most_missed] == ["q3", "q2", "q4", "q1"]
    # Departments take turns (i mod 5), so each has 400 trainees; pass = 3 or 4 right of 4.
    assert {d.reported for d in items.departments} == {400} and items.trainees == 2000
