"""Independent JavaScript tools the suite runs (axe-core, scorm-again, gift-pegjs), from npm.

They are pinned in ``tests/js/package.json`` (and its lock file) and installed into the git-ignored
``tests/js/node_modules`` by ``scripts/test.sh``, or on first use here.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent / "js"
NODE_MODULES = TOOLS / "node_modules"


def js_tool(relative: str) -> Path:
    """A file inside an installed npm package, e.g. ``axe-core/axe.min.js``."""
    path = NODE_MODULES / relative
    if not path.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(f"npm is needed to install the test tools in {TOOLS} (Debian: apt-get install npm)")
        subprocess.run([npm, "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"], check=True, capture_output=True, timeout=600)
    assert path.exists(), f"{relative} is missing after installing {TOOLS / 'package.json'}"
    return path
