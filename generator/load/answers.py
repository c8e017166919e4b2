"""A case question's reference ``answer`` must be one of its options, character for character.

The page compares the trainee's choice with it as written: an answer typed with a half-width comma where the
option has a full-width one would never agree with any choice. The loader checks it here, at the answer's line,
and names the option it differs from only by punctuation, width, case or spaces.
"""

from __future__ import annotations

import unicodedata

from ..messages import say
from ..model import Case
from .problems import Problem
from .yamlfile import YamlDoc


def foreign_answers(doc: YamlDoc, case: Case) -> list[Problem]:
    """An error at every case question's ``answer`` that is not one of its ``options``."""
    problems = []
    for i, question in enumerate(case.questions):
        if question.answer is None or question.answer in question.options:
            continue
        close = next((o for o in question.options if _bare(o) == _bare(question.answer)), None)
        hint = say("course.answer.close", option=close) if close else say("course.answer.copy", option=question.options[0])
        problems.append(doc.problem(("questions", i, "answer"), say("course.answer.unknown", answer=question.answer), hint))
    return problems


def _bare(text: str) -> str:
    """``text`` without what a trainer does not see as a difference: width (NFKC), case, spaces, punctuation."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold()
                   if not c.isspace() and not unicodedata.category(c).startswith("P"))
