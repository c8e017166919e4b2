"""The roster columns HR already keeps (issue 29): 状态 (请假 / 免交), a personal 延期, 手机 / 邮箱 and the reminder
list built from them; and rosters saved as Excel 97–2003 ``.xls``."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from coursegen.hr import HTML_NAME, XLSX_NAME, RosterError, make_report, read_roster
from coursegen.hr.report import Report
from coursegen.load import load_project

from .synthetic import CST, DUE, people, submission, write_course, write_json

DATA = Path(__file__).parent / "data"
P = people(4)
LUNCH = "午休作业：投诉案例梳理"
HEAD = ("工号", "姓名", "部门", "状态", "延期", "手机", "邮箱")


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name the roster as HR typed it, relative to where the command runs."""
    monkeypatch.chdir(tmp_path)


def write_rows(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def roster_rows(*extra: tuple[str, str, str, str]) -> list[tuple[str, ...]]:
    """One row per person of ``P``: id, name, department, then 状态, 延期, 手机, 邮箱 from ``extra`` (blank where not given)."""
    return [(p.employee_id, p.name, p.department, *(extra[i] if i < len(extra) else ("", "", "", ""))) for i, p in enumerate(P)]


def report(tmp_path: Path, rows: list[tuple[str, ...]], header: tuple[str, ...] = HEAD) -> Report:
    course, quizzes = write_course(tmp_path)
    project, _ = load_project(course, quizzes)
    (tmp_path / "inbox").mkdir(exist_ok=True)
    roster = read_roster(write_rows(tmp_path / "名单.csv", header, rows))
    result, _ = make_report([tmp_path / "inbox"], roster, project, tmp_path / "out", now=DUE + timedelta(days=5))
    return result


def hand_in(tmp_path: Path, person: int, form: str, at: datetime) -> None:
    write_json(tmp_path / "inbox" / f"{P[person].employee_id}-{form}.json", submission(P[person], form, updated_at=at))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fp:
        return list(csv.DictReader(fp))


def chase_section(tmp_path: Path) -> str:
    html = (tmp_path / "out" / HTML_NAME).read_text(encoding="utf-8")
    return html.split('<section id="chase">')[1].split("</section>")[0]


@pytest.mark.parametrize("header", [
    HEAD,
    ("工号", "姓名", "部门", "人员状态", "延期至", "联系电话", "电子邮件"),
    ("employee_id", "name", "department", "Status", "Extended deadline", "Mobile", "E-mail"),
])
def test_the_optional_columns_are_read_by_their_chinese_or_english_names(tmp_path: Path, header: tuple[str, ...]) -> None:
    rows = roster_rows(("在岗", "2021-03-14", "13800000001", "p1@bank.example"), ("请假", "", "", ""), ("免交", "", "", ""),
                       ("", "2021/3/14 12:00", "", ""))
    roster = read_roster(write_rows(tmp_path / "名单.csv", header, rows))
    assert [(t.excused, t.extension, t.mobile, t.email) for t in roster.trainees] == [
        (None, date(2021, 3, 14), "13800000001", "p1@bank.example"),
        ("leave", None, "", ""),
        ("exempt", None, "", ""),
        (None, datetime(2021, 3, 14, 12, 0), "", ""),
    ]


def test_a_column_that_only_begins_like_an_optional_one_is_left_alone(tmp_path: Path) -> None:
    """延期原因 (why) is not 延期 (until when): guessing it would refuse a good roster over a column the report does not need."""
    path = write_rows(tmp_path / "名单.csv", ("工号", "姓名", "部门名称", "延期原因", "状态说明"), [("E1", "王五", "营业部", "出差", "外派学习")])
    trainee = read_roster(path).trainees[0]
    assert (trainee.department, trainee.extension, trainee.excused) == ("营业部", None, None)


@pytest.mark.parametrize(("written", "read"), [
    ("2021-03-14", date(2021, 3, 14)),
    ("2021/3/14 12:00", datetime(2021, 3, 14, 12, 0)),
    ("2021.03.14 12:00:30", datetime(2021, 3, 14, 12, 0, 30)),
    ("2021年3月14日", date(2021, 3, 14)),
    ("2021年3月14日 12时30分", datetime(2021, 3, 14, 12, 30)),
    ("２０２１－０３－１４", date(2021, 3, 14)),
    ("2021-03-14 00:00", date(2021, 3, 14)),
    ("2021-03-14T12:00+08:00", datetime(2021, 3, 14, 12, 0, tzinfo=CST)),
])
def test_extended_deadlines_written_as_people_and_excel_write_them(tmp_path: Path, written: str, read: date) -> None:
    path = write_rows(tmp_path / "名单.csv", ("工号", "姓名", "延期"), [("E1", "王五", written)])
    assert read_roster(path).trainees[0].extension == read


def test_an_unknown_status_is_refused_with_its_row_and_the_words_allowed(tmp_path: Path) -> None:
    rows = roster_rows(("", "", "", ""), ("离职", "", "", ""), ("免交", "", "", ""), ("请 假", "", "", ""))
    rows.append(("", "赵六", "营业部", "", "", "", ""))
    with pytest.raises(RosterError) as refused:
        read_roster(write_rows(tmp_path / "名单.csv", HEAD, rows))
    assert str(refused.value).splitlines() == [
        "名单.csv:3: 状态“离职”看不懂：请写 请假 或 免交（不用交，不催交），或者留空、写 在岗 或 正常（要交）",
        "名单.csv:6: 这一行没有工号（姓名：赵六）",
        "名单里有 2 处问题，没有生成报告。",
    ]


@pytest.mark.parametrize("written", ["12月20日", "3/14", "2021-02-30", "2021-03-14 25:00", "下周一", "2021-03-14 下午"])
def test_an_extended_deadline_that_cannot_be_read_is_refused_with_its_row(tmp_path: Path, written: str) -> None:
    path = write_rows(tmp_path / "名单.csv", ("工号", "姓名", "延期"), [("E1", "王五", ""), ("E2", "李四", written)])
    with pytest.raises(RosterError) as refused:
        read_roster(path)
    assert str(refused.value).splitlines()[0] == (
        f"名单.csv:3: 延期“{written}”不是看得懂的日期：请写成带年份的 2026-12-20 或 2026-12-20 18:00（只写日期的，算到当天 23:59）"
    )


def test_an_xlsx_roster_s_date_cells_and_a_bare_number(tmp_path: Path) -> None:
    """Excel gives a date cell as a datetime at midnight: the whole day. A number is a date serial that lost its format: refused."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["工号", "姓名", "延期至", "手机"])
    sheet.append(["E1", "王五", datetime(2021, 3, 14), 13800000001])
    sheet.append(["E2", "李四", datetime(2021, 3, 14, 9, 30), None])
    workbook.save(tmp_path / "名单.xlsx")
    assert [(t.extension, t.mobile) for t in read_roster(tmp_path / "名单.xlsx").trainees] == [
        (date(2021, 3, 14), "13800000001"), (datetime(2021, 3, 14, 9, 30), ""),
    ]
    sheet.append(["E3", "赵六", 44269])
    workbook.save(tmp_path / "名单.xlsx")
    with pytest.raises(RosterError) as refused:
        read_roster(tmp_path / "名单.xlsx")
    assert str(refused.value).startswith("名单.xlsx:4: 延期“44269”不是看得懂的日期")


def test_trainees_on_leave_or_exempt_are_neither_counted_nor_chased(tmp_path: Path) -> None:
    hand_in(tmp_path, 0, "lunch-homework", DUE - timedelta(hours=1))
    hand_in(tmp_path, 2, "lunch-homework", DUE + timedelta(days=1))  # exempt, hands in anyway (late): shown, not judged
    result = report(tmp_path, roster_rows(("", "", "", ""), ("请假", "", "", ""), ("免交", "", "", "")))
    cells = {(c.trainee.employee_id, c.form.id): c for c in result.cells}
    assert {c.status for (who, _), c in cells.items() if who == P[1].employee_id} == {"leave"}
    anyway = cells[(P[2].employee_id, "lunch-homework")]
    assert (anyway.status, anyway.late_by, anyway.first_at) == ("exempt", None, DUE + timedelta(days=1))

    lunch = result.per_form[0]
    assert (lunch.expected, lunch.on_time, lunch.missing, lunch.excused, lunch.rate) == (2, 1, 1, 2, 0.5)
    assert (result.total.expected, result.total.excused, result.total.trainees) == (6, 6, 4)
    assert [r.trainee.employee_id for r in result.reminders] == [P[0].employee_id, P[3].employee_id]

    chase = chase_section(tmp_path)
    assert P[1].name not in chase.split('<p class="excused">')[0] and P[2].name not in chase.split('<p class="excused">')[0]
    assert f"请假/免交（2 人，不催交，不计入应交）：{P[1].name}（请假）、{P[2].name}（免交）" in chase
    detail = {(r["employee_id"], r["form_id"]): r for r in read_csv(tmp_path / "out" / "csv" / "detail.csv")}
    assert (detail[(P[1].employee_id, "case-review")]["status"], detail[(P[2].employee_id, "lunch-homework")]["status"]) == ("leave", "exempt")
    assert sum(int(r["excused"]) for r in read_csv(tmp_path / "out" / "csv" / "departments.csv")) == 6
    assert [r["excused"] for r in read_csv(tmp_path / "out" / "csv" / "forms.csv")] == ["2", "2", "2"]

    workbook = load_workbook(tmp_path / "out" / XLSX_NAME, read_only=True)
    summary = [list(r) for r in workbook["汇总"].iter_rows(values_only=True) if r]
    head = next(r for r in summary if r[0] == "部门")
    total = next(r for r in summary if r[0] == "合计")
    assert (total[head.index("应交")], total[head.index("请假/免交")]) == (6, 6)
    chase_sheet = [[v for v in r if v is not None] for r in workbook["待催交"].iter_rows(values_only=True)]
    assert [r[0] for r in chase_sheet[1:3]] == [P[0].name, P[3].name]
    assert chase_sheet[-4:] == [["请假/免交（2 人，不催交，不计入应交）"], ["姓名", "工号", "部门", "状态"],
                                [P[1].name, P[1].employee_id, P[1].department, "请假"], [P[2].name, P[2].employee_id, P[2].department, "免交"]]


def test_an_extension_turns_a_late_file_on_time_and_says_so(tmp_path: Path) -> None:
    hand_in(tmp_path, 0, "lunch-homework", DUE + timedelta(days=1))  # 3-13 18:00, extended to the whole of 3-14: on time
    hand_in(tmp_path, 1, "lunch-homework", DUE + timedelta(days=1))  # an "extension" to before the due time changes nothing
    hand_in(tmp_path, 2, "lunch-homework", datetime(2021, 3, 14, 13, 0, tzinfo=CST))  # an hour after an extension to 12:00
    result = report(tmp_path, roster_rows(("", "2021-03-14", "", ""), ("", "2021-03-10", "", ""), ("", "2021-03-14 12:00", "", "")))
    lunch = {c.trainee.employee_id: c for c in result.cells if c.form.id == "lunch-homework"}
    on_time, unchanged, late = lunch[P[0].employee_id], lunch[P[1].employee_id], lunch[P[2].employee_id]
    assert (on_time.status, on_time.extended, on_time.extended_label) == ("submitted", True, "延期至 2021-03-14（周日）23:59")
    assert (unchanged.status, unchanged.extended, unchanged.due) == ("late", False, DUE)
    assert (late.status, late.late_by, late.extended_label) == ("late", timedelta(hours=1), "延期至 2021-03-14（周日）12:00")
    review = next(c for c in result.cells if c.trainee.employee_id == P[0].employee_id and c.form.id == "case-review")
    assert (review.due, review.extended) == (None, False)  # no due time: an extension gives it none
    assert (result.per_form[0].on_time, result.per_form[0].late) == (1, 2)

    html = (tmp_path / "out" / HTML_NAME).read_text(encoding="utf-8")
    assert '<small class="extended">延期至 2021-03-14（周日）23:59</small>' in html
    detail = {(r["employee_id"], r["form_id"]): r for r in read_csv(tmp_path / "out" / "csv" / "detail.csv")}
    row = detail[(P[0].employee_id, "lunch-homework")]
    assert (row["status"], row["due"], row["extended"]) == ("submitted", "2021-03-14T23:59+08:00", "1")
    workbook = load_workbook(tmp_path / "out" / XLSX_NAME, read_only=True)
    sheet = [list(r) for r in workbook["明细"].iter_rows(values_only=True)]
    mine = next(r for r in sheet if r[0] == P[0].employee_id and r[sheet[0].index("作业")] == LUNCH)
    assert (mine[sheet[0].index("状态")], mine[sheet[0].index("个人延期")]) == ("已提交", "延期至 2021-03-14（周日）23:59")


def test_the_reminder_list_names_what_each_trainee_still_owes_with_their_contacts(tmp_path: Path) -> None:
    for form in ("lunch-homework", "case-review", "evaluation"):
        hand_in(tmp_path, 0, form, DUE - timedelta(hours=1))
    hand_in(tmp_path, 2, "case-review", DUE)
    edited = submission(P[2], "lunch-homework")
    edited["answers"]["summary"] = "改过的答案"
    write_json(tmp_path / "inbox" / "edited.json", edited)
    rows = roster_rows(("", "", "13800000001", "p1@bank.example"), ("", "", "+86 13800000002", ""), ("", "2021-03-14", "", "p3@bank.example"),
                       ("请假", "", "13800000004", ""))
    report(tmp_path, rows)

    reminders = tmp_path / "out" / "催交名单.csv"
    assert reminders.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM: Excel on Chinese Windows opens it ungarbled
    with reminders.open(encoding="utf-8-sig", newline="") as fp:
        table = list(csv.reader(fp))
    problem = "「edited.json」校验值不符（文件被改动过）：文件内容与其 sha256 不一致，可能被手工修改过"
    assert table == [
        ["姓名", "工号", "部门", "手机", "邮箱", "待交", "截止时间"],
        [P[1].name, P[1].employee_id, P[1].department, "'+86 13800000002", "", f"{LUNCH}；案例复盘；课程评估", f"{LUNCH} 截止 2021-03-12（周五）18:00"],
        [P[2].name, P[2].employee_id, P[2].department, "", "p3@bank.example", f"{LUNCH}（提交有问题：{problem}）；课程评估",
         f"{LUNCH} 截止 2021-03-14（周日）23:59（延期）"],
    ]

    chase = chase_section(tmp_path)
    assert "<th>待交</th><th>手机</th><th>邮箱</th>" in chase
    assert f"<td>{P[2].name}</td><td>{P[2].department}</td><td>{LUNCH}（提交有问题：{problem}）；课程评估</td><td></td><td>p3@bank.example</td>" in chase
    assert "13800000004" not in chase  # on leave: not chased
    workbook = load_workbook(tmp_path / "out" / XLSX_NAME, read_only=True)
    sheet = [["" if v is None else v for v in r] for r in workbook["待催交"].iter_rows(values_only=True)]
    assert sheet[:3] == table


def test_a_report_without_contacts_shows_no_empty_contact_columns(tmp_path: Path) -> None:
    report(tmp_path, [(p.employee_id, p.name, p.department) for p in P], header=("工号", "姓名", "部门"))
    assert "<th>手机</th>" not in chase_section(tmp_path)


def test_an_xls_roster_is_read_with_its_dates_and_numbers() -> None:
    """tests/hr/data/roster.xls (made by make_xls.py beside it): a cover sheet, then the roster under a title row."""
    roster = read_roster(DATA / "roster.xls")
    assert [(t.employee_id, t.name, t.department, t.row, t.excused, t.extension, t.mobile, t.email) for t in roster.trainees] == [
        ("10001", "王芳", "营业部", 3, None, date(2021, 3, 14), "13800138000", "wangfang@bank.example"),
        ("E0002", "李娜", "城东支行", 4, "leave", None, "", ""),
        ("E0003", "张敏", "城西支行", 5, None, datetime(2021, 3, 15, 12, 0), "", "zhangmin@bank.example"),
    ]



def test_an_xlsx_workbook_saved_under_the_old_name_is_read_for_what_it_is(tmp_path: Path) -> None:
    """Some HR systems export .xlsx content named .xls; Excel opens it (after a warning), so the report does too."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["工号", "姓名", "状态"])
    sheet.append(["E1", "王五", "免交"])
    workbook.save(tmp_path / "名单.xlsx")
    (tmp_path / "名单.xlsx").rename(tmp_path / "名单.xls")
    assert [(t.name, t.excused) for t in read_roster(tmp_path / "名单.xls").trainees] == [("王五", "exempt")]
