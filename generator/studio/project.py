"""The course project as the studio sees it: which file a page comes from, what kind of file it is, and what
``coursegen check`` would say of the project if a file held what the trainer is typing.

A check runs on a copy of the course and quiz folders with the candidate texts in place, through the loader
``coursegen check`` uses, so the studio can never disagree with the command line; the copy is small (a course is a
few dozen files) and is thrown away at once.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ..builder import Paths
from ..errors import UserError
from ..load import load_project
from ..load.links import broken_links
from ..load.problems import CourseError, Problem
from ..load.project import COURSE_FILE, ITEM_FOLDERS
from ..load.siteconfig import docs_dir
from ..render.site import Site
from ..site_paths import page_url

KINDS = ("course", "lecture", "case", "discussion", "drill", "scenario", "homework", "quiz")
"""The kinds of course file the studio has a form for; a hand-written page is ``markdown`` (text only)."""
LECTURES = "lectures"
"""The folder ``coursegen new`` and the studio put lecture files in (``course.yml`` may list them anywhere)."""


@dataclass(frozen=True)
class Project:
    """A course project folder, with the parts :class:`~coursegen.builder.Paths` names, all resolved."""

    root: Path
    paths: Paths

    @property
    def course(self) -> Path:
        return (self.root / self.paths.course).resolve()

    @property
    def quizzes(self) -> Path:
        return (self.root / self.paths.quizzes).resolve()

    @property
    def docs(self) -> Path:
        return docs_dir(self.root / self.paths.config)

    @property
    def writable(self) -> tuple[Path, ...]:
        """The only folders the studio writes in (and reads from): the course, its quiz banks, the hand-written pages."""
        return self.course, self.quizzes, self.docs

    @property
    def journal(self) -> Path:
        """Where the studio keeps what a save replaced (undo): the work folder, never the course."""
        return (self.root / self.paths.work / "studio").resolve()

    def name(self, path: Path) -> str:
        """``path`` as the browser names it: relative to the project folder, with ``/``."""
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def kind(self, path: Path) -> str | None:
        """The kind of course file ``path`` is, by where it lies, or ``markdown``/None."""
        path = path.resolve()
        if path.suffix == ".md" and path.is_relative_to(self.docs):
            return "markdown"
        if path.suffix not in (".yml", ".yaml"):
            return None
        if path.parent == self.quizzes:
            return "quiz"
        if path == self.course / COURSE_FILE:
            return "course"
        if path.parent.parent == self.course:
            folder = path.parent.name
            return next((kind for kind, (name, _) in ITEM_FOLDERS.items() if name == folder), "lecture" if folder == LECTURES else None)
        return None

    def page_source(self, site: Site | None, url_path: str) -> Path | None:
        """The file the preview's page at ``url_path`` (``/lectures/01-intro/``) is made from: a course file for a
        generated page, the Markdown file for a hand-written one."""
        wanted = url_path.strip("/")
        for page in site.pages if site else []:
            if page_url(page.path).strip("/") == wanted:
                return page.source.resolve() if page.source else None
        stem = PurePosixPath(wanted or "index")
        for candidate in (self.docs / f"{stem}.md", self.docs / stem / "index.md"):
            if candidate.resolve().is_file() and candidate.resolve().is_relative_to(self.docs):
                return candidate.resolve()
        return None

    def page_of(self, site: Site | None, path: Path) -> str | None:
        """The preview's address of the first page made from ``path``."""
        for page in site.pages if site else []:
            if page.source and page.source.resolve() == path.resolve():
                return "/" + page_url(page.path)
        return None

    def check(self, candidates: Mapping[Path, str]) -> list[Problem]:
        """What ``coursegen check`` would report if each file of ``candidates`` held its text; errors, warnings and
        notes, each at its file (the real one, not the copy's), line and column."""
        with tempfile.TemporaryDirectory(prefix="coursegen-studio-") as scratch:
            copy = Path(scratch)
            course, quizzes = copy / "course", copy / "quizzes"
            shutil.copytree(self.course, course, ignore=shutil.ignore_patterns(".*"))
            if self.quizzes.is_dir():
                shutil.copytree(self.quizzes, quizzes, ignore=shutil.ignore_patterns(".*"))
            else:
                quizzes.mkdir()
            where = {self.course: course, self.quizzes: quizzes}
            for path, text in candidates.items():
                if self.kind(path) == "markdown":
                    continue  # a hand-written page is not part of the course check
                folder = next(f for f in where if path.resolve().is_relative_to(f))
                target = where[folder] / path.resolve().relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            try:
                project, problems = load_project(course, quizzes)
                problems = problems + broken_links(project, self.docs)
            except CourseError as error:
                problems = error.problems
            except UserError as error:  # a file the loader cannot read at all
                problems = [Problem(course / COURSE_FILE, 1, 1, str(error))]
            back = {copy_folder: real for real, copy_folder in where.items()}
            return sorted(_moved(p, back) for p in problems)


def _moved(problem: Problem, back: Mapping[Path, Path]) -> Problem:
    """``problem`` at the real file the copy's file stands for."""
    path = problem.path.resolve()
    for copy_folder, real in back.items():
        if path.is_relative_to(copy_folder.resolve()):
            return Problem(real / path.relative_to(copy_folder.resolve()), problem.line, problem.col, problem.message,
                           problem.hint, problem.severity)
    return problem


def path_at(text: str, line: int, column: int) -> list[str | int] | None:
    """The keys and indexes leading to the deepest value of ``text`` that holds ``line``:``column`` (1-based), so
    the form can show a problem under its field; None when the text does not parse."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    where = (line - 1, column - 1)
    path: list[str | int] = []
    while node is not None:
        inner: tuple[str | int, Any] | None = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if _holds(key, where) or _holds(value, where) or (key.start_mark.line == where[0]):
                    inner = (key.value, value)
                    break
        elif isinstance(node, yaml.SequenceNode):
            inner = next(((i, item) for i, item in enumerate(node.value) if _holds(item, where)), None)
        if inner is None:
            break
        path.append(inner[0])
        node = inner[1]
    return path


def _holds(node: yaml.Node, where: tuple[int, int]) -> bool:
    start = (node.start_mark.line, node.start_mark.column)
    end = (node.end_mark.line, node.end_mark.column)
    return start <= where < end or start == where
