"""One spreadsheet row → one question: how the 答案 cell is read for each type.

The answer syntax (documented for trainers in GUIDE.md):

- 单选 ``B``; 多选 ``AC``, ``A,C``, ``A、C`` (full-width letters too);
- 判断 ``对``/``错`` (also 正确/错误, √/×, true/false, or the letter of an option 对/错);
- 填空: accepted answers separated by ``|`` or ``；``;
- 排序: the options' letters in the right order, ``CABD``;
- 匹配: options are the left items, 匹配1, 匹配2… the right ones, 答案 ``A-2,B-1``;
- 多空填空: 答案 is the text with its blanks, ``投诉应在{{受理|登记}}后答复``;
- 数值: 答案 is the value, ± the tolerance, the unit: ``15``, ``15±0.5``, ``15±0.5 天``;
- 拖放填词: 答案 is the text with its blanks, ``先[[倾听]]，再[[核实]]``, the options are the distractors;
- 简答: 答案 is the reference answer, the options are the self-check points;
- 热区: each option is an area, ``名称 | 矩形 x,y,宽,高`` or ``名称 | 多边形 x,y x,y x,y`` (whole percent of the
  picture), 答案 the letters of the right ones (the others are distractor areas), 图片 and 图片说明 the picture.

Every cell that is left unused is reported, so nothing typed into the sheet disappears quietly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..messages import say
from ..model.quiz import PolygonArea, RectArea
from .common import TYPE_NAMES, derive_checklist
from .report import Report
from .xlsx_layout import FILL_SEPARATORS, NUMBER_CELL, Header, truth

_LETTER_SEPARATORS = re.compile(r"[\s,;/|.、]+")
_PAIR = re.compile(r"([A-Z])\s*(?:->|[-–—:=→>])?\s*(\d+)")
_BLANK = re.compile(r"_{2,}|\(\s*\)")


class RowError(Exception):
    """This row cannot become a question; the message says why in the trainer's terms."""


@dataclass
class Row:
    """The cells of one question row, by meaning; text already trimmed."""

    number: int
    kind: str
    cells: dict[str, Any]
    options: dict[str, str]
    feedback: dict[str, str]
    rights: dict[int, str]

    @classmethod
    def read(cls, number: int, values: tuple[Any, ...], header: Header, kind: str) -> Row:
        def at(index: int) -> Any:
            return values[index] if index < len(values) else None

        return cls(
            number,
            kind,
            {name: at(index) for name, index in header.fields.items()},
            {k: cell_text(at(i)) for k, i in sorted(header.options.items()) if cell_text(at(i))},
            {k: cell_text(at(i)) for k, i in sorted(header.feedback.items()) if cell_text(at(i))},
            {k: cell_text(at(i)) for k, i in sorted(header.rights.items()) if cell_text(at(i))},
        )

    def text(self, name: str) -> str:
        return cell_text(self.cells.get(name))


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ``.0``, Windows line breaks made plain."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").strip()


def question_fields(row: Row, report: Report, qid: str) -> dict[str, Any]:
    """The type-specific fields of the question in ``row``; raises :class:`RowError`."""
    answer = row.text("answer")
    fields = _BUILDERS[row.kind](row, answer, report, qid)
    _report_unused(row, report, qid)
    return fields


def _choice(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    _check_options(row, report, qid, minimum=2)
    for letter in row.feedback:
        if letter not in row.options:
            raise RowError(say("exchange.rows.feedback_no_option", letter=letter))
    right = set(_letters(row, answer))
    if row.kind == "single" and len(right) != 1:
        raise RowError(say("exchange.rows.single_one", answer=answer))
    options = []
    for letter, text in row.options.items():
        option: dict[str, Any] = {"text": text, "correct": letter in right}
        if letter in row.feedback:
            option["feedback"] = row.feedback[letter]
        options.append(option)
    return {"type": row.kind, "options": options}


def _true_false(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    raw = row.cells.get("answer")
    value = raw if isinstance(raw, bool) else truth(answer)
    letter = unicodedata.normalize("NFKC", answer).upper()
    if value is None and letter in row.options:
        value = truth(row.options[letter])
        if value is None:
            raise RowError(say("exchange.rows.tf_option", answer=answer, letter=letter, option=row.options[letter]))
    if value is None:
        raise RowError(say("exchange.rows.tf_bad", answer=answer))
    fields: dict[str, Any] = {"type": "true_false", "answer": value}
    # 反馈A/反馈B belong to whichever option says 对 / 错; without such options A is 对 and B is 错.
    sides = {letter: truth(text) for letter, text in row.options.items()}
    for letter, feedback in row.feedback.items():
        side = sides.get(letter)
        if side is None:
            side = {"A": True, "B": False}.get(letter)
        if side is None:
            raise RowError(say("exchange.rows.tf_feedback", letter=letter))
        fields["feedback_true" if side else "feedback_false"] = feedback
    return fields


def _fill(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    accept = [a.strip() for a in FILL_SEPARATORS.split(answer) if a.strip()]
    if not accept:
        raise RowError(say("exchange.rows.fill_empty"))
    blanks = len(_BLANK.findall(unicodedata.normalize("NFKC", row.text("prompt"))))
    if blanks > 1 and len(accept) > 1:
        report.warn(say("exchange.rows.fill_blanks", blanks=blanks, n=len(accept)), question=qid, line=row.number)
    return {"type": "fill", "accept": accept}


def _ordering(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    _check_options(row, report, qid, minimum=2)
    order = _letters(row, answer)
    missing = [letter for letter in row.options if letter not in order]
    if missing or len(order) != len(set(order)):
        raise RowError(say("exchange.rows.order_bad", answer=answer, example="".join(reversed(row.options))))
    return {"type": "ordering", "items": [row.options[letter] for letter in order]}


def _matching(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    _check_options(row, report, qid, minimum=2)
    if not row.rights:
        raise RowError(say("exchange.rows.match_no_rights"))
    text = unicodedata.normalize("NFKC", answer).upper()
    pairs = _PAIR.findall(text)
    leftover = _LETTER_SEPARATORS.sub("", _PAIR.sub("", text))
    if not pairs or leftover:
        raise RowError(say("exchange.rows.match_not_pairs", answer=answer))
    lefts = [letter for letter, _ in pairs]
    rights = [int(n) for _, n in pairs]
    for letter in lefts:
        if letter not in row.options:
            raise RowError(say("exchange.rows.empty_option", answer=answer, letter=letter))
    for n in rights:
        if n not in row.rights:
            raise RowError(say("exchange.rows.empty_right", answer=answer, n=n))
    if sorted(lefts) != sorted(set(lefts)) or set(lefts) != set(row.options) or len(rights) != len(set(rights)):
        raise RowError(say("exchange.rows.match_not_each", answer=answer))
    distractors = [text_right for n, text_right in row.rights.items() if n not in rights]
    fields: dict[str, Any] = {"type": "matching", "pairs": [{"left": row.options[l], "right": row.rights[int(n)]} for l, n in pairs]}
    return {**fields, "distractors": distractors} if distractors else fields


_SHAPES = {"矩形": "rect", "rect": "rect", "多边形": "polygon", "polygon": "polygon"}
_AREA = re.compile(r"(?P<shape>矩形|多边形|rect|polygon)\s*(?P<numbers>[\d\s,，;；]+)", re.I)


def area_text(area: RectArea | PolygonArea) -> str:
    """A hotspot area as one 选项 cell: ``名称 | 矩形 62,10,30,40`` or ``名称 | 多边形 10,10 40,10 25,50``."""
    if isinstance(area, RectArea):
        return f"{area.label} | 矩形 " + ",".join(map(str, area.at))
    return f"{area.label} | 多边形 " + " ".join(f"{x},{y}" for x, y in area.points)


def _area(letter: str, text: str) -> dict[str, Any]:
    label, bar, where = text.replace("｜", "|").rpartition("|")
    found = _AREA.fullmatch(unicodedata.normalize("NFKC", where).strip())
    numbers = [int(n) for n in re.findall(r"\d+", found["numbers"])] if found else []
    shape = _SHAPES[found["shape"].lower()] if found else ""
    counted = {"rect": len(numbers) == 4, "polygon": len(numbers) >= 6 and len(numbers) % 2 == 0}
    if not (bar and label.strip() and counted.get(shape)):
        raise RowError(say("exchange.hotspot.area_bad", letter=letter, text=text))
    if shape == "rect":
        return {"shape": "rect", "at": numbers, "label": label.strip()}
    return {"shape": "polygon", "points": [numbers[i : i + 2] for i in range(0, len(numbers), 2)], "label": label.strip()}


def _hotspot(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    _check_options(row, report, qid, minimum=1)
    right = set(_letters(row, answer))
    for name in ("image", "alt"):
        if not row.text(name):
            raise RowError(say(f"exchange.hotspot.no_{name}"))
    areas = {letter: _area(letter, text) for letter, text in row.options.items()}
    fields: dict[str, Any] = {"type": "hotspot", "image": row.text("image"), "alt": row.text("alt"),
                              "areas": [a for letter, a in areas.items() if letter in right]}
    distractors = [a for letter, a in areas.items() if letter not in right]
    return {**fields, "distractor_areas": distractors} if distractors else fields


def _cloze(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    if not answer:
        raise RowError(say("exchange.cloze.text_empty", example="投诉应在{{受理|登记}}后答复"))
    return {"type": "cloze", "text": answer}


def _numeric(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    m = NUMBER_CELL.match(unicodedata.normalize("NFKC", answer))
    if not m:
        raise RowError(say("exchange.numeric.cell_bad", answer=answer))
    value, tolerance, unit = m.groups()
    fields: dict[str, Any] = {"type": "numeric", "answer": float(value)}
    if tolerance:
        fields["tolerance"] = float(tolerance)
    if unit:
        fields["unit"] = unit
    return fields


def _dragwords(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    if not answer:
        raise RowError(say("exchange.dragwords.text_empty", example="先[[倾听]]，再[[核实]]"))
    return {"type": "dragwords", "text": answer, "distractors": list(row.options.values())}


def _short(row: Row, answer: str, report: Report, qid: str) -> dict[str, Any]:
    if not answer:
        raise RowError(say("exchange.rows.short_empty"))
    checklist = list(row.options.values())
    if not checklist:
        checklist = derive_checklist(answer)
        report.warn(say("exchange.rows.short_derived", n=len(checklist)), question=qid, line=row.number)
    return {"type": "short", "reference": answer, "checklist": checklist}


_BUILDERS = {
    "single": _choice,
    "multiple": _choice,
    "true_false": _true_false,
    "fill": _fill,
    "ordering": _ordering,
    "matching": _matching,
    "cloze": _cloze,
    "numeric": _numeric,
    "dragwords": _dragwords,
    "short": _short,
    "hotspot": _hotspot,
}

_USES = {
    "single": {"options", "feedback"},
    "multiple": {"options", "feedback"},
    "true_false": {"options", "feedback"},
    "fill": set(),
    "ordering": {"options"},
    "matching": {"options", "rights"},
    "cloze": set(),
    "numeric": set(),
    "dragwords": {"options"},
    "short": {"options"},
    "hotspot": {"options"},
}
"""Which groups of columns each type reads; filled cells of the others are reported as left out."""


def _letters(row: Row, answer: str) -> list[str]:
    letters = _LETTER_SEPARATORS.sub("", unicodedata.normalize("NFKC", answer).upper())
    if not letters:
        raise RowError(say("exchange.rows.choice_empty"))
    if not letters.isascii() or not letters.isalpha():
        raise RowError(say("exchange.rows.choice_not_letters", answer=answer))
    for letter in letters:
        if letter not in row.options:
            raise RowError(say("exchange.rows.empty_option", answer=answer, letter=letter))
    return list(letters)


def _check_options(row: Row, report: Report, qid: str, minimum: int) -> None:
    if len(row.options) < minimum:
        raise RowError(say("exchange.rows.too_few", minimum=minimum))
    letters = list(row.options)
    expected = [chr(ord("A") + i) for i in range(ord(letters[-1]) - ord("A") + 1)]
    gaps = [letter for letter in expected if letter not in row.options]
    if gaps:
        report.warn(say("exchange.rows.gaps", letters="、".join(gaps)), question=qid, line=row.number)


def _report_unused(row: Row, report: Report, qid: str) -> None:
    uses = _USES[row.kind]
    groups: dict[str, tuple[str, dict[str, str] | dict[int, str]]] = {"options": ("选项", row.options), "feedback": ("反馈", row.feedback), "rights": ("匹配", row.rights)}
    for group, (prefix, cells) in groups.items():
        if cells and group not in uses:
            names = "、".join(f"{prefix}{key}" for key in cells)
            report.loss(say("exchange.rows.unused_cells", names=names, kind=TYPE_NAMES[row.kind]), question=qid, line=row.number)
    picture = [name for field, name in (("image", "图片"), ("alt", "图片说明")) if row.text(field)]
    if picture and row.kind != "hotspot":
        report.loss(say("exchange.rows.unused_cells", names="、".join(picture), kind=TYPE_NAMES[row.kind]), question=qid, line=row.number)

