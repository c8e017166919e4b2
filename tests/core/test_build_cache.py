"""What a build keeps under ``.coursegen/cache/`` so the next one redoes only the work its changes need: the course
files it parsed and checked (by content), the search index it made from the engine's sections, and Zensical's scan of
each page for links (by the page's bytes).

Whatever is amiss with a kept file (written by another coursegen, cut short, not a cache at all) costs time, never
an error: the work is done again and the file rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coursegen import cache
from coursegen.builder import Paths, build, generate, search_index
from coursegen.load import project as loading
from tests.serving import edit, mini_copy

LECTURE = Path("course/lectures/01-basics.yml")
KEPT_LOADS = Path(".coursegen/cache/load.pickle")
KEPT_LINKS = Path(".coursegen/cache/zensical-links-trainee.pickle")
SITE = Path("site")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = mini_copy(tmp_path)
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The course files each generation parses, in the order it parses them (cleared by the test)."""
    files: list[Path] = []
    read = loading.read_yaml

    def counted(path: Path) -> Any:
        files.append(path)
        return read(path)

    monkeypatch.setattr(loading, "read_yaml", counted)
    return files


def lecture_page() -> str:
    return Path(".coursegen/trainee/docs/lectures/basics.md").read_text(encoding="utf-8")


def test_a_build_after_one_changed_file_parses_that_file_only(project: Path, parsed: list[Path]) -> None:
    generate(Paths())
    everything = set(parsed)
    assert LECTURE in everything and len(everything) > 5
    parsed.clear()
    generate(Paths())
    assert parsed == [], "an unchanged course was parsed again"
    edit(LECTURE, "投诉往往源于期望与体验的落差。", "投诉往往源于期望与现实的落差。")
    generate(Paths())
    assert parsed == [LECTURE]
    assert "期望与现实的落差" in lecture_page()


def test_a_file_with_a_warning_is_read_again_and_warns_again(project: Path, parsed: list[Path]) -> None:
    edit(LECTURE, "summary: 认识投诉的来源。", "summary: （待补充：本讲摘要）")
    first = generate(Paths()).warnings
    assert [w.path for w in first] == [LECTURE]
    parsed.clear()
    again = generate(Paths()).warnings
    assert [str(w) for w in again] == [str(w) for w in first]
    assert parsed == [LECTURE], "only the file that warned is read again"


def test_another_coursegen_parses_every_file_again(project: Path, parsed: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    generate(Paths())
    everything = list(parsed)
    parsed.clear()
    monkeypatch.setattr(cache, "fingerprint", lambda: "an upgraded coursegen")
    generate(Paths())
    assert parsed == everything


@pytest.mark.parametrize("content", [b"", b"not a pickle at all", b"\x80\x05K\x01.", b"\x80\x05\x95\xff\xff"],
                         ids=["empty", "text", "another-object", "cut-short"])
def test_a_corrupt_cache_file_is_read_past_and_rewritten(project: Path, parsed: list[Path], content: bytes) -> None:
    generate(Paths())
    everything = list(parsed)
    KEPT_LOADS.write_bytes(content)
    parsed.clear()
    generate(Paths())
    assert parsed == everything
    parsed.clear()
    generate(Paths())
    assert parsed == [], "the cache file was not rewritten"


def engine_index(site: Path, texts: list[str]) -> None:
    (site / "search").mkdir(parents=True, exist_ok=True)
    docs = [{"location": f"lectures/{n}/", "title": f"第{n}讲", "text": text} for n, text in enumerate(texts)]
    (site / search_index.MATERIAL.path).write_text(json.dumps({"config": {}, "docs": docs}, ensure_ascii=False), encoding="utf-8")


def written(site: Path) -> dict[str, bytes]:
    folder = site / "assets" / "coursegen" / search_index.FOLDER
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_search_index_of_unchanged_pages_is_written_again_not_made_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = tmp_path / ".coursegen" / "cache" / "search-trainee.pickle"
    made: list[int] = []
    make: Callable[..., dict[str, str]] = search_index._index_files
    monkeypatch.setattr(search_index, "_index_files", lambda docs: made.append(len(docs)) or make(docs))
    engine_index(tmp_path / "one", ["投诉往往源于期望与体验的落差。", "倾听客户"])
    search_index.write_search_index(tmp_path / "one", cache=kept)
    engine_index(tmp_path / "two", ["投诉往往源于期望与体验的落差。", "倾听客户"])
    search_index.write_search_index(tmp_path / "two", cache=kept)
    assert made == [2]
    assert written(tmp_path / "two") == written(tmp_path / "one")
    assert search_index.read_search_index(tmp_path / "two")[0][2] == "投诉往往源于期望与体验的落差。"
    engine_index(tmp_path / "three", ["投诉往往源于期望与现实的落差。", "倾听客户"])
    search_index.write_search_index(tmp_path / "three", cache=kept)
    assert made == [2, 2]
    assert search_index.read_search_index(tmp_path / "three")[0][2] == "投诉往往源于期望与现实的落差。"
    kept.write_bytes(b"garbage")
    engine_index(tmp_path / "four", ["投诉往往源于期望与现实的落差。", "倾听客户"])
    search_index.write_search_index(tmp_path / "four", cache=kept)
    assert made == [2, 2, 2] and written(tmp_path / "four") == written(tmp_path / "three")


@pytest.fixture
def zensical_pages(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """What Zensical does page by page, cleared by the test: the pages it renders to HTML (their paths in the docs
    folder), and the Markdown it scans for links (each page's text)."""
    from zensical import collectors
    from zensical.markdown import render

    rendered: list[str] = []
    scanned: list[str] = []
    to_html, scan = render.render, collectors.references

    def rendering(content: str, path: str, *more: Any, **options: Any) -> Any:
        rendered.append(path)
        return to_html(content, path, *more, **options)

    def scanning(markdown: bytes, *more: Any, **options: Any) -> Any:
        scanned.append(markdown.decode("utf-8"))
        return scan(markdown, *more, **options)

    monkeypatch.setattr(render, "render", rendering)
    monkeypatch.setattr(collectors, "references", scanning)
    return rendered, scanned


def site_files() -> dict[str, bytes]:
    return {p.relative_to(SITE).as_posix(): p.read_bytes() for p in sorted(SITE.rglob("*")) if p.is_file()}


@pytest.mark.python("zensical")
def test_a_zensical_build_after_one_changed_file_renders_and_scans_that_page_only(
        project: Path, zensical_pages: tuple[list[str], list[str]]) -> None:
    rendered, scanned = zensical_pages
    build(Paths(), SITE, engine="zensical")
    assert "lectures/basics.md" in rendered and len(scanned) == len(rendered) > 5
    first = site_files()
    rendered.clear()
    scanned.clear()
    build(Paths(), SITE, engine="zensical")
    assert (rendered, scanned) == ([], []), "an unchanged course was rendered or scanned again"
    assert site_files() == first, "the links kept from the last build made another site"
    edit(LECTURE, "投诉往往源于期望与体验的落差。", "投诉往往源于期望与现实的落差。")
    build(Paths(), SITE, engine="zensical")
    assert sorted(rendered) == ["handbook.md", "lectures/basics.md"], "the lecture, and the handbook that prints it"
    assert len(scanned) == 2 and all("期望与现实的落差" in page for page in scanned)
    assert "期望与现实的落差" in (SITE / "lectures" / "basics" / "index.html").read_text(encoding="utf-8")


@pytest.mark.python("zensical")
def test_a_corrupt_file_of_kept_links_has_every_page_scanned_again(project: Path, zensical_pages: tuple[list[str], list[str]]) -> None:
    _rendered, scanned = zensical_pages
    build(Paths(), SITE, engine="zensical")
    everything = sorted(scanned)
    first = site_files()
    KEPT_LINKS.write_bytes(b"\x80\x05\x95\xff\xff")
    scanned.clear()
    build(Paths(), SITE, engine="zensical")
    assert sorted(scanned) == everything
    assert site_files() == first
    scanned.clear()
    build(Paths(), SITE, engine="zensical")
    assert scanned == [], "the file of kept links was not rewritten"
