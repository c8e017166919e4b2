"""The installed package: imported as `coursegen` from the `generator/` folder, every sub-package shipped."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


DATA_PACKAGES = {"coursegen.guidebook": "guide"}
"""Packages that only carry files from outside generator/ (the trainer's guide); they hold no Python code."""


def test_every_folder_with_python_code_is_a_listed_package() -> None:
    """A sub-package missing from pyproject's list would be left out of a wheel and fail only after install."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert config["package-dir"] == {"coursegen": "generator", **DATA_PACKAGES}
    on_disk = {
        ".".join(("coursegen", *init.parent.relative_to(ROOT / "generator").parts))
        for init in (ROOT / "generator").rglob("__init__.py")
    }
    assert set(config["packages"]) == on_disk | set(DATA_PACKAGES)
    for folder in DATA_PACKAGES.values():
        assert not list((ROOT / folder).glob("*.py")), f"{folder}/ is a data package: Python code there would be shipped by accident"


def test_the_import_name_is_coursegen_and_generator_is_not_installed(tmp_path: Path) -> None:
    """Run from an empty folder, so neither the project root nor a local module can stand in for the install."""
    code = (
        "import importlib.util, coursegen, coursegen.cli\n"
        "assert importlib.util.find_spec('generator') is None, 'a top-level generator package is installed'\n"
        "print(coursegen.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "coursegen"


def test_command_line_entry_point_runs_the_coursegen_package(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "coursegen", "--version"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "coursegen" in done.stdout


def test_check_loads_the_course_without_the_renderer_or_mkdocs() -> None:
    """`coursegen check` runs in a course repository's CI on every push: it must not pay for what only a build uses."""
    code = (
        "import sys\n"
        "from coursegen.cli import main\n"
        "try:\n    main(['check'])\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'jinja2', 'markdown', 'mkdocs', 'material', 'openpyxl', 'docx', 'jieba'}))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('coursegen.render', 'coursegen.builder'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == ["[]", "[]"]
