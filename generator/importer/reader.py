"""Read an outline file (.txt, .md, .docx) into numbered lines of plain text.

Line numbers are what the trainer can find again: the line of a text file, the paragraph of a
Word document (a table cell's paragraphs count in document order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError

SUFFIXES = (".txt", ".md", ".markdown", ".docx")
MAX_BYTES = 20_000_000
"""An outline is a few pages; a file larger than this is not one."""


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str


@dataclass(frozen=True)
class Source:
    """An outline's text and how its positions are named in messages ("line 12", "paragraph 12")."""

    path: Path
    lines: list[SourceLine]
    unit: str = "line"


def read_outline(path: Path) -> Source:
    """The lines of ``path``; raises :class:`UserError` for a missing, unreadable or unsupported file."""
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if not path.is_file():
        raise UserError(f"{path}: not a file")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = " (save a .doc file as .docx in Word)" if suffix == ".doc" else ""
        raise UserError(f"{path}: cannot import {suffix or 'a file without extension'}; use .txt, .md or .docx{hint}")
    if path.stat().st_size > MAX_BYTES:
        raise UserError(f"{path}: file is larger than {MAX_BYTES:,} bytes; an outline is much smaller")
    if suffix == ".docx":
        from .docx import docx_paragraphs  # python-docx is only needed for Word files

        texts = docx_paragraphs(path)
        lines = [SourceLine(n, part) for n, text in enumerate(texts, 1) for part in re.split(r"[\n\v\r]", text)]
        source = Source(path, lines, "paragraph")
    else:
        text = _decode(path, path.read_bytes())
        if suffix != ".txt":
            text = "\n".join(_strip_markdown(line) for line in text.splitlines())
        source = Source(path, [SourceLine(n, line) for n, line in enumerate(text.splitlines(), 1)])
    if not any(line.text.strip() for line in source.lines):
        raise UserError(f"{path}: the outline is empty")
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
    raise UserError(f"{path}: cannot read the text: it is neither UTF-8 nor GB18030 (GBK); save it as UTF-8")


_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s?)+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ESCAPE = re.compile(r"\\([\\.()\[\]*_#>+\-!`])")


def _strip_markdown(line: str) -> str:
    """Markdown markup off, text kept; a list bullet becomes •, so it reads like a bullet from Word."""
    line = _MD_PREFIX.sub("", line)
    line = _MD_BULLET.sub("• ", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    return _MD_ESCAPE.sub(r"\1", line)
