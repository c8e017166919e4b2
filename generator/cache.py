"""Results kept between builds under the project's ``.coursegen/``, so a build redoes only the work its changes need.

A kept result is found by a key its caller makes from the content it was computed from (a YAML file's bytes, the
engine's search sections), together with :func:`fingerprint`: the code that computed it. Anything amiss with a kept
file (missing, cut short by a full disk, written by another version of coursegen or by hand) is the same as no
result: the work is done again and the file rewritten, never an error. Files are replaced in one step
(:mod:`coursegen.atomic`), so two builds at once at worst each redo the work.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
from pathlib import Path

from . import __version__, atomic

FOLDER = "cache"
"""Below the work folder (``.coursegen/cache/``), beside the editions' workspaces."""


def kept(workspace: Path, name: str) -> Path:
    """The file keeping an edition's results of one kind: ``.coursegen/cache/<name>-<edition>.pickle`` for the
    edition's workspace ``.coursegen/<edition>/``."""
    return workspace.parent / FOLDER / f"{name}-{workspace.name}.pickle"


@functools.cache
def fingerprint() -> str:
    """What a kept result depends on besides its own input: coursegen's version and the code of this installation
    (a development checkout changes without a new version number: each of its files by size and time, which a
    checkout or an upgrade changes, at a fraction of reading them), and the installed MkDocs, Material and Zensical."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            info = os.stat(os.path.join(folder, name))
            digest.update(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    for module in ("mkdocs", "material", "zensical"):  # found, not imported: an upgrade writes their files anew
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        stamp = os.stat(origin) if origin else None
        digest.update(f"{module}:{origin}:{stamp and stamp.st_size}:{stamp and stamp.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def content_key(*parts: bytes) -> str:
    """A key for a result computed from ``parts`` (the code that computed it is :func:`read`'s to check)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def read(path: Path) -> dict[str, object]:
    """The results kept in ``path`` by key; none when the file is missing or unreadable in any way."""
    try:
        with path.open("rb") as kept:
            found = pickle.load(kept)  # noqa: S301 - the project's own work folder, written by write() below
    except Exception:  # noqa: BLE001 - a corrupt or foreign file is no result, whatever pickle makes of it
        return {}
    if not isinstance(found, dict) or found.get("fingerprint") != fingerprint() or not isinstance(found.get("results"), dict):
        return {}
    results: dict[str, object] = found["results"]
    return results


def write(path: Path, results: dict[str, object]) -> None:
    """Keep ``results`` (by key) in ``path``, replacing what it held; a folder that cannot be written only costs the
    next build its time."""
    try:
        atomic.write_bytes(path, pickle.dumps({"fingerprint": fingerprint(), "results": results}, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return
