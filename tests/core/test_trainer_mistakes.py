"""A trainer's common mistakes, one at a time: one message each, at the mistake's own line and column, in the course's
language, and the same message from ``check``, ``build`` and the live preview's overlay.

The mistakes are listed in ``tests/fixtures/mistakes.yml`` as edits of the small fixture course, each with the message
a Chinese course gets and the one an English course (``language: en``) gets.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from coursegen.builder import Paths
from coursegen.builder.preview import LivePreview
from coursegen.cli import main
from coursegen.load.problems import CourseError
from coursegen.render.preview import STATE
from tests.conftest import ROOT

MINI = ROOT / "tests" / "fixtures" / "mini"
MISTAKES: list[dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "fixtures" / "mistakes.yml").read_text(encoding="utf-8"))
FIRST = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<col>\d+): (?P<text>.*(?:\n    .*)?)", re.MULTILINE)


def make(tmp_path: Path, mistake: dict[str, Any], language: str) -> Path:
    """A copy of the fixture course with the mistake made in it (and ``language: en`` for English)."""
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    course = project / "course" / "course.yml"
    if language == "en":
        course.write_text(course.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    target = project / mistake["file"]
    text = target.read_text(encoding="utf-8")
    if "encoding" in mistake:
        target.write_bytes(text.encode(mistake["encoding"]))
    else:
        assert mistake["find"] in text, f"{mistake['name']}: nothing to change"
        target.write_text(text.replace(mistake["find"], mistake["replace"], 1), encoding="utf-8")
    return project


def in_a_week() -> str:
    """The date a past deadline's hint proposes (a week from today, in the zone of the course's times: +08:00 in
    the fixture), so the expected message does not go stale the day after it was written."""
    return f"{datetime.now(timezone(timedelta(hours=8))) + timedelta(days=7):%Y-%m-%d}"


def reported(output: str) -> list[tuple[str, int, int, str]]:
    """Each ``file:line:col: message`` (with its hint line) in a command's output."""
    return [(m["path"], int(m["line"]), int(m["col"]), m["text"]) for m in FIRST.finditer(output)]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("mistake", MISTAKES, ids=[m["name"] for m in MISTAKES])
def test_one_mistake_gets_one_message_at_its_place_in_the_course_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mistake: dict[str, Any], language: str
) -> None:
    monkeypatch.chdir(make(tmp_path, mistake, language))
    result = CliRunner().invoke(main, ["check"])
    found = [r for r in reported(result.output) if mistake.get("note") or "警告：" not in r[3] and "warning: " not in r[3]]
    expected = (mistake["file"], mistake["line"], mistake["col"], mistake[language].replace("{in_a_week}", in_a_week()))
    assert found[:1] == [expected], result.output
    assert len(found) == 1, f"one mistake, one message:\n{result.output}"
    assert result.exit_code == (0 if mistake.get("note") else 1)


@pytest.mark.parametrize("mistake", [m for m in MISTAKES if not m.get("note")], ids=[m["name"] for m in MISTAKES if not m.get("note")])
def test_check_build_and_the_preview_say_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mistake: dict[str, Any]) -> None:
    monkeypatch.chdir(make(tmp_path, mistake, "zh"))
    runner = CliRunner()
    checked = reported(runner.invoke(main, ["check"]).output)[0]
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 1 and not Path("site").exists()
    assert checked in reported(built.output)
    preview = LivePreview(Paths(), "trainee", [].append)
    path, line, col, text = checked
    message, _, hint = text.partition("\n    ")
    if mistake["file"] == "mkdocs.yml":  # no page can be served without the site's settings: serve stops and says why
        with pytest.raises(CourseError) as stopped:
            preview.start(progress=lambda _: None)
        assert f"{path}:{line}:{col}: {message}" in str(stopped.value)
        return
    preview.start(progress=lambda _: None)
    script = (preview.config.parent / "docs" / STATE).read_text(encoding="utf-8")
    shown = json.loads(script.split(" = ", 1)[1].rstrip().rstrip(";"))["problems"]
    assert shown[0]["text"] == f"{path}:{line}:{col}: {message}"
    assert (shown[0]["hint"] or "") == (f"提示：{hint.removeprefix('提示：')}" if hint else "")
