"""The project's ``mkdocs.yml``, read for the few settings coursegen itself needs.

It lives with the loader, not the builder, because ``coursegen check`` needs the docs folder (to know
which hand-written pages and files a course text may link to) and must not import the builder or MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..messages import say
from .problems import CourseError, Problem
from .yamlfile import not_utf8
from .yamlsyntax import syntax_problem, unreadable_character


class _UserConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for the few keys we need, tolerating MkDocs' and Material's custom tags."""


_UserConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_user_config(path: Path) -> dict[str, Any]:
    """The trainer's ``mkdocs.yml`` as written; its mistakes said as the course files' are, at their line."""
    if not path.is_file():
        raise CourseError([Problem(path, 1, 1, say("course.config.missing"), say("course.config.missing_hint"))])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CourseError([not_utf8(path, raw, exc.start)]) from None
    try:
        data = yaml.load(text, Loader=_UserConfigLoader)  # noqa: S506 - safe loader subclass
    except yaml.MarkedYAMLError as exc:
        raise CourseError([syntax_problem(path, text, exc)]) from exc
    except yaml.reader.ReaderError as exc:
        raise CourseError([unreadable_character(path, text, exc)]) from exc
    if not isinstance(data, dict):
        raise CourseError([Problem(path, 1, 1, say("course.config.not_mapping"), say("course.config.not_mapping_hint"))])
    return data


def docs_dir(config: Path, user: dict[str, Any] | None = None) -> Path:
    """The hand-written docs folder the project's ``mkdocs.yml`` names (``docs/`` beside it by default)."""
    settings = read_user_config(config) if user is None else user
    return (config.parent / str(settings.get("docs_dir", "docs"))).resolve()


@dataclass(frozen=True)
class SiteSettings:
    """What the trainer's ``mkdocs.yml`` and ``docs/`` hold that the site description depends on.

    Read once, here, so that rendering decides the site's settings from the same facts whichever engine or path
    (``coursegen build``, plain ``mkdocs build`` with the plugin, Zensical) builds it.
    """

    config: Path | None = None
    """The trainer's ``mkdocs.yml``; ``None`` for a course rendered without a project (tests, tools)."""
    settings: dict[str, Any] = field(default_factory=dict)
    docs: Path = Path("docs")
    """The hand-written docs folder, resolved for a project."""
    trainer_only: tuple[str, ...] = ()
    """Hand-written pages (paths in ``docs``) whose front matter says ``edition: trainer``."""

    def items(self, key: str) -> list[Any]:
        """A list setting as written (``nav``, ``extra_css``, ``hooks``…), or an empty list."""
        value = self.settings.get(key)
        return list(value) if isinstance(value, list) else []

    def mapping(self, key: str) -> dict[str, Any]:
        """A mapping setting as written (``theme``, ``extra``), or an empty one."""
        value = self.settings.get(key)
        return value if isinstance(value, dict) else {}


def read_site_settings(config: Path) -> SiteSettings:
    """The project's settings and the editions of its hand-written pages."""
    settings = read_user_config(config)
    docs = docs_dir(config, settings)
    return SiteSettings(config.resolve(), settings, docs, tuple(trainer_only_pages(docs)))


def trainer_only_pages(docs: Path) -> list[str]:
    """The hand-written pages (paths relative to ``docs``) whose front matter says ``edition: trainer``."""
    if not docs.is_dir():
        return []
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if _front_matter(p).get("edition") == "trainer")


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.startswith("---"):
        return {}
    head, sep, _ = text[3:].partition("\n---")
    try:
        data = yaml.safe_load(head) if sep else None
    except yaml.YAMLError:
        return {}  # MkDocs reports a broken front matter itself
    return data if isinstance(data, dict) else {}


def entries(value: Any) -> list[Any]:
    """A plugin, extension or hook list as written (a mapping of them becomes a list of one-key mappings)."""
    if isinstance(value, dict):
        return [{k: v} for k, v in value.items()]
    return list(value) if isinstance(value, list) else []


def entry_name(entry: Any) -> str:
    """A plugin's or extension's name: the entry itself, or the key of its one-key mapping."""
    return entry if isinstance(entry, str) else str(next(iter(entry), "")) if isinstance(entry, dict) else ""
