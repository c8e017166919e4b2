"""The form service's seal: proof that an envelope was written by the service, not by hand.

The receiver signs each envelope it stores with HMAC-SHA256 under a key only it and HR hold: the key is
made on the service's first start (``secrets.token_bytes(32)``) and kept beside its inbox, never inside
it (``<inbox>.key``, readable by its owner only). The signature covers the canonical JSON of the whole
envelope without the ``seal`` key (keys sorted at every level, no spaces, non-ASCII as is), so changing
the time, the receipt or any answer breaks it. The report checks it with the key HR gives it
(``homework report --service-key``); an envelope it cannot check — no seal, another key's seal, content
changed since, or no key given — is not the service's word: its time is the trainee's own.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from enum import Enum
from pathlib import Path
from typing import Any

from .. import atomic
from ..model.submission import canonical_bytes

SEAL = "seal"
"""The envelope's key holding the signature, as ``hmac-sha256:<hex>``."""
_SCHEME = "hmac-sha256:"
KEY_BYTES = 32
KEY_SUFFIX = ".key"


class Unsealed(str, Enum):
    """Why an envelope does not count as the service's: the value names its catalogue text (``hr.seal.<value>``)."""

    NO_KEY = "no_key"
    MISSING = "missing"
    WRONG = "wrong"


def key_path(inbox: Path) -> Path:
    """Where the service keeps its key: beside the inbox (``inbox.key``), never in it, so it is never read as a submission or shared with it."""
    return inbox.parent / f"{inbox.name}{KEY_SUFFIX}"


def service_key(inbox: Path) -> bytes:
    """The service's key, made (owner-only, written in one step) on its first start."""
    path = key_path(inbox)
    try:
        return read_key(path)
    except FileNotFoundError:
        pass
    key = secrets.token_bytes(KEY_BYTES)
    with atomic.replaced(path) as part:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with open(fd, "wb") as fp:
            fp.write(key.hex().encode("ascii") + b"\n")
    return key


def read_key(path: Path) -> bytes:
    """The key in ``path`` (64 hex digits); raises ``ValueError`` for a file that is not one, ``OSError`` when it cannot be read."""
    text = path.read_bytes()[: 4 * KEY_BYTES].decode("ascii", "replace").strip()
    key = bytes.fromhex(text)
    if len(key) != KEY_BYTES:
        raise ValueError(len(key))
    return key


def sealed_content(envelope: dict[str, Any]) -> bytes:
    """The bytes the seal covers: the envelope without its seal, canonically serialised."""
    return canonical_bytes({k: v for k, v in envelope.items() if k != SEAL})


def seal(envelope: dict[str, Any], key: bytes) -> str:
    return _SCHEME + hmac.new(key, sealed_content(envelope), hashlib.sha256).hexdigest()


def check(content: bytes, written: object, key: bytes | None) -> Unsealed | None:
    """Why an envelope whose sealed content is ``content`` and whose seal is ``written`` is not the service's, or ``None`` when it is."""
    if not isinstance(written, str) or not written.startswith(_SCHEME):
        return Unsealed.MISSING
    if key is None:
        return Unsealed.NO_KEY
    expected = _SCHEME + hmac.new(key, content, hashlib.sha256).hexdigest()
    return None if hmac.compare_digest(expected.encode("ascii"), written.encode("utf-8", "replace")) else Unsealed.WRONG
