"""A real browser: Debian's Chromium driven by Playwright (never a downloaded browser).

Every test here is marked ``browser`` (a test using the ``browser`` or ``page`` fixture must be: see tests/tools.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coursegen.builder import Paths, build
from tests.conftest import ROOT, serve_folder
from tests.tools import CHROMIUM

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page in its own context: empty localStorage for every test."""
    context = browser.new_context(locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def serve_built_with_site_url(project: Path, out: Path) -> Iterator[str]:
    """Serve the course project in ``project`` built into ``out`` knowing its address (``site_url``), which
    Material's instant navigation needs: it only follows links listed in sitemap.xml (port included)."""
    server = serve_folder(out / "site")
    url = next(server)
    config = out / "mkdocs.yml"
    config.write_text((project / "mkdocs.yml").read_text(encoding="utf-8") + f"site_url: {url}/\n", encoding="utf-8")
    build(Paths(config=config, course=project / "course", quizzes=project / "quizzes", work=out / "work"), out / "site")
    yield url
    server.close()


@pytest.fixture(scope="session")
def instant_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example course, served at an address it knows."""
    yield from serve_built_with_site_url(ROOT, tmp_path_factory.mktemp("instant"))
