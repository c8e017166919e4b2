"""Reading the data scripts the generator writes (a quiz's questions, the review's banks) as the browser does."""

from __future__ import annotations

import base64
import json
import re
from typing import Any


def provided(script: bytes) -> tuple[str, Any]:
    """The name and data of a data script, as ``coursegen.provide(name, data)`` receives them in the browser."""
    match = re.fullmatch(r'coursegen\.provide\(("[^"]*"), (.*)\);\n', script.decode("utf-8"), re.S)
    assert match, "not a data script"
    return json.loads(match.group(1)), json.loads(match.group(2))


def decode_key(text: str, key: str) -> Any:
    """An encoded answer key (a question's ``k``) as the widget decodes it with its quiz's ``hash``."""
    data = base64.b64decode(text)
    return json.loads(bytes(b ^ ord(key[i % len(key)]) for i, b in enumerate(data)).decode("utf-8"))


def readable(script: bytes) -> str:
    """A data script for review, as JSON in lines: its name, then its data with every answer key decoded
    (``"k"`` becomes ``"k (decoded)"``) with the ``hash`` of the quiz it belongs to."""
    name, data = provided(script)

    def walk(value: Any, key: str | None) -> Any:
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if not isinstance(value, dict):
            return value
        key = value.get("hash", key)
        out = {}
        for k, v in value.items():
            if k == "k":
                assert key is not None, f"an answer key outside any quiz in {name}"
                out["k (decoded)"] = decode_key(v, key)
            else:
                out[k] = walk(v, key)
        return out

    return json.dumps({"script": name, "data": walk(data, None)}, ensure_ascii=False, indent=2) + "\n"
