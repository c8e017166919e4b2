"""`coursegen build` stops when the site's search would silently not work; `--offline` makes a site for
file://. Both on copies of the small fixture course with their mkdocs.yml edited. And the example site's
search index: the course's text, no quiz answer key, no widget chrome."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursegen.builder import Paths, build, generate
from coursegen.builder.offline import SHIM
from coursegen.builder.search_index import read_search_index
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
        ("  - search:\n      lang: [en]", None),
        ("  - search:\n      enabled: false", None),
    ],
    ids=["english-settings", "search-off"],
)
def test_search_settings_no_longer_matter_or_turn_search_off(tmp_path: Path, search: str, complaint: None) -> None:
    """The course's index compares characters: the old jieba, lang and separator settings cannot break it."""
    paths = project_with(tmp_path, search)
    build(paths, tmp_path / "site")
    index = tmp_path / "site" / "assets" / "coursegen" / "search" / "meta.js"
    assert index.is_file() == ("enabled: false" not in search)
    assert not (tmp_path / "site" / "search").exists(), "Material's own index is not shipped"


def with_override(paths: Paths, partial: str, html: str) -> Path:
    """The project's own theme folder (``custom_dir: overrides``) holding ``partials/<partial>``; its path."""
    override = paths.config.parent / "overrides" / "partials" / partial
    override.parent.mkdir(parents=True)
    override.write_text(html, encoding="utf-8")
    text = paths.config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    paths.config.write_text(text, encoding="utf-8")
    return override


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_build_fails_when_the_projects_theme_folder_replaces_the_search_dialog(tmp_path: Path, engine: str) -> None:
    paths = project_with(tmp_path, GOOD_SEARCH)
    override = with_override(paths, "search.html", "<div class=\"md-search\"></div>")
    with pytest.raises(UserError) as caught:
        build(paths, tmp_path / "site", engine=engine)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith(f"{paths.config}: 网站的搜索将无法使用。\n  - {override} 替换了课程搜索所需的搜索框：请删除它或改名\n")
    assert [p.name for p in tmp_path.iterdir()] == ["course-project"], "no site, no half-built staging folder"


def test_a_projects_theme_folder_without_a_search_dialog_keeps_its_overrides_and_the_search(tmp_path: Path) -> None:
    paths = project_with(tmp_path, GOOD_SEARCH)
    with_override(paths, "copyright.html", "<div>本行内部培训</div>")
    build(paths, tmp_path / "site")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "本行内部培训" in home and "data-cg-search" in home and 'name="cg-search"' in home


def test_cli_reports_mkdocs_own_search_plugin_without_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = project_with(tmp_path, GOOD_SEARCH)
    text = paths.config.read_text(encoding="utf-8").replace("  name: material\n", "  name: mkdocs\n", 1)
    paths.config.write_text(text, encoding="utf-8")
    monkeypatch.chdir(paths.config.parent)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1, result.output
    assert "mkdocs.yml: 网站的搜索将无法使用。" in result.output and "Traceback" not in result.output
    assert "这里的 search 插件是 MkDocs 自带的" in result.output and "theme:\n  name: material\nplugins:\n  - search" in result.output


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
    assert read_search_index(site), "the search index, scripts that load from file://"
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
    assert read_search_index(site)[0][0] == "", "the home page's address in a site with folder addresses"
    assert not (site / SHIM).exists()


def test_the_index_holds_the_course_text_but_no_quiz_answer_key_and_no_widget_chrome(example_site: Path) -> None:
    index = read_search_index(example_site)
    text = "".join(title + text for _, title, text in index)
    assert "保护消费者权益" in text or "消费者权益保护" in text
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    lectures = plain("".join(p.content for p in render_site(project).pages if p.path.startswith("lectures/")))
    secrets = fragments(quiz_keys(project), public=lectures)
    assert len(secrets) > 100
    assert not [s for s in secrets if s in plain(text)]
    for chrome in ("必填", "很不满意", "上一讲", "下一讲"):
        assert chrome not in text, chrome
