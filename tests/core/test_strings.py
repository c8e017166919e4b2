"""The trainee's strings: one data file per language (generator/strings/), complete, and every key in use.

Keys are found where they are used: ``t.key`` / ``t["key"]`` (pages), ``qt`` (quiz) and ``lt`` (learner) in
the page templates and the Python that renders pages, ``pv["key"]`` (preview) in the Python of the live preview's
error overlay, and ``"<widget>.<key>"`` literals in the widgets' scripts.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from coursegen.load import load_project
from coursegen.render import render_site
from coursegen.render.assets import config_script
from coursegen.render.environment import RenderContext
from coursegen.catalogue import flatten, read_file
from coursegen.render.strings import LANGUAGES, PARTS, Part, strings

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "generator"
VARIABLES: dict[str, Part] = {"t": "pages", "qt": "quiz", "lt": "learner", "pv": "preview"}
"""The one name each part goes by in templates and renderers."""


def _sources(pattern: str, folder: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((GENERATOR / folder).glob(pattern)))


TEMPLATES = _sources("*.j2", "templates")  # not templates/hr: the HR report is for HR, in Chinese only
PYTHON = _sources("**/*.py", "render")  # with its blanks/ (the homework blank templates)
SCRIPTS = _sources("cg-*.js", "assets")


def used_page_keys() -> dict[Part, set[str]]:
    """Literal keys the templates (``t.key``, ``t["key"]``, ``lt["completion.title"]`` in a subsection) and renderers
    (``t["key"]``) look up, per part."""
    used: dict[Part, set[str]] = {part: set() for part in VARIABLES.values()}
    for source, pattern in (
        (TEMPLATES, r"(?<![\w.])(t|qt|lt)(?:\.(\w+)|\[[\"'](\w+(?:\.\w+)*)[\"']\])"),
        (PYTHON, r"(?<![\w.])(?:ctx\.)?(t|qt|lt|pv)\[[\"'](\w+(?:\.\w+)*)[\"']\]()"),
    ):
        for variable, key, subscript in re.findall(pattern, source):
            used[VARIABLES[variable]].add(key or subscript)
    used["pages"].discard("format")  # str.format on a label (t.minutes.format(n=…))
    return used


def widget_groups() -> set[str]:
    return set(read_file("zh")["widgets"])


def used_widget_keys() -> set[str]:
    """String literals in the widgets' scripts that name a widget string, e.g. ``"quiz.n"``; not a prefix
    completed at run time (``"quiz." + verdict``) and not a page's file name (``"progress.html"``)."""
    groups = "|".join(sorted(widget_groups()))
    return set(re.findall(rf"\"((?:{groups})\.(?!html\")\w+(?:\.\w+)*)\"(?!\s*\+)", SCRIPTS))


def dynamic_prefixes() -> list[str]:
    """Key prefixes completed at run time: ``"quiz." + verdict``, ``"identity_" ~ key``, ``f"identity_{key}"``."""
    return re.findall(r"[\"'](\w[\w.]*[._])[\"']\s*[+~]", TEMPLATES + PYTHON + SCRIPTS) + re.findall(r"f[\"'](\w+_)\{", PYTHON)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_a_template_renderer_or_widget_uses_is_in_the_file(language: str) -> None:
    own = {part: flatten(read_file(language)[part]) for part in PARTS}
    for part, keys in used_page_keys().items():
        assert keys - set(own[part]) == set(), f"{language}.yml lacks {part} keys"
    assert used_widget_keys() - set(own["widgets"]) == set(), f"{language}.yml lacks widget keys"


def test_every_language_has_the_same_keys_as_chinese() -> None:
    chinese = read_file("zh")
    for language in LANGUAGES:
        table = read_file(language)
        own_fields = ["fields"] if language != "zh" else []  # Chinese field labels are the models' descriptions
        assert list(table) == [*PARTS, "messages", *own_fields]
        for part in PARTS:
            assert set(flatten(table[part])) == set(flatten(chinese[part])), f"{language}.yml: {part} keys differ from zh.yml"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_value_is_text(language: str) -> None:
    """Unquoted YAML turns yes, no, true, false (keys or values) and numbers into something else."""
    for part in PARTS:
        for key, value in flatten(read_file(language)[part]).items():
            assert isinstance(key, str) and isinstance(value, str) and value, f"{language}.yml {part}.{key}: {value!r}"


def test_every_key_is_used_somewhere() -> None:
    """A string no page or widget shows is dead weight a translator still has to translate."""
    pages = used_page_keys()
    literals = set(re.findall(r"[\"'](\w[\w.]*)[\"']", TEMPLATES + PYTHON))  # e.g. RULES names its rule_* keys
    prefixes = tuple(dynamic_prefixes())
    for part in VARIABLES.values():
        unused = {k for k in flatten(read_file("zh")[part]) if k not in pages[part] | literals and not k.startswith(prefixes)}
        assert unused == set(), f"{part} keys nothing uses"
    widgets = {k for k in flatten(read_file("zh")["widgets"]) if k not in used_widget_keys() and not k.startswith(prefixes)}
    assert widgets == set(), "widget keys no script uses"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_key_is_written_twice(language: str) -> None:
    """YAML keeps the last of two equal keys without a word: two copies of one text that drift apart unseen."""
    text = (GENERATOR / "strings" / f"{language}.yml").read_text(encoding="utf-8")
    seen: list[str] = []

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        keys = [str(key.value) for key, _ in node.value]
        seen.extend(f"line {node.start_mark.line + 1}: {k}" for k in {k for k in keys if keys.count(k) > 1})
        return loader.construct_mapping(node)

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(text, Loader=Loader)
    assert seen == [], f"{language}.yml: keys written twice in one mapping"


def test_a_key_missing_from_english_falls_back_to_chinese() -> None:
    english, chinese = strings("en", "pages"), strings("zh", "pages")
    assert english["home"] == "Home" and chinese["home"] == "课程首页"
    assert set(english) == set(chinese)


def test_the_widgets_get_their_strings_once_per_site_in_the_config_script() -> None:
    """cg-config.js, loaded on every page before cg-core.js, carries the site's language only; no script
    carries a table of its own."""
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    for language in LANGUAGES:
        ctx = RenderContext(dataclasses.replace(project, course=project.course.model_copy(update={"language": language})), "trainee")
        script = config_script(ctx)
        assert strings(language, "widgets")["quiz.check"] in script
        other = next(lang for lang in LANGUAGES if lang != language)
        assert strings(other, "widgets")["quiz.check"] not in script
    assert "addStrings" not in SCRIPTS
    assert not re.search(r"\b(zh|en)\s*:\s*\{", SCRIPTS), "a script still carries a string table"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_example_course_renders_in_every_language(language: str) -> None:
    """Templates are strict: a key missing from a language fails the render, including keys built at run time."""
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    project = dataclasses.replace(project, course=project.course.model_copy(update={"language": language}))
    for edition in ("trainee", "trainer"):
        site = render_site(project, edition)
        assert site.pages


STUDIO_UI = GENERATOR / "studio" / "ui"


def used_studio_keys() -> set[str]:
    """Keys the studio's browser side names: ``t("form.add")`` (and ``cgStudio.t``) in its scripts, ``data-t`` and
    ``data-t-title`` attributes in its shell page. The vendor bundle is not the studio's code."""
    scripts = "\n".join(p.read_text(encoding="utf-8") for p in sorted(STUDIO_UI.glob("*.js")))
    shell = (STUDIO_UI / "shell.html").read_text(encoding="utf-8")
    return set(re.findall(r"\bt\(\"([\w.]+)\"", scripts)) | set(re.findall(r"data-t(?:-title)?=\"([\w.]+)\"", shell))


def test_the_studio_uses_every_studio_string_and_only_those() -> None:
    """The studio shows no text of its own: every one comes from the catalogue's studio part, sent by its server."""
    known = set(flatten(read_file("zh")["studio"]))
    used = used_studio_keys()
    assert used - known == set(), "studio keys the UI uses that zh.yml lacks"
    assert known - used == set(), "studio keys nothing uses"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_studio_strings_keep_their_placeholders(language: str) -> None:
    chinese = flatten(read_file("zh")["studio"])
    for key, text in flatten(read_file(language)["studio"]).items():
        assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", chinese[key])), f"{language}.yml studio.{key}"
