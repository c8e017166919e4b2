"""`coursegen serve` regenerates and serves a YAML edit without a restart, and survives a broken edit: it
reports the edit's problem and keeps serving the last good pages. Started on a broken course, it serves a page
that lists the problems and shows the course once they are fixed. (The helpers are in tests/serving.py.)"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.serving import StderrLog, edit, fetch, start_serving, wait_for

def python_writing(text: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", f"import sys; sys.stderr.write({text!r})"], stderr=subprocess.PIPE, text=True)


KEPT = "（预览仍显示上次成功生成的版本）"
REGENERATED = "… 课程已重新生成"


def test_waiting_for_a_message_sees_it_and_gives_up_when_the_process_ends_without_it() -> None:
    process = python_writing(f"… rebuilding\nthe site: {KEPT}\n")
    assert StderrLog(process.stderr).wait_for(KEPT)  # type: ignore[arg-type]
    process.wait(timeout=20)
    process = python_writing("… rebuilding\n")
    log = StderrLog(process.stderr)  # type: ignore[arg-type]
    assert not log.wait_for(KEPT)
    assert log.text() == "… rebuilding\n"
    process.wait(timeout=20)


@pytest.mark.parametrize("options", [(), ("--dirty",), ("--engine", "zensical")], ids=["mkdocs", "mkdocs-dirty-flag", "zensical"])
def test_serve_picks_up_yaml_edits(tmp_path: Path, options: tuple[str, ...]) -> None:
    server, log, url, lecture = start_serving(tmp_path, options=options)
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        if "zensical" not in options:  # Zensical prints its own address (on stdout)
            home = url.removesuffix("lectures/basics/")
            assert log.wait_for(f"预览已就绪：{home}（按 Ctrl+C 停止）"), "MkDocs' preview never said where it is"
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("投诉的来源", "投诉从哪里来"), encoding="utf-8")
        assert wait_for(url, "投诉从哪里来"), "the edit never reached the preview"
        before = log.mark()
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("title: 投诉从哪里来", "titel: 坏"), encoding="utf-8")
        assert log.wait_for(KEPT, since=before), "the broken edit was never reported"
        assert "投诉从哪里来" in fetch(url), "a broken edit must leave the last good pages served"
    finally:
        server.terminate()
        server.wait(timeout=20)
    errors = log.text()[before:]
    assert "不认识的键 `titel`" in errors
    assert "prefix dict" not in log.text().lower(), "jieba's loading steps reached the terminal"
    assert "'dirty' build" not in log.text(), "MkDocs' warning of stale menus reached the terminal (menus are not stale)"
    assert ("--dirty 已不再需要" in log.text()) == ("--dirty" in options), "an old script's --dirty is accepted, and said to be unneeded"


def test_the_watcher_survives_a_symlink_loop_and_keeps_regenerating(tmp_path: Path) -> None:
    """A symlink loop appearing in a watched folder once killed the watching thread: live preview stayed dead."""
    server, log, url, lecture = start_serving(tmp_path)
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        before = log.mark()
        os.symlink("loop-b", lecture.parents[1] / "loop-a")
        os.symlink("loop-a", lecture.parents[1] / "loop-b")
        # The watcher meets the loop before the edit (it died on it before the edit arrived): the loop is a change.
        assert log.wait_for(REGENERATED, since=before), "the watcher never regenerated for the symlink loop"
        lecture.write_text(lecture.read_text(encoding="utf-8").replace("投诉的来源", "投诉从哪里来"), encoding="utf-8")
        assert wait_for(url, "投诉从哪里来"), "the edit after the loop never reached the preview"
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "Traceback" not in log.text()


BROKEN = "course/lectures/01-basics.yml:3:1: 不认识的键 `titel`"
"""What the terminal and the browser say about a lecture whose ``title:`` was typed ``titel:``."""


def test_serve_starts_on_a_broken_course_serves_its_problems_and_recovers_on_the_fix(tmp_path: Path) -> None:
    server, log, url, lecture = start_serving(tmp_path, prepare=lambda lecture: edit(lecture, "title: 基础", "titel: 基础"))
    home = url.removesuffix("lectures/basics/")
    try:
        assert wait_for(home, BROKEN), "no page lists the problems of a course broken at start"
        assert server.poll() is None, "serve exited on a broken course"
        assert "cg-preview.js" in fetch(home), "the error page lacks the overlay"
        assert BROKEN in log.text_so_far()
        before = log.mark()
        edit(lecture, "titel: 基础", "title: 基础")
        assert wait_for(url, "投诉的来源"), "the fixed course never reached the preview"
        assert log.wait_for(REGENERATED, since=before)
        state = fetch(home + "assets/coursegen/preview/cg-preview-state.js")
        assert '"problems":[]' in state, "the overlay still has problems to show after the fix"
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "Traceback" not in log.text()



def test_serve_recovers_when_the_course_folder_is_deleted_and_put_back(tmp_path: Path) -> None:
    """A `git stash`, a sync tool or an editor may replace the whole folder: inotify loses the deleted one."""
    server, log, url, lecture = start_serving(tmp_path)
    course = lecture.parents[1]
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        before = log.mark()
        shutil.move(course, tmp_path / "course-away")
        assert log.wait_for(KEPT, since=before), "the missing course was never reported"
        assert "投诉的来源" in fetch(url), "a missing course folder must leave the last good pages served"
        shutil.copytree(tmp_path / "course-away", course)
        edit(lecture, "投诉的来源", "投诉从哪里来")
        assert wait_for(url, "投诉从哪里来"), "edits in the re-created course folder never reached the preview"
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "Traceback" not in log.text()


SCANS = """
import hashlib, sys
from zensical import collectors
scan = collectors.references
def watched(markdown, *more, **options):
    sys.stderr.write(f"scanned {hashlib.sha256(markdown).hexdigest()}\\n")
    return scan(markdown, *more, **options)
collectors.references = watched
from coursegen.cli import main
main()
"""
"""`coursegen` with each page Zensical scans for links said on stderr, by the SHA-256 of its Markdown: the scans coursegen
did not answer from those it kept (it wraps Zensical's function, which is then this one)."""


def page_digests(docs: Path) -> dict[str, str]:
    return {str(p.relative_to(docs)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(docs.rglob("*.md"))}


@pytest.mark.python("zensical")
def test_a_zensical_preview_scans_only_the_pages_a_save_changed(tmp_path: Path) -> None:
    """A new lecture title changes the menu: Zensical's preview reloads its settings and builds every page, and would
    scan every page for links again; the scans of the pages whose Markdown is as it was come from memory."""
    server, log, url, lecture = start_serving(tmp_path, options=("--engine", "zensical"), python=("-c", SCANS))
    docs = lecture.parents[2] / ".coursegen" / "trainee" / "docs"
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        before = page_digests(docs)
        assert all(log.wait_for(f"scanned {digest}") for digest in before.values()), "the first build scans every page"
        mark = log.mark()
        text = lecture.read_text(encoding="utf-8")  # one save: the title (in the menu) and a section (in the page only)
        lecture.write_text(text.replace("title: 基础——认识投诉", "title: 基础——认识投诉与倾听").replace("投诉的来源", "投诉从哪里来"), encoding="utf-8")
        assert wait_for(url.removesuffix("lectures/basics/") + "handbook/", "投诉从哪里来"), "the handbook (written last) never caught up"
        after = page_digests(docs)
        changed = {after[page] for page in after if before.get(page) != after[page]}
        assert all(log.wait_for(f"scanned {digest}", since=mark) for digest in changed)
        scanned = re.findall(r"^scanned (\w+)$", log.text_so_far()[mark:], re.MULTILINE)
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert {"lectures/basics.md", "handbook.md"} <= {page for page in after if before.get(page) != after[page]}
    assert sorted(scanned) == sorted(changed), "pages whose Markdown did not change were scanned again"
    assert "Traceback" not in log.text()


def built_with_zensical(lecture: Path) -> None:
    subprocess.run([sys.executable, "-m", "coursegen", "build", "--engine", "zensical"], cwd=lecture.parents[2], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)


@pytest.mark.python("zensical")
def test_a_zensical_preview_starts_with_the_scans_a_build_kept_and_keeps_its_own(tmp_path: Path) -> None:
    """The preview's pages are the build's: it scans none of them at start, only the pages a save then changed; and
    what it keeps on disk is the scans of the pages as they are now, each page's older scans left out."""
    from coursegen import cache

    server, log, url, lecture = start_serving(tmp_path, prepare=built_with_zensical, options=("--engine", "zensical"),
                                              python=("-c", SCANS))
    project = lecture.parents[2]
    docs = project / ".coursegen" / "trainee" / "docs"
    try:
        assert wait_for(url, "投诉的来源"), "the preview never came up"
        before = page_digests(docs)
        edit(lecture, "投诉的来源", "投诉从哪里来")
        assert wait_for(url.removesuffix("lectures/basics/") + "handbook/", "投诉从哪里来"), "the handbook (written last) never caught up"
        after = page_digests(docs)
        changed = {after[page] for page in after if before.get(page) != after[page]}
        assert all(log.wait_for(f"scanned {digest}") for digest in changed)
        scanned = re.findall(r"^scanned (\w+)$", log.text_so_far(), re.MULTILINE)
        assert sorted(scanned) == sorted(changed), "the preview scanned pages the build had scanned"
        pages = {cache.content_key(p.read_bytes()) for p in docs.rglob("*.md")}
        kept = project / ".coursegen" / "cache" / "zensical-links-trainee.pickle"
        deadline = time.monotonic() + 60
        while cache.read(kept).keys() != pages and time.monotonic() < deadline:  # written once the rebuild is over
            time.sleep(0.2)
        assert cache.read(kept).keys() == pages
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "Traceback" not in log.text()
