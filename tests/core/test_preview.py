"""The live preview's generator (coursegen serve), in process: what a failed save writes and what it leaves alone.

A failed regeneration rewrites the overlay's data script and nothing else, so MkDocs keeps serving the last
good pages under the overlay; a course broken at start gets a page of its own; and nothing of the overlay
reaches a built site. (tests/core/test_serve.py and tests/browser/test_preview_overlay.py run the real server.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coursegen.builder import Paths, build
from coursegen.builder.engines import Engine, MkDocsEngine, ZensicalEngine
from coursegen.builder.preview import LivePreview
from coursegen.messages import speaking
from coursegen.render.preview import MARK, STATE
from tests.serving import edit, mini_copy

BROKEN = "course/lectures/01-basics.yml:3:1: 不认识的键 `titel`"
KEPT = "（预览仍显示上次成功生成的版本）"
ERROR_PAGE = "（预览显示一页问题清单，改好后会自动显示课程）"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture course, as the working folder: messages name files as the trainer typed them."""
    folder = mini_copy(tmp_path)
    monkeypatch.chdir(folder)
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def state(workspace: Path) -> str:
    return (workspace / "docs" / STATE).read_text(encoding="utf-8")


def test_a_failed_regeneration_rewrites_the_overlay_data_only_and_the_fix_clears_it(project: Path) -> None:
    said: list[str] = []
    preview = LivePreview(Paths(), "trainee", said.append)
    preview.start(progress=lambda _: None)
    workspace = preview.config.parent
    assert STATE in (workspace / "mkdocs.yml").read_text(encoding="utf-8")
    assert '"problems":[]' in state(workspace)
    good = files(workspace)

    edit(Path("course/lectures/01-basics.yml"), "title: 基础", "titel: 基础")
    assert not preview.regenerate()
    after = files(workspace)
    changed = {name for name in good.keys() | after.keys() if good.get(name) != after.get(name)}
    assert changed == {f"docs/{STATE}"}, "a failed regeneration touched the last good pages"
    assert f'"text":"{BROKEN}"' in state(workspace)
    assert "提示：是不是想写 `title`？" in state(workspace)
    assert BROKEN in said[-1] and said[-1].endswith(KEPT)

    edit(Path("course/lectures/01-basics.yml"), "titel: 基础", "title: 基础")
    assert preview.regenerate()
    assert '"problems":[]' in state(workspace)
    assert files(workspace) == good


def test_the_terminal_says_it_in_english_for_an_english_course(project: Path) -> None:
    said: list[str] = []
    preview = LivePreview(Paths(), "trainee", said.append)
    preview.start(progress=lambda _: None)
    edit(Path("course/lectures/01-basics.yml"), "title: 基础", "titel: 基础")
    with speaking("en"):  # what `coursegen serve` chose for a course whose `language` is en
        assert not preview.regenerate()
    assert said[-1].endswith("\n(still serving the last good version)")


def test_a_course_broken_at_start_gets_a_page_listing_its_problems_escaped(project: Path) -> None:
    edit(Path("course/lectures/01-basics.yml"), "title: 基础——认识投诉", "<b>: 基础")
    said: list[str] = []
    preview = LivePreview(Paths(), "trainee", said.append)
    preview.start(progress=lambda _: None)
    workspace = preview.config.parent
    page = (workspace / "docs" / "index.md").read_text(encoding="utf-8")
    assert "不认识的键 `&lt;b&gt;`" in page and "<b>" not in page, "a message quoting the YAML must not become HTML"
    assert "course/lectures/01-basics.yml:3:1" in page
    assert not (workspace / "docs" / "lectures").exists()
    assert "课程还没有成功生成过" in state(workspace)
    assert said[-1].endswith(ERROR_PAGE)

    edit(Path("course/lectures/01-basics.yml"), "<b>: 基础", "title: 基础——认识投诉")
    assert preview.regenerate()
    assert (workspace / "docs" / "lectures" / "basics.md").exists()
    assert '"problems":[]' in state(workspace)


def test_the_error_page_speaks_the_course_language_read_from_a_course_yml_that_may_not_load(project: Path) -> None:
    course = Path("course/course.yml")
    course.write_text(course.read_text(encoding="utf-8") + "language: en\nnonsense: 1\n", encoding="utf-8")
    preview = LivePreview(Paths(), "trainee", lambda _: None)
    preview.start(progress=lambda _: None)
    assert "problem(s) in the course files" in state(preview.config.parent)


def test_without_a_readable_mkdocs_yml_serve_still_stops_with_the_error(project: Path) -> None:
    Path("mkdocs.yml").unlink()
    with pytest.raises(Exception, match="这里没有 MkDocs 设置文件 mkdocs.yml"):
        LivePreview(Paths(), "trainee", lambda _: None).start(progress=lambda _: None)


def test_a_build_after_serve_carries_nothing_of_the_overlay(project: Path) -> None:
    """serve and build share the workspace: the build must drop what serve added."""
    preview = LivePreview(Paths(), "trainee", lambda _: None)
    preview.start(progress=lambda _: None)
    build(Paths(), project / "site")
    assert_no_overlay(project / "site")
    assert MARK not in (preview.config).read_text(encoding="utf-8")


def test_the_example_site_carries_nothing_of_the_overlay(example_site: Path) -> None:
    assert_no_overlay(example_site)


def assert_no_overlay(site: Path) -> None:
    """No overlay file, and no page, script or search index that names one."""
    assert not [p for p in site.rglob(f"*{MARK}*")], "an overlay file is in the built site"
    for path in site.rglob("*"):
        if path.suffix in (".html", ".js", ".json", ".css", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert MARK not in text and "coursegenPreview" not in text, f"{path.relative_to(site)} mentions the overlay"


def test_an_error_without_a_place_in_a_course_file_still_gets_a_line() -> None:
    """An unreadable file in docs/ (PermissionError from the workspace copy), another user error, a bug."""
    from coursegen.errors import UserError
    from coursegen.render.preview import Report, reports

    assert reports(PermissionError(13, "Permission denied", "docs/help.md")) == [Report("docs/help.md: Permission denied")]
    assert reports(UserError("docs/index.md: this hand-written page has the address of a generated page")) == [
        Report("docs/index.md: this hand-written page has the address of a generated page")
    ]
    assert reports(RuntimeError("boom")) == [Report("RuntimeError: boom")]


def held_back(preview: LivePreview, monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], None]]:
    """The writes of the files ``preview`` holds back (LATER), made when the test calls them rather than when a timer
    runs out: what must come first is checked in between, without a race a busy machine lost."""
    writes: list[Callable[[], None]] = []
    monkeypatch.setattr(preview, "later", lambda seconds, write: writes.append(write))
    return writes


@pytest.mark.parametrize("engine", [ZensicalEngine(), MkDocsEngine()], ids=["zensical", "mkdocs"])
def test_an_engine_gets_the_edited_page_before_the_handbook(project: Path, monkeypatch: pytest.MonkeyPatch, engine: Engine) -> None:
    """Both engines rebuild just the changed pages: the handbook, which holds every lecture, is written a moment
    after the edited lecture, so the lecture the trainer looks at is rebuilt first."""
    preview = LivePreview(Paths(), "trainee", [].append, engine)
    later = held_back(preview, monkeypatch)
    preview.start(progress=lambda _: None)
    docs = preview.config.parent / "docs"
    edit(Path("course/lectures/01-basics.yml"), "投诉的来源", "投诉从哪里来")
    assert preview.regenerate()
    assert "投诉从哪里来" in (docs / "lectures" / "basics.md").read_text(encoding="utf-8")
    assert "投诉从哪里来" not in (docs / "handbook.md").read_text(encoding="utf-8"), "the handbook came first"
    for write in later:  # the timers run out
        write()
    assert "投诉从哪里来" in (docs / "handbook.md").read_text(encoding="utf-8"), "the handbook never caught up"


def test_after_a_fix_an_incremental_engine_gets_the_pages_before_the_overlay_goes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Zensical's preview reloads the browser on the first changed file: were the overlay's data script first, the
    browser would reload before the fixed page was rebuilt, and miss the page's own reload."""
    preview = LivePreview(Paths(), "trainee", [].append, ZensicalEngine())
    later = held_back(preview, monkeypatch)
    preview.start(progress=lambda _: None)
    workspace = preview.config.parent
    edit(Path("course/lectures/01-basics.yml"), "title: 基础", "titel: 基础")
    assert not preview.regenerate()
    assert BROKEN in state(workspace), "a broken save shows at once"
    edit(Path("course/lectures/01-basics.yml"), "titel: 基础", "title: 基础")
    edit(Path("course/lectures/01-basics.yml"), "投诉的来源", "投诉从哪里来")
    assert preview.regenerate()
    assert "投诉从哪里来" in (workspace / "docs" / "lectures" / "basics.md").read_text(encoding="utf-8")
    assert BROKEN in state(workspace), "the overlay's data came before the fixed page"
    for write in later:  # the timers run out
        write()
    assert BROKEN not in state(workspace), "the overlay never went"
