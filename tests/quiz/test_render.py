"""Quiz pages as generated Markdown: answer keys encoded, facilitator notes only for trainers, stable hashes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursegen.load import load_project
from coursegen.model.project import Project
from coursegen.render import render_site
from coursegen.render.environment import RenderContext, markdown_to_html
from coursegen.render.sanitize import clean_html, clean_markdown
from coursegen.render.learner import REVIEW_DATA
from coursegen.render.quiz import bank_payload, content_hash, html, quiz_assets, quiz_pages, scrambled
from tests.datascripts import decode_key as decode, provided

FIXTURE = Path(__file__).parent / "fixture"

SECRETS = [
    "选项反馈：蓝色是对的。",  # option feedback
    "解析：阳光中的蓝光散射最多。",  # explanation
    "判断反馈：说得对。",  # true/false feedback
    "ABC Bank",  # accepted answer
    "参考答案：倾听能收集信息",  # reference answer
    "提到缓和情绪",  # self-check point
    "想想客户走进网点后最先感受到的是什么",  # hint
]


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(FIXTURE / "course", FIXTURE / "quizzes")[0]


def pages(project: Project, edition: str = "trainee") -> dict[str, str]:
    return {p.path: p.content for p in quiz_pages(RenderContext(project, edition))}  # type: ignore[arg-type]


def scripts(project: Project, edition: str = "trainee") -> dict[str, bytes]:
    return {a.path: a.content for a in quiz_assets(RenderContext(project, edition))}  # type: ignore[arg-type]


def payload(project: Project, quiz_id: str, edition: str = "trainee") -> dict[str, Any]:
    """What the quiz page's widget loads: the data script its page names."""
    page = pages(project, edition)[f"quizzes/{quiz_id}.md"]
    name = re.search(r'<div class="cg-quiz"[^>]*\sdata-cg-script="([^"]+)"', page)
    assert name, "the page names no data script"
    script_name, data = provided(scripts(project, edition)[f"assets/coursegen/{name.group(1)}"])
    assert script_name == name.group(1)
    return data  # type: ignore[no-any-return]


def test_one_page_per_bank_and_one_for_the_final_assessment(project: Project) -> None:
    assert sorted(pages(project)) == sorted(
        [f"quizzes/{bank}.md" for bank in project.quizzes] + ["quizzes/final-check.md"]
    )


def test_page_holds_an_empty_widget_that_loads_its_data_script(project: Project) -> None:
    content = pages(project)["quizzes/quiz-single.md"]
    assert '<div class="cg-quiz" data-quiz="quiz-single" data-cg-script="quizzes/quiz-single.js" ' in content
    assert "蓝色" not in content, "questions are for the widget, not for MkDocs to parse or search to index"
    data = payload(project, "quiz-single")
    assert data["id"] == "quiz-single" and data["pass"] == 100
    assert data["questions"][0]["o"] == ["蓝色", "绿色", "紫色"]


@pytest.mark.parametrize("edition", ["trainee", "trainer"])
def test_answer_keys_are_not_plain_text_in_the_widget(project: Project, edition: str) -> None:
    for path, script in scripts(project, edition).items():
        for secret in SECRETS:
            assert secret not in script.decode("utf-8"), f"{secret!r} readable in {path}"
    for path, content in pages(project, "trainee").items():
        for secret in SECRETS:
            assert secret not in content, f"{secret!r} readable in {path}"


def test_encoded_key_decodes_to_the_answers(project: Project) -> None:
    data = payload(project, "quiz-single")
    key = decode(data["questions"][0]["k"], data["hash"])
    assert key["c"] == [0]
    assert key["f"][0] == "<p>选项反馈：蓝色是对的。</p>"
    assert key["x"] == "<p>解析：阳光中的蓝光散射最多。</p>"


def test_a_hint_travels_encoded_with_the_key_and_a_bank_without_hints_keeps_its_hash(project: Project) -> None:
    data = payload(project, "quiz-immediate")
    keys = [decode(q["k"], data["hash"]) for q in data["questions"]]
    assert [key.get("h") for key in keys] == ["<p>想想客户走进网点后最先感受到的是什么。</p>", None, None]
    bank = project.quizzes["quiz-immediate"]
    without = bank.model_copy(update={"questions": [q.model_copy(update={"hint": None}) for q in bank.questions]})
    assert bank_payload(without)["hash"] != data["hash"], "a hint written or edited is an edit of the quiz"
    assert "h" not in decode(bank_payload(without)["questions"][0]["k"], bank_payload(without)["hash"])


def test_the_trainer_edition_s_answer_key_shows_the_hint_before_the_explanation(project: Project) -> None:
    key = pages(project, "trainer")["quizzes/quiz-immediate.md"]
    assert "**提示**：想想客户走进网点后最先感受到的是什么。\n\n**解析**：解析：先问候，再了解需要。" in key


def test_ordering_is_never_shown_in_its_right_order(project: Project) -> None:
    data = payload(project, "quiz-ordering")
    question = data["questions"][0]
    assert question["i"] != ["倾听", "记录", "判断", "处理"]
    right = decode(question["k"], data["hash"])["o"]
    assert [question["i"][i] for i in right] == ["倾听", "记录", "判断", "处理"]
    for n in range(2, 7):
        assert scrambled(n, "any") != list(range(n))


def test_matching_right_side_is_scrambled_and_decodes_to_the_pairs(project: Project) -> None:
    data = payload(project, "quiz-matching")
    question = data["questions"][0]
    assert question["l"] == ["巴黎", "罗马", "东京"]
    assert question["r"] != ["法国", "意大利", "日本"]
    matches = decode(question["k"], data["hash"])["m"]
    assert [question["r"][i] for i in matches] == ["法国", "意大利", "日本"]


def test_a_distractor_is_shown_among_the_right_side_and_matches_no_left_item(project: Project) -> None:
    data = payload(project, "quiz-matching")
    question = data["questions"][0]
    assert sorted(question["r"]) == sorted(["法国", "意大利", "日本", "英国"])
    matches = decode(question["k"], data["hash"])["m"]
    assert question["r"].index("英国") not in matches
    key = pages(project, "trainer")["quizzes/quiz-matching.md"]
    assert "**干扰项（不与任何左项配对）**：英国" in key


def test_trainee_edition_has_no_facilitator_notes_and_no_answer_key(project: Project) -> None:
    for content in pages(project).values():
        assert "讲师备注" not in content
        assert "答案与讲师备注" not in content


def test_trainer_edition_shows_answer_key_outside_the_search_index(project: Project) -> None:
    content = pages(project, "trainer")["quizzes/quiz-single.md"]
    key = content[content.index("## 答案与讲师备注"):]
    assert '<section class="cg-answer-key" data-search-exclude markdown>' in key
    assert "**✔ 蓝色**" in key
    assert "讲师备注：请学员说说傍晚天空为什么发红。" in key
    assert "解析：阳光中的蓝光散射最多。" in key


def test_scoring_rules_list_only_the_types_used(project: Project) -> None:
    rules = payload(project, "quiz-multiple")["rules"]
    assert rules[0].startswith("及格 60%：")
    assert any(rule.startswith("多选题：按比例得分") for rule in rules)
    assert not any("排序题" in rule for rule in rules)
    assert rules[-1].startswith("自测成绩只保存在你这台设备的浏览器里")


def test_final_assessment_carries_the_banks_it_draws_from(project: Project) -> None:
    content = pages(project)["quizzes/final-check.md"]
    data = payload(project, "final-check")
    assert [(g["bank"], g["count"], len(g["questions"])) for g in data["draw"]] == [("quiz-pool", 4, 12), ("quiz-single", 1, 1)]
    assert data["draw"][1]["questions"][0]["id"] == "quiz-single/colour"
    assert "[题池：4 题](quiz-pool.md)" in content


def test_hash_changes_with_the_content_only(project: Project) -> None:
    bank = project.quizzes["quiz-fill"]
    assert bank_payload(bank)["hash"] == bank_payload(bank)["hash"]
    edited = bank.model_copy(update={"pass_mark": 50})
    assert bank_payload(edited)["hash"] != bank_payload(bank)["hash"]
    assert content_hash({"a": 1}) != content_hash({"a": 2})


def test_facilitator_notes_do_not_change_the_hash(project: Project) -> None:
    """Trainer and trainee editions store progress under the same hash."""
    trainee = payload(project, "quiz-single")
    trainer = payload(project, "quiz-single", "trainer")
    assert trainee == trainer


def test_trainer_text_reaches_the_widgets_intact(project: Project) -> None:
    """Quotes, ampersands, angle brackets, a literal entity and JavaScript's line separators must come out
    of the quiz's and the review's data scripts as they went in."""
    tricky = """He said "5 > 3" & 'yes' &amp; </script><b>\u2028\u2029"""
    bank = project.quizzes["quiz-single"]
    question = bank.questions[0]
    options = [o.model_copy(update={"text": tricky}) for o in question.options]  # type: ignore[attr-defined]
    question = question.model_copy(update={"prompt": tricky, "options": options})
    bank = bank.model_copy(update={"questions": [question]})
    site = render_site(dataclasses.replace(project, quizzes={**project.quizzes, bank.id: bank}))
    content = {p.path: p.content for p in site.pages}

    assets = {a.path: a.content for a in site.assets}
    quiz = assets["assets/coursegen/quizzes/quiz-single.js"]
    assert "\u2028".encode() not in quiz and "\u2029".encode() not in quiz
    assert {k: v for k, v in provided(quiz)[1].items() if k != "rules"} == bank_payload(bank)
    assert provided(assets[f"assets/coursegen/{REVIEW_DATA}"])[1][bank.id] == bank_payload(bank)
    assert tricky not in content["quizzes/quiz-single.md"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="投诉客户，。：“”！？（）aZ09 .-*_#>+=`\\<&[]{}!|~:'\"\t\n　", max_size=30))
def test_plain_text_shortcut_renders_exactly_like_markdown(text: str) -> None:
    """The shortcut for a plain line gives what Markdown and the HTML cleaning give (see render/sanitize.py)."""
    assert html(text) == clean_html(markdown_to_html(clean_markdown(text)))


def test_english_course_gets_english_page_labels(project: Project) -> None:
    english = dataclasses.replace(project, course=project.course.model_copy(update={"language": "en"}))
    assert payload(english, "quiz-single", "trainer")["rules"][0].startswith("Pass mark 100%:")
    assert 'data-noscript="The quiz needs JavaScript' in pages(english)["quizzes/quiz-single.md"]
    content = pages(english, "trainer")["quizzes/quiz-single.md"]
    assert "## Answer key and facilitator notes" in content
    assert "晴天的天空通常是什么颜色？ (2 pt)" in content


def test_question_prompts_and_options_reach_the_search_only_when_the_course_asks_for_it(project: Project) -> None:
    def quiz_page(search_questions: bool) -> str:
        course = project.course.model_copy(update={"search_questions": search_questions})
        site = render_site(dataclasses.replace(project, course=course))
        return next(p.content for p in site.pages if p.path == "quizzes/quiz-single.md")

    question = project.quizzes["quiz-single"].questions[0]
    assert "cg-quiz__prompts" not in quiz_page(False)
    searchable = quiz_page(True).split('<div class="cg-quiz__prompts" hidden>')[1].split("</div>")[0]
    assert question.prompt in searchable
    options = [f"<li>{o.text}</li>" for o in question.options]  # type: ignore[attr-defined]
    assert all(option in searchable for option in options), "every option alike, the right one no different"
    feedback = [o.feedback for o in question.options if o.feedback]  # type: ignore[attr-defined]
    assert feedback and not [f for f in feedback if f in searchable], "never the feedback"
    assert not question.explanation or question.explanation not in searchable
    hotspot = render_site(dataclasses.replace(project, course=project.course.model_copy(update={"search_questions": True})))
    places = next(p.content for p in hotspot.pages if p.path == "quizzes/quiz-hotspot.md").split('<div class="cg-quiz__prompts" hidden>')[1]
    assert all(f"<li>{name}</li>" in places for name in ("公告栏", "叫号屏", "服务窗口")), "a hotspot's places alike, as options"


def test_a_hotspot_shows_its_picture_and_labelled_areas_and_hides_the_right_ones(project: Project) -> None:
    data = payload(project, "quiz-hotspot")
    question = data["questions"][0]
    assert (question["img"], question["alt"]) == ("images/counter.svg", "营业厅柜台正面示意图：左上是叫号屏，中间是两个服务窗口，右上是公告栏，下方是柜台台面。")
    # Each labelled area with the point a choice of it puts: a rectangle's middle, a point inside a polygon.
    assert sorted(map(tuple, question["z"])) == [("公告栏", 77, 30), ("叫号屏", 18, 22), ("服务窗口", 47, 38)]
    assert question["z"][0][0] != "公告栏"  # the right area is not always listed first
    key = decode(question["k"], data["hash"])
    assert (key["a"], key["n"]) == ([{"r": [62, 10, 30, 40]}], ["公告栏"])


def test_the_trainer_s_key_outlines_the_right_areas_on_the_picture(project: Project) -> None:
    key = pages(project, "trainer")["quizzes/quiz-hotspot.md"]
    assert "![营业厅柜台正面示意图：左上是叫号屏，中间是两个服务窗口，右上是公告栏，下方是柜台台面。（讲师版：框出的是正确区域）](../images/counter.svg)" in key
    assert '<rect x="62" y="10" width="30" height="40"/>' in key
    assert "**正确区域**：公告栏" in key and "**干扰区域**：叫号屏、服务窗口" in key


def test_a_cloze_shows_its_text_without_the_answers_and_keys_each_blank(project: Project) -> None:
    data = payload(project, "quiz-cloze")
    question = data["questions"][0]
    assert question["g"] == ["投诉应在", "后", "个工作日内", "。"]
    assert "受理" not in str(question) and "答复" not in str(question)
    assert decode(question["k"], data["hash"])["a"] == [["受理", "登记"], ["5", "五"], ["答复"]]
    assert any(rule.startswith("多空填空题：按填对的空的比例得分") for rule in data["rules"])


def test_a_numeric_question_shows_its_unit_and_keys_its_value_and_tolerance(project: Project) -> None:
    data = payload(project, "quiz-numeric")
    question = data["questions"][0]
    assert question["u"] == "%" and "1.5" not in str(question)
    key = decode(question["k"], data["hash"])
    assert (key["a"], key["d"]) == (1.5, 0.05)
    assert any(rule.startswith("数值题：") for rule in data["rules"])


def test_drag_the_words_offers_every_word_scrambled_and_keys_the_word_of_each_blank(project: Project) -> None:
    data = payload(project, "quiz-dragwords")
    question = data["questions"][0]
    assert question["g"] == ["处理投诉要先", "，再", "，最后", "。"]
    assert sorted(question["w"]) == sorted(["倾听", "核实", "答复", "争辩", "推诿"])
    assert question["w"][:3] != ["倾听", "核实", "答复"]
    right = decode(question["k"], data["hash"])["m"]
    assert [question["w"][i] for i in right] == ["倾听", "核实", "答复"]


def test_the_trainer_edition_s_answer_key_lists_each_blank_the_value_and_the_words(project: Project) -> None:
    cloze = pages(project, "trainer")["quizzes/quiz-cloze.md"]
    assert "**可接受的答案**：\n\n- 第 1 空：受理、登记\n- 第 2 空：5、五\n- 第 3 空：答复\n" in cloze
    numeric = pages(project, "trainer")["quizzes/quiz-numeric.md"]
    assert "**正确的数值**：1.5%（允许误差 ±0.05）" in numeric
    words = pages(project, "trainer")["quizzes/quiz-dragwords.md"]
    assert "**各空的词语**：\n\n- 第 1 空：倾听\n- 第 2 空：核实\n- 第 3 空：答复\n" in words
    assert "**干扰词**：争辩、推诿" in words
