"""The Jinja2 environment shared by every renderer, and the context a page is rendered in."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import markdown as md
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..choices import LmsRuntime
from ..model.project import Project
from ..templating import new_environment
from ..site_paths import item_page
from .cjk import CJKLineBreaks
from .dates import people_date
from .sanitize import LINK_DESTINATION, clean_html, clean_markdown
from .site import Edition
from .strings import Part, strings


@cache
def environment() -> Environment:
    """One environment per process: templates are compiled once and reused for every page.

    Autoescaping is on although the output is Markdown: every ``{{ }}`` is plain text unless marked otherwise,
    so a ``<script>`` in a title shows as written (Markdown renders ``&lt;`` as ``<``). Markdown fields go
    through ``|md`` or ``|indent_md`` (their raw HTML cleaned, see :mod:`.sanitize`); the filters that make
    HTML, JSON or YAML return markup that is kept as it is.
    """
    env = new_environment(autoescape=True)
    env.filters["json_attribute"] = lambda value: Markup(json_attribute(value))
    env.filters["md_html"] = lambda text: Markup(clean_html(markdown_to_html(clean_markdown(text or ""))))
    env.filters["md"] = _markdown_field
    env.filters["indent_md"] = _indented_markdown_field
    env.filters["yaml_str"] = lambda text: Markup(json.dumps(str(text), ensure_ascii=False))
    env.filters["links_from"] = _links_from
    env.filters["page_title"] = lambda text: Markup(json.dumps(page_title(str(text)), ensure_ascii=False))
    env.filters["people_date"] = _people_date
    return env


@pass_context
def _people_date(context: Context, value: date) -> str:
    return people_date(value, context["ctx"].t)


@pass_context
def _links_from(context: Context, text: str, kind: str, item_id: str) -> Markup:
    """Markdown written for an item's own page, placed on another page (the handbook): its relative links and
    images are re-aimed, so ``../cases/pond.md`` from a lecture still finds the case from the handbook."""
    source = item_page(kind, item_id)
    url: Callable[[str], str] = context["url"]

    def rebase(match: re.Match[str]) -> str:
        destination = match.group(2)
        path, hash_, anchor = destination.partition("#")
        if not path or path.startswith("/") or _SCHEME.match(path):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        return match.group(1) + url(target + hash_ + anchor)

    return Markup(LINK_DESTINATION.sub(rebase, str(text)))


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def page_title(title: str) -> str:
    """A page's title as Material uses it: raw in the header bar and unescaped into ``<title>`` (``striptags``),
    so no escaping survives both. Angle brackets become their full-width forms (＜＞, the usual ones in Chinese
    text), which no browser reads as a tag; the page's own heading keeps the title exactly as written."""
    return title.translate(_FULL_WIDTH_ANGLES)


_FULL_WIDTH_ANGLES = str.maketrans({"<": "＜", ">": "＞"})


def _as_written(context: Context, text: str) -> str:
    """A Markdown field's text, its HTML cleaned unless the course allows raw HTML (already-rendered markup,
    such as a macro's output, is kept)."""
    if isinstance(text, Markup) or context.get("allow_raw_html"):
        return str(text)
    return clean_markdown(text)


@pass_context
def _markdown_field(context: Context, text: str | None) -> Markup:
    return Markup(_as_written(context, text) if text else "")


@pass_context
def _indented_markdown_field(context: Context, text: str | None, width: int = 4) -> Markup:
    return Markup(indent_md(_as_written(context, text) if text else "", width))


@dataclass(frozen=True)
class RenderContext:
    """What every template may use besides its own item."""

    project: Project
    edition: Edition
    lms: LmsRuntime | None = None
    """A package for an LMS (SCORM or cmi5): its runtime script is loaded, and the pages say what the LMS records."""
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
            ctx=self, course=self.project.course, t=self.t, trainer=self.trainer, url=url,
            allow_raw_html=self.project.course.allow_raw_html, **values
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


_MD = md.Markdown(extensions=["attr_list", "sane_lists", CJKLineBreaks()])


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
