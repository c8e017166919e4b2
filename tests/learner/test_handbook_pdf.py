"""`coursegen handbook` prints the trainee handbook to a PDF with Chromium: every lecture is in it, no answer key
is, and its Chinese is real text (read back with pdftotext from poppler-utils)."""

from __future__ import annotations

import re
import shutil
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


def print_handbook(out: Path, options: list[str]) -> Handbook:
    """``coursegen handbook`` in a process of its own, as a trainer runs it: Playwright's sync API cannot start inside
    the browser tests' running event loop."""
    pdf = out / "handbook.pdf"
    command = [sys.executable, "-c", "from coursegen.cli import main; main()", "handbook", "-o", str(pdf), *options]
    result = subprocess.run(command, cwd=out, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    found = re.search(r"学员手册已写入 .*handbook\.pdf（共 (\d+) 页）", result.stdout)
    assert found and int(found[1]) == len(PdfReader(pdf).pages), result.stdout
    assert "… 正在用 Chromium 打印" in result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    return Handbook(pdf, pdftotext(pdf))


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    return print_handbook(tmp_path_factory.mktemp("handbook"), OPTIONS)


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
    assert f"{tmp_path / 'nope'}: 这里没有 Chromium。请安装它（Debian：apt-get install chromium），或用 --chromium 指明它的位置。" in result.output
    assert "Traceback" not in result.output


def test_a_missing_chromium_is_said_in_english_for_an_english_course(tmp_path: Path) -> None:
    course = shutil.copytree(ROOT / "course", tmp_path / "course")
    (course / "course.yml").write_text((course / "course.yml").read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["handbook", "--chromium", str(tmp_path / "nope"), "--course", str(course), *OPTIONS[2:]])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope'}: no Chromium here; install it (Debian: apt-get install chromium) or pass --chromium PATH" in result.output


def page_fill(pdf: Path, tmp: Path) -> list[float]:
    """How much of each page's height holds something (text, or the light edge of a box to write in), between the
    top margin and the page-number footer."""
    subprocess.run(["pdftoppm", "-gray", "-r", "40", str(pdf), str(tmp / "p")], check=True)
    fills = []
    for image in sorted(tmp.glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1])):
        magic, size, _depth, pixels = image.read_bytes().split(b"\n", 3)
        width, height = map(int, size.split())
        rows = [y for y in range(int(height * 0.05), int(height * 0.92)) if min(pixels[y * width:(y + 1) * width]) < 230]
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


def write_paging_course(root: Path, lectures: int = 10) -> list[str]:
    """A course whose lectures grow by one point each, so their notes boxes (and the homework forms' tables, after a
    box that grows by a line each) land at every height of a page; the options that print its handbook."""
    files = {"mkdocs.yml": "site_name: 分页\ndocs_dir: docs\ntheme:\n  name: material\n  language: zh\n  font: false\n"
                           "plugins: [search]\nmarkdown_extensions: [attr_list, md_in_html, tables]\n"}
    for i in range(lectures):
        points = "".join(f"      - title: 第 {k + 1} 条要点\n        body: 客户来电投诉时先倾听，再复述诉求，最后给出处理时限。\n" for k in range(9 + i))
        files[f"course/lectures/l{i}.yml"] = (f"id: l{i}\ntitle: 讲{i}\nduration_minutes: 30\nsections:\n  - id: s\n    title: 要点\n"
                                              f"    points:\n{points}activities:\n  - homework: h{i}\n")
        files[f"course/homework/h{i}.yml"] = (
            f"id: h{i}\ntitle: 作业{i}\nkind: homework\nfields:\n"
            f"  - {{id: story, type: textarea, label: 经过, max_length: {150 * (3 + i)}}}\n"
            f"  - id: log\n    type: table\n    label: 记录\n    min_rows: 5\n    columns:\n"
            f"      - {{id: step, label: 表{i}步骤}}\n      - {{id: who, label: 表{i}负责人}}\n"
        )
    files["course/course.yml"] = ("id: paging\ntitle: 分页\nbackground: 背景\nbenefits: [收益]\naudience: [员工]\n"
                                  f"duration: {{days: 1, hours_per_day: {lectures // 2}}}\n"
                                  f"lectures: [{', '.join(f'lectures/l{i}.yml' for i in range(lectures))}]\n")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "quizzes").mkdir()
    return ["--course", str(root / "course"), "--quizzes", str(root / "quizzes"), "--config", str(root / "mkdocs.yml")]


@pytest.mark.browser
def test_a_notes_box_or_a_homework_table_is_never_cut_across_pages(tmp_path: Path) -> None:
    """A notes box cut at a lecture's end once left a page holding only its bottom edge before the next lecture's
    page; a table cut in two repeats its header on the next page."""
    paged = print_handbook(tmp_path, write_paging_course(tmp_path))
    fills = page_fill(paged.pdf, tmp_path)
    lecture_starts = {page for _d, title, page in paged.bookmarks() if title.startswith("第") and "讲" in title}
    assert len(lecture_starts) == 10
    sparse = [n for n in sorted(lecture_starts) if n > 1 and fills[n - 2] < 0.15]
    assert sparse == [], [(n - 1, round(fills[n - 2], 2)) for n in sparse]
    for i in range(10):
        pages = [n for n in range(1, len(fills) + 1) if f"表{i}步骤" in paged.page_text(n)]
        assert len(pages) == 1, (f"作业{i}", pages)
