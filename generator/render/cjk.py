"""Chinese text wrapped in the YAML reads as one line: a soft line break next to Chinese joins without a space.

A trainer wraps long Chinese lines in a YAML block (``|``); Markdown keeps each line break in the HTML and
the browser shows it as a space ("三维视角， 投诉升级"), in the page and in the search index built from it.
Like CommonMark's CJK-friendly line breaking, a soft break disappears when the characters either side are
both CJK, or the one before it is CJK punctuation (so "，" followed by "SCORM" joins too); a break between
two English words, or between Chinese and English, stays a space.

Why an extension rather than joining the lines when the generator writes a page: only after Markdown has
parsed the text does one know what is a soft break. A YAML line break may sit inside a fenced or indented code
block, inline code, a table or a list item, where it must stay as written; here code and ``<pre>`` are not
touched (their text is an :class:`~markdown.util.AtomicString` or stashed away) and only the text between
elements is. The same extension serves the generator's own rendering (:mod:`.environment`) and MkDocs' (the
generated workspace's hooks register it), so a page and the text inside a widget agree; hand-written pages in
``docs/`` are joined as well.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 - the name Python-Markdown's own code and documentation use

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

NAME = "coursegen.render.cjk"
"""The extension's name as Python-Markdown (and ``markdown_extensions`` in mkdocs.yml) loads it."""

_CJK = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u201c\u201d\u2018\u2019\u00b7"
_IDEOGRAPH = re.compile(f"[{_CJK}{_PUNCTUATION}]")
_BEFORE = re.compile(f"[{_PUNCTUATION}]")
_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_SKIP = frozenset({"code", "pre", "script", "style", "kbd", "samp"})


def joins(before: str, after: str) -> bool:
    """Whether a soft break between the characters ``before`` and ``after`` ("" at an edge) disappears."""
    if before and _BEFORE.match(before):
        return True
    return bool(before and after and _IDEOGRAPH.match(before) and _IDEOGRAPH.match(after))


class _JoinCJKLines(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        slots = list(_text_slots(root))
        texts = [getattr(element, attr) for element, attr in slots]
        for index, (element, attr) in enumerate(slots):
            text = texts[index]
            if "\n" not in text or isinstance(text, AtomicString):
                continue
            previous = texts[index - 1][-1] if index else ""  # every slot holds text: see _text_slots
            following = texts[index + 1][0] if index + 1 < len(texts) else ""

            def join(match: re.Match[str], text: str = text, previous: str = previous, following: str = following) -> str:
                before = text[match.start() - 1] if match.start() else previous
                after = text[match.end()] if match.end() < len(text) else following
                return "" if joins(before, after) else match.group(0)

            setattr(element, attr, _BREAK.sub(join, text))


def _text_slots(element: etree.Element) -> list[tuple[etree.Element, str]]:
    """Every non-empty ``text`` and ``tail`` in document order, code and preformatted elements left out (their tail kept)."""
    slots: list[tuple[etree.Element, str]] = []

    def walk(node: etree.Element) -> None:
        if node.tag not in _SKIP:
            if node.text:
                slots.append((node, "text"))
            for child in node:
                walk(child)
        if node.tail and node is not element:
            slots.append((node, "tail"))

    walk(element)
    return slots


class CJKLineBreaks(Extension):
    """Registers the joining after inline parsing (priority below ``inline``'s 20), before the tree is serialised."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_JoinCJKLines(md), "cjk_line_breaks", 5)


def makeExtension(**kwargs: object) -> CJKLineBreaks:  # noqa: N802 - the name Python-Markdown looks up
    return CJKLineBreaks(**kwargs)
