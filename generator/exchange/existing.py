"""``quiz import --force`` into a bank file that already exists: what the trainer wrote there survives or is listed.

An import changes the YAML file only where the imported bank differs from it (:func:`.yamlbank.dump_bank`), so its
comments, key order and quoting stay wherever nothing changed. Settings the imported file cannot hold (GIFT has no
pass mark, Moodle no ``feedback: immediate``) are kept from the file, and said so; a comment that goes with what
the imported bank no longer has (a question left out of the workbook), or every comment of a file that is not
YAML and is written anew, is listed with its line before anything is written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.error import YAMLError

from ..load.problems import CourseError, display_path
from ..messages import say
from ..model.quiz import QuizBank
from .common import Draft
from .report import Report
from .yamlbank import load_bank
from ..yamledit import Document, load

KEPT_SETTINGS = ("intro", "pass_mark", "shuffle", "feedback")
"""Bank settings some formats do not hold, so a re-import takes them from the file it replaces."""


@dataclass(frozen=True)
class Existing:
    """The bank file an import is about to rewrite: its text, its settings (None if it is no valid bank), and the
    document the import changes (None if it is not YAML, and is written anew)."""

    path: Path
    text: str
    bank: QuizBank | None
    document: Document | None

    @classmethod
    def read(cls, path: Path) -> Existing | None:
        """The bank at ``path``, None if there is no file."""
        if not path.is_file():
            return None
        try:
            text = path.read_text(encoding="utf-8")
            bank: QuizBank | None = load_bank(path)
        except (OSError, UnicodeDecodeError):
            return None
        except CourseError:
            bank = None
        try:
            document: Document | None = load(text)
        except YAMLError:
            document = None
        return cls(path, text, bank, document)

    def keep_settings(self, draft: Draft, source: Report) -> None:
        """Give ``draft`` the settings its file did not hold from the bank being replaced, each said in ``source``."""
        if self.bank is None:
            return
        defaults = QuizBank.model_fields
        for name in KEPT_SETTINGS:
            value = getattr(self.bank, name)
            if getattr(draft, name) is None and value != defaults[name].get_default():
                setattr(draft, name, value)
                source.warn(say("exchange.existing.kept", setting=name, value=_shown(value), source=source.source))

    def losses(self, written: str) -> Report:
        """One loss per comment of the file that ``written``, its new text, no longer has, at its line."""
        report = Report(display_path(self.path), "line")
        left = Counter(text for _, text in comments(written))
        for line, text in comments(self.text):
            if left[text]:
                left[text] -= 1
            elif self.document is not None:
                report.loss(say("exchange.existing.comment", comment=text), line=line)
            else:
                report.loss(say("exchange.existing.comment_rewritten", comment=text), line=line)
        return report


def comments(text: str) -> list[tuple[int, str]]:
    """``(line, text)`` of every YAML comment: what lies between the scanner's tokens, after a ``#``."""
    found: list[tuple[int, str]] = []
    end = (0, 0)
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            found += _in_gap(text, end, token.start_mark.index)
            end = (token.end_mark.index, token.end_mark.line)
    except yaml.YAMLError:
        return found
    return found


def _in_gap(text: str, end: tuple[int, int], start: int) -> list[tuple[int, str]]:

    """The comments in ``text[end:start]``, which holds only blanks, line breaks and comments."""
    index, line = end
    found = []
    for offset, piece in enumerate(text[index:start].split("\n")):
        if "#" in piece:
            found.append((line + offset + 1, piece.split("#", 1)[1].strip()))
    return found


def _shown(value: Any) -> str:
    """A setting's value as the trainer writes it in YAML: ``true``, ``70``, ``immediate``, an intro's first line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    first = str(value).strip().splitlines()[0] if str(value).strip() else ""
    return first if len(first) <= 30 else f"{first[:30]}…"
