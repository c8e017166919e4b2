"""``coursegen handbook``: the trainee handbook as a PDF, printed by headless Chromium.

The handbook page of the trainee site (all lectures, cases, discussions, drills and homework blanks;
no answer keys, no facilitator notes) is built as usual and printed with Chromium's print-to-PDF, so
the PDF looks exactly like the browser's print preview. Chinese needs a CJK font on the machine
(Debian: ``fonts-noto-cjk``); the site itself loads no web fonts. For print, the handbook's style sheet
names TrueType CJK fonts first (WenQuanYi Micro Hei on Debian, Microsoft YaHei on Windows): Chromium embeds
those as real fonts, while the CFF outlines of Noto CJK end up as Type 3 glyphs that some viewers and print
shops handle badly.
"""

from __future__ import annotations

import io
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import atomic
from ..builder import Paths, build as build_pipeline
from ..errors import UserError
from ..messages import say
from ..site_paths import HANDBOOK, page_url
from .course import course_options, progress
from .speaking import Command

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
FOOTER = ('<div style="width:100%;font-size:8px;text-align:center;color:#666">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
"""Page numbers at the foot of each page; Chromium fills in the two spans."""


@click.command(cls=Command)
@course_options
@click.option("--config", "config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=Path("handbook.pdf"), show_default=True)
@click.option("--chromium", type=click.Path(path_type=Path), envvar="COURSEGEN_CHROMIUM", default=Path(CHROMIUM), show_default=True)
def handbook(course_dir: Path, quizzes_dir: Path, config: Path, output: Path, chromium: Path) -> None:
    """Print the trainee handbook (lectures, cases, homework blanks; no answers) to a PDF."""
    if not chromium.is_file():
        raise UserError(say("build.error.no_chromium", path=chromium))
    paths = Paths(config=config, course=course_dir, quizzes=quizzes_dir)
    with tempfile.TemporaryDirectory(prefix="coursegen-handbook-") as tmp:
        site = Path(tmp) / "site"
        build_pipeline(paths, site, "trainee", offline=True, progress=progress)
        page = site / page_url(HANDBOOK, directory_urls=False)  # an offline site
        progress(say("build.progress.printing"))
        pages = print_pdf(page, output, chromium)
    click.echo(say("build.done.handbook", output=output, pages=pages))


PAGE_NUMBERS = "assets/pdf/cg-handbook-pages.js"
"""The script that writes the page numbers of the first print into the contents and cross-references."""


def print_pdf(page: Path, output: Path, chromium: Path) -> int:
    """Open ``page`` from disk in headless Chromium and save it as an A4 PDF; return its page count.

    The PDF is tagged (structure for screen readers and text selection) and has bookmarks from the headings.
    It is printed twice: the first print's bookmarks tell which page each heading landed on, and the second
    carries those numbers in the contents and in references such as 【案例分析】…（见第 12 页）. The file is
    written under a temporary name and renamed, so a failed print leaves an earlier handbook as it was.
    """
    try:
        import pypdf  # noqa: F401 - reads the first print's bookmarks (heading_pages)
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise UserError(say("build.error.pdf_packages")) from exc

    def print_pdf(tab: Page) -> bytes:
        return tab.pdf(
            format="A4", print_background=True, display_header_footer=True, outline=True, tagged=True,
            header_template="<div></div>", footer_template=FOOTER,
            margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        )

    numbering = (resources.files("coursegen") / PAGE_NUMBERS).read_text(encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.emulate_media(media="print")
            tab.goto(page.resolve().as_uri(), wait_until="load")
            tab.evaluate("document.fonts.ready")
            pdf = print_pdf(tab)
            if tab.evaluate(numbering, heading_pages(pdf)) > 0:
                pdf = print_pdf(tab)
        finally:
            browser.close()
    atomic.write_bytes(output, pdf)
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def heading_pages(pdf: bytes) -> list[dict[str, object]]:
    """Each bookmark of ``pdf`` in document order, as its title and 1-based page number."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    found: list[dict[str, object]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = reader.get_destination_page_number(item)  # None for a bookmark to no page of this file
                if page is not None:
                    found.append({"title": str(item.title), "page": page + 1})

    walk(reader.outline)
    return found


COMMANDS = [handbook]
