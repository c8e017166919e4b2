"""The one way every part of coursegen sets up Jinja2: strict, whitespace-controlled, loading packaged templates."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined


def new_environment(folder: str = "templates", *, autoescape: bool) -> Environment:
    """A fresh environment over ``generator/<folder>``; callers cache it and add their own filters.

    ``autoescape`` is a required choice: on for HTML fed with untrusted text (HR report, SCORM manifest),
    off for Markdown and plain text, whose HTML bits escape with ``|e`` where they must.
    """
    return Environment(
        loader=PackageLoader("generator", folder),
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
