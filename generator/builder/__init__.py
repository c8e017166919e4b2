"""The build pipeline: load → render → write workspace → MkDocs → swap into ``site/``."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import cache as cached
from ..load import load_project
from ..load.links import broken_links
from ..load.problems import CourseError, Problem
from ..load.siteconfig import SiteSettings, read_site_settings
from ..messages import say
from ..model.project import Project
from ..render import Edition, Site, render_site
from ..render.preview import state_asset, with_overlay
from .engines import Engine, EngineName, resolve_engine
from .offline import finish_offline, prepare_offline
from .workspace import MARKER, write_workspace

__all__ = ["MARKER", "Paths", "generate", "build"]


@dataclass(frozen=True)
class Paths:
    """Where a course project keeps its parts; all default to the layout `coursegen new` creates."""

    config: Path = Path("mkdocs.yml")
    course: Path = Path("course")
    quizzes: Path = Path("quizzes")
    work: Path = Path(".coursegen")

    def workspace(self, edition: Edition) -> Path:
        return self.work / edition


@dataclass(frozen=True)
class Generated:
    project: Project
    site: Site
    config: Path
    """The workspace's ``mkdocs.yml``."""
    user: SiteSettings
    """The trainer's site settings the site was described over."""
    warnings: list[Problem]
    engine_warnings: list[str] = field(default_factory=list)
    """What the engine warned of in a build that went on (``--no-strict``), one line each."""


def generate(paths: Paths, edition: Edition = "trainee", progress: Callable[[str], None] = lambda _: None, *,
             lms: bool = False, preview: bool = False, strict: bool = True, keep: Collection[str] = ()) -> Generated:
    """Validate the course and write its pages; raises CourseError before touching anything on disk.

    ``lms``: for a SCORM package. ``preview``: for ``coursegen serve`` only, adds the error overlay
    (:mod:`coursegen.render.preview`), with no problems; any other generation removes it again.
    ``strict``: a broken link in the course text is an error (MkDocs would fail on it later, naming a
    generated page); otherwise it is one of the warnings returned. ``keep``: pages left as they are on disk
    (:func:`~.workspace.write_workspace`).
    """
    with collector_paused:
        progress(say("build.progress.loading"))
        project, warnings = load_project(paths.course, paths.quizzes, cache=paths.work / cached.FOLDER / "load.pickle")
        user = read_site_settings(paths.config)
        broken = broken_links(project, user.docs)
        if broken and strict:
            raise CourseError(warnings + broken)
        warnings = warnings + [replace(problem, severity="warning") for problem in broken]
        progress(say("build.progress.rendering", edition=say(f"build.edition.{edition}")))
        site = render_site(project, edition, lms=lms, user=user)
        if preview:
            site = with_overlay(site, state_asset([], project.course.language, generated=True))
        config = write_workspace(site, user, paths.workspace(edition), keep=keep)
    return Generated(project, site, config, user, warnings)


class _CollectorPause:
    """No garbage collection while the course is loaded and rendered.

    Both steps create many objects that all stay alive and form no cycles worth collecting: the collector
    would only scan them again and again (a fifth of the generator's time on a 1,000-lecture course).

    The collector is one switch for the whole process, and ``coursegen serve`` regenerates from its watcher
    thread while MkDocs' server runs in others: pauses are counted under a lock, so the collector comes
    back on when the last pause ends (not when the first does), and only if it was on before the first began.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *_exc: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._resume:
                gc.enable()


collector_paused = _CollectorPause()


def build(paths: Paths, site_dir: Path, edition: Edition = "trainee", *, strict: bool = True, offline: bool = False,
          engine: EngineName | None = None, progress: Callable[[str], None] = lambda _: None) -> Generated:
    """Generate, then build with the engine (MkDocs unless ``engine`` or the project's config says otherwise)
    into ``site_dir`` (the previous site survives any failure).

    ``offline`` makes a site that also works opened from ``file://`` (see :mod:`.offline`). What the engine
    cannot do is found before the course is generated; the settings it would ignore are among the warnings.
    """
    builder = resolve_engine(engine, paths.config)
    generated = generate(paths, edition, progress, strict=strict)
    if offline:
        prepare_offline(generated.config, paths.config)
    engine_warnings = run_engine(builder, generated, site_dir, strict=strict, progress=progress)
    if offline:
        finish_offline(site_dir)
    return replace(generated, warnings=builder.warnings + generated.warnings, engine_warnings=engine_warnings)


def run_engine(engine: Engine, generated: Generated, site_dir: Path, *, strict: bool = True, config: Path | None = None,
               progress: Callable[[str], None] = lambda _: None, file_links: bool = False) -> list[str]:
    """Build the generated workspace (``config``: a settings file over its ``mkdocs.yml``) into ``site_dir``
    with ``engine``; what the engine warned of, when the build went on. The last good site survives a failure.
    ``file_links``: the progress line says the pages get file links (a SCORM package's)."""
    pages = len(generated.site.pages)
    progress(say("build.progress.engine_file_links", n=pages, engine=engine.label) if file_links
             else say("build.progress.engine", n=pages, engine=engine.label))
    started = time.perf_counter()
    warnings = engine.build(generated.site, config or generated.config, site_dir, generated.user, strict=strict)
    progress(say("build.progress.engine_done", engine=engine.label, seconds=f"{time.perf_counter() - started:.1f}"))
    return warnings
