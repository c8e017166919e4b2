"""What coursegen says to trainers and HR, in the course's language: the ``messages`` part of the catalogue.

Every message of ``check``, ``build``, ``serve`` (and its overlay), ``import``, ``quiz import/export`` and
``homework report`` comes from :func:`say`, by key (``"yaml.tab"``) and arguments, never from a string in code:
a translator edits ``generator/strings/<language>.yml`` only, and a test fails when a key lacks a translation.

Which language: a command that works on a course speaks the course's (``language:`` in ``course.yml``); without a
course (an import, a report run elsewhere) coursegen speaks Chinese, its first language; ``coursegen --lang``
overrides both. The choice is made once per command (:func:`speak`), before anything is read, so every message of
a run — the loader's, the builder's, the preview overlay's — is in one language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

from .catalogue import FALLBACK, LANGUAGES, flatten, read_file

_spoken = [FALLBACK]
"""The language of this run's messages: one for the process (the live preview regenerates on another thread)."""
_chosen: list[str | None] = [None]
"""The language ``--lang`` chose, which no course overrides."""


@cache
def catalogue(language: str) -> Mapping[str, str]:
    """A language's messages, keys flattened (``yaml.tab``)."""
    return MappingProxyType(flatten(read_file(language)["messages"]))


def say(key: str, /, **args: object) -> str:
    """The message ``key`` in this run's language, its ``{placeholders}`` filled from ``args``."""
    return catalogue(_spoken[0])[key].format(**args)


def with_hint(text: str, hint: str | None) -> str:
    """``text`` with its fix on the next line, indented and labelled as every hint is (``    提示：…``), so the first
    line stays the one an editor jumps on; ``text`` alone without a hint."""
    return f"{text}\n    {say('problem.hint')}{hint}" if hint else text


def language() -> str:
    """This run's language."""
    return _spoken[0]


def choose(language: str | None) -> None:
    """``--lang``: the language of every message of this run, whatever the course says (``None``: the course's)."""
    _chosen[0] = language
    _spoken[0] = language or FALLBACK


def speak(course_dir: Path | None) -> str:
    """Speak the language of the course in ``course_dir`` (Chinese without one), unless ``--lang`` chose; return it."""
    _spoken[0] = _chosen[0] or course_language(course_dir)
    return _spoken[0]


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Messages in ``language`` for a while (tests, the guide's examples of messages in both languages)."""
    before = _spoken[0]
    _spoken[0] = language
    try:
        yield
    finally:
        _spoken[0] = before


def course_language(course_dir: Path | None) -> str:
    """The language ``course.yml`` names, for the messages about the very files being read (which may be broken):
    any failure, or a language coursegen has no messages in, means Chinese."""
    if course_dir is None:
        return FALLBACK
    try:
        data = yaml.safe_load((course_dir / "course.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return FALLBACK
    found = data.get("language") if isinstance(data, dict) else None
    return found if isinstance(found, str) and found in LANGUAGES else FALLBACK
