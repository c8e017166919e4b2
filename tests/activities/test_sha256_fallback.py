"""cg-form.js's own SHA-256 (used where crypto.subtle is missing: file:// pages, plain-http intranet
hosts) against hashlib, on every length around the 64-byte block and padding boundaries."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "generator" / "assets" / "cg-form.js"
RUNNER = """
const src = require("fs").readFileSync(process.argv[1], "utf8");
const body = src.slice(src.indexOf("  function ror("), src.indexOf("  function hex("));
const sha256Hex = new Function(body + "; return sha256Hex;")();
const inputs = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(inputs.map((h) => sha256Hex(Uint8Array.from(Buffer.from(h, "hex"))))));
"""


@pytest.mark.node
def test_pure_js_sha256_matches_hashlib() -> None:
    node = shutil.which("node")
    assert node is not None
    inputs = [bytes((i * 7 + n) % 256 for i in range(n)) for n in range(0, 200)]
    inputs.append("引号“中文”😀".encode() * 5000)
    out = subprocess.run(
        [node, "-e", RUNNER, str(SCRIPT)],
        input=json.dumps([b.hex() for b in inputs]), capture_output=True, text=True, check=True, timeout=60,
    )
    assert json.loads(out.stdout) == [hashlib.sha256(b).hexdigest() for b in inputs]
