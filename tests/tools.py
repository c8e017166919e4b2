"""The outside tools some tests need, and the one place that skips those tests when a tool is missing.

* ``@pytest.mark.browser``: the test drives Debian's Chromium (through Playwright, or through a command
  such as ``coursegen handbook`` that launches it). Skipped when ``/usr/bin/chromium`` or the Python
  package playwright is missing.
* ``@pytest.mark.node("axe-core", ...)``: the test needs Node.js and the named npm packages of
  ``tests/js`` (see ``tests/jstools.py``); ``@pytest.mark.node`` alone needs Node.js only. Skipped when
  ``node`` is not on the PATH or a package is not in ``tests/js/node_modules``.
* ``@pytest.mark.python("zensical", ...)``: the test needs these Python packages (or modules), which an
  install without all of the project's extras may lack. Skipped when one cannot be found.
* ``@pytest.mark.lrs``: the test runs a real Learning Record Store, Ralph, from its own virtual environment
  ``.venv-lrs`` (see ``tests/lrs.py``). Skipped when that environment is missing.

The markers are declared in pyproject.toml, the one list ``--strict-markers`` checks them against.

``tests/conftest.py`` calls :func:`apply_markers` on every collected test. A test that uses one of the
fixtures in :data:`FIXTURE_NEEDS` without the matching marker stops the run with a usage error, so a
new browser or Node.js test cannot forget its marker.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from tests import jstools
from tests.lrs import missing_lrs

CHROMIUM = Path("/usr/bin/chromium")
PLAYWRIGHT = "playwright"
NODE = "node"

REQUIRE_TOOLS = "COURSEGEN_REQUIRE_TOOLS"
"""Set by CI (.ci/run): a machine that has lost a tool must fail the run, not go green with tests skipped."""

FIXTURE_NEEDS: dict[str, tuple[str, str | None]] = {
    "browser": ("browser", None),  # tests/browser/conftest.py; ``page`` uses it
    "axe": ("node", "axe-core"),  # tests/browser/test_a11y.py
    "scorm12_js": ("node", "scorm-again"),  # tests/browser/test_scorm.py; ``lms_url`` uses it
    "gift_pegjs": ("node", "gift-pegjs"),  # tests/exchange/conftest.py
    "lrs": ("lrs", None),  # tests/conftest.py
}
"""Fixture → (marker, npm package) a test using that fixture must carry."""


def missing_browser() -> str | None:
    """Why a ``browser`` test cannot run here, or ``None``."""
    if not CHROMIUM.is_file():
        return f"needs Chromium at {CHROMIUM}, which is missing (Debian: apt-get install chromium)"
    return missing_python((PLAYWRIGHT,))


def missing_python(packages: tuple[str, ...]) -> str | None:
    """Why a test needing the Python ``packages`` cannot run here, or ``None``."""
    absent = [p for p in packages if importlib.util.find_spec(p) is None]
    if absent:
        return f"needs the Python package {', '.join(absent)}, which is not installed (pip install -e '.[test]')"
    return None


def missing_node(packages: tuple[str, ...]) -> str | None:
    """Why a ``node`` test needing ``packages`` cannot run here, or ``None``."""
    if shutil.which(NODE) is None:
        return f"needs Node.js: `{NODE}` is not on the PATH (Debian: apt-get install nodejs npm)"
    absent = [p for p in packages if not (jstools.NODE_MODULES / p / "package.json").is_file()]
    if absent:
        return f"needs {', '.join(absent)} in {jstools.NODE_MODULES}, which is missing (npm ci --prefix tests/js)"
    return None


def _missing(item: pytest.Item) -> str | None:
    if item.get_closest_marker("browser") and (reason := missing_browser()):
        return reason
    if item.get_closest_marker("lrs") and (reason := missing_lrs()):
        return reason
    if reason := missing_python(tuple(p for m in item.iter_markers("python") for p in m.args)):
        return reason
    node = list(item.iter_markers("node"))
    if node:
        return missing_node(tuple(p for m in node for p in m.args))
    return None


def _unmarked(item: pytest.Item) -> list[str]:
    """The markers ``item`` lacks for the fixtures it uses."""
    lacking = []
    names = getattr(item, "fixturenames", ())
    for fixture, (marker, package) in FIXTURE_NEEDS.items():
        if fixture not in names:
            continue
        marks = list(item.iter_markers(marker))
        if not marks or (package and not any(package in m.args for m in marks)):
            lacking.append(f'@pytest.mark.{marker}({package!r})' if package else f"@pytest.mark.{marker}")
    return lacking


def apply_markers(items: list[pytest.Item]) -> None:
    """Skip the marked tests whose tools are missing; refuse a test that uses a tool fixture unmarked."""
    unmarked = [f"{item.nodeid}: add {' and '.join(lack)} (it uses a fixture that needs the tool)"
                for item in items if (lack := _unmarked(item))]
    if unmarked:
        raise pytest.UsageError("tests missing their tool marker:\n  " + "\n  ".join(unmarked))
    missing = {item.nodeid: reason for item in items if (reason := _missing(item))}
    if missing and os.environ.get(REQUIRE_TOOLS):
        reasons = sorted(set(missing.values()))
        raise pytest.UsageError(f"{REQUIRE_TOOLS} is set and {len(missing)} tests would skip:\n  " + "\n  ".join(reasons))
    for item in items:
        if item.nodeid in missing:
            item.add_marker(pytest.mark.skip(reason=missing[item.nodeid]))
