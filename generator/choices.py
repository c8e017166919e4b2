"""The closed choices a command, the plugin's settings and the code share, as types (at the package's bottom, so
that ``coursegen check`` can offer them without importing the renderer or an engine)."""

from __future__ import annotations

from typing import Literal, get_args

Edition = Literal["trainee", "trainer"]
"""Which site: the trainees', or the trainer's with facilitator notes, answer keys and trainer-only pages."""
EDITIONS: tuple[Edition, ...] = get_args(Edition)

EngineName = Literal["mkdocs", "zensical"]
"""The program that builds the generated workspace (:mod:`coursegen.builder.engines`)."""
ENGINES: tuple[EngineName, ...] = get_args(EngineName)

LmsRuntime = Literal["scorm", "cmi5"]
"""Which LMS a package's pages run in: SCORM (1.2 or 2004, one runtime) or a cmi5 launch. A site outside any
LMS has none (``None``)."""
