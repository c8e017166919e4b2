"""Every message coursegen says comes from the catalogue, in both languages, with the same placeholders."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from coursegen.catalogue import LANGUAGES
from coursegen.messages import catalogue, choose, course_language, say, speak, speaking
from tests.conftest import ROOT

GENERATOR = ROOT / "generator"
SAID = re.compile(r"""\bsay\(\s*["']([\w.]+)["']""")
"""A message key in the code: ``say("yaml.tab", …)``."""


def keys_in_code() -> set[str]:
    return {key for path in GENERATOR.rglob("*.py") for key in SAID.findall(path.read_text(encoding="utf-8"))}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_has_every_message_with_the_same_placeholders() -> None:
    chinese = catalogue("zh")
    for language in LANGUAGES:
        table = catalogue(language)
        assert set(table) == set(chinese), f"{language}.yml: messages differ from zh.yml"
        for key, template in table.items():
            assert isinstance(template, str) and template, f"{language}.yml messages.{key}"
            assert placeholders(template) == placeholders(chinese[key]), f"{language}.yml messages.{key}: placeholders differ"


def test_every_message_the_code_says_is_in_the_catalogue_and_every_one_is_said() -> None:
    used = keys_in_code()
    known = set(catalogue("zh"))
    assert used - known == set(), "messages the code says that the catalogue lacks"
    dynamic = tuple(re.findall(r"""\bsay\(\s*f["']([\w.]+)\{""", "".join(p.read_text(encoding="utf-8") for p in GENERATOR.rglob("*.py"))))
    assert {k for k in known - used if not k.startswith(dynamic)} == set(), "messages nothing says"


def test_chinese_messages_have_no_stray_spaces() -> None:
    """As the pages' texts: one space between Chinese and Latin text, a number or a `code` span (未知的键 `titel`), none
    beside full-width punctuation (，。：；！？（）“”、) and never two; a label that ends a line's start ("提示：") none after it."""
    for key, template in catalogue("zh").items():
        assert not re.search(r"  | [，。：；！？（）“”、]|[，。：；！？（）“”、] ", template), f"zh.yml messages.{key}: {template!r}"


def test_the_course_language_chooses_unless_lang_does(tmp_path: Path) -> None:
    (tmp_path / "course.yml").write_text("id: c\ntitle: T\nlanguage: en\n", encoding="utf-8")
    try:
        choose(None)
        assert speak(tmp_path) == "en" and say("problem.hint") == "hint: "
        assert speak(None) == "zh" and say("problem.hint") == "提示："
        choose("en")
        assert speak(None) == "en"
    finally:
        choose(None)
    with speaking("en"):
        assert say("problem.hint") == "hint: "


@pytest.mark.parametrize("text", ["language: fr\n", "language: [zh\n", "- not a mapping\n"])
def test_a_course_whose_language_cannot_be_read_gets_chinese(tmp_path: Path, text: str) -> None:
    (tmp_path / "course.yml").write_text(text, encoding="utf-8")
    assert course_language(tmp_path) == "zh"


SPOKEN = {"UserError", "OutputError", "Problem", "echo", "ClickException", "UsageError", "BadParameter"}
"""Calls whose text reaches a trainer or HR: errors, problems, and what the commands print."""
WORDS = re.compile(r"[A-Za-z]{3,}|[\u4e00-\u9fff]")


def literal_text(node: ast.expr) -> str:
    """The words written into a string or f-string argument (placeholders left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str))
    if isinstance(node, ast.BinOp):
        return literal_text(node.left) + literal_text(node.right)
    return ""


def test_no_message_reaches_a_user_without_the_catalogue() -> None:
    """A word written in the code into an error, a problem or a command's output would be the same in every language."""
    found = []
    for path in sorted(GENERATOR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            if name not in SPOKEN:
                continue
            for arg in [*call.args, *(k.value for k in call.keywords if k.arg in ("message", "hint"))]:
                if WORDS.search(literal_text(arg)):
                    found.append(f"{path.relative_to(ROOT)}:{call.lineno}: {literal_text(arg)[:60]!r}")
    assert found == []
