"""What a trainee's handbook must never print: every answer key and facilitator note of a course."""

from __future__ import annotations

import re

from coursegen.model.base import FacilitatorNotes
from coursegen.model.project import Project


def answer_keys(project: Project) -> list[str]:
    """Facilitator notes and expected answers, case debriefs, and each question's explanation, feedback
    and reference answer, as the YAML writes them."""
    texts: list[str] = []

    def notes(facilitator: FacilitatorNotes | None) -> None:
        if facilitator:
            texts.extend([facilitator.notes, *facilitator.expected_answers])

    for lecture in project.lectures:
        notes(lecture.facilitator)
        for section in lecture.sections:
            notes(section.facilitator)
    if project.course.closing:
        notes(project.course.closing.facilitator)
    for items in (project.cases, project.discussions, project.drills, project.homework):
        for item in items.values():
            notes(item.facilitator)
    texts += [case.debrief for case in project.cases.values()]
    for bank in project.quizzes.values():
        for q in bank.questions:
            notes(q.facilitator)
    return [t for t in texts + quiz_keys(project) if t and t.strip()]


def quiz_keys(project: Project) -> list[str]:
    """Each question's explanation, option feedback and reference answer, shown only after answering, and its hint,
    shown only when the trainee asks for it."""
    texts: list[str] = []
    for bank in project.quizzes.values():
        for q in bank.questions:
            texts += [q.explanation or "", q.hint or "", getattr(q, "reference", ""), getattr(q, "feedback_true", None) or "",
                      getattr(q, "feedback_false", None) or ""]
            texts += [o.feedback or "" for o in getattr(q, "options", [])]
    return [t for t in texts if t and t.strip()]


def plain(text: str) -> str:
    """Text as it reads once rendered and extracted again: Markdown marks, spaces and line breaks gone."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[\s*_`#>]+", "", text)


def fragments(texts: list[str], size: int = 14, public: str = "") -> list[str]:
    """The opening of every paragraph of every text, markup-free: found in a page if any of it is printed.

    A fragment the trainee may read anyway (it occurs in ``public``, e.g. an expected answer quoting the
    lecture) proves nothing and is left out.
    """
    out = []
    for text in texts:
        for paragraph in re.split(r"\n\s*\n", text):
            words = plain(paragraph)
            if len(words) >= 6 and words[:size] not in public:
                out.append(words[:size])
    return out
