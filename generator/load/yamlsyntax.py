"""A YAML syntax error in the trainer's words, at the mistake itself, with the fix written in their own file's terms.

PyYAML reports where its parser gave up (``expected <block end>, but found '<scalar>'``), which is often a line or a
whole file after the mistake: a full-width ``：`` is noticed on the next line, an unclosed quote at the end of the
file. :func:`syntax_problem` classifies the error from PyYAML's ``problem`` and ``context``, the tokens scanned
before it and the text around its marks, and reports the place a trainer has to edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from ..messages import say
from .problems import Problem

_QUOTES = ("'", '"')

_KEY = re.compile(r"(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[^\s#'\"\[\]{}:：-][^:：\n]*?)[ \t]*(?P<colon>:(?=\s|$)|：)")
"""A line that starts a ``key: value`` (after any list dashes), the colon half- or full-width."""


_START = yaml.Mark("", 0, 0, 0, "", 0)
"""Where an error without a mark is reported: the file's start."""


@dataclass(frozen=True)
class Found:
    """What a rule found: the message's kind (``yaml.syntax.<kind>``), where (0-based), and the message's arguments."""

    kind: str
    line: int
    col: int
    args: dict[str, object]


@dataclass
class Spot:
    """A syntax error and the text around it, as the rules read it."""

    text: str
    error: yaml.MarkedYAMLError

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def problem(self) -> str:
        return self.error.problem or ""

    @property
    def context(self) -> str:
        return self.error.context or ""

    @property
    def mark(self) -> yaml.Mark:
        mark = self.error.problem_mark or self.error.context_mark
        return mark if mark is not None else _START

    @cached_property
    def tokens(self) -> list[yaml.Token]:
        """The tokens that start before the error's place (those the scanner queued before failing included)."""
        loader = yaml.SafeLoader(self.text)
        seen: list[yaml.Token] = []
        try:
            while loader.check_token():
                seen.append(loader.get_token())
                if seen[-1].start_mark.index >= self.mark.index:
                    break
        except yaml.YAMLError:
            seen.extend(loader.tokens)
        finally:
            loader.dispose()
        return [t for t in seen if t.start_mark.index < self.mark.index]

    def last_scalar(self) -> yaml.ScalarToken | None:
        return next((t for t in reversed(self.tokens) if isinstance(t, yaml.ScalarToken)), None)

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def rewrite(self, line: int, col: int, tail: str) -> str:
        return rewrite(self.line(line), col, tail)

    def rest(self, line: int, col: int) -> str:
        return rest(self.line(line), col)


def rewrite(line: str, col: int, tail: str) -> str:
    """The line as the trainer would fix it: what they wrote before column ``col``, then ``tail``."""
    return (line[:col] + tail).strip()


def rest(line: str, col: int) -> str:
    """What the trainer wrote from column ``col`` to the end of the line, a trailing comment aside."""
    return re.sub(r"\s+#.*$", "", line[col:]).rstrip()


def quoted(text: str) -> str:
    """``text`` as a YAML quoted scalar that reads back as ``text``: double quotes, single where it holds ``"`` or ``\\``."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def dash_at(line: str) -> int | None:
    """The column of the ``-`` a line's list item starts with."""
    match = re.match(r"( *)-(?:\s|$)", line)
    return len(match[1]) if match else None


def key_at(line: str) -> tuple[str, int] | None:
    """The key a line starts (after any ``- ``) and its column."""
    match = _KEY.match(line)
    return (match["key"], match.start("key")) if match else None


def _tab(spot: Spot) -> Found | None:
    """A tab the scanner stopped at; in the indentation, the spaces that line up with the line above."""
    if "'\\t'" not in spot.problem:
        return None
    line, col = spot.mark.line, spot.mark.column
    if spot.line(line)[:col].strip():
        return Found("tab", line, col, {"fixed": spot.rewrite(line, 0, spot.line(line).replace("\t", " "))})
    spaces = _indent_after(spot, line)
    fixed = spot.line(line).lstrip(" \t")
    return Found("tab_indent", line, col, {"spaces": spaces, "fixed": fixed})


def _indent_after(spot: Spot, line: int) -> int:
    """The indentation a line below ``line - 1`` most likely meant: that line's key's, two more under a bare ``key:``."""
    for above in range(line - 1, -1, -1):
        if (found := key_at(spot.line(above))) is not None:
            col = found[1]
            bare = spot.line(above).rstrip().endswith((":", "："))
            return col + 2 if bare and not spot.line(line).lstrip(" \t").startswith("-") else col
        if spot.line(above).strip():
            return _indentation(spot.line(above))
    return 0


def _full_width_colon(spot: Spot) -> Found | None:
    """``title：…`` is one plain text to YAML, so the parser complains a line later; the ``：`` is the mistake."""
    scalar = spot.last_scalar()
    candidates = [spot.error.context_mark.line if spot.error.context_mark else -1,
                  scalar.start_mark.line if scalar else -1, spot.mark.line]
    for line in candidates:
        match = _KEY.match(spot.line(line))
        if match and match["colon"] == "：":
            value = spot.rest(line, match.end()).strip()
            return Found("full_width_colon", line, match.start("colon"), {"key": match["key"], "fixed": f"{match['key']}: {value}"})
    return None


def _not_a_key(spot: Spot) -> Found | None:
    """A line the scanner began to read as a key and found no ``: `` on: ``body:如…``, ``max_length 2000``, ``-柜员``."""
    start = spot.error.context_mark
    if "simple key" not in spot.context or start is None:
        return None
    line = spot.line(start.line)
    if (glued := re.match(r"[ \t]*(?:-[ \t]+)*[^\s:]+:(?=\S)", line)) is not None:
        key = glued[0].strip().lstrip("- ").rstrip(":")
        return Found("no_space", start.line, glued.end() - 1, {"key": key, "fixed": rewrite(line, glued.end(), " " + line[glued.end():])})
    text = line[start.column:]
    fixed = "- " + text[1:] if re.match(r"-\S", text) else re.sub(r"\s+", ": ", text.rstrip(), count=1)
    return Found("not_a_key", start.line, start.column, {"fixed": rewrite(line, start.column, fixed)})


def _unclosed_quote(spot: Spot) -> Found | None:
    """A quote left open runs to the next quote of its kind, or to the end of the file: the opening quote is the mistake."""
    start: yaml.Mark | None = None
    if "quoted scalar" in spot.context and "end of stream" in spot.problem:
        start = spot.error.context_mark
    elif (scalar := spot.last_scalar()) is not None and scalar.style in _QUOTES and scalar.start_mark.line != scalar.end_mark.line \
            and spot.mark.line == scalar.end_mark.line:
        start = scalar.start_mark
    if start is None:
        return None
    quote = spot.line(start.line)[start.column]
    value = spot.rest(start.line, start.column)
    return Found("unclosed_quote", start.line, start.column, {"quote": quote, "fixed": spot.rewrite(start.line, start.column, value + quote)})


def _after_quote(spot: Spot) -> Found | None:
    """``title: "甲" 乙``: the text ends at the closing quote, and more text follows on the line."""
    scalar = spot.last_scalar()
    if "'<scalar>'" not in spot.problem or scalar is None or scalar.style not in _QUOTES or scalar.end_mark.line != spot.mark.line:
        return None
    start = scalar.start_mark
    value = spot.rest(start.line, start.column)
    other = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' if scalar.style == "'" else "'" + value.replace("'", "''") + "'"
    return Found("after_quote", spot.mark.line, spot.mark.column, {"fixed": spot.rewrite(start.line, start.column, other)})


def _unclosed_bracket(spot: Spot) -> Found | None:
    """``title: [一节`` without its ``]``: the parser fails lines later; the opening bracket is the mistake."""
    if not spot.context.startswith("while parsing a flow") or not spot.problem.startswith("expected ','"):
        return None
    start = spot.error.context_mark
    if start is None:
        return None
    opening = spot.line(start.line)[start.column]
    value = spot.rest(start.line, start.column)
    closing = "]" if opening == "[" else "}"
    return Found("unclosed_bracket", start.line, start.column, {
        "open": opening, "close": closing,
        "closed": spot.rewrite(start.line, start.column, value + closing),
        "fixed": spot.rewrite(start.line, start.column, quoted(value)),
    })


def _symbol(spot: Spot) -> Found | None:
    """Text that starts with a character YAML reserves (``*``, ``&``, ``@``, `` ` ``, ``%``, a bracket followed by text)."""
    mark = spot.mark
    if "while scanning an alias" in spot.context or "while scanning an anchor" in spot.context:
        mark = spot.error.context_mark or mark
    elif "'<scalar>'" in spot.problem and (bracket := _bracket_on_line(spot)) is not None:
        mark = bracket
    elif not ("cannot start any token" in spot.problem or "undefined alias" in spot.problem
              or spot.problem.startswith("expected the node content")):
        return None
    symbol = spot.line(mark.line)[mark.column:mark.column + 1]
    if not symbol.strip():
        return None
    value = spot.rest(mark.line, mark.column)
    return Found("symbol", mark.line, mark.column, {"symbol": symbol, "fixed": spot.rewrite(mark.line, mark.column, quoted(value))})


def _bracket_on_line(spot: Spot) -> yaml.Mark | None:
    """The first ``[`` or ``{`` that opened a list or mapping on the error's line, closed before the text that follows."""
    opening = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
    return next((t.start_mark for t in spot.tokens if isinstance(t, opening) and t.start_mark.line == spot.mark.line), None)


def _colon_in_text(spot: Spot) -> Found | None:
    """``title: 注意: 这里``: a colon and a space inside a value start a new key."""
    scalar = spot.last_scalar()
    if "mapping values are not allowed" not in spot.problem or scalar is None or scalar.start_mark.line != spot.mark.line:
        return None
    start = scalar.start_mark
    return Found("colon_in_text", spot.mark.line, spot.mark.column,
                 {"fixed": spot.rewrite(start.line, start.column, quoted(spot.rest(start.line, start.column)))})


def _continued_value(spot: Spot) -> Found | None:
    """A key the parser took for the previous value's next line (``mapping values are not allowed here``).

    The value started on an earlier line: either that line's key is dedented inside a block (a ``correct:`` under a
    list item, one line before the parser noticed), or the error's line is indented further than the key above it.
    """
    scalar = spot.last_scalar()
    if "mapping values are not allowed" not in spot.problem or scalar is None or scalar.start_mark.line == spot.mark.line:
        return None
    start, line = scalar.start_mark.line, spot.mark.line
    indent = _indentation(spot.line(line))
    above = next((n for n in range(start - 1, -1, -1) if spot.line(n).strip()), -1)
    if above >= 0 and _indentation(spot.line(above)) >= indent and (found := key_at(spot.line(start))):
        return _misaligned(spot, start, found[1])
    if (dash := dash_at(spot.line(line))) is not None and (item := dash_at(spot.line(start))) is not None:
        return Found("misaligned_item", line, dash, {"spaces": item})
    key = key_at(spot.line(line))
    sibling = key_at(spot.line(start))
    if key is None or sibling is None:
        return None
    return Found("overindented", line, key[1], {"key": key[0], "sibling": sibling[0], "spaces": sibling[1]})


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_end(spot: Spot) -> Found | None:
    """``expected <block end>``: a key or a ``-`` item at a column where nothing of the block above stands."""
    if not spot.problem.startswith("expected <block end>"):
        return None
    line, col = spot.mark.line, spot.mark.column
    if (dash := dash_at(spot.line(line))) is not None:
        above = [found for n in range(line - 1, -1, -1) if (found := dash_at(spot.line(n))) is not None]
        if above:
            spaces = above[0] if above[0] != dash else min(above, key=lambda c: abs(c - dash))
            return Found("misaligned_item", line, dash, {"spaces": spaces})
    elif key_at(spot.line(line)) is not None and any(key_at(spot.line(n)) for n in range(line)):
        return _misaligned(spot, line, col)
    parent = spot.error.context_mark
    return Found("mixed", line, col, {}) if parent is not None and parent.column == col else None


def _misaligned(spot: Spot, line: int, col: int) -> Found:
    """A key at ``col`` on ``line`` that should line up with a key above: the previous line's, or the closest one."""
    key = key_at(spot.line(line))
    keys = [(n, found) for n in range(line - 1, -1, -1) if (found := key_at(spot.line(n))) is not None]
    if key is None or not keys:
        return Found("other", line, col, {})
    sibling = keys[0][1] if keys[0][1][1] != col else min((found for _, found in keys), key=lambda k: abs(k[1] - col))
    return Found("misaligned", line, col, {"key": key[0], "sibling": sibling[0], "spaces": sibling[1]})


def _block_text(spot: Spot) -> Found | None:
    """A line of a ``|`` or ``>`` text indented less than the text's first line: the text ended a line before it."""
    scalar = spot.last_scalar()
    if "'<scalar>'" not in spot.problem or scalar is None or scalar.style not in ("|", ">"):
        return None
    first = next((n for n in range(scalar.start_mark.line + 1, spot.mark.line) if spot.line(n).strip()), None)
    if first is None:
        return None
    return Found("block_text", spot.mark.line, spot.mark.column, {"spaces": _indentation(spot.line(first))})


def _escape(spot: Spot) -> Found | None:
    """``"C:\\new"``: a backslash starts an escape inside double quotes; in single quotes it is just a character."""
    start = spot.error.context_mark
    if "unknown escape" not in spot.problem or start is None:
        return None
    value = spot.rest(start.line, start.column)
    inner = value[1:-1] if len(value) > 1 and value.endswith('"') else value[1:]
    return Found("escape", spot.mark.line, spot.mark.column - 1,
                 {"fixed": spot.rewrite(start.line, start.column, "'" + inner.replace("'", "''") + "'")})


def _second_document(spot: Spot) -> Found | None:
    """A ``---`` line in the middle of a file starts a second document, which a course file cannot hold."""
    if "another document" not in spot.problem:
        return None
    return Found("second_document", spot.mark.line, spot.mark.column, {})


_RULES: tuple[Callable[[Spot], Found | None], ...] = (
    _tab, _full_width_colon, _not_a_key, _unclosed_quote, _after_quote, _unclosed_bracket, _escape, _second_document,
    _colon_in_text, _continued_value, _block_text, _symbol, _block_end,
)
"""In order: the first that recognises the error names it (a full-width colon before the indentation it upsets)."""


def syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """The problem a trainer reads for a syntax error PyYAML raised on ``text``."""
    spot = Spot(text, error)
    found = next((f for rule in _RULES if (f := rule(spot)) is not None), None)
    if found is None:
        found = Found("other", spot.mark.line, spot.mark.column, {})
    return Problem(path, found.line + 1, found.col + 1,
                   say(f"yaml.syntax.{found.kind}", **found.args), say(f"yaml.syntax.{found.kind}_hint", **found.args))


def unreadable_character(path: Path, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A control character PyYAML refuses (a bell, a form feed pasted from another program), at its place."""
    before = text[:error.position]
    line = before.count("\n") + 1
    col = error.position - (before.rfind("\n") + 1) + 1
    code = f"U+{error.character:04X}" if isinstance(error.character, int) else str(error.character)
    return Problem(path, line, col, say("yaml.syntax.control_character", code=code), say("yaml.syntax.control_character_hint"))
