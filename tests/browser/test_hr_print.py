"""The HR report on paper: HR prints the HTML (or saves it as PDF) to chase people at a meeting, and paper
cannot be clicked open, so every collapsed part (待催交, each department's rows, the superseded files) must print.

Printed by Debian's Chromium (Playwright's ``page.pdf``, print media) and read back with pdftotext.
"""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from coursegen.hr import Bucket, make_report, read_roster
from coursegen.load import load_project
from tests.hr import synthetic

pytestmark = pytest.mark.browser


def test_a_printed_report_holds_everyone_to_chase_and_every_department_s_rows(browser: Browser, tmp_path: Path) -> None:
    course, quizzes, roster_path, inbox = synthetic.write_demo(tmp_path, trainees=24, files=30)
    project, _ = load_project(course, quizzes)
    report, outputs = make_report([inbox], read_roster(roster_path), project, tmp_path / "out",
                                  now=datetime(2021, 3, 15, 9, 30, tzinfo=synthetic.CST))
    nothing_in = [t.name for t, cells in report.rows if all(c.status == "missing" for c in cells)]
    some_in = [t.name for t, cells in report.rows if any(c.status in ("submitted", "late") for c in cells)]
    assert nothing_in and some_in  # the demo class has both kinds

    page = browser.new_page()
    page.goto(outputs.html.as_uri())
    assert page.locator("details:not([open])").count() > 0  # on screen the lists start collapsed
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)

    assert [name for name in nothing_in if name not in text] == []  # the chase list and their rows
    assert [name for name in some_in if name not in text] == []  # the department tables with every cell
    superseded = [e for e in report.files if e.bucket is Bucket.SUPERSEDED]
    assert superseded and text.count(superseded[0].received.trainee.name) > 1  # also in the file list, collapsed on screen
