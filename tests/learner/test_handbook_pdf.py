"""`coursegen handbook` prints the trainee handbook to a PDF with Chromium: every lecture is in it, no answer key
is, and its Chinese is real text (read back with pdftotext from poppler-utils)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.cli import main
from coursegen.load import load_project
from coursegen.render import render_site
from tests.conftest import ROOT
from tests.learner.keys import answer_keys, fragments, plain

OPTIONS = ["--course", str(ROOT / "course"), "--quizzes", str(ROOT / "quizzes"), "--config", str(ROOT / "mkdocs.yml")]


@pytest.fixture(scope="module")
def handbook_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("handbook")
    pdf = out / "handbook.pdf"
    # A process of its own, as a trainer runs it: Playwright's sync API cannot start inside the browser
    # tests' running event loop.
    command = [sys.executable, "-c", "from coursegen.cli import main; main()", "handbook", "-o", str(pdf), *OPTIONS]
    result = subprocess.run(command, cwd=out, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert re.search(r"Handbook written to .*handbook\.pdf \((\d+) pages\)", result.stdout)
    assert pdf.read_bytes().startswith(b"%PDF-")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.browser
def test_pdf_holds_every_lecture_case_and_homework(handbook_text: str) -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    text = plain(handbook_text)
    missing = [l.title for l in project.lectures if plain(l.title) not in text]
    missing += [c.title for c in project.cases.values() if plain(c.title) not in text]
    missing += [h.title for h in project.homework.values() if plain(h.title) not in text]
    assert missing == []
    assert "姓名：" in handbook_text and "近半年客户投诉案例" in handbook_text  # the blanks to fill in


@pytest.mark.browser
def test_pdf_holds_no_answer_key(handbook_text: str) -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    lectures = plain("".join(p.content for p in render_site(project).pages if p.path.startswith("lectures/")))
    secrets = fragments(answer_keys(project), public=lectures)
    assert len(secrets) > 100
    text = plain(handbook_text)
    assert [s for s in secrets if s in text] == []


def test_a_missing_chromium_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["handbook", "--chromium", str(tmp_path / "nope"), *OPTIONS])
    assert result.exit_code == 1
    assert "no Chromium here" in result.output and "Traceback" not in result.output
