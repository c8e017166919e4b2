"""Read an outline file (.txt, .md, .docx) into numbered lines of plain text.

Line numbers are what the trainer can find again: the line of a text file, the paragraph of a
Word document (a table cell's paragraphs count in document order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..messages import say
from .report import failure
from .patterns import BULLETS

SUFFIXES = (".txt", ".md", ".markdown", ".docx")
MAX_BYTES = 20_000_000
"""An outline is a few pages; a file larger than this is not one."""


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    heading: int = 0
    """The Word heading level of the paragraph (1 for Heading 1 / 标题 1), 0 for body text: a Word
    outline may carry its structure in styles alone, with no 第一讲 or 一、 written."""


@dataclass(frozen=True)
class Source:
    """An outline's text and how its positions are named in messages ("line 12", "paragraph 12")."""

    path: Path
    lines: list[SourceLine]
    unit: str = "line"


def read_outline(path: Path) -> Source:
    """The lines of ``path``; raises :class:`UserError` for a missing, unreadable or unsupported file."""
    if not path.exists():
        raise failure(path, say("import.no_file"), say("import.no_file_hint"))
    if not path.is_file():
        raise failure(path, say("import.not_a_file"), say("import.not_a_file_hint"))
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        message = say("import.wrong_kind", suffix=suffix) if suffix else say("import.no_suffix")
        raise failure(path, message, say("import.doc_hint") if suffix == ".doc" else say("import.wrong_kind_hint"))
    if path.stat().st_size > MAX_BYTES:
        raise failure(path, say("import.too_big", limit=f"{MAX_BYTES:,}"), say("import.too_big_hint"))
    if suffix == ".docx":
        from .docx import docx_paragraphs  # python-docx is only needed for Word files

        paragraphs = docx_paragraphs(path)
        lines = [
            SourceLine(n, part, level if i == 0 else 0)
            for n, (text, level) in enumerate(paragraphs, 1)
            for i, part in enumerate(re.split(r"[\n\v\r]", text))
        ]
        source = Source(path, lines, "paragraph")
    else:
        text = _decode(path, path.read_bytes())
        texts = text.splitlines() if suffix == ".txt" else markdown_lines(text.splitlines())
        source = Source(path, [SourceLine(n, line) for n, line in enumerate(texts, 1)])
    if not any(line.text.strip() for line in source.lines):
        raise failure(path, say("import.empty"), say("import.empty_hint"))
    return source


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 first (with or without BOM), then UTF-16 with BOM (Notepad's "Unicode"), then GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise failure(path, say("import.encoding"), say("import.encoding_hint"))


_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s?)+")
_MD_HEADING = re.compile(r"^\s{0,3}#")
_MD_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:(?P<bullet>[-*+])|[0-9]{1,9}[.)])(?:[ \t]+|$)")
_MD_BOLD = re.compile(r"\*\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*\*|__(?=[^\s_])([^_]+?)(?<=[^\s_])__")
_MD_ITALIC = re.compile(r"(?<![*\\0-9])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*0-9])")
"""Emphasis with its markers off. The text inside may not hold the marker character, so a search
stops at the next one: linear in the line, however many unmatched markers it has. A * between
digits is a multiplication (5*8*2), not emphasis."""
_MD_ESCAPE = re.compile(r"\\([\\.()\[\]*_#>+\-!`])")
_TAB = 4


def markdown_lines(lines: list[str]) -> list[str]:
    """Markdown lines as plain outline lines, one for one: markup off, text kept.

    A bullet becomes •, ◦ or ▪ by how deep it is nested (by indentation, as Markdown nests lists), so a
    sub-list stays a level below its parent; numbered items keep their numbers, which the parser reads.
    """
    indents: list[int] = []  # indentation of the list items enclosing the current line
    out = []
    for line in lines:
        item = _MD_ITEM.match(line)
        if item:
            width = len(item["indent"].expandtabs(_TAB))
            while indents and indents[-1] >= width:
                indents.pop()
            depth = len(indents)
            indents.append(width)
            if item["bullet"]:
                line = f"{BULLETS[min(depth, len(BULLETS) - 1)]} {line[item.end():]}"
        elif line.strip() and (_MD_HEADING.match(line) or not line[:1].isspace()):
            indents = []  # a heading or an unindented paragraph ends the list
        out.append(_strip_inline(line))
    return out


def _strip_inline(line: str) -> str:
    line = _MD_PREFIX.sub("", line)
    line = _MD_BOLD.sub(lambda m: m[1] or m[2], line)
    line = _MD_ITALIC.sub(r"\1", line)
    return _MD_ESCAPE.sub(r"\1", line)
