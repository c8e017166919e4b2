"""An English course's report is in English: no Chinese word of the ``hr`` messages reaches its outputs.

The Chinese report (every other test of this package runs on Chinese courses) keeps its exact texts.
"""

from __future__ import annotations

import csv
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from coursegen.cli import main
from coursegen.catalogue import LANGUAGES
from coursegen.hr import CSV_FOLDER, HTML_NAME, XLSX_NAME
from coursegen.messages import catalogue, choose

from .conftest import NOW, Built, build_scenario
from .mails import mail, write_eml

HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")


@dataclass(frozen=True)
class English:
    out: Path
    said: str
    """What the command printed."""
    data: str
    """Every text the course, roster and inbox hold: Chinese in them is the trainer's, not coursegen's."""


def chinese_words(data: str) -> set[str]:
    """The runs of Chinese characters in the hr section's Chinese templates (cut at placeholders), minus those the
    course's own data happens to contain: each one found in an English report is a message left untranslated."""
    words = set()
    for key, template in catalogue("zh").items():
        if key.startswith("hr."):
            for literal, *_ in string.Formatter().parse(template):
                words.update(HAN_RUN.findall(literal))
    return {w for w in words if w not in data}


def untranslated(text: str, data: str) -> list[str]:
    return sorted(w for w in chinese_words(data) if w in text)


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[English]:
    root = tmp_path_factory.mktemp("english")
    s = build_scenario(root)
    write_eml(s.inbox / "mail" / "no-attachment.eml", mail("Zhang San <z@bank.example>", {}, received=NOW))
    out = root / "out"
    args = ["--lang", "en", "homework", "report", str(s.inbox), "--roster", str(s.roster), "-o", str(out),
            "--course", str(root / "course"), "--quizzes", str(root / "quizzes")]
    try:
        result = CliRunner().invoke(main, args)
    finally:
        choose(None)  # --lang holds for the process: the next tests speak Chinese again
    assert result.exit_code == 0, result.output
    # The hostile inbox's 50 MB file holds no trainer's words, and searching it for each of hundreds of words took minutes.
    files = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".yml", ".csv", ".json", ".eml") and out not in p.parents
             and p.stat().st_size < 1_000_000]
    data = "\n".join([*(p.read_text(encoding="utf-8", errors="replace") for p in files),
                      s.roster.read_text(encoding="gb18030"), *(str(p.relative_to(root)) for p in root.rglob("*"))])
    yield English(out, result.output, data)


def test_the_files_rejected_say_why_in_english(english: English) -> None:
    with (english.out / CSV_FOLDER / "files.csv").open(encoding="utf-8-sig", newline="") as fp:
        rows = list(csv.DictReader(fp))
    details = {row["file"].rsplit("/", 1)[-1]: row["detail"] for row in rows}
    assert details["other-course.json"] == "the file belongs to course “another-course”; this report is for course “hr-test-course”"
    assert details["version3.json"] == "version 3; this tool reads version 1, 2"
    assert details["no-attachment.eml"] == "subject “作业提交”, no attachment"
    assert untranslated("\n".join(details.values()), english.data) == []
    files = load_workbook(english.out / XLSX_NAME).worksheets[-1]
    listed = "\n".join(str(c) for row in files.iter_rows(min_row=2, values_only=True) for c in row[2:5] if c)
    assert "rejected" in listed and "suspected zip bomb" in listed
    assert untranslated(listed, english.data) == []


def test_the_report_s_labels_and_sentences_are_in_english(english: English) -> None:
    html = (english.out / HTML_NAME).read_text(encoding="utf-8")
    workbook = load_workbook(english.out / XLSX_NAME)
    cells = [str(c) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert workbook.sheetnames == ["Summary", "Detail", "To chase", "Quiz scores", "Question analysis", "Course evaluation", "Files"]
    assert '<html lang="en">' in html and "<h2>To chase (" in html and "<th>Employee ID</th>" in html
    assert {"late", "missing", "handed in"} <= set(cells) and "Total" in cells
    reminders = (english.out / "reminders.csv").read_text(encoding="utf-8-sig")
    assert reminders.startswith("Name,Employee ID,Department,Mobile,Email,To hand in,Due\n")
    for output in (html, "\n".join(workbook.sheetnames + cells), english.said, reminders):
        assert untranslated(output, english.data) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_s_texts_are_plain_text(language: str) -> None:
    """The HTML page puts them in as markup (their arguments escaped): a <, & or " in one would break the page."""
    for key, template in catalogue(language).items():
        if key.startswith(("hr.page.", "hr.label.", "hr.roster_status.", "hr.reminder.", "hr.survey.")):
            assert not re.search(r'[<>&"]', template), f"{language}.yml messages.{key}"


def test_a_chinese_course_s_report_keeps_its_chinese_labels(built: Built) -> None:
    html = (built.out / HTML_NAME).read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "<h2>待催交（" in html and "<th>工号</th><th>姓名</th><th>部门</th>" in html
    assert '<span class="status">迟交</span>' in html and '<small class="clock">按学员电脑</small>' in html
    assert "<summary>已拒收：" in html and "早 1天 以上" in html
    detail = load_workbook(built.out / XLSX_NAME)["明细"]
    assert [c.value for c in next(detail.iter_rows(max_row=1))][:7] == ["工号", "姓名", "部门", "作业", "类型", "截止时间", "状态"]
