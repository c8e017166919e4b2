"""The catalogue: one data file per language, ``generator/strings/<language>.yml``, holds every string a trainee,
trainer or HR reads — the pages' and widgets' texts (read by :mod:`coursegen.render.strings`), the messages of
every command (read by :mod:`coursegen.messages`) and, in every language but Chinese, the translations of the models'
field descriptions the course studio shows as labels and help (``fields``, read by :mod:`coursegen.studio.forms`;
Chinese reads the models' descriptions themselves, as the guide's field reference does).

Data files rather than Python, so a translator edits plain text next to its Chinese original. At the package's
bottom: the loader's messages need it, and the loader sits below the renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

LANGUAGES = ("zh", "en")
FALLBACK = "zh"
"""coursegen's first language: the messages' language without a course, and where a page text another language
lacks is taken from."""


@cache
def read_file(language: str) -> dict[str, Any]:
    """A language's data file as written, its parts still nested."""
    text = (resources.files("coursegen") / "strings" / f"{language}.yml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)  # noqa: S506 - CSafeLoader or SafeLoader
    return data


def flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"quiz": {"n": …}}`` → ``{"quiz.n": …}``: keys grouped in the file, flat in the code."""
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat
