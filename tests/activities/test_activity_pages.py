"""Case, discussion, drill and homework pages as rendered Markdown/HTML, before MkDocs sees them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html

from coursegen.load import load_project
from coursegen.model.project import Project
from coursegen.render import render_site
from coursegen.render.activities import case_pages, discussion_pages, drill_pages
from coursegen.render.environment import RenderContext
from coursegen.render.forms import homework_pages

FIXTURE = Path(__file__).parent / "fixture_course"


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, warnings = load_project(FIXTURE, FIXTURE / "quizzes")
    assert warnings == []
    return loaded


def pages(project: Project, edition: str) -> dict[str, str]:
    ctx = RenderContext(project, edition)  # type: ignore[arg-type]
    rendered = case_pages(ctx) + discussion_pages(ctx) + drill_pages(ctx) + homework_pages(ctx)
    return {p.path: p.content for p in rendered}


def fragment(content: str, tag: str, cls: str) -> html.HtmlElement:
    """The first raw-HTML element ``<tag class="cls …">`` of a page, parsed."""
    match = re.search(rf'<{tag}[^>]*\bclass="{cls}[\s\S]*?</{tag}>', content)
    assert match, f"no <{tag} class={cls}> on the page"
    return html.fragment_fromstring(match.group(0))


def test_case_page_tells_the_whole_case_and_folds_the_debrief(project: Project) -> None:
    page = pages(project, "trainee")["cases/wet-floor.md"]
    case = project.cases["wet-floor"]
    for text in [case.background.strip(), *case.events, *case.disputes]:
        assert text.strip() in page
    for question in case.questions:
        assert question.prompt in page
        for option in question.options:
            assert f'value="{option}"' in page
    debrief = re.search(r'<section class="cg-debrief" id="cg-debrief-wet-floor" hidden data-search-exclude markdown>([\s\S]*?)</section>', page)
    assert debrief and case.debrief.strip() in debrief.group(1)
    button = fragment(page, "button", "md-button cg-case__reveal")
    assert button.get("disabled") is not None and button.get("aria-controls") == "cg-debrief-wet-floor"


def test_trainer_case_page_shows_the_debrief_open_with_the_notes(project: Project) -> None:
    page = pages(project, "trainer")["cases/wet-floor.md"]
    case = project.cases["wet-floor"]
    assert case.debrief.strip() in page
    assert "cg-debrief" not in page and "cg-case__reveal" not in page
    assert case.facilitator and case.facilitator.notes in page
    assert all(answer in page for answer in case.facilitator.expected_answers)


def test_trainee_pages_hold_no_facilitator_text(project: Project) -> None:
    trainee, trainer = pages(project, "trainee"), pages(project, "trainer")
    items = [*project.cases.values(), *project.discussions.values(), *project.drills.values(), *project.homework.values()]
    secrets = [text for item in items if item.facilitator for text in [item.facilitator.notes, *item.facilitator.expected_answers]]
    assert len(secrets) >= 8
    for secret in secrets:
        assert not any(secret.strip() in content for content in trainee.values()), secret
        assert any(secret.strip() in content for content in trainer.values()), secret


def test_cases_index_lists_every_case_with_where_it_is_used(project: Project) -> None:
    index = pages(project, "trainee")["cases/index.md"]
    assert "[湿滑的门厅](wet-floor.md)" in index
    assert "(../lectures/basics.md#first-contact)" in index


def test_activity_pages_link_back_to_their_lecture_section(project: Project) -> None:
    rendered = pages(project, "trainee")
    assert "(../lectures/basics.md#first-contact)" in rendered["discussions/calm-down.md"]
    assert "(../lectures/basics.md#practice)" in rendered["drills/queue-complaint.md"]
    assert "(../lectures/basics.md)" in rendered["homework/case-review.md"]


def test_drill_page_has_roles_steps_time_box_outcome_and_a_checklist(project: Project) -> None:
    page = pages(project, "trainee")["drills/queue-complaint.md"]
    drill = project.drills["queue-complaint"]
    assert "**建议时长**：20 分钟" in page
    for role in drill.roles:
        assert f"**角色卡 · {role.name}**" in page and role.brief.strip() in page
    assert all(f"1. {step}" in page for step in drill.steps)
    assert all(f"- {outcome}" in page for outcome in drill.good_outcome)
    checklist = fragment(page, "fieldset", "cg-checklist")
    assert checklist.get("data-checklist") == "drill:queue-complaint"
    labels = [label.text_content().strip() for label in checklist.iter("label")]
    assert labels == drill.observer_checklist


def test_discussion_page_has_prompt_questions_format_and_checklist(project: Project) -> None:
    page = pages(project, "trainee")["discussions/calm-down.md"]
    item = project.discussions["calm-down"]
    assert item.prompt.strip() in page and "4–6 人一组" in page and "15 分钟" in page
    assert all(f"1. {q}" in page for q in item.questions)
    assert len(fragment(page, "fieldset", "cg-checklist").xpath(".//input[@type='checkbox']")) == 2


def unlabelled_controls(form: html.HtmlElement) -> list[str]:
    ids = {label.get("for") for label in form.iter("label")}
    missing = []
    for control in form.xpath(".//input | .//textarea"):
        labelled = control.get("id") in ids or control.get("aria-label") or control.get("aria-labelledby")
        if not labelled and not any(a.tag == "label" for a in control.iterancestors()):
            missing.append(html.tostring(control, encoding="unicode"))
    return missing


@pytest.mark.parametrize("form_id", ["case-review", "evaluation"])
def test_every_form_control_has_a_label(project: Project, form_id: str) -> None:
    form = fragment(pages(project, "trainee")[f"homework/{form_id}.md"], "form", "cg-form")
    assert form.xpath(".//input | .//textarea")
    assert unlabelled_controls(form) == []
    assert len(form.xpath(".//*[@role='status'][@aria-live='polite']")) >= 2


def test_form_carries_its_fields_but_never_the_facilitator_notes(project: Project) -> None:
    page = pages(project, "trainee")["homework/case-review.md"]
    data = json.loads(fragment(page, "form", "cg-form").get("data-cg"))
    homework = project.homework["case-review"]
    assert [f["id"] for f in data["fields"]] == [f.id for f in homework.fields]
    assert data["kind"] == "homework" and data["generator"].startswith("coursegen ")
    assert "facilitator" not in json.dumps(data) and "讲师专用" not in json.dumps(data, ensure_ascii=False)


def test_survey_rates_each_item_on_five_labelled_radios(project: Project) -> None:
    form = fragment(pages(project, "trainee")["homework/evaluation.md"], "form", "cg-form")
    groups = form.xpath(".//*[@role='radiogroup']")
    assert [g.get("data-item") for g in groups] == ["content", "instructor"]
    for group in groups:
        radios = group.xpath(".//input[@type='radio']")
        assert [r.get("value") for r in radios] == ["1", "2", "3", "4", "5"]
        assert len({r.get("name") for r in radios}) == 1
    first = groups[0].xpath(".//label")[0].text_content()
    assert "1" in first and "很不满意" in first


def test_homework_page_offers_due_time_and_both_blank_templates(project: Project) -> None:
    page = pages(project, "trainee")["homework/case-review.md"]
    assert '<dt>截止时间</dt><dd><time datetime="2030-03-12T13:30:00+08:00">3月12日（周二）13:30</time>' in page
    assert '(../downloads/case-review.docx){ download="午休作业打卡.docx" }' in page
    assert '(../downloads/case-review.md.txt){ download="午休作业打卡.md" }' in page


def test_render_site_registers_pages_and_downloads(project: Project) -> None:
    site = render_site(project)
    paths = {p.path for p in site.pages}
    assert {"cases/index.md", "cases/wet-floor.md", "discussions/calm-down.md", "drills/queue-complaint.md",
            "homework/case-review.md", "homework/evaluation.md"} <= paths
    assets = {a.path for a in site.assets}
    assert {"downloads/case-review.docx", "downloads/case-review.md.txt", "assets/coursegen/cg-form.js",
            "assets/coursegen/cg-case.js", "assets/coursegen/cg-activities.css"} <= assets
    assert "downloads/case-review.docx" not in site.extra_javascript + site.extra_css
