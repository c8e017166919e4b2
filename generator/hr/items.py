"""题目分析: which questions the class got wrong, from the per-question results submission files carry.

A course with ``question_results`` hands in, per quiz, its content hash and each auto-graded question's
first checked answer (see :mod:`..model.submission`). Only results for the quiz version the course has now
count: a question id of an older version may name another question. A trainee's results come from the
newest of their files that carries them (a file never forgets a first try, so later files only add).

Each question is named as the trainee sees it: its bank's title and its number in the bank ("第一章自测 · 第 7 题",
as the review page numbers it), whichever quiz (the bank's own, or the final assessment drawing from it) it was in.
A cloze's and a drag-the-words question's answer reads blank by blank ("受理；5；—", a dash for a blank left empty).
An ordering question the trainee never touched is handed in as the order the page showed (the page never shows the
right one): it counts as 未作答, as a question left blank does, not as a wrong order.

Per question: attempts, share right at the first try, the wrong answer given most often and, with at
least :data:`DISCRIMINATION_MIN` trainees on the quiz, the discrimination index D = p(upper) − p(lower):
trainees ranked by their share of first-try right answers on that quiz (ties by employee id, so a
report is reproducible), the top and bottom :data:`GROUP_SHARE` each (at least one trainee) compared.
Only questions at least ``min_answers`` trainees answered (:data:`MIN_ANSWERS` unless HR says otherwise) are ranked:
a share of two answers says nothing about the question; the others are still listed, with their count.
Per department and quiz: mean best score and pass rate, from the scores every file carries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from ..exchange.htmltext import html_to_text
from ..messages import say
from ..model.project import Project
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
    SingleChoice,
    TrueFalse,
)
from ..model.submission import QuestionAnswer, QuestionResult, QuizScore
from ..render.quiz import bank_payload, final_payload, html, scrambled
from .figures import rounded_mean
from .intake import Intake
from .roster import Roster, Trainee

DISCRIMINATION_MIN = 20
GROUP_SHARE = 0.27
MOST_MISSED = 10
MIN_ANSWERS = 5
"""Answers a question needs before it is ranked (``homework report --min-answers``)."""
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
T = TypeVar("T")


@dataclass(frozen=True)
class QuestionStats:
    """One auto-graded question of one quiz, as the class answered it the first time."""

    quiz_id: str
    quiz_title: str
    question_id: str
    """As the quiz names it: ``<bankId>/<questionId>`` in the final assessment."""
    bank_id: str
    bank_title: str
    number: int
    """Its place in its bank, from 1, as the course site numbers it (the review page; a bank's quiz unshuffled)."""
    kind: str
    text: str
    attempts: int
    correct: int
    wrong_answer: str = ""
    """The wrong answer given most often (of equally frequent ones, the first given), as text."""
    wrong_count: int = 0
    discrimination: float | None = None

    @property
    def rate(self) -> float:
        """Share right at the first try."""
        return self.correct / self.attempts

    @property
    def name(self) -> str:
        """As the trainee sees it: its bank's title and its number in the bank (第一章自测 · 第 7 题)."""
        return say("hr.items_rule.question", bank=self.bank_title, n=self.number)

    @property
    def label(self) -> str:
        """How the chart names the question: its name, after the quiz's title when it was drawn into another quiz."""
        if self.quiz_id == self.bank_id:
            return self.name
        return say("hr.items_rule.in_quiz", quiz=self.quiz_title, question=self.name)


@dataclass(frozen=True)
class DepartmentScore:
    department: str
    quiz_id: str
    quiz_title: str
    reported: int
    mean: float | None
    passed: int

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.reported if self.reported else None


@dataclass(frozen=True)
class ItemAnalysis:
    questions: list[QuestionStats]
    """Every auto-graded question anyone answered (so ``attempts`` ≥ 1), in quiz then bank order."""
    departments: list[DepartmentScore]
    trainees: int
    """Trainees whose files carry per-question results for the current version of at least one quiz."""
    stale: int = 0
    """(trainee, quiz) results left out because they were for an older version of the quiz."""
    quizzes: dict[str, int] = field(default_factory=dict)
    """Quiz id → trainees with per-question results on it."""
    min_answers: int = MIN_ANSWERS
    """Answers a question needs to be ranked."""

    @property
    def ranked(self) -> list[QuestionStats]:
        """The questions with at least ``min_answers`` answers, those fewest got right at the first try first
        (then the most answered; then quiz order)."""
        return sorted((q for q in self.questions if q.attempts >= self.min_answers), key=lambda q: (q.correct / q.attempts, -q.attempts))

    def too_few(self, question: QuestionStats) -> bool:
        """Whether ``question`` has too few answers to be ranked."""
        return question.attempts < self.min_answers

    @property
    def most_missed(self) -> list[QuestionStats]:
        return self.ranked[:MOST_MISSED]


@dataclass(frozen=True)
class _Quiz:
    """A quiz of the course as the site built it: its hash and its questions by the id the site gives them."""

    id: str
    title: str
    hash: str
    questions: dict[str, tuple[QuizBank, int, Question]]
    """Question id as handed in → (its bank, its number in the bank, question)."""


def analyse(
    project: Project, roster: Roster, intake: Intake, scores: dict[str, dict[str, QuizScore]], min_answers: int = MIN_ANSWERS,
) -> ItemAnalysis:
    """The item analysis of the class; ``scores`` is employee id → quiz id → best score, as the report merged them;
    ``min_answers``: how many trainees must have answered a question for it to be ranked (fewer: listed, not ranked)."""
    quizzes = _course_quizzes(project)
    results: dict[str, dict[str, dict[str, QuestionResult]]] = {q.id: {} for q in quizzes}
    stale = 0
    hashes = {q.id: q.hash for q in quizzes}
    for trainee in roster.trainees:
        found, old = _results(trainee, hashes, project, intake)
        stale += len(old - set(found))
        for quiz_id, mine in found.items():
            results[quiz_id][trainee.employee_id] = mine
    questions = [stats for quiz in quizzes for stats in _quiz_stats(quiz, results[quiz.id])]
    with_results = {eid for per_trainee in results.values() for eid in per_trainee}
    return ItemAnalysis(
        questions=questions,
        departments=_departments(roster, quizzes, scores),
        trainees=len(with_results),
        stale=stale,
        quizzes={q.id: len(results[q.id]) for q in quizzes},
        min_answers=min_answers,
    )


def _course_quizzes(project: Project) -> list[_Quiz]:
    quizzes = [
        _Quiz(bank.id, bank.title, bank_payload(bank)["hash"], {q.id: (bank, n, q) for n, q in enumerate(bank.questions, start=1)})
        for bank in project.quizzes.values()
    ]
    final = project.course.final_assessment
    if final is not None:
        banks = [project.quizzes[rule.bank] for rule in final.draw]
        drawn = {f"{bank.id}/{q.id}": (bank, n, q) for bank in banks for n, q in enumerate(bank.questions, start=1)}
        quizzes.append(_Quiz(final.id, final.title, final_payload(final, banks)["hash"], drawn))
    return quizzes


def _results(trainee: Trainee, hashes: dict[str, str], project: Project, intake: Intake) -> tuple[dict[str, dict[str, QuestionResult]], set[str]]:
    """Quiz id → the trainee's results from their newest file carrying them for the quiz's current version;
    and the quizzes some file carried results for an older version of."""
    newest: dict[str, tuple[datetime, dict[str, QuestionResult]]] = {}
    stale: set[str] = set()
    for form_id in project.homework:
        handed = intake.handed.get((trainee.employee_id, form_id))
        if handed is None:
            continue
        received = handed.received
        for quiz_id, score in received.quiz_scores.items():
            if score.questions is None or quiz_id not in hashes:
                continue
            if score.hash != hashes[quiz_id]:
                stale.add(quiz_id)
            elif quiz_id not in newest or received.updated_at > newest[quiz_id][0]:
                newest[quiz_id] = (received.updated_at, score.questions)
    return {quiz_id: found for quiz_id, (_, found) in newest.items()}, stale


def _quiz_stats(quiz: _Quiz, results: dict[str, dict[str, QuestionResult]]) -> list[QuestionStats]:
    ranked = _ranked(quiz, results)
    stats = []
    for question_id, (bank, number, question) in quiz.questions.items():
        if question.type == "short":
            continue
        answers = [(eid, mine[question_id]) for eid, mine in results.items() if question_id in mine]
        if not answers:
            continue
        wrong = Counter(_describe(bank.id, question, r.answer) for _, r in answers if not r.correct).most_common(1)
        wrong_answer, wrong_count = wrong[0] if wrong else ("", 0)
        stats.append(QuestionStats(
            quiz_id=quiz.id,
            quiz_title=quiz.title,
            question_id=question_id,
            bank_id=bank.id,
            bank_title=bank.title,
            number=number,
            kind=say(f"hr.qtype.{question.type}"),
            text=html_to_text(html(question.prompt)),
            attempts=len(answers),
            correct=sum(r.correct for _, r in answers),
            wrong_answer=wrong_answer,
            wrong_count=wrong_count,
            discrimination=_discrimination(ranked, dict(answers)) if ranked else None,
        ))
    return stats


def _ranked(quiz: _Quiz, results: dict[str, dict[str, QuestionResult]]) -> tuple[set[str], set[str]] | None:
    """The upper and lower groups (employee ids) of the quiz, when enough trainees took it."""
    known = {eid: [r for qid, r in mine.items() if qid in quiz.questions] for eid, mine in results.items()}
    totals = {eid: sum(r.correct for r in rs) / len(rs) for eid, rs in known.items() if rs}
    if len(totals) < DISCRIMINATION_MIN:
        return None
    order = sorted(totals, key=lambda eid: (-totals[eid], eid))
    size = max(1, round(GROUP_SHARE * len(order)))
    return set(order[:size]), set(order[-size:])


def _discrimination(groups: tuple[set[str], set[str]], answers: dict[str, QuestionResult]) -> float | None:
    shares = []
    for group in groups:
        mine = [answers[eid].correct for eid in group if eid in answers]
        if not mine:
            return None
        shares.append(sum(mine) / len(mine))
    return shares[0] - shares[1]


def _describe(bank_id: str, q: Question, answer: QuestionAnswer) -> str:
    """An answer as the trainer reads it: option letters and texts, 对/错, the text typed, the order or pairs given."""
    if answer is None or answer == [] or answer == "" or _untouched(q, answer):
        return say("hr.answer.none")
    indices, separator = _indices(answer), say("hr.answer.separator")
    listed = isinstance(answer, list) and indices is not None
    try:
        if isinstance(q, (SingleChoice, MultipleChoice)) and indices is not None:
            return separator.join(f"{LETTERS[i]}. {_at(q.options, i).text}" for i in indices)
        if isinstance(q, TrueFalse) and isinstance(answer, bool):
            return say("hr.answer.right") if answer else say("hr.answer.wrong")
        if isinstance(q, (FillBlank, Numeric)) and isinstance(answer, str):
            return answer.strip()
        if isinstance(q, Cloze) and isinstance(answer, list) and not listed:
            texts = [str(text).strip() for text in answer]
            return separator.join(text or "—" for text in texts) if any(texts) else say("hr.answer.none")
        # Ordering items, matching right-hand sides and words to drag are numbered as the page lists them (see render.quiz).
        if isinstance(q, Ordering) and listed and indices:
            shown = scrambled(len(q.items), f"{bank_id}/{q.id}")
            return " → ".join(q.items[_at(shown, i)] for i in indices)
        if isinstance(q, Matching) and listed and indices:
            rights = q.rights
            shown = scrambled(len(rights), f"{bank_id}/{q.id}")
            unmatched = say("hr.answer.unmatched")
            return separator.join(f"{p.left} → {rights[_at(shown, j)] if j != -1 else unmatched}" for p, j in zip(q.pairs, indices))
        if isinstance(q, DragWords) and listed and indices:
            if all(j == -1 for j in indices):
                return say("hr.answer.none")
            pool = [*q.words, *q.distractors]
            shown = scrambled(len(pool), f"{bank_id}/{q.id}")
            return separator.join(pool[_at(shown, j)] if j != -1 else "—" for j in indices)
        if isinstance(q, Hotspot) and listed and indices and len(indices) == 2:
            return _place(q, indices[0], indices[1])
    except IndexError:  # an index the question does not have: a file made for another version of it
        pass
    return say("hr.answer.unknown")


def _indices(answer: QuestionAnswer) -> list[int] | None:
    """An answer of option, item or word indices (a single choice's one index as a list of it), or None."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int):
        return [answer]
    if isinstance(answer, list) and all(isinstance(i, int) for i in answer):
        return [i for i in answer if isinstance(i, int)]
    return None
def _place(q: Hotspot, x: int, y: int) -> str:
    """A hotspot answer as the trainer reads it: the labelled area (right or distractor) the point lies in, else
    "elsewhere", so that clicks a few pixels apart count as the same answer in 最常见的错误答案."""
    return next((area.label for area in q.labelled if area.contains(x, y)), say("hr.hotspot.elsewhere"))


def _untouched(q: Question, answer: QuestionAnswer) -> bool:
    """An ordering handed in as the page showed it: the quiz records an order nobody moved as the order shown
    (cg-quiz-answers.js), and the page never shows the right order (render.quiz.scrambled), so it was left untouched."""
    return isinstance(q, Ordering) and answer == list(range(len(q.items)))


def _at(items: list[T], index: int) -> T:
    """``items[index]`` for a non-negative index only: a negative one in a file is no answer Python should wrap around."""
    if index < 0:
        raise IndexError(index)
    return items[index]


def _departments(roster: Roster, quizzes: list[_Quiz], scores: dict[str, dict[str, QuizScore]]) -> list[DepartmentScore]:
    """Each department × quiz: how many reported a score, their mean best score and how many passed."""
    members: dict[str, list[str]] = {d: [] for d in roster.departments}
    for trainee in roster.trainees:
        members[trainee.department].append(trainee.employee_id)
    rows = []
    for department, ids in members.items():
        for quiz in quizzes:
            got = [scores[eid][quiz.id] for eid in ids if quiz.id in scores.get(eid, {})]
            rows.append(DepartmentScore(
                department, quiz.id, quiz.title, reported=len(got),
                mean=rounded_mean([s.best for s in got]), passed=sum(s.passed for s in got),
            ))
    return rows

