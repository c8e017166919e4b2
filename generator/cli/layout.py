"""Help text laid out for a terminal that shows Chinese: by display width, breaking between characters.

click measures text in characters and breaks lines at spaces only, which suits English: a Chinese character takes two
columns (so its option tables lose their alignment) and a Chinese sentence has no space to break at (so it runs off the
screen), and click joins a paragraph's lines with a space (a stray space in the middle of a Chinese sentence). The
same joining serves the guide's command reference, where a line break inside a Chinese paragraph would show as a space.
"""

from __future__ import annotations

import re
import unicodedata

NO_LINE_START = set("，。、；：？！）》」』】”")
"""Punctuation a line never starts with: it stays on the line of the word before it."""
NO_LINE_END = set("（《「『【“")
"""Punctuation a line never ends with: it goes to the next line with the word after it."""

_TOKEN = re.compile(r"\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+")


def wide(char: str) -> bool:
    """Whether ``char`` takes two columns of a terminal (Chinese characters and full-width punctuation)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def width(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    return sum(2 if wide(c) else 1 for c in text)


def paragraphs(text: str) -> list[str]:
    """``text``'s paragraphs (blank-line separated), each one line: lines joined with a space between words, with
    nothing between Chinese characters (where a space would be a stray one)."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        joined = lines[0] if lines else ""
        for line in lines[1:]:
            joined += ("" if wide(joined[-1]) or wide(line[0]) else " ") + line
        out.append(joined)
    return out


def wrap(text: str, columns: int) -> list[str]:
    """One paragraph in lines of at most ``columns`` columns (a longer word keeps its own line), breaking at spaces
    and between Chinese characters; a closing mark never starts a line and an opening one never ends it (the
    character before moves down with it instead)."""
    lines: list[str] = []
    line = ""
    for found in _TOKEN.findall(text):
        piece = " " if found.isspace() else found
        if piece == " " and not line:
            continue
        if line and piece != " " and width(line + piece) > columns:
            kept, carried = _split(line.rstrip(), piece)
            if kept:
                lines.append(kept)
                line = carried
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _split(kept: str, piece: str) -> tuple[str, str]:
    """Where a full line ends before ``piece``: what stays on it, and what moves down so that neither line breaks a
    punctuation rule (nothing stays when no break is allowed: the line then runs over)."""
    carried = ""
    while kept and ((carried or piece)[0] in NO_LINE_START or kept[-1] in NO_LINE_END):
        cut = len(kept) - 1
        while cut > 0 and not wide(kept[cut]) and not (kept[cut - 1].isspace() or wide(kept[cut - 1])):
            cut -= 1  # back to the start of a word
        carried = kept[cut:] + carried
        kept = kept[:cut].rstrip()
    return kept, carried


def definitions(rows: list[tuple[str, str]], columns: int, indent: int) -> list[str]:
    """A two-column table (an option or command, what it does), the second column aligned by display width."""
    first = min(max((width(term) for term, _ in rows), default=0), 30)
    lines = []
    for term, text in rows:
        room = max(columns - indent - first - 2, 20)
        body = wrap(text, room)
        if width(term) > first:
            lines.append(" " * indent + term)
            lines += [" " * (indent + first + 2) + part for part in body]
            continue
        pad = " " * (first - width(term) + 2)
        lines.append(" " * indent + term + pad + body[0])
        lines += [" " * (indent + first + 2) + part for part in body[1:]]
    return lines
