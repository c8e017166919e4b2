"""A real browser: Debian's Chromium driven by Playwright (never a downloaded browser).

Every test here is marked ``browser`` (a test using the ``browser`` or ``page`` fixture must be: see tests/tools.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from coursegen.builder import Paths, build
from tests.conftest import ROOT, serve_folder
from tests.serving import running_studio
from tests.tools import CHROMIUM

if TYPE_CHECKING:
    from playwright.sync_api import Browser, FrameLocator, Locator, Page

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
def browser() -> Iterator[Browser]:
    from playwright.sync_api import expect, sync_playwright

    # expect() waits for what the page shows, never for a fixed time; its own 5 s default is too short for a busy CI
    # machine where an engine rebuild and the other worker's browser share two cores with the server answering.
    expect.set_options(timeout=15_000)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page in its own context: empty localStorage for every test."""
    context = browser.new_context(locale="zh-CN")
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
    if (project / "docs").is_dir():  # the hand-written files beside the copied settings, as their docs_dir names them
        shutil.copytree(project / "docs", out / "docs", dirs_exist_ok=True)
    build(Paths(config=config, course=project / "course", quizzes=project / "quizzes", work=out / "work"), out / "site")
    yield url
    server.close()


@pytest.fixture(scope="session")
def instant_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example course, served at an address it knows."""
    yield from serve_built_with_site_url(ROOT, tmp_path_factory.mktemp("instant"))


QUIZ_FIXTURE = ROOT / "tests" / "quiz" / "fixture"
"""A small course with one question bank per question type (and per quiz option)."""


@pytest.fixture(scope="session")
def quiz_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The quiz fixture course, served at an address it knows (instant navigation is tested on it too)."""
    yield from serve_built_with_site_url(QUIZ_FIXTURE, tmp_path_factory.mktemp("quiz-fixture"))


def submit_quiz(scope: Page | FrameLocator | Locator) -> None:
    """Press 提交答案 in ``scope`` (a page, frame or locator), on a phone on the last screen where it is, and, when
    the quiz warns of questions left unanswered, submit anyway: what a trainee who means to hand in a partial
    attempt does."""
    turn_to(scope, scope.locator(".cg-q").count() - 1)
    scope.get_by_role("button", name="提交答案").click()
    anyway = scope.locator(".cg-quiz__warn").get_by_role("button", name="仍要提交")
    if anyway.count():
        anyway.click()


def turn_to(scope: Page | FrameLocator | Locator, target: int | Locator) -> None:
    """On a phone that shows one question at a time, 下一题 / 上一题 in ``scope`` (a page or frame) until ``target``
    (a question's place, 0-based, or its ``.cg-q`` locator) is the one shown, as a trainee gets there; on a wide
    screen every question is shown and nothing is pressed."""
    turns = scope.locator(".cg-quiz__turns")
    if not turns.is_visible():
        return
    n = target if isinstance(target, int) else target.evaluate("b => [...b.parentNode.querySelectorAll('.cg-q')].indexOf(b)")
    while (now := int(turns.locator(".cg-quiz__position").inner_text().split()[1])) != n + 1:
        turns.get_by_role("button", name="下一题" if now < n + 1 else "上一题").click()


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A new course made by ``coursegen new``, and the address ``coursegen studio`` printed for it."""
    project = tmp_path / "aml"
    subprocess.run([sys.executable, "-m", "coursegen", "new", str(project), "--title", "反洗钱入门"], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
    with running_studio(project) as address:
        yield address, project
