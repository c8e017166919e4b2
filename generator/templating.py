"""The one way every part of coursegen sets up Jinja2: strict, whitespace-controlled, loading packaged templates."""

from __future__ import annotations

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined


def new_environment(folder: str = "templates", *, autoescape: bool) -> Environment:
    """A fresh environment over ``generator/<folder>``; callers cache it and add their own filters.

    ``autoescape`` is a required choice: on for HTML fed with untrusted text (HR report, SCORM manifest),
    off for Markdown and plain text, whose HTML bits escape with ``|e`` where they must.
    Compiled templates are kept in Jinja's per-user cache folder (under the temp folder, private to the
    user, keyed by each template's file and source), so a one-shot command skips compiling them. Escaping
    is compiled into a template, so each ``autoescape`` setting has its own files in that folder.
    """
    return Environment(
        loader=PackageLoader("coursegen", folder),
        bytecode_cache=FileSystemBytecodeCache(pattern=f"__coursegen_{'html' if autoescape else 'text'}_%s.cache"),
        autoescape=autoescape,  # noqa: S701 - a required choice of each caller: off only for Markdown and plain text
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
