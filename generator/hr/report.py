"""The HR report as data: every output (xlsx, HTML, CSV) renders this one model, so they agree.

Status of a trainee × form: ``submitted`` (on time, or the form has no due time), ``late``
(the first valid version came after the due time; how late is kept), ``problem`` (nothing valid came, but a
rejected file names the trainee and the form: HR asks for a good file, with the reason, rather than chasing a
trainee who did hand something in; not counted as handed in) or ``missing``. A trainee the roster marks 请假 or 免交
gets ``leave`` or ``exempt`` for every form: not expected, not counted, never chased; a file they hand in all the same is
shown (when, how) but not judged late. A roster's personal 延期 moves the due time of that trainee's forms whose own
due time is earlier (a form without one stays without: an extension never makes anyone late).
When a version came is read by the best clock it has (see :mod:`.timing`), and each cell says which.
Times are shown in the time zone the trainer wrote the due times in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import ClassVar, Literal

from ..messages import say
from ..render.dates import date_fields
from ..model.homework import Checkboxes, Choice, Homework, Rating, Table, TextArea, TextField
from ..model.project import Project
from ..model.submission import Answer, QuizScore, checksum
from .answers import answer_text
from .buckets import Bucket
from .check import Received
from .figures import rounded_mean
from .grades import Grade, GradeBook, Grading, match_grades
from .intake import Entry, Handed, Intake
from .items import MIN_ANSWERS, ItemAnalysis, analyse
from .roster import Excused, Roster, Trainee, extended_due
from .timing import Clock, joined, span

Status = Literal["submitted", "late", "problem", "missing", Excused]
"""The code every output compares and counts on; HR reads :func:`status_label`."""

EXCUSED: tuple[Excused, ...] = ("leave", "exempt")
"""The statuses of trainees not expected to hand in (请假, 免交): counted apart, never chased."""


def status_label(status: Status) -> str:
    """A status as HR reads it (已提交, 迟交, 提交有问题, 未提交, 请假, 免交), in this run's language."""
    if status in EXCUSED:
        return say(f"hr.roster_status.{status}")
    return say(f"hr.status.{status}")


def when_label(at: datetime | None) -> str:
    """A time as the outputs people read write it (``2021-03-12（周五）18:00``: HR plans by the week, as trainees
    do), in the zone it carries. The workbook keeps real date cells, the CSV files ISO 8601 for tools."""
    return "" if at is None else say("hr.when", **date_fields(at, say("hr.weekdays")))


def kind_label(kind: str) -> str:
    """A form's kind (homework, survey) as HR reads it, in this run's language."""
    return say(f"hr.kind.{kind}")


@dataclass(frozen=True)
class Cell:
    """One trainee × one form."""

    trainee: Trainee
    form: Homework
    status: Status
    due: datetime | None = None
    first_at: datetime | None = None
    last_at: datetime | None = None
    late_by: timedelta | None = None
    source: str = ""
    note: str = ""
    clock: Clock | None = None
    """Whose clock ``first_at`` (and so lateness) comes from."""
    sender: str = ""
    """Who mailed the first version, when it came by mail."""
    warning: str = ""
    """Why the first version's own time does not fit the time it arrived, or other versions' times were not believed."""
    declared_name: str = ""
    """The name the kept file gives when it is not the roster's (the roster's is shown): HR checks it is the right person."""
    received: Received | None = None
    """The kept submission (the one the report counts), when one was handed in."""
    grade: Grade | None = None
    """The trainer's grade and comment, when grades were read (``--grades``) and this one is graded."""
    extended: bool = False
    """``due`` is the trainee's own 延期 from the roster, not the form's: shown, so HR sees why a late-looking time is on time."""

    @property
    def to_chase(self) -> bool:
        """Nothing valid came from a trainee expected to hand in: not handed in, or only a rejected file (HR asks for a good one)."""
        return self.status in ("missing", "problem")

    @property
    def extended_label(self) -> str:
        """延期至 2021-03-20 23:59 where the due time is the trainee's own, else empty."""
        return say("hr.roster_status.extended", at=when_label(self.due)) if self.extended else ""

    @property
    def self_reported(self) -> bool:
        """Whether the time this status rests on is the trainee's clock alone (自报时间): not provable."""
        return self.clock is not None and not self.clock.trusted


def self_reported_label(cell: Cell) -> str:
    """自报时间 for a status resting on the trainee's clock alone, else empty, in this run's language."""
    return say("hr.label.self_reported") if cell.self_reported else ""


@dataclass
class Tally:
    """Counts for a department, a form or the whole class."""

    label: str
    trainees: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    problem: int = 0
    """Forms only a rejected file came for (提交有问题): not handed in, not in ``missing`` either."""
    excused: int = 0
    """Forms of trainees on leave or exempt (请假/免交): not expected, so in no rate."""

    def add(self, status: Status) -> None:
        if status in EXCUSED:
            self.excused += 1
        elif status == "submitted":
            self.on_time += 1
        elif status == "late":
            self.late += 1
        elif status == "problem":
            self.problem += 1
        else:
            self.missing += 1

    @property
    def expected(self) -> int:
        return self.on_time + self.late + self.problem + self.missing

    @property
    def submitted(self) -> int:
        return self.on_time + self.late

    @property
    def rate(self) -> float:
        return self.submitted / self.expected if self.expected else 0.0

    @property
    def on_time_rate(self) -> float:
        return self.on_time / self.expected if self.expected else 0.0


@dataclass(frozen=True)
class Reminder:
    """One trainee to chase, as the reminder list (催交名单), the workbook's 待催交 and the HTML page all show them."""

    trainee: Trainee
    cells: list[Cell]
    """The forms still wanted from them (:attr:`Cell.to_chase`), in the course's order."""

    @property
    def what(self) -> str:
        """The forms by title; one only a rejected file came for says so, and why, so the trainee knows what to fix."""
        return say("hr.reminder.separator").join(
            say("hr.reminder.problem", form=c.form.title, reason=c.note) if c.status == "problem" else c.form.title for c in self.cells
        )

    @property
    def dues(self) -> str:
        """The due time of each of those forms that has one (a personal 延期 marked as such)."""
        return say("hr.reminder.separator").join(say("hr.reminder.due", form=c.form.title, at=_due_label(c)) for c in self.cells if c.due is not None)


def _due_label(cell: Cell) -> str:
    at = when_label(cell.due)
    return say("hr.reminder.extended", at=at) if cell.extended else at


def reminder_table(report: Report) -> tuple[list[str], list[list[str]]]:
    """The reminder list (催交名单) as a header and rows: HR pastes it into a mail or IM, so it leads with the name.

    The CSV file and the workbook's 待催交 sheet both write this table, so they list the same people with the same words.
    """
    head = [say("hr.label.name"), say("hr.label.employee_id"), say("hr.label.department"), say("hr.reminder.mobile"), say("hr.reminder.email"),
            say("hr.reminder.what"), say("hr.label.due")]
    rows = [[r.trainee.name, r.trainee.raw_id, r.trainee.department, r.trainee.mobile, r.trainee.email, r.what, r.dues] for r in report.reminders]
    return head, rows


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str


@dataclass(frozen=True)
class QuizRow:
    trainee: Trainee
    scores: dict[str, QuizScore]
    """Quiz id → best score the trainee's files report; quizzes without a report are absent."""
    final_code: str = ""
    """The check code of the final assessment record a completion record (结业证明) rests on: see :func:`final_record_code`."""


def final_record_code(course_id: str, quiz_id: str, score: QuizScore, employee_id: str) -> str:
    """The check code the site's completion record prints when it rests on the final assessment (cg-record.js):
    the SHA-256 of ``{course_id, quiz_id, best, passed, employee_id}`` by the hand-in file's scheme, the employee id
    in its canonical form. A static site keeps no secret, so the record proves nothing by itself; HR finds the same
    code here only when a file the trainee handed in carries that very score."""
    return checksum({"course_id": course_id, "quiz_id": quiz_id, "best": score.best, "passed": score.passed, "employee_id": employee_id})


def _final_code(project: Project, trainee: Trainee, forms: list[Homework], intake: Intake) -> str:
    """The code for the best final assessment score the trainee's handed-in files carry: the one the completion
    record shows, as the trainee's browser keeps the best and a later file carries it."""
    final = project.course.final_assessment
    if final is None:
        return ""
    scores = [handed.received.quiz_scores[final.id] for form in forms
              if (handed := intake.handed.get((trainee.employee_id, form.id))) is not None and final.id in handed.received.quiz_scores]
    if not scores:
        return ""
    best = max(scores, key=lambda s: (s.best, s.passed))
    return final_record_code(project.course.id, final.id, best, trainee.employee_id)


@dataclass(frozen=True)
class QuizSummary:
    quiz: Quiz
    reported: int
    mean_best: float | None
    """Rounded by :func:`.figures.rounded_mean`."""
    passed: int


@dataclass(frozen=True)
class ItemStats:
    """One rating item of a survey: mean (rounded by :func:`.figures.rounded_mean`) and 1–5 distribution, overall and by department."""

    label: str
    n: int
    mean: float | None
    distribution: tuple[int, int, int, int, int]
    by_department: dict[str, tuple[int, float | None]]
    """Department → (responses, mean)."""


@dataclass(frozen=True)
class Comment:
    department: str
    question: str
    text: str


@dataclass(frozen=True)
class RatingSummary:
    """A rating field: each of its items."""

    kind: ClassVar[str] = "rating"
    label: str
    items: list[ItemStats]


@dataclass(frozen=True)
class OptionCount:
    option: str
    count: int
    share: float
    """Of those who answered the question (a skipped question does not thin the shares; ``answered`` shows the skips)."""
    by_department: dict[str, int]


@dataclass(frozen=True)
class ChoiceSummary:
    """A single (``choice``) or multiple (``checkboxes``) choice: how many picked each option, in the form's order;
    options a file names that the form no longer has follow, as they came. With several picks a trainee counts once
    under each, so the shares of a multiple choice add up to more than 100%."""

    kind: ClassVar[str] = "choice"
    label: str
    multiple: bool
    answered: int
    answered_by_department: dict[str, int]
    options: list[OptionCount]

    def share(self, option: OptionCount, department: str) -> float:
        """``option``'s share among the department's trainees who answered."""
        answered = self.answered_by_department.get(department, 0)
        return option.by_department.get(department, 0) / answered if answered else 0.0


@dataclass(frozen=True)
class TextSummary:
    """A text, textarea or table field: every non-empty answer, with the department only (a table one line per row)."""

    kind: ClassVar[str] = "text"
    label: str
    answers: list[Comment]


FieldSummary = RatingSummary | ChoiceSummary | TextSummary


@dataclass(frozen=True)
class SurveyStats:
    form: Homework
    responses: int
    fields: list[FieldSummary]
    """One summary per field, in the form's order."""
    departments: list[str]
    """Departments with at least one response, in roster order."""
    anonymous: int = 0
    """How many of ``responses`` are anonymous evaluations: in the totals, in no department's figures, on no one's row."""

    @property
    def items(self) -> list[ItemStats]:
        """Every rating item, of every rating field."""
        return [item for f in self.fields if isinstance(f, RatingSummary) for item in f.items]

    @property
    def choices(self) -> list[ChoiceSummary]:
        return [f for f in self.fields if isinstance(f, ChoiceSummary)]

    @property
    def comments(self) -> list[Comment]:
        """Every text answer, field by field."""
        return [c for f in self.fields if isinstance(f, TextSummary) for c in f.answers]


@dataclass
class Report:
    course_id: str
    course_title: str
    generated_at: datetime
    zone: tzinfo
    """Every time in the report is shown in this zone."""
    forms: list[Homework]
    """The forms handed in person by person (an anonymous survey is not: it is only in ``surveys``)."""
    departments: list[Tally]
    total: Tally
    per_form: list[Tally]
    rows: list[tuple[Trainee, list[Cell]]]
    """One row per trainee (roster order), one cell per form."""
    quizzes: list[Quiz]
    quiz_rows: list[QuizRow]
    final_id: str
    """The final assessment's id, "" without one: with one, the quiz tables carry each trainee's 结业记录校验码
    (QuizRow.final_code)."""
    quiz_summary: list[QuizSummary]
    surveys: list[SurveyStats]
    items: ItemAnalysis
    """题目分析: per-question results, when the files carry them."""
    files: list[Entry]
    buckets: dict[Bucket, int] = field(default_factory=dict)
    grading: Grading | None = None
    """The grades read back from the trainer's grading workbook; ``None`` when none was given."""

    @property
    def timezone(self) -> str:
        return zone_label(self.zone, self.generated_at)

    def due(self, form: Homework) -> datetime | None:
        return form.due.astimezone(self.zone) if form.due is not None else None

    @property
    def cells(self) -> list[Cell]:
        return [cell for _, cells in self.rows for cell in cells]

    @property
    def reminders(self) -> list[Reminder]:
        """Every trainee something is still wanted from, in roster order."""
        return [Reminder(t, wanted) for t, cells in self.rows if (wanted := [c for c in cells if c.to_chase])]

    @property
    def excused(self) -> list[tuple[Trainee, Excused]]:
        """The trainees on leave or exempt (请假/免交) and which, in roster order: listed apart from those chased."""
        return [(t, t.excused) for t, _ in self.rows if t.excused is not None]

    def rows_by_department(self) -> list[tuple[Tally, list[tuple[Trainee, list[Cell]]]]]:
        groups: dict[str, list[tuple[Trainee, list[Cell]]]] = {}
        for trainee, cells in self.rows:
            groups.setdefault(trainee.department, []).append((trainee, cells))
        return [(tally, groups[tally.label]) for tally in self.departments]


def build_report(
    project: Project, roster: Roster, intake: Intake, now: datetime, grades: GradeBook | None = None, min_answers: int = MIN_ANSWERS,
) -> Report:
    """Join the roster, the course's forms, what was handed in and, if given, the trainer's grades;
    ``min_answers``: how many answers a question needs to be ranked in the item analysis (see :mod:`.items`)."""
    every_form = [project.homework[i] for i in project.in_course_order("homework", list(project.homework))]
    forms = [form for form in every_form if not form.anonymous]
    zone = report_timezone(every_form, now)
    grading = match_grades(grades, intake, roster) if grades is not None else None
    marks = grading.grades if grading is not None else {}
    rows = [
        (t, [_cell(t, form, intake.handed.get((t.employee_id, form.id)), zone, intake.problems.get((t.employee_id, form.id), []),
                   marks.get((t.employee_id, form.id))) for form in forms])
        for t in roster.trainees
    ]
    departments = {d: Tally(d) for d in roster.departments}
    per_form = {form.id: Tally(form.title, trainees=len(roster.trainees)) for form in forms}
    total = Tally(say("hr.label.total"), trainees=len(roster.trainees))
    for trainee, cells in rows:
        departments[trainee.department].trainees += 1
        for cell in cells:
            departments[trainee.department].add(cell.status)
            per_form[cell.form.id].add(cell.status)
            total.add(cell.status)
    quizzes = _quizzes(project)
    quiz_ids = {q.id for q in quizzes}
    quiz_rows = [QuizRow(t, _best_scores(t, forms, quiz_ids, intake), _final_code(project, t, forms, intake)) for t in roster.trainees]
    return Report(
        course_id=project.course.id,
        course_title=project.course.title,
        generated_at=now.astimezone(zone),
        zone=zone,
        forms=forms,
        departments=list(departments.values()),
        total=total,
        per_form=list(per_form.values()),
        rows=rows,
        quizzes=quizzes,
        quiz_rows=quiz_rows,
        final_id=project.course.final_assessment.id if project.course.final_assessment else "",
        quiz_summary=[_quiz_summary(q, quiz_rows) for q in quizzes],
        surveys=[_survey(form, roster, intake) for form in every_form if form.kind == "survey"],
        items=analyse(project, roster, intake, {row.trainee.employee_id: row.scores for row in quiz_rows}, min_answers),
        files=intake.entries,
        buckets={b: intake.count(b) for b in Bucket},
        grading=grading,
    )


def report_timezone(forms: list[Homework], now: datetime) -> tzinfo:
    """The zone of the first due time the trainer wrote, else the zone of HR's computer."""
    for form in forms:
        if form.due is not None and form.due.tzinfo is not None:
            return form.due.tzinfo
    zone = now.astimezone().tzinfo
    assert zone is not None
    return zone


def zone_label(zone: tzinfo, when: datetime) -> str:
    offset = when.astimezone(zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _cell(trainee: Trainee, form: Homework, handed: Handed | None, zone: tzinfo, problems: list[Entry], grade: Grade | None = None) -> Cell:
    due, extended = _due(trainee, form, zone)
    excused = trainee.excused
    if handed is None and problems:
        return Cell(trainee, form, excused or "problem", due, source=problems[-1].source, note=joined(*(problem_reason(e) for e in problems)),
                    extended=extended)
    if handed is None:
        return Cell(trainee, form, excused or "missing", due, extended=extended)
    first = handed.first_at.astimezone(zone)
    late_by = first - due if due is not None and first > due and excused is None else None
    last = handed.entry.timing.at if handed.entry.timing is not None else handed.received.updated_at
    return Cell(
        trainee,
        form,
        excused or ("late" if late_by else "submitted"),
        due=due,
        first_at=first,
        last_at=last.astimezone(zone),
        late_by=late_by,
        source=handed.entry.source,
        note=handed.entry.detail,
        clock=handed.first.clock,
        sender=handed.first.sender,
        warning=joined(handed.first.warning, handed.doubts),
        declared_name=handed.received.declared_name,
        received=handed.received,
        grade=grade,
        extended=extended,
    )


def _due(trainee: Trainee, form: Homework, zone: tzinfo) -> tuple[datetime | None, bool]:
    """The form's due time for this trainee, and whether it is the trainee's own 延期 (later than the form's)."""
    due = form.due.astimezone(zone) if form.due is not None else None
    if due is None or trainee.extension is None:
        return due, False
    extension = extended_due(trainee.extension, zone)
    return (extension, True) if extension > due else (due, False)


def problem_reason(entry: Entry) -> str:
    """Why a rejected file naming a trainee did not count: its file, its reason and the detail."""
    reason = entry.reason.label if entry.reason is not None else ""
    why = say("hr.reason_detail", reason=reason, detail=entry.detail) if entry.detail else reason
    return say("hr.note.problem", source=entry.source, reason=why)


@dataclass(frozen=True)
class FileTime:
    """One input file's time facts as every output shows them (file list): empty where a file has none."""

    at: datetime | None = None
    """When it counts as handed in (a rejected mailed file: when the mail came)."""
    clock: Clock | None = None
    own_at: datetime | None = None
    sender: str = ""
    warning: str = ""


def file_time(entry: Entry, zone: tzinfo) -> FileTime:
    """The time facts of one input file, in the report's zone."""
    when = entry.timing
    if when is not None:
        return FileTime(when.at.astimezone(zone), when.clock, when.own_at.astimezone(zone), when.sender, when.warning)
    channel = entry.channel
    if channel is None:
        return FileTime()
    if channel.at is None:
        return FileTime(sender=channel.sender)
    return FileTime(channel.at.astimezone(zone), channel.clock, sender=channel.sender)


def late_minutes(late_by: timedelta | None) -> int | None:
    """How late in whole minutes, at least 1 (a file 30 seconds late is late): the one figure every output shows."""
    if late_by is None:
        return None
    return max(1, late_by // timedelta(minutes=1))


def late_label(late_by: timedelta | None) -> str:
    """How late, as HR says it: ``2天3小时``, ``5小时10分钟``, ``25分钟``."""
    return "" if late_by is None else span(late_by)


def _quizzes(project: Project) -> list[Quiz]:
    """The question banks and the final assessment, in course order (as the trainee meets them)."""
    quizzes = {bank.id: Quiz(bank.id, bank.title) for bank in project.quizzes.values()}
    final = project.course.final_assessment
    if final is not None:
        quizzes[final.id] = Quiz(final.id, final.title)
    return [quizzes[i] for i in project.in_course_order("quiz", list(quizzes))]


def _best_scores(trainee: Trainee, forms: list[Homework], quiz_ids: set[str], intake: Intake) -> dict[str, QuizScore]:
    """Each quiz's best score and whether it was ever passed, across the snapshots the trainee's files carry."""
    merged: dict[str, QuizScore] = {}
    for form in forms:
        handed = intake.handed.get((trainee.employee_id, form.id))
        if handed is None:
            continue
        for quiz_id, score in handed.received.quiz_scores.items():
            known = merged.get(quiz_id)
            if quiz_id in quiz_ids:
                merged[quiz_id] = score if known is None else QuizScore(best=max(known.best, score.best), passed=known.passed or score.passed)
    return merged


def _quiz_summary(quiz: Quiz, rows: list[QuizRow]) -> QuizSummary:
    scores = [row.scores[quiz.id] for row in rows if quiz.id in row.scores]
    return QuizSummary(
        quiz,
        reported=len(scores),
        mean_best=rounded_mean([s.best for s in scores]),
        passed=sum(s.passed for s in scores),
    )


def _survey(form: Homework, roster: Roster, intake: Intake) -> SurveyStats:
    """A survey's statistics: named responses in roster order, then the anonymous ones, which count in every total
    but under no department (their comments are marked 匿名, left out of :attr:`SurveyStats.departments`), so none can be singled out."""
    named = [
        handed.received
        for trainee in roster.trainees
        if (handed := intake.handed.get((trainee.employee_id, form.id))) is not None
    ]
    anonymous = intake.anonymous.get(form.id, [])
    responses = [(r.trainee.department, r.answers) for r in named] + [(say("hr.anonymous.department"), a.answers) for a in anonymous]
    departments = list(dict.fromkeys(r.trainee.department for r in named))
    fields: list[FieldSummary] = []
    for form_field in form.fields:
        answers = [(department, given.get(form_field.id)) for department, given in responses]
        if isinstance(form_field, Rating):
            items = []
            for item in form_field.items:
                scored = [(d, v) for d, answer in answers if isinstance(v := _rating(answer, item.id), int)]
                items.append(_item_stats(item.label, scored, departments))
            fields.append(RatingSummary(form_field.label, items))
        elif isinstance(form_field, (Choice, Checkboxes)):
            fields.append(_choices(form_field, answers, departments))
        else:
            fields.append(_texts(form_field, answers))
    return SurveyStats(form, len(responses), fields, departments, len(anonymous))


def _rating(answer: object, item_id: str) -> int | None:
    return answer.get(item_id) if isinstance(answer, dict) else None


def _item_stats(label: str, scored: list[tuple[str, int]], departments: list[str]) -> ItemStats:
    values = [v for _, v in scored]
    counts = [values.count(k) for k in range(1, 6)]
    by_department: dict[str, tuple[int, float | None]] = {}
    for department in departments:
        mine = [v for d, v in scored if d == department]
        by_department[department] = (len(mine), rounded_mean(mine))
    return ItemStats(
        label,
        n=len(values),
        mean=rounded_mean(values),
        distribution=(counts[0], counts[1], counts[2], counts[3], counts[4]),
        by_department=by_department,
    )


def _choices(form_field: Choice | Checkboxes, answers: list[tuple[str, Answer | None]], departments: list[str]) -> ChoiceSummary:
    """Count each option once per trainee who picked it; a trainee who picked nothing did not answer."""
    picked = [(d, p) for d, answer in answers if (p := _picked(answer))]
    overall: Counter[str] = Counter(o for _, p in picked for o in p)
    mine = {d: Counter(o for dept, p in picked if dept == d for o in p) for d in departments}
    answered = len(picked)
    options = list(dict.fromkeys([*form_field.options, *overall]))
    return ChoiceSummary(
        form_field.label,
        multiple=isinstance(form_field, Checkboxes),
        answered=answered,
        answered_by_department={d: sum(dept == d for dept, _ in picked) for d in departments},
        options=[OptionCount(o, overall[o], overall[o] / answered if answered else 0.0, {d: mine[d][o] for d in departments}) for o in options],
    )


def _picked(answer: Answer | None) -> list[str]:
    """The options an answer picks, each once: a choice's one label, a multiple choice's labels; blanks are no pick."""
    chosen = [answer] if isinstance(answer, str) else answer if isinstance(answer, list) else []
    return list(dict.fromkeys(o.strip() for o in chosen if isinstance(o, str) and o.strip()))


def _texts(form_field: TextField | TextArea | Table, answers: list[tuple[str, Answer | None]]) -> TextSummary:
    """Every answer written, as the grading workbook shows it (a table one line per row), without the blank ones."""
    return TextSummary(form_field.label, [
        Comment(d, form_field.label, text) for d, answer in answers if (text := answer_text(form_field, answer).strip())
    ])
