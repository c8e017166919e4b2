"""The project's ``mkdocs.yml``, read for the few settings coursegen itself needs.

It lives with the loader, not the builder, because ``coursegen check`` needs the docs folder (to know
which hand-written pages and files a course text may link to) and must not import the builder or MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import UserError


class _UserConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for the few keys we need, tolerating MkDocs' and Material's custom tags."""


_UserConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_user_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise UserError(f"{path}: no MkDocs configuration here; run `coursegen new DIR` to start a course project")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UserConfigLoader)  # noqa: S506 - safe loader subclass
    except yaml.YAMLError as exc:
        raise UserError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping of MkDocs settings")
    return data


def docs_dir(config: Path, user: dict[str, Any] | None = None) -> Path:
    """The hand-written docs folder the project's ``mkdocs.yml`` names (``docs/`` beside it by default)."""
    settings = read_user_config(config) if user is None else user
    return (config.parent / str(settings.get("docs_dir", "docs"))).resolve()
