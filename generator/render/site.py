"""What rendering produces: one description of the site, independent of any builder.

Every way of building a course (the generated workspace MkDocs or Zensical builds, plain ``mkdocs build`` with
coursegen's plugin) reads this one description and decides nothing of its own: which pages a site has and
which hand-written ones an edition leaves out, its menu, scripts and styles, theme folders, palette, ``extra``
settings, Markdown extensions and hooks. That is what keeps a trainer-only page out of every trainee site.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..choices import Edition

__all__ = ["Asset", "Edition", "NavEntry", "Page", "Settings", "Site", "Theme"]


@dataclass(frozen=True)
class Page:
    """A generated Markdown page, at a path relative to the docs folder."""

    path: str
    title: str
    content: str
    source: Path | None = None
    """The YAML file the page came from (edit links, error messages)."""
    needs: tuple[str, ...] = ()
    """The parts of the site's scripts and styles it loads beyond every page's (:data:`coursegen.render.assets.PARTS`)."""


@dataclass(frozen=True)
class Asset:
    """A static file the site needs, at a path relative to the docs folder."""

    path: str
    content: bytes
    every_page: bool = True
    """A script or stylesheet every page loads; ``False`` for one the pages that need it load (a page's
    ``data-cg-load``, a widget's data)."""


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


@dataclass(frozen=True)
class Settings:
    """The site's settings over the trainer's ``mkdocs.yml``, decided from it and the edition (:mod:`.settings`)."""

    left_out: tuple[str, ...] = ()
    """Hand-written pages (paths in the docs folder) this edition leaves out: not in its folder, menu or search."""
    trainer_pages: tuple[str, ...] = ()
    """Hand-written trainer-only pages this edition has (the trainer edition's)."""
    nav_after: list[Any] = field(default_factory=list)
    """``nav`` entries after the course's: the trainer's own (less the pages left out), then the trainer-only pages
    their ``nav`` does not place."""
    extra_css: list[str] = field(default_factory=list)
    """The trainer's own stylesheets, after the course's (theirs can override coursegen's)."""
    extra_javascript: list[str] = field(default_factory=list)
    """The trainer's own scripts, after the course's."""
    theme_dirs: tuple[Path, ...] = ()
    """Template folders over Material's, the first winning: the trainer's ``custom_dir``, then coursegen's overrides."""
    palette: Any = None
    """``theme.palette`` in place of the trainer's (the trainer edition's colour, every scheme), or ``None``: theirs."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys set in ``extra`` over the trainer's: the overrides' texts, the theme credit's choice."""
    hooks: tuple[Path, ...] = ()
    """The trainer's own MkDocs hooks, as absolute paths."""


@dataclass
class Site:
    """Everything the generator hands to a builder."""

    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    nav: list[NavEntry] = field(default_factory=list)
    """The course's own menu entries (:attr:`Settings.nav_after` follows them)."""
    extra_css: list[str] = field(default_factory=list)
    """The course's stylesheets on every page (:attr:`Settings.extra_css` follows them)."""
    extra_javascript: list[str] = field(default_factory=list)
    edition: Edition = "trainee"
    theme: Theme = field(default_factory=Theme)
    """Texts and settings for Material and coursegen's overrides of it."""
    settings: Settings = field(default_factory=Settings)

    def nav_config(self) -> list[Any]:
        """The whole menu as MkDocs' ``nav`` setting expects it."""
        return [_nav_item(entry) for entry in self.nav] + self.settings.nav_after

    def all_css(self) -> list[str]:
        return self.extra_css + self.settings.extra_css

    def all_javascript(self) -> list[str]:
        return self.extra_javascript + self.settings.extra_javascript



def _nav_item(entry: NavEntry) -> dict[str, object]:
    # Material writes menu titles into the page as HTML: a title is plain text, so its markup characters are escaped.
    title, target = entry
    title = html.escape(title, quote=False)
    if isinstance(target, str):
        return {title: target}
    return {title: [_nav_item(child) for child in target]}
