"""Read one YAML file into plain data plus a map from each value's path to its line and column.

PyYAML's ``compose`` keeps a mark on every node; we construct the data ourselves from the node
tree so that the marks survive, and so that duplicate keys (which PyYAML silently merges) are
reported instead of losing the first value.
"""

from __future__ import annotations

import errno
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import ScalarNode, SequenceNode

from ..messages import say
from .problems import Problem
from .yamlsyntax import quoted, rest, rewrite, syntax_problem, unreadable_character

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 2_000_000
"""A course file larger than this is a mistake (a pasted binary, a runaway export), not a course."""

MAX_NODES = 200_000
"""Bounds alias expansion ("billion laughs"): aliases are followed, so a small file can be huge."""

MAX_DEPTH = 50
"""Lists and mappings nested deeper than this are a mistake (the deepest course file nests about 8 levels);
without a bound, a few hundred levels exhaust Python's recursion in the parser and the validator."""


@dataclass
class YamlDoc:
    """The data of one file and where each piece of it was written."""

    path: Path
    data: Any
    text: str | None = field(default=None, repr=False, compare=False)
    """The file's text: where each value was written is worked out from it only once a problem asks."""
    _marks: tuple[dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def value_marks(self) -> dict[Loc, tuple[int, int]]:
        """(line, column) of each value, by its path in the data."""
        return self._all_marks()[0]

    @property
    def key_marks(self) -> dict[Loc, tuple[int, int]]:
        """(line, column) of each mapping key, by the path of its value."""
        return self._all_marks()[1]

    def _all_marks(self) -> tuple[dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]]]:
        # Most files have no problem at all. Marking every node up front cost a third of the loading time,
        # and keeping the node trees instead made the garbage collector crawl over a large course.
        if self._marks is None:
            self._marks = ({}, {})
            if self.text is not None and (node := _compose(self.text)) is not None:
                _mark_tree(node, (), *self._marks, _Constructor())
        return self._marks

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at ``loc``, or of its key; falls back to the nearest parent."""
        marks = self.key_marks if key else self.value_marks
        while loc:
            if loc in marks:
                return marks[loc]
            if not key and loc in self.key_marks:
                return self.key_marks[loc]
            loc = loc[:-1]
        return self.value_marks.get((), (1, 1))

    def problem(self, loc: Loc, message: str, hint: str | None = None, *, key: bool = False, **kw: Any) -> Problem:
        line, col = self.where(loc, key=key)
        return Problem(self.path, line, col, message, hint, **kw)


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe scalar construction only: no Python objects can be created from a course file."""


_STR_TAG = "tag:yaml.org,2002:str"


def _mark(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    mark = node.start_mark  # always set by the parser; None only for a hand-made event
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def read_yaml(path: Path) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse ``path``; return the document and the problems found (syntax errors stop this file only)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # reading a pipe or a device would wait forever (and stall serve)
            return None, [Problem(path, 1, 1, say("yaml.not_regular"), say("yaml.not_regular_hint"))]
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(path, 1, 1, say("yaml.too_large", size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"),
                                  say("yaml.too_large_hint"))]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(path, 1, 1, say("yaml.unreadable", reason=os_reason(exc)), say("yaml.unreadable_hint"))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [not_utf8(path, raw, exc.start)]
    if (fast := _fast_loader(text)) is not None:
        doc, problems = _parse(path, text, fast)
        if doc is not None and not problems:
            return doc, problems
    return _parse(path, text, yaml.SafeLoader)


_OS_REASONS = {
    errno.ENOENT: "not_found", errno.EACCES: "denied", errno.EPERM: "denied", errno.EISDIR: "folder", errno.ENOTDIR: "not_folder",
    errno.ELOOP: "loop", errno.EBUSY: "busy", errno.ENAMETOOLONG: "too_long",
}
"""The errors a trainer meets reading a course file, by ``errno``, to their ``yaml.os.<key>`` text."""


def os_reason(exc: OSError) -> str:
    """Why the system could not read a file, in this run's language: ``strerror`` is the system's own (English on most)."""
    key = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    return say(f"yaml.os.{key}") if key is not None else exc.strerror or str(exc)


def not_utf8(path: Path, raw: bytes, start: int) -> Problem:
    """Where the first byte that is not UTF-8 stands, and what the file was most likely saved as.

    Chinese Windows editors save "ANSI" text as GBK (GB18030): it is refused rather than guessed at, because a
    file that decodes as GBK may still be something else, and the site must show what the trainer wrote.
    """
    line = raw.count(b"\n", 0, start) + 1
    line_start = raw.rfind(b"\n", 0, start) + 1
    col = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return Problem(path, line, col, say("yaml.not_utf8", byte=start + 1), say("yaml.not_utf8_hint"))
    return Problem(path, line, col, say("yaml.gbk"), say("yaml.gbk_hint"))


def _fast_loader(text: str) -> type[yaml.CSafeLoader] | None:
    return _FAST_LOADER if _FAST_LOADER is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text) else None


def _compose(text: str) -> yaml.Node | None:
    """The node tree of a text that has been read once already (so it parses; None if it holds no document)."""
    if (fast := _fast_loader(text)) is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _parse(path: Path, text: str, loader: type[yaml.SafeLoader | yaml.CSafeLoader]) -> tuple[YamlDoc | None, list[Problem]]:
    try:
        node = yaml.compose(text, Loader=loader)
    except RecursionError:
        return None, [_too_deep(path, text)]
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_problem(path, text, exc)]
    except yaml.reader.ReaderError as exc:
        return None, [unreadable_character(path, text, exc)]
    doc = YamlDoc(path, None, text)
    problems: list[Problem] = []
    if node is None:
        return None, [Problem(path, 1, 1, say("yaml.empty"), say("yaml.empty_hint"))]
    try:
        doc.data = _build(node, doc, problems, _Constructor(), [0], 0)
    except _TooLarge:
        return None, [Problem(path, 1, 1, say("yaml.too_many_values", limit=f"{MAX_NODES:,}"), say("yaml.too_many_values_hint"))]
    except _TooDeep as exc:
        return None, [_depth_problem(path, exc.line, exc.col)]
    return doc, problems


class _TooLarge(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.line, self.col = line, col


def _depth_problem(path: Path, line: int, col: int) -> Problem:
    return Problem(path, line, col, say("yaml.too_deep", limit=MAX_DEPTH), say("yaml.too_deep_hint"))


def _too_deep(path: Path, text: str) -> Problem:
    """Where nesting first passes the limit, found from the parser's events (which do not recurse)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return _depth_problem(path, *_mark(event))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return _depth_problem(path, 1, 1)


_FAST_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
"""libyaml's parser, when PyYAML has it: about 15× faster on a large course, with the same nodes and marks.

It words some errors differently (no quoted source line) and accepts a few characters PyYAML refuses,
so a file with such characters, or with any problem at all, is read again by PyYAML's own parser:
a trainer sees exactly the messages PyYAML gives.
"""


def _build(node: yaml.Node, doc: YamlDoc, problems: list[Problem], ctor: _Constructor, count: list[int], depth: int) -> Any:
    """The data under ``node``, with each problem found in it added to ``problems``.

    Strings, by far the most common node, keys included, are taken straight from the node (what the
    constructor returns for them, without its per-node bookkeeping): a quarter less work than a helper per node.
    """
    count[0] += 1
    if count[0] > MAX_NODES:
        raise _TooLarge
    kind = type(node)
    if kind is ScalarNode:
        if node.tag == _STR_TAG:
            return node.value
        try:
            return ctor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError):
            problems.append(_value_problem(doc, node))
            return None
    if depth >= MAX_DEPTH:  # ``depth`` lists and mappings enclose this one
        raise _TooDeep(*_mark(node))
    if kind is SequenceNode:
        return [_build(item, doc, problems, ctor, count, depth + 1) for item in node.value]
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = key_node.value if key_node.tag == _STR_TAG and type(key_node) is ScalarNode else _key(ctor, key_node)
        if key is None:
            problems.append(_value_problem(doc, key_node))
            continue
        if key in result:
            line, col = _mark(key_node)
            problems.append(Problem(doc.path, line, col, say("yaml.duplicate_key", key=key), say("yaml.duplicate_key_hint", key=key)))
            continue
        result[key] = _build(value_node, doc, problems, ctor, count, depth + 1)
    return result


def _mark_tree(node: yaml.Node, loc: Loc, values: dict[Loc, tuple[int, int]], keys: dict[Loc, tuple[int, int]],
               ctor: _Constructor) -> None:
    """Record where each value and key under ``node`` was written, skipping what :func:`_build` skipped."""
    values[loc] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = _key(ctor, key_node)
            if key is None or (child := (*loc, key)) in keys:
                continue  # a key that could not be read, or a duplicate: its value is not in the data
            keys[child] = _mark(key_node)
            _mark_tree(value_node, child, values, keys, ctor)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _mark_tree(item, (*loc, i), values, keys, ctor)


def _key(ctor: _Constructor, node: yaml.Node) -> str | None:
    """A mapping key as text; ``None`` for one that cannot be read (``2026-02-30:``, ``!foo x:``)."""
    try:
        key = ctor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):
        return None
    return key if isinstance(key, str) else str(key)


def _value_problem(doc: YamlDoc, node: yaml.Node) -> Problem:
    """A value YAML reads but cannot make into data: a tag coursegen does not know (``!foo``, ``!!int x``) or a date
    that does not exist (``2026-02-30``), which PyYAML's constructor answers with a bare ``ValueError``."""
    line, col = _mark(node)
    written = (doc.text or "").split("\n")[line - 1]
    tag = written[col - 1:].split(maxsplit=1)[0] if written[col - 1:].startswith("!") else ""
    value = str(node.value) if isinstance(node, ScalarNode) else rest(written, col - 1)
    if tag:
        fixed = rewrite(written, col - 1, written[col - 1 + len(tag):].lstrip())
    else:
        fixed = rewrite(written, col - 1, quoted(value) + (written[node.end_mark.column:] if node.end_mark.line == line - 1 else ""))
    args = {"value": value, "tag": tag, "fixed": fixed}
    kind = "tag" if tag else "date"
    return Problem(doc.path, line, col, say(f"yaml.value.{kind}", **args), say(f"yaml.value.{kind}_hint", **args))
