"""The example course's hotspot picture is the one scripts/draw_counter.py draws, so its areas stay where the
question's YAML puts them; the quiz fixture uses the same picture."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

from coursegen.load import load_project

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_pictures_are_what_the_script_draws() -> None:
    svg = runpy.run_path(str(ROOT / "scripts" / "draw_counter.py"))["svg"]()
    assert (ROOT / "docs" / "images" / "counter.svg").read_text(encoding="utf-8") == svg
    assert (ROOT / "tests" / "quiz" / "fixture" / "docs" / "images" / "counter.svg").read_text(encoding="utf-8") == svg


def test_the_example_hotspot_s_right_area_is_the_board_the_picture_draws() -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "draw_counter.py"))
    board = next(shape for shape in script["SHAPES"] if 'fill="#8a6238"' in shape)  # the notice board's frame
    x, y, w, h = (int(re.search(rf' {name}="(\d+)"', board).group(1)) for name in ("x", "y", "width", "height"))  # type: ignore[union-attr]
    width, height = script["WIDTH"], script["HEIGHT"]
    project, _ = load_project(ROOT / "course", ROOT / "quizzes")
    [hotspot] = [q for q in project.quizzes["quiz-service-front"].questions if q.type == "hotspot"]
    assert hotspot.areas[0].at == [100 * x // width, 100 * y // height, 100 * w // width, 100 * h // height]  # type: ignore[union-attr]
