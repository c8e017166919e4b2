"""The roles an outline names for a scenario drill: 角色：客户、柜员、大堂经理、观察员.

A drill needs at least two roles with a brief each; an outline names them, if at all, on the drill's
line (情景演练：客户要求插队（角色：客户、柜员）), on the line after it, with or without a label, or as
a 角色： heading with one role a line under it. The names are kept as the trainer wrote them; what
each role knows and wants is left for the trainer (the stub marks it), unless the line says it
(客户：排队四十分钟，要求插队).
"""

from __future__ import annotations

import re

from .tokens import bare

Role = tuple[str, str | None]
"""A role's name and, when the outline writes one, its brief."""

_LABEL = re.compile(
    r"^(?:(?:演练|扮演|分组|参演)?角色(?:分配|分工|设置|安排|设定)?|[0-9０-９一二三四五六七八九十两]+人一组)"
    r"\s*(?:[:：]\s*|[，,]\s*|$)(?:分别)?(?:扮演)?(?P<names>.*)$"
)
"""角色：… / 角色分配：… / 三人一组：…; an empty list is a heading with the roles on the lines under it."""
_IN_TITLE = re.compile(r"\s*[（(]\s*(?P<label>(?:演练|扮演|分组)?角色(?:分配|分工)?\s*[:：][^（()）]+)[)）]\s*")
_SEPARATORS = re.compile(r"\s*(?:[、,，;；/／]|(?<=[\u4e00-\u9fff]{2})[和与及](?=[\u4e00-\u9fff]{2}))\s*")
_BRIEF = re.compile(r"^(?P<name>[^:：]{1,12})[:：]\s*(?P<brief>.+)$")
_ROLE_WORD = re.compile(r"(?:员|者|人|客|户|经理|主管|主任|行长|长|师|方|官|手|属|代表|顾问|领导)$")
"""How a role's name ends (客户, 柜员, 大堂经理, 观察员, 投诉人): tells a bare list of roles from a list of steps."""
_NAME_LENGTH = 8


def roles_in_title(title: str) -> tuple[str, list[Role]]:
    """The drill's title without the roles written in it, and those roles: ``客户要求插队（角色：客户、柜员）``."""
    m = _IN_TITLE.search(title)
    if m is None:
        found = _labelled(title)
        return (title, []) if found is None else ("", found)
    return (title[: m.start()] + title[m.end():]).strip(), _labelled(m["label"]) or []


def role_line(text: str, *, listing: bool) -> list[Role] | None:
    """The roles a line under a drill names: [] for a 角色： heading whose roles follow one a line; None if it names
    none. ``listing`` is True under such a heading, where one role a line (客户 / 客户：… ) is expected."""
    found = _labelled(text)
    if found is not None:
        return found
    if listing:
        role = _one(text)
        return [role] if role and len(role[0]) <= _NAME_LENGTH else None
    names = [bare(part) for part in _SEPARATORS.split(text)]
    if len(names) >= 2 and all(0 < len(n) <= _NAME_LENGTH and _ROLE_WORD.search(n) for n in names):
        return [(name, None) for name in names]
    return None


def _labelled(text: str) -> list[Role] | None:
    m = _LABEL.match(text.strip())
    if m is None:
        return None
    return [role for role in map(_one, _SEPARATORS.split(m["names"])) if role]


def _one(text: str) -> Role | None:
    m = _BRIEF.match(text.strip())
    name, brief = (m["name"], bare(m["brief"])) if m else (text, None)
    return (bare(name), brief or None) if bare(name) else None
