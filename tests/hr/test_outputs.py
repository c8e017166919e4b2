"""The files HR opens: no live formula from a file in the workbook or the CSVs, no runnable markup in the HTML."""

from __future__ import annotations

import csv
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coursegen.hr import HTML_NAME, XLSX_NAME, make_report, read_roster
from coursegen.hr.cells import FORMULA_TRIGGERS
from coursegen.load import load_project

from .conftest import FORMULAS, IMG, SCRIPT, Built
from .synthetic import DUE, people, submission, write_course, write_json, write_roster


@pytest.fixture(scope="module")
def workbook(built: Built):  # type: ignore[no-untyped-def]
    return load_workbook(built.out / XLSX_NAME)


def test_workbook_has_the_seven_sheets(workbook) -> None:  # type: ignore[no-untyped-def]
    assert workbook.sheetnames == ["汇总", "明细", "待催交", "测验成绩", "题目分析", "课程评估", "文件清单"]


def test_no_cell_in_the_workbook_is_a_formula(workbook) -> None:  # type: ignore[no-untyped-def]
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_TRIGGERS), (sheet.title, cell.coordinate, cell.value)


def test_formula_text_from_files_and_roster_is_kept_as_visible_text(workbook) -> None:  # type: ignore[no-untyped-def]
    values = {c.value for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for formula in FORMULAS:
        assert "'" + formula.strip() in values
    assert "'-李四" in values  # a roster name
    assert "'=cmd.json" in values  # a file name
    assert SCRIPT in values  # text is text in a workbook: kept as it is


def test_detail_sheet_has_one_row_per_trainee_and_form(workbook) -> None:  # type: ignore[no-untyped-def]
    rows = list(workbook["明细"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 600
    status = header.index("状态")
    assert sorted({r[status] for r in body}) == ["已提交", "未提交", "迟交"]
    assert sum(r[status] == "迟交" for r in body) == 20
    late = next(r for r in body if r[0] == "E0151" and r[3] == "午休作业：投诉案例梳理")
    assert late[header.index("迟交时长")] == "1小时"
    assert late[header.index("首次提交")].isoformat() == "2021-03-12T19:00:00"


def test_files_sheet_lists_every_input_file(workbook, built: Built) -> None:  # type: ignore[no-untyped-def]
    rows = list(workbook["文件清单"].iter_rows(values_only=True))[1:]
    assert len(rows) == len(built.scenario.expected)
    assert sum(r[2] == "已拒收" for r in rows) == 17


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_has_no_executable_markup_and_no_outside_resource(built: Built) -> None:
    html = (built.out / HTML_NAME).read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}
    for tag, attrs in parser.tags:
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
        for key in ("href", "src", "action", "xlink:href"):
            assert not (attrs.get(key) or "#").strip().lower().startswith(("javascript:", "http", "//")), (tag, attrs)
    assert "default-src 'none'" in html  # the CSP: no script may run even if escaping failed


def test_html_shows_hostile_text_escaped(built: Built) -> None:
    html = (built.out / HTML_NAME).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert SCRIPT not in html and IMG not in html


def test_html_has_the_completion_chart_per_department(built: Built) -> None:
    html = (built.out / HTML_NAME).read_text(encoding="utf-8")
    assert html.count('class="on-time" x=') == len(built.report.departments)
    assert "65.0%" in html  # every department's rate


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fp:
        return list(csv.DictReader(fp))


def test_csv_files_are_neutralised_and_complete(built: Built) -> None:
    folder = built.out / "csv"
    detail = read_csv(folder / "detail.csv")
    assert len(detail) == 600
    assert {r["name"] for r in detail if r["employee_id"] == "E0005"} == {"'-李四"}
    late = next(r for r in detail if r["employee_id"] == "E0151" and r["form_id"] == "lunch-homework")
    assert (late["status"], late["late_minutes"], late["first_submitted_at"]) == ("late", "60", "2021-03-12T19:00+08:00")
    comments = [r["text"] for r in read_csv(folder / "survey_comments.csv")]
    assert "'" + FORMULAS[0] in comments
    files = read_csv(folder / "files.csv")
    assert len(files) == len(built.scenario.expected)
    assert {r["reason"] for r in files if r["bucket"] == "rejected"} >= {"zip_bomb", "unsafe_path", "oversized", "too_deep"}
    for path in folder.glob("*.csv"):
        for row in read_csv(path):
            assert not any(v.startswith(FORMULA_TRIGGERS) for v in row.values()), (path.name, row)


def test_minutes_late_are_the_same_figure_in_the_workbook_and_the_csv(tmp_path: Path) -> None:
    """A file 30 seconds late is late by 1 minute everywhere (the CSV once said 0, the workbook 1分钟 and 0.0 hours)."""
    project, _ = load_project(*write_course(tmp_path))
    person = people(1)[0]
    write_json(tmp_path / "inbox" / "a.json", submission(person, "lunch-homework", updated_at=DUE + timedelta(seconds=30)))
    make_report([tmp_path / "inbox"], read_roster(write_roster(tmp_path / "roster.csv", [person])), project, tmp_path / "out")
    rows = list(load_workbook(tmp_path / "out" / XLSX_NAME)["明细"].iter_rows(values_only=True))
    header = rows[0]
    late = next(r for r in rows[1:] if r[header.index("状态")] == "迟交")
    csv_late = next(r for r in read_csv(tmp_path / "out" / "csv" / "detail.csv") if r["status"] == "late")
    assert (late[header.index("迟交时长")], late[header.index("迟交分钟")], csv_late["late_minutes"]) == ("1分钟", 1, "1")
