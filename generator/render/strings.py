"""Every string a trainee sees, read from the catalogue (:mod:`coursegen.catalogue`), one file per language.

The JavaScript widgets get their part of the very same file (see :func:`coursegen.render.assets.config_script`).
Each file has seven parts: ``pages`` (the page templates' ``t``), ``quiz`` (``qt``), ``learner`` (``lt``),
``widgets`` (the browser's ``coursegen.t``, nested by widget and read as ``"<widget>.<key>"``), ``preview``
(``pv``: the live preview's error overlay, which only ``coursegen serve`` writes, never a built site) and ``studio``
(the browser side of ``coursegen studio``, generator/studio/ui/, which gets it flattened from the studio's server)
and ``privacy`` (what the quiz and form pages promise about where a trainee's results go, see ``Course.results``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Literal

from ..catalogue import FALLBACK, LANGUAGES, flatten, read_file

__all__ = ["FALLBACK", "LANGUAGES", "PARTS", "Part", "strings"]

Part = Literal["pages", "quiz", "learner", "widgets", "preview", "studio", "privacy"]
PARTS: tuple[Part, ...] = ("pages", "quiz", "learner", "widgets", "preview", "studio", "privacy")


@cache  # bounded by nature: two languages × seven parts
def strings(language: str, part: Part) -> Mapping[str, str]:
    """One part of a language's strings, keys flattened (``quiz.n``), missing keys filled in from zh.

    Read-only and shared: every page of every build in this process uses the same few tables.
    """
    return MappingProxyType({**flatten(read_file(FALLBACK)[part]), **flatten(read_file(language)[part])})
