"""The blank template of a homework as a Word document (python-docx), A4, with room to write."""

from __future__ import annotations

import hashlib
import io
import json
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Mapping

import docx
import markdown
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import html

from ...model import Course, Homework
from ...model.homework import Checkboxes, Choice, FormField, Rating, Table, TextArea, TextField
from ..handin import instructions, plain_lines  # the one wording of the instructions

FONT_EAST_ASIA = "SimSun"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
"""Zip entry time: the same course always gives the same bytes, so rebuilds change nothing."""


KEPT = 32
"""How many Word blanks one process remembers (:func:`blank_docx`): a course's forms, several times over."""
_made: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()


def blank_docx(course: Course, homework: Homework, t: Mapping[str, str]) -> bytes:
    """A printable Word form with every field of ``homework``, in order.

    Remembered by what it is made from: the live preview regenerates the whole site on every save, and python-docx
    took half of each regeneration of the example course, for forms that had not changed.
    """
    key = hashlib.sha256(json.dumps([course.model_dump(mode="json"), homework.model_dump(mode="json"), sorted(t.items())],
                                    ensure_ascii=False).encode("utf-8")).hexdigest()
    with _lock:
        if key in _made:
            _made.move_to_end(key)
            return _made[key]
    made = _make(course, homework, t)
    with _lock:
        _made[key] = made
        while len(_made) > KEPT:
            _made.popitem(last=False)
    return made


def _make(course: Course, homework: Homework, t: Mapping[str, str]) -> bytes:
    doc = docx.Document()
    _page_setup(doc)
    doc.core_properties.title = homework.title
    doc.core_properties.subject = course.title
    doc.add_heading(homework.title, level=0)
    doc.add_paragraph(course.title)
    for line in handin_lines(course, homework, t):
        doc.add_paragraph(line)
    for block in markdown_blocks(homework.intro):
        doc.add_paragraph(block)

    if not homework.anonymous:  # an anonymous survey asks no name, on paper either
        doc.add_heading(t["identity"], level=1)
        _grid(doc, [[t[f"identity_{key}"], ""] for key in ("name", "employee_id", "department")])
    for number, field in enumerate(homework.fields, start=1):
        title = f"{number}. {field.label}" + (f"（{t['required']}）" if field.required else "")
        doc.add_heading(title, level=1)
        for note in field_notes(field, t):
            doc.add_paragraph().add_run(note).italic = True
        _answer_space(doc, field, t)
    return _reproducible(doc)


def handin_lines(course: Course, homework: Homework, t: Mapping[str, str]) -> list[str]:
    """To whom, how and by when this form is handed in, as on its page: a blank filled on paper goes the same way."""
    info = instructions(course, homework, t)
    return plain_lines(info, t) if info else []


def field_notes(field: FormField, t: Mapping[str, str]) -> list[str]:
    """The hint and the rule the online form enforces, as lines shown under the field's title."""
    notes = [field.hint] if field.hint else []
    if isinstance(field, TextArea):
        rule = t["length_hint"] if field.min_length else t["max_length_hint"]
        notes.append(rule.format(min=field.min_length, max=field.max_length))
    elif isinstance(field, Table):
        notes.append(t["table_rows"].format(max=field.max_rows))
        notes += [f"{column.label}：{column.hint}" for column in field.columns if column.hint]
    elif isinstance(field, Checkboxes | Choice):
        notes.append(t["choose_any"] if isinstance(field, Checkboxes) else t["choose_one"])
    elif isinstance(field, Rating):
        notes.append(t["rating_scale"].format(low=field.low_label, high=field.high_label))
    return notes


def blank_rows(field: Table) -> int:
    """Rows printed for a table: what the form needs, and at least three to write in."""
    return min(field.max_rows, max(field.min_rows, 3))


def _answer_space(doc: Document, field: FormField, t: Mapping[str, str]) -> None:
    if isinstance(field, TextField):
        _grid(doc, [[""]])
    elif isinstance(field, TextArea):
        lines = min(15, max(4, field.min_length // 50 + 4))
        _grid(doc, [["\n" * (lines - 1)]])
    elif isinstance(field, Table):
        header = [t["row"], *(c.label for c in field.columns)]
        _grid(doc, [header, *([str(n), *([""] * len(field.columns))] for n in range(1, blank_rows(field) + 1))], header=True)
    elif isinstance(field, Checkboxes | Choice):
        mark = "☐" if isinstance(field, Checkboxes) else "○"
        for option in field.options:
            doc.add_paragraph(f"{mark} {option}")
    elif isinstance(field, Rating):
        rows = [["", *(str(n) for n in range(1, 6))], *([item.label, *(["☐"] * 5)] for item in field.items)]
        _grid(doc, rows, header=True)


def _grid(doc: Document, rows: list[list[str]], header: bool = False) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            if header and r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    doc.add_paragraph()


def _page_setup(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), FONT_EAST_ASIA)


def markdown_blocks(text: str | None) -> list[str]:
    """The paragraphs and list items of a Markdown text as plain lines (Word gets no Markdown)."""
    if not text or not text.strip():
        return []
    root = html.fragment_fromstring(markdown.markdown(text), create_parent="div")
    blocks = []
    for element in root:
        items = element.findall(".//li") if element.tag in ("ul", "ol") else [element]
        blocks += [f"• {li.text_content().strip()}" if li.tag == "li" else li.text_content().strip() for li in items]
    return [b for b in blocks if b.strip("• ")]


def _reproducible(doc: Document) -> bytes:
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), source.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()
