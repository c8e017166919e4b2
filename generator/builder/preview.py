"""One ``coursegen serve`` session's generator: regenerate on every save, and show a failure in the browser.

A failed regeneration leaves the pages of the last good one exactly as they are and rewrites only the
overlay's data script (see :mod:`coursegen.render.preview`): MkDocs reloads the page and the overlay lists
the problems over it. A course that fails before anything was generated in this session gets a page of
its own that lists them, so the server starts anyway and shows the course as soon as it is fixed.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path


from .. import atomic, site_paths
from ..errors import UserError
from ..load.siteconfig import SiteSettings, read_site_settings
from ..messages import course_language, say
from ..render.preview import STATE, error_site, reports, state_asset
from ..render.site import Edition, Site
from . import Paths, generate
from .engines import Engine, MkDocsEngine
from .workspace import write_workspace

LATER = {site_paths.HANDBOOK: 5.0, STATE: 1.0}
"""Files written a while after the rest, in seconds, as both engines rebuild just the changed pages (MkDocs every
page when a save changed the menu: :func:`site_menu`); a newer save restarts the wait. The overlay's data only for an
engine that :attr:`~.engines.Engine.reloads_on_first_file`.

- The handbook holds every lecture: Zensical takes seconds to rebuild it (3.6 s at 200 lectures, against 0.3 s for a
  lecture), and a save that came meanwhile waited for it before the lecture being edited showed. It is written once
  the trainer pauses.
- The overlay's data script, after a fix (Zensical): Zensical's preview reloads the browser on the first changed file of a
  rebuild, and the reload message of the page rebuilt after it is lost while the browser reconnects, so the page
  stayed one edit behind. Held back, the page reloads first (still under the overlay) and the script after it.
"""

Menu = tuple[object, ...]


def site_menu(site: Site, user: SiteSettings) -> Menu:
    """What every page of a site shows besides its own content: the menu (titles, order, addresses), the set of pages,
    the scripts and styles, the theme's settings, and the trainer's ``mkdocs.yml`` the workspace inherits. A save that
    leaves it as it was changes only the pages whose files it rewrote, which is all a preview need rebuild.

    The trainer's own Markdown pages count by their time stamps: a menu entry of theirs without a title shows the
    page's first heading, which only MkDocs reads."""
    settings = user.config.read_bytes() if user.config is not None and user.config.is_file() else b""
    return (site.nav_config(), sorted(p.path for p in site.pages), site.all_css(), site.all_javascript(),
            repr(site.theme), repr(site.settings), settings, _stamps(user.docs))


def _stamps(docs: Path) -> list[tuple[str, int]]:
    """Each Markdown page in ``docs`` with its modification time; one that vanished meanwhile is left out (the next
    save's workspace no longer has it either)."""
    found = []
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            found.append((str(page), page.stat().st_mtime_ns))
        except OSError:
            continue
    return found


class LivePreview:
    """The workspace ``coursegen serve`` serves, kept in step with the course, whatever state the course is in.

    ``echo`` gets the terminal's lines. Regenerations run one at a time.
    """

    def __init__(self, paths: Paths, edition: Edition, echo: Callable[[str], None], engine: Engine | None = None) -> None:
        self.paths = paths
        self.edition = edition
        self.echo = echo
        self.engine = engine or MkDocsEngine()
        self.menu: Menu | None = None
        """The :func:`menu` of the workspace as last written: a save that changes it rebuilds every page."""
        self.generated = False
        """Whether the workspace holds this session's last good pages (rather than the error page)."""
        self.site: Site | None = None
        """The description of the last good generation: which course file each page comes from (the studio)."""
        self.language = course_language(paths.course)
        self._lock = threading.Lock()
        self._generation = 0

    @property
    def config(self) -> Path:
        """The generated ``mkdocs.yml`` MkDocs serves."""
        return self.paths.workspace(self.edition) / "mkdocs.yml"

    def start(self, progress: Callable[[str], None]) -> None:
        """The first generation: the course, or the page that lists its problems.

        Raises UserError only when not even that page can be written (no readable ``mkdocs.yml``).
        """
        self.regenerate(progress, first=True)

    def regenerate(self, progress: Callable[[str], None] = lambda _: None, *, first: bool = False) -> bool:
        """Generate the course with the overlay; on failure, show why. Whether the course was generated."""
        with self._lock:
            self._generation += 1
            keep = () if first else [name for name in LATER if name != STATE or self.engine.reloads_on_first_file]
            try:
                generated = generate(self.paths, self.edition, progress, preview=True, keep=keep)
            except Exception as exc:  # noqa: BLE001 - the preview outlives anything one save can cause
                self._failed(exc, first=first)
                return False
            self.language = generated.project.course.language
            self.generated = True
            self.site = generated.site
            self.engine.prepare_preview(self.config)
            menu, self.menu = self.menu, site_menu(generated.site, generated.user)
            self.engine.preview_written(self.config, whole=menu != self.menu)
            held = {p.path: p.content.encode("utf-8") for p in generated.site.pages if p.path in keep}
            held |= {a.path: a.content for a in generated.site.assets if a.path in keep}
            for name, content in held.items():
                self.later(LATER[name], functools.partial(self._catch_up, self._generation, name, content))
            return True

    @staticmethod
    def later(seconds: float, write: Callable[[], None]) -> None:
        """Run ``write`` (a file held back, :data:`LATER`) in ``seconds``, on a thread that does not keep serve alive.

        The tests replace it to write the held-back files when they choose: what must come first is then checked
        without racing a timer on a busy machine.
        """
        timer = threading.Timer(seconds, write)
        timer.daemon = True
        timer.start()

    def _catch_up(self, generation: int, name: str, content: bytes) -> None:
        """Write a file :data:`LATER` held back, unless a newer save has come since (its own timer writes it)."""
        with self._lock:
            if generation != self._generation:
                return
            try:
                _write_if_changed(self.paths.workspace(self.edition), name, content)
            except OSError as exc:  # the workspace went away (the preview is stopping): the next save writes it
                self.echo(say("build.serve.not_updated", name=name, error=exc))
                return
            self.engine.preview_written(self.config, whole=False)

    def _failed(self, error: Exception, *, first: bool) -> None:
        problems = reports(error)
        text = str(error) if isinstance(error, UserError) else say("build.serve.failed", error=problems[0].text)
        try:
            if self.generated:
                _write_if_changed(self.paths.workspace(self.edition), STATE, state_asset(problems, self.language, generated=True).content)
            else:
                user = read_site_settings(self.paths.config)
                write_workspace(error_site(problems, self.language, user), user, self.paths.workspace(self.edition))
                self.engine.prepare_preview(self.config)
                self.menu = None  # the error page's: the course, once fixed, rebuilds every page
            self.engine.preview_written(self.config, whole=not self.generated)
        except Exception as exc:
            if first:
                raise
            self.echo(f"{text}\n{say('build.serve.not_shown', error=f'{type(exc).__name__}: {exc}')}")
            return
        self.echo(f"{text}\n{say('build.serve.kept') if self.generated else say('build.serve.error_page')}")


def _write_if_changed(workspace: Path, name: str, content: bytes) -> None:
    """Replace ``docs/<name>`` in one step: an engine reading the docs folder (Zensical watching it, MkDocs rebuilding) never copies half a file.

    The temporary file is made beside ``docs/``, where MkDocs does not look.
    """
    atomic.write_if_changed(workspace / "docs" / name, content, dir=workspace)  # the same problems again: no reload
