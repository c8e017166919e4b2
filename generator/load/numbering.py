"""Lecture numbering the way the trainer wrote it, checked for one numbering word (第一章 … 第五章, not 第一章, 第二讲).

Outlines pasted together from two sources often mix 章 and 讲; the site shows each label as written, so a
trainee reads "第一章" in one menu entry and "第二讲" in the next. Only a warning, and none for a course that
says the mix is meant (``mixed_numbering: true``, as the example course, numbered like its outline).
"""

from __future__ import annotations

import re
from collections import Counter

from ..messages import say
from ..model.course import Lecture
from .problems import Problem, display_path
from .yamlfile import YamlDoc

_NUMBERED = re.compile(r"^\s*第\s*[〇零一二三四五六七八九十百两\d]+\s*(章|讲|课|节|篇|部分|单元|模块|专题)")


def numbering_word(text: str | None) -> str | None:
    """The numbering word of ``第三讲 …`` (讲), or ``None`` for text not numbered that way."""
    match = _NUMBERED.match(text or "")
    return match.group(1) if match else None


def mixed_numbering(lectures: list[Lecture], docs: dict[tuple[str, str], YamlDoc]) -> list[Problem]:
    """A warning at each lecture whose label (or, without one, title) uses a numbering word other than the one
    most lectures use; it names a lecture written the common way. Ties go to the earlier lecture's word."""
    found: list[tuple[Lecture, str, str, str]] = []  # lecture, field, its text, its numbering word
    for lecture in lectures:
        field, text = ("label", lecture.label) if lecture.label else ("title", lecture.title)
        word = numbering_word(text)
        if word is not None:
            found.append((lecture, field, text, word))
    counts = Counter(word for *_, word in found)
    if len(counts) < 2:
        return []
    first_seen = {word: i for i, (*_, word) in reversed(list(enumerate(found)))}
    common = max(counts, key=lambda word: (counts[word], -first_seen[word]))
    model, model_field, model_text, _ = next(f for f in found if f[3] == common)
    where = docs[("lecture", model.id)].problem((model_field,), "")
    example = say("course.numbering.example", text=model_text, where=f"{display_path(where.path)}:{where.line}")
    return [
        docs[("lecture", lecture.id)].problem(
            (field,),
            say("course.numbering.mixed", text=text, word=word, count=counts[common], total=len(found), common=common, example=example),
            say("course.numbering.hint", field=field, common=common),
            severity="warning",
        )
        for lecture, field, text, word in found
        if word != common
    ]
