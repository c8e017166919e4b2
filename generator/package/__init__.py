"""SCORM packaging (1.2, and 2004 4th edition): the built site, a launch page and ``imsmanifest.xml`` in one zip.

Decisions, and why:

- **One SCO for the whole course.** The site is one piece: the navigation, search and "next lecture"
  links cross lectures freely, and the final assessment draws from every lecture's bank. One SCO per
  lecture would make the LMS start and end a session on every such click (SCORM 1.2 has no way to move
  between SCOs from inside the content) and would split the pass mark from the lectures it covers.
  The LMS sees one item with the final assessment's pass mark as ``adlcp:masteryscore``.
- **A launch page holds one LMS session for the whole visit.** The site has many pages, and each page
  load starts its scripts afresh, but SCORM 1.2 allows one ``LMSInitialize`` and one ``LMSFinish`` per
  launch (``LMSInitialize`` after ``LMSFinish`` is error 101 in scorm-again and most LMSs). So the SCO's
  launch file, ``scorm.html``, finds the LMS API, initialises once, shows the site in a full-window frame
  and finishes when it is itself left; the pages in the frame only report to it (``cg-scorm.js``).
- **File links, not directory URLs.** LMSs serve the unzipped files as they are, and most do not map
  ``lectures/x/`` to ``lectures/x/index.html``; the package is built with ``use_directory_urls: false``
  so every link names its ``.html`` file (and the site also works opened from disk).
- **Two versions, one package layout.** SCORM 2004 differs in the manifest (``formats.py`` and its
  template, with the minimum of sequencing a single SCO needs) and in the run-time vocabulary, which
  ``cg-scorm-dialects.js`` holds beside 1.2's; its 64,000 characters of suspend data (1.2: 4,096) carry
  the homework drafts from one PC to another.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..builder import Paths, generate, run_engine
from ..builder.engines import resolve_engine
from ..choices import EngineName, LmsRuntime
from ..errors import UserError
from ..messages import say
from ..model.project import Project
from .formats import CMI5_LAUNCH_PAGE, CMI5_XML, FORMATS, RESERVED, SCORM12, SCORM2004, ScormFormat, Version
from .manifest import LAUNCH_PAGE, launch_page, manifest_xml
from .zipping import MANIFEST, schema_files, site_files, write_package

__all__ = ["FORMATS", "SCORM12", "SCORM2004", "PackageKind", "Packaged", "ScormFormat", "Version", "build_package", "package_scorm",
           "package_scorm12"]


@dataclass(frozen=True)
class Packaged:
    project: Project
    output: Path
    files: int
    warnings: list[str] = field(default_factory=list)
    """Settings the engine ignores and its warnings in a build that went on, one line each."""


def package_scorm(paths: Paths, output: Path | None = None, *, version: Version = "1.2", strict: bool = True,
                  engine: EngineName | None = None, progress: Callable[[str], None] = lambda _: None) -> Packaged:
    """Build the trainee edition with file links and zip it as a SCORM package of ``version``.

    ``output`` defaults to ``<course id>-scorm12.zip`` (``-scorm2004.zip``); an existing file is replaced
    only once the new package is complete. Course errors surface before anything is built. ``engine``:
    as for :func:`coursegen.builder.build`.
    """
    fmt = FORMATS[version]

    def control(project: Project, site: Path) -> dict[str, bytes]:
        (site / LAUNCH_PAGE).write_text(launch_page(project, fmt), encoding="utf-8")
        progress(say("build.progress.zipping"))
        return {MANIFEST: manifest_xml(project, site_files(site), fmt).encode(), **schema_files(fmt)}

    return build_package(paths, output, PackageKind(fmt.slug, "scorm"), control, strict=strict, engine=engine,
                         progress=progress)


@dataclass(frozen=True)
class PackageKind:
    """What sets one kind of package apart in the shared build: its name in files and folders, its LMS runtime."""

    slug: str
    """The default zip name's suffix and the build folder's name."""
    runtime: LmsRuntime
    check: Callable[[Project, Paths], object] = lambda project, paths: None
    """Refuses a course this kind cannot package (before the site is built), with a message naming the file."""


def build_package(paths: Paths, output: Path | None, kind: PackageKind, control: Callable[[Project, Path], dict[str, bytes]],
                  *, strict: bool, engine: EngineName | None, progress: Callable[[str], None]) -> Packaged:
    """The trainee edition built with file links and zipped, for any kind of package: ``control`` adds the kind's
    launch page to the built site and returns the files that go first in the zip (manifest, schemas)."""
    builder = resolve_engine(engine, paths.config)
    warnings = [str(w) for w in builder.warnings]
    generated = generate(replace(paths, work=paths.work / kind.slug), "trainee", progress, lms=kind.runtime)
    project = generated.project
    kind.check(project, paths)
    _refuse_reserved_names(generated.config.parent / "docs")
    target = output or Path(f"{project.course.id}-{kind.slug}.zip")
    with tempfile.TemporaryDirectory(prefix=f"coursegen-{kind.slug}-") as tmp:
        site = Path(tmp) / "site"
        warnings += run_engine(builder, generated, site, strict=strict, config=_file_links_config(generated.config, kind.slug),
                               progress=progress, file_links=True)
        count = write_package(site, control(project, site), target)
    return Packaged(project, target, count, warnings)


def package_scorm12(paths: Paths, output: Path | None = None, *, strict: bool = True,
                    progress: Callable[[str], None] = lambda _: None) -> Packaged:
    """A SCORM 1.2 package: ``package_scorm`` with its first version, as callers before 2004 wrote it."""
    return package_scorm(paths, output, version="1.2", strict=strict, progress=progress)


def _file_links_config(config: Path, slug: str) -> Path:
    """A config beside the generated one (so relative paths keep their meaning) that turns off directory URLs."""
    wrapper = config.with_name(f"mkdocs.{slug}.yml")
    settings = {"INHERIT": config.name, "use_directory_urls": False}
    wrapper.write_text(
        "# Generated by coursegen for `coursegen package`; do not edit.\n" + yaml.safe_dump(settings, sort_keys=False),
        encoding="utf-8",
    )
    return wrapper



def _refuse_reserved_names(docs: Path) -> None:
    """A hand-written docs file must not take the place of the manifest, its schemas or the launch page."""
    pages = (LAUNCH_PAGE, CMI5_LAUNCH_PAGE)
    reserved = (MANIFEST, CMI5_XML, *sorted(RESERVED), *pages, *(page.removesuffix(".html") + ".md" for page in pages))
    clash = [name for name in reserved if (docs / name).exists()]
    if clash:
        raise UserError(say("build.error.reserved", file=f"docs/{clash[0]}"))
