"""Paragraph texts of a Word outline, with Word's automatic numbering written out and heading levels.

python-docx gives a paragraph's text without the 一、 / 1. / (1) that Word draws from its numbering
definitions, yet those markers are the outline's structure. We render them from ``numbering.xml``
(format and level text per list level) with a counter per list, as Word does. Outlines that number
nothing and rely on 标题 1 / 标题 2 styles give their structure by heading level instead, so each
paragraph comes with its level (0 for body text).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from ..messages import say
from .report import failure
from ..numerals import chinese_number
from .patterns import BULLETS, CIRCLED

_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting", "japaneseCounting", "ideographDigital"}
_CIRCLED_FORMATS = {"decimalEnclosedCircle", "decimalEnclosedCircleChinese"}
_KEY_CELL_MAX = 8
"""A table row whose first cell is this short reads as a label: 课程对象 | 投诉管理专员…"""


_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list\b|列表).*?(?:\s([2-9]))?$", re.IGNORECASE)
"""List Bullet, List Number 2, List Paragraph, 列表段落: a list paragraph, nested one level per trailing number."""


def docx_paragraphs(path: Path) -> list[tuple[str, int]]:
    """(text, heading level) of every paragraph in document order, tables included (level 0 there);
    raises :class:`UserError` if unreadable."""
    try:
        document = Document(str(path))
        numbering = _Numbering(document)
        return list(_texts(document, numbering))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise failure(path, say("import.bad_docx"), say("import.bad_docx_hint")) from exc


def _texts(document: object, numbering: _Numbering) -> Iterator[tuple[str, int]]:
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)  # type: ignore[arg-type]
            label = numbering.label(paragraph)
            if not label and _list_depth(paragraph) is not None and paragraph.text.strip():
                label = f"{BULLETS[0]} "  # a list paragraph whose numbering was removed is still a list item
            yield label + paragraph.text, heading_level(paragraph)
        elif child.tag == qn("w:tbl"):
            yield from ((text, 0) for text in _table_texts(Table(child, document), numbering))  # type: ignore[arg-type]


def _styles(paragraph: Paragraph) -> Iterator[object]:
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def heading_level(paragraph: Paragraph) -> int:
    """1 for Heading 1 / 标题 1 (or a style based on it, or an outline level set by hand), 0 for body text."""
    for style in _styles(paragraph):
        m = _HEADING_STYLE.match(style.name or "")  # type: ignore[attr-defined]
        if m:
            return int(m[1])
    for ppr in [paragraph._p.pPr, *(s.element.pPr for s in _styles(paragraph))]:  # type: ignore[attr-defined]
        level = _val(ppr, "w:outlineLvl") if ppr is not None else None
        if level and level.isdigit() and int(level) < 9:
            return int(level) + 1
    return 0


def _list_depth(paragraph: Paragraph) -> int | None:
    """How deep a paragraph in a List style is (List Bullet 0, List Bullet 2 1); None for other styles."""
    m = _LIST_STYLE.match(paragraph.style.name or "") if paragraph.style is not None else None
    return (int(m[1]) - 1 if m[1] else 0) if m else None


def _table_texts(table: Table, numbering: _Numbering) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:  # a merged cell is returned once per grid column it spans
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append([numbering.label(p) + p.text for p in cell.paragraphs if p.text.strip()])
        cells = [c for c in cells if c]
        if len(cells) >= 2 and len(cells[0]) == 1 and len(cells[0][0].strip()) <= _KEY_CELL_MAX:
            label, first, *rest = cells
            yield f"{label[0].strip()}：{first[0]}"
            yield from first[1:]
            for cell_texts in rest:
                yield from cell_texts
        else:
            for cell_texts in cells:
                yield from cell_texts


class _Numbering:
    """Word list numbering: the label each numbered paragraph shows, counted in document order."""

    def __init__(self, document: object) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
        except KeyError:  # a document without any list
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                start = _val(lvl, "w:start")
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    int(start) if start and start.isdigit() else 1,
                    _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "",
                )
            abstract[node.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            ref = _val(num, "w:abstractNumId")
            if ref in abstract:
                self.levels[num.get(qn("w:numId"), "")] = abstract[ref]

    def label(self, paragraph: Paragraph) -> str:
        found = _num_pr(paragraph)
        if found is None or found[0] not in self.levels:
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, _level(levels, ilvl)[0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:  # a new item restarts the levels under it
            del counters[deeper]
        _, fmt, text = _level(levels, ilvl)
        if fmt == "bullet":  # one shape per level, as Word draws them, so nested bullets stay nested
            depth = ilvl + (_list_depth(paragraph) or 0)
            return f"{BULLETS[min(depth, len(BULLETS) - 1)]} "
        for level in range(ilvl + 1):
            start, level_fmt, _ = _level(levels, level)
            text = text.replace(f"%{level + 1}", _format(counters.get(level, start), level_fmt))
        return text


def _level(levels: dict[int, tuple[int, str, str]], ilvl: int) -> tuple[int, str, str]:
    """(start, number format, level text) of one list level; Word's default for a level not defined."""
    return levels.get(ilvl, (1, "decimal", f"%{ilvl + 1}."))


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, level) from the paragraph, else from its style or the style's ancestors."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr, "w:numId")
            if num_id in (None, "0"):
                return None  # numbering switched off for this paragraph
            ilvl = _val(num_pr, "w:ilvl")
            return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0
    return None


def _val(node: etree._Element, child: str) -> str | None:
    found = node.find(qn(child))
    return found.get(qn("w:val")) if found is not None else None


def _format(n: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        return chinese_number(n)
    if fmt in _CIRCLED_FORMATS and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "none":
        return ""
    return str(n)
