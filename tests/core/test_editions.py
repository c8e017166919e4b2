"""Edition isolation, proved: every way a user can build the trainee edition gives the same pages, and none of them
carries trainer-only text — facilitator notes, the trainer edition's visible answer keys (显示答案 blocks and the
final assessment's key page), closing notes, the HR guide, or a trainer-only page the trainer adds — in any page,
asset, search index, package or PDF.

The trainer-only phrases are not listed by hand: they are the runs of Chinese text the trainer edition's pages
have and no trainee page has (so a label shared by both editions, or an option that the key repeats, is not one),
plus the trainer-only pages' own text. The trainer edition's own build must show every one of them, which proves
the phrases real and the search able to find them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.builder.engines import ENVIRONMENT
from coursegen.cli import main
from coursegen.load import load_project
from coursegen.load.siteconfig import read_site_settings
from coursegen.render import render_site
from tests.conftest import ROOT

TRAINER_PAGE = "trainer-only-notes.md"
TRAINER_PAGE_TEXT = "这一页是讲师自己加的备课页面只给讲师看"
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{8,}")
"""A phrase: eight or more Chinese characters in a row (no punctuation or markup, which pages may escape)."""


def _project(root: Path) -> Path:
    """A copy of the example project with a trainer-only page of the trainer's own beside the HR guide."""
    for part in ("course", "quizzes", "docs"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs" / TRAINER_PAGE).write_text(f"---\nedition: trainer\n---\n\n# 备课\n\n{TRAINER_PAGE_TEXT}。\n", encoding="utf-8")
    return root


def _phrases(project: Path) -> set[str]:
    """Runs of Chinese text only the trainer edition holds: in its generated pages and in no page or asset of the
    trainee edition (a quiz's data script holds its options; the widgets' texts may share a phrase with the HR
    guide), or in a trainer-only hand-written page (the HR guide, the added one)."""
    course, _ = load_project(project / "course", project / "quizzes")
    user = read_site_settings(project / "mkdocs.yml")
    site = render_site(course, "trainee", user=user)
    trainee = "\n".join([*(p.content for p in site.pages), *(a.content.decode("utf-8", "replace") for a in site.assets)])
    trainer = "\n".join(p.content for p in render_site(course, "trainer", user=user).pages)
    trainer += "\n".join((user.docs / page).read_text(encoding="utf-8") for page in user.trainer_only)
    return {run for run in CJK_RUN.findall(trainer) if run not in trainee}


def _pages(site: Path) -> set[str]:
    """The site's pages as addresses, whether written as folders (``a/index.html``) or files (``a.html``)."""
    pages = set()
    for html in site.rglob("*.html"):
        name = html.relative_to(site).as_posix()
        if name in ("404.html", "scorm.html"):  # the error page, the SCORM launch page: not pages of the course
            continue
        stem = name.removesuffix(".html")
        pages.add(stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem)
    return pages


def _texts(folder: Path) -> Iterator[tuple[str, str]]:
    """Every text file below ``folder`` (pages, scripts, styles, search index, manifest), with its name."""
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".css", ".xml", ".txt", ".md", ".yml"}:
            yield path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8", errors="replace")


def _leaks(folder: Path, phrases: set[str]) -> dict[str, list[str]]:
    """Which phrases stand in which file, as written or escaped as JSON writes them."""
    found: dict[str, list[str]] = {}
    for name, text in _texts(folder):
        hits = [p for p in phrases if p in text or json.dumps(p)[1:-1] in text]
        if hits:
            found[name] = sorted(hits)[:3]
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Path]]]:
    """The project, and the trainee edition built every way a user can (the PDF apart: it needs Chromium)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = tmp_path_factory.mktemp("editions")
    project = _project(root / "project")
    out = root / "out"
    runner = CliRunner()
    sites: dict[str, Path] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.delenv(ENVIRONMENT, raising=False)
        commands = {
            "coursegen build": ["build", "-d", str(out / "build")],
            "coursegen build --engine zensical": ["build", "--engine", "zensical", "-d", str(out / "zensical")],
            "coursegen build --offline": ["build", "--offline", "-d", str(out / "offline")],
            "coursegen build --edition trainer": ["build", "--edition", "trainer", "-d", str(out / "trainer")],
        }
        for name, args in commands.items():
            result = runner.invoke(main, args)
            assert result.exit_code == 0, f"{name}: {result.output}"
            sites[name] = Path(args[-1])
        for flag in ("--scorm12", "--scorm2004"):
            package = out / f"package{flag}.zip"
            result = runner.invoke(main, ["package", flag, "-o", str(package)])
            assert result.exit_code == 0, result.output
            with zipfile.ZipFile(package) as archive:
                archive.extractall(out / flag)
            sites[f"coursegen package {flag}"] = out / flag
        mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(out / "plain"), strict=True))
        sites["mkdocs build (coursegen plugin)"] = out / "plain"
        yield project, sites


def test_every_way_of_building_the_trainee_edition_gives_the_same_pages(built: tuple[Path, dict[str, Path]]) -> None:
    _, sites = built
    expected = _pages(sites["coursegen build"])
    assert "hr-guide" not in expected and "trainer-only-notes" not in expected
    assert {"hr-guide", "trainer-only-notes"} <= _pages(sites["coursegen build --edition trainer"])
    for name, site in sites.items():
        if name != "coursegen build --edition trainer":
            assert _pages(site) == expected, name


def test_no_trainee_build_holds_trainer_only_text(built: tuple[Path, dict[str, Path]]) -> None:
    project, sites = built
    phrases = _phrases(project)
    assert TRAINER_PAGE_TEXT in phrases
    assert len(phrases) >= 20, "facilitator notes, keys, closing notes and the HR guide give many phrases"
    shown = "".join(text for _, text in _texts(sites["coursegen build --edition trainer"]))
    assert not [p for p in phrases if p not in shown], "the trainer edition shows every trainer-only phrase"
    for name, site in sites.items():
        if name != "coursegen build --edition trainer":
            assert not _leaks(site, phrases), f"{name} publishes trainer-only text: {_leaks(site, phrases)}"


def test_plain_mkdocs_with_the_plugin_builds_the_site_coursegen_builds(built: tuple[Path, dict[str, Path]]) -> None:
    """Every file, the search index among them, byte for byte: the plugin and the workspace read one description."""
    _, sites = built
    built_files = {p.relative_to(sites["coursegen build"]).as_posix(): p.read_bytes() for p in sites["coursegen build"].rglob("*") if p.is_file()}
    plain_files = {p.relative_to(sites["mkdocs build (coursegen plugin)"]).as_posix(): p.read_bytes()
                   for p in sites["mkdocs build (coursegen plugin)"].rglob("*") if p.is_file()}
    assert sorted(plain_files) == sorted(built_files)
    assert [name for name in built_files if plain_files[name] != built_files[name]] == []


@pytest.mark.browser
def test_the_handbook_pdf_holds_no_trainer_only_text(built: tuple[Path, dict[str, Path]], tmp_path: Path) -> None:
    project, _ = built
    pdf = tmp_path / "handbook.pdf"
    # In a process of its own: the browser tests' Playwright session in this one would refuse a second.
    command = [sys.executable, "-c", "from coursegen.cli import main; main()", "handbook", "-o", str(pdf)]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert "投诉" in text, "the PDF's text is readable"
    assert not [p for p in _phrases(project) if p in text]
