"""The second build engine, Zensical: chosen by option, environment or mkdocs.yml; the same course site as
MkDocs builds (pages, coursegen's search index, the trainer's settings); errors at the trainer's file and
line, the last good site kept. The browser suite runs on Zensical too (.ci/run, ``COURSEGEN_ENGINE``)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from coursegen.builder import Paths, build
from coursegen.builder.engines import ENVIRONMENT, configured_engine, resolve_engine
from coursegen.builder.search_index import read_search_index
from coursegen.builder.zensical_config import CONFIG, SEARCH_CSS, merged
from coursegen.cli import main
from coursegen.errors import UserError
from tests.conftest import ROOT

pytestmark = pytest.mark.python("zensical")

MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture(autouse=True)
def no_engine_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test chooses its engine itself, whatever engine the suite runs its browser tests on."""
    monkeypatch.delenv(ENVIRONMENT, raising=False)


def project(tmp_path: Path, extra: str = "") -> Paths:
    """A copy of the fixture course with ``extra`` appended to its mkdocs.yml."""
    root = tmp_path / "course-project"
    shutil.copytree(MINI, root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return Paths(config=config, course=root / "course", quizzes=root / "quizzes", work=root / ".coursegen")


def with_plugin_setting(paths: Paths, setting: str) -> None:
    text = paths.config.read_text(encoding="utf-8")
    assert "\nplugins:\n" in text
    paths.config.write_text(text.replace("\nplugins:\n", f"\nplugins:\n  - coursegen:\n      {setting}\n"), encoding="utf-8")


def test_the_engine_comes_from_the_environment_then_mkdocs_yml_then_defaults_to_mkdocs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = project(tmp_path)
    assert configured_engine(paths.config) == "mkdocs"
    with_plugin_setting(paths, "engine: zensical")
    assert configured_engine(paths.config) == "zensical"
    monkeypatch.setenv(ENVIRONMENT, "mkdocs")
    assert configured_engine(paths.config) == "mkdocs"
    monkeypatch.setenv(ENVIRONMENT, "hugo")
    with pytest.raises(UserError, match="COURSEGEN_ENGINE=hugo: 只能是 mkdocs、zensical 之一"):
        configured_engine(paths.config)


def test_an_unknown_engine_in_mkdocs_yml_is_named_with_the_choices(tmp_path: Path) -> None:
    paths = project(tmp_path)
    with_plugin_setting(paths, "engine: sphinx")
    line = paths.config.read_text(encoding="utf-8").splitlines().index("      engine: sphinx") + 1
    with pytest.raises(UserError) as caught:
        configured_engine(paths.config)
    assert str(caught.value) == f"{paths.config}:{line}:15: coursegen 插件的 engine 设为 `sphinx`: 只能是 mkdocs、zensical 之一"


def test_settings_zensical_ignores_are_warned_of_at_their_line(tmp_path: Path) -> None:
    paths = project(tmp_path, "hooks:\n  - my_hooks.py\n")
    lines = paths.config.read_text(encoding="utf-8").splitlines()
    hook_line = lines.index("  - my_hooks.py") + 1
    warnings = resolve_engine("zensical", paths.config).warnings
    assert [(w.line, w.col, w.severity) for w in warnings] == [(hook_line, 5, "warning")]
    assert warnings[0].message == "Zensical 不运行 MkDocs 钩子 `my_hooks.py`：它给网站添加的内容在 Zensical 构建的网站里没有"
    assert warnings[0].hint == "需要它添加的内容时，请用 MkDocs 构建：在 mkdocs.yml 的 coursegen 插件下写 engine: mkdocs，或加 --engine mkdocs"
    assert resolve_engine("mkdocs", paths.config).warnings == []


def test_a_missing_zensical_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = project(tmp_path)
    for module in ("zensical", "zensical.config"):  # what an import meets when Zensical is not installed
        monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.chdir(paths.config.parent)
    result = CliRunner().invoke(main, ["build", "--engine", "zensical"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "pip install -e '.[zensical]'" in result.output
    assert not (paths.config.parent / "site").exists(), "nothing is generated or built before the engine is known to work"


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example course built by each engine."""
    out = tmp_path_factory.mktemp("engines")
    sites = {}
    for engine in ("mkdocs", "zensical"):
        paths = Paths(config=ROOT / "mkdocs.yml", course=ROOT / "course", quizzes=ROOT / "quizzes", work=out / f"work-{engine}")
        build(paths, out / engine, engine=engine)  # type: ignore[arg-type]
        sites[engine] = out / engine
    return sites


def test_both_engines_build_the_same_pages(both: dict[str, Path]) -> None:
    pages = {engine: sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) for engine, site in both.items()}
    assert pages["zensical"] == pages["mkdocs"]
    assets = {engine: sorted(p.relative_to(site).as_posix() for p in (site / "assets" / "coursegen").rglob("*.js")
                             if "/search/" not in p.as_posix()) for engine, site in both.items()}
    assert assets["zensical"] == assets["mkdocs"]


def test_zensical_sites_search_with_coursegens_index_of_the_same_sections(both: dict[str, Path]) -> None:
    index = {engine: read_search_index(site) for engine, site in both.items()}
    assert [(address, title) for address, title, _ in index["zensical"]] == [(address, title) for address, title, _ in index["mkdocs"]]
    texts = {engine: "".join(text for _, _, text in sections) for engine, sections in index.items()}
    assert "逆向追溯" in texts["zensical"] and "\n" not in texts["zensical"]
    emptied = json.loads((both["zensical"] / "search.json").read_text(encoding="utf-8"))
    assert emptied["items"] == [], "Zensical's page script downloads its index on every page: it gets none of the course"
    home = (both["zensical"] / "index.html").read_text(encoding="utf-8")
    assert 'name="cg-search"' in home and 'data-md-component="search"' not in home
    css = (both["zensical"] / SEARCH_CSS).read_text(encoding="utf-8")
    assert SEARCH_CSS in home and ".md-search__inner{" in css and ".md-search-result__link{" in css
    assert css.count("{") == css.count("}") and "}.md-typeset h1{" not in css, "Material's search rules, and only those"


def test_zensical_pages_have_coursegens_theme_texts_and_joined_chinese_lines(both: dict[str, Path]) -> None:
    home = (both["zensical"] / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in home and "assets/stylesheets/classic/" in home
    lecture = (both["zensical"] / "lectures" / "service-front" / "index.html").read_text(encoding="utf-8")
    assert 'class="headerlink" href="#_1" title="本节链接"' in lecture, "the heading links' tooltip the MkDocs hook gives"
    for site in both.values():
        page = (site / "lectures" / "service-front" / "index.html").read_text(encoding="utf-8")
        assert "，\n" not in page.split('class="md-content"', 1)[1], "a wrapped Chinese line shows as a space"


def test_the_trainers_settings_reach_zensical_once_tags_and_all(tmp_path: Path) -> None:
    extra = (
        "extra_css:\n  - css/own.css\n"
        "extra:\n  analytics_off: !ENV [COURSEGEN_TEST_UNSET, true]\n"
    )
    paths = project(tmp_path, extra)
    (paths.config.parent / "docs" / "css").mkdir(parents=True)
    (paths.config.parent / "docs" / "css" / "own.css").write_text(".x{}", encoding="utf-8")
    build(paths, tmp_path / "site", engine="zensical")
    written = (paths.work / "trainee" / CONFIG).read_text(encoding="utf-8")
    assert "!ENV" in written, "a tag PyYAML's safe loader does not know is written back, for Zensical to resolve"
    config = yaml.load(written.replace("!ENV", ""), Loader=yaml.SafeLoader)
    assert config["extra_css"].count("css/own.css") == 1 and config["extra_css"][0].startswith("assets/coursegen/")
    assert "INHERIT" not in config and "hooks" not in config
    assert [p for p in config["plugins"] if p == "coursegen" or (isinstance(p, dict) and "coursegen" in p)] == []
    assert "coursegen.render.cjk" in config["markdown_extensions"]
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "css/own.css" in home


def test_merging_follows_mkdocs_inherit_dictionaries_merge_lists_replace() -> None:
    parent = {"theme": {"name": "material", "features": ["a"]}, "nav": ["x.md"], "site_name": "课程"}
    child = {"theme": {"features": ["b"], "custom_dir": "t"}, "nav": ["y.md"]}
    assert merged(parent, child) == {"theme": {"name": "material", "features": ["b"], "custom_dir": "t"}, "nav": ["y.md"], "site_name": "课程"}


def test_a_failed_zensical_build_names_the_trainers_file_and_keeps_the_last_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = project(tmp_path)
    monkeypatch.chdir(paths.config.parent)
    assert CliRunner().invoke(main, ["build", "--engine", "zensical"]).exit_code == 0
    before = (paths.config.parent / "site" / "index.html").read_bytes()
    (paths.config.parent / "docs" / "notes.md").write_text("# 备注\n\n见[附件](missing.md)。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--engine", "zensical"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Zensical 无法构建网站；site/ 保持原样。" in result.output
    assert "docs/notes.md:3:7: 警告：page does not exist" in result.output  # the link target: 见[附件](missing.md)
    assert "有警告，构建就停止了（加 --no-strict 可让警告通过）" in result.output and "--strict flag" not in result.output
    assert (paths.config.parent / "site" / "index.html").read_bytes() == before
    lenient = CliRunner().invoke(main, ["build", "--engine", "zensical", "--no-strict"])
    assert lenient.exit_code == 0 and "docs/notes.md:3:7: 警告：page does not exist" in lenient.output


def test_the_plugin_setting_chooses_zensical_for_coursegen_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = project(tmp_path)
    with_plugin_setting(paths, "engine: zensical")
    monkeypatch.chdir(paths.config.parent)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "… 正在用 Zensical 构建" in result.output
    assert (paths.work / "trainee" / CONFIG).is_file()


def test_the_dashboards_list_of_every_item_is_left_out_of_search_on_both_engines(both: dict[str, Path]) -> None:
    """It names the whole course (search finds each item on its own page), and Zensical refuses a section of over
    64 KiB: a 1,000-lecture course's list is twice that."""
    for engine, site in both.items():
        dashboard = [text for address, title, text in read_search_index(site) if address == "#cg-dashboard-title"]
        assert dashboard and "投诉的二次升级" not in dashboard[0], engine
        assert any("投诉的二次升级" in title for _, title, _ in read_search_index(site)), engine


def test_a_plugin_zensical_does_not_implement_is_warned_of_and_its_own_are_not(tmp_path: Path) -> None:
    paths = project(tmp_path)
    text = paths.config.read_text(encoding="utf-8").replace("\nplugins:\n", "\nplugins:\n  - tags\n  - git-revision-date-localized\n")
    paths.config.write_text(text, encoding="utf-8")
    warnings = resolve_engine("zensical", paths.config).warnings
    assert [w.message.split("`")[1] for w in warnings] == ["git-revision-date-localized"]
    assert warnings[0].line == text.splitlines().index("  - git-revision-date-localized") + 1
