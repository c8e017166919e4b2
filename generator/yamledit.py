"""coursegen's one YAML writer: round-trip editing of a trainer's YAML file, and new files written by the same rules.

The course studio's browser form sends back the whole file as plain JSON, and ``coursegen quiz import --force``
rewrites a bank from a workbook: the file on disk must change only where something changed. ``coursegen import``
and the studio's templates write new files (:func:`dump_new`).

A trainer's file is theirs: comments, blank lines, quoting and key order are how they keep it readable, and a
git diff after a save should show the edit, not a reformatted file. ruamel.yaml keeps all of that, but it types
scalars by YAML 1.2 while coursegen reads its files with PyYAML (YAML 1.1: ``no`` is false, ``12:00`` is 720).
So every plain scalar is kept as the text written, and PyYAML's own rules say what it means (:func:`_typed`);
new text is quoted whenever PyYAML would read it as anything but that text.
"""

from __future__ import annotations

import copy
import io
import json
import re
from difflib import SequenceMatcher
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import CommentMark
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString, PlainScalarString,
                                      ScalarString, SingleQuotedScalarString)
from ruamel.yaml.tokens import CommentToken

__all__ = ["Document", "load", "dump_new"]

_PYYAML = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR, _TIMESTAMP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"
_ESCAPED = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""Characters only double quotes can carry: control characters, line breaks other than ``\\n`` (which a block
scalar would turn into ``\\n``), the byte order mark."""
_TIME = re.compile("[0-9]{1,2}:[0-5][0-9]")
"""A clock time, which new text always writes in double quotes (:func:`_text`)."""


class _TextResolver(VersionedResolver):
    """Plain scalars load as the text written, whatever it looks like: what it means is left to PyYAML's rules
    (:func:`_typed`). So a plain scalar is written back plain as it was, and new text that PyYAML would read as
    something else is quoted by :func:`_text`."""

    @property
    def versioned_resolver(self) -> dict[Any, Any]:
        return {}


class _Emitter(RoundTripEmitter):
    """Text is written plain only where PyYAML reads it back, and new text that cannot stand plain goes in double
    quotes, as the course's own files quote ("09:00"), rather than ruamel's single quotes."""

    def analyze_scalar(self, scalar: str) -> Any:
        analysis = super().analyze_scalar(scalar)
        if "?" in scalar or scalar.startswith(":"):  # YAML 1.2 allows them plain in `[...]`, PyYAML does not
            analysis.allow_flow_plain = False
        return analysis

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        return '"' if style == "'" and not self.event.style else style  # quotes a trainer chose are kept


def _yaml() -> YAML:
    """Settings that write every file of the example course and of the scaffold back byte for byte (a new handler
    each time: one keeps the state of the file it last read, and the studio may save two files at once)."""
    handler = YAML()
    handler.Resolver = _TextResolver
    handler.Emitter = _Emitter
    handler.preserve_quotes = True
    handler.width = 4096
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


class Document:
    """One YAML file: its text as read and the round-trip tree that edits change."""

    def __init__(self, text: str) -> None:
        self.text = text
        # YAML reads \r\n as \n, but ruamel drops the blank line after a quoted value in a file with \r\n line ends.
        self.tree = _yaml().load(text.replace("\r\n", "\n"))

    def data(self) -> Any:
        """The file's value as the browser's form gets it: what coursegen reads, dates and times as written."""
        return _plain(self.tree)

    def apply(self, value: Any) -> None:
        """Make the file say ``value`` (the whole file, as the form sends it back), changing as few lines as can be."""
        self.tree = _merge(self.tree, value)

    def dump(self) -> str:
        """The file's text, saved the way the trainer's editor saved it: Windows line ends (VS Code's default for a
        new file there) and a byte order mark (Notepad's) are kept, and so is a missing last line break."""
        if self.tree is None:  # nothing but comments, or nothing at all
            return self.text
        text = _write(self.tree)
        if "\r\n" in self.text:
            text = text.replace("\n", "\r\n")
        if not self.text.endswith("\n"):
            text = text.removesuffix("\r\n" if "\r\n" in self.text else "\n")
        return "\ufeff" + text if self.text.startswith("\ufeff") else text


def load(text: str) -> Document:
    return Document(text)


def dump_new(value: Any) -> str:
    """A new file (a lecture made from a template) written by the same rules as an edit."""
    return _write(_node(value))


def _write(tree: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(tree, stream)
    return stream.getvalue()


def _typed(text: str) -> Any:
    """What PyYAML makes of a plain scalar; a date or time stays its text, which pydantic parses as it parses the
    date PyYAML would give, and which the browser can show and send back unchanged."""
    tag = _PYYAML.resolve(yaml.ScalarNode, text, (True, False))
    construct = yaml.constructor.SafeConstructor.yaml_constructors.get(tag)
    if tag in (_STR, _TIMESTAMP) or construct is None:  # `=` and `<<` have tags PyYAML's safe loader cannot build
        return text
    return construct(_CONSTRUCTOR, yaml.ScalarNode(tag, text))


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(item) for item in node]
    if type(node) is str or isinstance(node, PlainScalarString):
        return _typed(node)
    if isinstance(node, str):
        return str(node)  # quoted or a block: text whatever it looks like
    return node  # a scalar with an explicit tag (`!!int 3`), built by ruamel


def _same(old: Any, new: Any) -> bool:
    """Equal as the browser sees it: 1 and 1.0 are one JSON number, but true is not 1."""
    return bool(old == new) and isinstance(old, bool) == isinstance(new, bool)


def _merge(old: Any, new: Any) -> Any:
    """``old`` changed in place into ``new`` where it can be, so that what did not change keeps its comments."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        _merge_map(old, new)
    elif isinstance(old, CommentedSeq) and isinstance(new, list):
        _merge_seq(old, new)
    elif isinstance(old, (dict, list)) or not _same(_plain(old), new):
        return _node(new, old)
    if isinstance(old, (CommentedMap, CommentedSeq)) and not old:
        old.fa.set_flow_style()  # it is written `{}` or `[]`: a comment after it must follow that, not the key
    return old


def _merge_map(mapping: CommentedMap, new: dict[str, Any]) -> None:
    """Keys keep the file's order, a new one goes last: a save moves nothing the trainer did not move."""
    keys = list(mapping)
    gaps = [_take_gap(mapping, key) for key in keys]
    above = dict(zip(keys[1:], gaps))
    for key in keys:
        if key not in new:
            del mapping[key]
            mapping.ca.items.pop(key, None)
    for key, value in new.items():
        if key in mapping:
            mapping[key] = _merge(mapping[key], value)
        else:
            mapping[_text(key)] = _node(value)
    blank = _blank(gaps[:-1])
    _put_gaps(mapping, [above.get(key, blank) for key in list(mapping)[1:]] + gaps[-1:])


def _merge_seq(seq: CommentedSeq, new: list[Any]) -> None:
    """The items put in the new order, each with its own comments and the lines above it."""
    gaps = [_take_gap(seq, i) for i in range(len(seq))]
    blank = _blank(gaps[:-1])
    comments = dict(seq.ca.items)
    seq.ca.items.clear()
    olds: list[Any] = []  # what each new item is an edit of, copied before any is edited
    above: list[str] = []  # the lines above each new item
    used: set[int] = set()
    for j, i in enumerate(_sources(seq, new)):
        if i is None:
            olds.append(None)
            above.append(blank)
            continue
        first = i not in used
        used.add(i)
        olds.append(seq[i] if first else copy.deepcopy(seq[i]))
        if i in comments:
            seq.ca.items[j] = comments[i] if first else copy.deepcopy(comments[i])
        above.append(gaps[i - 1] if first and i > 0 else blank)
    nodes = [_node(value) if old is None else _merge(old, value) for old, value in zip(olds, new)]
    list.__setitem__(seq, slice(None), nodes)  # not CommentedSeq's, which would move the comments once more
    _put_gaps(seq, above[1:] + gaps[-1:])


def _sources(seq: CommentedSeq, new: list[Any]) -> list[int | None]:
    """For each new item, the old item it is an edit of: the one with its id (a question moved, copied), else, among
    the rest, an equal one or the one in its place (a bullet point reworded), else none (a new item)."""
    ids: dict[Any, int] = {}
    for i, item in enumerate(seq):
        if isinstance(item, dict) and _is_id(key := _plain(item.get("id"))):
            ids.setdefault(key, i)
    sources = [ids.get(value["id"]) if isinstance(value, dict) and _is_id(value.get("id")) else None for value in new]
    claimed = set(sources)
    old_rest = [i for i in range(len(seq)) if i not in claimed]
    new_rest = [j for j, source in enumerate(sources) if source is None]
    matcher = SequenceMatcher(None, [_fingerprint(_plain(seq[i])) for i in old_rest], [_fingerprint(new[j]) for j in new_rest], autojunk=False)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        for i, j in zip(range(i1, i2), range(j1, j2)):
            sources[new_rest[j]] = old_rest[i]
    return sources


def _is_id(key: Any) -> bool:
    """An id an item can be known by: a list or an empty field is none."""
    return isinstance(key, (str, int, float)) and key != ""


def _fingerprint(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


# Blank lines and comment lines between two items (two keys, two list items) belong to the item below them: the
# comment above a key says what the key is for, and moves or goes with it. ruamel keeps them after the deepest
# last value of the item above, so they are taken out before a collection changes and put back after.

def _end(collection: CommentedMap | CommentedSeq, key: Any) -> tuple[CommentedMap | CommentedSeq, Any, int, Any]:
    """Where the comment after the item ``key`` is kept (a collection, its key and the index in the key's comment
    slot), and the value it follows."""
    value = collection[key]
    while isinstance(value, (CommentedMap, CommentedSeq)) and value and not value.fa.flow_style():
        collection, key = value, (next(reversed(value)) if isinstance(value, CommentedMap) else len(value) - 1)
        value = collection[key]
    return collection, key, 2 if isinstance(collection, CommentedMap) else 0, value


def _take_gap(collection: CommentedMap | CommentedSeq, key: Any) -> str:
    """Remove and return the lines after the item ``key``, leaving a comment on its own last line in place."""
    collection, key, index, value = _end(collection, key)
    slot = collection.ca.items.get(key)
    if slot is None or slot[index] is None:
        return ""
    token = slot[index]
    text: str = token.value
    # After a block scalar the comment starts on a line of its own; after anything else, on the value's line.
    cut = 0 if isinstance(value, (LiteralScalarString, FoldedScalarString)) else text.find("\n") + 1 or len(text)
    if text[:cut].strip():
        token.value = text[:cut]
    else:
        slot[index] = None
    return text[cut:]


def _put_gaps(collection: CommentedMap | CommentedSeq, gaps: list[str]) -> None:
    """Put back, after each item in turn, the lines that go below it."""
    for key, gap in zip(list(collection) if isinstance(collection, CommentedMap) else range(len(collection)), gaps):
        if gap:
            holder, at, index, value = _end(collection, key)
            if isinstance(value, (LiteralScalarString, FoldedScalarString)) and _ends_blank(value):
                # A `|+` block: the blank lines after it would become its own, so it cannot stay a block here.
                value = holder[at] = DoubleQuotedScalarString(value)
            slot = holder.ca.items.setdefault(at, [None] * 4)
            if slot[index] is not None:
                slot[index].value += gap
            else:
                block = isinstance(value, (LiteralScalarString, FoldedScalarString))
                slot[index] = CommentToken(gap if block else "\n" + gap, CommentMark(0))


def _ends_blank(text: str) -> bool:
    """Text that, as a block, is written ``|+``: blank lines below such a block are part of it."""
    return text.endswith("\n") and text[-2:-1] in ("", "\n")


def _blank(gaps: list[str]) -> str:
    """The lines that separate items where nothing else is known (a new or copied item): blank lines, if the file
    separates this collection's items by blank lines."""
    return next((gap for gap in gaps if gap and not gap.strip()), "")


def _node(value: Any, like: Any = None) -> Any:
    """A new part of the tree for a plain value; text is written in the style of ``like``, the value it replaces,
    if that can carry it. Scalars are all ScalarStrings: CommentedMap and CommentedSeq give plain ``str`` put in
    place of a quoted value the old quotes (a number where quoted text was would read back as text)."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[_text(str(key))] = _node(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_node(item) for item in value)
    if isinstance(value, str):
        return _text(value, like)
    if value is None:  # spelt out, as coursegen's own writer does (a bare `-` in a list would end in a space)
        return PlainScalarString("null")
    if isinstance(value, bool):
        return PlainScalarString("true" if value else "false")
    if isinstance(value, int):
        return PlainScalarString(str(value))
    if isinstance(value, float):  # PyYAML's own spelling: it reads 1e+20 as text, 1.0e+20 as a number
        return PlainScalarString(yaml.representer.SafeRepresenter().represent_float(value).value)
    raise TypeError(f"not a plain JSON value: {value!r}")


def _text(text: str, like: Any = None) -> ScalarString:
    """``text`` written so that PyYAML reads back exactly ``text``: plain where it can be, a ``|`` block when it has
    several lines, else in double quotes. A clock time is always quoted, as the course's files write times: bare,
    ``10:30`` is a number of minutes to PyYAML and ``09:00`` is text, and a trainer copying one should not have
    to know which."""
    block = "\n" in text or isinstance(like, LiteralScalarString)
    style: type[ScalarString]
    if _ESCAPED.search(text) or (block and _ends_blank(text)):
        style = DoubleQuotedScalarString
    elif block:
        style = LiteralScalarString
    elif isinstance(like, (SingleQuotedScalarString, DoubleQuotedScalarString)):
        style = type(like)
    elif _PYYAML.resolve(yaml.ScalarNode, text, (True, False)) == _STR and not _TIME.fullmatch(text):
        style = PlainScalarString  # the emitter still quotes it where its look needs it (`- x`, `a: b`, `#x`)
    else:
        style = DoubleQuotedScalarString
    node: ScalarString = style(text)
    return node
