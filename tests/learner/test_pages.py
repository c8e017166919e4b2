"""The progress, review and handbook pages as generated Markdown, before MkDocs sees them."""

from __future__ import annotations

import json
import re

import pytest

from coursegen.load import load_project
from coursegen.model.project import Project
from coursegen.render import Site, render_site
from coursegen import site_paths as paths
from coursegen.render.assets import RULE_SCRIPT, TITLES_SCRIPT, VERSIONS_SCRIPT
from coursegen.render.learner import COMPLETION, HANDBOOK, MANIFEST, PROGRESS, REVIEW, REVIEW_DATA
from tests.conftest import ROOT
from tests.datascripts import provided
from tests.learner.keys import answer_keys, fragments, plain


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, _ = load_project(ROOT / "course", ROOT / "quizzes")
    return loaded


@pytest.fixture(scope="module")
def site(project: Project) -> Site:
    return render_site(project, "trainee")


def page(site: Site, path: str) -> str:
    return next(p.content for p in site.pages if p.path == path)


def test_navigation_ends_with_progress_completion_review_and_handbook(site: Site) -> None:
    assert site.nav[-4:] == [("学习进度", PROGRESS), ("结业证明", COMPLETION), ("错题本", REVIEW), ("学员手册", HANDBOOK)]


def test_progress_page_has_a_row_with_a_link_for_every_lecture_quiz_and_form(project: Project, site: Site) -> None:
    content = page(site, PROGRESS)
    for lecture in project.lectures:
        assert f"(lectures/{lecture.id}.md)" in content
        assert f'data-cg-cell="lecture-done" data-cg-id="{lecture.id}"' in content
    for quiz_id in [*project.quizzes, project.course.final_assessment.id]:  # type: ignore[union-attr]
        assert f"(quizzes/{quiz_id}.md)" in content
        assert f'data-cg-cell="quiz-state" data-cg-id="{quiz_id}"' in content
    for form_id in project.homework:
        assert f'data-cg-cell="homework-state" data-cg-id="{form_id}"' in content
    for case_id in project.cases:
        assert f'data-cg-cell="activity-state" data-cg-id="case:{case_id}"' in content
    assert all(f'data-cg-action="{a}"' in content for a in ("export", "import", "reset"))


def test_the_pages_of_the_learner_stay_out_of_search(site: Site) -> None:
    for path in (PROGRESS, REVIEW, HANDBOOK):
        assert "search:\n  exclude: true" in page(site, path).split("---")[1]


def test_manifest_lists_what_counts_towards_completion_in_course_order(project: Project, site: Site) -> None:
    asset = next(a for a in site.assets if a.path == MANIFEST)
    assert MANIFEST in site.extra_javascript
    data = json.loads(asset.content.decode("utf-8").split("=", 1)[1].rstrip(";\n"))
    items = data["items"]
    of = lambda kind: [i["id"] for i in items if i["kind"] == kind]  # noqa: E731
    assert of("lecture") == [l.id for l in project.lectures]
    assert set(of("quiz")) == {*project.quizzes, "final-assessment"}
    assert [i["id"] for i in items if i.get("final")] == ["final-assessment"] == [items[-1]["id"]]
    assert not any("hash" in i or "completion" in i for i in [*items, data]), "versions and rule are files of their own"
    assert sorted(of("homework")) == sorted(project.homework)
    assert (set(of("case")), set(of("discussion")), set(of("drill"))) == (set(project.cases), set(project.discussions), set(project.drills))
    first = project.lectures[0]
    placed = [r.ref for s in first.sections for r in s.activities] + [r.ref for r in first.activities]
    assert [i["id"] for i in items[: 1 + len(placed)]] == [first.id, *placed], "a lecture, then what it places"
    assert data["pages"]["lecture"] == "lectures/{id}" and "page" not in items[0] and "title" not in items[0]
    assert re.fullmatch(r"[0-9a-f]{16}", data["version"])


def test_the_titles_of_the_items_come_apart_for_the_pages_that_name_them(project: Project, site: Site) -> None:
    """The menu's marks need no titles; the dashboard, a hand-in and the LRS's statements do (cg-titles.js, in the
    order of cg-course.js's items), so every page of a course without an LRS is spared them."""
    titles = next(a for a in site.assets if a.path == paths.asset(TITLES_SCRIPT))
    assert titles.path not in site.extra_javascript
    names = json.loads(titles.content.decode("utf-8").split("=", 1)[1].rstrip(";\n"))
    course = next(a for a in site.assets if a.path == MANIFEST).content.decode("utf-8")
    items = json.loads(course.split("=", 1)[1].rstrip(";\n"))["items"]
    assert len(names) == len(items) and names[0].endswith(project.lectures[0].title)
    assert TITLES_SCRIPT in page(site, paths.HOME) and TITLES_SCRIPT not in page(site, paths.item_page("lecture", project.lectures[0].id))


def test_the_quizzes_versions_and_the_completion_rule_are_loaded_where_the_standing_is_shown(project: Project, site: Site) -> None:
    """A lecture page's menu marks need neither each quiz's content hash nor the completion rule (a 200-quiz course's
    hashes are 1.8 KiB gzip): the dashboard, a quiz page (its mistakes' bookkeeping) and a homework form load them."""
    versions = next(a for a in site.assets if a.path == paths.asset(VERSIONS_SCRIPT))
    hashes = json.loads(versions.content.decode("utf-8").split("=", 1)[1].rstrip(";\n"))
    assert sorted(hashes) == sorted([*project.quizzes, "final-assessment"])
    assert all(re.fullmatch(r"[0-9a-f]{16}", h) for h in hashes.values())
    assert paths.asset(VERSIONS_SCRIPT) not in site.extra_javascript and paths.asset(RULE_SCRIPT) not in site.extra_javascript
    lecture = page(site, paths.item_page("lecture", project.lectures[0].id))
    assert VERSIONS_SCRIPT not in lecture and RULE_SCRIPT not in lecture
    home, quiz = page(site, paths.HOME), page(site, paths.item_page("quiz", next(iter(project.quizzes))))
    assert VERSIONS_SCRIPT in home and RULE_SCRIPT in home and VERSIONS_SCRIPT in quiz and RULE_SCRIPT not in quiz
    assert VERSIONS_SCRIPT in page(site, paths.item_page("homework", next(iter(project.homework))))


def test_review_data_carries_every_bank_with_its_answer_keys_encoded(project: Project, site: Site) -> None:
    content = page(site, REVIEW)
    assert f'data-cg-script="{REVIEW_DATA}"' in content
    assert all(f'data-cg-bank="{bank}"' in content for bank in project.quizzes)
    script = next(a for a in site.assets if a.path == paths.asset(REVIEW_DATA))
    text = script.content.decode("utf-8")
    name, payloads = provided(script.content)
    assert name == REVIEW_DATA
    assert sorted(payloads) == sorted(project.quizzes)
    assert paths.asset(REVIEW_DATA) not in site.extra_javascript, "only the review page loads it"
    assert not [f for f in fragments(answer_keys(project), public=lecture_text(site)) if f in plain(text)]


def test_every_lecture_ends_with_a_mark_as_done_button_and_the_next_step_in_course_order(project: Project, site: Site) -> None:
    """The pager follows the menu (and so Material's 下一页): after a lecture come the activities it places."""
    menu = [path for path in _menu_paths(site.nav) if path.startswith(("lectures/", "cases/", "discussions/", "drills/", "homework/", "quizzes/"))]
    for lecture in project.lectures:
        path = f"lectures/{lecture.id}.md"
        pager = page(site, path).split('<nav class="cg-pager"')[1]
        assert f'data-cg-done="{lecture.id}"' in pager
        at = menu.index(path)
        if at + 1 < len(menu):
            following = menu[at + 1].rsplit("/", 1)[-1]
            assert f"下一步：" in pager and f"{following})" in pager, (path, menu[at + 1])
        if at > 0:
            assert f"上一步：" in pager and f"{menu[at - 1].rsplit('/', 1)[-1]})" in pager


def _menu_paths(nav: list) -> list[str]:  # type: ignore[type-arg]
    found: list[str] = []
    for _, target in nav:
        found += _menu_paths(target) if isinstance(target, list) else [target]
    return found


def test_handbook_holds_every_lecture_case_drill_and_form_field(project: Project, site: Site) -> None:
    content = page(site, HANDBOOK)
    for lecture in project.lectures:
        assert lecture.title in content
        for section in lecture.sections:
            assert section.title in content
    for case in project.cases.values():
        assert case.title in content and case.events[0].strip() in content
        assert all(q.prompt.strip() in content for q in case.questions)
    for item in [*project.discussions.values(), *project.drills.values()]:
        assert item.title in content
    for form in project.homework.values():
        assert form.title in content
        assert all(f.label in content for f in form.fields)


def test_handbook_names_each_drill_role_but_prints_no_role_brief(project: Project, site: Site) -> None:
    """Every trainee gets the same handbook: the customer's bottom line would reach the counter staff too."""
    text = plain(page(site, HANDBOOK))
    for drill in project.drills.values():
        for role in drill.roles:
            assert plain(role.name) in text
            assert plain(role.brief)[:30] not in text


def lecture_text(site: Site) -> str:
    return plain("".join(p.content for p in site.pages if p.path.startswith("lectures/")))


def test_handbook_holds_no_answer_key_and_no_facilitator_note(project: Project, site: Site) -> None:
    secrets = fragments(answer_keys(project), public=lecture_text(site))
    assert len(secrets) > 100  # the example course has notes, debriefs and quiz keys to leak
    text = plain(page(site, HANDBOOK))
    assert not [f for f in secrets if f in text]


def test_trainer_handbook_is_the_trainee_one(project: Project, site: Site) -> None:
    trainer = render_site(project, "trainer")
    assert page(trainer, HANDBOOK) == page(site, HANDBOOK)
