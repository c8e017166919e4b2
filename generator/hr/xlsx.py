"""The report as an Excel workbook: 汇总, 明细, 测验成绩, 题目分析, 课程评估, 文件清单.

Written in openpyxl's write-only mode, so 10,000 rows stream out without building a sheet in
memory. Every value passes through :func:`cells.safe`: no string from a file becomes a formula.
Data rows are plain values (a styled cell costs openpyxl twice the time); late and missing rows
are coloured by conditional formatting on the status column instead of per cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .buckets import Bucket
from .cells import Value, safe
from .intake import Entry
from .items import DISCRIMINATION_MIN, ItemAnalysis, QuestionStats
from ..messages import say
from .report import (
    Cell, ChoiceSummary, RatingSummary, Report, SurveyStats, Tally, TextSummary, file_time, kind_label, late_label, late_minutes, reminder_table,
    self_reported_label, status_label,
)

PERCENT = "0.0%"
MEAN = "0.00"
ROUNDED = "0.0"
"""A mean :func:`.figures.rounded_mean` rounded: shown with its one decimal, 4.0 as 4.0."""
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_LATE_FILL = PatternFill("solid", bgColor="FFF2CC")
_BAD_FILL = PatternFill("solid", bgColor="F8CBAD")


class _Sheet:
    """A write-only sheet with the few kinds of rows the report needs."""

    def __init__(self, workbook: Workbook, title: str, widths: Sequence[int]) -> None:
        self.ws: WriteOnlyWorksheet = workbook.create_sheet(title)
        for i, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width

    def row(self, values: Iterable[Value]) -> None:
        self.ws.append([safe(v) for v in values])

    def formatted(self, values: Iterable[Value], formats: dict[int, str]) -> None:
        """A row whose numbers need a format (rates, means): few rows, so styled cells are affordable."""
        out: list[object] = []
        for i, value in enumerate(values):
            if i in formats and value is not None:
                cell = WriteOnlyCell(self.ws, value)
                cell.number_format = formats[i]
                out.append(cell)
            else:
                out.append(safe(value))
        self.ws.append(out)

    def head(self, values: Iterable[str]) -> None:
        out = []
        for value in values:
            cell = WriteOnlyCell(self.ws, safe(value))
            cell.font, cell.fill = _BOLD, _HEAD_FILL
            out.append(cell)
        self.ws.append(out)

    def title(self, value: str) -> None:
        cell = WriteOnlyCell(self.ws, safe(value))
        cell.font = Font(bold=True, size=13)
        self.ws.append([cell])

    def blank(self) -> None:
        self.ws.append([])

    def table(self, header: Sequence[str], rows: int) -> None:
        """Make this sheet one filterable table of ``rows`` rows whose header stays in view."""
        self.ws.freeze_panes = "A2"
        # ignore: the stubs lack what Worksheet._setup gives a WriteOnlyWorksheet at run time
        self.ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{rows + 1}"  # type: ignore[attr-defined]
        self.head(header)

    def colour_rows(self, header: Sequence[str], rows: int, column: int, colours: dict[str, PatternFill]) -> None:
        """Colour whole rows by the text in the ``column``-th column (from 0); the rule compares to our own labels, never to input.

        No rows (the first day of a course, a course without forms): no rule, since an empty range is no range to openpyxl.
        """
        if rows == 0:
            return
        letter = get_column_letter(column + 1)
        area = f"A2:{get_column_letter(len(header))}{rows + 1}"
        for label, fill in colours.items():
            # ignore: the stubs lack what Worksheet._setup gives a WriteOnlyWorksheet at run time
            self.ws.conditional_formatting.add(area, FormulaRule(formula=[f'${letter}2="{label}"'], fill=fill))  # type: ignore[attr-defined]


def heads(*keys: str) -> list[str]:
    """Column headers (``hr.label.<key>``) in this run's language; the HTML page shares them."""
    return [say(f"hr.label.{key}") for key in keys]


def write_xlsx(report: Report, path: Path) -> None:
    """Write the workbook to ``path`` (a temporary name: :class:`.staging.Staging` moves it into place)."""
    workbook = Workbook(write_only=True)
    _summary(workbook, report)
    _detail(workbook, report)
    _chase(workbook, report)
    _quizzes(workbook, report)
    _items(workbook, report.items)
    _surveys(workbook, report)
    _files(workbook, report)
    workbook.save(path)


_TALLY_HEAD = ("trainees", "expected", "on_time", "late", "missing", "problem", "rate", "on_time_rate")


def _tally_head(first: str) -> list[str]:
    return [*heads(first, *_TALLY_HEAD), say("hr.roster_status.label")]


def _tally_row(sheet: _Sheet, tally: Tally) -> None:
    values: list[Value] = [tally.label, tally.trainees, tally.expected, tally.on_time, tally.late, tally.missing, tally.problem, tally.rate, tally.on_time_rate,
                           tally.excused]
    sheet.formatted(values, {7: PERCENT, 8: PERCENT})


def _summary(workbook: Workbook, report: Report) -> None:
    sheet = _Sheet(workbook, say("hr.xlsx.summary"), [28, 8, 8, 10, 8, 8, 12, 10, 10, 10])
    sheet.title(say("hr.xlsx.title", title=report.course_title, id=report.course_id))
    sheet.row([say("hr.xlsx.generated", at=f"{report.generated_at:%Y-%m-%d %H:%M}", zone=report.timezone)])
    sheet.blank()
    sheet.head(_tally_head("department"))
    for tally in [*report.departments, report.total]:
        _tally_row(sheet, tally)
    sheet.blank()
    sheet.head(_tally_head("form"))
    for tally in report.per_form:
        _tally_row(sheet, tally)
    if report.quiz_summary:
        sheet.blank()
        sheet.head(heads("quiz", "reported", "mean_best", "passed"))
        for quiz in report.quiz_summary:
            sheet.formatted([quiz.quiz.title, quiz.reported, quiz.mean_best, quiz.passed], {2: ROUNDED})
    sheet.blank()
    sheet.head(heads("file", "count"))
    for bucket, count in report.buckets.items():
        sheet.row([bucket.label, count])
    sheet.row([say("hr.label.total"), len(report.files)])


_DETAIL_HEAD = ("employee_id", "name", "department", "form", "kind", "due", "status", "self_reported", "first_at", "clock", "last_at", "late_by",
                "late_minutes", "source", "sender", "time_check", "note")


_GRADE_HEAD = ("grade", "comment", "review")
"""明细's last columns when grades were read (``--grades``)."""


def _detail(workbook: Workbook, report: Report) -> None:
    graded = report.grading is not None
    sheet = _Sheet(workbook, say("hr.xlsx.detail"), [12, 10, 20, 24, 8, 17, 8, 10, 17, 14, 17, 12, 10, 30, 28, 40, 30, 24, *([10, 40, 18] if graded else [])])
    cells = report.cells
    head = [*heads(*_DETAIL_HEAD), say("hr.roster_status.extended_column"), *heads(*(_GRADE_HEAD if graded else ()))]
    sheet.table(head, len(cells))
    sheet.colour_rows(head, len(cells), _DETAIL_HEAD.index("status"), {status_label("late"): _LATE_FILL, status_label("missing"): _BAD_FILL, status_label("problem"): _BAD_FILL})
    for cell in cells:
        sheet.row([
            cell.trainee.raw_id,
            cell.trainee.name,
            cell.trainee.department,
            cell.form.title,
            kind_label(cell.form.kind),
            cell.due,
            status_label(cell.status),
            self_reported_label(cell),
            cell.first_at,
            cell.clock.label if cell.clock else "",
            cell.last_at,
            late_label(cell.late_by),
            late_minutes(cell.late_by),
            cell.source,
            cell.sender,
            cell.warning,
            cell.note,
            cell.extended_label,
            *(_grade_cells(cell) if graded else ()),
        ])


def _grade_cells(cell: Cell) -> list[Value]:
    """成绩 (a number stays a number), 评语, 复核 (已重新提交，需复核 when the grade was given to an older version)."""
    grade = cell.grade
    if grade is None:
        return [None, None, None]
    return [grade.value, grade.comment, say("hr.grading.needs_review") if grade.review else None]


def _chase(workbook: Workbook, report: Report) -> None:
    """待催交: the reminder list as the CSV beside the report has it, then those on leave or exempt, apart."""
    sheet = _Sheet(workbook, say("hr.reminder.sheet"), [10, 12, 20, 14, 26, 60, 36])
    head, rows = reminder_table(report)
    sheet.head(head)
    for row in rows:
        sheet.row(row)
    if not rows:
        sheet.row([say("hr.page.all_in")])
    if report.excused:
        sheet.blank()
        sheet.title(say("hr.roster_status.excused_title", n=len(report.excused)))
        sheet.head(heads("name", "employee_id", "department", "status"))
        for trainee, status in report.excused:
            sheet.row([trainee.name, trainee.raw_id, trainee.department, status_label(status)])


def _quizzes(workbook: Workbook, report: Report) -> None:
    codes = report.final_id
    sheet = _Sheet(workbook, say("hr.xlsx.quizzes"), [12, 10, 20] + [14, 8] * len(report.quizzes) + ([66] if codes else []))
    columns = [say(f"hr.xlsx.{key}", quiz=q.title) for q in report.quizzes for key in ("best", "passed_column")]
    header = [*heads("employee_id", "name", "department"), *columns, *([say("completion.hr.final_code")] if codes else [])]
    sheet.table(header, len(report.quiz_rows))
    for row in report.quiz_rows:
        scores: list[Value] = []
        for quiz in report.quizzes:
            score = row.scores.get(quiz.id)
            scores += [score.best, say("hr.xlsx.passed") if score.passed else say("hr.xlsx.failed")] if score else [None, None]
        sheet.row([row.trainee.raw_id, row.trainee.name, row.trainee.department, *scores, *([row.final_code or None] if codes else [])])


_ITEMS_HEAD = ("rank", "quiz", "question_id", "question_type", "question", "attempts", "first_right", "first_rate", "common_wrong", "chose_it",
               "discrimination")
_ITEMS_TOP = 4
"""The row of the question table's header (title, note and the ranking rule above it)."""


def _items(workbook: Workbook, items: ItemAnalysis) -> None:
    """题目分析: every question, the most missed first and those too few answered to rank after them, a native bar
    chart of the ranked ones' first-try rate beside them, then each department's mean score and pass rate per quiz."""
    sheet = _Sheet(workbook, say("hr.xlsx.items"), [6, 18, 22, 6, 48, 9, 10, 12, 36, 10, 8])
    sheet.title(say("hr.xlsx.items_title"))
    if not items.questions:
        sheet.row([say("hr.xlsx.no_results")])
    else:
        stale = say("hr.xlsx.stale", n=items.stale) if items.stale else ""
        sheet.row([say("hr.xlsx.items_note", n=items.trainees, min=DISCRIMINATION_MIN, stale=stale)])
        sheet.row([say("hr.items_rule.rule", min=items.min_answers)])
        sheet.head(heads(*_ITEMS_HEAD))
        ranked = items.ranked
        unranked = say("hr.items_rule.unranked")
        rows: list[tuple[Value, QuestionStats]] = [*enumerate(ranked, start=1), *((unranked, q) for q in items.questions if items.too_few(q))]
        for rank, q in rows:
            sheet.formatted([rank, q.quiz_title, q.name, q.kind, q.text, q.attempts, q.correct, q.rate, q.wrong_answer or None,
                             q.wrong_count or None, q.discrimination], {7: PERCENT, 10: MEAN})
        if ranked:
            # ignore: the stubs type the self of Worksheet.add_chart, which WriteOnlyWorksheet reuses
            sheet.ws.add_chart(_rate_chart(sheet, len(ranked)), "M2")  # type: ignore[misc]
    sheet.blank()
    sheet.head(heads("department", "quiz", "reported", "mean_best", "passed", "pass_rate"))
    for d in items.departments:
        sheet.formatted([d.department, d.quiz_title, d.reported, d.mean, d.passed, d.pass_rate], {3: ROUNDED, 5: PERCENT})


def _rate_chart(sheet: _Sheet, rows: int) -> BarChart:
    """Horizontal bars of 第一次答对率 (column H) labelled by the question's name (column C), in the table's order."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = say("hr.xlsx.chart")
    chart.y_axis.title = say("hr.label.first_rate")
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the table
    chart.legend = None
    first, last = _ITEMS_TOP + 1, _ITEMS_TOP + rows
    chart.add_data(Reference(sheet.ws, min_col=8, min_row=_ITEMS_TOP, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet.ws, min_col=3, min_row=first, max_row=last))
    chart.width, chart.height = 18, max(7.5, 0.6 * rows + 2)
    return chart


def _surveys(workbook: Workbook, report: Report) -> None:
    sheet = _Sheet(workbook, say("hr.xlsx.surveys"), [36, 12, 10, 8, 8, 8, 8, 8, 40])
    if not report.surveys:
        sheet.row([say("hr.xlsx.no_survey")])
    for survey in report.surveys:
        _survey(sheet, survey)


def _survey(sheet: _Sheet, survey: SurveyStats) -> None:
    """One survey's fields in the form's order, each a small table under its question."""
    sheet.title(say("hr.xlsx.survey", title=survey.form.title, n=survey.responses))
    if survey.anonymous:
        sheet.row([say("hr.anonymous.counted", n=survey.anonymous)])
    for summary in survey.fields:
        if isinstance(summary, RatingSummary):
            _ratings(sheet, summary, survey.departments)
        elif isinstance(summary, ChoiceSummary):
            _choices(sheet, summary, survey)
        else:
            _texts(sheet, summary)
        sheet.blank()


def _ratings(sheet: _Sheet, summary: RatingSummary, departments: list[str]) -> None:
    sheet.row([summary.label])
    sheet.head([*heads("rating_item", "responses", "mean"), *(say("hr.label.points", n=n) for n in range(1, 6))])
    for item in summary.items:
        sheet.formatted([item.label, item.n, item.mean, *item.distribution], {2: ROUNDED})
    if departments:
        sheet.blank()
        sheet.head([say("hr.label.department_means"), *departments])
        for item in summary.items:
            means = [item.by_department[d][1] for d in departments]
            sheet.formatted([item.label, *means], dict.fromkeys(range(1, len(means) + 1), ROUNDED))


def _choices(sheet: _Sheet, summary: ChoiceSummary, survey: SurveyStats) -> None:
    """选项, 选择人数, 比例, then how many in each department picked it."""
    note = say("hr.survey.multiple") if summary.multiple else ""
    sheet.row([say("hr.survey.question", label=summary.label, answered=summary.answered, responses=survey.responses) + note])
    sheet.head([say("hr.survey.option"), say("hr.survey.count"), say("hr.survey.share"), *survey.departments])
    for option in summary.options:
        sheet.formatted([option.option, option.count, option.share, *(option.by_department[d] for d in survey.departments)], {2: PERCENT})


def _texts(sheet: _Sheet, summary: TextSummary) -> None:
    sheet.head(heads("department", "comment_question", "comment_text"))
    for comment in summary.answers:
        sheet.row([comment.department, comment.question, comment.text])


_FILES_HEAD = ("file", "size_bytes", "bucket", "reason", "detail", "employee_id", "name", "form", "handed_at", "clock", "own_at", "sender",
               "time_check")


def _files(workbook: Workbook, report: Report) -> None:
    sheet = _Sheet(workbook, say("hr.xlsx.files"), [48, 12, 14, 22, 48, 12, 10, 24, 17, 14, 17, 28, 40])
    head = heads(*_FILES_HEAD)
    sheet.table(head, len(report.files))
    sheet.colour_rows(head, len(report.files), _FILES_HEAD.index("bucket"), {Bucket.REJECTED.label: _BAD_FILL})
    for entry in report.files:
        received = entry.received
        sheet.row([
            entry.source,
            entry.size,
            entry.bucket.label,
            entry.reason.label if entry.reason else "",
            entry.detail,
            received.trainee.raw_id if received else "",
            received.trainee.name if received else say("hr.anonymous.department") if entry.anonymous else "",
            received.form.title if received else entry.anonymous.form.title if entry.anonymous else "",
            *_timing_cells(entry, report),
        ])


def _timing_cells(entry: Entry, report: Report) -> list[Value]:
    """提交时间, 计时依据, 文件自带时间, 发件人, 时间核对: a rejected file that came by mail still shows its sender and the mail's time."""
    t = file_time(entry, report.zone)
    return [t.at, t.clock.label if t.clock else "", t.own_at, t.sender, t.warning]
