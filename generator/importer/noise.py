"""What outlines carry besides the outline: repeated page headers, page numbers, site navigation.

Outlines copied from a training company's web page repeat the page title (sometimes glued in
front of an outline line, in 【】); text copied out of a PDF repeats its running header and page
numbers. Each removal is reported; the trailing site boilerplate is cut by the parser, which knows
where the outline ends.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..messages import say
from .patterns import has_content, match_lecture, match_marker
from .punctuation import full_width
from .reader import Source, SourceLine
from .report import Report
from .tokens import tokenize

_SPACE = re.compile(r"[\s\u3000\xa0]+")
_PAGE_NUMBER = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[/,，]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页"
    r"|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(r"^(?:首页|当前位置|您的位置|您现在的位置)\s*[>›»:：]")
_REPEAT_MIN = 3
_REPEAT_LENGTH = 6
"""A plain text line this long, seen this often, is a running header or footer (内部资料 请勿外传), not content."""


def normalise_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def clean_lines(source: Source, report: Report) -> tuple[list[SourceLine], str | None]:
    """Non-blank lines with page headers and page numbers removed, and the page header text if any.

    Spacing is collapsed and half-width punctuation between Chinese text made full-width first, so
    every later step, and every title written, sees one form of each line."""
    lines = [replace(l, text=full_width(normalise_space(l.text))) for l in source.lines]
    lines = [l for l in lines if l.text]
    header = _page_header(lines)
    repeated = _repeated(lines)
    kept: list[SourceLine] = []
    for line in lines:
        text = line.text
        if header:
            text = _without(text, header)
        if text in repeated:
            text = ""
        if text != line.text:
            removed = header if header and text else line.text
            report.skip(line.number, removed, say("import.page_header"))
        if text and (_PAGE_NUMBER.match(text) or _NAVIGATION.match(text)):
            report.skip(line.number, text, say("import.page_number") if _PAGE_NUMBER.match(text) else say("import.navigation"))
            text = ""
        if text and has_content(text):
            kept.append(replace(line, text=text))
    return kept, header


def _page_header(lines: list[SourceLine]) -> str | None:
    """The first line, when it comes back later: a web page's or document's running title."""
    if not lines:
        return None
    first = _unbracket(lines[0].text)
    if len(first) < 4:
        return None
    return first if any(_without(l.text, first) != l.text for l in lines[1:]) else None


def _repeated(lines: list[SourceLine]) -> set[str]:
    counts = Counter(l.text for l in lines if len(l.text) >= _REPEAT_LENGTH)
    return {text for text, n in counts.items() if n >= _REPEAT_MIN and [t.kind for t in tokenize(SourceLine(0, text))] == ["text"]}


def _unbracket(text: str) -> str:
    return re.sub(r"^[【\[〔](.*)[】\]〕]$", r"\1", text).strip()


def _without(text: str, header: str) -> str:
    """``text`` with the header removed where it is clearly not prose: the whole line, in brackets, or glued before an item."""
    if _unbracket(text) == header:
        return ""
    for opening, closing in ("【】", "[]", "〔〕"):
        text = text.replace(f"{opening}{header}{closing}", "")
    if text.startswith(header):
        rest = text[len(header):].strip()
        if match_marker(rest) or match_lecture(rest):
            text = rest
    return text.strip()
