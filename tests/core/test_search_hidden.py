"""Search finds what a trainee's page shows, never what the page hides from them (issue 30).

A drill page shows one role's card at a time (the others' briefs are the other players' secrets), a case
shows its debrief and each question's comment only once answered, a quiz its explanations and feedback only
after a question is answered and its hints only when asked for. Any of them in the search index would show it to everyone who searches.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import yaml

import lxml.html

from coursegen.builder import Paths, build
from coursegen.builder.search_index import read_search_index
from coursegen.load import load_project
from coursegen.model.project import Project
from tests.conftest import ROOT
from tests.learner.keys import fragments, plain, quiz_keys


def index_text(site: Path) -> dict[str, str]:
    """Each page's indexed text (every section, titles too), markup-free as :func:`plain` reads it."""
    pages: dict[str, str] = {}
    for address, title, text in read_search_index(site):
        page = address.partition("#")[0]
        pages[page] = pages.get(page, "") + plain(title + text)
    return pages


def hidden_and_shown(project: Project) -> list[tuple[str, list[str], list[str]]]:
    """For each page that hides something: its address, fragments of what it hides, of what it shows."""
    out = []
    for drill in project.drills.values():
        briefs = fragments([role.brief for role in drill.roles])
        out.append((f"drills/{drill.id}/", briefs, fragments([drill.scenario])))
    for case in project.cases.values():
        hidden = fragments([case.debrief, *(q.feedback or "" for q in case.questions)])
        out.append((f"cases/{case.id}/", hidden, fragments([case.background])))
    for scenario in project.scenarios.values():
        first = scenario.scene(scenario.first)
        later = [scene for scene in scenario.scenes if scene is not first]
        hidden = [*(scene.situation for scene in later), *(scene.says or "" for scene in later),
                  *(choice.feedback or "" for scene in scenario.scenes for choice in scene.choices),
                  *(scene.ending.outcome + "\n\n" + (scene.ending.debrief or "") for scene in later if scene.ending)]
        out.append((f"scenarios/{scenario.id}/", fragments(hidden), fragments([first.situation])))
    for bank_id, bank in project.quizzes.items():
        shown = [q.prompt for q in bank.questions] + [o.text for q in bank.questions for o in getattr(q, "options", [])]
        out.append((f"quizzes/{bank_id}/", fragments(quiz_keys_of(project, bank_id)), fragments(shown, public="")))
    return out


def quiz_keys_of(project: Project, bank_id: str) -> list[str]:
    """One bank's explanations, hints, option feedback and reference answers (:func:`quiz_keys` of that bank alone)."""
    return quiz_keys(dataclasses.replace(project, quizzes={bank_id: project.quizzes[bank_id]}))


def test_search_never_finds_role_cards_debriefs_or_answer_feedback_but_finds_the_pages_text(example_site: Path) -> None:
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    assert project.course.search_questions, "the example course lets search find quizzes by their questions"
    pages = index_text(example_site)
    everything = "".join(pages.values())
    checked = hidden_and_shown(project)
    assert sum(len(hidden) for _, hidden, _ in checked) > 50
    for address, hidden, shown in checked:
        assert shown and all(fragment in pages[address] for fragment in shown), address
        assert not [fragment for fragment in hidden if fragment in everything], address
    assert "赵先生，四十多岁" not in everything, "the customer's brief in the example drill (issue 30)"
    assert "视频发到了短视频平台" not in everything, "a later scene of the example scenario"
    hints = [plain(q.hint) for bank in project.quizzes.values() for q in bank.questions if q.hint]
    assert hints and not [hint for hint in hints if hint[:14] in everything], "a hint shows only when asked for"


NOTE = '!!! note "提示"\n\n    先听完再回应。\n\n'


def test_a_role_card_or_debrief_holding_an_admonition_stays_out_of_search_after_it(tmp_path: Path) -> None:
    """Material's search matches elements by tag: an excluded ``<div>`` would be indexed again from the first
    ``</div>`` inside it, here the admonition's, so a card or debrief that holds one leaked what follows it."""
    shutil.copytree(ROOT / "course", tmp_path / "course")
    shutil.copytree(ROOT / "quizzes", tmp_path / "quizzes")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")  # the hotspot question's picture
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    drill_file = tmp_path / "course" / "drills" / "reputation-scenario-drill.yml"
    drill = yaml.safe_load(drill_file.read_text(encoding="utf-8"))
    drill["roles"][0]["brief"] = NOTE + drill["roles"][0]["brief"]
    drill_file.write_text(yaml.safe_dump(drill, allow_unicode=True), encoding="utf-8")
    case_file = tmp_path / "course" / "cases" / "chizi-event.yml"
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    case["debrief"] = NOTE + case["debrief"]
    case_file.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")

    paths = Paths(config=tmp_path / "mkdocs.yml", course=tmp_path / "course", quizzes=tmp_path / "quizzes", work=tmp_path / ".work")
    build(paths, tmp_path / "site", "trainee")
    pages = index_text(tmp_path / "site")
    everything = "".join(pages.values())
    assert "客户赵先生上午通过网点办理了一笔大额转账" in pages["drills/reputation-scenario-drill/"]
    assert plain(case["background"])[:20] in pages["cases/chizi-event/"]
    after = [*fragments([drill["roles"][0]["brief"].removeprefix(NOTE)]), *fragments([case["debrief"].removeprefix(NOTE)])]
    assert len(after) >= 2
    for secret in ["先听完再回应", *after]:
        assert secret not in everything, secret


HIDDEN = "//article//*[(@hidden or @data-search-exclude) and not(contains(@class, 'cg-quiz__prompts'))]"
"""What a page holds but does not show (``hidden``) or keeps from search (``data-search-exclude``): a role card,
a debrief, a comment shown once answered, a form's chrome. The quiz's hidden copy of the questions and options
the widget draws is the one hidden text that is there for search."""


BLOCKS = ("p", "li", "td", "th", "h2", "h3", "h4", "summary", "label", "legend", "small", "span", "button")


def test_no_page_of_any_kind_has_hidden_text_in_the_search_index(example_site: Path) -> None:
    pages = index_text(example_site)
    checked = 0
    for file in sorted(example_site.rglob("*.html")):
        address = file.parent.relative_to(example_site).as_posix() + "/" if file.name == "index.html" else ""
        address = "" if address == "./" else address
        if address not in pages:
            continue
        tree = lxml.html.fromstring(file.read_bytes())
        hidden = [part.text_content() for element in tree.xpath(HIDDEN) for part in element.iter(*BLOCKS)]
        for element in tree.xpath(HIDDEN):
            element.drop_tree()
        shown = plain(" ".join(tree.xpath("//article")[0].itertext())) if tree.xpath("//article") else ""
        secret = fragments(hidden, public=shown)
        checked += len(secret)
        assert not [fragment for fragment in secret if fragment in pages[address]], address
    assert checked > 20, "role cards, debriefs and comments were looked at"
