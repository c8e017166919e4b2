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


def schema_files(fmt: ScormFormat) -> dict[str, bytes]:
    """The schemas a SCORM version's manifest names, by their name at the package root."""
    schemas = resources.files("coursegen") / "package" / "xsd" / fmt.schema_folder
    return {name: (schemas / name).read_bytes() for name in fmt.schemas}


def write_package(folder: Path, control: dict[str, bytes], output: Path) -> int:
    """Zip the ``control`` files (manifest or course structure, schemas), then ``folder``'s files, into ``output``;
    return the file count.

    The control files come first, as some LMS importers only peek at the archive's start.
    """
    output = output.resolve()
    if output.is_dir():
        raise UserError(say("build.error.zip_is_folder", output=output))
    files = site_files(folder)
    try:
        with atomic.replaced(output) as partial, zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in control.items():
                archive.writestr(name, data)
            for name in files:
                archive.write(folder / name, name)
    except OSError as exc:
        raise UserError(say("build.error.zip_failed", output=output, error=exc.strerror or exc)) from exc
    return len(files) + len(control)
