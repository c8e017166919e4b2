"""Build a generated workspace with Zensical, the successor of Material for MkDocs, instead of MkDocs.

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
- an output folder inside the workspace (Zensical builds only below its settings file's folder), copied to
  the site folder when the build succeeded, so the last good site survives any failure.

Zensical writes its own search index (``search.json``); coursegen's index is made from it
(:func:`~.search_index.write_search_index`) and Zensical's removed, as with Material's.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import UserError
from ..load.problems import display_path
from ..render.cjk import NAME as CJK_LINE_BREAKS
from .engines import entries, entry_name
from .mkdocs_build import swap
from .search_check import DIALOG, THEME, as_written, refuse
from .search_index import ZENSICAL, write_search_index
from .workspace import sync

CONFIG = "zensical.yml"
OUTPUT = "site-zensical"
"""Zensical's output folder inside the workspace; it stays there between builds, with Zensical's cache."""
THEME_FOLDER = "theme-zensical"


class Tagged:
    """A YAML value with a tag PyYAML's safe loader does not know, kept to be written back the same way."""

    def __init__(self, tag: str, node: yaml.Node, value: Any) -> None:
        self.tag, self.kind, self.value = tag, type(node), value


class _Loader(yaml.SafeLoader):
    pass


def _tagged(loader: yaml.SafeLoader, tag: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, node, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(tag, node, loader.construct_mapping(node, deep=True))
    return Tagged(tag, node, loader.construct_scalar(node))  # type: ignore[arg-type]


_Loader.add_multi_constructor("", _tagged)


class _Dumper(yaml.SafeDumper):
    pass


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
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
    if CJK_LINE_BREAKS not in map(entry_name, extensions):
        extensions.append(CJK_LINE_BREAKS)
    config["markdown_extensions"] = [_with_permalink_title(e, config) for e in extensions]
    theme = config["theme"] = dict(config.get("theme") or {})
    theme.setdefault("variant", "classic")
    theme_out = workspace / THEME_FOLDER
    files = {theme_out / p.relative_to(workspace / "theme"): p.read_bytes() for p in (workspace / "theme").rglob("*") if p.is_file()}
    own = workspace / "theme" / DIALOG
    if own.is_file() and course_search:  # the trainer's custom_dir replaces the dialog: the course's search would never be asked
        refuse(user_config, f"{as_written(own, str(workspace / 'theme'), user_config)} replaces the search dialog the "
                            "course's search needs: remove it, or rename it")
    if course_search:
        files[theme_out / DIALOG] = (THEME / DIALOG).read_bytes()
        _write_if_changed(workspace / "docs" / SEARCH_CSS, material_search_css())
        config["extra_css"] = [SEARCH_CSS, *entries(config.get("extra_css"))]
    sync(theme_out, files)
    theme["custom_dir"] = THEME_FOLDER
    text = "# Generated by coursegen for Zensical; do not edit.\n" + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    path = workspace / CONFIG
    _write_if_changed(path, text.encode("utf-8"))
    return path


def _write_if_changed(path: Path, content: bytes) -> None:
    if not path.is_file() or path.read_bytes() != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _with_permalink_title(entry: Any, config: dict[str, Any]) -> Any:
    """``toc`` with the heading links' tooltip in the course's language, unless the trainer set one (as :mod:`.hooks`)."""
    title = ((config.get("extra") or {}).get("coursegen") or {}).get("permalink")
    if entry_name(entry) != "toc" or not isinstance(entry, dict) or not isinstance(entry["toc"], dict):
        return entry
    toc = entry["toc"]
    if title and toc.get("permalink") and "permalink_title" not in toc:
        return {"toc": {**toc, "permalink_title": title}}
    return entry


def build_with_zensical(workspace_config: Path, site_dir: Path, *, strict: bool = True, docs: Path | None = None) -> list[str]:
    """Build the workspace with Zensical and publish it to ``site_dir``; Zensical's warnings, as ``file:line:col``.

    A failed build (Zensical's error, or a warning under ``strict``) leaves ``site_dir`` as it was. ``docs``: the
    trainer's docs folder, to name their file rather than the workspace's copy of it.
    """
    import zensical

    config = write_config(workspace_config)
    output = config.parent / OUTPUT
    with _captured() as printed:
        try:
            zensical.build(str(config.resolve()), {"clean": False, "strict": strict})
            failure = None
        except Exception as exc:  # noqa: BLE001 - Zensical raises RuntimeError and its own errors from Rust
            failure = exc
    warnings = diagnostics("".join(printed), workspace_config.parent / "docs", docs)
    if failure is not None:
        reason = str(failure)
        if "--strict" in reason:  # coursegen builds strictly by default: the trainer set no flag
            reason = "a warning stops the build (--no-strict lets warnings pass)"
        details = "\n".join(f"  {m}" for m in [*warnings, reason])
        raise UserError(f"Zensical could not build the site; {site_dir.name}/ was left as it was.\n{details}") from failure
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        shutil.copytree(output, staging, dirs_exist_ok=True)
        if (staging / ZENSICAL.path).is_file() or _searching(config):
            write_search_index(staging, ZENSICAL)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap(staging, site_dir)
    return warnings


def serve_with_zensical(workspace_config: Path, dev_addr: str) -> None:
    """Zensical's live preview of the workspace, until Ctrl-C: it rebuilds the pages that changed on disk.

    The caller keeps the workspace (and, through :func:`write_config`, ``zensical.yml``) in step with the course.
    """
    import zensical

    config = write_config(workspace_config, course_search=False)
    zensical.serve(str(config.resolve()), {"dev_addr": dev_addr, "open": False, "strict": False})


SEARCH_CSS = "assets/coursegen/cg-search-dialog.css"
"""Material's styles for its search dialog, which coursegen's dialog wears: Zensical's stylesheets, made for
Zensical's own search, have none of them."""


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


def _search_rules(css: str) -> str:
    kept = []
    for prelude, body in _blocks(css):
        if prelude.startswith(("@media", "@supports")):
            inner = _search_rules(body)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif not prelude.startswith("@") and "md-search" in prelude:
            kept.append(f"{prelude}{{{body}}}")
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


def _searching(config: Path) -> bool:
    """Whether the site has search (Zensical writes its index only then), so a missing index is an error."""
    return any(entry_name(p) in ("search", "material/search") for p in entries(_load(config).get("plugins")))


@contextmanager
def _captured() -> Iterator[list[str]]:
    """What Zensical prints while it runs (its Rust core writes to the process's descriptors 1 and 2 directly,
    past ``sys.stdout``): the list gets it as one text for :func:`diagnostics` instead of the terminal."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    printed: list[str] = []
    with tempfile.TemporaryFile("w+b") as out:
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
        try:
            yield printed
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)
            out.seek(0)
            printed.append(out.read().decode("utf-8", errors="replace"))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_DIAGNOSTIC = re.compile(r"^(Warning|Error):\s*(.+?)\n(?:.*\n)*?.*?\[\s*(\S+?):(\d+):(\d+)\s*\]", re.MULTILINE)


def diagnostics(printed: str, workspace_docs: Path, docs: Path | None) -> list[str]:
    """Zensical's warnings as one line each, ``file:line:col: message``, naming the trainer's own file when the
    page is one of theirs (the workspace holds a copy), else the generated page."""
    text = _ANSI.sub("", printed)
    found = []
    for kind, message, path, line, col in _DIAGNOSTIC.findall(text):
        own = docs / path if docs is not None and (docs / path).is_file() else workspace_docs / path
        label = "" if kind == "Error" else "warning: "
        found.append(f"{display_path(own)}:{line}:{col}: {label}{message}")
    return found
