"""Fixtures shared by the whole suite: the example course built once, served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from coursegen.builder import Paths, build
from coursegen.messages import choose
from coursegen.render.site import Edition
from tests.lrs import RalphLrs
from tests.tools import apply_markers

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent


def build_example(out: Path, edition: Edition = "trainee", *, offline: bool = False) -> Path:
    """Build the repository's example course into ``out`` (a fresh work folder per build)."""
    paths = Paths(config=ROOT / "mkdocs.yml", course=ROOT / "course", quizzes=ROOT / "quizzes", work=out / ".work")
    build(paths, out / "site", edition, offline=offline)
    return out / "site"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The trainee edition built with ``--offline``, for pages opened from ``file://``."""
    return build_example(tmp_path_factory.mktemp("offline"), offline=True)


@pytest.fixture(scope="session")
def trainer_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(tmp_path_factory.mktemp("trainer"), "trainer")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the stdlib
        pass


def serve_folder(folder: Path) -> Generator[str, None, None]:
    """Serve ``folder`` on 127.0.0.1 (a free port) for as long as the generator is alive."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of the trainee edition of the example course."""
    yield from serve_folder(example_site)


@pytest.fixture(autouse=True)
def messages_in_chinese() -> Iterator[None]:
    """Each test starts in coursegen's first language, whatever language an earlier command spoke (the choice is one
    for the process, as a command makes it once)."""
    choose(None)
    yield
    choose(None)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test runs in its own empty temporary folder, as a trainer runs ``coursegen`` in a course folder;
    the working folder is restored afterwards, whatever happens."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``browser``, ``node`` or ``python`` skip, saying why, when their tool is missing (tests/tools.py)."""
    apply_markers(items)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="Rewrite golden files from the current output.")


@pytest.fixture
def lrs(tmp_path: Path) -> Iterator[RalphLrs]:
    """A running Ralph LRS of the test's own (data in ``tmp_path``), stopped after it; mark the test ``lrs``."""
    server = RalphLrs(tmp_path / "lrs")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
