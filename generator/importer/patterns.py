"""The numbering styles of Chinese training outlines, as regular expressions, and the numerals and bullets they use.

Every pattern accepts full-width and half-width punctuation alike (``1.`` ``1．`` ``1、``, ``(1)``
``（1）``), because outlines are typed by hand, pasted from web pages and exported from Word, often
all three in one file. Titles keep the punctuation the trainer wrote; only the markers are matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

CN_NUMERALS = "零〇一二三四五六七八九十百千两"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_SMALL = "一二三四五六七八九十"
NUM = rf"[0-9０-９]{{1,4}}|[{CN_NUMERALS}]{{1,9}}"
"""A numeral as outlines write ordinals: Arabic (either width) or Chinese."""

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
DOT_DIGITS = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
BULLETS = "•◦▪‣"
"""The bullet the readers write for a list item at each depth (deeper ones share the last), for a Markdown
list and a Word list alike: bullets of different shapes are different levels to the parser, as Word draws
its nested bullets."""

_CLOSERS = r"[\]】)）〕>》]"
_CONTENT = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")
_BULLET = re.compile(r"^(?:[Ø²•▪●◆◇■□★☆►▶▷➢➤➣✓✔√·∙○◎§ü◦‣⁃❖❑\uf000-\uf0ff*+\-]|[lnuqv](?=[ \t　]+[\u4e00-\u9fff]))[ \t　]*")
"""Bullets, real ones and Wingdings leftovers pasted out of Word (Ø ² n l …), which become letters."""
_AFTER_MARKER = re.compile(rf"^(?:\s|{_CLOSERS}|[.．、,，:：;；])*")
"""What may follow a marker before the title starts: spaces, separators and stray closing brackets (``3.]``)."""


def has_content(text: str) -> bool:
    """False for lines of punctuation or rules only (``-----``, ``* * *``), which carry no text."""
    return bool(_CONTENT.search(text))


def strip_bullet(text: str) -> tuple[str, str]:
    """The text without a leading bullet (real or a Wingdings leftover), and the bullet ("" if none).

    The bullet's shape matters: Word draws each level of a nested list with its own bullet (• ◦ ▪),
    and the reader writes nested Markdown lists the same way, so shapes are levels to the parser.
    """
    m = _BULLET.match(text)
    if m is None:
        return text.strip(), ""
    return text[m.end():].strip(), m.group().strip()


def to_int(numeral: str) -> int | None:
    """1, １, 一, 十二, 二十, 一百零二, 一千零一十, 两 → their value; None for anything else."""
    numeral = numeral.strip()
    if numeral.isdecimal():
        return int(numeral)  # int() reads full-width digits too
    if not numeral or any(c not in CN_NUMERALS for c in numeral):
        return None
    total, current = 0, 0
    for char in numeral:
        if char in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[char]
            current = 0
        else:
            current = _CN_VALUES[char]
    return total + current


@dataclass(frozen=True)
class Marker:
    """The numbering at the start of an item: its style family, its number and where the title starts."""

    family: str
    number: int | None
    end: int


_LINE_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("cn-jie", re.compile(rf"^第\s*({NUM})\s*节")),
    ("cn-paren", re.compile(rf"^[(（]\s*([{_CN_SMALL}]{{1,3}})\s*[)）]")),
    ("arabic-paren", re.compile(r"^[(（]\s*([0-9０-９]{1,2})\s*[)）]")),
    ("arabic-paren", re.compile(rf"^([{PAREN_DIGITS}])")),
    ("circled", re.compile(rf"^([{CIRCLED}])")),
    ("arabic-bracket", re.compile(r"^[\[【〔]\s*([0-9０-９]{1,2})\s*[\]】〕]")),
    ("decimal", re.compile(r"^([0-9]{1,2}(?:[.．][0-9]{1,2})+)(?![0-9])(?=\s|、)")),
    ("arabic-paren-right", re.compile(r"^([0-9０-９]{1,2})\s*[)）]")),
    ("arabic-dot", re.compile(r"^([0-9０-９]{1,2})\s*(?:[.．](?![0-9０-９])|、)")),
    ("arabic-dot", re.compile(rf"^([{DOT_DIGITS}])")),
    ("arabic-dot", re.compile(r"^([0-9０-９]{1,2})[ \t　]+(?=[\u4e00-\u9fff])")),
    ("cn-comma", re.compile(rf"^([{_CN_SMALL}]{{1,3}})\s*(?:[.．](?![0-9０-９])|、)")),
]
"""Line-start markers, most specific first: ``(1)`` must win over ``1)``, ``1.1`` over ``1.``.
A dot followed by a digit is a decimal (``3.15``), a 、 never is (``1、10年经验``)."""


def _marker_number(family: str, text: str) -> int | None:
    if text in CIRCLED:
        return CIRCLED.index(text) + 1
    if text in PAREN_DIGITS:
        return PAREN_DIGITS.index(text) + 1
    if text in DOT_DIGITS:
        return DOT_DIGITS.index(text) + 1
    if family == "decimal":
        return to_int(re.split(r"[.．]", text)[-1])
    return to_int(text)


def match_marker(text: str) -> Marker | None:
    """The numbering marker that starts ``text``, if any."""
    for family, pattern in _LINE_MARKERS:
        m = pattern.match(text)
        if m:
            number = _marker_number(family, m.group(1))
            if family == "decimal":
                family = f"decimal-{len(re.split(r'[.．]', m.group(1)))}"
            end = m.end() + _AFTER_MARKER.match(text[m.end():]).end()  # type: ignore[union-attr]
            return Marker(family, number, end)
    return None


_INLINE_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("arabic-paren", re.compile(r"[(（]\s*([0-9０-９]{1,2})\s*[)）]")),
    ("cn-paren", re.compile(rf"[(（]([{_CN_SMALL}]{{1,3}})[)）]")),
    ("arabic-paren-right", re.compile(r"(?<![0-9０-９(（])([0-9０-９]{1,2})\s*[)）]")),
    ("arabic-dot", re.compile(r"(?<![0-9０-９A-Za-z.．第])([0-9０-９]{1,2})\s*[.．、](?![0-9０-９])")),
    ("cn-comma", re.compile(rf"(?<![{CN_NUMERALS}第])([{_CN_SMALL}]{{1,3}})、")),
    ("circled", re.compile(rf"([{CIRCLED}])")),
]
"""Markers as they appear when several items were run together on one line (``1)标本兼治2)考核问责``)."""



def split_run_together(text: str) -> list[str]:
    """Split a line holding several numbered items into one string per item.

    A split needs evidence that the numbers are a list, not part of the prose: at least two markers
    of one style with consecutive numbers, the first numbered 1 or starting the line, and text after
    each marker. ``3.15``, ``2.0``, ``一、二线城市`` and a single ``1)`` inside a sentence stay whole.
    """
    cuts: set[int] = set()
    for family, pattern in _INLINE_MARKERS:
        found = [(m.start(), m.end(), _marker_number(family, m.group(1))) for m in pattern.finditer(text)]
        chains: list[list[tuple[int, int, int | None]]] = []
        for hit in found:
            if chains and hit[2] is not None and chains[-1][-1][2] is not None and hit[2] == chains[-1][-1][2] + 1:
                chains[-1].append(hit)
            else:
                chains.append([hit])
        for chain in chains:
            if len(chain) < 2 or not (chain[0][2] == 1 or chain[0][0] == 0):
                continue
            bounds = [start for start, _, _ in chain[1:]] + [len(text)]
            if all(has_content(text[end:stop]) for (_, end, _), stop in zip(chain, bounds)):
                cuts.update(start for start, _, _ in chain if start > 0)
    if not cuts:
        return [text]
    points = [0, *sorted(cuts), len(text)]
    parts = [text[a:b].strip() for a, b in pairwise(points)]
    return [p for p in parts if p]


LECTURE_UNITS = "章|讲|部分|篇|课|单元|模块|专题|阶段"
_LECTURE = re.compile(
    rf"^(?:第\s*(?P<n1>{NUM})?\s*(?P<u1>{LECTURE_UNITS})"
    rf"|(?P<u2>模块|单元|专题)\s*(?P<n2>{NUM})"
    rf"|(?P<n3>{NUM})\s*(?P<u3>章|讲))"
    r"(?P<rest>.*)$"
)
_MISSING_ORDINAL = re.compile(r"^(?P<u4>讲|章)(?P<rest>[^\s:：、，,。].*)$")
_TITLE_LEAD = re.compile(r"^[\s:：、.．,，\-—–|｜]+")


@dataclass(frozen=True)
class LectureHeading:
    """第一讲 / 模块一 / 五讲 … as written; ``regular`` is False when the form needs confirming context."""

    unit: str
    number: int | None
    arabic: bool
    prefixed: bool
    """True for the 第N讲 form, False for the 模块一 form."""
    title: str
    regular: bool


def match_lecture(text: str) -> LectureHeading | None:
    """A lecture-level heading, or None. Irregular forms (讲投诉管理…, 五讲…) come back with ``regular=False``."""
    m = _LECTURE.match(text)
    if m:
        numeral = m["n1"] or m["n2"] or m["n3"]
        unit = m["u1"] or m["u2"] or m["u3"]
        rest = m["rest"]
        if rest and not _TITLE_LEAD.match(rest) and unit in ("课", "篇") and m["u1"]:
            return None  # 第一课堂… / 第一篇章… is prose, not a heading
        return LectureHeading(
            unit=unit,
            number=to_int(numeral) if numeral else None,
            arabic=bool(numeral and numeral[0].isdecimal()),
            prefixed=bool(m["u1"] or m["u3"]),
            title=_TITLE_LEAD.sub("", rest).strip(),
            regular=bool(m["u1"] or m["u2"]) and numeral is not None,
        )
    m = _MISSING_ORDINAL.match(text)
    if m:
        return LectureHeading(m["u4"], None, False, True, m["rest"].strip(), regular=False)
    return None


_WRITTEN_TIME = re.compile(r"\s*[(（]\s*(?:约|共|时长[:：]?)?\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>分钟|min|小时|h|H|课时)\s*[)）]\s*$")


def written_minutes(title: str) -> tuple[str, int | None]:
    """``服务前置（90分钟）`` → (``服务前置``, 90): the time an outline writes after a heading."""
    m = _WRITTEN_TIME.search(title)
    if not m:
        return title, None
    value = float(m["n"]) * (1 if m["unit"] in ("分钟", "min") else 60)
    return title[: m.start()].strip(), round(value) or None


_FIRST_ITEM = re.compile(r"\s(?=(?:[一1１]\s*[、.．](?![0-9])|[(（]\s*[一1１]\s*[)）]|①)\S)")


def split_heading(title: str) -> tuple[str, str]:
    """``客户投诉 一、投诉类型`` → (``客户投诉``, ``一、投诉类型``): a heading with its first item glued on."""
    m = _FIRST_ITEM.search(title)
    return (title[: m.start()].strip(), title[m.end():]) if m else (title, "")
