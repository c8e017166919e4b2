"""Rosters as HR has them: Excel exports in three encodings, Chinese or English headers, a title row on top."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from coursegen.hr import RosterError, read_roster
from coursegen.hr.normalize import employee_id
from coursegen.hr.roster import no_department

from .synthetic import people, write_roster


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_roster_in_every_encoding_excel_writes(tmp_path: Path, encoding: str) -> None:
    persons = people(200)
    roster = read_roster(write_roster(tmp_path / "roster.csv", persons, encoding=encoding))
    assert len(roster.trainees) == 200
    assert [(t.employee_id, t.name, t.department) for t in roster.trainees[:2]] == [(p.employee_id, p.name, p.department) for p in persons[:2]]


@pytest.mark.parametrize(
    "header",
    [("工号", "姓名", "部门"), ("员工编号", "姓名", "机构"), ("employee_id", "Name", "Department"), ("Employee ID", "name", "branch"), ("工号", "姓名", "网点名称")],
)
def test_column_names_in_chinese_or_english(tmp_path: Path, header: tuple[str, str, str]) -> None:
    roster = read_roster(write_roster(tmp_path / "roster.csv", people(3), header=header))
    assert [t.department for t in roster.trainees] == [p.department for p in people(3)]


def test_header_under_a_title_row_and_columns_in_any_order(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text("2021年消保培训名单,,,\n序号,部门,姓名,工号\n1,营业部,张三,Ａ００１\n\n2,城东支行,李四, b 002\n", encoding="utf-8-sig")
    roster = read_roster(path)
    assert [(t.employee_id, t.raw_id, t.name, t.department, t.row) for t in roster.trainees] == [
        ("A001", "Ａ００１", "张三", "营业部", 3),
        ("B002", "b 002", "李四", "城东支行", 5),
    ]
    assert roster.find("ａ001") is roster.trainees[0]


def test_tab_separated_roster(tmp_path: Path) -> None:
    path = tmp_path / "roster.txt"
    path.write_text("工号\t姓名\t部门\nE1\t王五\t营业部\n", encoding="utf-8")
    assert read_roster(path).trainees[0].name == "王五"


def test_xlsx_roster_with_numeric_ids_and_a_missing_department(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["工号", "姓名", "部门"])
    sheet.append([10023, "赵六", "营业部"])
    sheet.append([10024.0, "钱七", None])
    workbook.save(tmp_path / "roster.xlsx")
    roster = read_roster(tmp_path / "roster.xlsx")
    assert [(t.employee_id, t.department) for t in roster.trainees] == [("10023", "营业部"), ("10024", no_department())]


def test_roster_without_department_column_puts_everyone_in_one_group(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("工号,姓名\nE1,张三\n", encoding="utf-8")
    assert read_roster(path).departments == [no_department()]


def test_every_bad_row_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("工号,姓名,部门\nE1,张三,营业部\n,李四,营业部\nＥ１,王五,营业部\n", encoding="utf-8")
    with pytest.raises(RosterError) as error:
        read_roster(path)
    lines = str(error.value).splitlines()
    assert lines[0].endswith("roster.csv:3: 这一行没有工号（姓名：李四）")
    assert lines[1].endswith("roster.csv:4: 工号 E1 在第 2 行已经有了")
    assert lines[2] == "名单里有 2 处问题，没有生成报告。"


def test_missing_columns_name_what_was_found(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("序号,身份证号,部门\n1,x,营业部\n", encoding="utf-8")
    with pytest.raises(RosterError, match=r"找不到写着工号和姓名的标题行（找到的是：序号, 身份证号, 部门）"):
        read_roster(path)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("roster.ods", b"PK", "名单要用 .xlsx、.xls 或 .csv 文件"),
    ("roster.xls", b"\xd0\xcf\x11\xe0", "无法读取这个工作簿"),
    ("roster.xlsx", b"not a zip", "无法读取这个工作簿"),
    ("roster.csv", "工号,姓名\n".encode("utf-16-le"), "无法读取这个 CSV 文件"),
])
def test_unreadable_rosters_are_user_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(RosterError, match=message):
        read_roster(tmp_path / name)


def test_utf16_roster_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("工号\t姓名\t部门\nE1\t张三\t营业部\n".encode("utf-16"))
    assert read_roster(path).trainees[0].name == "张三"


@pytest.mark.parametrize(("raw", "canonical"), [
    ("Ｅ００１２", "E0012"), (" e 0012 ", "E0012"), ("E\u30000012", "E0012"), ("\ufeffE0012\u200b", "E0012"),
    (10023.0, "10023"), (10023, "10023"), (None, ""), ("  ", ""),
])
def test_employee_id_normalisation(raw: object, canonical: str) -> None:
    assert employee_id(raw) == canonical
