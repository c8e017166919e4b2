"""Blank homework templates for trainees who work offline: a Word document and a Markdown text.

Both list every field of the form in order, with what the online form asks (required marks,
length hints, options), and neither ever contains facilitator notes. Labels come from the caller's
string table so this package depends on the model only.
"""

from __future__ import annotations

from .docx import blank_docx
from .markdown import blank_markdown

__all__ = ["blank_docx", "blank_markdown"]
