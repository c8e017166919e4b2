"""Half-width punctuation typed between Chinese text, made full-width: 课程背景:每年 → 课程背景：每年.

Outlines are typed with the input method switched back and forth, so one file mixes ``,`` and ``，``;
the site shows titles as written, where a half-width comma in Chinese reads as a typo. Only marks
touching Chinese text change: times (09:00), numbers (1,000), English (Q: A, B) and addresses
(http://) stay as they are.
"""

from __future__ import annotations

import re

_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_MARK = re.compile(r" ?([,:;?!]) ?")
"""A mark with at most one space either side (spaces are already collapsed): the spaces go with it."""
_CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’…—]")
"""Chinese characters and the full-width punctuation that surrounds them (“灭火”, 《…》, （…）)."""


def _chinese(char: str) -> bool:
    return bool(char) and bool(_CHINESE.match(char))


def full_width(text: str) -> str:
    """``text`` with , : ; ? ! made full-width where they follow or precede Chinese text.

    ``?`` and ``!`` change only after Chinese (a question), the others on either side
    (课程时间:1天,6小时 → 课程时间：1天，6小时); a mark between two digits never changes.
    """

    def swap(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        mark = m[1]
        if before.isdigit() and after.isdigit():
            return m[0]
        if _chinese(before) or (mark not in "?!" and _chinese(after)):
            return _FULL[mark]
        return m[0]

    return _MARK.sub(swap, text)
