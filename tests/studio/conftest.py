"""A copy of the example project, and the studio's application over it, answered in process (Starlette's test
client: the real application, routes and guard; the browser tests run the real ``coursegen studio`` server)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from coursegen.builder import Paths, generate
from coursegen.render.site import Site
from coursegen.studio.project import Project
from coursegen.studio.proxy import Upstream
from coursegen.studio.server import Studio, application
from tests.conftest import ROOT

PORT = 8123
SECRET = "test-secret"
STUDIO = f"http://127.0.0.1:{PORT}"


def copy_example(target: Path) -> Path:
    """The example project (course, banks, hand-written pages, settings) in ``target``."""
    for folder in ("course", "quizzes", "docs"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The example course's site description (which file each page comes from)."""
    root = copy_example(tmp_path_factory.mktemp("site"))
    return generate(Paths(config=root / "mkdocs.yml", course=root / "course", quizzes=root / "quizzes", work=root / ".coursegen"), "trainer").site


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = copy_example(tmp_path / "project")
    return Project(root, Paths(config=Path("mkdocs.yml"), course=Path("course"), quizzes=Path("quizzes"), work=Path(".coursegen")))


@pytest.fixture
def client(project: Project, example_site: Site, request: pytest.FixtureRequest) -> Iterator[TestClient]:
    """A browser that opened the printed address: it holds the cookie, and sends the studio's header. The studio
    speaks Chinese, or the language a test names (``@pytest.mark.parametrize("client", ["en"], indirect=True)``)."""
    language = getattr(request, "param", "zh")
    upstream = Upstream(1, docs=project.root / ".coursegen" / "trainer" / "docs")
    app = application(Studio(project, lambda: _moved(example_site, project), language), upstream, port=PORT, secret=SECRET)
    with TestClient(app, base_url=STUDIO, headers={"x-coursegen-studio": "1", "origin": STUDIO}) as browser:
        assert browser.get(f"/_studio/?secret={SECRET}", follow_redirects=False).status_code == 303
        yield browser


def _moved(site: Site, project: Project) -> Site:
    """``site`` with its pages' sources in ``project`` (the description was made from another copy)."""
    pages = []
    for page in site.pages:
        source = page.source
        if source is not None:
            parts = source.parts
            at = max(i for i, part in enumerate(parts) if part in ("course", "quizzes"))
            source = project.root.joinpath(*parts[at:])
        pages.append(replace(page, source=source))
    return replace(site, pages=pages)
