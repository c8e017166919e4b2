"""Blank homework templates for trainees who work offline: a Word document and a Markdown text.

Both list every field of the form in order, with what the online form asks (required marks,
length hints, options), and neither ever contains facilitator notes. Labels come from the caller's
string table and the hand-in instructions from :mod:`coursegen.render.handin`, so a blank words them as the
form's page does: the blanks are one more rendering of the form, hence their place inside :mod:`coursegen.render`.
"""

from __future__ import annotations

from .docx import blank_docx
from .markdown import blank_markdown

__all__ = ["blank_docx", "blank_markdown"]
