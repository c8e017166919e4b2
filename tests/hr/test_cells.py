"""Text from trainees' files as it reaches a cell (xlsx, CSV) or the HTML page."""

from __future__ import annotations

import dataclasses

from coursegen.hr.cells import EXCEL_CELL_LIMIT, text
from coursegen.hr.html import render_html

from .conftest import Built


def utf16_units(value: str) -> int:
    return len(value.encode("utf-16-le")) // 2


def test_a_cell_cut_to_excels_limit_ends_with_a_visible_marker() -> None:
    cell = text("评" * 40_000)
    assert utf16_units(cell) == EXCEL_CELL_LIMIT
    assert cell.endswith("…〔已截断：原文 40000 字〕") and cell.startswith("评" * 100)


def test_excels_limit_counts_an_emoji_twice_and_the_cut_never_splits_one() -> None:
    cell = text("😀" * 20_000)  # 20,000 characters, 40,000 UTF-16 units
    assert utf16_units(cell) <= EXCEL_CELL_LIMIT
    assert cell.endswith("…〔已截断：原文 20000 字〕")
    assert set(cell[: -len("…〔已截断：原文 20000 字〕")]) == {"😀"}


def test_text_within_the_limit_is_kept_whole() -> None:
    assert text("评" * EXCEL_CELL_LIMIT) == "评" * EXCEL_CELL_LIMIT
    assert text("a\tb\nc") == "a\tb\nc"


def test_control_characters_surrogates_and_non_characters_become_replacement_characters() -> None:
    assert text("a\x00b\x1bc\x85d\ud800e\uffff") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffd"


def test_the_html_page_carries_no_control_character_and_no_lone_surrogate(built: Built) -> None:
    html = render_html(dataclasses.replace(built.report, course_title="课程\x01\x1b[0m\ud800"))
    html.encode("utf-8")  # a lone surrogate would raise here, and the page would be a 0-byte file
    assert "课程\ufffd\ufffd[0m\ufffd" in html
    assert "\x01" not in html and "\x1b" not in html
