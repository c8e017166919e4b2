"""The trainer's guide for someone who installed coursegen with pip, readable without a network.

The guide's sources live in the repository's ``guide/`` folder; pyproject.toml maps the data-only package
``coursegen.guidebook`` to that folder, so a wheel carries ``coursegen/guidebook/{mkdocs.yml,docs/}``. A source
checkout or an editable install has no such folder inside the package and reads ``guide/`` directly.

``coursegen guide --open`` builds those pages into a site that works opened from ``file://`` (the same
adjustments as ``coursegen build --offline``: ``.html`` addresses, the search index as a script, the vendored
iframe-worker shim instead of a polyfill fetched from the internet) and opens it in the browser.
"""

from __future__ import annotations

import shutil
import tempfile
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import yaml

from .errors import UserError
from .messages import say

PACKAGED = "guidebook"
"""The guide's folder inside the installed ``coursegen`` package (see ``[tool.setuptools]`` in pyproject.toml)."""


def guide_root() -> Path:
    """The folder holding the guide's ``mkdocs.yml`` and ``docs/``: the packaged copy, else the checkout's."""
    packaged = Path(str(resources.files("coursegen"))) / PACKAGED
    checkout = Path(__file__).resolve().parents[1] / "guide"
    for root in (packaged, checkout):
        if (root / "mkdocs.yml").is_file() and (root / "docs" / "index.md").is_file():
            return root
    raise UserError(say("build.error.guide_missing", folder=packaged))


def default_site_dir() -> Path:
    """A per-version folder under the system's temporary folder: rebuilt on every ``--open``, never in a course project."""
    try:
        release = version("coursegen")
    except PackageNotFoundError:  # run from a checkout that was never installed
        release = "dev"
    return Path(tempfile.gettempdir()) / f"coursegen-guide-{release}"


def build_guide_site(site_dir: Path) -> Path:
    """Build the guide into ``site_dir`` for reading from ``file://``; return its ``index.html``.

    The sources are copied to a scratch folder first: an installed package may be read-only, and the
    shim has to sit among the pages.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .builder.offline import SHIM, finish_offline

    root = guide_root()
    with tempfile.TemporaryDirectory(prefix="coursegen-guide-src-") as scratch:
        work = Path(scratch)
        shutil.copytree(root / "docs", work / "docs")
        shim = work / "docs" / SHIM
        shim.parent.mkdir(parents=True, exist_ok=True)
        shim.write_bytes((resources.files("coursegen") / "assets" / "vendor" / "iframe-worker.js").read_bytes())
        config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
        extra = found if isinstance(found := config.get("extra"), dict) else {}
        config.update(
            docs_dir="docs",
            site_dir=str(site_dir.resolve()),
            use_directory_urls=False,
            extra={**extra, "polyfills": [SHIM]},
        )
        (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        build(load_config(str(work / "mkdocs.yml")))
    finish_offline(site_dir)
    return site_dir / "index.html"
