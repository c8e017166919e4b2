"""What rendering produces: pages, assets and navigation, independent of any builder."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Edition = Literal["trainee", "trainer"]


@dataclass(frozen=True)
class Page:
    """A generated Markdown page, at a path relative to the docs folder."""

    path: str
    title: str
    content: str
    source: Path | None = None
    """The YAML file the page came from (edit links, error messages)."""


@dataclass(frozen=True)
class Asset:
    """A static file the site needs, at a path relative to the docs folder."""

    path: str
    content: bytes
    every_page: bool = True
    """A script or stylesheet every page loads; ``False`` for one a single page fetches when it needs it."""


@dataclass(frozen=True)
class Theme:
    """What the generated mkdocs.yml tells Material and coursegen's overrides, besides pages and assets."""

    texts: dict[str, str] = field(default_factory=dict)
    """``extra.coursegen``: the overrides' texts; ``badge`` only in the trainer edition."""
    credit: bool = True
    """Whether the footer shows Material's credit when mkdocs.yml leaves ``extra.generator`` unset."""
    primary: str | None = None
    """The palette's primary colour instead of the course's own (the trainer edition's), or ``None``."""


NavEntry = tuple[str, "str | list[NavEntry]"]
"""(title, page path) or (title, children): MkDocs' ``nav`` shape."""


@dataclass
class Site:
    """Everything the generator hands to a builder."""

    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    nav: list[NavEntry] = field(default_factory=list)
    extra_css: list[str] = field(default_factory=list)
    extra_javascript: list[str] = field(default_factory=list)
    edition: Edition = "trainee"
    theme: Theme = field(default_factory=Theme)
    """Texts and settings for Material and coursegen's overrides of it."""

    def nav_config(self) -> list[dict[str, object]]:
        """The navigation as MkDocs' ``nav`` setting expects it."""
        return [_nav_item(entry) for entry in self.nav]


def _nav_item(entry: NavEntry) -> dict[str, object]:
    # Material writes menu titles into the page as HTML: a title is plain text, so its markup characters are escaped.
    title, target = entry
    title = html.escape(title, quote=False)
    if isinstance(target, str):
        return {title: target}
    return {title: [_nav_item(child) for child in target]}
