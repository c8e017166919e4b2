"""The 题库 spreadsheet layout: which column means what, in Chinese or English, and how answers are written.

Trainers' spreadsheets differ in small ways (``选项A`` or ``A`` or ``Option A``, ``单选题`` or
``单项选择题``, ``√`` or ``对``); everything here is about recognising those variants. A header or a
type name is compared after NFKC normalisation (full-width letters become half-width), lower case,
without spaces, ``_``, ``-``, ``*`` or a note in brackets, so ``分值（分）`` is ``分值``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("题号", "编号", "试题编号", "题目编号", "序号", "id", "questionid", "no"),
    "type": ("题型", "类型", "题目类型", "试题类型", "type", "questiontype"),
    "prompt": ("题干", "题目", "试题", "问题", "题目内容", "试题内容", "question", "prompt", "stem", "questiontext"),
    "answer": ("答案", "正确答案", "标准答案", "参考答案", "answer", "correctanswer", "key"),
    "explanation": ("解析", "答案解析", "试题解析", "题目解析", "解释", "explanation", "analysis"),
    "hint": ("提示", "作答提示", "hint", "tip"),
    "points": ("分值", "分数", "points", "score", "marks"),
    "notes": ("讲师备注", "讲师提示", "备注", "facilitatornotes", "facilitator", "notes"),
    "expected": ("讲师期望答案", "期望答案", "expectedanswers"),
    "image": ("图片", "图像", "image", "picture"),
    "alt": ("图片说明", "替代文字", "alt", "alttext"),
}
"""Field → the header names it is recognised by (normalised); the first one is what export writes."""

_OPTION = re.compile(r"^(?:选项|option|choice)?([a-z])$")
_FEEDBACK = re.compile(r"^(?:反馈|选项反馈|feedback)([a-z])$|^(?:选项)?([a-z])(?:反馈|feedback)$")
_RIGHT = re.compile(r"^(?:匹配项?|match|right)(\d+)$")

TYPES: dict[str, tuple[str, ...]] = {
    "single": ("单选", "单项选择", "单选择", "single", "singlechoice", "radio"),
    "multiple": ("多选", "多项选择", "不定项选择", "不定项", "multiple", "multiplechoice", "checkbox"),
    "true_false": ("判断", "是非", "对错", "truefalse", "tf", "judge"),
    "fill": ("填空", "fill", "fillblank", "fillintheblank", "blank"),
    "ordering": ("排序", "ordering", "order", "sequence"),
    "matching": ("匹配", "连线", "配对", "matching", "match"),
    "cloze": ("多空填空", "完形填空", "cloze", "multianswer"),
    "numeric": ("数值", "数字", "数值计算", "numeric", "numerical", "number"),
    "dragwords": ("拖放填词", "拖放", "选词填空", "dragwords", "dragthewords", "ddwtos"),
    "short": ("简答", "问答", "主观", "论述", "short", "shortanswer", "essay"),
    "hotspot": ("热区", "热点", "图片热区", "hotspot", "imagehotspot"),
}
"""Question type → its names in a 题型 cell (normalised, a trailing 题 dropped); the first is written."""

TRUE_WORDS = {"对", "正确", "是", "真", "√", "✓", "✔", "t", "true", "y", "yes", "1"}
FALSE_WORDS = {"错", "错误", "否", "假", "×", "✗", "✘", "x", "f", "false", "n", "no", "0"}

INFO_SHEETS = ("题库信息", "bank", "info")
INFO_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("编号", "id"),
    "title": ("标题", "名称", "题库名称", "title"),
    "intro": ("简介", "说明", "intro"),
    "pass_mark": ("及格线", "及格分", "合格线", "passmark"),
    "shuffle": ("随机顺序", "随机", "乱序", "shuffle"),
    "feedback": ("即时反馈", "逐题反馈", "feedback"),
}

"""Keys of the optional bank-settings sheet (two columns: key, value); the first is what export writes."""

FILL_SEPARATORS = re.compile(r"[|｜;；]")
"""Several accepted answers of a fill question are written in one cell, separated by | or ；."""

NUMBER_CELL = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(?:(?:±|\+-|\+/-)\s*(\d+(?:\.\d+)?))?\s*(.*?)$")
"""A numeric question's 答案 cell: the value, ± the tolerance if any, then the unit if any, e.g. ``15±0.5 天``."""


def norm(text: object) -> str:
    """A header, type name or key as compared: NFKC, lower case, no spaces, marks or bracketed notes."""
    value = unicodedata.normalize("NFKC", str(text)).lower()
    value = re.sub(r"\(.*?\)", "", value)
    return re.sub(r"[\s_\-*:]+", "", value)


def type_of(cell: str) -> str | None:
    """The question type a 题型 cell names, or None."""
    name = norm(cell).removesuffix("题")
    for kind, names in TYPES.items():
        if name in names:
            return kind
    return None


def truth(cell: str) -> bool | None:
    """对/错, √/×, true/false and their kin as a boolean; None for anything else."""
    word = norm(cell)
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None


@dataclass
class Header:
    """Where each field sits in a question sheet: column indexes (0-based) of the header row."""

    row: int
    fields: dict[str, int] = field(default_factory=dict)
    options: dict[str, int] = field(default_factory=dict)
    feedback: dict[str, int] = field(default_factory=dict)
    rights: dict[int, int] = field(default_factory=dict)
    unknown: dict[int, str] = field(default_factory=dict)

    @property
    def is_questions(self) -> bool:
        return "prompt" in self.fields and "type" in self.fields


def read_header(cells: tuple[object, ...], row: int) -> Header:
    """Recognise each header cell of one row; unrecognised non-empty headers are kept to be reported."""
    header = Header(row)
    for index, cell in enumerate(cells):
        if cell is None or not str(cell).strip():
            continue
        name = norm(cell)
        field_name = next((f for f, names in COLUMNS.items() if name in names), None)
        if field_name and field_name not in header.fields:
            header.fields[field_name] = index
        elif m := _OPTION.match(name):
            header.options[m.group(1).upper()] = index
        elif m := _FEEDBACK.match(name):
            header.feedback[(m.group(1) or m.group(2)).upper()] = index
        elif m := _RIGHT.match(name):
            header.rights[int(m.group(1))] = index
        else:
            header.unknown[index] = str(cell).strip()
    return header


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based index: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name
