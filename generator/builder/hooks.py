"""MkDocs hooks the generated workspace's mkdocs.yml lists (``hooks:``), so any MkDocs run on it gets them.

Markdown extensions cannot be added through that file: it inherits the trainer's mkdocs.yml, and MkDocs
replaces an inherited list rather than extending it, so copying ``markdown_extensions`` would drop the
trainer's own settings (and the YAML tags some of them need). A hook adds to the loaded configuration instead.
MkDocs loads this module from its file path, outside the package: hence the absolute import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursegen.render.settings import MARKDOWN_EXTENSIONS

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The Markdown extensions the site description adds (Chinese lines joined), and the heading links'
    tooltip in the course's language unless the trainer set ``permalink_title`` for ``toc`` already."""
    extensions: list[str] = config["markdown_extensions"]
    extensions += [name for name in MARKDOWN_EXTENSIONS if name not in extensions]
    title = (config["extra"].get("coursegen") or {}).get("permalink")
    toc = config["mdx_configs"].setdefault("toc", {})
    if title and toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = title
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """``coursegen serve`` and ``coursegen studio`` ask MkDocs to rebuild when they have written the workspace, instead of
    MkDocs polling it (:mod:`coursegen.builder.mkdocs_serve`)."""
    from coursegen.builder.mkdocs_serve import on_serve as coursegen_on_serve

    result: LiveReloadServer = coursegen_on_serve(server, config)
    return result


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The theme's templates compiled once per process, not at every rebuild of ``coursegen serve``
    (:func:`coursegen.builder.mkdocs_serve.on_env`)."""
    from coursegen.builder.mkdocs_serve import on_env as coursegen_on_env

    result: Environment = coursegen_on_env(env)
    return result


def on_post_build(config: MkDocsConfig) -> None:
    """After a dirty rebuild of ``coursegen serve``, the search index lists each rebuilt page once
    (:func:`coursegen.builder.mkdocs_serve.before_search_index`)."""
    from coursegen.builder.mkdocs_serve import before_search_index

    before_search_index(config)


# Before Material's search plugin writes its index: what ``mkdocs.plugins.event_priority(50)`` sets, without importing
# MkDocs into the generator, which imports this module for its path.
on_post_build.mkdocs_priority = 50  # type: ignore[attr-defined]
