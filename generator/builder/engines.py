"""Which program turns the generated workspace into a site: MkDocs (the default) or Zensical.

The trainer chooses with ``coursegen build --engine`` or, for every build of the project, in ``mkdocs.yml``::

    plugins:
      - coursegen:
          engine: zensical

Everything coursegen generates (pages, assets, navigation, theme overrides) is the same for both; only the
last step differs (:mod:`.mkdocs_build`, :mod:`.zensical_build`). What an engine cannot do is said before
anything is built (:func:`check_engine`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from ..errors import UserError
from ..load.problems import Problem
from ..load.siteconfig import read_user_config

Engine = Literal["mkdocs", "zensical"]
ENGINES: tuple[Engine, ...] = get_args(Engine)
NAMES: dict[Engine, str] = {"mkdocs": "MkDocs", "zensical": "Zensical"}
ENVIRONMENT = "COURSEGEN_ENGINE"
"""An environment variable naming the engine for every build in this shell, over ``mkdocs.yml``'s choice
(``--engine`` still wins): to try a course on Zensical, or run a course repository's CI on both engines."""


def configured_engine(user_config: Path) -> Engine:
    """The engine :data:`ENVIRONMENT` or else the project's ``mkdocs.yml`` chooses
    (``plugins: - coursegen: {engine: …}``); MkDocs if neither does."""
    chosen = os.environ.get(ENVIRONMENT, "").strip()
    if chosen:
        if chosen not in ENGINES:
            raise UserError(f"{ENVIRONMENT}={chosen}: not one of: {', '.join(ENGINES)}")
        return chosen
    if not user_config.is_file():
        return "mkdocs"  # the build says what is missing, after the course's own mistakes
    for entry in entries(read_user_config(user_config).get("plugins")):
        if isinstance(entry, dict) and isinstance(entry.get("coursegen"), dict):
            engine: object = entry["coursegen"].get("engine", "mkdocs")
            if engine not in ENGINES:
                raise UserError(f"{user_config}: plugin coursegen: engine `{engine}` is not one of: {', '.join(ENGINES)}")
            return engine
    return "mkdocs"


def check_engine(engine: Engine, user_config: Path) -> list[Problem]:
    """Refuse an engine that is not installed; warn of the trainer's settings it would ignore, at their line."""
    if engine == "mkdocs":
        return []
    try:
        from zensical.config import _PLUGIN_UNSUPPORTED_OPTIONS as zensical_plugins  # noqa: N811 - a local name, for Zensical's private constant
    except ImportError:
        raise UserError("Zensical is not installed; install it with: pip install -e '.[zensical]' "
                        "(or build with --engine mkdocs)") from None
    runs = {*zensical_plugins, "coursegen"}  # Zensical's own list of the plugins it implements; coursegen's work is done before
    if not user_config.is_file():
        return []
    user = read_user_config(user_config)
    ignored = [("hooks", str(h), "MkDocs hook") for h in entries(user.get("hooks"))]
    ignored += [("plugins", name, "MkDocs plugin") for name in map(entry_name, entries(user.get("plugins")))
                if name and name.removeprefix("material/").split("/")[0] not in runs]
    return [Problem(user_config, *_where(user_config, key, name), f"Zensical does not run the {what} `{name}`: "
                    "what it adds to the site is missing from a Zensical build", severity="warning")
            for key, name, what in ignored]


def entries(value: Any) -> list[Any]:
    """A plugin, extension or hook list as written (a mapping of them becomes a list of one-key mappings)."""
    if isinstance(value, dict):
        return [{k: v} for k, v in value.items()]
    return list(value) if isinstance(value, list) else []


def entry_name(entry: Any) -> str:
    """A plugin's or extension's name: the entry itself, or the key of its one-key mapping."""
    return entry if isinstance(entry, str) else str(next(iter(entry), "")) if isinstance(entry, dict) else ""


def _where(user_config: Path, key: str, name: str) -> tuple[int, int]:
    """Line and column of ``name`` in the top-level list ``key`` of ``user_config`` (1, 1 if not found)."""
    root = yaml.compose(user_config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    for k, value in root.value if isinstance(root, yaml.MappingNode) else []:
        if k.value != key:
            continue
        items = value.value if isinstance(value, yaml.SequenceNode) else [k for k, _ in value.value] if isinstance(value, yaml.MappingNode) else []
        for item in items:
            node = item.value[0][0] if isinstance(item, yaml.MappingNode) and item.value else item
            if isinstance(node, yaml.ScalarNode) and node.value == name:
                return node.start_mark.line + 1, node.start_mark.column + 1
    return 1, 1
