"""Write a package folder as a zip, replacing the target only once the whole archive is written."""

from __future__ import annotations

import zipfile
from importlib import resources
from pathlib import Path

from .. import atomic
from ..errors import UserError
from ..messages import say
from .formats import ScormFormat

MANIFEST = "imsmanifest.xml"


def site_files(folder: Path) -> list[str]:
    """Every file under ``folder`` as a sorted, ``/``-separated relative path."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def write_package(folder: Path, manifest: str, output: Path, fmt: ScormFormat) -> int:
    """Zip the manifest, the format's schemas and ``folder``'s files into ``output``; return the file count.

    The manifest comes first, as some LMS importers only peek at the archive's start.
    """
    output = output.resolve()
    if output.is_dir():
        raise UserError(say("build.error.zip_is_folder", output=output))
    schemas = resources.files("coursegen") / "package" / "xsd" / fmt.schema_folder
    files = site_files(folder)
    try:
        with atomic.replaced(output) as partial, zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest)
            for name in fmt.schemas:
                archive.writestr(name, (schemas / name).read_bytes())
            for name in files:
                archive.write(folder / name, name)
    except OSError as exc:
        raise UserError(say("build.error.zip_failed", output=output, error=exc.strerror or exc)) from exc
    return len(files) + 1 + len(fmt.schemas)
