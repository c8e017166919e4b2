"""Independent JavaScript tools the suite runs (axe-core, scorm-again, gift-pegjs), from npm.

They are pinned in ``tests/js/package.json`` (and its lock file) and installed into the git-ignored
``tests/js/node_modules`` by ``scripts/test.sh`` (or ``npm ci --prefix tests/js``). A test that needs one
is marked ``@pytest.mark.node("<package>")`` and skips, saying so, when it is not installed (tests/tools.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent / "js"
NODE_MODULES = TOOLS / "node_modules"


def js_tool(relative: str) -> Path:
    """A file inside an installed npm package, e.g. ``axe-core/axe.min.js``."""
    path = NODE_MODULES / relative
    if not path.exists():
        package = relative.split("/")[0]
        pytest.fail(f"{path} is missing: mark the test @pytest.mark.node({package!r}) so it skips without it, "
                    f"and install the tools with: npm ci --prefix {TOOLS}")
    return path
