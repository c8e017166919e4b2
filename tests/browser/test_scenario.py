"""The example course's branching scenario in a real browser: one scene at a time, walked with the keyboard alone
to two different endings, the way taken beside the best way at the end, a back step, a reload that keeps the
place, and no serious accessibility violation; at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coursegen.load import load_project
from coursegen.model.scenario import best_path

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

EXAMPLE, _ = load_project(ROOT / "course", ROOT / "quizzes")
SCENARIO = next(iter(EXAMPLE.scenarios.values()))
BEST = best_path(SCENARIO)

Page = Any  # playwright.sync_api.Page


@pytest.fixture(params=[1280, 375], ids=["1280px", "375px"])
def sized(page: Page, request: pytest.FixtureRequest) -> Page:
    page.set_viewport_size({"width": request.param, "height": 800})
    return page


def open_scenario(page: Page, base: str) -> Any:
    page.goto(f"{base}/scenarios/{SCENARIO.id}/")
    return page.locator(".cg-scenario")


def shown_scene(page: Page) -> Any:
    return page.locator(".cg-scene:visible")


def tab_to(page: Page, target: Any) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user would: from the page's top at first, from the new
    scene's title (where the script puts the focus) after each choice."""
    for _ in range(80):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached it")


def choose_by_keyboard(page: Page, letter: str) -> None:
    tab_to(page, shown_scene(page).locator(".cg-scene__choice").nth(ord(letter) - ord("A")))
    page.keyboard.press("Enter")


def walk(page: Page, letters: str) -> None:
    from playwright.sync_api import expect

    for letter in letters:
        before = shown_scene(page).get_attribute("data-scene")
        choose_by_keyboard(page, letter)
        expect(shown_scene(page)).not_to_have_attribute("data-scene", before)
        expect(shown_scene(page).locator(".cg-scene__title")).to_be_focused()  # a screen reader reads on from there


def letters_of(steps: list[Any]) -> str:
    return "".join(chr(ord("A") + s.choice) for s in steps if s.choice is not None)


def test_the_best_way_by_keyboard_reaches_the_good_ending_and_says_it_was_the_best(sized: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page = sized
    open_scenario(page, site_url)
    expect(page.locator(".cg-scene")).to_have_count(len(SCENARIO.scenes))
    expect(shown_scene(page)).to_have_count(1)
    expect(shown_scene(page)).to_have_attribute("data-scene", SCENARIO.first)
    walk(page, letters_of(BEST))
    ending = SCENARIO.scene(BEST[-1].scene)
    assert ending.ending is not None
    expect(shown_scene(page)).to_contain_text(ending.ending.outcome)
    summary = page.locator(".cg-scenario__summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("你走的正是最佳路径")
    expect(summary.locator("li")).to_have_count(len(BEST))
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_another_way_ends_badly_shows_the_best_way_and_survives_a_reload_with_a_back_step(sized: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    page = sized
    open_scenario(page, site_url)
    first = SCENARIO.scene(SCENARIO.first)
    bad = next(i for i, c in enumerate(first.choices) if SCENARIO.scene(c.to).ending is not None)
    walk(page, chr(ord("A") + bad))
    ending = SCENARIO.scene(first.choices[bad].to)
    assert ending.ending is not None and ending.id != BEST[-1].scene
    expect(shown_scene(page)).to_contain_text(ending.ending.outcome)
    feedback = first.choices[bad].feedback or ""
    expect(page.locator(".cg-scenario__feedback:visible")).to_contain_text(feedback[:10])
    summary = page.locator(".cg-scenario__summary")
    expect(summary).to_contain_text("最佳路径")
    expect(summary.locator("ol").nth(1).locator("li")).to_have_count(len(BEST))

    page.reload()
    expect(shown_scene(page)).to_have_attribute("data-scene", ending.id)
    back = page.locator(".cg-scenario__back")
    tab_to(page, back)
    page.keyboard.press("Enter")
    expect(shown_scene(page)).to_have_attribute("data-scene", SCENARIO.first)
    expect(page.locator(".cg-scenario__summary")).to_be_hidden()
    expect(back).to_be_hidden()


def test_reaching_an_ending_marks_the_scenario_done_on_the_dashboard(page: Page, site_url: str) -> None:
    from playwright.sync_api import expect

    open_scenario(page, site_url)
    walk(page, letters_of(BEST))
    page.goto(f"{site_url}/")
    row = page.locator(f'[data-cg-status="scenario:{SCENARIO.id}"]')
    expect(row).to_contain_text("已完成")


def test_the_offline_site_walks_the_scenario_from_the_file_system(page: Page, offline_site: Path) -> None:
    from playwright.sync_api import expect

    page.goto((offline_site / "scenarios" / f"{SCENARIO.id}.html").as_uri())
    for step in BEST[:-1]:
        assert step.choice is not None
        page.locator(".cg-scene:visible .cg-scene__choice").nth(step.choice).click()
    expect(shown_scene(page)).to_have_attribute("data-scene", BEST[-1].scene)
    expect(page.locator(".cg-scenario__summary")).to_contain_text("你走的正是最佳路径")


def test_the_trainer_edition_draws_the_map_and_lists_every_scene(trainer_site: Path) -> None:
    html = (trainer_site / "scenarios" / SCENARIO.id / "index.html").read_text(encoding="utf-8")
    assert '<svg class="cg-scenario-map"' in html
    assert html.count('class="cg-map__box') == len(SCENARIO.scenes)
    assert all(scene.title in html for scene in SCENARIO.scenes)
    assert "cg-scenario\"" not in html and "data-scene=" not in html
