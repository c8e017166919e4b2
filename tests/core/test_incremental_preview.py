"""``coursegen serve`` on MkDocs rebuilds only the pages a save changed, and every page when the save changed the menu.

The preview is driven as ``coursegen serve`` drives it (the live preview regenerates, MkDocs' server calls
:func:`~coursegen.builder.mkdocs_serve.rebuild`), without the server: before each save every built page is overwritten
with a marker, so a page still holding it after the rebuild is one MkDocs did not render again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config

from coursegen.builder import Paths, mkdocs_serve
from coursegen.builder.engines import MkDocsEngine
from coursegen.builder.preview import LivePreview
from tests.serving import edit, mini_copy

STALE = b"not rebuilt"
LECTURE = Path("course/lectures/01-basics.yml")


class Served:
    """The live preview of a copy of the mini course and the site MkDocs' preview server builds from it."""

    def __init__(self, site: Path, preview: LivePreview, later: list[Callable[[], None]]) -> None:
        self.site = site
        self.preview = preview
        self.later = later

    def pages(self) -> dict[str, bytes]:
        """Every page the preview shows (MkDocs' 404 page is written at every build, whatever changed)."""
        return {p.relative_to(self.site).as_posix(): p.read_bytes() for p in self.site.rglob("*.html") if p.name != "404.html"}

    def rebuild(self) -> None:
        config = load_config(config_file=str(self.preview.config), site_dir=str(self.site))
        config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_serve.rebuild(config, serve_url="http://127.0.0.1:8000/")

    def save(self, old: str, new: str) -> set[str]:
        """Save an edit of the basics lecture; the pages rebuilt for it (the handbook written when its wait is over)."""
        for page in self.pages():
            (self.site / page).write_bytes(STALE)
        edit(LECTURE, old, new)
        assert self.preview.regenerate()
        for write in self.later:
            write()
        self.later.clear()
        self.rebuild()
        return {page for page, content in self.pages().items() if content != STALE}

    def search_entries(self) -> list[dict[str, str]]:
        docs: list[dict[str, str]] = json.loads((self.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        return docs


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    folder = mini_copy(tmp_path)
    monkeypatch.chdir(folder)
    preview = LivePreview(Paths(), "trainee", [].append, MkDocsEngine())
    later: list[Callable[[], None]] = []
    monkeypatch.setattr(preview, "later", lambda seconds, write: later.append(write))
    mkdocs_serve._serving = mkdocs_serve._Serving(preview.config)
    try:
        preview.start(progress=lambda _: None)
        served = Served(tmp_path / "site", preview, later)
        served.rebuild()
        yield served
    finally:
        mkdocs_serve._serving = None


def test_a_save_of_a_lectures_text_rebuilds_that_lecture_and_the_pages_that_show_its_text(served: Served) -> None:
    everything = set(served.pages())
    rebuilt = served.save("投诉往往源于期望与体验的落差。", "投诉往往源于期望与现实的落差。")
    assert rebuilt == {"lectures/basics/index.html", "handbook/index.html"}, f"of {len(everything)} pages"
    assert "期望与现实的落差" in (served.site / "lectures" / "basics" / "index.html").read_text(encoding="utf-8")
    entries = served.search_entries()
    locations = [entry["location"] for entry in entries]
    assert len(locations) == len(set(locations)), "a rebuilt page is listed twice in the search index"
    assert {location.partition("#")[0] for location in locations} >= {"lectures/basics/", "lectures/practice/"}
    texts = " ".join(entry["text"] for entry in entries).replace("\u200b", "")
    assert "现实的落差" in texts and "体验的落差" not in texts


def test_a_new_lecture_title_rebuilds_every_pages_menu(served: Served) -> None:
    everything = set(served.pages())
    rebuilt = served.save("title: 基础——认识投诉", "title: 基础——认识客户投诉")
    assert rebuilt == everything
    assert "认识客户投诉" in (served.site / "lectures" / "practice" / "index.html").read_text(encoding="utf-8")


def test_a_save_that_changes_no_page_rebuilds_none_and_a_changed_theme_rebuilds_all(served: Served) -> None:
    everything = set(served.pages())
    assert served.save("facilitator:\n  notes: 讲师备注：先请学员举例。", "facilitator:\n  notes: 讲师备注：先请学员举个例子。") == set()
    assert served.save("讲师备注：先请学员举个例子。", "讲师备注：先请学员举例。") == set()
    theme = served.preview.config.parent / "theme" / "partials"
    theme.mkdir(parents=True, exist_ok=True)
    (theme / "extra.html").write_text("<!-- a trainer's override -->", encoding="utf-8")
    for page in served.pages():
        (served.site / page).write_bytes(STALE)
    served.rebuild()
    assert {page for page, content in served.pages().items() if content != STALE} == everything


def test_an_edit_of_a_hand_written_page_rebuilds_every_page(served: Served) -> None:
    """A menu entry of the trainer's without a title shows the page's first heading: only MkDocs knows it changed."""
    everything = set(served.pages())
    own = sorted(Path("docs").rglob("*.md"))[0]
    for page in served.pages():
        (served.site / page).write_bytes(STALE)
    own.write_text(own.read_text(encoding="utf-8").replace("# ", "# 新的", 1), encoding="utf-8")
    assert served.preview.regenerate()
    served.rebuild()
    assert {page for page, content in served.pages().items() if content != STALE} == everything


def test_after_a_dirty_rebuild_of_two_pages_each_is_in_the_search_index_once() -> None:
    """Material's search merges the last index with a dirty rebuild's by dropping the first rebuilt page's sections
    only (it expects one page); a save rebuilds a lecture and the pages that show its text."""
    from material.plugins.search.plugin import SearchPlugin

    def entry(location: str, text: str) -> dict[str, str]:
        return {"location": location, "title": location, "text": text}

    search = SearchPlugin()
    search.search_index_prev = SimpleNamespace(entries=[entry("a/", "old a"), entry("a/#one", "old a"), entry("b/", "old b"),
                                                         entry("c/", "c")])
    search.search_index = SimpleNamespace(entries=[entry("a/", "new a"), entry("b/", "new b")])
    mkdocs_serve.before_search_index(SimpleNamespace(plugins={"search": search}))  # type: ignore[arg-type]
    assert search.search_index_prev.entries == [entry("c/", "c")]


def test_the_themes_files_are_listed_once_until_the_theme_folder_changes(served: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs walks Material's ten thousand icons at every build to list the theme's static files: a dirty rebuild
    reuses the list, and a file added to the workspace's theme folder is in the next one."""
    import jinja2

    walks: list[int] = []
    list_templates = jinja2.Environment.list_templates
    monkeypatch.setattr(jinja2.Environment, "list_templates", lambda env, *args, **kw: walks.append(1) or list_templates(env, *args, **kw))
    served.save("投诉往往源于期望与体验的落差。", "投诉往往源于期望与现实的落差。")
    served.save("投诉往往源于期望与现实的落差。", "投诉往往源于期望与体验的落差。")
    assert walks == [], "the theme's files were listed again for a rebuild of one lecture"
    extra = served.preview.config.parent / "theme" / "assets" / "extra.css"
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text("body { margin: 0 }", encoding="utf-8")
    served.rebuild()
    assert walks == [1]
    assert (served.site / "assets" / "extra.css").read_text(encoding="utf-8") == "body { margin: 0 }"
