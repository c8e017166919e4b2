"""New course files made in the studio: a lecture, case, discussion, drill, quiz bank or form that passes
``coursegen check`` at once, its words marked as still to write (the loader warns of each until they are), and its
id made from its title.

An id is part of every address and of every trainee's saved progress, so it is made once, when the file is
created, and never follows later changes of the title. Chinese titles become pinyin (``投诉处理`` →
``tou-su-chu-li``), which a trainer can still read in an address; a taken id gets ``-2``, ``-3``…
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from pypinyin import lazy_pinyin

from ..load.standins import stand_in
from ..messages import say

LONGEST = 40
"""The longest id made from a title, in characters: long enough to read, short enough for an address."""
MINUTES = {"lecture": 60, "group": 20}
"""A new lecture's and a new discussion's or drill's planned minutes, which the trainer then changes."""


def slug(title: str, taken: Collection[str] = ()) -> str:
    """A readable id from ``title`` that is not in ``taken``."""
    words = [re.sub(r"[^a-z0-9]+", "-", word.lower()) for word in lazy_pinyin(title)]
    base = "-".join(w.strip("-") for w in words if w.strip("-"))[:LONGEST].strip("-") or "item"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def starter(kind: str, item_id: str, title: str) -> dict[str, Any]:
    """The content of a new file of ``kind``: the title as given, every other text a stand-in to replace."""
    def todo(what: str) -> str:
        return stand_in(say(f"studio.starter.{what}"))

    group = {"time_minutes": MINUTES["group"], "good_outcome": [todo("outcome")]}
    roles = [{"name": todo(f"role_{n}"), "brief": todo("brief")} for n in ("a", "b")]
    bodies: dict[str, dict[str, Any]] = {
        "lecture": {"duration_minutes": MINUTES["lecture"], "summary": todo("summary"), "sections": [{"id": "section-1", "title": todo("section"), "points": [todo("point")]}]},
        "case": {"background": todo("background"), "events": [todo("event")], "questions": [{"id": "q1", "prompt": todo("question")}], "debrief": todo("debrief")},
        "discussion": {**group, "prompt": todo("prompt"), "questions": [todo("question")]},
        "drill": {**group, "scenario": todo("scenario"), "roles": roles, "steps": [todo("step")]},
        "quiz": {"questions": [{"id": "q1", "type": "single", "prompt": todo("question"),
                                "options": [{"text": todo("right"), "correct": True}, {"text": todo("wrong")}]}]},
        "homework": {"fields": [{"id": "answer", "label": todo("field"), "type": "textarea"}]},
        "scenario": {"scenes": [
            {"id": "start", "title": todo("scene"), "situation": todo("situation"),
             "choices": [{"text": todo("choice_good"), "to": "good", "points": 1}, {"text": todo("choice_poor"), "to": "poor"}]},
            *({"id": end, "title": todo(f"ending_{end}"), "situation": todo("situation"), "ending": {"outcome": todo("outcome")}}
              for end in ("good", "poor")),
        ]},
    }
    return {"id": item_id, "title": title, **bodies[kind]}
