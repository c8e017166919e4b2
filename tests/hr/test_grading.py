"""Grading (issue 29): the grading workbook the trainer reads and grades in (``--grading``), and its grades read back
into every output of the report (``--grades``), each row tied to the submission it shows by its checksum."""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from coursegen.cli import main
from coursegen.hr import HTML_NAME, XLSX_NAME
from coursegen.hr.grading import SHEET_NAME_LIMIT, answer_text, sheet_name
from coursegen.load import load_project
from coursegen.model.homework import Rating, Table

from .synthetic import DUE, people, submission, write_course, write_json, write_roster

P = people(4)
LONG_TITLE = "复盘/总结:[重点]*问题?与\\对策——2021年第一季度投诉案例深度复盘"
"""37 characters, six of them forbidden in a sheet name."""
LONG_SHEET = "复盘_总结__重点__问题_与_对策——2021年第一季度投诉"
EXTRA_YML = """\
id: deep-review
title: '{title}'
kind: homework
fields:
  - id: cases
    label: 投诉案例
    type: table
    columns:
      - {{id: case, label: 案例}}
      - {{id: action, label: 处理}}
  - id: self
    label: 自评
    type: rating
    items:
      - {{id: listen, label: 倾听}}
      - {{id: solve, label: 解决}}
  - id: channel
    label: 主要渠道
    type: choice
    options: [电话, 柜面, 网络]
  - id: tools
    label: 用到的方法
    type: checkboxes
    options: [复述诉求, 说明安排, 事后回访]
""".format(title=LONG_TITLE.replace("'", "''"))
EXTRA_ANSWERS = {
    "cases": [{"case": "客户排队过久", "action": "致歉并分流"}, {"case": "", "action": ""}, {"case": "转账失败", "action": "当场查询"}],
    "self": {"listen": 4, "solve": 3},
    "channel": "柜面",
    "tools": ["复述诉求", "事后回访"],
}
LUNCH = "午休作业：投诉案例梳理"
HEADER = ["工号", "姓名", "部门", "提交时间"]
GRADING_COLUMNS = ["成绩", "评语", "复核", "校验值（请勿修改）"]


@dataclass
class Class:
    root: Path

    def run(self, *args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(main, ["homework", "report", "收件箱", "--roster", "名单.csv", "-o", "报告", *args])
        return result.exit_code, result.stdout, result.stderr

    def put(self, name: str, data: dict[str, object]) -> str:
        write_json(self.root / "收件箱" / name, data)
        return str(data["sha256"])


@pytest.fixture
def klass(workdir: Path) -> Class:
    """Four trainees: E0001 hands in both forms, E0002 and E0003 the lunch homework, E0004 nothing."""
    write_course(workdir)
    (workdir / "course" / "homework" / "deep.yml").write_text(EXTRA_YML, encoding="utf-8")
    write_roster(workdir / "名单.csv", P)
    k = Class(workdir)
    k.put("a.json", submission(P[0], "lunch-homework", answers={"summary": "本月处理投诉三起。\n都已回访。"}))
    k.put("a2.json", submission(P[0], "deep-review", answers=EXTRA_ANSWERS))
    k.put("b.json", submission(P[1], "lunch-homework", answers={"summary": "第一版小结"}))
    k.put("c.json", submission(P[2], "lunch-homework", answers={"summary": "=1+1 不是公式"}))
    return k


def sheet_rows(path: Path, sheet: str) -> list[list[object]]:
    return [list(r) for r in load_workbook(path)[sheet].iter_rows(values_only=True)]


def type_grades(path: Path, grades: dict[tuple[str, str], tuple[object, object]], edit: dict[tuple[str, str, str], object] | None = None) -> None:
    """As the trainer does in Excel: type a grade and a comment into (sheet, 工号)'s row; ``edit`` sets any other cell."""
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        header = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            employee = row[0].value
            if (sheet.title, employee) in grades:
                grade, comment = grades[(sheet.title, employee)]
                row[header.index("成绩")].value = grade
                row[header.index("评语")].value = comment
            for (title, who, column), value in (edit or {}).items():
                if (title, who) == (sheet.title, employee):
                    row[header.index(column)].value = value
    workbook.save(path)


def detail_rows(out: Path) -> dict[tuple[str, str], dict[str, object]]:
    rows = list(load_workbook(out / XLSX_NAME)["明细"].iter_rows(values_only=True))
    return {(str(r[0]), str(r[3])): dict(zip(rows[0], r)) for r in rows[1:]}


def detail_csv(out: Path) -> dict[tuple[str, str], dict[str, str]]:
    with (out / "csv" / "detail.csv").open(encoding="utf-8-sig") as fp:
        return {(r["employee_id"], r["form_id"]): r for r in csv.DictReader(fp)}


def test_the_grading_workbook_shows_each_kept_submission_readably(klass: Class) -> None:
    code, out, err = klass.run("--grading", "批改表.xlsx")
    assert code == 0, out + err
    assert "已写入 批改表.xlsx" in out
    workbook = load_workbook(klass.root / "批改表.xlsx")
    assert workbook.sheetnames == [LONG_SHEET, LUNCH, "案例复盘"]  # one per homework form in the course's order (deep.yml first), none for the survey
    lunch = workbook[LUNCH]
    assert lunch.freeze_panes == "C2"
    rows = sheet_rows(klass.root / "批改表.xlsx", LUNCH)
    assert rows[0] == [*HEADER, "案例小结", *GRADING_COLUMNS]
    assert [r[0] for r in rows[1:]] == ["E0001", "E0002", "E0003"]  # roster order, E0004 handed nothing in
    first = rows[1]
    assert first[1:3] == [P[0].name, P[0].department]
    assert first[3].isoformat() == "2021-03-12T16:00:00"  # when the kept version came, in the course's zone
    assert first[4] == "本月处理投诉三起。\n都已回访。"
    assert rows[3][4] == "'=1+1 不是公式"  # text from a file never becomes a formula
    assert first[5:8] == [None, None, None]
    assert first[8] == submission(P[0], "lunch-homework", answers={"summary": "本月处理投诉三起。\n都已回访。"})["sha256"]
    assert lunch["E2"].alignment.wrap_text is True and lunch["F2"].alignment.wrap_text is not True and lunch["G2"].alignment.wrap_text is True
    assert lunch.column_dimensions["E"].width == 50 and lunch.column_dimensions["G"].width == 40


def test_a_table_a_rating_and_choices_are_flattened_legibly(klass: Class) -> None:
    code, out, err = klass.run("--grading", "批改表.xlsx")
    assert code == 0, out + err
    rows = sheet_rows(klass.root / "批改表.xlsx", LONG_SHEET)
    assert rows[0] == [*HEADER, "投诉案例", "自评", "主要渠道", "用到的方法", *GRADING_COLUMNS]
    assert len(rows) == 2 and rows[1][0] == "E0001"
    assert rows[1][4:8] == [
        "1. 案例：客户排队过久；处理：致歉并分流\n2. 案例：转账失败；处理：当场查询",  # the empty row is left out
        "倾听：4 分\n解决：3 分",
        "柜面",
        "复述诉求\n事后回访",
    ]


def test_answer_text_keeps_cells_of_columns_the_form_no_longer_has(workdir: Path) -> None:
    course, quizzes = write_course(workdir)
    (course / "homework" / "deep.yml").write_text(EXTRA_YML, encoding="utf-8")
    project, _ = load_project(course, quizzes)
    table, rating = project.homework["deep-review"].fields[:2]
    assert isinstance(table, Table) and isinstance(rating, Rating)
    assert answer_text(table, [{"action": "回访", "case": "投诉", "extra": "多的列"}]) == "1. 案例：投诉；处理：回访；extra：多的列"
    assert answer_text(rating, {"solve": 5}) == "解决：5 分"
    assert answer_text(table, None) == ""


def test_grades_typed_in_the_workbook_reach_the_xlsx_the_html_and_the_csv(klass: Class) -> None:
    assert klass.run("--grading", "批改表.xlsx")[0] == 0
    type_grades(klass.root / "批改表.xlsx", {
        (LUNCH, "E0001"): (85, "思路清楚，\n回访记录完整。"),
        (LUNCH, "E0003"): ("优秀", None),
        (LONG_SHEET, "E0001"): ("通过", "-表格可再细一些"),
    })
    code, out, err = klass.run("--grades", "批改表.xlsx")
    assert code == 0, out + err
    assert "从 批改表.xlsx 读入成绩 3 份（其中 0 份已重新提交，需复核），0 行没有采用" in out
    assert err == ""
    out_dir = klass.root / "报告"

    detail = detail_rows(out_dir)
    assert (detail[("E0001", LUNCH)]["成绩"], detail[("E0001", LUNCH)]["评语"]) == (85, "思路清楚，\n回访记录完整。")
    assert detail[("E0003", LUNCH)]["成绩"] == "优秀" and detail[("E0003", LUNCH)]["评语"] is None
    assert detail[("E0001", LONG_TITLE)]["成绩"] == "通过" and detail[("E0001", LONG_TITLE)]["评语"] == "'-表格可再细一些"
    assert detail[("E0002", LUNCH)]["成绩"] is None  # handed in, not graded yet
    assert all(row["复核"] is None for row in detail.values())

    rows = detail_csv(out_dir)
    assert (rows[("E0001", "lunch-homework")]["grade"], rows[("E0001", "lunch-homework")]["grade_comment"]) == ("85", "思路清楚，\n回访记录完整。")
    assert rows[("E0003", "lunch-homework")]["grade"] == "优秀" and rows[("E0003", "lunch-homework")]["grade_review"] == "0"
    assert rows[("E0002", "lunch-homework")]["grade"] == "" and rows[("E0002", "lunch-homework")]["grade_review"] == ""

    html = (out_dir / HTML_NAME).read_text(encoding="utf-8")
    assert html.count("成绩：85") == 1 and html.count("成绩：优秀") == 1 and html.count("成绩：通过") == 1
    assert '<h2>成绩（3 份已批改）</h2>' in html
    assert '<td class="comment">思路清楚，\n回访记录完整。</td>' in html

    # the grades are carried into a new grading workbook, which reads back the same
    code, out, err = klass.run("--grades", "批改表.xlsx", "--grading", "批改表.xlsx")
    assert code == 0, out + err
    rows_again = sheet_rows(klass.root / "批改表.xlsx", LUNCH)
    assert [r[5:7] for r in rows_again[1:]] == [[85, "思路清楚，\n回访记录完整。"], [None, None], ["优秀", None]]
    assert sheet_rows(klass.root / "批改表.xlsx", LONG_SHEET)[1][9] == "'-表格可再细一些"
    assert klass.run("--grades", "批改表.xlsx")[0] == 0
    assert detail_rows(out_dir)[("E0001", LONG_TITLE)]["评语"] == "'-表格可再细一些"  # read back as typed, no second quote
    assert detail_csv(out_dir)[("E0001", "deep-review")]["grade_comment"] == "'-表格可再细一些"


def test_a_row_edited_to_point_at_another_trainee_is_refused_with_its_row_and_the_rest_is_used(klass: Class) -> None:
    assert klass.run("--grading", "批改表.xlsx")[0] == 0
    lunch = sheet_rows(klass.root / "批改表.xlsx", LUNCH)
    type_grades(klass.root / "批改表.xlsx", {(LUNCH, "E0001"): (90, None), (LUNCH, "E0002"): (60, "重写"), (LUNCH, "E0003"): (75, None)}, edit={
        (LUNCH, "E0002", "工号"): "E0001",  # row 3 now names E0001, but shows (and its checksum names) E0002's file
        (LUNCH, "E0003", "校验值（请勿修改）"): lunch[1][8],  # row 4 keeps E0003 and takes E0001's checksum
    })
    code, out, err = klass.run("--grades", "批改表.xlsx")
    assert code == 0, out + err
    assert "读入成绩 1 份（其中 0 份已重新提交，需复核），2 行没有采用" in out
    assert err.splitlines() == [
        f"批改表.xlsx 工作表“{LUNCH}”第 3 行的成绩没有采用：工号 E0001 与校验值对应的提交不符：那是 E0002 {P[1].name} 交的“{LUNCH}”",
        f"批改表.xlsx 工作表“{LUNCH}”第 4 行的成绩没有采用：工号 E0003 与校验值对应的提交不符：那是 E0001 {P[0].name} 交的“{LUNCH}”",
    ]
    detail = detail_rows(klass.root / "报告")
    assert [detail[(f"E000{i}", LUNCH)]["成绩"] for i in (1, 2, 3)] == [90, None, None]
    html = (klass.root / "报告" / HTML_NAME).read_text(encoding="utf-8")
    assert "批改表中没有采用的行（2 行）" in html and "<td>3</td><td>工号 E0001 与校验值对应的提交不符" in html


def test_a_row_from_another_class_a_row_without_checksum_and_a_second_row_for_one_submission_are_refused(klass: Class) -> None:
    assert klass.run("--grading", "批改表.xlsx")[0] == 0
    other = submission(P[0], "lunch-homework", course_id="another-course")["sha256"]
    type_grades(klass.root / "批改表.xlsx", {(LUNCH, "E0001"): (90, None), (LUNCH, "E0002"): (60, None), (LUNCH, "E0003"): (None, "只有评语")},
                edit={(LUNCH, "E0002", "校验值（请勿修改）"): other, (LUNCH, "E0003", "校验值（请勿修改）"): None})
    workbook = load_workbook(klass.root / "批改表.xlsx")
    sheet = workbook[LUNCH]
    sheet.append([cell.value for cell in sheet[2]])  # row 5: E0001's row pasted again
    sheet.append([])
    sheet.append(["E0004", None, None, None, None, None, None, None, other])  # row 7: not graded, so not looked at
    workbook.save(klass.root / "批改表.xlsx")
    code, out, err = klass.run("--grades", "批改表.xlsx")
    assert code == 0, out + err
    assert [line.split("没有采用：", 1)[1] for line in err.splitlines()] == [
        "校验值对不上本次报告采用的任何提交（这一行可能来自别的班级或别的课程，或校验值被改过）",
        "这一行没有校验值（不是批改表生成的行，或校验值被删掉了）",
        f"与工作表“{LUNCH}”第 2 行是同一名学员的同一份作业，只采用那一行的成绩",
    ]
    assert [line.split("第 ")[1].split(" 行")[0] for line in err.splitlines()] == ["3", "4", "5"]
    assert detail_rows(klass.root / "报告")[("E0001", LUNCH)]["成绩"] == 90


def test_a_trainee_who_hands_in_again_after_grading_keeps_the_grade_marked_for_review(klass: Class) -> None:
    assert klass.run("--grading", "批改表.xlsx")[0] == 0
    type_grades(klass.root / "批改表.xlsx", {(LUNCH, "E0002"): (70, "案例不够具体"), (LUNCH, "E0001"): (88, None)})
    klass.put("b-v2.json", submission(P[1], "lunch-homework", updated_at=DUE + timedelta(hours=1), answers={"summary": "第二版：补充了两个案例"}))
    code, out, err = klass.run("--grades", "批改表.xlsx")
    assert code == 0, out + err
    assert "读入成绩 2 份（其中 1 份已重新提交，需复核），0 行没有采用" in out
    detail = detail_rows(klass.root / "报告")
    assert (detail[("E0002", LUNCH)]["成绩"], detail[("E0002", LUNCH)]["复核"]) == (70, "已重新提交，需复核")
    assert (detail[("E0001", LUNCH)]["成绩"], detail[("E0001", LUNCH)]["复核"]) == (88, None)
    assert detail_csv(klass.root / "报告")[("E0002", "lunch-homework")]["grade_review"] == "1"
    html = (klass.root / "报告" / HTML_NAME).read_text(encoding="utf-8")
    assert "成绩：70</span> <span class=\"warn\">已重新提交，需复核</span>" in html

    # a new grading workbook shows the new version, the grade carried over and the mark, until the trainer clears it
    shutil.copy(klass.root / "批改表.xlsx", klass.root / "旧批改表.xlsx")
    assert klass.run("--grades", "旧批改表.xlsx", "--grading", "新批改表.xlsx")[0] == 0
    row = sheet_rows(klass.root / "新批改表.xlsx", LUNCH)[2]
    assert row[0] == "E0002" and row[4] == "第二版：补充了两个案例" and row[5:8] == [70, "案例不够具体", "已重新提交，需复核"]
    assert klass.run("--grades", "新批改表.xlsx")[0] == 0
    assert detail_rows(klass.root / "报告")[("E0002", LUNCH)]["复核"] == "已重新提交，需复核"
    type_grades(klass.root / "新批改表.xlsx", {(LUNCH, "E0002"): (80, "补充后完整")}, edit={(LUNCH, "E0002", "复核"): None})
    code, out, _ = klass.run("--grades", "新批改表.xlsx")
    assert "（其中 0 份已重新提交，需复核）" in out
    assert (detail_rows(klass.root / "报告")[("E0002", LUNCH)]["成绩"], detail_rows(klass.root / "报告")[("E0002", LUNCH)]["复核"]) == (80, None)


@pytest.mark.parametrize("title", [LONG_TITLE, "History", "'引号'", "😀" * 20 + "末尾"])
def test_a_sheet_name_is_cut_to_31_units_without_forbidden_characters(title: str) -> None:
    taken: set[str] = set()
    name = sheet_name(title, taken)
    assert 0 < len(name.encode("utf-16-le")) // 2 <= SHEET_NAME_LIMIT
    assert not set(name) & set("[]:*?/\\") and not name.startswith("'") and not name.endswith("'")
    assert name.lower() != "history"
    assert "\ufffd" not in name.encode("utf-16-le").decode("utf-16-le", "replace")  # no half of an emoji
    again = sheet_name(title, taken)  # a second form with the same title gets its own sheet
    assert again != name and again.endswith("(2)") and len(again.encode("utf-16-le")) // 2 <= SHEET_NAME_LIMIT
    Workbook().create_sheet(name)  # openpyxl refuses what Excel refuses


def test_sheet_names_are_the_expected_ones() -> None:
    assert sheet_name(LONG_TITLE, set()) == LONG_SHEET
    assert sheet_name("History", set()) == "History_"
    assert sheet_name("'引号'", set()) == "引号"
    assert sheet_name("😀" * 20, set()) == "😀" * 15


def test_a_file_that_is_not_a_workbook_is_a_clear_error_and_no_report_is_written(klass: Class) -> None:
    (klass.root / "成绩.xlsx").write_text("工号,成绩\nE0001,85\n", encoding="utf-8")
    code, _, out = klass.run("--grades", "成绩.xlsx")
    assert code == 1
    assert out.startswith("成绩.xlsx：不是能读取的 Excel 工作簿（") and "读不出成绩，没有生成报告" in out
    assert "Traceback" not in out and not (klass.root / "报告").exists()
    (klass.root / "成绩.csv").write_text("工号,成绩\n", encoding="utf-8")
    code, _, out = klass.run("--grades", "成绩.csv")
    assert (code, out.splitlines()[0]) == (1, "成绩.csv：批改表要用 .xlsx 文件（coursegen homework report --grading 生成的那个），读不出成绩")
    code, _, out = klass.run("--grades", "没有这个文件.xlsx")
    assert (code, out.splitlines()[0]) == (1, "没有这个文件.xlsx：找不到批改表")
    assert not (klass.root / "报告").exists()


def test_a_workbook_without_the_grading_columns_is_a_clear_error(klass: Class) -> None:
    workbook = Workbook()
    workbook.active.append(["工号", "姓名", "分数"])
    workbook.active.append(["E0001", P[0].name, 85])
    workbook.save(klass.root / "别的表.xlsx")
    code, _, out = klass.run("--grades", "别的表.xlsx")
    assert code == 1
    assert out.splitlines() == [
        "别的表.xlsx：没有一个工作表有批改表的列（工号、成绩、评语、校验值（请勿修改）），读不出成绩，没有生成报告",
        "    提示：用 coursegen homework report … --grading 批改表.xlsx 生成批改表，在“成绩”“评语”两列里填写；不要删除或改名其他列",
    ]
    assert not (klass.root / "报告").exists()


def test_a_grading_workbook_whose_checksum_column_was_deleted_is_a_clear_error(klass: Class) -> None:
    assert klass.run("--grading", "批改表.xlsx")[0] == 0
    workbook = load_workbook(klass.root / "批改表.xlsx")
    workbook["案例复盘"].delete_cols(9)
    workbook.save(klass.root / "批改表.xlsx")
    before = (klass.root / "报告" / XLSX_NAME).read_bytes()
    code, _, out = klass.run("--grades", "批改表.xlsx")
    assert code == 1
    assert out.splitlines()[0] == "批改表.xlsx：工作表“案例复盘”第 1 行有“成绩”一列，却缺少 校验值（请勿修改），读不出这个工作表的成绩，没有生成报告"
    assert (klass.root / "报告" / XLSX_NAME).read_bytes() == before  # the last report is left as it was


def test_an_existing_grading_workbook_is_not_overwritten_unless_its_grades_are_read(klass: Class) -> None:
    assert klass.run("--grading", "批改表.xlsx")[0] == 0
    type_grades(klass.root / "批改表.xlsx", {(LUNCH, "E0001"): (85, None)})
    before = (klass.root / "批改表.xlsx").read_bytes()
    code, _, out = klass.run("--grading", "批改表.xlsx")
    assert code == 1
    assert out.splitlines() == [
        "批改表 批改表.xlsx 已经存在，里面可能有讲师填好的成绩，没有覆盖它",
        "    提示：要更新这个批改表，同时加上 --grades 批改表.xlsx 读入其中的成绩（成绩会带到新表里）；或者换一个文件名",
    ]
    assert (klass.root / "批改表.xlsx").read_bytes() == before
    code, _, out = klass.run("--grading", "收件箱/批改表.xlsx")
    assert (code, out.splitlines()[0]) == (1, "批改表 收件箱/批改表.xlsx 在提交文件夹 收件箱 里面，请换一个位置")


def test_homework_answers_are_kept_only_when_a_grading_workbook_is_asked_for(klass: Class) -> None:
    from coursegen.hr import make_report, read_roster

    project, _ = load_project(klass.root / "course", klass.root / "quizzes")
    roster = read_roster(klass.root / "名单.csv")
    report, outputs = make_report([klass.root / "收件箱"], roster, project, klass.root / "报告")
    assert outputs.grading is None and report.grading is None
    kept = [c.received for c in report.cells if c.received is not None and c.form.kind == "homework"]
    assert len(kept) == 4 and all(r.answers == {} for r in kept)
    report, outputs = make_report([klass.root / "收件箱"], roster, project, klass.root / "报告", grading=klass.root / "批改表.xlsx")
    assert outputs.grading == klass.root / "批改表.xlsx" and outputs.grading.is_file()
    kept = [c.received for c in report.cells if c.received is not None and c.form.kind == "homework"]
    assert {r.answers.get("channel") or r.answers.get("summary") for r in kept} == {"本月处理投诉三起。\n都已回访。", "柜面", "第一版小结", "=1+1 不是公式"}
