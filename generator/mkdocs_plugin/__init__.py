"""A thin MkDocs plugin so that plain ``mkdocs serve`` / ``mkdocs build`` also generate the course.

Nothing depends on it: ``coursegen build`` writes the same pages to a folder any builder reads, and
when MkDocs runs on such a folder (it carries the generator's marker file) the plugin stands aside.
This is the only module that imports MkDocs' plugin API.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..builder import hooks
from ..builder.workspace import MARKER
from ..errors import UserError
from ..load import load_project
from ..render import Edition, Site, render_site


class CoursegenConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the generator off without removing the plugin, e.g. for a docs-only preview."""
    course_dir = c.Type(str, default="course")
    """Folder holding course.yml, relative to mkdocs.yml."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder of question banks, relative to mkdocs.yml."""
    edition: c.Choice[Edition] = c.Choice(("trainee", "trainer"), default="trainee")
    """The trainer edition adds facilitator notes and answer keys."""
    engine = c.Choice(("mkdocs", "zensical"), default="mkdocs")
    """The program ``coursegen build`` and ``coursegen serve`` build the site with (``--engine`` overrides it);
    plain ``mkdocs build`` is MkDocs whatever this says."""


class CoursegenPlugin(BasePlugin[CoursegenConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.sources: list[Path] = []

    # on_config runs before MkDocs cleans the site folder: a course error here keeps the last good site.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.site = None
        if not self.config.enabled or (Path(config.docs_dir) / MARKER).exists():
            return None
        root = Path(config.config_file_path).parent
        course_dir, quizzes_dir = root / self.config.course_dir, root / self.config.quizzes_dir
        self.sources = [course_dir, quizzes_dir]
        try:
            project, _warnings = load_project(course_dir, quizzes_dir)
        except UserError as exc:
            raise PluginError(str(exc)) from exc
        self.site = render_site(project, self.config.edition)
        config.nav = self.site.nav_config() + list(config.nav or [])
        # Prepend, so the author's own CSS/JS in mkdocs.yml can override the generator's.
        config.extra_css[:0] = self.site.extra_css
        config.extra_javascript[:0] = self.site.extra_javascript
        # What the generated workspace's mkdocs.yml would add (coursegen.builder.workspace): the theme overrides
        # after the trainer's own custom_dir, their texts, the CJK line joining.
        theme_dir = str(resources.files("coursegen") / "theme")
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        config.extra.setdefault("coursegen", self.site.theme.texts)
        if not self.site.theme.credit:
            config.extra.setdefault("generator", False)
        return hooks.on_config(config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.site is None:
            return None
        for page in self.site.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path}: a hand-written page has the address of a generated page; rename it")
            files.append(File.generated(config, page.path, content=page.content))
        for asset in self.site.assets:
            files.append(File.generated(config, asset.path, content=asset.content))
        return files

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer | None:
        for folder in self.sources:
            if folder.is_dir():
                server.watch(str(folder))
        return server
