"""Excel 题库 workbooks, one question per row: import and export.

A workbook has a question sheet (the first sheet whose header row, within its first ten rows, names
题型 and 题干), an optional ``题库信息`` sheet with the bank's settings (编号, 标题, 简介, 及格线,
随机顺序, 即时反馈) and, as written by export, a ``填写说明`` sheet explaining the columns. Export writes the
same layout import reads, so an exported bank is also the template for a new one; column meanings
and the answer syntax are in :mod:`.xlsx_layout` and :mod:`.xlsx_rows`.

Every row is reported by its row number: rows that cannot be read (error), cells left unused
(loss), and headings such as ``一、单选题`` that are skipped (warning).
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from typing import Any, cast

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..messages import say
from ..model.quiz import (
    Cloze,
    DragWords,
    FillBlank,
    Hotspot,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    QuizBank,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from .common import TYPE_NAMES, Draft, add_question, label, question_id
from .report import Report
from .xlsx_layout import COLUMNS, FILL_SEPARATORS, INFO_KEYS, INFO_SHEETS, Header, column_letter, norm, read_header, truth, type_of
from .xlsx_rows import Row, RowError, area_text, cell_text, question_fields

HEADER_SEARCH_ROWS = 10
LETTERS = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
QUESTION_SHEET = "题库"
INFO_SHEET = INFO_SHEETS[0]
LEGEND_SHEET = "填写说明"

LEGEND = (
    ("题型", "选项A、选项B…", "答案", "其他列"),
    ("单选", "各个选项", "一个字母，如 B", "反馈A…：选中该选项时显示"),
    ("多选", "各个选项", "几个字母，如 AC 或 A,C", "得分 = (选对数 − 选错数) ÷ 正确选项数"),
    ("判断", "选项A 对、选项B 错（可不填）", "对 / 错（或 正确/错误、√/×）", "反馈A：答“对”时显示；反馈B：答“错”时显示"),
    ("填空", "不填", "可接受的答案，用 | 或 ； 分隔", "题干中只留一个空"),
    ("排序", "各项，顺序不限", "按正确顺序写字母，如 CABD", ""),
    ("匹配", "左侧各项", "配对，如 A-2,B-1", "右侧各项写在 匹配1、匹配2…；没有配给任何选项的是干扰项"),
    ("多空填空", "不填", "带空的文字，每个空写成 {{答案}}，几种答案用 | 分隔，如 投诉应在{{受理|登记}}后答复", "按填对的空的比例得分"),
    ("数值", "不填", "正确的数，可加 ± 允许误差和单位，如 15±0.5 天", "与答案相差不超过允许误差即得分"),
    ("拖放填词", "干扰词，每列一个（可不填）", "带空的文字，每个空写成 [[词语]]，如 先[[倾听]]，再[[核实]]", "按放对的空的比例得分"),
    ("简答", "自查要点，每列一条", "参考答案", "学员自评，不计入得分"),
    ("热区", "各个区域：名称 | 矩形 x,y,宽,高，或 名称 | 多边形 x,y x,y x,y（图片宽、高的百分比，整数）", "正确区域的字母，如 A",
     "图片：docs 文件夹里的路径；图片说明：替代文字；没写进答案的区域是干扰区域"),
    ("", "", "", "题号：可不填；分值：整数，默认 1；提示：可不填，学员作答时可先看（不写答案，简答题不填）；讲师备注、讲师期望答案（每行一条）只出现在讲师版"),
)
"""The legend sheet written with every export (GUIDE.md explains the same layout at length)."""


# --------------------------------------------------------------------------------------------- import


def read(data: bytes, report: Report) -> Draft:
    """The questions of a 题库 workbook; every row that cannot be read is reported with its number."""
    draft = Draft()
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        report.error(say("exchange.xlsx.not_workbook", reason=exc))
        return draft
    sheets = cast("list[Worksheet]", workbook.worksheets)  # not read-only, so no ReadOnlyWorksheet among them
    found = _question_sheet(sheets, report)
    if found is None:
        report.error(say("exchange.xlsx.no_header", rows=HEADER_SEARCH_ROWS))
        return draft
    sheet, header = found
    for index, name in header.unknown.items():
        report.loss(say("exchange.xlsx.unknown_column", column=column_letter(index), name=name), line=header.row)
    _read_info(sheets, draft, report)
    merged = _vertical_merges(sheet)
    rows = sheet.iter_rows(min_row=header.row + 1, values_only=True)
    for number, values in enumerate(rows, start=header.row + 1):
        values = tuple(merged.get((number, i), v) for i, v in enumerate(values))
        _read_row(number, values, header, draft, report)
    return draft


def _question_sheet(sheets: list[Worksheet], report: Report) -> tuple[Worksheet, Header] | None:
    found: tuple[Worksheet, Header] | None = None
    for sheet in sheets:
        rows = sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)
        header = next((h for n, cells in enumerate(rows, 1) if (h := read_header(cells, n)).is_questions), None)
        if header is None:
            continue
        if found is None:
            found = (sheet, header)
        else:
            report.warn(say("exchange.xlsx.other_sheet", sheet=sheet.title, read=found[0].title))
    return found


def _vertical_merges(sheet: Worksheet) -> dict[tuple[int, int], Any]:
    """Cells of a merged range within one column (a 题型 written once for several rows) get its value."""
    values: dict[tuple[int, int], Any] = {}
    for rng in sheet.merged_cells.ranges:
        if rng.min_col == rng.max_col:
            value = sheet.cell(rng.min_row, rng.min_col).value
            for number in range(rng.min_row, rng.max_row + 1):
                values[(number, rng.min_col - 1)] = value
    return values


def _read_row(number: int, values: tuple[Any, ...], header: Header, draft: Draft, report: Report) -> None:
    def text(name: str) -> str:
        index = header.fields.get(name)
        return cell_text(values[index]) if index is not None and index < len(values) else ""

    if not any(cell_text(v) for v in values):
        return
    if not text("type") and not text("prompt"):
        first = next(cell_text(v) for v in values if cell_text(v))
        report.warn(say("exchange.xlsx.heading", first=first), line=number)
        return
    id_index = header.fields.get("id")
    qid = question_id(values[id_index] if id_index is not None and id_index < len(values) else None, draft, report, number)
    kind = type_of(text("type"))
    if kind is None:
        names = "、".join(TYPE_NAMES.values())
        report.error(say("exchange.xlsx.unknown_type", type=text("type"), names=names), question=qid, line=number)
        return
    row = Row.read(number, values, header, kind)
    try:
        fields = question_fields(row, report, qid)
        points = _points(row.cells.get("points"))
    except RowError as exc:
        report.error(str(exc), question=qid, line=number)
        return
    data: dict[str, Any] = {"id": qid, "prompt": text("prompt"), **fields}
    if points is not None:
        data["points"] = points
    for name in ("hint", "explanation"):
        if text(name):
            data[name] = text(name)
    if text("notes") or text("expected"):
        expected = [line.strip() for line in text("expected").splitlines() if line.strip()]
        data["facilitator"] = {"notes": text("notes"), "expected_answers": expected}
    add_question(data, draft, report, number)


def _points(raw: Any) -> int | None:
    text = cell_text(raw)
    if not text:
        return None
    try:
        value = float(unicodedata.normalize("NFKC", text).removesuffix("分").strip())
    except ValueError:
        raise RowError(say("exchange.xlsx.points_nan", points=text)) from None
    if isinstance(raw, bool) or not value.is_integer():
        raise RowError(say("exchange.xlsx.points_whole", points=text))
    return int(value)


def _read_info(sheets: list[Worksheet], draft: Draft, report: Report) -> None:
    """Bank settings from the optional 题库信息 sheet: one key and its value per row."""
    sheet = next((s for s in sheets if norm(s.title) in INFO_SHEETS), None)
    if sheet is None:
        return
    for number, cells in enumerate(sheet.iter_rows(max_col=2, values_only=True), start=1):
        key, value = norm(cell_text(cells[0])), cell_text(cells[1] if len(cells) > 1 else None)
        name = next((k for k, names in INFO_KEYS.items() if key in names), None)
        if name is None:
            if key and key not in ("字段", "field", "key"):
                report.loss(say("exchange.xlsx.unknown_setting", sheet=sheet.title, key=cell_text(cells[0])), line=number)
            continue
        if not value:
            continue
        if name == "pass_mark":
            digits = unicodedata.normalize("NFKC", value).rstrip("%").strip()
            if not digits.isdigit():
                report.error(say("exchange.xlsx.bad_pass_mark", sheet=sheet.title, value=value), line=number)
                continue
            draft.pass_mark = int(digits)
        elif name == "shuffle":
            draft.shuffle = truth(value)
            if draft.shuffle is None:
                report.error(say("exchange.xlsx.bad_shuffle", sheet=sheet.title, value=value), line=number)
        elif name == "feedback":
            immediate = truth(value)
            if immediate is None:
                report.error(say("exchange.xlsx.bad_feedback", sheet=sheet.title, value=value), line=number)
            else:
                draft.feedback = "immediate" if immediate else "on_submit"
        else:
            setattr(draft, name, value)


# --------------------------------------------------------------------------------------------- export


def write(bank: QuizBank, report: Report) -> bytes:
    """The workbook of ``bank`` in the layout :func:`read` reads."""
    workbook = Workbook()
    sheet = cast(Worksheet, workbook.active)  # a new workbook's one sheet
    sheet.title = QUESTION_SHEET
    headers = _headers(bank.questions)
    sheet.append(headers)
    for q in bank.questions:
        cells = _row(q, report)
        sheet.append([_safe(cells.get(h), report, q) for h in headers])
    _style(sheet, headers, len(bank.questions))
    info = workbook.create_sheet(INFO_SHEET)
    info.append(["字段", "值"])
    settings = {"id": bank.id, "title": bank.title, "intro": bank.intro or "", "pass_mark": bank.pass_mark, "shuffle": "是" if bank.shuffle else "否",
                "feedback": "是" if bank.feedback == "immediate" else "否"}
    for key, value in settings.items():
        info.append([INFO_KEYS[key][0], _safe(value, report, None)])
    legend = workbook.create_sheet(LEGEND_SHEET)
    for line in LEGEND:
        legend.append(list(line))
    for target in (info, legend):
        target.column_dimensions["A"].width, target.column_dimensions["B"].width = 14, 60
    workbook.properties.title = bank.title
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _headers(questions: list[Question]) -> list[str]:
    """Only the columns the bank needs, at least 选项A–D, in the order a trainer fills them."""
    widths = [_option_count(q) for q in questions]
    options = min(len(LETTERS), max([4, *widths]))
    rights = max([len(q.rights) for q in questions if isinstance(q, Matching)], default=0)
    feedback = any(isinstance(q, TrueFalse) and (q.feedback_true or q.feedback_false) for q in questions) or any(
        o.feedback for q in questions if isinstance(q, (SingleChoice, MultipleChoice)) for o in q.options
    )
    names = [COLUMNS[f][0] for f in ("id", "type", "prompt")] + [f"选项{l}" for l in LETTERS[:options]]
    hints = ("hint",) if any(q.hint for q in questions) else ()
    names += [COLUMNS[f][0] for f in ("answer", *hints, "explanation", "points")]
    names += [f"匹配{n}" for n in range(1, rights + 1)]
    names += [COLUMNS[f][0] for f in ("image", "alt")] if any(isinstance(q, Hotspot) for q in questions) else []
    names += [f"反馈{l}" for l in LETTERS[:options]] if feedback else []
    if any(q.facilitator for q in questions):
        names += [COLUMNS["notes"][0], COLUMNS["expected"][0]]
    return names


def _option_count(q: Question) -> int:
    if isinstance(q, (SingleChoice, MultipleChoice)):
        return len(q.options)
    if isinstance(q, Ordering):
        return len(q.items)
    if isinstance(q, Matching):
        return len(q.pairs)
    if isinstance(q, ShortAnswer):
        return len(q.checklist)
    if isinstance(q, DragWords):
        return len(q.distractors)
    if isinstance(q, Hotspot):
        return len(q.labelled)
    return 2 if isinstance(q, TrueFalse) else 0


def _row(q: Question, report: Report) -> dict[str, Any]:
    """Header → value of the row of ``q``."""
    cells: dict[str, Any] = {"题号": q.id, "题型": TYPE_NAMES[q.type], "题干": q.prompt, "提示": q.hint, "解析": q.explanation, "分值": q.points}
    if _option_count(q) > len(LETTERS):
        report.loss(say("exchange.xlsx.too_many_options", n=len(LETTERS)), question=label(q))
    if q.facilitator:
        cells["讲师备注"] = q.facilitator.notes
        cells["讲师期望答案"] = "\n".join(q.facilitator.expected_answers)
    if isinstance(q, (SingleChoice, MultipleChoice)):
        for letter, option in zip(LETTERS, q.options):
            cells[f"选项{letter}"] = option.text
            cells[f"反馈{letter}"] = option.feedback
        cells["答案"] = "".join(l for l, o in zip(LETTERS, q.options) if o.correct)
    elif isinstance(q, TrueFalse):
        cells.update({"选项A": "对", "选项B": "错", "答案": "对" if q.answer else "错", "反馈A": q.feedback_true, "反馈B": q.feedback_false})
    elif isinstance(q, FillBlank):
        for answer in q.accept:
            if FILL_SEPARATORS.search(answer):
                report.warn(say("exchange.xlsx.separator", answer=answer), question=label(q))
        cells["答案"] = " | ".join(q.accept)
    elif isinstance(q, Ordering):
        cells.update({f"选项{l}": item for l, item in zip(LETTERS, q.items)})
        cells["答案"] = "".join(LETTERS[: len(q.items)])
    elif isinstance(q, Matching):
        cells.update({f"选项{l}": pair.left for l, pair in zip(LETTERS, q.pairs)})
        cells.update({f"匹配{n}": right for n, right in enumerate(q.rights, start=1)})
        cells["答案"] = ",".join(f"{l}-{n}" for n, l in enumerate(LETTERS[: len(q.pairs)], start=1))
    elif isinstance(q, Cloze):
        cells["答案"] = q.text
    elif isinstance(q, Numeric):
        cells["答案"] = q.answer_text + (f"±{q.tolerance_text}" if q.tolerance else "") + (f" {q.unit}" if q.unit else "")
    elif isinstance(q, DragWords):
        cells.update({f"选项{l}": word for l, word in zip(LETTERS, q.distractors)})
        cells["答案"] = q.text
    elif isinstance(q, Hotspot):
        cells.update({f"选项{l}": area_text(area) for l, area in zip(LETTERS, q.labelled)})
        cells.update({"答案": "".join(LETTERS[: len(q.areas)]), "图片": q.image, "图片说明": q.alt})
    else:
        assert isinstance(q, ShortAnswer)
        cells.update({f"选项{l}": point for l, point in zip(LETTERS, q.checklist)})
        cells["答案"] = q.reference.strip()
    return cells


def _safe(value: Any, report: Report, q: Question | None) -> Any:
    """Text Excel can store, never read as a formula; control characters are dropped and reported."""
    if not isinstance(value, str):
        return value
    clean = ILLEGAL_CHARACTERS_RE.sub("", value.strip())
    if clean != value.strip():
        report.loss(say("exchange.xlsx.control_chars"), question=label(q) if q else None)

    return clean


def _style(sheet: Worksheet, headers: list[str], rows: int) -> None:
    widths = {"题号": 16, "题型": 8, "题干": 48, "答案": 14, "提示": 30, "解析": 40, "分值": 6, "讲师备注": 36, "讲师期望答案": 36}
    fill = PatternFill("solid", fgColor="DDE5F0")
    for index, name in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = Font(bold=True), fill
        sheet.column_dimensions[column_letter(index - 1)].width = widths.get(name, 22)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.data_type == "f":  # openpyxl takes text starting with '=' for a formula; export writes none
                cell.data_type = "s"
    sheet.freeze_panes = "D2"
    kinds = DataValidation(type="list", formula1='"' + ",".join(TYPE_NAMES.values()) + '"', allow_blank=True)
    kinds.add(f"B2:B{max(rows + 200, 500)}")
    sheet.add_data_validation(kinds)
