"""Chinese search works, or the build stops and says how to fix it.

Material's search finds a Chinese word inside a sentence only when three things hold: the ``jieba``
package is installed (the search plugin then cuts Chinese text into words and marks each boundary
with U+200B, a zero-width space), the search ``lang`` includes ``zh``, and the ``separator`` splits
at U+200B. Miss any one and Chinese queries silently return nothing, which a trainer only notices
in front of a class. So for a Chinese course this is checked against the configuration MkDocs will
really use — inherited settings and Material's per-language defaults included — before building.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

RECOMMENDED = """plugins:
  - search:
      lang: [zh, en]
      separator: '[\\s\\u200b\\-]'"""
"""The setting `coursegen new` writes and the error message suggests."""


def check_search(config: MkDocsConfig, language: str, *, user_config: Path) -> None:
    """Raise :class:`UserError` when a Chinese course's search would not find Chinese words.

    ``config`` is the loaded configuration MkDocs is about to build with (loaded once, for both);
    ``user_config`` the file the trainer edits, named in the message.
    """
    if language != "zh":
        return
    problems = search_problems(config)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise UserError(
            f"{user_config}: Chinese search is misconfigured; searching for a Chinese word would find nothing.\n"
            f"{lines}\nThe settings that work:\n{RECOMMENDED}"
        )


def search_problems(config: MkDocsConfig) -> list[str]:
    """What stops the site's search from finding Chinese words (empty when search is off or fine)."""
    from material.plugins.search import plugin as material_search

    plugins = list(config.plugins.values())
    search = next((p for p in plugins if isinstance(p, material_search.SearchPlugin)), None)
    if search is None:
        if "search" in config.plugins:
            return ["the search plugin is MkDocs' own, which cannot cut Chinese into words: use theme `material`"]
        return []
    if not search.config.enabled:
        return []
    search.on_config(config)  # fills in Material's defaults for the theme language; the build's own call then changes nothing
    problems = []
    if material_search.jieba is None:
        problems.append("the `jieba` package is not installed, so Chinese text is not cut into words: pip install jieba")
    langs = list(search.config.lang or [])
    if "zh" not in langs:
        problems.append(f"search `lang` is {langs}: add zh, e.g. lang: [zh, en]")
    if not splits_at_zero_width_space(search.config.separator):
        problems.append(
            f"search `separator` {search.config.separator!r} does not split at \\u200b, "
            "the mark jieba puts between Chinese words: include \\u200b in it"
        )
    return problems


def splits_at_zero_width_space(separator: Any) -> bool:
    """Whether the separator (a JavaScript regular expression) matches U+200B.

    Python reads the simple character classes these settings use the same way JavaScript does;
    a pattern Python cannot read is accepted when it names \\u200b literally.
    """
    text = str(separator or "")
    try:
        return re.search(text, "\u200b") is not None
    except re.error:
        return "\\u200b" in text or "\u200b" in text
