"""Moodle's HTML question text turned into the Markdown (or plain text) of a coursegen bank.

Questions written in Moodle's editor arrive as HTML (``<p>``, ``<strong>``, lists). Markdown keeps
inline HTML, but a bank full of ``<p>`` tags is hard to edit, so the common tags become Markdown;
pictures cannot come along (their files live in Moodle), and the trainer is told about each one.
"""

from __future__ import annotations

import re

from lxml import html

from ..messages import say
from .report import Report

_BLOCKS = {"p", "div", "blockquote", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"}
_WRAP = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
_TEXT_ONLY = {"span", "font", "u", "sup", "sub", "small", "big", "td", "th", "tbody", "thead", "label", "body", "html"}


def html_to_markdown(source: str, report: Report, question: str | None, line: int | None) -> str:
    """Markdown for an HTML fragment; each picture left behind is reported."""
    if "<" not in source and "&" not in source:
        return source.strip()
    root = html.fragment_fromstring(source, create_parent="div")
    out = _children(root, report, question, line)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def html_to_text(source: str) -> str:
    """The plain text of an HTML fragment on one line, for option texts and matching items."""
    if "<" not in source and "&" not in source:
        return source.strip()
    root = html.fragment_fromstring(source, create_parent="div")
    return " ".join(root.text_content().split())


def _children(node: html.HtmlElement, report: Report, question: str | None, line: int | None) -> str:
    parts = [_space(node.text or "")]
    for child in node:
        if isinstance(child.tag, str):  # not a comment or a processing instruction
            parts.append(_element(child, child.tag.lower(), report, question, line))
        parts.append(_space(child.tail or ""))
    return "".join(parts)


def _element(node: html.HtmlElement, tag: str, report: Report, question: str | None, line: int | None) -> str:
    if tag == "br":
        return "\n"
    if tag == "img":
        report.loss(say("exchange.html.picture", src=node.get("src", "")), question=question, line=line)
        return node.get("alt", "")
    if tag in ("ul", "ol"):
        items = [li for li in node if isinstance(li.tag, str) and li.tag.lower() == "li"]
        marks = [f"{n}." if tag == "ol" else "-" for n in range(1, len(items) + 1)]
        lines = [f"{mark} {_children(li, report, question, line).strip()}" for mark, li in zip(marks, items)]
        return "\n\n" + "\n".join(lines) + "\n\n"
    if tag == "pre":
        return "\n\n```\n" + node.text_content() + "\n```\n\n"
    inner = _children(node, report, question, line)
    if tag in _WRAP:
        return f"{_WRAP[tag]}{inner.strip()}{_WRAP[tag]}" if inner.strip() else ""
    if tag == "a":
        href = node.get("href", "")
        if href.startswith("@@PLUGINFILE@@"):
            report.loss(say("exchange.html.linked_file", href=href), question=question, line=line)
            return inner
        return f"[{inner.strip()}]({href})" if href else inner
    if tag in _BLOCKS:
        return f"\n\n{inner.strip()}\n\n"
    if tag not in _TEXT_ONLY:
        report.warn(say("exchange.html.reduced", tag=tag), question=question, line=line)

    return inner


def _space(text: str) -> str:
    """HTML whitespace: any run is one space."""
    return re.sub(r"\s+", " ", text)
