"""The suite's own skip rules (tests/tools.py): a test marked ``browser``, ``node`` or ``python`` skips, saying what is
missing, when its tool is not on the machine, and runs when it is; a test using a tool's fixture without
its marker stops the run. Checked on a small suite of its own, with the tools faked present or missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import jstools, tools

CONFTEST = """
from tests.tools import apply_markers


def pytest_collection_modifyitems(items):
    apply_markers(items)
"""

SUITE = """
import pytest


@pytest.mark.browser
def test_browser():
    pass


@pytest.mark.node("gift-pegjs")
def test_gift():
    pass


@pytest.mark.node
def test_node():
    pass


def test_plain():
    pass
"""


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine with every tool: a Chromium file, an importable stand-in for playwright, a node on the PATH
    and gift-pegjs installed. Each test then takes one away."""
    tools_dir = tmp_path / "machine"
    (tools_dir / "bin").mkdir(parents=True)
    chromium = tools_dir / "bin" / "chromium"
    chromium.write_text("", encoding="utf-8")
    node = tools_dir / "bin" / "node"
    node.write_text("#!/bin/sh\n", encoding="utf-8")
    node.chmod(0o755)
    package = tools_dir / "node_modules" / "gift-pegjs" / "package.json"
    package.parent.mkdir(parents=True)
    package.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(tools, "CHROMIUM", chromium)
    monkeypatch.setattr(tools, "PLAYWRIGHT", "json")
    monkeypatch.setattr(tools, "NODE", str(node))
    monkeypatch.setattr(jstools, "NODE_MODULES", tools_dir / "node_modules")
    monkeypatch.delenv(tools.REQUIRE_TOOLS, raising=False)  # CI sets it; these tests take tools away on purpose
    return tools_dir


def run(pytester: pytest.Pytester, suite: str = SUITE) -> pytest.RunResult:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_suite=suite)
    return pytester.runpytest_inprocess("-rs", "-p", "no:cacheprovider")


def test_with_every_tool_every_test_runs(pytester: pytest.Pytester, machine: Path) -> None:
    run(pytester).assert_outcomes(passed=4)


def test_without_chromium_the_browser_test_skips_and_says_where_chromium_was_looked_for(
    pytester: pytest.Pytester, machine: Path
) -> None:
    (machine / "bin" / "chromium").unlink()
    result = run(pytester)
    result.assert_outcomes(passed=3, skipped=1)
    result.stdout.fnmatch_lines([f"SKIPPED *test_suite.py:*: needs Chromium at {machine}/bin/chromium, which is missing*"])


def test_without_playwright_the_browser_test_skips(pytester: pytest.Pytester, machine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tools, "PLAYWRIGHT", "no_such_playwright_package")
    result = run(pytester)
    result.assert_outcomes(passed=3, skipped=1)
    result.stdout.fnmatch_lines(["SKIPPED *test_suite.py:*: needs the Python package no_such_playwright_package, which is not installed*"])


def test_without_node_every_node_test_skips(pytester: pytest.Pytester, machine: Path) -> None:
    (machine / "bin" / "node").unlink()
    result = run(pytester)
    result.assert_outcomes(passed=2, skipped=2)
    needs_node = "SKIPPED *test_suite.py:*: needs Node.js: `*/bin/node` is not on the PATH*"
    result.stdout.fnmatch_lines([needs_node, needs_node])


def test_without_its_npm_package_only_the_test_needing_it_skips(pytester: pytest.Pytester, machine: Path) -> None:
    (machine / "node_modules" / "gift-pegjs" / "package.json").unlink()
    result = run(pytester)
    result.assert_outcomes(passed=3, skipped=1)
    result.stdout.fnmatch_lines([f"SKIPPED *test_suite.py:*: needs gift-pegjs in {machine}/node_modules, which is missing*"])


def test_without_its_python_package_the_test_skips(pytester: pytest.Pytester, machine: Path) -> None:
    result = run(pytester, "import pytest\n\n\n@pytest.mark.python('json', 'no_such_package')\ndef test_it():\n    pass\n")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["SKIPPED *test_suite.py:*: needs the Python package no_such_package, which is not installed*"])


def test_where_tools_are_required_a_missing_tool_stops_the_run_instead_of_skipping(
    pytester: pytest.Pytester, machine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (machine / "bin" / "node").unlink()
    monkeypatch.setenv(tools.REQUIRE_TOOLS, "1")
    result = run(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{tools.REQUIRE_TOOLS} is set and 2 tests would skip:*", "*needs Node.js*"])


@pytest.mark.parametrize(
    ("test", "lacking"),
    [
        ("def test_it(browser):\n    pass\n", "@pytest.mark.browser"),
        ("def test_it(gift_pegjs):\n    pass\n", "@pytest.mark.node('gift-pegjs')"),
        ("@pytest.mark.node('axe-core')\ndef test_it(gift_pegjs):\n    pass\n", "@pytest.mark.node('gift-pegjs')"),
    ],
    ids=["browser-fixture-unmarked", "node-fixture-unmarked", "marked-for-another-package"],
)
def test_a_test_using_a_tool_fixture_without_its_marker_stops_the_run(
    pytester: pytest.Pytester, machine: Path, test: str, lacking: str
) -> None:
    fixtures = "import pytest\n\n\n@pytest.fixture\ndef browser():\n    pass\n\n\n@pytest.fixture\ndef gift_pegjs():\n    pass\n\n\n"
    result = run(pytester, fixtures + test)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*tests missing their tool marker:", f"*test_suite.py::test_it: add {lacking} *"])
