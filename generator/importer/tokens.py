"""Classify each outline line (or each item of a run-together line) by what it looks like, without context.

Context decides later: the parser confirms the irregular forms (a lecture heading without its
ordinal, an instructor's name line) by what follows them, and places plain text by where it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .agenda import Row, TimeRange, agenda_kind, timetable_row
from .patterns import (
    LECTURE_UNITS, NUM, LectureHeading, Marker, has_content, match_lecture, match_marker, split_heading, split_run_together, strip_bullet, written_minutes,
)
from .reader import SourceLine

KEYS: dict[str, tuple[str, ...]] = {
    "title": ("课程名称", "课程题目", "课程主题", "课程标题"),
    "background": ("课程背景", "培训背景", "项目背景", "课程简介", "课程介绍", "课程概述", "课程概要", "课程说明"),
    "benefits": (
        "课程收益", "培训收益", "学员收益", "学习收益", "课程收获", "学员收获", "培训收获", "预期收益",
        "课程目标", "培训目标", "学习目标", "教学目标", "课程价值",
    ),
    "audience": (
        "课程对象", "培训对象", "授课对象", "参训对象", "参加对象", "适用对象", "适合对象", "学员对象",
        "参训人员", "参训学员", "适用学员", "适用人群", "培训人群",
    ),
    "duration": ("课程时间", "培训时间", "课程时长", "培训时长", "授课时间", "授课时长", "课时"),
    "outline": ("课程大纲", "培训大纲", "课程提纲", "课程框架", "课程结构", "课程安排", "内容大纲", "大纲内容", "课程内容", "培训内容", "大纲"),
    "instructor": (
        "讲师介绍", "讲师简介", "讲师背景", "讲师资历", "导师介绍", "导师简介", "老师介绍", "老师简介", "师资介绍",
        "主讲老师", "主讲讲师", "授课老师", "授课讲师", "主讲人", "主讲", "讲师", "导师", "培训师",
    ),
    "unmapped": (
        "授课方式", "授课形式", "课程形式", "培训方式", "培训形式", "教学方法", "教学方式", "课程特色", "课程特点",
        "课程风格", "授课风格", "课程亮点", "课程模型", "课程工具", "课程费用", "培训地点", "上课地点", "参考书目", "课程编号", "备注",
    ),
}
"""Metadata headings → the course field they fill; ``unmapped`` ones have no field and are reported."""

ACTIVITIES: dict[str, tuple[str, ...]] = {
    "case": ("案例分析", "案例研讨", "案例讨论", "案例分享", "案例解析", "经典案例", "情景案例", "视频案例", "案例"),
    "discussion": ("互动讨论", "小组讨论", "分组讨论", "课堂讨论", "互动研讨", "小组研讨", "分组研讨", "头脑风暴", "讨论", "研讨", "互动"),
    "drill": (
        "分组场景模拟演练", "场景模拟演练", "情景模拟演练", "情景模拟", "场景模拟", "模拟演练", "角色扮演", "情景演练",
        "场景演练", "现场演练", "实战演练", "分组演练", "通关演练", "演练",
    ),
    "homework": ("午休作业打卡", "作业打卡", "午休作业", "课后作业", "课堂作业", "课前作业", "课后练习", "作业"),
}
"""Activity lead words → the kind of stub file they get; the lead word itself stays as written."""


def _alternatives(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_SEP = r"(?:\s*[:：]\s*|\s+|$)"
_KEY = re.compile(rf"^(?P<key>{_alternatives([w for ws in KEYS.values() for w in ws])})(?P<sep>{_SEP})(?P<value>.*)$")
_SHORT_KEY = 3
"""Headings this short (讲师, 主讲, 大纲) need a colon when text follows: 讲师 示范 is a sentence."""
_ACTIVITY = re.compile(rf"^(?P<key>{_alternatives([w for ws in ACTIVITIES.values() for w in ws])})(?P<sep>{_SEP}?)(?P<value>.*)$")
_BOUNDARY = re.compile(
    rf"(?:(?<=\S)\s+|(?<=[:：]))(?=(?:第\s*(?:{NUM})\s*(?:{LECTURE_UNITS})|(?:模块|单元|专题)\s*(?:{NUM}))[\s:：、.．]*[^\s\d])"
    rf"|(?<=\S)\s+(?=(?:{_alternatives([w for ws in (*ACTIVITIES.values(), *KEYS.values()) for w in ws])})\s*[:：])"
)
"""Where a line holds more than one structural piece: before a lecture heading, an activity or a metadata heading."""
_LONG_KEYWORD = 4
"""Activity lead words this long need no colon (案例分析池子事件); short ones do (讨论：…)."""
_GLUED_HEADING = rf"第\s*(?:{NUM})\s*(?:{LECTURE_UNITS})[\s:：]"
_GLUED = re.compile(
    rf"{_BOUNDARY.pattern}|(?<=\S)(?={_GLUED_HEADING})"
    rf"|(?<=\S)(?=(?:{_alternatives([w for ws in (*ACTIVITIES.values(), *KEYS.values()) for w in ws if len(w) >= _LONG_KEYWORD])})\s*[:：])"
)
"""Boundaries in a page that lost every line break: before 第二部分： and 课程对象： / 案例分析： glued to the text before."""
_RUN_ON_LENGTH = 100
_RUN_ON_HEADINGS = re.compile(_GLUED_HEADING)
"""A line this long with two lecture headings followed by a colon is a whole outline run together
(pasted from a web document viewer), not a paragraph that mentions 第一部分."""
_GROUP = re.compile(rf"^(?:第\s*(?:{NUM})\s*[天日]|day\s*\d+)(?P<rest>.*)$", re.IGNORECASE)
"""A day heading (第一天, Day 2); 上午 / 下午 are timetable prefixes (:mod:`.agenda`)."""
_CLOSING = re.compile(r"^(?:课程|课堂|全天|整体)?(?:总结|回顾|答疑|结业|交流|问答|Q&A|颁证|合影|测评|考试|[与和及、&/\s])+[。!！]?$", re.IGNORECASE)
_CLOSING_CORE = re.compile(r"总结|回顾|答疑|结业")
_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,4}?)\s*(?:老师|讲师|导师|教授)(?:[\s:：|｜/—\-]+)?(?P<rest>.*)$")
_NOT_NAMES = ("主讲", "授课", "培训", "金牌", "资深", "高级", "特聘", "首席", "明星", "实战", "专家", "内训", "企业",
              "认证", "国家", "注册", "特约", "签约", "知名", "专职", "兼职", "优秀", "讲师", "导师", "老师")
_TAIL_ALONE = re.compile(
    r"^(?:推荐阅读|相关阅读|延伸阅读|相关推荐|相关课程|相关文章|热门课程|热门推荐|猜你喜欢|更多课程|返回顶部|返回列表|分享到|收藏本页|打印本页)"
    r"[\s\-—_=:：>›».。…]*$"
)
_TAIL_ANY = re.compile(r"^(?:上一篇|下一篇|版权所有|copyright|©|本文链接|原文链接|本文地址|文章来源|转载请注明|免责声明|咨询电话|联系电话|客服电话|咨询热线)", re.IGNORECASE)
_NAME_END = re.compile(r"\s*[\s,，:：、|｜/—–]\s*")
"""What ends an instructor's name written before a title: 张三 资深培训师, 张三：资深培训师, 张三，资深培训师."""
_LEADING_BRACKETS = re.compile(r"^[【〖\[]([^】〗\]]{2,40})[】〗\]]\s*")
_TRAILING = re.compile(r"[\s;；,，。、]+$")


@dataclass(frozen=True)
class Token:
    """One classified piece of a line.

    kinds: ``key`` (metadata heading; ``field`` names the course field), ``lecture``, ``session`` (a
    timetable row such as 09:00-10:30 投诉的成因, a lecture without a 第N讲), ``group`` (a heading
    above lectures, such as 第一天; ``field`` is ``day`` for a day), ``closing`` (总结与回顾),
    ``agenda`` (a break, meal, sign-in or half-day row, never content; ``field`` says which),
    ``activity`` (``field`` is the kind), ``name`` (instructor name line), ``boilerplate`` (start of a
    web page's trailer), ``item`` (a numbered or bulleted line) and ``text``.
    """

    kind: str
    number: int
    text: str
    """The piece as written (after noise removal), marker included."""
    title: str = ""
    """The text after the marker, lead word or heading."""
    field: str = ""
    keyword: str = ""
    marker: Marker | None = None
    lecture: LectureHeading | None = None
    """None for a ``lecture`` made from a Word heading style, which writes no 第N讲."""
    times: TimeRange | None = None
    """The time range a timetable row starts with (09:00-10:30)."""
    heading: int = 0
    """The Word heading level of the line (see :class:`~.reader.SourceLine`)."""


def tidy(text: str) -> str:
    """A title as it should read: no trailing list punctuation, no unmatched closing bracket."""
    text = _TRAILING.sub("", text.strip())
    for opening, closing in ("【】", "[]", "()", "（）", "《》"):
        if text.endswith(closing) and opening not in text:
            text = text[:-1].rstrip()
    return text


_MARKS = r"[\s、,，。.．;；:：·・•\-—–─_~～|｜/／\\!！?？…]+"
_STRAY = re.compile(rf"^{_MARKS}|{_MARKS}$")
"""Punctuation a label may keep at either end after its line was split on ：、/ (or pasted with its bullet)."""
_PAIRS = ("【】", "[]", "()", "（）", "《》", "「」", "『』", "〔〕", "〈〉", "“”", "‘’")


def bare(text: str) -> str:
    """A short label (the instructor's title, a highlight, a former role) without stray punctuation at
    either end, nor a bracket or quote whose partner is missing: ``：银行服务营销专家；`` and
    ``（国家注册礼仪讲师`` → the words alone; ``中国邮储、平安银行等多家银行特邀讲师（十年）`` stays as written."""
    previous = None
    while text != previous:
        previous, text = text, _STRAY.sub("", text)
        for pair in _PAIRS:
            opening, closing = pair[0], pair[1]
            if text[:1] == closing or (text[:1] == opening and closing not in text):
                text = text[1:]
            if text[-1:] == opening or (text[-1:] == closing and opening not in text):
                text = text[:-1]
    return text


def tokenize(line: SourceLine) -> list[Token]:
    """The tokens of one cleaned line, in order; several when headings or numbered items were run together.

    Outlines copied from a web page sometimes lost their line breaks: a lecture heading, an activity
    or a metadata heading after a space (or after 课程大纲：) starts a new piece.
    """
    pieces: list[str] = []
    lead = ""
    for piece in (_GLUED if _run_on(line.text) else _BOUNDARY).split(line.text):
        if has_content(piece) and not _bare_prefix(piece):
            pieces.append(f"{lead} {piece}".strip())
            lead = ""
        else:  # a bullet or a time before a heading (Ø 课后作业：…, 13:30-15:00 情景演练：…) stays with it
            lead = f"{lead} {piece}".strip()
    if has_content(lead):
        pieces.append(lead)  # a time alone, its title on the next line
    tokens = [token for piece in pieces for token in _tokenize_piece(line.number, piece)]
    if line.heading and len(tokens) == 1:
        tokens[0] = replace(tokens[0], heading=line.heading)  # its level may be all a Word outline says (:mod:`.styles`)
    return tokens


def _run_on(text: str) -> bool:
    return len(text) >= _RUN_ON_LENGTH and len(_RUN_ON_HEADINGS.findall(text)) >= 2


def _bare_prefix(piece: str) -> bool:
    row = timetable_row(piece.strip())
    return row is not None and not row.rest


def _tokenize_piece(number: int, piece: str) -> list[Token]:
    text, bullet = strip_bullet(piece)
    inner = _LEADING_BRACKETS.sub(r"\1 ", text).strip()
    whole = _structural(number, inner, text)
    if whole is not None and whole.kind in ("lecture", "session"):
        head, first_item = split_heading(whole.title)
        if first_item:
            return [replace(whole, title=head), *(_piece(number, p) for p in split_run_together(first_item))]
        head, *items = split_run_together(whole.title)  # 厅堂服务的意义1、客户体验2、网点名片: the items glued on
        if items and match_marker(head) is None:
            return [replace(whole, title=tidy(head)), *(_piece(number, p) for p in items)]
    if whole is not None:
        return [whole]
    name = _name_line(inner)
    if name is not None:
        return [Token("name", number, text, title=name[1] or "", field=name[0])]
    tokens = [_piece(number, p) for p in split_run_together(text)]
    if bullet and tokens[0].kind == "text":
        tokens[0] = Token("item", number, tokens[0].text, title=tidy(tokens[0].text), marker=Marker(f"bullet {bullet}", None, 0))
    return tokens


def split_name(text: str) -> tuple[str, str | None]:
    """The instructor's name and one-line title: 崔海芳老师银行服务营销专家, 张三 资深培训师, 李四."""
    parts = _NAME_END.split(text.strip(), maxsplit=1)
    title = bare(parts[1]) if len(parts) > 1 else ""
    return _name_line(text) or (parts[0], title or None)


def _name_line(text: str) -> tuple[str, str | None] | None:
    """(name, title) for a line that starts with a name and 老师 / 讲师 / 导师 / 教授."""
    m = _NAME.match(text)
    if m is None or m["name"].startswith(_NOT_NAMES):
        return None
    return m["name"], bare(m["rest"]) or None


def _structural(number: int, text: str, written: str) -> Token | None:
    """A whole-line token from ``text`` (brackets unwrapped); ``written`` is kept as the token's text."""
    if _TAIL_ALONE.match(text) or _TAIL_ANY.match(text):
        return Token("boilerplate", number, written)
    row = timetable_row(text)
    if row is not None:
        return _timed(number, written, row)
    key = _key(number, text, written)
    if key is not None:
        return key
    heading = match_lecture(text)
    if heading is not None:
        return Token("lecture", number, written, title=tidy(heading.title), lecture=heading)
    group = _GROUP.match(text)
    if group:
        return Token("group", number, written, title=tidy(group["rest"]), field="day")
    core = written_minutes(text)[0]
    if len(core) <= 15 and _CLOSING.match(core) and _CLOSING_CORE.search(core):
        return Token("closing", number, written, title=tidy(text))
    kind = agenda_kind(text)
    if kind is not None:
        return Token("agenda", number, written, title=tidy(text), field=kind)
    return _activity(number, written, text)


def _timed(number: int, written: str, row: Row) -> Token:
    """A timetable row: a break or meal (agenda), a lecture, closing or activity with its times, else a session.

    A row with times but no text is a session whose title is on the next line; a half-day word
    alone (上午) is agenda.
    """
    if not row.rest:
        if row.times is None:
            return Token("agenda", number, written, title=row.half_day or "", field="half-day")
        return Token("session", number, written, times=row.times)
    kind = agenda_kind(row.rest)
    if kind is not None:
        return Token("agenda", number, written, title=tidy(row.rest), field=kind, times=row.times)
    inner = _structural(number, row.rest, row.rest)
    if inner is not None and inner.kind in ("lecture", "closing", "activity"):
        return replace(inner, text=written, times=row.times)
    marker = match_marker(row.rest)
    return Token("session", number, written, title=tidy(row.rest[marker.end:] if marker else row.rest), times=row.times)


def _key(number: int, text: str, written: str) -> Token | None:
    m = _KEY.match(text)
    if m is None or (len(m["key"]) <= _SHORT_KEY and m["value"] and not re.search("[:：]", m["sep"])):
        return None
    field = next(f for f, words in KEYS.items() if m["key"] in words)
    return Token("key", number, written, title=m["value"].strip(), field=field, keyword=m["key"])


def _activity(number: int, text: str, body: str) -> Token | None:
    m = _ACTIVITY.match(body)
    if m is None or (len(m["key"]) < _LONG_KEYWORD and not m["sep"] and m["value"]):
        return None
    kind = next(k for k, words in ACTIVITIES.items() if m["key"] in words)
    return Token("activity", number, text, title=m["value"].strip(), field=kind, keyword=m["key"])


def _piece(number: int, piece: str) -> Token:
    marker = match_marker(piece)
    if marker is None:
        return _activity(number, piece, piece) or Token("text", number, piece, title=tidy(piece))
    title = piece[marker.end:]
    found = _key(number, title, piece) or _activity(number, piece, title)  # 一、课程背景 / 3. 案例分析：…
    if found is not None:
        return found
    return Token("item", number, piece, title=tidy(title), marker=marker)
