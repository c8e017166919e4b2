"""Word outlines whose structure is only in heading styles (标题 1 / 标题 2), with nothing numbered.

Such a document writes 建立信任的开场 as Heading 1 and 开场前的准备 as Heading 2, and Word shows the
levels by font alone. A heading paragraph that says nothing structural itself (no 第一讲, 一、, 课程背景,
案例分析) takes its level from the style: the highest level used in the outline (or that of the
headings that do say 第一讲) is the lecture, each lower one a further level below it, and list
paragraphs under them fall in after, by order of use.
"""

from __future__ import annotations

from .patterns import Marker
from .tokens import Token, tidy


def apply_heading_styles(tokens: list[Token]) -> list[Token]:
    """``tokens`` with plain-text headings in the outline turned into lectures and items by level.

    Headings before the outline (the document's title, the metadata) keep their own meaning: styles
    count from 课程大纲 on, or from the first metadata heading when there is no 课程大纲.
    """
    keys = [i for i, t in enumerate(tokens) if t.kind == "key"]
    outline = [i for i in keys if tokens[i].field == "outline"]
    start = outline[0] if outline else keys[0] if keys else -1
    styled = [i for i, t in enumerate(tokens) if i > start and t.kind == "text" and t.heading]
    if not styled:
        return tokens
    # the lecture level: that of written lecture headings (第一讲 in Heading 2) if any, else the highest used
    top = min(t.heading for t in tokens[start + 1:] if t.heading and t.kind in ("text", "lecture"))
    out = list(tokens)
    for i in styled:
        t = tokens[i]
        title = tidy(t.text)
        if t.heading == top:
            out[i] = Token("lecture", t.number, t.text, title=title, heading=t.heading)
        else:
            out[i] = Token("item", t.number, t.text, title=title, marker=Marker(f"heading {t.heading}", None, 0), heading=t.heading)
    return out
