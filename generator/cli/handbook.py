"""``coursegen handbook``: the trainee handbook as a PDF, printed by headless Chromium.

The handbook page of the trainee site (all lectures, cases, discussions, drills and homework blanks;
no answer keys, no facilitator notes) is built as usual and printed with Chromium's print-to-PDF, so
the PDF looks exactly like the browser's print preview. Chinese needs a CJK font on the machine
(Debian: ``fonts-noto-cjk``); the site itself loads no web fonts.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ..builder import Paths, build as build_pipeline
from ..errors import UserError
from ..render.learner import HANDBOOK
from .course import course_options

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
FOOTER = ('<div style="width:100%;font-size:8px;text-align:center;color:#666">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
"""Page numbers at the foot of each page; Chromium fills in the two spans."""


@click.command()
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True, help="The site's MkDocs settings.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=Path("handbook.pdf"), show_default=True, help="The PDF to write.")
@click.option("--chromium", type=click.Path(path_type=Path), envvar="COURSEGEN_CHROMIUM", default=Path(CHROMIUM), show_default=True, help="The Chromium (or Chrome) executable that prints the PDF.")
def handbook(course_dir: Path, quizzes_dir: Path, config: Path, output: Path, chromium: Path) -> None:
    """Print the trainee handbook (lectures, cases, homework blanks; no answers) to a PDF."""
    if not chromium.is_file():
        raise UserError(f"{chromium}: no Chromium here; install it (Debian: apt-get install chromium) or pass --chromium PATH")
    paths = Paths(config=config, course=course_dir, quizzes=quizzes_dir)
    with tempfile.TemporaryDirectory(prefix="coursegen-handbook-") as tmp:
        site = Path(tmp) / "site"
        build_pipeline(paths, site, "trainee", offline=True, progress=lambda step: click.echo(f"… {step}", err=True))
        page = site / HANDBOOK.replace(".md", ".html")
        click.echo("… printing with Chromium", err=True)
        pages = print_pdf(page, output, chromium)
    click.echo(f"Handbook written to {output} ({pages} pages)")


def print_pdf(page: Path, output: Path, chromium: Path) -> int:
    """Open ``page`` from disk in headless Chromium and save it as an A4 PDF; return its page count."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise UserError(
            "printing the handbook needs the Python package playwright: pip install 'coursegen[pdf]' "
            "(it drives the Chromium already on the machine; no browser download is needed)"
        ) from exc
    output.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.goto(page.resolve().as_uri(), wait_until="load")
            tab.evaluate("document.fonts.ready")
            pdf = tab.pdf(
                path=str(output), format="A4", print_background=True, display_header_footer=True,
                header_template="<div></div>", footer_template=FOOTER,
                margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
            )
        finally:
            browser.close()
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


COMMANDS = [handbook]
