"""Regenerate ``roster.xls`` beside this script (run from the repository root):

    pip install --target /tmp/xlwt xlwt && PYTHONPATH=/tmp/xlwt python -m tests.hr.data.make_xls

A real Excel 97–2003 (BIFF8) workbook, as older HR systems still export rosters, written by xlwt (BSD licence, the
pure-Python .xls writer whose output xlrd reads). It is needed only here, not by the project or its tests.

The first sheet is a cover note (a roster workbook may open on one); the second, 名单, has a title row, then the
header 工号 · 姓名 · 部门 · 状态 · 延期至 · 手机 · 邮箱 and three trainees:

- 10001: its id and phone number as number cells, as Excel stores what is typed as digits; 延期至 a date cell (date format).
- E0002: 状态 请假; no 延期.
- E0003: 延期至 a date-time cell (2021-03-15 12:00), e-mail only.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlwt

HERE = Path(__file__).resolve().parent


def main() -> None:
    book = xlwt.Workbook(encoding="utf-8")
    cover = book.add_sheet("说明")
    cover.write(0, 0, "2021年消保培训名单，见下一个工作表")
    sheet = book.add_sheet("名单")
    day, moment = xlwt.easyxf(num_format_str="YYYY-MM-DD"), xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
    sheet.write(0, 0, "2021年消保培训名单")
    for col, head in enumerate(("工号", "姓名", "部门", "状态", "延期至", "手机", "邮箱")):
        sheet.write(1, col, head)
    rows = [
        (10001, "王芳", "营业部", "", (datetime(2021, 3, 14), day), 13800138000, "wangfang@bank.example"),
        ("E0002", "李娜", "城东支行", "请假", None, "", ""),
        ("E0003", "张敏", "城西支行", "", (datetime(2021, 3, 15, 12, 0), moment), "", "zhangmin@bank.example"),
    ]
    for r, (emp_id, name, dept, status, extension, mobile, email) in enumerate(rows, start=2):
        for col, value in enumerate((emp_id, name, dept, status)):
            sheet.write(r, col, value)
        if extension is not None:
            sheet.write(r, 4, *extension)
        sheet.write(r, 5, mobile)
        sheet.write(r, 6, email)
    book.save(str(HERE / "roster.xls"))


if __name__ == "__main__":
    main()
