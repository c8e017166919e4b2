"""Reading the values of the metadata sections: title block, lists, course time, instructor fields."""

from __future__ import annotations

import re

from .patterns import NUM, match_marker, split_run_together, to_int
from .tokens import bare, tidy

DEFAULT_HOURS_PER_DAY = 6.0
"""Hours of a training day when the outline gives only days (1天): the genre's usual 6-hour day."""

_DAYS = re.compile(rf"(?P<n>(?:{NUM})(?:\.\d+)?|半)\s*(?:个)?(?P<half>半)?\s*天(?P<half2>半)?")
"""Days as 天 only: 日 is a date (3月15日) more often than a duration."""
_HOURS = re.compile(rf"(?P<n>(?:{NUM})(?:\.\d+)?)\s*(?:个)?\s*(?:小时|h|H|课时)(?P<per>\s*(?:/|每|一)\s*(?:天|日|day))?")
_PER_DAY_BEFORE = re.compile(r"每天|每日")
YEARS = (1990, 2100)
"""The years ``Course.year`` accepts."""
_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:年|版)")
_SUBTITLE = re.compile(r"^[—–\-─]{1,3}\s*")
_TITLE_DASH = re.compile(r"^(?P<head>.*?)\s*(?:[—–─]{2}|-{2})\s*(?P<tail>.+)$")
_TITLE_NOISE = re.compile(r"(?:课程)?(?:大纲|简介)$")
_LIST_SEPARATORS = re.compile(r"[、,，;；/]")
_ITEM_SEPARATORS = re.compile(r"[;；]")
_ENDING = re.compile(r"[…]+$|\.{3,}$")

FORMER_ROLES = ("曾任", "曾担任", "历任", "曾就职于", "原任")
EXPERTISE = ("擅长领域", "擅长方向", "专业领域", "研究领域", "擅长", "专长")
_INSTRUCTOR_KEY = re.compile(rf"^(?P<key>{'|'.join(sorted(FORMER_ROLES + EXPERTISE, key=len, reverse=True))})\s*[:：]?\s*(?P<value>.*)$")


def _number(text: str) -> float | None:
    if text == "半":
        return 0.5
    try:
        return float(text)
    except ValueError:
        value = to_int(text)
        return float(value) if value is not None else None


def parse_duration(text: str) -> tuple[float, float, bool] | None:
    """(days, hours per day, hours assumed) from 1天,6小时/天 · 2天（12小时）· 6小时 · 半天 · 两天; None if no time is given."""
    days_m, hours_m = _DAYS.search(text), _HOURS.search(text)
    days = _number(days_m["n"]) if days_m else None
    if days is not None and days_m and (days_m["half"] or days_m["half2"]):
        days += 0.5
    hours = _number(hours_m["n"]) if hours_m else None
    if not days and not hours:
        return None
    if not hours:
        return days or 1.0, DEFAULT_HOURS_PER_DAY, True
    per_day = bool(hours_m and (hours_m["per"] or _PER_DAY_BEFORE.search(text[: hours_m.start()])))
    if not days:
        return 1.0, hours, False
    return days, hours if per_day else round(hours / days, 2), False


def split_list(text: str) -> list[str]:
    """投诉管理专员、主管领导、一线服务管理者等 → one entry each; the closing 等 (etc.) and …… are dropped."""
    items = [item for item in (tidy(_ENDING.sub("", part)) for part in _LIST_SEPARATORS.split(text)) if item]
    if items and len(items[-1]) > 2 and items[-1].endswith("等"):
        items[-1] = items[-1][:-1]
    return items


def split_items(text: str) -> list[str]:
    """Benefit-like items from one line: numbered items run together, or items separated by ；."""
    pieces = split_run_together(text)
    if len(pieces) == 1:
        pieces = _ITEM_SEPARATORS.split(text)
    return [item for item in (strip_marker(piece) for piece in pieces) if item]


def strip_marker(text: str) -> str:
    marker = match_marker(text)
    return tidy(text[marker.end:] if marker else text)


def find_year(texts: list[str]) -> int | None:
    """The first year (2021年, 2021版) within the course model's range, if any."""
    for text in texts:
        for m in _YEAR.finditer(text):
            if YEARS[0] <= int(m[1]) <= YEARS[1]:
                return int(m[1])
    return None


def title_block(texts: list[str]) -> tuple[str, str | None, int]:
    """(title, subtitle, lines used) from the lines before the metadata, or from a page header.

    The title is the first line, its subtitle the ——line after it or the part after —— in it.
    A page header such as ``2021年《防微杜渐|2021年《防微杜渐 ——副标题》`` repeats itself around a
    ``|``; the year, the book-title marks and a trailing 课程大纲 are dropped.
    """
    if not texts:
        return "", None, 0
    m = _TITLE_DASH.match(_title_text(texts[0]))
    title, subtitle = (m["head"], m["tail"]) if m else (_title_text(texts[0]), "")
    if not subtitle and len(texts) > 1 and _SUBTITLE.match(texts[1]):
        return title.strip("《》 "), _title_text(_SUBTITLE.sub("", texts[1])).strip("《》 ") or None, 2
    return title.strip("《》 "), subtitle.strip("《》 ") or None, 1


def _title_text(text: str) -> str:
    text = text.split("|")[-1]
    return _TITLE_NOISE.sub("", _YEAR.sub("", text)).strip().strip("《》").strip()


def instructor_field(text: str) -> tuple[str, str] | None:
    """("former_roles" | "expertise", value) for 曾任: / 擅长领域: lines."""
    m = _INSTRUCTOR_KEY.match(text)
    if not m:
        return None
    return ("former_roles" if m["key"] in FORMER_ROLES else "expertise"), m["value"].strip()


def split_roles(text: str) -> list[str]:
    """曾任 values: one role per ；, because a single role often contains 、 (某行人力资源部、培训中心主任)."""
    return [item for item in (bare(part) for part in _ITEM_SEPARATORS.split(text)) if item]
