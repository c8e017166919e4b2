"""The example course's scenario as rendered, before MkDocs sees it: the trainee page shows the first scene and
keeps every other scene, comment and ending hidden and out of search, with the way the script walks in an
attribute; the trainer page lists every scene with where each choice leads and draws the map; the handbook
prints numbered scenes a trainee can walk on paper."""

from __future__ import annotations

import json
import re

import pytest
from lxml import html

from coursegen.load import load_project
from coursegen.model.project import Project
from coursegen.model.scenario import Scenario, best_path
from coursegen.render import render_site
from coursegen.render.diagram import layout, wrap

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, _ = load_project(ROOT / "course", ROOT / "quizzes")
    return loaded


@pytest.fixture(scope="module")
def scenario(project: Project) -> Scenario:
    return project.scenarios["lobby-angry-customer"]


def page(project: Project, edition: str, path: str) -> str:
    site = render_site(project, edition)  # type: ignore[arg-type]
    return next(p.content for p in site.pages if p.path == path)


def widget(content: str) -> html.HtmlElement:
    match = re.search(r'<div class="cg-scenario"[\s\S]*\n</div>', content)
    assert match, "no scenario widget on the page"
    return html.fragment_fromstring(match.group(0))


def test_the_trainee_page_shows_the_first_scene_and_hides_the_rest_from_view_and_search(project: Project, scenario: Scenario) -> None:
    box = widget(page(project, "trainee", "scenarios/lobby-angry-customer.md"))
    scenes = box.xpath("//section[contains(@class, 'cg-scene')]")
    assert [s.get("data-scene") for s in scenes] == [s.id for s in scenario.scenes]
    shown = [s for s in scenes if s.get("hidden") is None]
    assert [s.get("data-scene") for s in shown] == [scenario.first]
    assert all(s.get("data-search-exclude") is not None for s in scenes if s.get("hidden") is not None)
    feedback = box.xpath("//section[contains(@class, 'cg-scenario__feedback')]")
    assert feedback and all(f.get("hidden") is not None and f.get("data-search-exclude") is not None for f in feedback)
    assert not box.xpath("//section//section"), "Material's search would end an exclusion at a nested </section>"
    assert len(shown[0].xpath(".//button[contains(@class, 'cg-scene__choice')]")) == len(scenario.scene(scenario.first).choices)


def test_the_trainee_page_carries_the_best_way_for_the_end_and_no_map(project: Project, scenario: Scenario) -> None:
    content = page(project, "trainee", "scenarios/lobby-angry-customer.md")
    data = json.loads(widget(content).get("data-cg"))
    assert data["best"] == [[s.scene, s.choice] for s in best_path(scenario)]
    assert data["back"] is True and data["start"] == scenario.first
    assert "<svg" not in content and "讲师备注" not in content


def test_the_trainer_page_draws_every_scene_and_choice_and_marks_the_endings(project: Project, scenario: Scenario) -> None:
    content = page(project, "trainer", "scenarios/lobby-angry-customer.md")
    svg = html.fragment_fromstring(re.search(r"<svg[\s\S]*?</svg>", content).group(0))  # type: ignore[union-attr]
    endings = [s for s in scenario.scenes if s.ending]
    assert len(svg.xpath("//g[starts-with(@class, 'cg-map__box')]")) == len(scenario.scenes)
    assert len(svg.xpath("//g[@class='cg-map__box--ending']")) == len(endings) == 2
    assert len(svg.xpath("//g[contains(@class, 'cg-map__arrow')]")) == sum(len(s.choices) for s in scenario.scenes)
    assert len(svg.xpath("//g[contains(@class, 'cg-map__arrow--best')]")) == len(best_path(scenario)) - 1
    assert "选 B：转到第 3 幕" in content and "cg-scenario\"" not in content
    assert all(s.title in content for s in scenario.scenes)


def test_the_map_puts_each_scene_a_column_after_the_scene_that_first_reaches_it_and_endings_last(scenario: Scenario) -> None:
    boxes = layout(scenario)
    assert boxes["lobby"].x < boxes["meeting-room"].x < boxes["manager-arrives"].x < boxes["calm-ending"].x
    assert boxes["phone-dispute"].x == boxes["meeting-room"].x
    assert boxes["escalated"].x == boxes["calm-ending"].x, "reached from the first scene, but an ending: last column"
    assert len({(b.x, b.y) for b in boxes.values()}) == len(boxes), "no two boxes on top of each other"


def test_chinese_text_in_a_box_wraps_between_characters_and_is_cut_after_two_lines() -> None:
    assert wrap("客户在大堂拿出手机", width=10) == ["客户在大堂", "拿出手机"]
    lines = wrap("客户在大堂拿出手机开始录像并且大声说话", width=10)
    assert lines == ["客户在大堂", "拿出手机…"]


def test_the_handbook_prints_numbered_scenes_with_where_each_choice_leads_and_no_comment(project: Project, scenario: Scenario) -> None:
    handbook = page(project, "trainee", "handbook.md")
    assert "### 情景模拟：大堂里要曝光的客户" in handbook
    for n, scene in enumerate(scenario.scenes, 1):
        assert f"#### 第 {n} 幕：{scene.title}" in handbook
    assert "（选 B：转到第 3 幕）" in handbook
    comments = [c.feedback for s in scenario.scenes for c in s.choices if c.feedback]
    debriefs = [s.ending.debrief for s in scenario.scenes if s.ending and s.ending.debrief]
    assert not [text for text in comments + debriefs if text.strip()[:15] in handbook]
