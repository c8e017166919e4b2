"""The settings a Zensical build of a generated workspace reads (:mod:`.zensical_build` runs it).

Zensical reads ``mkdocs.yml`` but runs no MkDocs plugin and no hook, and it resolves ``INHERIT`` by appending
lists (the trainer's ``nav`` and ``extra_css`` would come twice, in the wrong order). So it gets a settings file
of its own, ``zensical.yml`` beside the workspace's ``mkdocs.yml``, with everything already merged as MkDocs
would merge it and with what :mod:`.hooks` would add to MkDocs' configuration written out:

- the trainer's ``mkdocs.yml`` first, YAML tags kept as written (``!ENV``, ``!!python/name:`` for emoji), then
  the workspace's settings over it (dictionaries merged, everything else replaced: MkDocs' ``INHERIT`` rule);
- the Chinese line joining (:mod:`coursegen.render.cjk`) added to ``markdown_extensions``, and the heading
  links' tooltip, as the hook does;
- the ``classic`` look (Material's) unless the trainer chose a ``variant``: coursegen's styles and its search
  dialog are made for it;
- a theme folder of its own (``theme-zensical/``): the workspace's overrides plus coursegen's search dialog,
  which MkDocs gets as a second theme folder (:mod:`.search_check`) and Zensical, with one folder, cannot;
  with Material's styles for that dialog (:func:`material_search_css`), which Zensical's stylesheets lack;
- an output folder inside the workspace (:data:`OUTPUT`): Zensical builds only below its settings file's folder.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .. import atomic
from ..load.siteconfig import entries, entry_name
from ..messages import say
from ..render.settings import MARKDOWN_EXTENSIONS
from ..site_paths import SEARCH_DIALOG_CSS as SEARCH_CSS
from .search_check import DIALOG, THEME, as_written, refuse
from .workspace import sync

CONFIG = "zensical.yml"
OUTPUT = "site-zensical"
"""Zensical's output folder inside the workspace, moved to the site folder after each build (Zensical's cache,
``.cache/`` beside it, stays)."""
THEME_FOLDER = "theme-zensical"


class Tagged:
    """A YAML value with a tag PyYAML's safe loader does not know, kept to be written back the same way."""

    def __init__(self, tag: str, node: yaml.Node, value: Any) -> None:
        self.tag, self.kind, self.value = tag, type(node), value


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser where PyYAML was built with it: a 200-lecture menu read in a fifth of the time."""


def _tagged(loader: yaml.constructor.SafeConstructor, tag: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, node, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(tag, node, loader.construct_mapping(node, deep=True))
    return Tagged(tag, node, loader.construct_scalar(node))  # type: ignore[arg-type]


_Loader.add_multi_constructor("", _tagged)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter where PyYAML was built with it (as :mod:`.workspace`'s): the same text, sooner."""


def _represent(dumper: yaml.representer.SafeRepresenter, data: Tagged) -> yaml.Node:
    if data.kind is yaml.SequenceNode:
        return dumper.represent_sequence(data.tag, data.value)
    if data.kind is yaml.MappingNode:
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Dumper.add_representer(Tagged, _represent)


def _load(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader that constructs nothing
    return data if isinstance(data, dict) else {}


def _inherited(path: Path) -> tuple[dict[str, Any], list[Path]]:
    """The settings in ``path`` over those of the file its ``INHERIT`` names (relative to its folder), and so on;
    with the files read, the first last (the trainer's ``mkdocs.yml`` ends the chain of a generated workspace)."""
    settings = _load(path)
    parent = settings.pop("INHERIT", None)
    if not isinstance(parent, str):
        return settings, [path]
    inherited, chain = _inherited((path.parent / parent).resolve())
    return merged(inherited, settings), [path, *chain]


def merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """``child`` over ``parent`` as MkDocs merges an ``INHERIT``: dictionaries key by key, everything else replaced."""
    out = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def write_config(workspace_config: Path, *, course_search: bool = True) -> Path:
    """Write ``zensical.yml`` (and its theme folder) beside the workspace's ``mkdocs.yml``; return its path.

    ``course_search``: the site gets coursegen's search dialog, whose index the build makes afterwards; the
    live preview has no such step and keeps Zensical's own search (as ``coursegen serve`` keeps Material's).
    Rewritten only when its content changes, so Zensical's preview server does not rebuild for nothing.
    """
    workspace = workspace_config.parent
    config, chain = _inherited(workspace_config)
    user_config = chain[-1]
    config.pop("hooks", None)
    config["site_dir"] = OUTPUT
    config["plugins"] = [p for p in entries(config.get("plugins")) if entry_name(p) != "coursegen"]
    extensions = entries(config.get("markdown_extensions"))
    extensions += [name for name in MARKDOWN_EXTENSIONS if name not in map(entry_name, extensions)]
    config["markdown_extensions"] = [_with_permalink_title(e, config) for e in extensions]
    theme = config["theme"] = dict(config.get("theme") or {})
    theme.setdefault("variant", "classic")
    theme_out = workspace / THEME_FOLDER
    files = {theme_out / p.relative_to(workspace / "theme"): p.read_bytes() for p in (workspace / "theme").rglob("*") if p.is_file()}
    own = workspace / "theme" / DIALOG
    if own.is_file() and course_search:  # the trainer's custom_dir replaces the dialog: the course's search would never be asked
        refuse(user_config, say("build.error.search_dialog", file=as_written(own, str(workspace / "theme"), user_config)))
    if course_search:
        files[theme_out / DIALOG] = (THEME / DIALOG).read_bytes()
        atomic.write_if_changed(workspace / "docs" / SEARCH_CSS, material_search_css(), dir=workspace)
        config["extra_css"] = [SEARCH_CSS, *entries(config.get("extra_css"))]
    sync(theme_out, files)
    theme["custom_dir"] = THEME_FOLDER
    text = "# Generated by coursegen for Zensical; do not edit.\n" + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    path = workspace / CONFIG
    atomic.write_if_changed(path, text.encode("utf-8"))
    return path


def _with_permalink_title(entry: Any, config: dict[str, Any]) -> Any:
    """``toc`` with the heading links' tooltip in the course's language, unless the trainer set one (as :mod:`.hooks`)."""
    title = ((config.get("extra") or {}).get("coursegen") or {}).get("permalink")
    if entry_name(entry) != "toc" or not isinstance(entry, dict) or not isinstance(entry["toc"], dict):
        return entry
    toc = entry["toc"]
    if title and toc.get("permalink") and "permalink_title" not in toc:
        return {"toc": {**toc, "permalink_title": title}}
    return entry


@functools.cache
def material_search_css() -> bytes:
    """Every rule of Material's installed stylesheet whose selector names ``md-search`` (the dialog, its form and
    results), inside the ``@media`` blocks it stands in; the theme's colour variables come from Zensical's classic look."""
    folder = resources.files("material") / "templates" / "assets" / "stylesheets"
    sheet = next(f for f in folder.iterdir() if f.name.startswith("main.") and f.name.endswith(".min.css"))
    return (_search_rules(sheet.read_text(encoding="utf-8")) + _SHOWN_ON_PHONES).encode("utf-8")


_SHOWN_ON_PHONES = "@media screen and (max-width:59.984375em){.md-search[data-cg-search]{display:block}}"
"""Zensical's stylesheet hides every ``.md-search`` below 60em (its own search opens elsewhere there);
coursegen's dialog is the phone header's magnifier, as in Material."""


_SEARCH_PROPERTY = re.compile(r"--md-search[\w-]*:(?:\"[^\"]*\"|'[^']*'|[^;\"'])*")
"""A custom property of the dialog's declared on ``:root`` (the result's page icon, ``--md-search-result-icon``),
quoted values (an SVG address holds ``;``) read whole: without it Zensical drew each icon as a grey square."""


def _search_rules(css: str) -> str:
    kept = []
    for prelude, body in _blocks(css):
        if prelude.startswith(("@media", "@supports")):
            inner = _search_rules(body)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif not prelude.startswith("@") and "md-search" in prelude:
            kept.append(f"{prelude}{{{body}}}")
        elif not prelude.startswith("@") and (properties := _SEARCH_PROPERTY.findall(body)):
            kept.append(f"{prelude}{{{';'.join(properties)}}}")
    return "".join(kept)


def _blocks(css: str) -> Iterator[tuple[str, str]]:
    """The top-level ``prelude { body }`` blocks of a stylesheet (statements like ``@charset …;`` and comments
    skipped), braces inside strings and comments ignored."""
    start, depth, i, prelude, opened = 0, 0, 0, "", 0
    while i < len(css):
        ch = css[i]
        if ch in "\"'":
            i = css.find(ch, i + 1) + 1 or len(css)  # minified CSS escapes no quote inside a string it quotes
            continue
        if css.startswith("/*", i):
            i = css.find("*/", i + 2) + 2 or len(css)
            continue
        if ch == ";" and depth == 0:
            start = i + 1
        elif ch == "{":
            if depth == 0:
                prelude, opened = css[start:i].strip(), i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                yield prelude, css[opened:i]
                start = i + 1
        i += 1


def searching(config: Path) -> bool:
    """Whether the site has search (Zensical writes its index only then), so a missing index is an error."""
    return any(entry_name(p) in ("search", "material/search") for p in entries(_load(config).get("plugins")))
