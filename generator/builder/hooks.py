"""MkDocs hooks the generated workspace's mkdocs.yml lists (``hooks:``), so any MkDocs run on it gets them.

Markdown extensions cannot be added through that file: it inherits the trainer's mkdocs.yml, and MkDocs
replaces an inherited list rather than extending it, so copying ``markdown_extensions`` would drop the
trainer's own settings (and the YAML tags some of them need). A hook adds to the loaded configuration instead.
MkDocs loads this module from its file path, outside the package: hence the absolute import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coursegen.render.cjk import NAME as CJK_LINE_BREAKS

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Join wrapped Chinese lines (:mod:`coursegen.render.cjk`) on every page, and give the heading links'
    tooltip the course's language unless the trainer set ``permalink_title`` for ``toc`` already."""
    extensions: list[str] = config["markdown_extensions"]
    if CJK_LINE_BREAKS not in extensions:
        extensions.append(CJK_LINE_BREAKS)
    title = (config["extra"].get("coursegen") or {}).get("permalink")
    toc = config["mdx_configs"].setdefault("toc", {})
    if title and toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = title
    return config
