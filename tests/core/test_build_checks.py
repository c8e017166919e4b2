"""`coursegen build` stops on a Chinese course whose search would find nothing; `--offline` makes a
site for file://. Both on copies of the small fixture course with their mkdocs.yml edited. And the
example site's search index: Chinese cut into words, no quiz answer key."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.builder import Paths, build, generate
from coursegen.builder.offline import SHIM
from coursegen.cli import main
from coursegen.errors import UserError
from coursegen.load import load_project
from coursegen.render import render_site
from tests.conftest import ROOT
from tests.learner.keys import fragments, plain, quiz_keys

MINI = ROOT / "tests" / "fixtures" / "mini"
GOOD_SEARCH = """  - search:
      lang: [zh, en]
      separator: '[\\s\\u200b\\-]'"""


def project_with(tmp_path: Path, search: str) -> Paths:
    """A copy of the fixture course whose mkdocs.yml has ``search`` as its search plugin entry."""
    root = tmp_path / "course-project"
    shutil.copytree(MINI, root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert GOOD_SEARCH in text
    config.write_text(text.replace(GOOD_SEARCH, search), encoding="utf-8")
    return Paths(config=config, course=root / "course", quizzes=root / "quizzes", work=root / ".coursegen")


@pytest.mark.parametrize(
    ("search", "complaint"),
    [
        ("  - search:\n      lang: [en]\n      separator: '[\\s\\u200b\\-]'", "search `lang` is ['en']: add zh"),
        ("  - search:\n      lang: [zh, en]\n      separator: '[\\s\\-]+'", "does not split at \\u200b"),
        ("  - search", "search `lang` is ['en']: add zh"),
    ],
    ids=["no-zh", "separator-without-zwsp", "material-defaults"],
)
def test_build_fails_before_mkdocs_when_chinese_search_is_misconfigured(tmp_path: Path, search: str, complaint: str) -> None:
    paths = project_with(tmp_path, search)
    with pytest.raises(UserError) as caught:
        build(paths, tmp_path / "site")
    message = str(caught.value)
    assert message.startswith(f"{paths.config}: Chinese search is misconfigured")
    assert complaint in message
    assert "lang: [zh, en]" in message  # the fix, ready to paste
    assert [p.name for p in tmp_path.iterdir()] == ["course-project"], "no site, no half-built staging folder"


def test_build_fails_without_jieba(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from material.plugins.search import plugin as material_search

    monkeypatch.setattr(material_search, "jieba", None)
    with pytest.raises(UserError, match="`jieba` package is not installed"):
        build(project_with(tmp_path, GOOD_SEARCH), tmp_path / "site")


def test_cli_reports_the_misconfiguration_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = project_with(tmp_path, "  - search:\n      lang: [en]")
    monkeypatch.chdir(paths.config.parent)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "Chinese search is misconfigured" in result.output and "Traceback" not in result.output


def test_search_turned_off_or_an_english_course_is_not_checked(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    from coursegen.builder.search_check import check_search

    generated = generate(project_with(tmp_path, "  - search:\n      enabled: false"))
    check_search(load_config(config_file=str(generated.config)), "zh", user_config=generated.config)
    english = generate(project_with(tmp_path / "en", "  - search:\n      lang: [en]"))
    check_search(load_config(config_file=str(english.config)), "en", user_config=english.config)


@pytest.fixture(scope="module")
def offline_then_online(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same project built with --offline, then without, through the same work folder."""
    tmp = tmp_path_factory.mktemp("offline")
    paths = project_with(tmp, GOOD_SEARCH)
    build(paths, tmp / "offline", offline=True)
    build(paths, tmp / "site")
    return tmp / "offline", tmp / "site"


def test_offline_build_works_from_file_urls_and_names_no_outside_host(offline_then_online: tuple[Path, Path]) -> None:
    site, _ = offline_then_online
    assert (site / "index.html").is_file() and (site / "agenda.html").is_file()
    assert (site / SHIM).read_text(encoding="utf-8").count("IFrameWorker") == 1
    index = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = {") and "\\u200b" in index  # jieba cut the Chinese
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'src="{SHIM}"' in home
    assert 'href="agenda.html"' in home
    assert '"navigation.instant"' not in home and '"navigation.footer"' in home  # file:// breaks instant navigation
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        hosts = set(re.findall(r'(?:src|href)="(?:https?:)?//([^/"]+)', text))
        assert hosts <= {"github.com", "squidfunk.github.io", "www.mkdocs.org"}, (html, hosts)
        assert "unpkg.com" not in text


def test_a_normal_build_after_an_offline_one_has_directory_urls_again(offline_then_online: tuple[Path, Path]) -> None:
    _, site = offline_then_online
    assert (site / "agenda" / "index.html").is_file()
    assert not (site / "search" / "search_index.js").exists()
    assert not (site / SHIM).exists()


def test_the_index_holds_segmented_chinese_but_no_quiz_answer_key(example_site: Path) -> None:
    index = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "zh" in index["config"]["lang"] and "\\u200b" in index["config"]["separator"]
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    assert "\u200b消费者\u200b权益\u200b保护\u200b" in text  # jieba cut the sentences into words
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    lectures = plain("".join(p.content for p in render_site(project).pages if p.path.startswith("lectures/")))
    secrets = fragments(quiz_keys(project), public=lectures)
    assert len(secrets) > 100
    assert not [s for s in secrets if s in plain(text.replace("\u200b", ""))]
