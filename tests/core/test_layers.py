"""The project's architecture, checked: no import cycles, and imports that flow one way, down the layers.

Each part of coursegen (a sub-package of ``generator/``, or a module at its top) sits in one layer, and may
import only parts of the layers below it::

    commands   cli, mkdocs_plugin, __main__                   what a trainer runs
    studio     studio                                         the live preview with editing on
    builder    builder; beside it hr, package, guide,         pages → a site; the homework report, SCORM,
               guide_site, scaffold                           the trainer's guide, a new course's files
    render     render; beside it importer, exchange           model → pages; outlines and question banks
                                                              → YAML and back, which need no pages
    load       load; beside it schema, guide_types            YAML → the validated model, and its description
    model      model                                          the pydantic models
    bottom     errors, site_paths, numerals, templating,      used by every layer (with the strings/ data,
               yamledit, atomic, cache, coursegen/__init__    which render reads), importing none of them

so data flows model → load → render → builder → studio → cli. Parts of one layer stay apart, except the few
:data:`SIDEWAYS` imports, each with its reason. The graph is read from the source with :mod:`ast`, lazy
imports inside functions and ``TYPE_CHECKING`` ones included: an import put off to run time is still a
dependency, and a cycle hidden that way returns as soon as someone moves the import to the top.
"""

from __future__ import annotations

import ast
import graphlib
import importlib
from collections.abc import Mapping
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
ROOT_PART = "__init__"
"""The part that stands for ``coursegen/__init__.py`` (``__version__``)."""

LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(layer.split())
    for layer in (
        f"{ROOT_PART} atomic cache catalogue choices errors messages site_paths numerals templating yamledit",
        "model",
        "load schema guide_types",
        "render importer exchange",
        "builder hr package guide guide_site scaffold",
        "studio",
        "cli mkdocs_plugin __main__",
    )
)
"""Bottom first; see the module's docstring."""

SIDEWAYS: Mapping[tuple[str, str], str] = {
    ("package", "builder"): "a SCORM package holds the site, built by the builder with directory URLs off",
    ("guide_site", "builder"): "the trainer's guide is a site too, made offline as a course's is",
    ("__main__", "cli"): "python -m coursegen runs the command",
    ("messages", "catalogue"): "the messages are the catalogue's `messages` part",
    ("cache", "atomic"): "a kept result is replaced in one step, as every file coursegen writes",
    ("cache", ROOT_PART): "a kept result is invalid under another coursegen version",
}
"""The imports allowed between parts of one layer: (importer, imported) → why."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(GENERATOR).with_suffix("").parts
    return ".".join(("coursegen", *(parts[:-1] if parts[-1] == "__init__" else parts)))


MODULES: dict[str, Path] = {_module_name(path): path for path in sorted(GENERATOR.rglob("*.py"))}


def _imported(name: str, path: Path) -> set[str]:
    """The coursegen modules ``name`` imports: ``from .x import y`` names ``….x.y`` when that is a module, else ``….x``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # one dot is the module's package, each further dot one package up
                base = ".".join(filter(None, (package.rsplit(".", node.level - 1)[0], node.module)))
            found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names)
    return {module for module in found if module in MODULES and module != name}


IMPORTS: dict[str, set[str]] = {name: _imported(name, path) for name, path in MODULES.items()}


def _part(module: str) -> str:
    """``coursegen.render.blanks.docx`` → ``render``; ``coursegen.site_paths`` → ``site_paths``."""
    return module.split(".")[1] if "." in module else ROOT_PART


def _between_parts(imports: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """The parts each part imports (itself left out), every part a key."""
    graph: dict[str, set[str]] = {}
    for module, targets in imports.items():
        graph.setdefault(_part(module), set()).update(_part(t) for t in targets if _part(t) != _part(module))
    return graph


PART_IMPORTS = _between_parts(IMPORTS)


def _cycle(graph: Mapping[str, set[str]]) -> str:
    """One import cycle of ``graph`` as ``a → b → a`` (a imports b, b imports a), or ``""`` when there is none."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        return " → ".join(reversed(error.args[1]))  # graphlib lists each node before the nodes that import it
    return ""


def test_the_graph_is_read_from_every_module() -> None:
    """A sanity check of the reader, so a change to it cannot silently empty the graph the other tests judge."""
    assert len(MODULES) > 50 and "coursegen.render.blanks.docx" in MODULES
    assert "coursegen.render.handin" in IMPORTS["coursegen.render.blanks.docx"]  # a relative import
    assert "coursegen.site_paths" in IMPORTS["coursegen.render.forms"]  # from .. import site_paths
    assert "coursegen" in IMPORTS["coursegen.render.forms"]  # from .. import __version__


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"coursegen.__main__"}))  # that one runs the command
def test_every_module_imports(name: str) -> None:
    """Every module the graph holds is one the installed package imports. In one process the order of imports
    can hide a cycle (a module half-imported by another is already in ``sys.modules``): the graph tests find those."""
    importlib.import_module(name)


def test_no_module_imports_itself_round_about() -> None:
    cycle = _cycle(IMPORTS)
    assert not cycle, f"import cycle: {cycle}"


def test_no_two_parts_import_each_other() -> None:
    """A cycle between sub-packages, even through modules that form none, means one of them is not a layer."""
    cycle = _cycle(PART_IMPORTS)
    assert not cycle, f"import cycle between parts: {cycle}"


def test_every_part_has_a_layer() -> None:
    placed = set().union(*LAYERS)
    assert set(PART_IMPORTS) == placed, "place each new part in LAYERS (and drop the ones gone)"


@pytest.mark.parametrize("part", sorted(set().union(*LAYERS)))
def test_a_part_imports_only_the_layers_below_it(part: str) -> None:
    level = next(i for i, layer in enumerate(LAYERS) if part in layer)
    allowed = set().union(*LAYERS[:level]) | {other for (importer, other) in SIDEWAYS if importer == part}
    wrong = {
        imported: sorted(m for m, targets in IMPORTS.items() if _part(m) == part and any(_part(t) == imported for t in targets))
        for imported in PART_IMPORTS.get(part, set()) - allowed
    }
    assert not wrong, f"{part} imports what its layer may not (imported part: importing modules): {wrong}"
