"""Which program turns the generated workspace into a site: MkDocs (the default) or Zensical.

The trainer chooses with ``coursegen build --engine`` or, for every build of the project, in ``mkdocs.yml``::

    plugins:
      - coursegen:
          engine: zensical

Everything coursegen generates (pages, assets, navigation, theme overrides) is the same for both; only the
last step differs (:mod:`.mkdocs_build`, :mod:`.zensical_build`), behind one :class:`Engine` object. What an
engine cannot do is said before anything is built (:func:`resolve_engine`).
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from ..choices import ENGINES, EngineName
from ..errors import UserError
from ..load.problems import Problem
from ..load.siteconfig import SiteSettings, entries, entry_name, read_user_config
from ..messages import say
from ..render.site import Site

ENVIRONMENT = "COURSEGEN_ENGINE"
"""An environment variable naming the engine for every build in this shell, over ``mkdocs.yml``'s choice
(``--engine`` still wins): to try a course on Zensical, or run a course repository's CI on both engines."""


@dataclass(frozen=True)
class Engine(ABC):
    """The program that builds and serves a generated workspace, resolved once per command (:func:`resolve_engine`).

    Everything that differs between engines is here; the rest of coursegen asks the object, never its name.
    """

    warnings: list[Problem] = field(default_factory=list)
    """The trainer's settings this engine ignores, at their line in ``mkdocs.yml``."""
    name: ClassVar[EngineName]
    label: ClassVar[str]
    """The engine's name as the trainer reads it in progress lines."""
    reloads_on_first_file: ClassVar[bool] = False
    """Whether the engine's preview reloads the browser on the first changed file of a rebuild (Zensical) rather than
    once the rebuild is done (MkDocs): the live preview then writes the overlay's data after the pages."""

    @abstractmethod
    def build(self, site: Site, config: Path, site_dir: Path, user: SiteSettings, *, strict: bool = True) -> list[str]:
        """Build the workspace whose settings are ``config`` into ``site_dir``, keeping the last good site on any
        failure; what the engine warned of, when the build went on."""

    @abstractmethod
    def serve(self, config: Path, dev_addr: str, *, ready: Callable[[str], None] = lambda _: None) -> None:
        """The engine's live preview of the workspace whose settings are ``config``, until Ctrl-C; ``ready`` gets the
        preview's address once it is served, unless the engine prints it itself (Zensical). Both engines rebuild
        just the pages whose files a save changed (MkDocs all of them when the menu changed)."""

    @abstractmethod
    def prepare_preview(self, config: Path) -> None:
        """Bring the engine's own settings up to date with the workspace's before (and while) it serves."""

    def preview_written(self, config: Path, *, whole: bool) -> None:
        """The live preview has written (some of) the workspace whose settings are ``config``, and every page must be
        rebuilt (``whole``: the menu changed) or only those written: nothing, for an engine that watches the workspace
        itself and finds which pages a changed menu concerns (Zensical)."""
        return None


class MkDocsEngine(Engine):
    name = "mkdocs"
    label = "MkDocs"

    def build(self, site: Site, config: Path, site_dir: Path, user: SiteSettings, *, strict: bool = True) -> list[str]:
        from .located import WarningLocator
        from .mkdocs_build import build_site

        build_site(config, site_dir, strict=strict, explain=WarningLocator(site.pages).explain, course_search=user.config)
        return []

    def serve(self, config: Path, dev_addr: str, *, ready: Callable[[str], None] = lambda _: None) -> None:
        from .mkdocs_serve import serve_with_mkdocs

        serve_with_mkdocs(config, dev_addr, ready=ready)

    def prepare_preview(self, config: Path) -> None:
        """Nothing: MkDocs serves the workspace's ``mkdocs.yml`` itself."""
        return None

    def preview_written(self, config: Path, *, whole: bool) -> None:
        """Rebuild now if the workspace changed, rather than when MkDocs' polling would find it (:mod:`.mkdocs_serve`)."""
        from .mkdocs_serve import written

        written(config, whole=whole)


class ZensicalEngine(Engine):
    name = "zensical"
    label = "Zensical"
    reloads_on_first_file = True

    def build(self, site: Site, config: Path, site_dir: Path, user: SiteSettings, *, strict: bool = True) -> list[str]:
        from .zensical_build import build_with_zensical

        return build_with_zensical(config, site_dir, strict=strict, docs=user.docs)

    def serve(self, config: Path, dev_addr: str, *, ready: Callable[[str], None] = lambda _: None) -> None:
        from .zensical_build import serve_with_zensical

        serve_with_zensical(config, dev_addr)

    def prepare_preview(self, config: Path) -> None:
        """Zensical reads its own settings file, made from the workspace's ``mkdocs.yml`` (a new lecture is a new menu entry)."""
        from .zensical_config import write_config

        write_config(config, course_search=False)


def resolve_engine(chosen: EngineName | None, user_config: Path) -> Engine:
    """The engine ``chosen`` (``--engine``), else :data:`ENVIRONMENT`'s, else the project's ``mkdocs.yml``'s
    (``plugins: - coursegen: {engine: …}``), else MkDocs; refused if it is not installed, with the trainer's
    settings it would ignore among its :attr:`~Engine.warnings`."""
    name = chosen or configured_engine(user_config)
    if name == "mkdocs":
        return MkDocsEngine()
    return ZensicalEngine(_zensical_ignores(user_config))


def configured_engine(user_config: Path) -> EngineName:
    """The engine :data:`ENVIRONMENT` or else the project's ``mkdocs.yml`` chooses; MkDocs if neither does."""
    chosen = os.environ.get(ENVIRONMENT, "").strip()
    if chosen:
        return engine_name(chosen, f"{ENVIRONMENT}={chosen}")
    if not user_config.is_file():
        return "mkdocs"  # the build says what is missing, after the course's own mistakes
    for entry in entries(read_user_config(user_config).get("plugins")):
        if isinstance(entry, dict) and isinstance(entry.get("coursegen"), dict):
            engine = entry["coursegen"].get("engine", "mkdocs")
            line, col = _engine_at(user_config)
            return engine_name(engine, say("build.error.engine_setting", config=f"{user_config}:{line}:{col}", engine=engine))
    return "mkdocs"


def engine_name(value: Any, where: str) -> EngineName:
    """``value`` as an engine's name, or a :class:`UserError` that names ``where`` it was written."""
    for name in ENGINES:
        if value == name:
            return name
    raise UserError(say("build.error.engine", where=where, choices=say("build.list").join(ENGINES)))


def _zensical_ignores(user_config: Path) -> list[Problem]:
    """Refuse Zensical when it is not installed; warn of the trainer's settings it would ignore, at their line."""
    try:
        from zensical.config import _PLUGIN_UNSUPPORTED_OPTIONS as zensical_plugins  # noqa: N811 - a local name, for Zensical's private constant
    except ImportError:
        raise UserError(say("build.error.zensical_missing")) from None
    runs = {*zensical_plugins, "coursegen"}  # Zensical's own list of the plugins it implements; coursegen's work is done before
    if not user_config.is_file():
        return []
    user = read_user_config(user_config)
    ignored = [("hooks", str(h), say("build.error.zensical_hook", name=h)) for h in entries(user.get("hooks"))]
    ignored += [("plugins", name, say("build.error.zensical_plugin", name=name)) for name in map(entry_name, entries(user.get("plugins")))
                if name and name.removeprefix("material/").split("/")[0] not in runs]
    return [Problem(user_config, *_where(user_config, key, name), message, say("build.error.zensical_hint"), severity="warning")
            for key, name, message in ignored]


def _engine_at(user_config: Path) -> tuple[int, int]:
    """Line and column of the value of ``engine:`` under ``plugins: - coursegen:`` in ``user_config`` (1, 1 if not found)."""
    root = yaml.compose(user_config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    plugins = next((v for k, v in root.value if k.value == "plugins"), None) if isinstance(root, yaml.MappingNode) else None
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        settings = item.value[0][1] if isinstance(item, yaml.MappingNode) and item.value and item.value[0][0].value == "coursegen" else None
        for key, value in settings.value if isinstance(settings, yaml.MappingNode) else []:
            if key.value == "engine":
                return value.start_mark.line + 1, value.start_mark.column + 1
    return 1, 1


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
