"""The Jinja2 environment of the package files: XML and HTML, so everything is escaped by default.

The site renderer's environment writes Markdown and leaves escaping to each template; a manifest or
launch page built from a trainer's titles must never break on a ``&`` or ``<``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment

from ..templating import new_environment


@cache
def _environment() -> Environment:
    return new_environment("templates/scorm", autoescape=True)


def render(template: str, **values: Any) -> str:
    return _environment().get_template(template).render(**values)
