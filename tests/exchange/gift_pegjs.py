"""The npm package gift-pegjs, an independent GIFT parser, run with the machine's Node.js.

It is one of the pinned test tools in ``tests/js`` (see ``tests/jstools.py``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.jstools import NODE_MODULES, js_tool

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "gift_parse.cjs"


def gift_parser() -> Callable[[list[str]], list[list[dict[str, Any]]]]:
    js_tool("gift-pegjs/package.json")
    node = shutil.which("node")
    assert node is not None, "Node.js is needed to run gift-pegjs (Debian: apt-get install nodejs)"
    env = {**os.environ, "NODE_PATH": str(NODE_MODULES)}

    def parse(texts: list[str]) -> list[list[dict[str, Any]]]:
        """The questions gift-pegjs reads in each text (one Node.js run for all: it starts slowly)."""
        done = subprocess.run([node, str(SCRIPT)], input=json.dumps(texts), capture_output=True, text=True, cwd=HERE, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        results = json.loads(done.stdout)
        errors = [r["error"] for r in results if "error" in r]
        assert not errors, f"gift-pegjs rejected {len(errors)} file(s): {errors}"
        return [r["questions"] for r in results]

    return parse
