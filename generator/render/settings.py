"""The site's settings over the trainer's ``mkdocs.yml``: decided here, once, for every engine and build path.

The trainer's ``mkdocs.yml`` is the base of every build. What coursegen sets over it depends on the edition and on
what the trainer wrote: the hand-written pages an edition leaves out (``edition: trainer`` in a page's front
matter keeps it out of the trainee site: menu, folder and search index), the menu after the course's entries,
the trainer's own styles after coursegen's, the theme folders, the trainer edition's colour in each palette
scheme, the ``extra`` texts of coursegen's theme overrides; and, for every edition, the Markdown extensions every page
needs (:data:`MARKDOWN_EXTENSIONS`).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from ..load.siteconfig import SiteSettings
from .cjk import NAME as CJK_LINE_BREAKS
from .site import Edition, Settings, Theme

MARKDOWN_EXTENSIONS = (CJK_LINE_BREAKS,)
"""Markdown extensions every page needs, added to the trainer's list (Chinese lines joined without a space)."""
OVERRIDES = Path(str(resources.files("coursegen") / "theme"))
"""coursegen's templates over Material's (the 404 page, the heading links' tooltip, the trainer badge…)."""


def site_settings(user: SiteSettings, edition: Edition, theme: Theme) -> Settings:
    """What the site of ``edition`` sets over the trainer's settings ``user``."""
    trainer_only = user.trainer_only
    left_out = trainer_only if edition == "trainee" else ()
    nav = _without(user.items("nav"), set(left_out))
    placed = set(_nav_pages(nav))
    trainer_pages = trainer_only if edition == "trainer" else ()
    base = user.config.parent if user.config is not None else Path.cwd()
    return Settings(
        left_out=left_out,
        trainer_pages=trainer_pages,
        nav_after=nav + [page for page in trainer_pages if page not in placed],
        extra_css=[str(entry) for entry in user.items("extra_css")],
        extra_javascript=user.items("extra_javascript"),
        theme_dirs=(*_custom_dir(user, base), OVERRIDES),
        palette=_palette(theme, user),
        extra=_extra(theme, user),
        hooks=tuple((base / str(hook)).resolve() for hook in user.items("hooks")),
    )


def _custom_dir(user: SiteSettings, base: Path) -> list[Path]:
    custom = user.mapping("theme").get("custom_dir")
    folder = (base / str(custom)).resolve() if custom else None
    return [folder] if folder is not None and folder.is_dir() else []


def _palette(theme: Theme, user: SiteSettings) -> Any:
    """The trainer's palette with the edition's primary colour in every scheme (a list is replaced, not merged, by
    MkDocs: each scheme is rewritten), or ``None`` where the edition keeps the trainer's colours."""
    if not theme.primary:
        return None
    palette = user.mapping("theme").get("palette")
    if isinstance(palette, list):
        return [{**p, "primary": theme.primary} if isinstance(p, dict) else p for p in palette]
    return {**(palette if isinstance(palette, dict) else {}), "primary": theme.primary}


def _extra(theme: Theme, user: SiteSettings) -> dict[str, Any]:
    """The overrides' texts, and no theme credit unless the course's language shows it by default or the trainer
    set ``extra.generator`` themselves."""
    extra: dict[str, Any] = {"coursegen": theme.texts}
    if not theme.credit and "generator" not in user.mapping("extra"):
        extra["generator"] = False
    return extra


def _without(nav: list[Any], pages: set[str]) -> list[Any]:
    """The trainer's own ``nav`` less the entries of ``pages`` (an edition has no left-out page to link)."""
    kept: list[Any] = []
    for item in nav:
        if isinstance(item, str) and item in pages:
            continue
        if isinstance(item, dict):
            item = {k: _without(v, pages) if isinstance(v, list) else v for k, v in item.items() if not (isinstance(v, str) and v in pages)}
            if not item:
                continue
        kept.append(item)
    return kept


def _nav_pages(nav: Any) -> list[str]:
    """Every page path a ``nav`` setting names, however nested."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_pages(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_pages(item)]
    return []
