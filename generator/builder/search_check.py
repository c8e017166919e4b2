"""The course site's search works, or the build stops and says how to fix it.

A course site searches with coursegen's own index (:mod:`.search_index`) in Material's search dialog,
replaced by ``templates/theme/partials/search.html`` (:data:`THEME`). Two things would make that search
silently absent or empty, which a trainer only notices in front of a class: a setting that leaves out
Material's search plugin, which parses the pages into sections and makes the theme show the search box
(MkDocs' own plugin shows no box in Material), and a project theme folder (``custom_dir``) whose own
``partials/search.html`` hides coursegen's dialog. Both are checked on the configuration MkDocs will
really use, inherited settings included, before anything is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError
from ..load.siteconfig import read_user_config
from ..messages import say

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

THEME = Path(str(resources.files("coursegen") / "templates" / "theme"))
"""coursegen's theme overrides for search: put right after the project's ``custom_dir``, before Material."""
DIALOG = "partials/search.html"

RECOMMENDED = """theme:
  name: material
plugins:
  - search"""
"""The settings the error message suggests (`coursegen new` writes them)."""


def prepare_search(config: MkDocsConfig, *, user_config: Path) -> bool:
    """Put coursegen's search dialog into the theme; ``False`` when the site has no search (plugin off).

    Raises :class:`UserError`, naming ``user_config`` (the file the trainer edits), when search is on but
    would not work.
    """
    from material.plugins.search import plugin as material_search

    search = next((p for p in config.plugins.values() if isinstance(p, material_search.SearchPlugin)), None)
    if search is None:
        if "search" in config.plugins:
            refuse(user_config, say("build.error.search_mkdocs_plugin"))
        return False
    if not search.config.enabled:
        return False
    theme = config.theme
    if theme.name != "material":
        refuse(user_config, say("build.error.search_theme", theme=theme.name))
    custom = [d for d in theme.dirs[:1] if theme.custom_dir and Path(d) == Path(theme.custom_dir)]
    theme.dirs.insert(len(custom), str(THEME))
    used = Path(theme.get_env().get_template(DIALOG).filename or "")
    if used.parent.parent != THEME:
        refuse(user_config, say("build.error.search_dialog", file=as_written(used, theme.custom_dir, user_config)))
    return True


def as_written(used: Path, workspace_theme: str | None, user_config: Path) -> Path:
    """The trainer's own file for a template found in the workspace's theme folder, which holds a copy of the
    project's ``custom_dir`` laid over coursegen's overrides: the trainer edits theirs, not the copy."""
    theme = read_user_config(user_config).get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if workspace_theme is None or not custom or not used.is_relative_to(workspace_theme):
        return used
    original = (user_config.parent / str(custom) / used.relative_to(workspace_theme)).resolve()
    return original if original.is_file() else used


def refuse(user_config: Path, problem: str) -> None:
    """Stop the build: the site's search would not work, for ``problem``."""
    raise UserError(
        f"{say('build.error.search', config=user_config)}\n  - {problem}\n{say('build.error.search_settings')}\n{RECOMMENDED}"
    )


@contextmanager
def sections_as_written() -> Iterator[None]:
    """Material's search plugin without jieba: the course's index compares characters, not words, so
    cutting every sentence into words (5 of a 1,000-lecture build's 60 CPU seconds) would be wasted."""
    from material.plugins.search import plugin as material_search

    jieba, material_search.jieba = material_search.jieba, None
    try:
        yield
    finally:
        material_search.jieba = jieba
