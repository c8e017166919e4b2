"""The blank homework templates trainees download to work offline (.docx and Markdown)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from coursegen.load import load_project
from coursegen.model import Course, Homework
from coursegen.model.homework import Checkboxes, Choice, Rating, Table
from coursegen.render.blanks import blank_docx, blank_markdown
from coursegen.render.strings import strings

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixture_course"
T = strings("zh", "pages")


def homeworks() -> list[tuple[Course, Homework]]:
    """Every form of the fixture course and of the example course."""
    found = []
    for course_dir, quizzes_dir in [(FIXTURE, FIXTURE / "quizzes"), (ROOT / "course", ROOT / "quizzes")]:
        project, _ = load_project(course_dir, quizzes_dir)
        found += [(project.course, homework) for homework in project.homework.values()]
    return found


FORMS = homeworks()


def expected_texts(homework: Homework) -> list[str]:
    """What a trainee must find on paper: every label, hint, column, option and rated item."""
    texts = [homework.title, T["identity_name"], T["identity_employee_id"], T["identity_department"]]
    for field in homework.fields:
        texts += [field.label] + ([field.hint] if field.hint else [])
        if isinstance(field, Table):
            texts += [c.label for c in field.columns] + [c.hint for c in field.columns if c.hint]
        elif isinstance(field, Checkboxes | Choice):
            texts += field.options
        elif isinstance(field, Rating):
            texts += [item.label for item in field.items]
    return texts


def docx_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize(("course", "homework"), FORMS, ids=[h.id for _, h in FORMS])
def test_docx_opens_and_has_every_field(course: Course, homework: Homework) -> None:
    document = docx.Document(io.BytesIO(blank_docx(course, homework, T)))
    text = docx_text(document)
    missing = [item for item in expected_texts(homework) if item not in text]
    assert missing == []
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for number, field in enumerate(homework.fields, start=1):
        assert f"{number}. {field.label}" + (f"（{T['required']}）" if field.required else "") in headings
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4


def test_docx_table_field_has_a_header_and_rows_to_write_in() -> None:
    course, homework = next((c, h) for c, h in FORMS if h.id == "case-review")
    document = docx.Document(io.BytesIO(blank_docx(course, homework, T)))
    table = next(t for t in document.tables if len(t.columns) == 5)
    assert [c.text for c in table.rows[0].cells] == ["行", "案例", "处理程序", "防范点", "改善点"]
    assert [r.cells[0].text for r in table.rows[1:]] == ["1", "2", "3"]
    assert all(c.text == "" for r in table.rows[1:] for c in r.cells[1:])


def test_docx_bytes_are_the_same_on_every_build() -> None:
    course, homework = FORMS[0]
    assert blank_docx(course, homework, T) == blank_docx(course, homework, T)


@pytest.mark.parametrize(("course", "homework"), FORMS, ids=[h.id for _, h in FORMS])
def test_markdown_template_has_every_field(course: Course, homework: Homework) -> None:
    text = blank_markdown(course, homework, T)
    assert [item for item in expected_texts(homework) if item not in text] == []
    assert "facilitator" not in text and (not homework.facilitator or homework.facilitator.notes not in text)


def test_markdown_template_shapes_each_kind_of_field() -> None:
    course, homework = next((c, h) for c, h in FORMS if h.id == "case-review")
    text = blank_markdown(course, homework, T)
    assert "## 1. 半年投诉概况（必填）\n\n> 说说投诉主要集中在哪些业务。\n> 10–500 字\n" in text
    assert "| 行 | 案例 | 处理程序 | 防范点 | 改善点 |\n|---|---|---|---|---|\n| 1 |" in text
    assert "- [ ] 客服热线" in text and "- ( ) 跟进回访" in text
    course, survey = next((c, h) for c, h in FORMS if h.id == "evaluation")
    assert "| 讲师表现 | ☐ | ☐ | ☐ | ☐ | ☐ |" in blank_markdown(course, survey, T)


def test_a_remembered_blank_follows_every_change_of_its_form() -> None:
    """The live preview gets a form's blank again without python-docx, but never a blank of the form as it was."""
    course, homework = homeworks()[0]
    t = strings(course.language, "pages")
    first = blank_docx(course, homework, t)
    assert blank_docx(course, homework, t) is first  # remembered: the same bytes object, not made again
    relabelled = homework.model_copy(update={"fields": [homework.fields[0].model_copy(update={"label": "改过的问题"}), *homework.fields[1:]]})
    changed = blank_docx(course, relabelled, t)
    assert changed != first and "改过的问题" in "\n".join(p.text for p in docx.Document(io.BytesIO(changed)).paragraphs)
    retitled = blank_docx(course.model_copy(update={"title": "另一门课"}), homework, t)
    assert retitled != first and "另一门课" in "\n".join(p.text for p in docx.Document(io.BytesIO(retitled)).paragraphs)
    english = blank_docx(course, homework, strings("en", "pages"))
    assert english != first


def test_an_anonymous_survey_s_blanks_ask_no_name() -> None:
    """On paper as on the page: an anonymous survey's templates have every field but no 姓名, 工号 or 部门 to fill in."""
    course, survey = next((c, h) for c, h in FORMS if h.kind == "survey")
    anonymous = survey.model_copy(update={"anonymous": True})
    personal = [T["identity"], T["identity_name"], T["identity_employee_id"], T["identity_department"]]
    paper = docx_text(docx.Document(io.BytesIO(blank_docx(course, anonymous, T))))
    markdown = blank_markdown(course, anonymous, T)
    for text in (paper, markdown):
        assert [item for item in personal if item in text] == []
        assert all(f.label in text for f in survey.fields)
    assert all(item in blank_markdown(course, survey, T) for item in personal)  # the same survey, named, asks them
