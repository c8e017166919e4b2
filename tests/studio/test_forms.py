"""The studio's form descriptions (coursegen.studio.forms): their words in the course's language, and what a new
list item starts as."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from coursegen.catalogue import read_file
from coursegen.studio.forms import describe, kinds

CHINESE = re.compile(r"[\u3400-\u9fff]")


def _words(node: Any) -> Iterator[str]:
    """Every word a form shows: the labels and help of its fields, choices and variants."""
    if isinstance(node, dict):
        yield from (node[key] for key in ("label", "help") if isinstance(node.get(key), str))
        for value in node.values():
            yield from _words(value)
    elif isinstance(node, list):
        for value in node:
            yield from _words(value)


def _helps(node: Any) -> Iterator[str]:
    """The descriptions a form shows as help (each label is the first phrase of one)."""
    if isinstance(node, dict):
        if isinstance(node.get("help"), str):
            yield node["help"]
        for value in node.values():
            yield from _helps(value)
    elif isinstance(node, list):
        for value in node:
            yield from _helps(value)


def _field(form: dict[str, Any], key: str) -> dict[str, Any]:
    node: dict[str, Any] = next(f["node"] for f in form["root"]["fields"] if f["key"] == key)
    return node


def test_an_english_course_s_forms_show_no_chinese_word() -> None:
    """Every field of every file the studio edits has an English label and help, every choice its English words:
    a field added to a model without its English fails here."""
    untranslated = sorted({(kind, word) for kind in kinds() for word in _words(describe(kind, "en")) if CHINESE.search(word)})
    assert untranslated == []
    course = describe("course", "en")
    assert _field(course, "title")["label"] == "Course title"
    assert _field(course, "subtitle")["label"] == "Subtitle" and _field(course, "subtitle")["help"] == "Subtitle, shown under the title."
    assert [c["label"] for c in _field(course, "language")["choices"]] == ["Chinese", "English"]
    quiz = describe("quiz", "en")
    assert [c["label"] for c in _field(quiz, "feedback")["choices"]] == ["All at once after “Submit answers”", "Question by question"]
    assert _field(quiz, "questions")["item"]["variants"][0]["label"] == "Single choice"


def test_chinese_labels_are_still_the_model_s_descriptions() -> None:
    course = describe("course")
    assert _field(course, "subtitle")["label"] == "副标题" and _field(course, "subtitle")["help"] == "副标题，显示在标题下面。"
    assert [c["label"] for c in _field(course, "language")["choices"]] == ["中文", "英文"]


def test_every_english_entry_translates_a_description_the_studio_shows() -> None:
    """An entry whose Chinese description was changed or removed is dead weight that no longer says the same thing:
    its key must be translated again."""
    shown = {text for kind in kinds() for text in _helps(describe(kind))}
    assert set(read_file("en")["fields"]) - shown == set()


def test_a_new_question_is_a_single_choice_and_a_new_form_field_a_line_of_text() -> None:
    """The first variant is what a new list item is: the most used, in the model's order, not the first tag
    alphabetically (填空题)."""
    questions = _field(describe("quiz"), "questions")["item"]
    assert [v["value"] for v in questions["variants"]][:2] == ["single", "multiple"]
    assert questions["variants"][0]["label"] == "单选题"
    fields = _field(describe("homework"), "fields")["item"]
    assert fields["variants"][0]["value"] == "text"


def test_the_cloze_numeric_and_drag_the_words_questions_get_forms_of_their_own_fields() -> None:
    variants = {v["value"]: v for v in _field(describe("quiz"), "questions")["item"]["variants"]}
    own = {kind: [(f["key"], f["node"]["kind"]) for f in variants[kind]["node"]["fields"]][6:] for kind in ("cloze", "numeric", "dragwords")}
    assert own == {
        "cloze": [("text", "text")],
        "numeric": [("answer", "number"), ("tolerance", "number"), ("unit", "text")],
        "dragwords": [("text", "text"), ("distractors", "list")],
    }
    assert [variants[kind]["label"] for kind in own] == ["多空填空题", "数值题", "拖放填词题"]
