"""`coursegen handbook` prints the trainee handbook to a PDF with Chromium: every lecture is in it, no answer key
is, and its Chinese is real text (read back with pdftotext from poppler-utils)."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from coursegen.cli import main
from coursegen.load import load_project
from coursegen.render import render_site
from tests.conftest import ROOT
from tests.learner.keys import answer_keys, fragments, plain

OPTIONS = ["--course", str(ROOT / "course"), "--quizzes", str(ROOT / "quizzes"), "--config", str(ROOT / "mkdocs.yml")]


@dataclass(frozen=True)
class Handbook:
    pdf: Path
    text: str
    """The whole PDF's text, as pdftotext reads it."""

    def page_text(self, number: int) -> str:
        return pdftotext(self.pdf, "-f", str(number), "-l", str(number))

    def bookmarks(self) -> list[tuple[int, str, int]]:
        """(depth, title, 1-based page) of every bookmark, in document order."""
        reader = PdfReader(self.pdf)
        found: list[tuple[int, str, int]] = []

        def walk(items: list[Any], depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    found.append((depth, str(item.title), reader.get_destination_page_number(item) + 1))

        walk(reader.outline, 0)
        return found


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    out = tmp_path_factory.mktemp("handbook")
    pdf = out / "handbook.pdf"
    # A process of its own, as a trainer runs it: Playwright's sync API cannot start inside the browser
    # tests' running event loop.
    command = [sys.executable, "-c", "from coursegen.cli import main; main()", "handbook", "-o", str(pdf), *OPTIONS]
    result = subprocess.run(command, cwd=out, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert re.search(r"Handbook written to .*handbook\.pdf \((\d+) pages\)", result.stdout)
    assert pdf.read_bytes().startswith(b"%PDF-")
    return Handbook(pdf, pdftotext(pdf))


@pytest.fixture(scope="module")
def handbook_text(handbook: Handbook) -> str:
    return handbook.text


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


def page_fill(pdf: Path, tmp: Path) -> list[float]:
    """How much of each page's height holds something, between the top margin and the page-number footer."""
    subprocess.run(["pdftoppm", "-gray", "-r", "20", str(pdf), str(tmp / "p")], check=True)
    fills = []
    for image in sorted(tmp.glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1])):
        magic, size, _depth, pixels = image.read_bytes().split(b"\n", 3)
        width, height = map(int, size.split())
        rows = [y for y in range(int(height * 0.05), int(height * 0.92)) if min(pixels[y * width:(y + 1) * width]) < 200]
        fills.append((max(rows) - min(rows)) / height if rows else 0.0)
    return fills


@pytest.mark.browser
def test_every_lecture_and_part_is_a_bookmark_on_the_page_the_contents_names(handbook: Handbook) -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    marks = {title: page for _depth, title, page in handbook.bookmarks()}
    contents = handbook.page_text(1)
    for lecture in project.lectures:
        title = next(t for t in marks if t.endswith(lecture.title))
        assert re.search(rf"{re.escape(title)}\s*\n?\s*{marks[title]}\b", contents), (title, marks[title])
    for part in ("案例", "学习活动", "作业与评估"):
        assert part in marks and re.search(rf"{part}\s*\n?\s*{marks[part]}\b", contents)
    assert all(case.title in marks for case in project.cases.values())
    assert subprocess.run(["pdfinfo", str(handbook.pdf)], capture_output=True, text=True).stdout.count("Tagged:          yes") == 1


@pytest.mark.browser
def test_a_reference_to_a_case_gives_its_page_and_a_quiz_says_it_is_done_online(handbook: Handbook) -> None:
    marks = {title: page for _depth, title, page in handbook.bookmarks()}
    text = plain(handbook.text)
    assert f"【案例分析】池子事件（见第{marks['池子事件']}页）" in text
    assert "【自测练习】第二讲自测（在课程网站上完成）" in text


@pytest.mark.browser
def test_the_contents_links_lead_to_their_pages(handbook: Handbook) -> None:
    reader = PdfReader(handbook.pdf)
    targets = []
    for annotation in reader.pages[0].get("/Annots") or []:
        link = annotation.get_object()
        if link.get("/Subtype") == "/Link" and "/Dest" in link:
            dest = link["/Dest"]  # Chromium names each heading's place: /lecture-service-front
            named = reader.named_destinations[str(dest)] if not isinstance(dest, list) else None
            targets.append(reader.get_destination_page_number(named) + 1 if named else reader.get_page_number(dest[0].get_object()) + 1)
    lecture_pages = sorted({page for _d, title, page in handbook.bookmarks() if title.startswith(("第一章", "第二讲", "第三讲"))})
    assert set(lecture_pages) <= set(targets), (lecture_pages, targets)


@pytest.mark.browser
def test_fonts_are_embedded_truetype_not_type3(handbook: Handbook) -> None:
    fonts = subprocess.run(["pdffonts", str(handbook.pdf)], capture_output=True, text=True, check=True).stdout
    assert "Type 3" not in fonts
    assert "CID TrueType" in fonts


@pytest.mark.browser
def test_no_page_is_nearly_empty_except_the_last_of_a_part(handbook: Handbook, tmp_path: Path) -> None:
    fills = page_fill(handbook.pdf, tmp_path)
    marks = handbook.bookmarks()
    depth = min(d for d, title, _p in marks if title == "案例")  # the level of lectures, the closing and the parts
    starts = {page for d, _t, page in marks if d == depth}
    last_of_part = {page - 1 for page in starts} | {len(fills)}
    sparse = [n for n, fill in enumerate(fills, start=1) if fill < 0.15 and n not in last_of_part]
    assert sparse == [], [(n, round(fills[n - 1], 2)) for n in sparse]


@pytest.mark.browser
def test_each_option_to_tick_has_one_marker(handbook: Handbook) -> None:
    """A case question's options print as ○ and a checklist's as ☐, not also with the list's bullet."""
    assert "○ 大堂经理现场的一句" in handbook.text
    assert not re.search(r"•\s*[○☐]", handbook.text)
