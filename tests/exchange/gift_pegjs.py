"""The npm package gift-pegjs, an independent GIFT parser, run with the machine's Node.js.

It is looked up as Node would from this folder (a ``node_modules`` here or above, e.g. installed by
CI at the repository root); if absent it is installed into this folder's git-ignored
``node_modules``. Only a machine without npm skips the tests that need it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "gift_parse.cjs"


def gift_parser() -> Callable[[list[str]], list[list[dict[str, Any]]]]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        pytest.skip("gift-pegjs runs on Node.js, which this machine lacks (CI: install nodejs and npm)")
    resolve = [node, "-e", "require.resolve('gift-pegjs')"]
    if subprocess.run(resolve, cwd=HERE, capture_output=True).returncode != 0:
        if npm is None:
            pytest.skip("gift-pegjs is not installed and npm, needed to install it, is missing (CI: npm install gift-pegjs)")
        install = [npm, "install", "--prefix", str(HERE), "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "gift-pegjs@1"]
        done = subprocess.run(install, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"npm install gift-pegjs failed:\n{done.stderr}"

    def parse(texts: list[str]) -> list[list[dict[str, Any]]]:
        """The questions gift-pegjs reads in each text (one Node.js run for all: it starts slowly)."""
        done = subprocess.run([node, str(SCRIPT)], input=json.dumps(texts), capture_output=True, text=True, cwd=HERE, timeout=120)
        assert done.returncode == 0, done.stderr
        results = json.loads(done.stdout)
        errors = [r["error"] for r in results if "error" in r]
        assert not errors, f"gift-pegjs rejected {len(errors)} file(s): {errors}"
        return [r["questions"] for r in results]

    return parse
