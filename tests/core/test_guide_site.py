"""The trainer's guide ships with the package: `coursegen guide --path` finds it and `--open` shows it offline.

Someone who installed coursegen with pip has no repository to read `guide/docs/` from; the scaffold's
course.yml sends them to `coursegen guide --open`, so that command must find the pages in a built wheel.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen import guide_site
from coursegen.cli import main
from coursegen.scaffold import create_project

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.relative_to(ROOT / "guide").as_posix() for p in (ROOT / "guide" / "docs").rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by pip from a copy of the project (the build leaves nothing in the checkout)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("generator", "guide"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(source)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    return next(out.glob("coursegen-*.whl"))


def test_the_wheel_carries_every_guide_page(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [page for page in ["mkdocs.yml", *PAGES] if f"coursegen/guidebook/{page}" not in names]
    assert not missing
    assert "coursegen/guidebook/docs/reference.md" in names


def test_the_installed_command_finds_the_packaged_guide(wheel: Path, tmp_path: Path) -> None:
    """Unpacked into a folder of its own (what pip install does), run from elsewhere: --path names the packaged copy."""
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "import coursegen\n"
        f"assert coursegen.__file__.startswith({str(site)!r}), coursegen.__file__\n"
        "from coursegen.cli import main\n"
        "main(['guide', '--path'])\n"
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == site / "coursegen" / "guidebook" / "docs"
    assert not list(work.iterdir()), "reading the guide wrote into the current folder"


def test_guide_open_builds_a_site_that_works_from_file_and_opens_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    monkeypatch.setattr(guide_site, "default_site_dir", lambda: tmp_path / "guide-site")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["guide", "--open"])
    assert result.exit_code == 0, result.output
    site = tmp_path / "guide-site"
    assert opened == [(site / "index.html").as_uri()]
    for page in ("index.html", "reference.html", "examples.html", "cli.html", "search/search_index.js"):
        assert (site / page).is_file(), page
    reference = (site / "reference.html").read_text(encoding="utf-8")
    assert 'href="examples.html"' in reference, "page links must be .html addresses to work from file://"
    assert "unpkg.com" not in reference and "iframe-worker" in reference, "no polyfill may come from the internet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["guide-site"], "reading the guide wrote into the current folder"


def test_guide_without_open_or_path_still_regenerates_the_reference(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["guide", "-o", str(tmp_path / "docs")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["cli.md", "reference.md"]


def test_a_new_course_points_at_the_guide_a_pip_install_has(tmp_path: Path) -> None:
    create_project(tmp_path / "demo", "示例")
    lines = (tmp_path / "demo" / "course" / "course.yml").read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines if line.startswith("#"))
    assert "coursegen guide --open" in header
    assert "repository" not in header, "a pip install has no repository to look in"


def test_the_wheel_carries_both_scorm_schema_sets(wheel: Path) -> None:
    """`coursegen package` copies them from the installed package: a pip user has no repository."""
    from coursegen.package import FORMATS

    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [f"{f.schema_folder}/{name}" for f in FORMATS.values() for name in f.schemas
               if f"coursegen/package/xsd/{f.schema_folder}/{name}" not in names]
    assert missing == []
    assert "coursegen/package/xsd/scorm2004/README.md" in names
