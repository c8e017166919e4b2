"""What every reader shares: question ids, validation into the model, and short-answer references.

Readers turn a file into plain question dicts and hand them to :func:`add_question`, which validates
each against the model on its own: one broken row is reported with its row number and the others
still import. :func:`finish` then assembles the bank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..messages import say
from ..model.base import ID_PATTERN
from ..model.quiz import Question, QuizBank
from .report import Report

QUESTION = TypeAdapter(Question)

TYPE_NAMES = {
    "single": "单选",
    "multiple": "多选",
    "true_false": "判断",
    "fill": "填空",
    "ordering": "排序",
    "matching": "匹配",
    "cloze": "多空填空",
    "numeric": "数值",
    "dragwords": "拖放填词",
    "short": "简答",
    "hotspot": "热区",
}
"""Question type → the Chinese name trainers use in spreadsheets and see in reports."""

CHECKLIST_MARK = "自查要点："
REFERENCE_MARK = "参考答案："
_CHECKLIST_MARKS = ("自查要点", "要点", "checklist")
_REFERENCE_MARKS = ("参考答案", "reference")


@dataclass
class Draft:
    """A bank as read from a file, before it is checked as a whole; bank settings only if the file holds them."""

    questions: list[Question] = field(default_factory=list)
    title: str | None = None
    intro: str | None = None
    pass_mark: int | None = None
    shuffle: bool | None = None
    feedback: str | None = None
    id: str | None = None
    used_ids: set[str] = field(default_factory=set)


def label(question: Question) -> str:
    """How a question is named in reports: ``q3 (ordering)``."""
    return f"{question.id} ({question.type})"


def question_id(raw: object, draft: Draft, report: Report, line: int | None) -> str:
    """The id for a question named ``raw`` in the file (题号, GIFT title, Moodle name), unique in the bank.

    A name that is not an id (Chinese, spaces) becomes ``q<n>``, and the trainer is told so.
    """
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip() if raw is not None else ""
    candidate = text.lower()
    if isinstance(raw, int) or candidate.isdigit():
        candidate = f"q{candidate}"
    if text and (not re.match(ID_PATTERN, candidate) or len(candidate) > 64):
        fresh = _next_free(draft)
        report.warn(say("exchange.question.not_id", name=text, id=fresh), question=fresh, line=line)
        candidate = fresh
    elif not text:
        candidate = _next_free(draft)
    elif candidate in draft.used_ids:
        fresh = _next_free(draft)
        report.warn(say("exchange.question.id_taken", taken=candidate, id=fresh), question=fresh, line=line)
        candidate = fresh
    draft.used_ids.add(candidate)
    return candidate


def _next_free(draft: Draft) -> str:
    n = len(draft.used_ids) + 1
    while f"q{n}" in draft.used_ids:
        n += 1
    return f"q{n}"


def add_question(data: dict[str, Any], draft: Draft, report: Report, line: int | None) -> Question | None:
    """Validate one question; on failure report why (in the model's words) and return None."""
    try:
        question = QUESTION.validate_python(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            where = ".".join(str(step) for step in err["loc"][1:])
            message = err["msg"].removeprefix("Value error, ")
            report.error(say("exchange.question.invalid", field=where, problem=message) if where else message, question=data.get("id"), line=line)
        return None
    draft.questions.append(question)
    return question


def finish(draft: Draft, bank_id: str, title: str, report: Report) -> QuizBank:
    """The bank: settings the file holds, else the defaults; a pass mark nobody could reach is dropped."""
    settings: dict[str, Any] = {"id": bank_id, "title": title, "questions": draft.questions}
    if draft.intro:
        settings["intro"] = draft.intro
    if draft.shuffle is not None:
        settings["shuffle"] = draft.shuffle
    if draft.feedback is not None:
        settings["feedback"] = draft.feedback

    if draft.pass_mark is not None:
        settings["pass_mark"] = draft.pass_mark
    if not any(q.auto_graded and q.points for q in draft.questions) and settings.get("pass_mark", 60) > 0:
        report.warn(say("exchange.bank.no_pass_mark"))
        settings["pass_mark"] = 0
    return QuizBank.model_validate(settings)


def category_title(path: str) -> str | None:
    """The bank title a Moodle category path such as ``$course$/top/题库`` stands for (``//`` is a ``/``)."""
    parts = [p for p in re.split(r"(?<!/)/(?!/)", path.strip()) if p.strip()]
    title = parts[-1].replace("//", "/").strip() if parts else ""
    return None if title in ("", "top", "$course$", "$system$", "$module$", "$cat1$") else title


def merge_category(title: str | None, draft: Draft, report: Report, line: int | None) -> None:
    """The first category names the bank; questions of further categories join it, which is said."""
    if title is None:
        return
    if draft.title is None:
        draft.title = title
    elif title != draft.title:
        report.warn(say("exchange.bank.category", category=title), line=line)


def compose_reference(reference: str, checklist: list[str]) -> str:
    """A short answer's reference and checklist as one text, for formats with a single field for both."""
    items = "\n".join(f"- {item}" for item in checklist)
    return f"{reference.strip()}\n\n{CHECKLIST_MARK}\n{items}"


def parse_reference(text: str, report: Report, question: str, line: int | None) -> tuple[str, list[str]] | None:
    """Undo :func:`compose_reference`; a text without a checklist gets one derived from its points.

    None when there is no reference at all: a coursegen short answer needs one to be self-checked.
    """
    text = text.strip()
    if not text:
        return None
    head, items = _split_at_mark(text, _CHECKLIST_MARKS)
    if items is not None:
        checklist = [_strip_bullet(l) for l in items.splitlines() if _strip_bullet(l)]
        if head and checklist:
            return head, checklist
    checklist = derive_checklist(text)
    report.warn(say("exchange.question.checklist_derived", n=len(checklist)), question=question, line=line)
    return text, checklist


def split_explanation(text: str) -> tuple[str, str]:
    """Split ``explanation`` + ``参考答案：`` + reference (GIFT's one general feedback) into its two parts."""
    head, rest = _split_at_mark(text, _REFERENCE_MARKS)
    return (head, rest) if rest is not None else ("", text)


def _split_at_mark(text: str, marks: tuple[str, ...]) -> tuple[str, str | None]:
    """Text before and after the last line that is one of ``marks`` followed by a colon."""
    lines = text.splitlines()
    for i in range(len(lines) - 1, -1, -1):
        bare = lines[i].strip().rstrip(":：").strip().lower()
        if bare in marks and lines[i].strip()[-1:] in ":：":
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i + 1 :]).strip()
    return text, None


_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.、)）]|[（(]\d+[)）]|[一二三四五六七八九十]+、)\s*")


def _strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1).strip()


def derive_checklist(reference: str) -> list[str]:
    """Self-check points taken from a reference answer: its list items, else its sentences."""
    items = [_strip_bullet(l).replace("**", "") for l in reference.splitlines() if _BULLET.match(l)]
    items = [i for i in items if i]
    if len(items) >= 2:
        return items
    sentences = [s.strip().rstrip("；;，,") for s in re.split(r"(?<=[。；;！？!?])|\n", reference) if s.strip()]
    return sentences or [reference.strip()]


def choice_fields(single: bool, answers: list[tuple[str, float, str]], report: Report, question: str, line: int | None) -> dict[str, Any]:
    """A Moodle choice question's (text, weight %, feedback) answers as coursegen options.

    A single-answer question keeps its full-credit option as the right one (partial credit is
    reported lost); a multiple-answer question keeps every positively weighted option as right, and
    weights that score differently from coursegen's rule are reported.
    """
    options: list[dict[str, Any]] = []
    for text, weight, feedback in answers:
        option: dict[str, Any] = {"text": text, "correct": weight >= 100 if single else weight > 0}
        if feedback:
            option["feedback"] = feedback
        if single and 0 < weight < 100:
            report.loss(say("exchange.question.partial_credit", weight=f"{weight:g}", option=text), question=question, line=line)
        options.append(option)
    right = sum(w > 0 for _, w, _ in answers)
    if not single and right and any(abs(abs(w) - 100 / right) > 0.01 for _, w, _ in answers):
        report.warn(say("exchange.question.weights_replaced"), question=question, line=line)
    return {"type": "single" if single else "multiple", "options": options}


def fill_fields(answers: list[tuple[str, float, str]], report: Report, question: str, line: int | None) -> dict[str, Any]:
    """A Moodle short-answer question's answers as a fill question's accepted answers."""
    accept = []
    for text, weight, feedback in answers:
        if weight < 100:
            report.loss(say("exchange.question.partial_answer", answer=text, weight=f"{weight:g}"), question=question, line=line)
            continue
        if feedback:
            report.loss(say("exchange.question.answer_feedback", answer=text), question=question, line=line)
        accept.append(text)
    return {"type": "fill", "accept": accept}


MOODLE_MAX_RIGHT = 10
"""Moodle's fixed list of answer weights holds 100/k % only for k ≤ 10."""


def moodle_weights(right: int, report: Report, question: str) -> tuple[str, str]:
    """Moodle answer weights (right, wrong) that score a multiple-choice question by coursegen's rule.

    Right options share +100 %; each wrong one costs what a right one earns, so Moodle's sum of
    ticked weights (never below zero) equals (right ticks − wrong ticks) / right options.
    """
    if right > MOODLE_MAX_RIGHT:
        report.warn(say("exchange.question.many_right", n=right, max=MOODLE_MAX_RIGHT), question=question)

    share = f"{100 / right:.5f}".rstrip("0").rstrip(".")
    return share, f"-{share}"
