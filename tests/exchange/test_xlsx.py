"""Excel 题库: the layout export writes, and a trainer's own spreadsheet with its variants and mistakes."""

from __future__ import annotations

import pytest

import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from coursegen.exchange.report import Report
from coursegen.exchange.xlsx import read, write

from .banks import fixture_bank

pytestmark = pytest.mark.usefixtures("english")


def _workbook(bank_bytes: bytes) -> Workbook:
    return load_workbook(io.BytesIO(bank_bytes))


def test_export_writes_one_question_per_row_with_chinese_headers() -> None:
    book = _workbook(write(fixture_bank(), Report("x.xlsx", "row")))
    assert book.sheetnames == ["题库", "题库信息", "填写说明"]
    sheet = book["题库"]
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["题号", "题型", "题干", "选项A", "选项B", "选项C", "选项D"]
    assert {"答案", "解析", "分值", "匹配1", "匹配3", "反馈A", "讲师备注", "讲师期望答案"} <= set(header)
    rows = {row[0]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert (rows["symbols-single"]["题型"], rows["symbols-single"]["答案"], rows["symbols-single"]["分值"]) == ("单选", "B", 2)
    assert rows["three-of-five"]["答案"] == "ABC"
    assert (rows["tf-false"]["选项A"], rows["tf-false"]["答案"], rows["tf-false"]["反馈A"]) == ("对", "错", "打断客户会遗漏信息。")
    assert rows["fill-symbols"]["答案"] == "渠道 | 投诉渠道{全称} | a=b~c"
    assert rows["order-steps"]["答案"] == "ABCD"
    assert (rows["match-pairs"]["答案"], rows["match-pairs"]["匹配2"]) == ("A-1,B-2,C-3", "沟通余地被堵死 A->B")
    assert rows["short-summary"]["选项B"] == "提出了可执行的预防措施"
    info = {k: v for k, v in book["题库信息"].iter_rows(values_only=True)}
    assert (info["编号"], info["及格线"], info["随机顺序"]) == ("exchange-fixture", 70, "是")


def test_text_starting_with_an_equals_sign_stays_text_not_a_formula() -> None:
    data = write(fixture_bank(), Report("x.xlsx", "row"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml
    cell = next(c for row in _workbook(data)["题库"].iter_rows() for c in row if c.value == "=1+1 的说法（以等号开头）")
    assert cell.data_type == "s"


TRAINER_SHEET: list[list[Any]] = [
    ["2024 年服务礼仪题库（内部）"],
    [],
    ["序号", "题目类型", "题目", "A", "Option B", "选项C", "选项D", "正确答案", "答案解析", "分值（分）", "难度", "匹配项1", "匹配项2", "匹配项3"],
    ["一、单选题"],
    [1, "单项选择题", "客户进门时应当？", "继续工作", "起身问候", "看手机", "", "ｂ", "先问候。", 2, "易"],
    [2, "多选题", "规范用语有？", "您好", "请稍候", "喂", "", "A、C", "", "", "中"],
    [3, "判断题", "微笑服务只适用于窗口。", "", "", "", "", "×"],
    [4, "判断", "首问负责制要求负责到底。", "正确", "错误", "", "", "A"],
    [5, "填空题", "第一印象来自____。", "", "", "", "", "仪容仪表｜仪表仪容"],
    [6, "排序题", "接待步骤排序：", "办理业务", "起身问候", "询问需求", "", "BCA"],
    [7, "连线题", "场景与手势配对：", "指引方向", "递送单据", "", "", "A-2，B-1", "", 3, "", "双手递送", "五指并拢", "单手指点"],
    [8, "简答题", "谈谈首问负责。", "", "", "", "", "1、负责到底\n2、不推诿"],
    [9, "单选", "答案指向空选项", "甲", "乙", "", "", "E"],
    [10, "选择题", "题型写错", "甲", "乙", "", "", "A"],
    [11, "单选", "分值写错", "甲", "乙", "", "", "A", "", "两分"],
    [12, "多选", "答案不是字母", "甲", "乙", "", "", "甲乙"],
    [13, "判断", "答案不是对错", "", "", "", "", "不一定"],
    [14, "填空", "选项不该填", "多余", "", "", "", "答案"],
]


def _trainer_book() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in TRAINER_SHEET:
        sheet.append(row)
    sheet.merge_cells("A4:J4")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_trainers_sheet_is_read_whatever_the_column_and_type_names() -> None:
    report = Report("题库.xlsx", "row")
    draft = read(_trainer_book(), report)
    questions = {q.id: q for q in draft.questions}
    assert list(questions) == ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q14"]
    assert ([o.correct for o in questions["q1"].options], questions["q1"].points, questions["q1"].explanation) == ([False, True, False], 2, "先问候。")
    assert [o.correct for o in questions["q2"].options] == [True, False, True]
    assert (questions["q3"].answer, questions["q4"].answer) == (False, True)
    assert questions["q5"].accept == ["仪容仪表", "仪表仪容"]
    assert questions["q6"].items == ["起身问候", "询问需求", "办理业务"]
    assert [(p.left, p.right) for p in questions["q7"].pairs] == [("指引方向", "五指并拢"), ("递送单据", "双手递送")]
    assert questions["q7"].distractors == ["单手指点"]  # a 匹配 item matched to no option
    assert (questions["q8"].reference, questions["q8"].checklist) == ("1、负责到底\n2、不推诿", ["负责到底", "不推诿"])


def test_each_unreadable_row_is_reported_with_its_number_and_reason() -> None:
    report = Report("题库.xlsx", "row")
    read(_trainer_book(), report)
    assert [(n.line, n.message) for n in report.errors] == [
        (13, "答案 'E' names 选项E, which is empty"),
        (14, "题型 '选择题' is not one of 单选、多选、判断、填空、排序、匹配、多空填空、数值、拖放填词、简答、热区 "
             "(or single, multiple, true_false, fill, ordering, matching, cloze, numeric, dragwords, short, hotspot)"),
        (15, "分值 '两分' is not a number"),
        (16, "答案 '甲乙' is not option letters such as B or AC"),
        (17, "答案 '不一定' is not 对/错 (also accepted: 正确/错误, √/×, true/false)"),
    ]
    lines = report.lines()
    assert lines[0] == "题库.xlsx row 13: error: q9: 答案 'E' names 选项E, which is empty"
    assert "题库.xlsx row 3: loss: column K '难度' is not a 题库 column; its cells are left out" in lines
    assert "题库.xlsx row 4: warning: row skipped: no 题型 and no 题干 (a heading? '一、单选题')" in lines
    assert not any("单手指点" in l for l in lines)
    assert "题库.xlsx row 18: loss: q14: 选项A not used by a 填空 question and left out" in lines
    assert any(l.startswith("题库.xlsx row 12: warning: q8: no self-check points") for l in lines)


def test_a_type_written_once_in_merged_cells_applies_to_every_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["题型", "题干", "选项A", "选项B", "答案"])
    sheet.append(["单选", "第一题", "甲", "乙", "A"])
    sheet.append([None, "第二题", "甲", "乙", "B"])
    sheet.merge_cells("A2:A3")
    out = io.BytesIO()
    book.save(out)
    draft = read(out.getvalue(), Report("x.xlsx", "row"))
    assert [(q.type, q.options[1].correct) for q in draft.questions] == [("single", False), ("single", True)]


def test_a_hotspot_row_reads_its_areas_and_each_bad_one_is_named() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["题型", "题干", "选项A", "选项B", "答案", "图片", "图片说明"])
    sheet.append(["热区", "点出公告栏", "公告栏｜矩形 62，10，30，40", "叫号屏 | 多边形 5,10 30,10 30,35", "A", "images/counter.svg", "柜台正面"])
    sheet.append(["热区", "点出公告栏", "公告栏 | 圆形 60,20,5", "叫号屏 | 矩形 5,10,25", "A", "images/counter.svg", "柜台正面"])
    sheet.append(["热区", "点出公告栏", "公告栏 | 矩形 62,10,30,40", None, "A", None, "柜台正面"])
    sheet.append(["单选", "第四题", "甲", "乙", "A", "images/x.png", None])
    out = io.BytesIO()
    book.save(out)
    report = Report("x.xlsx", "row")
    [first, _] = read(out.getvalue(), report).questions
    assert [(a.shape, a.label) for a in first.areas] == [("rect", "公告栏")] and first.areas[0].at == [62, 10, 30, 40]
    assert first.distractor_areas[0].points == [[5, 10], [30, 10], [30, 35]]
    assert [(n.line, n.message) for n in report.errors] == [
        (3, "选项A '公告栏 | 圆形 60,20,5' is not an area such as 名称 | 矩形 x,y,w,h or 名称 | 多边形 x,y x,y x,y (whole percent of the picture)"),
        (4, "a hotspot question needs its picture's path (from the docs folder) in column 图片"),
    ]
    assert "x.xlsx row 5: loss: q4: 图片 not used by a 单选 question and left out" in report.lines()


def test_a_file_that_is_not_a_workbook_or_has_no_header_is_an_error() -> None:
    report = Report("x.xlsx", "row")
    read(b"PK\x03\x04 not really", report)
    assert report.errors[0].message.startswith("not an Excel workbook (.xlsx)")
    book = Workbook()
    book.active.append(["姓名", "部门"])
    out = io.BytesIO()
    book.save(out)
    report = Report("x.xlsx", "row")
    read(out.getvalue(), report)
    assert report.errors[0].message == "no sheet has a header row naming 题型 and 题干 (looked at the first 10 rows of each sheet)"


def _book(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_hint_column_is_read_and_a_hint_on_a_short_answer_is_refused_on_its_row() -> None:
    report = Report("题库.xlsx", "row")
    draft = read(_book([
        ["题型", "题干", "选项A", "选项B", "答案", "作答提示"],
        ["单选", "客户进门时首先？", "起身问候", "继续工作", "A", "想想第一印象。"],
        ["简答", "谈谈你的做法。", "倾听", None, "先倾听。", "从倾听说起。"],
    ]), report)
    assert [(q.id, q.hint) for q in draft.questions] == [("q1", "想想第一印象。")]
    assert [(n.line, n.severity) for n in report.errors] == [(3, "error")]
    assert "a short answer takes no `hint`" in report.errors[0].message


def test_export_writes_the_hint_column_only_for_a_bank_with_hints() -> None:
    header = [c.value for c in _workbook(write(fixture_bank(), Report("x.xlsx", "row")))["题库"][1]]
    assert header[header.index("答案"):header.index("答案") + 4] == ["答案", "提示", "解析", "分值"]
    plain = fixture_bank().model_copy(update={"questions": [q.model_copy(update={"hint": None}) for q in fixture_bank().questions]})
    assert "提示" not in [c.value for c in _workbook(write(plain, Report("x.xlsx", "row")))["题库"][1]]
