"""A thin MkDocs plugin so that plain ``mkdocs serve`` / ``mkdocs build`` also generate the course.

It reads the same site description (:class:`~coursegen.render.site.Site`) the generated workspace is written from
and decides nothing of its own, so plain ``mkdocs build`` gives the site ``coursegen build`` gives: the same pages
(an ``edition: trainer`` page such as the HR guide left out of the trainee edition), menu, theme overrides,
palette, ``extra`` texts and coursegen's search index. When MkDocs runs on a generated workspace (it carries the
generator's marker file) the plugin stands aside. This is the only module that imports MkDocs' plugin API.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, _file_sort_key

from ..builder import hooks
from ..builder.search_check import prepare_search, sections_as_written
from ..builder.search_index import write_search_index
from ..builder.workspace import MARKER
from ..choices import EDITIONS, ENGINES
from ..errors import UserError
from ..load import load_project
from ..load.siteconfig import read_site_settings
from ..render import Edition, Site, render_site


class CoursegenConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the generator off without removing the plugin, e.g. for a docs-only preview."""
    course_dir = c.Type(str, default="course")
    """Folder holding course.yml, relative to mkdocs.yml."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder of question banks, relative to mkdocs.yml."""
    edition: c.Choice[Edition] = c.Choice(EDITIONS, default="trainee")
    """The trainer edition adds facilitator notes, answer keys and trainer-only pages."""
    engine = c.Choice(ENGINES, default="mkdocs")
    """The program ``coursegen build`` and ``coursegen serve`` build the site with (``--engine`` overrides it);
    plain ``mkdocs build`` is MkDocs whatever this says."""


class CoursegenPlugin(BasePlugin[CoursegenConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.sources: list[Path] = []
        self.searching = False
        self._build = ExitStack()

    # on_config runs before MkDocs cleans the site folder: a course error here keeps the last good site.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.site = None
        if not self.config.enabled or (Path(config.docs_dir) / MARKER).exists():
            return None
        config_file = Path(config.config_file_path)
        root = config_file.parent
        course_dir, quizzes_dir = root / self.config.course_dir, root / self.config.quizzes_dir
        self.sources = [course_dir, quizzes_dir]
        try:
            project, _warnings = load_project(course_dir, quizzes_dir)
            user = read_site_settings(config_file)
            site = self.site = render_site(project, self.config.edition, user=user)
            settings = site.settings
            config.nav = site.nav_config()
            # MkDocs holds the trainer's own CSS/JS already: the course's go before them, so theirs can override.
            config.extra_css[:0] = site.extra_css
            config.extra_javascript[:0] = site.extra_javascript
            custom = 1 if config.theme.custom_dir else 0  # the trainer's custom_dir is the theme's first folder already
            known = {Path(d).resolve() for d in config.theme.dirs}
            config.theme.dirs[custom:custom] = [str(d) for d in settings.theme_dirs if d not in known]
            if settings.palette is not None:
                config.theme["palette"] = settings.palette
            config.extra.update(settings.extra)
            self.searching = prepare_search(config, user_config=config_file)
        except UserError as exc:
            raise PluginError(str(exc)) from exc
        if self.searching:
            self._build.enter_context(sections_as_written())
        return hooks.on_config(config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.site is None:
            return None
        for path in self.site.settings.left_out:
            left_out = files.get_file_from_path(path)
            if left_out is not None:
                files.remove(left_out)
        for page in self.site.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path}: a hand-written page has the address of a generated page; rename it")
            files.append(File.generated(config, page.path, content=page.content))
        for asset in self.site.assets:
            files.append(File.generated(config, asset.path, content=asset.content))
        return Files(sorted(files, key=_as_walked))

    @event_priority(-100)  # after Material's search plugin has written the index the course's is made from
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._build.close()
        if self.site is not None and self.searching:
            write_search_index(Path(config.site_dir))

    def on_build_error(self, *, error: Exception) -> None:
        self._build.close()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer | None:
        for folder in self.sources:
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _as_walked(file: File) -> tuple[tuple[object, ...], ...]:
    """A file's place in the order MkDocs reads a docs folder (each folder's files, ``index`` first, before its
    subfolders), which is the order pages are built and enter the search index: generated pages take the place
    they have in the workspace ``coursegen build`` writes, so both builds index the course alike."""
    *folders, name = file.src_uri.split("/")
    return (*((1, folder) for folder in folders), (0, *_file_sort_key(name)))
