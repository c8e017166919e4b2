"""Reading the data scripts the generator writes (a quiz's questions, the review's banks) as the browser does."""

from __future__ import annotations

import json
import re
from typing import Any


def provided(script: bytes) -> tuple[str, Any]:
    """The name and data of a data script, as ``coursegen.provide(name, data)`` receives them in the browser."""
    match = re.fullmatch(r'coursegen\.provide\(("[^"]*"), (.*)\);\n', script.decode("utf-8"), re.S)
    assert match, "not a data script"
    return json.loads(match.group(1)), json.loads(match.group(2))
