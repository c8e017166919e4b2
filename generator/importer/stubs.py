"""Stub files for the activities an outline names: what the outline says, plus marked stand-ins.

An outline gives an activity one line (案例分析：池子事件); the model needs a background, events,
questions and a debrief. The stub keeps the outline's words where they fit and marks every field the
trainer still has to write with （待补充：…）, so an unfinished stub is obvious on the site too.
"""

from __future__ import annotations

import re
from typing import Any

from ..load.standins import stand_in
from .tokens import tidy
from .tree import Activity

DISCUSSION_MINUTES = 15
DRILL_MINUTES = 30
"""Time boxes written into stubs: a typical group discussion and role-play in a one-day course."""
_MIN_WORDS = re.compile(r"(?:不少于|不低于|至少|最少)\s*(\d{1,5})\s*个?字")
"""A minimum length the task states (不少于500字, 至少 300 字): the answer field's ``min_length``."""
_MAX_LENGTH = 5_000
"""The answer field's default ``max_length``; raised to the minimum when a task asks for more."""
_SHORT_TASK = 20
"""A homework line this short is a title (作业：投诉案例复盘); a longer one is the task itself."""


def stub(activity: Activity) -> dict[str, Any]:
    """The stub's data for ``activity``; it validates against the activity's model."""
    return {"case": _case, "discussion": _discussion, "drill": _drill, "homework": _homework}[activity.kind](activity)


def _details(activity: Activity) -> str | None:
    return "\n\n".join(activity.details) + "\n" if activity.details else None


def _case(a: Activity) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": tidy(a.title) or a.keyword,
        "background": _details(a) or stand_in("案例背景，即事情发生前的情况"),
        "events": [stand_in("事件经过，按时间顺序每条写一步")],
        "questions": [{"id": "q1", "prompt": stand_in("思考题")}],
        "debrief": stand_in("案例解析，学员作答后展开"),
    }


def _discussion(a: Activity) -> dict[str, Any]:
    prompt = "\n\n".join(p for p in (a.title, _details(a)) if p) or stand_in("讨论题")
    return {
        "id": a.id,
        "title": tidy(a.title) or a.keyword,
        "prompt": prompt,
        "time_minutes": DISCUSSION_MINUTES,
        "good_outcome": [stand_in("好的讨论成果是什么样")],
    }


def _drill(a: Activity) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": tidy(a.title) or a.keyword,
        "scenario": _details(a) or stand_in("演练情境"),
        "roles": _roles(a),
        "time_minutes": DRILL_MINUTES,
        "good_outcome": [stand_in("好的演练结果是什么样")],
    }


def _roles(a: Activity) -> list[dict[str, str]]:
    """The roles the outline names, each with its brief or a stand-in for it; stand-in roles up to the two a drill needs."""
    named = [{"name": name, "brief": brief or stand_in(f"{name}知道什么、想要什么")} for name, brief in a.roles]
    stand_ins = [{"name": stand_in(f"角色{n}"), "brief": stand_in("这个角色知道什么、想要什么")} for n in ("一", "二")]
    return named + stand_ins[len(named):]


def _homework(a: Activity) -> dict[str, Any]:
    is_title = bool(a.title) and len(a.title) <= _SHORT_TASK
    intro = "\n\n".join(p for p in ([] if is_title else [a.title]) + a.details if p)
    answer: dict[str, Any] = {
        "id": "answer",
        "type": "textarea",
        "label": "作答",
        "hint": stand_in("按作业要求改成表格或多个字段"),
        "required": True,
    }
    least = _MIN_WORDS.search(" ".join([a.title, *a.details]))
    if least:  # 不少于500字: the form refuses a shorter answer, as the trainer asked
        answer["min_length"] = int(least[1])
        answer["max_length"] = max(_MAX_LENGTH, int(least[1]))
    return {
        "id": a.id,
        "title": tidy(a.title) if is_title else a.keyword,  # 课后作业：投诉复盘 → 投诉复盘, as a case's title
        "intro": intro or stand_in("作业要求"),
        "fields": [answer],
    }
