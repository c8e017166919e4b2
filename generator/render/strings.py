"""Every string a trainee sees, read from one data file per language: ``generator/strings/<language>.yml``.

Data files rather than Python, so a translator edits plain text next to its Chinese original and the
JavaScript widgets get their part of the very same file (see :func:`coursegen.render.assets.config_script`).
Each file has five parts: ``pages`` (the page templates' ``t``), ``quiz`` (``qt``), ``learner`` (``lt``),
``widgets`` (the browser's ``coursegen.t``, nested by widget and read as ``"<widget>.<key>"``) and ``preview``
(``pv``: the live preview's error overlay, which only ``coursegen serve`` writes, never a built site).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal
from collections.abc import Mapping

import yaml

Part = Literal["pages", "quiz", "learner", "widgets", "preview"]
PARTS: tuple[Part, ...] = ("pages", "quiz", "learner", "widgets", "preview")
LANGUAGES = ("zh", "en")
FALLBACK = "zh"
"""coursegen's first language: a key another language lacks shows its Chinese text rather than breaking the build."""


@cache  # bounded by nature: two languages × five parts
def strings(language: str, part: Part) -> Mapping[str, str]:
    """One part of a language's strings, keys flattened (``quiz.n``), missing keys filled in from zh.

    Read-only and shared: every page of every build in this process uses the same few tables.
    """
    return MappingProxyType({**flatten(read_file(FALLBACK)[part]), **flatten(read_file(language)[part])})


@cache
def read_file(language: str) -> dict[str, Any]:
    """A language's data file as written: the five parts, widgets still nested by widget."""
    text = (resources.files("coursegen") / "strings" / f"{language}.yml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)  # noqa: S506 - CSafeLoader or SafeLoader
    return data


def flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"quiz": {"n": …}}`` → ``{"quiz.n": …}``: the widgets' keys, grouped in the file, flat in the code."""
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat
