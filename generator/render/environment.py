"""The Jinja2 environment shared by every renderer, and the context a page is rendered in."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Mapping

import markdown as md
from jinja2 import Environment

from ..model.project import Project
from ..templating import new_environment
from .site import Edition
from .strings import Part, strings


@cache
def environment() -> Environment:
    """One environment per process: templates are compiled once and reused for every page.

    No autoescaping: the output is Markdown; HTML attributes are escaped with ``|e`` where used.
    """
    env = new_environment(autoescape=False)
    env.filters["json_attribute"] = json_attribute
    env.filters["md_html"] = markdown_to_html
    env.filters["indent_md"] = indent_md
    env.filters["yaml_str"] = lambda text: json.dumps(str(text), ensure_ascii=False)
    return env


@dataclass(frozen=True)
class RenderContext:
    """What every template may use besides its own item."""

    project: Project
    edition: Edition
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Results several renderers use (e.g. the quiz payloads), so each is computed once per site."""

    @property
    def t(self) -> Mapping[str, str]:
        """The page labels, as templates know them (``t``)."""
        return self.strings("pages")

    def strings(self, part: Part) -> Mapping[str, str]:
        """One part of the strings of the course's language (see :mod:`coursegen.render.strings`)."""
        return strings(self.project.course.language, part)

    @property
    def trainer(self) -> bool:
        return self.edition == "trainer"

    def render(self, template: str, page_path: str, **values: Any) -> str:
        """Render ``template`` for the page at ``page_path`` (links are made relative to it)."""

        def url(target: str) -> str:
            return relative_link(page_path, target)

        return environment().get_template(template).render(
            ctx=self, course=self.project.course, t=self.t, trainer=self.trainer, url=url, **values
        )


def relative_link(from_page: str, to_page: str) -> str:
    """A Markdown link from one docs-relative page to another, as MkDocs resolves them."""
    base = posixpath.dirname(from_page)
    path, _, anchor = to_page.partition("#")
    rel = _relpath(path, base)
    return f"{rel}#{anchor}" if anchor else rel


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for plain docs-relative paths, without its two ``os.getcwd()`` calls per link."""
    parts, base = path.split("/"), start.split("/") if start else []
    if any(p in ("", ".", "..") for p in (*parts, *base)):
        return posixpath.relpath(path, start or ".")
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def json_attribute(value: Any) -> str:
    """JSON for a single-quoted HTML attribute, the way a widget carries its data: Material's instant
    navigation re-creates inline scripts without their ``type``, so JSON in a script would run as JavaScript.

    ``'``, ``&``, ``<`` and ``>`` only occur inside JSON strings, where they travel as JSON escapes: the value
    needs no HTML entity at all, so it is as short as the JSON and no parser has entities to decode (a bank's
    payload in a double-quoted attribute is a third ``&quot;``).
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("'", "\\u0027")


_MD = md.Markdown(extensions=["attr_list", "sane_lists"])


def markdown_to_html(text: str | None) -> str:
    """Markdown → HTML for text that travels inside a widget's JSON rather than the page's Markdown."""
    if not text:
        return ""
    _MD.reset()
    return _MD.convert(text)


def indent_md(text: str | None, width: int = 4) -> str:
    """Indent Markdown so it stays inside a list item or an admonition."""
    if not text:
        return ""
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())
