"""MkDocs' warnings about generated pages, told as the trainer's YAML file and line.

MkDocs names the page it built (``lectures/one.md``, ``handbook.md``): a file the trainer never wrote and
cannot open. A broken link or image is text the trainer wrote in a YAML file, so the warning is reported
where that text is, with MkDocs' own words kept for the detail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..load.problems import display_path
from ..messages import say
from ..render.site import Page

_LINK = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?:a link|an unrecognized relative link|an absolute link) '(?P<target>[^']+)'")


class WarningLocator:
    """Finds, for a warning about a link in a generated page, the YAML file and line the link was written at."""

    def __init__(self, pages: Iterable[Page]) -> None:
        self._sources = {page.path: page.source for page in pages if page.source is not None}
        self._texts: dict[Path, str] = {}

    def explain(self, messages: Iterable[str]) -> list[str]:
        """Each message, located where possible; a link reported on several pages (a lecture and the
        handbook that repeats it) is one message at the place it was written."""
        out: dict[str, None] = {}
        for message in messages:
            out.setdefault(self._locate(message) or message, None)
        return list(out)

    def _locate(self, message: str) -> str | None:
        found = _LINK.match(message)
        if found is None:
            return None
        page, target = found["page"], found["target"]
        own = self._sources.get(page)
        candidates = [own] if own is not None else []
        candidates += sorted({s for s in self._sources.values() if s != own}, key=str)
        # The handbook re-aims a lecture's relative links (``img/a.png`` becomes ``lectures/img/a.png``): the
        # address as written is then a tail of the one MkDocs names.
        parts = target.split("/")
        for written in ["/".join(parts[i:]) for i in range(len(parts))]:
            for source in candidates:
                where = self._find(source, written)
                if where is not None:
                    return f"{display_path(source)}:{where[0]}:{where[1]}: {say('build.error.link', target=written)}"
        return None

    def _find(self, source: Path, target: str) -> tuple[int, int] | None:
        if source not in self._texts:
            try:
                self._texts[source] = source.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                self._texts[source] = ""
        text = self._texts[source]
        at = text.find(f"({target}")  # the Markdown link or image, not the same words elsewhere in the text
        if at < 0:
            at = text.find(target)
        else:
            at += 1
        if at < 0:
            return None
        line = text.count("\n", 0, at) + 1
        return line, at - (text.rfind("\n", 0, at) + 1) + 1
